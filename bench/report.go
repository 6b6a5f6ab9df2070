package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"
)

// Results is everything one run measured; results.json is this value.
type Results struct {
	Started   time.Time    `json:"started"`
	Finished  time.Time    `json:"finished"`
	Machine   Machine      `json:"machine"`
	Nodes     int          `json:"nodes"`
	Seed      uint64       `json:"seed"`
	Heap      string       `json:"neo4j_heap"`
	PageCache string       `json:"neo4j_pagecache"`
	Warmup    float64      `json:"warmup_seconds"`
	Duration  float64      `json:"cell_seconds"`
	Clients   []int        `json:"clients"`
	Import    ImportResult `json:"import"`
	Ops       []OpInfo     `json:"ops"`
	Cells     []Cell       `json:"cells"`
	Targets   []Target     `json:"targets"`
	Profiles  []Profile    `json:"profiles,omitempty"`
}

// Machine describes where the numbers were taken.
type Machine struct {
	CPU         string  `json:"cpu"`
	Cores       int     `json:"cores"`
	MemoryGB    float64 `json:"memory_gb"`
	Kernel      string  `json:"kernel"`
	LoadAvg     string  `json:"loadavg_at_start"`
	Go          string  `json:"go"`
	Java        string  `json:"java"`
	Node        string  `json:"node"`
	Neo4j       string  `json:"neo4j"`
	PeerVersion string  `json:"neo4j_graphql"`
}

// OpInfo says what an operation asks, in each system's words.
type OpInfo struct {
	Name    string `json:"name"`
	About   string `json:"about"`
	Entente string `json:"entente_graphql"`
	Peer    string `json:"peer_graphql"`
}

// Target is one target of the issue with its verdict.
type Target struct {
	Target  string `json:"target"`
	Met     *bool  `json:"met"` // null: not measured in this run
	Measure string `json:"measured"`
}

// Profile is the top of a CPU profile of Entente's server during one cell.
type Profile struct {
	Op      string `json:"op"`
	Clients int    `json:"clients"`
	Top     string `json:"top"`
}

func machine() Machine {
	m := Machine{Cores: runtime.NumCPU(), Go: runtime.Version(), LoadAvg: readTrim("/proc/loadavg"),
		Kernel: readTrim("/proc/sys/kernel/osrelease"), Java: versionOf("java", "-version"), Node: versionOf("node", "--version")}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	m.MemoryGB = round(procMeminfoGB())
	return m
}

func procMeminfoGB() float64 {
	b, _ := os.ReadFile("/proc/meminfo")
	var kb float64
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb)
		}
	}
	return kb / (1 << 20)
}

func readTrim(path string) string {
	b, _ := os.ReadFile(path)
	return strings.TrimSpace(string(b))
}

// neo4jVersion asks the server its name, version and edition.
func neo4jVersion(ctx context.Context, uri string) string {
	d, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		return "unknown"
	}
	defer d.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, d, "CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition AS v", nil, neo4j.EagerResultTransformer)
	if err != nil || len(res.Records) == 0 {
		return "unknown"
	}
	v, _ := res.Records[0].Get("v")
	return fmt.Sprint(v)
}

// peerVersion reads the installed @neo4j/graphql and @apollo/server versions.
func peerVersion(dir string) string {
	var parts []string
	for _, pkg := range []string{"@neo4j/graphql", "@apollo/server", "neo4j-driver"} {
		var p struct{ Version string }
		b, err := os.ReadFile(filepath.Join(dir, "node_modules", pkg, "package.json"))
		if err == nil && json.Unmarshal(b, &p) == nil {
			parts = append(parts, pkg+" "+p.Version)
		}
	}
	return strings.Join(parts, ", ")
}

// profile fetches a CPU profile of Entente's child over the measured window of a cell and
// sends the top of `go tool pprof` (empty when it cannot).
func profile(ctx context.Context, log zerolog.Logger, base, file string, warm, dur time.Duration) chan string {
	out := make(chan string, 1)
	go func() {
		defer close(out)
		select {
		case <-time.After(warm):
		case <-ctx.Done():
			return
		}
		secs := max(1, int(dur.Seconds()))
		resp, err := http.Get(fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", base, secs))
		if err != nil {
			log.Warn().Err(err).Msg("profile")
			return
		}
		defer resp.Body.Close()
		f, err := os.Create(file)
		if err != nil {
			return
		}
		_, err = io.Copy(f, resp.Body)
		f.Close()
		if err != nil {
			return
		}
		exe, _ := os.Executable()
		top, err := exec.Command("go", "tool", "pprof", "-top", "-cum", "-nodecount=30", exe, file).Output()
		if err != nil {
			log.Warn().Err(err).Msg("go tool pprof")
			return
		}
		out <- strings.TrimSpace(string(top))
	}()
	return out
}
