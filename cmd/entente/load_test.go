package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
)

// TestRunSkipsFixturesAlreadyLoaded checks that `entente run` imports a fixture file once:
// at the next start the same bytes are skipped, changed bytes are imported again, and
// `entente load` always imports.
func TestRunSkipsFixturesAlreadyLoaded(t *testing.T) {
	store := graphtest.Open(t)
	ctx := context.Background()
	src, err := os.ReadFile("../../testdata/server/small.json")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "small.json")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	load := func(skip bool) string {
		var buf bytes.Buffer
		if err := loadFixtures(ctx, store, zerolog.New(&buf), []string{file}, skip); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if out := load(true); !strings.Contains(out, `"message":"loaded"`) {
		t.Fatalf("first start did not import: %s", out)
	}
	nodes, edges, _ := store.Counts(ctx)
	if out := load(true); strings.Contains(out, `"message":"loaded"`) || !strings.Contains(out, `"already_loaded":1`) {
		t.Errorf("second start imported the same file again: %s", out)
	}
	if n, e, _ := store.Counts(ctx); n != nodes || e != edges {
		t.Errorf("counts changed from %d/%d to %d/%d", nodes, edges, n, e)
	}
	if out := load(false); !strings.Contains(out, `"message":"loaded"`) {
		t.Errorf("entente load skipped a file: %s", out)
	}
	if err := os.WriteFile(file, append(src, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := load(true); !strings.Contains(out, `"message":"loaded"`) {
		t.Errorf("a changed file was skipped: %s", out)
	}
}

// cancelOn is a log sink that cancels a context when a line holds a given message.
type cancelOn struct {
	message string
	cancel  context.CancelFunc
}

func (c cancelOn) Write(p []byte) (int, error) {
	if strings.Contains(string(p), `"message":"`+c.message+`"`) {
		c.cancel()
	}
	return len(p), nil
}

// TestLoadRecordsFileWithItsImport stops the loader (Ctrl-C) as soon as it says a file is
// loaded: the file must then be recorded as loaded, or else nothing of it written, so
// that the next `entente run` neither skips a file that is missing nor finds one it
// imported unrecorded.
func TestLoadRecordsFileWithItsImport(t *testing.T) {
	store := graphtest.Open(t)
	src, err := os.ReadFile("../../testdata/server/small.json")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "small.json")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err = loadFixtures(ctx, store, zerolog.New(cancelOn{"loaded", cancel}), []string{file}, true)
	t.Logf("load stopped after the loaded line: %v", err)
	nodes, _, err := store.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := store.LoadedFixtures(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if recorded := len(loaded) == 1; recorded != (nodes > 0) {
		t.Fatalf("%d nodes written but %d files recorded as loaded: the record and the import must commit together", nodes, len(loaded))
	}
	if nodes == 0 {
		t.Fatal("the loader said the file was loaded, yet nothing of it is in the graph")
	}
	// The history records the load, in the same transaction, as cli:load, with the file.
	h, err := store.History(context.Background(), "state:it")
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Actor != ActorLoad || h[0].Action != graph.ActionImport || h[0].Detail["file"] != file {
		t.Errorf("history of state:it after the load = %+v, want one import by %s of %s", h, ActorLoad, file)
	}
}
