package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

// TestLoadChoosesBulkForAnEmptyLocalDatabase: `entente load` without NEO4J_URI fills an
// empty local database with the bulk importer and says so; loading again into the
// database now holding nodes goes by transactions, with the reason, and creates nothing.
func TestLoadChoosesBulkForAnEmptyLocalDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("starts its own Neo4j")
	}
	lib := os.Getenv("ENTENTE_NEO4J_LIB")
	if lib == "" {
		lib = "../../.neo4j/lib"
	}
	lib, _ = filepath.Abs(lib)
	if jars, _ := filepath.Glob(filepath.Join(lib, "neo4j-*.jar")); len(jars) == 0 {
		if os.Getenv("ENTENTE_REQUIRE_NEO4J") == "1" {
			t.Fatal("no Neo4j jars: run make neo4j")
		}
		t.Skip("no Neo4j jars: run make neo4j")
	}
	c, _, err := parse("load", []string{"--neo4j-uri=", "--neo4j-home", t.TempDir(), "--neo4j-lib", lib,
		"--neo4j-heap", "256m", "--neo4j-pagecache", "64m"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	load := func() string {
		var buf syncBuffer // the driver logs from its own goroutines while it closes
		if err := loadLocal(context.Background(), c, zerolog.New(&buf), []string{"../../testdata/server/small.json"}, bulkAuto, false); err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		return buf.String()
	}
	out := load()
	for _, want := range []string{`"path":"bulk"`, `"message":"import path: bulk`, `"message":"load finished (bulk)"`} {
		if !strings.Contains(out, want) {
			t.Errorf("first load: no %s in\n%s", want, out)
		}
	}
	out = load()
	for _, want := range []string{`"path":"incremental"`, `"reason":"the local database holds`, `"created":0`} {
		if !strings.Contains(out, want) {
			t.Errorf("second load: no %s in\n%s", want, out)
		}
	}
}
