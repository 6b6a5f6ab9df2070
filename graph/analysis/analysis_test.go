package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/loaders/synth"
)

// synthetic is the synthetic graph of the given size (loaders/synth) as a snapshot.
func synthetic(t testing.TB, nodes int) *graph.Subgraph {
	t.Helper()
	g, err := synth.New(synth.Options{Nodes: nodes, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	sg := &graph.Subgraph{}
	seen := map[string]bool{}
	for f := range g.Files() {
		fx := g.Fixture(f)
		for _, n := range fx.Nodes {
			if !seen[n.ID] {
				seen[n.ID] = true
				sg.Nodes = append(sg.Nodes, graph.Node{ID: n.ID, Kind: n.Kind})
			}
		}
		for _, e := range fx.Edges {
			sg.Edges = append(sg.Edges, graph.Edge{Kind: e.Kind, From: e.From, To: e.To})
		}
	}
	return sg
}

// small builds a snapshot from edges "a-b".
func small(edges ...string) *graph.Subgraph {
	sg := &graph.Subgraph{}
	seen := map[string]bool{}
	for _, e := range edges {
		a, b, _ := strings.Cut(e, "-")
		for _, id := range []string{a, b} {
			if !seen[id] {
				seen[id] = true
				sg.Nodes = append(sg.Nodes, graph.Node{ID: id})
			}
		}
		sg.Edges = append(sg.Edges, graph.Edge{From: a, To: b}, graph.Edge{From: b, To: a}) // parallel: counted once
	}
	return sg
}

func TestExactMeasuresOfSmallGraphs(t *testing.T) {
	ctx := context.Background()
	// A path a-b-c-d: b and c each lie on the shortest paths of 2 of the 3 pairs not
	// involving them, normalised by (n-1)(n-2)/2 = 3.
	g := New(small("a-b", "b-c", "c-d"))
	b, err := g.Betweenness(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]float64{"a": 0, "b": 2.0 / 3, "c": 2.0 / 3, "d": 0} {
		if math.Abs(b.Value[id]-want) > 1e-12 {
			t.Errorf("betweenness of %s = %v, want %v", id, b.Value[id], want)
		}
	}
	if b.Sources != 0 {
		t.Errorf("a small graph was sampled (%d sources)", b.Sources)
	}
	if d := g.Degree(); d["b"] != 2.0/3 || d["a"] != 1.0/3 {
		t.Errorf("degree = %v", d)
	}
	// A cycle: PageRank is uniform.
	pr, err := New(small("a-b", "b-c", "c-d", "d-a")).PageRank(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range pr {
		if math.Abs(v-0.25) > 1e-9 {
			t.Errorf("PageRank of %s on a cycle = %v", id, v)
		}
	}
}

// Two triangles joined by one edge are two communities, whatever the seed; modularity is
// networkx's: 2 × (3/7 - (7/14)²) = 5/14.
func TestCommunitiesOfTwoTriangles(t *testing.T) {
	g := New(small("a-b", "b-c", "c-a", "c-d", "d-e", "e-f", "f-d"))
	for seed := range uint64(5) {
		groups, q, err := g.Communities(context.Background(), seed)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(groups) != "[[a b c] [d e f]]" || math.Abs(q-5.0/14) > 1e-12 {
			t.Errorf("seed %d: %v, modularity %v", seed, groups, q)
		}
	}
}

// Past ExactBetweennessNodes, betweenness is estimated from BetweennessSources sources,
// the same ones every time, within the error docs/security.md states.
func TestSampledBetweennessError(t *testing.T) {
	const statedError = 0.02 // docs/security.md: largest absolute error of a node's score
	ctx := context.Background()
	g := New(synthetic(t, 3000))
	if g.Order() <= ExactBetweennessNodes {
		t.Fatalf("%d nodes: not past the exact limit", g.Order())
	}
	est, err := g.Betweenness(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if est.Sources != BetweennessSources {
		t.Fatalf("estimated from %d sources, want %d", est.Sources, BetweennessSources)
	}
	again, _ := g.Betweenness(ctx)
	exact, err := g.SampledBetweenness(ctx, g.Order())
	if err != nil {
		t.Fatal(err)
	}
	worst := 0.0
	for id, v := range exact.Value {
		worst = max(worst, math.Abs(est.Value[id]-v))
		if again.Value[id] != est.Value[id] {
			t.Fatalf("%s: %v, then %v: not reproducible", id, est.Value[id], again.Value[id])
		}
	}
	t.Logf("%d nodes, %d edges: worst absolute error %.5f from %d sources", g.Order(), g.Size(), worst, est.Sources)
	if worst > statedError {
		t.Errorf("worst absolute error %.5f, stated %v", worst, statedError)
	}
}

// Every measure that takes time gives up on an ended context, without a result.
func TestMeasuresStopOnAnEndedContext(t *testing.T) {
	g := New(synthetic(t, 3000))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := g.Betweenness(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("betweenness: %v", err)
	}
	if _, err := g.SampledBetweenness(ctx, g.Order()); !errors.Is(err, context.Canceled) {
		t.Errorf("exact betweenness: %v", err)
	}
	if _, _, err := g.Communities(ctx, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("communities: %v", err)
	}
	if _, err := g.PageRank(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("PageRank: %v", err)
	}
}

func BenchmarkBetweenness20k(b *testing.B) {
	g := New(synthetic(b, 20000))
	b.ResetTimer()
	for range b.N {
		if _, err := g.Betweenness(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCommunities20k(b *testing.B) {
	g := New(synthetic(b, 20000))
	b.ResetTimer()
	for range b.N {
		if _, _, err := g.Communities(context.Background(), 1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPageRank20k(b *testing.B) {
	g := New(synthetic(b, 20000))
	b.ResetTimer()
	for range b.N {
		if _, err := g.PageRank(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}
