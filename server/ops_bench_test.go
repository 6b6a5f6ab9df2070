package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/loaders/synth"
	"github.com/entente/entente/server"
)

// benchOp is one of the six operations of `make bench` (bench/ops.go), as Entente is asked.
type benchOp struct {
	name  string
	query string
	args  func(g *synth.Generator, r *rand.Rand) map[string]any
	after string // a first-page query whose endCursor becomes the request's after
}

func benchPerson(g *synth.Generator, r *rand.Rand) string {
	return g.ID(fixtures.KindPerson, r.IntN(g.Count(fixtures.KindPerson)))
}

// benchOps are the GraphQL documents of bench/ops.go.
var benchOps = []benchOp{
	{name: "node", query: `query Node($id: ID!) { node(id: $id) { id name kind ... on Person { title
  affiliations { title actor { id name country } }
  meetings { role meeting { id name startDate participants { role participant { id name kind } } } } } } }`,
		args: func(g *synth.Generator, r *rand.Rand) map[string]any { return map[string]any{"id": benchPerson(g, r)} }},
	{name: "search", query: `query Search($text: String!) { search(text: $text, first: 20) { score node { id name kind } } }`,
		args: func(g *synth.Generator, r *rand.Rand) map[string]any {
			n := g.Node(fixtures.KindPerson, r.IntN(g.Count(fixtures.KindPerson)))
			var words []string
			for _, w := range strings.Fields(n.Name) {
				if len([]rune(w)) > 2 {
					words = append(words, w)
				}
			}
			return map[string]any{"text": strings.Join(words, " ")}
		}},
	{name: "list", query: `query List($country: String!, $from: Date!, $after: String) {
  meetings(filter: {country: $country, from: $from}, orderBy: {field: DATE, direction: DESC}, first: 20, after: $after) {
    totalCount edges { cursor node { id name startDate } } pageInfo { hasNextPage endCursor } } }`,
		after: `query Page1($country: String!, $from: Date!) {
  meetings(filter: {country: $country, from: $from}, orderBy: {field: DATE, direction: DESC}, first: 20) { pageInfo { endCursor } } }`,
		args: func(g *synth.Generator, r *rand.Rand) map[string]any {
			country := g.Node(fixtures.KindState, r.IntN(g.Count(fixtures.KindState))).Country
			return map[string]any{"country": *country, "from": fmt.Sprint(2008 + r.IntN(10))}
		}},
	{name: "neighbourhood", query: `query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 200) {
  truncated nodes { id name kind } edges { id kind from { id } to { id } } } }`,
		args: func(g *synth.Generator, r *rand.Rand) map[string]any { return map[string]any{"id": benchPerson(g, r)} }},
	{name: "shortestPath", query: `query ShortestPath($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 6) {
  length nodes { id name kind } edges { id kind from { id } to { id } } } }`,
		args: func(g *synth.Generator, r *rand.Rand) map[string]any {
			return map[string]any{"from": benchPerson(g, r), "to": benchPerson(g, r)}
		}},
	{name: "timeline", query: `query Timeline($id: ID!) { timeline(id: $id) { date kind node { id name kind } edge { id } } }`,
		args: func(g *synth.Generator, r *rand.Rand) map[string]any {
			return map[string]any{"id": g.ID(fixtures.KindAgency, r.IntN(g.Count(fixtures.KindAgency)))}
		}},
}

// benchGraphNodes is the size of the synthetic graph the operation benchmarks import.
const benchGraphNodes = 5000

var (
	benchOnce  sync.Once
	benchStore *graph.Store
	benchGen   *synth.Generator
	benchErr   error
)

