package synth

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/entente/entente/fixtures"
)

func newGen(t testing.TB, nodes int) *Generator {
	t.Helper()
	g, err := New(Options{Nodes: nodes, Seed: 7, FileNodes: 500})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// Every file is valid on its own, the files together hold exactly Nodes distinct nodes,
// and no edge key is written by two files.
func TestFilesValidAndComplete(t *testing.T) {
	g := newGen(t, 5000)
	ids := map[string]string{}
	keys := map[string]bool{}
	for f := range g.Files() {
		fx := g.Fixture(f)
		if ps := fixtures.Validate(fx); len(ps) > 0 {
			t.Fatalf("file %d: %d problems, first %s", f, len(ps), ps[0])
		}
		data, err := json.Marshal(fx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fixtures.Parse("synth", data); err != nil {
			t.Fatalf("file %d does not read back: %v", f, err)
		}
		for _, n := range fx.Nodes {
			ids[n.ID] = n.Kind
		}
		for _, e := range fx.Edges {
			if keys[e.Key()] {
				t.Fatalf("edge %s written by two files", e.Key())
			}
			keys[e.Key()] = true
		}
	}
	if len(ids) != 5000 {
		t.Errorf("%d distinct nodes, want 5000", len(ids))
	}
	kinds := map[string]int{}
	for _, k := range ids {
		kinds[k]++
	}
	for _, k := range fixtures.NodeKinds {
		if kinds[k] != g.Count(k) {
			t.Errorf("%s: %d nodes in the files, Count says %d", k, kinds[k], g.Count(k))
		}
	}
	if ratio := float64(len(keys)) / 5000; ratio < 3.5 || ratio > 7 {
		t.Errorf("%.1f edges per node, want about 5", ratio)
	}
}

// The same seed gives the same bytes; another seed gives other bytes.
func TestDeterministic(t *testing.T) {
	a, _ := json.Marshal(newGen(t, 3000).Fixture(1))
	b, _ := json.Marshal(newGen(t, 3000).Fixture(1))
	if !bytes.Equal(a, b) {
		t.Fatal("two generators with the same seed wrote different files")
	}
	g, _ := New(Options{Nodes: 3000, Seed: 8, FileNodes: 500})
	if c, _ := json.Marshal(g.Fixture(1)); bytes.Equal(a, c) {
		t.Fatal("another seed wrote the same file")
	}
}

// Degrees are heavy-tailed: the busiest node has far more edges than the median one, and
// some meeting has tens of participants.
func TestHeavyTails(t *testing.T) {
	g := newGen(t, 20000)
	deg := map[string]int{}
	participants := map[string]int{}
	for f := range g.Files() {
		for _, e := range g.Fixture(f).Edges {
			deg[e.From]++
			deg[e.To]++
			if e.Kind == fixtures.EdgeParticipatedIn {
				participants[e.To]++
			}
		}
	}
	ds := make([]int, 0, len(deg))
	for _, d := range deg {
		ds = append(ds, d)
	}
	sort.Ints(ds)
	median, top := ds[len(ds)/2], ds[len(ds)-1]
	if top < 100*median {
		t.Errorf("max degree %d, median %d: not heavy-tailed", top, median)
	}
	most := 0
	for _, n := range participants {
		most = max(most, n)
	}
	if most < 30 {
		t.Errorf("largest meeting has %d participants, want tens", most)
	}
}

// File size does not grow with the graph: the largest file of a 4x larger graph is
// about as large.
func TestBoundedFiles(t *testing.T) {
	largest := func(nodes int) int {
		g := newGen(t, nodes)
		most := 0
		for _, f := range []int{0, g.Files() / 2, g.Files() - 1} {
			most = max(most, len(g.Fixture(f).Nodes)+len(g.Fixture(f).Edges))
		}
		return most
	}
	small, big := largest(5000), largest(20000)
	if float64(big) > 1.5*float64(small) {
		t.Errorf("largest file has %d entries at 20k nodes, %d at 5k: grows with the graph", big, small)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	g := newGen(t, 2000)
	st, err := g.Write(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != g.Files() || st.Files != g.Files() {
		t.Fatalf("%d files written, want %d", len(files), g.Files())
	}
	for _, f := range files {
		if _, err := fixtures.Read(f); err != nil {
			t.Fatal(err)
		}
	}
	if fi, _ := os.Stat(files[0]); fi.Size() == 0 {
		t.Fatal("empty file")
	}
}

func TestTooSmall(t *testing.T) {
	if _, err := New(Options{Nodes: 10}); err == nil {
		t.Fatal("10 nodes accepted")
	}
}

func BenchmarkFixture(b *testing.B) {
	g := newGen(b, 100000)
	for b.Loop() {
		g.Fixture(3)
	}
}
