package bulk_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph/bulk"
)

// TestPlanMemory plans the fixtures of ENTENTE_BULK_PLAN_DIR (skipped without it) and
// reports the live heap of the plan, after a collection, per million distinct ids: the
// figure docs/performance.md gives. No database.
//
//	go run ./cmd/entente synth --nodes 1000000 --out /tmp/s1m
//	ENTENTE_BULK_PLAN_DIR=/tmp/s1m go test -run TestPlanMemory -v ./graph/bulk/
func TestPlanMemory(t *testing.T) {
	dir := os.Getenv("ENTENTE_BULK_PLAN_DIR")
	if dir == "" {
		t.Skip("ENTENTE_BULK_PLAN_DIR is not set")
	}
	files, err := fixtures.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	changes, err := bulk.NewCSV(filepath.Join(t.TempDir(), "changes.csv"), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer changes.Close()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	began := time.Now()
	plan := bulk.NewPlan(changes, "test")
	for _, file := range files {
		f, err := fixtures.Read(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := plan.Add(file, "", f); err != nil {
			t.Fatal(err)
		}
	}
	took := time.Since(began)
	runtime.GC()
	runtime.ReadMemStats(&after)
	st := plan.Stats()
	ids := st.Nodes + st.Documents + st.Edges
	live := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("%d files in %s: %d nodes, %d documents, %d edges (%d ids), %d MENTIONS, %d merges, %d replayed rows",
		len(files), took.Round(time.Millisecond), st.Nodes, st.Documents, st.Edges, ids, st.Mentions, st.Merges, st.Replayed)
	t.Logf("live heap of the plan %.0f MB: %.0f MB per million ids", live, live/float64(ids)*1e6)
	runtime.KeepAlive(plan)
}
