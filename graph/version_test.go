package graph_test

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente/fixtures"
)

// Every committed write changes the graph's version, whatever its path; a refused one
// does not; concurrent writes are each counted; DeleteAll starts a new epoch.
func TestEveryWriteChangesTheVersion(t *testing.T) {
	store, ctx := open(t)
	version := func() string {
		t.Helper()
		v, err := store.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	last := version()
	changed := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if v := version(); v == last {
			t.Errorf("%s left the version at %s", what, v)
		} else {
			last = v
		}
	}
	_, err := store.Import(ctx, read(t, fixtureA), nil)
	changed("Import", err)
	_, err = store.UpsertNode(ctx, fixtures.Node{ID: "state:atlantis", Kind: fixtures.KindState, Name: "Atlantis"})
	changed("UpsertNode", err)
	_, err = store.AddEdge(ctx, raceEdge("state:atlantis", "un"))
	changed("AddEdge", err)
	_, err = store.RemoveEdge(ctx, raceEdge("state:atlantis", "un").Key())
	changed("RemoveEdge", err)
	_, err = store.MergeNodes(ctx, "un", "unicri")
	changed("MergeNodes", err)

	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "x", Kind: "Country", Name: "X"}); err == nil {
		t.Fatal("a node of an unknown kind was written")
	}
	if v := version(); v != last {
		t.Errorf("a refused write moved the version from %s to %s", last, v)
	}

	count := func(v string) int {
		_, c, _ := strings.Cut(v, ":")
		n, err := strconv.Atoi(c)
		if err != nil {
			t.Fatalf("version %q", v)
		}
		return n
	}
	const writers = 8
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "state:s" + strconv.Itoa(i), Kind: fixtures.KindState, Name: "S"}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := count(version()) - count(last); got != writers {
		t.Errorf("%d concurrent writes moved the count by %d", writers, got)
	}

	epoch, _, _ := strings.Cut(version(), ":")
	changed("DeleteAll", store.DeleteAll(ctx))
	if e, _, _ := strings.Cut(last, ":"); e == epoch {
		t.Errorf("DeleteAll kept the epoch %s: an old count could come back", e)
	}
}