// benchGraph empties the test Neo4j and imports a synthetic graph of benchGraphNodes (once
// per process).
func benchGraph(b *testing.B) (*graph.Store, *synth.Generator) {
	graphtest.Config(b) // skips without NEO4J_URI
	benchOnce.Do(func() {
		ctx := context.Background()
		store, err := graph.Open(ctx, graphtest.Config(b), zerolog.Nop())
		if err != nil {
			benchErr = err
			return
		}
		if err = store.DeleteAll(ctx); err == nil {
			err = store.EnsureSchema(ctx)
		}
		if err != nil {
			benchErr = err
			return
		}
		g, err := synth.New(synth.Options{Nodes: benchGraphNodes, Seed: 1})
		if err != nil {
			benchErr = err
			return
		}
		for f := range g.Files() {
			if _, err := store.Import(ctx, g.Fixture(f), nil); err != nil {
				benchErr = err
				return
			}
		}
		benchStore, benchGen = store, g
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore, benchGen
}

// post sends one GraphQL request to h in-process and returns the body.
func benchPost(b *testing.B, h http.Handler, query string, vars map[string]any) []byte {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"errors":`) {
		b.Fatalf("%d %.300s", w.Code, w.Body)
	}
	return w.Body.Bytes()
}

// cpuTime is the CPU (user+system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// neo4jPID finds the process that listens on the port of NEO4J_URI (0 when unknown), to
// read the CPU Neo4j spends per request.
func neo4jPID() int {
	u, err := url.Parse(os.Getenv("NEO4J_URI"))
	if err != nil || u.Port() == "" {
		return 0
	}
	port, _ := strconv.Atoi(u.Port())
	tcp4, _ := os.ReadFile("/proc/net/tcp")
	tcp6, _ := os.ReadFile("/proc/net/tcp6")
	tcp := append(tcp4, tcp6...)
	inode := ""
	for _, line := range strings.Split(string(tcp), "\n") {
		f := strings.Fields(line)
		if len(f) > 9 && f[3] == "0A" && strings.HasSuffix(f[1], fmt.Sprintf(":%04X", port)) {
			inode = f[9]
		}
	}
	if inode == "" {
		return 0
	}
	procs, _ := filepath.Glob("/proc/[0-9]*/fd/*")
	for _, fd := range procs {
		if l, err := os.Readlink(fd); err == nil && l == "socket:["+inode+"]" {
			pid, _ := strconv.Atoi(strings.Split(fd, "/")[2])
			return pid
		}
	}
	return 0
}

// procCPU is the CPU (user+system) process pid has used.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ
}

// BenchmarkOps sends each of the six operations of `make bench` through the whole handler
// (every middleware, gqlgen, the graph) in-process against the real Neo4j, as `entente
// serve` builds it (request log at info), over 200 argument sets. cpu-µs/op is this
// process's CPU per request (the server and the driver), neo4j-µs/op Neo4j's (found by
// its port), trips/op the statements sent: unlike ns/op they hardly depend on what else
// the machine runs.
//
//	go run ./cmd/entente neo4j exec -- go test -p 1 -run '^$' -bench Ops -benchmem ./server/
func BenchmarkOps(b *testing.B) {
	store, g := benchGraph(b)
	log := zerolog.New(discard{}).Level(zerolog.InfoLevel)
	h := server.New(server.Options{Store: store, Log: log})
	pid := neo4jPID()
	for _, op := range benchOps {
		r := rand.New(rand.NewPCG(1, 2))
		// Bodies are encoded before the loop, as a client would have them.
		var bodies [][]byte
		for range 200 {
			vars := op.args(g, r)
			if op.after != "" {
				var page struct {
					Data map[string]struct{ PageInfo struct{ EndCursor *string } }
				}
				if err := json.Unmarshal(benchPost(b, h, op.after, vars), &page); err != nil {
					b.Fatal(err)
				}
				for _, conn := range page.Data {
					vars["after"] = conn.PageInfo.EndCursor
				}
			}
			body, _ := json.Marshal(map[string]any{"query": op.query, "variables": vars})
			bodies = append(bodies, body)
		}
		// Unmeasured: Neo4j plans and compiles each statement on its first runs.
		for _, body := range bodies {
			var vars map[string]any
			_ = json.Unmarshal(body, &struct{ Variables *map[string]any }{&vars})
			benchPost(b, h, op.query, vars)
		}
		b.Run(op.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			cpu0, db0, trips0 := cpuTime(), procCPU(pid), store.RoundTrips()
			for b.Loop() {
				req := httptest.NewRequest("POST", "/graphql", strings.NewReader(string(bodies[i%len(bodies)])))
				req.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"errors":`) {
					b.Fatalf("%d %.300s", w.Code, w.Body)
				}
				i++
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
			if pid != 0 {
				b.ReportMetric(float64((procCPU(pid)-db0).Microseconds())/float64(b.N), "neo4j-µs/op")
			}
			b.ReportMetric(float64(store.RoundTrips()-trips0)/float64(b.N), "trips/op")
		})
	}
}

// discard is a log writer that keeps nothing (zerolog still formats every line).
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
