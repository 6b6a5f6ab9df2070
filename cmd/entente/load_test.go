package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

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
