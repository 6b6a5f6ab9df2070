package bulk_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/bulk"
	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/graph/localdb"
	"github.com/entente/entente/loaders/synth"
)

// libDir is where the Neo4j jars are: ENTENTE_NEO4J_LIB, else `make neo4j`'s folder.
func libDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ENTENTE_NEO4J_LIB")
	if dir == "" {
		dir = "../../.neo4j/lib"
	}
	if jars, _ := filepath.Glob(filepath.Join(dir, "neo4j-*.jar")); len(jars) == 0 {
		if os.Getenv("ENTENTE_REQUIRE_NEO4J") == "1" {
			t.Fatal("no Neo4j jars: run make neo4j or set ENTENTE_NEO4J_LIB")
		}
		t.Skip("no Neo4j jars: run make neo4j or set ENTENTE_NEO4J_LIB")
	}
	return dir
}

const actor = "cli:load"

// incremental loads files one transaction each into the test Neo4j, as `entente load`
// does, and returns its backup; invalid or refused files are left out.
func incremental(t *testing.T, files []string) []string {
	t.Helper()
	store := graphtest.Open(t)
	ctx := graph.WithActor(context.Background(), actor)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := fixtures.Parse(file, data)
		if err != nil {
			continue
		}
		sum := sha256.Sum256(data)
		if _, err := store.ImportFile(ctx, f, hex.EncodeToString(sum[:]), file, nil); err != nil {
			t.Logf("incremental: %s not loaded: %v", file, err)
		}
	}
	return backup(t, store)
}

// bulkLoad loads files by the bulk path into a fresh local home and returns its backup.
func bulkLoad(t *testing.T, files []string) (*bulk.Result, []string) {
	t.Helper()
	lib := libDir(t)
	home := t.TempDir()
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
	ctx := context.Background()
	res, err := bulk.Load(ctx, bulk.Options{LibDir: lib, Home: home, Heap: "512m", OffHeap: "512m", Actor: actor, Log: log}, files)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := localdb.Start(ctx, localdb.Options{LibDir: lib, Home: home, Heap: "512m", PageCache: "128m", Log: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop(context.Background()) })
	store, err := graph.Open(ctx, graph.Config{URI: srv.URI}, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(context.Background()) })
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := store.FinishBulk(graph.WithActor(ctx, actor), res.Steps, res.LoadedFiles); err != nil {
		t.Fatal(err)
	}
	return res, backup(t, store)
}

// backup is the store's backup, one line per node and relationship, without what differs
// between two loads of the same files: history records' ids and times, the time a file
// or merge was recorded, the random ids of merge records. Sorted.
func backup(t *testing.T, store *graph.Store) []string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := store.Backup(context.Background(), &buf, "test"); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer
	if _, err := raw.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(raw.String()), "\n")
	var out []string
	for _, line := range lines[1 : len(lines)-1] {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatal(err)
		}
		normalise(v)
		b, _ := json.Marshal(v)
		out = append(out, string(b))
	}
	sort.Strings(out)
	return out
}

func normalise(v map[string]any) {
	if props, ok := v["props"].(map[string]any); ok {
		for _, k := range []string{"at", "loadedAt", "mergedAt"} {
			if _, ok := props[k]; ok {
				props[k] = "<time>"
			}
		}
		// A merge record lists the merged node's relationships in the order Neo4j reads
		// them (its storage order): compared as a set.
		if rec, ok := props["record"].(string); ok {
			var r map[string]any
			if json.Unmarshal([]byte(rec), &r) == nil {
				if rels, ok := r["rels"].([]any); ok {
					sort.Slice(rels, func(i, j int) bool {
						a, _ := json.Marshal(rels[i])
						b, _ := json.Marshal(rels[j])
						return string(a) < string(b)
					})
				}
				b, _ := json.Marshal(r)
				props["record"] = string(b)
			}
		}
		if id, ok := props["id"].(string); ok && (strings.HasPrefix(id, "change:") || strings.HasPrefix(id, "merge:")) {
			props["id"] = "<id>"
		}
	}
	for _, end := range []string{"from", "to"} {
		if key, ok := v[end].([]any); ok && len(key) == 2 {
			if id, ok := key[1].(string); ok && (strings.HasPrefix(id, "change:") || strings.HasPrefix(id, "merge:")) {
				key[1] = "<id>"
			}
		}
	}
}

// same fails the test with the first differences between two backups.
func same(t *testing.T, inc, blk []string) {
	t.Helper()
	a, b := map[string]int{}, map[string]int{}
	for _, l := range inc {
		a[l]++
	}
	for _, l := range blk {
		b[l]++
	}
	var onlyInc, onlyBulk []string
	for l, n := range a {
		if b[l] < n {
			onlyInc = append(onlyInc, l)
		}
	}
	for l, n := range b {
		if a[l] < n {
			onlyBulk = append(onlyBulk, l)
		}
	}
	sort.Strings(onlyInc)
	sort.Strings(onlyBulk)
	if len(onlyInc)+len(onlyBulk) == 0 {
		return
	}
	if dir := os.Getenv("ENTENTE_BULK_DUMP"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "only-incremental"), []byte(strings.Join(onlyInc, "\n")), 0o644)
		_ = os.WriteFile(filepath.Join(dir, "only-bulk"), []byte(strings.Join(onlyBulk, "\n")), 0o644)
	}
	for i, l := range onlyInc {
		if i < 8 {
			t.Errorf("only incremental: %.600s", l)
		}
	}
	for i, l := range onlyBulk {
		if i < 8 {
			t.Errorf("only bulk:        %.600s", l)
		}
	}
	t.Fatalf("%d lines of %d only in the incremental graph, %d of %d only in the bulk one", len(onlyInc), len(inc), len(onlyBulk), len(blk))
}

func TestBulkImportEqualsIncrementalOnRepoFixtures(t *testing.T) {
	files, err := fixtures.Files("../../fixtures")
	if err != nil || len(files) == 0 {
		t.Fatalf("fixtures: %v", err)
	}
	inc := incremental(t, files)
	res, blk := bulkLoad(t, files)
	t.Logf("%d lines; plan %+v", len(inc), res.Plan)
	same(t, inc, blk)
}

func TestBulkImportEqualsIncrementalOnSyntheticGraph(t *testing.T) {
	dir := t.TempDir()
	g, err := synth.New(synth.Options{Nodes: 10000, Seed: 3, FileNodes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Write(dir, nil); err != nil {
		t.Fatal(err)
	}
	files, _ := fixtures.Files(dir)
	began := time.Now()
	inc := incremental(t, files)
	t.Logf("incremental: %d lines in %s", len(inc), time.Since(began))
	began = time.Now()
	res, blk := bulkLoad(t, files)
	t.Logf("bulk: %d lines in %s; plan %+v", len(blk), time.Since(began), res.Plan)
	if res.Plan.Merges == 0 {
		t.Errorf("the synthetic graph has no meeting merges: the test does not exercise the post-pass")
	}
	same(t, inc, blk)
}
