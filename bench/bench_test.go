package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/loaders/synth"
)

func TestLuceneQuery(t *testing.T) {
	for in, want := range map[string]string{
		"Giulia Rossi":    "giulia AND (rossi OR rossi*)",
		"Amélie O'Connor": "amélie AND o AND (connor OR connor*)",
		"UN":              "(un OR un*)",
	} {
		if got := luceneQuery(in); got != want {
			t.Errorf("luceneQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	if p := percentile(d, 0.5); p != 50*time.Millisecond {
		t.Errorf("p50 = %v", p)
	}
	if p := percentile(d, 0.99); p != 99*time.Millisecond {
		t.Errorf("p99 = %v", p)
	}
}

// Every operation draws arguments for every system, the same for a seed.
func TestArgPools(t *testing.T) {
	g, err := synth.New(synth.Options{Nodes: 2000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i := range ops {
		op := &ops[i]
		gen := func(r *rand.Rand) Args { return op.Args(g, r) }
		a, b := argPool(op, gen, 1, 5), argPool(op, gen, 1, 5)
		for j := range a {
			if a[j].Entente == nil || a[j].Peer == nil || a[j].Cypher == nil {
				t.Fatalf("%s: missing arguments %+v", op.Name, a[j])
			}
			if fmt.Sprint(a[j]) != fmt.Sprint(b[j]) { // fmt prints maps sorted by key
				t.Fatalf("%s: arguments differ for one seed", op.Name)
			}
		}
	}
}

// The report marks targets and renders without measurements of every system.
func TestEvaluate(t *testing.T) {
	r := &Results{Nodes: 100000, Clients: []int{1, 8, 32},
		Import: ImportResult{Nodes: 100000, Edges: 500000, Seconds: 10, EntitiesPerSec: 60000, PeakHeapMB: 80, EarlyHeapMB: 75, FileHeapMB: 20},
		Ops:    []OpInfo{{Name: "node"}},
		Cells: []Cell{
			{System: "entente", Op: "node", Clients: 1, Requests: 10, P50ms: 2.4, P99ms: 5, Throughput: 400},
			{System: "driver", Op: "node", Clients: 1, Requests: 10, P50ms: 2, P99ms: 4, Throughput: 500},
			{System: "peer", Op: "node", Clients: 1, Requests: 10, P50ms: 8, P99ms: 20, Throughput: 100},
			{System: "entente", Op: "node", Clients: 32, Requests: 10, P50ms: 20, Throughput: 1500, ServerRSS: 90},
		}}
	r.evaluate()
	met := map[string]bool{}
	for _, tg := range r.Targets {
		if tg.Met != nil {
			met[tg.Target] = *tg.Met
		}
	}
	for target, want := range map[string]bool{
		"import at least 50k nodes+edges per second":    true,
		"Entente p50 within 1.3x of the driver: node":   true,
		"throughput at least 2x @neo4j/graphql: node":   true,
		"Entente server under 200 MB RSS at 32 clients": true,
		"loader memory does not grow with the input":    true,
	} {
		if got, ok := met[target]; !ok || got != want {
			t.Errorf("%s: met=%v (present %v), want %v", target, got, ok, want)
		}
	}
	if md := r.markdown(); !strings.Contains(md, "| node | 1 | 2.40 | 5.00 | 400 |") {
		t.Errorf("markdown table row missing:\n%s", md)
	}
}
