package graph_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// runBase is what the import-run tests find in the database before the large file: a
// generated graph whose nodes the large file shares, names again, and adds aliases to.
func runBase() *fixtures.Fixture { return generate(400) }

// runFile is the large file: 1,200 nodes (the 400 of runBase among them, with an alias
// each and other confidences), 1,200 edges, a node and an edge given twice (far apart: in
// two chunks), nodes with reference sources, a MEMORANDUM between stored nodes.
func runFile() *fixtures.Fixture {
	f := generate(1200)
	for i := range f.Nodes {
		f.Nodes[i].Aliases = append(f.Nodes[i].Aliases, fmt.Sprintf("Alias %d", i))
		if i%7 == 0 {
			f.Nodes[i].Sources = append(f.Nodes[i].Sources, fixtures.Source{Reference: "gazetteer"})
		}
	}
	again := f.Nodes[3]
	again.Name, again.Aliases = "Person One Again", []string{"P1"}
	f.Nodes = append(f.Nodes, again)
	date := "2024-01"
	f.Edges = append(f.Edges, fixtures.Edge{Kind: fixtures.EdgeMemorandum, From: "org:1", To: "org:2", Date: &date,
		Sources: []fixtures.Source{{Reference: "test"}}})
	edgeAgain := f.Edges[5]
	edgeAgain.Sources = []fixtures.Source{{Reference: "again"}}
	f.Edges = append(f.Edges, edgeAgain)
	return f
}

