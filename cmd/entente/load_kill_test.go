package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/loaders/synth"
)

// TestLoadKilledMidImportIsRolledBack kills (SIGKILL) `entente load` while it imports a
// file of about 38,000 rows, which goes as an import run of several transactions: the
// next `entente load` (of another file) rolls the unfinished run back first, and says
// so, leaving the graph as it was; loading the file again then gives what a load that
// was never killed gives.
func TestLoadKilledMidImportIsRolledBack(t *testing.T) {
	if testing.Short() {
		t.Skip("builds entente and imports a 6,000-node file three times")
	}
	store := graphtest.Open(t)
	ctx := context.Background()
	dir := t.TempDir()
	g, err := synth.New(synth.Options{Nodes: 6000, Seed: 3, FileNodes: 6000})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Write(filepath.Join(dir, "big"), nil); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big")
	small, _ := filepath.Abs("../../testdata/server/small.json")
	bin := filepath.Join(dir, "entente")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	load := func(paths ...string) *exec.Cmd {
		cmd := exec.Command(bin, append([]string{"load", "--log-format", "json"}, paths...)...)
		cmd.Env = append(os.Environ(), "NEO4J_URI="+graphtest.Config(t).URI)
		return cmd
	}

	// What a load that is never killed gives.
	if err := loadFixtures(ctx, store, zerolog.Nop(), []string{small, big}, false); err != nil {
		t.Fatal(err)
	}
	wantNodes, wantEdges := counts(t, store)
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if err := loadFixtures(ctx, store, zerolog.Nop(), []string{small}, false); err != nil {
		t.Fatal(err)
	}
	baseNodes, baseEdges := counts(t, store)

	// Killed once its run has written a chunk of nodes.
	cmd := load(big)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	started, killed := false, false
	for lines.Scan() {
		line := lines.Text()
		started = started || strings.Contains(line, `"message":"import run started`)
		if started && strings.Contains(line, `"message":"importing `) {
			time.Sleep(300 * time.Millisecond) // into its next chunk
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("entente load ended before it could be killed mid-import")
	}
	if n, _ := counts(t, store); n <= baseNodes {
		t.Fatalf("%d nodes after the kill, %d before: the run had written nothing", n, baseNodes)
	}

	// The next load rolls it back first.
	out, err := load(small).CombinedOutput()
	if err != nil {
		t.Fatalf("load after the kill: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "rolling back an unfinished import run") || !strings.Contains(string(out), "import run undone") {
		t.Errorf("the load after the kill did not say it rolled the run back:\n%s", out)
	}
	if n, e := counts(t, store); n != baseNodes || e != baseEdges {
		t.Errorf("after the rollback: %d nodes and %d relationships, want %d and %d as before", n, e, baseNodes, baseEdges)
	}
	loaded, err := store.LoadedFixtures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(loaded) != 1 {
		t.Errorf("%d files recorded as loaded, want only the small one", len(loaded))
	}

	// Loaded again: the whole file, once.
	if out, err := load(big).CombinedOutput(); err != nil {
		t.Fatalf("load again: %v\n%s", err, out)
	}
	if n, e := counts(t, store); n != wantNodes || e != wantEdges {
		t.Errorf("loaded again: %d nodes and %d relationships, want %d and %d", n, e, wantNodes, wantEdges)
	}
}

func counts(t *testing.T, store interface {
	Counts(context.Context) (int, int, error)
}) (int, int) {
	t.Helper()
	n, e, err := store.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n, e
}
