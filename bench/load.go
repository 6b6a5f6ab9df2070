package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/loaders/synth"
)

// ImportResult is what the import of the synthetic graph measured.
type ImportResult struct {
	Path           string     `json:"path,omitempty"` // incremental or bulk (-import)
	Files          int        `json:"files"`
	FixtureBytes   int64      `json:"fixture_bytes"`
	Documents      int        `json:"documents"`
	Nodes          int        `json:"nodes"`                     // distinct nodes of the graph
	Edges          int        `json:"edges"`                     // distinct edges of the graph
	NodeRows       int        `json:"node_rows"`                 // node entries in the files (shared nodes repeat)
	Rows           int        `json:"rows"`                      // documents + node rows + edge rows sent to Neo4j
	GenerateSecs   float64    `json:"generate_seconds"`          // writing the fixtures
	Seconds        float64    `json:"seconds"`                   // reading, validating and importing them
	EntitiesPerSec float64    `json:"entities_per_s"`            // (nodes + edges) / seconds: the target's measure
	RowsPerSec     float64    `json:"rows_per_s"`                // rows / seconds, as `entente load` reports it
	DBNodes        int        `json:"db_nodes"`                  // all nodes in Neo4j (documents included)
	DBRels         int        `json:"db_relationships"`          // all relationships (MENTIONS included)
	PeakHeapMB     float64    `json:"loader_peak_heap_mb"`       // largest live Go heap of the loader while importing
	EarlyHeapMB    float64    `json:"loader_early_peak_heap_mb"` // the same over the first tenth of the files
	PeakRSSMB      float64    `json:"loader_peak_rss_mb"`        // VmHWM of this process at the end of the import
	FileHeapMB     float64    `json:"largest_file_heap_mb"`      // for scale: heap after reading the largest file
	Neo4jCPUSecs   float64    `json:"neo4j_cpu_seconds"`         // CPU time Neo4j spent importing
	LoaderCPUSecs  float64    `json:"loader_cpu_seconds"`        // CPU time this process spent reading and sending
	PerNeo4jCPU    float64    `json:"entities_per_neo4j_cpu_s"`  // (nodes + edges) / Neo4j CPU seconds: what an idle machine allows at best
	Bulk           *BulkTimes `json:"bulk,omitempty"`            // the bulk path's parts
}

// generate writes the synthetic fixtures into dir, afresh: they depend on the generator
// and on the gazetteer's data as well as on the seed, and take seconds to write.
func generate(log zerolog.Logger, g *synth.Generator, dir string) (synth.Stats, float64, error) {
	_ = os.RemoveAll(dir)
	began, last := time.Now(), time.Now()
	st, err := g.Write(dir, func(n, total int) {
		if time.Since(last) > 2*time.Second {
			last = time.Now()
			log.Info().Int("files", n).Int("total", total).Msg("generating")
		}
	})
	if err != nil {
		return st, 0, err
	}
	secs := time.Since(began).Seconds()
	log.Info().Int("files", st.Files).Int("nodes", st.Nodes).Int("edges", st.Edges).Int64("bytes", st.Bytes).
		Float64("seconds", secs).Msg("synthetic graph written")
	return st, secs, nil
}

// importAll reads and imports every fixture of dir, one transaction per file as `entente
// load` does, reading the next file while Neo4j writes the current one. At most two files
// are in memory at once, so the loader's memory does not grow with the graph.
func importAll(ctx context.Context, log zerolog.Logger, store *graph.Store, dir string, st synth.Stats, neo4jPID int) (ImportResult, error) {
	files, err := fixtures.Files(dir)
	if err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{Path: importIncremental, Files: len(files), FixtureBytes: st.Bytes, Nodes: st.Nodes, Edges: st.Edges, NodeRows: st.NodeRows}
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() { // sample the live heap while importing
		defer close(sampled)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	type read struct {
		f   *fixtures.Fixture
		err error
	}
	next := make(chan read, 1)
	go func() {
		defer close(next)
		for _, file := range files {
			f, err := fixtures.Read(file)
			select {
			case next <- read{f, err}:
			case <-ctx.Done():
				return
			}
		}
	}()
	began, last := time.Now(), time.Now()
	cpu0, db0 := cpuSeconds(os.Getpid()), cpuSeconds(neo4jPID)
	i := 0
	for r := range next {
		if r.err != nil {
			close(stop)
			return res, r.err
		}
		s, err := store.Import(ctx, r.f, nil)
		if err != nil {
			close(stop)
			return res, fmt.Errorf("%s: %w", files[i], err)
		}
		i++
		if i == max(2, len(files)/10) {
			res.EarlyHeapMB = round(float64(peak.Load()) / (1 << 20))
		}
		res.Documents += s.Documents
		res.Rows += s.Documents + s.Nodes + s.Edges
		if time.Since(last) > 2*time.Second || i == len(files) {
			last = time.Now()
			secs := time.Since(began).Seconds()
			done := float64(i) / float64(len(files))
			log.Info().Int("files", i).Int("total", len(files)).Int("rows", res.Rows).
				Float64("rows_per_s", round(float64(res.Rows)/secs)).
				Float64("entities_per_s", round(done*float64(st.Nodes+st.Edges)/secs)).
				Uint64("heap_mb", peak.Load()>>20).Msgf("importing %d/%d", i, len(files))
		}
	}
	res.Seconds = time.Since(began).Seconds()
	res.LoaderCPUSecs = round(cpuSeconds(os.Getpid()) - cpu0)
	if neo4jPID != 0 {
		res.Neo4jCPUSecs = round(cpuSeconds(neo4jPID) - db0)
		if res.Neo4jCPUSecs > 0 {
			res.PerNeo4jCPU = round(float64(st.Nodes+st.Edges) / res.Neo4jCPUSecs)
		}
	}
	close(stop)
	<-sampled
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	res.EntitiesPerSec = round(float64(st.Nodes+st.Edges) / res.Seconds)
	res.RowsPerSec = round(float64(res.Rows) / res.Seconds)
	res.PeakHeapMB = round(float64(peak.Load()) / (1 << 20))
	res.PeakRSSMB = round(procStatusMB(os.Getpid(), "VmHWM"))
	res.FileHeapMB = largestFileHeap(files)
	res.DBNodes, res.DBRels, err = store.Counts(ctx)
	return res, err
}

// largestFileHeap is the heap that reading the largest fixture file takes, for scale.
func largestFileHeap(files []string) float64 {
	var biggest string
	var size int64
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && fi.Size() > size {
			biggest, size = f, fi.Size()
		}
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f, err := fixtures.Read(biggest)
	runtime.GC() // what stays live is the decoded file
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(f)
	if err != nil {
		return 0
	}
	return round(float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20))
}

// procStatusMB reads a memory line (VmRSS, VmHWM) of /proc/PID/status in MB; 0 when unknown.
func procStatusMB(pid int, field string) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			var kb float64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb)
			return kb / 1024
		}
	}
	return 0
}

// round keeps one decimal.
func round(x float64) float64 { return float64(int64(x*10+0.5)) / 10 }