// importBoth loads runBase with one transaction, then runFile with chunk rows per
// transaction (0: one transaction), and returns the stats of the second and the graph;
// streamed, runFile is written to a file and read piece by piece (fixtures.Scan).
func importBoth(t *testing.T, store *graph.Store, chunk int, streamed bool) (graph.ImportStats, map[string]string) {
	t.Helper()
	ctx := context.Background()
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	graph.SetImportChunk(store, graph.ImportChunk)
	if _, err := store.Import(ctx, runBase(), nil); err != nil {
		t.Fatal(err)
	}
	if chunk > 0 {
		graph.SetImportChunk(store, chunk)
	}
	var st graph.ImportStats
	var err error
	if streamed {
		file := filepath.Join(t.TempDir(), "large.json")
		if err := fixtures.Write(file, runFile()); err != nil {
			t.Fatal(err)
		}
		large, serr := fixtures.Scan(file)
		if serr != nil {
			t.Fatal(serr)
		}
		st, err = store.ImportParts(ctx, large, "digest-of-the-large-file", "large.json", nil)
	} else {
		st, err = store.ImportFile(ctx, runFile(), "digest-of-the-large-file", "large.json", nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	graph.SetImportChunk(store, graph.ImportChunk)
	return st, snapshot(t)
}

// A file past the chunk size is written in several transactions and gives exactly what
// one transaction gives: the same nodes, edges, MENTIONS, properties and list orders,
// the same stats, the file recorded, and no bookkeeping left.
func TestImportRunEqualsOneTransaction(t *testing.T) {
	store, _ := open(t)
	wantStats, want := importBoth(t, store, 0, false)
	for _, c := range []struct {
		chunk    int
		streamed bool
	}{{150, false}, {1000, false}, {150, true}, {100_000, true}} {
		what := fmt.Sprintf("chunk %d, streamed %v", c.chunk, c.streamed)
		st, got := importBoth(t, store, c.chunk, c.streamed)
		if st != wantStats {
			t.Errorf("%s: stats %+v, want %+v", what, st, wantStats)
		}
		diffGraphs(t, what, want, got)
		loaded, err := store.LoadedFixtures(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !loaded["digest-of-the-large-file"] {
			t.Errorf("%s: the file is not recorded as loaded", what)
		}
	}
}

// A run that fails part-way (its context cancelled after the k-th batch) is undone: the
// graph is exactly what it was, the file is not recorded, no bookkeeping is left.
func TestImportRunFailureLeavesNothing(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, runBase(), nil); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t)
	graph.SetImportChunk(store, 150)
	t.Cleanup(func() { graph.SetImportChunk(store, graph.ImportChunk) })
	// 1 document, then 1,200 nodes with their MENTIONS, then 1,201 edges, in batches of
	// at most 150 rows: the run fails after its documents, among its nodes, among its edges.
	for _, k := range []int{1, 6, 14, 20} {
		ctx, cancel := context.WithCancel(ctx)
		batches := 0
		_, err := store.ImportFile(ctx, runFile(), "digest-of-the-large-file", "large.json", func(done, total int) {
			if batches++; batches == k {
				cancel()
			}
		})
		cancel()
		if err == nil {
			t.Fatalf("cancelled after batch %d: the import succeeded", k)
		}
		diffGraphs(t, fmt.Sprintf("cancelled after batch %d", k), before, snapshot(t))
		if loaded, _ := store.LoadedFixtures(context.Background()); loaded["digest-of-the-large-file"] {
			t.Errorf("cancelled after batch %d: the file is recorded as loaded", k)
		}
	}
}

// A run left unfinished, as by a SIGKILL of its process after k chunks, is rolled back by
// the next load (RecoverImports, which every start and every import run calls first),
// and loading the file again gives what one transaction gives.
func TestImportRunKilledIsRolledBack(t *testing.T) {
	store, _ := open(t)
	_, want := importBoth(t, store, 0, false)
	graph.SetImportStale(store, 0) // this process lives on: its runs are the killed ones
	t.Cleanup(func() { graph.SetImportStale(store, graph.ImportStale) })
	ctx := context.Background()
	for _, k := range []int{1, 4, 12} {
		if err := store.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Import(ctx, runBase(), nil); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t)
		graph.SetImportChunk(store, 150)
		graph.KillImportAfter(store, k)
		if _, err := store.ImportFile(ctx, runFile(), "digest-of-the-large-file", "large.json", nil); !errors.Is(err, graph.ErrKilled) {
			t.Fatalf("killed after %d chunks: err = %v", k, err)
		}
		if recs := query(t, "MATCH (r:ImportRun) RETURN count(r)", nil); recs[0].Values[0] != int64(1) {
			t.Fatalf("killed after %d chunks: %v unfinished runs, want 1", k, recs[0].Values[0])
		}
		if err := store.RecoverImports(ctx); err != nil {
			t.Fatal(err)
		}
		diffGraphs(t, fmt.Sprintf("killed after %d chunks, recovered", k), before, snapshot(t))
		// Killed again, then loaded again: the load rolls the run back first.
		graph.KillImportAfter(store, k)
		if _, err := store.ImportFile(ctx, runFile(), "digest-of-the-large-file", "large.json", nil); !errors.Is(err, graph.ErrKilled) {
			t.Fatalf("killed after %d chunks: err = %v", k, err)
		}
		if _, err := store.ImportFile(ctx, runFile(), "digest-of-the-large-file", "large.json", nil); err != nil {
			t.Fatal(err)
		}
		graph.SetImportChunk(store, graph.ImportChunk)
		diffGraphs(t, fmt.Sprintf("killed after %d chunks, loaded again", k), want, snapshot(t))
	}
}

// diffGraphs reports the differences between two snapshots (snapshot), the first few;
// the "already loaded" records (no id) must both be there or both not, whatever their time.
func diffGraphs(t *testing.T, what string, want, got map[string]string) {
	t.Helper()
	if _, ok := want["<nil>"]; ok {
		if _, ok := got["<nil>"]; ok {
			want, got = maps.Clone(want), maps.Clone(got)
			delete(want, "<nil>")
			delete(got, "<nil>")
		}
	}
	shown := 0
	for k, v := range want {
		if got[k] != v && shown < 5 {
			shown++
			t.Errorf("%s: %s\n want %s\n got  %s", what, k, v, got[k])
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok && shown < 5 {
			shown++
			t.Errorf("%s: %s is extra: %s", what, k, v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d nodes and relationships, want %d", what, len(got), len(want))
	}
}
