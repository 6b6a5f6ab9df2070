package graph_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/localdb"
)

// Neo4j killed (SIGKILL) in the middle of an import run: the run fails, its undo cannot
// run, and the chunks it committed stay; once Neo4j is back on the same data, the next
// start (RecoverImports) rolls the run back to exactly the graph before, and loading the
// file again gives what one transaction gives.
func TestImportRunNeo4jKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts, kills and restarts a Neo4j of its own")
	}
	shared, _ := open(t)
	_, want := importBoth(t, shared, 0, false)

	lib := os.Getenv("ENTENTE_NEO4J_LIB")
	if lib == "" {
		lib, _ = filepath.Abs(filepath.Join("..", ".neo4j", "lib"))
	}
	if jars, _ := filepath.Glob(filepath.Join(lib, "*.jar")); len(jars) == 0 {
		if os.Getenv("ENTENTE_REQUIRE_NEO4J") == "1" {
			t.Fatalf("no Neo4j jars in %s (make neo4j) but ENTENTE_REQUIRE_NEO4J=1", lib)
		}
		t.Skipf("no Neo4j jars in %s: make neo4j fetches them", lib)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	home := t.TempDir()
	start := func() *localdb.Server {
		db, err := localdb.Start(context.Background(), localdb.Options{LibDir: lib, Home: home, BoltPort: port,
			Heap: "256m", PageCache: "64m", StartTimeout: 2 * time.Minute,
			Log: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Stop(context.Background()) })
		return db
	}
	db := start()
	c := graph.Config{URI: db.URI}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	store, err := graph.Open(ctx, c, zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.ErrorLevel))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(context.Background())
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Import(ctx, runBase(), nil); err != nil {
		t.Fatal(err)
	}
	before := snapshotAt(t, c)

	graph.SetImportChunk(store, 150)
	batches := 0
	_, err = store.ImportFile(ctx, runFile(), "digest-of-the-large-file", "large.json", func(done, total int) {
		if batches++; batches == 10 {
			if err := syscall.Kill(db.Pid(), syscall.SIGKILL); err != nil {
				t.Error(err)
			}
		}
	})
	if err == nil {
		t.Fatal("the import went through with Neo4j killed")
	}
	t.Logf("import with Neo4j killed: %v", err)

	start()
	graph.SetImportStale(store, 0) // this process lives on: the run is the one the kill left
	waitFor(t, func() bool { return store.Ping(ctx) == nil })
	if recs := queryAt(t, c, "MATCH (r:ImportRun) RETURN count(r)", nil); recs[0].Values[0] != int64(1) {
		t.Fatalf("%v unfinished runs after the restart, want 1", recs[0].Values[0])
	}
	if err := store.RecoverImports(ctx); err != nil {
		t.Fatal(err)
	}
	diffGraphs(t, "Neo4j killed, restarted, recovered", before, snapshotAt(t, c))
	if _, err := store.ImportFile(ctx, runFile(), "digest-of-the-large-file", "large.json", nil); err != nil {
		t.Fatal(err)
	}
	diffGraphs(t, "Neo4j killed, loaded again", want, snapshotAt(t, c))
}

// waitFor polls ok for up to a minute.
func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for began := time.Now(); !ok(); time.Sleep(200 * time.Millisecond) {
		if time.Since(began) > time.Minute {
			t.Fatal("waited a minute")
		}
	}
}
