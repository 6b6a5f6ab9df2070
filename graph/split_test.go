package graph_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// wholeGraph lists every node (labels, properties with their Go types) and every
// relationship (type, both ends with their labels, properties) but the graph's version
// node and the history, which only grows, sorted.
func wholeGraph(t *testing.T) []string {
	t.Helper()
	return snapshotBut(t, graph.LabelVersion, graph.LabelChange, graph.LabelMeetingLock)
}

// Merges followed by their splits (last merged, first split) leave the whole graph as it
// was, element by element: merges that fold edges into the survivor's edges with the same
// key, drop an edge between the two nodes, join MENTIONS of the same documents, raise the
// confidence, move redirects of earlier merges, and merge a node that was itself a survivor.
func TestSplitRestoresTheWholeGraph(t *testing.T) {
	store, ctx := open(t)
	loadSeedAndCurate(t, store) // org:backup-dup is already merged into org:backup-test
	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "unbody:unicri", Kind: "UNBody", Name: "UNICRI",
		Aliases: []string{"Institut interrégional"}, Status: fixtures.StatusProposed}); err != nil {
		t.Fatal(err)
	}
	before := wholeGraph(t)
	merges := [][2]string{
		{"meeting:2024-04-19:rome:meeting", "meeting:rome:conference:002_3be833bce37a2c7b"},
		{"unbody:un", "unbody:unicri"},
		{"org:g7-roma-lyon-group", "org:backup-test"},
		{"state:it", "state:ma"},
	}
	for _, m := range merges {
		if _, err := store.MergeNodes(ctx, m[0], m[1]); err != nil {
			t.Fatalf("merge %s into %s: %v", m[1], m[0], err)
		}
	}
	if diff := wholeGraph(t); slices.Equal(diff, before) {
		t.Fatal("the merges changed nothing")
	}
	for i := len(merges) - 1; i >= 0; i-- {
		nodes, err := store.SplitNode(ctx, merges[i][0])
		if err != nil {
			t.Fatalf("split %s: %v", merges[i][0], err)
		}
		if len(nodes) != 2 || nodes[0].ID != merges[i][0] || nodes[1].ID != merges[i][1] {
			t.Errorf("split %s answered %v, want the survivor then %s", merges[i][0], nodeIDs(nodes), merges[i][1])
		}
	}
	diffLists(t, "graph after the merges and the splits", before, wholeGraph(t))
	// Old ids resolve to their own nodes again, and a backup still holds everything.
	for _, m := range merges {
		ns, err := store.NodesByID(ctx, []string{m[1]})
		if err != nil || ns[0] == nil || ns[0].ID != m[1] {
			t.Errorf("%s resolves to %v (%v), want itself", m[1], ns, err)
		}
	}
	if n, err := store.NodesByID(ctx, []string{"org:backup-dup"}); err != nil || n[0] == nil || n[0].ID != "org:backup-test" {
		t.Errorf("org:backup-dup, merged before, resolves to %v (%v), want org:backup-test", n, err)
	}
}

func nodeIDs(ns []*graph.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}

// Several merges into one node are all undone by one split; what was added to the survivor
// after the merges (an edge, an alias, an edge added through a merged id) stays with it;
// an edge removed after the merge stays removed; the history of both nodes tells it.
func TestSplitKeepsLaterChangesWithTheSurvivor(t *testing.T) {
	store, ctx := open(t)
	for _, path := range []string{fixtureA, fixtureB} {
		if _, err := store.Import(ctx, read(t, path), nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "unbody:x", Kind: "UNBody", Name: "X Office", Aliases: []string{"XO"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddEdge(ctx, fixtures.Edge{Kind: "PART_OF", From: "unbody:x", To: "un"}); err != nil {
		t.Fatal(err)
	}
	unicriEdges := edgeKeysAt(t, "unicri")
	if _, err := store.MergeNodes(ctx, "un", "unicri"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.MergeNodes(ctx, "un", "unbody:x"); err != nil {
		t.Fatal(err)
	}
	// After the merges: an alias, an edge at the survivor, an edge through a merged id.
	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "un", Kind: "UNBody", Name: "United Nations", Aliases: []string{"ONU"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddEdge(ctx, fixtures.Edge{Kind: "MEMBER_OF", From: "state:IT", To: "un"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddEdge(ctx, fixtures.Edge{Kind: "MEMBER_OF", From: "state:MA", To: "unicri"}); err != nil {
		t.Fatal(err)
	}
	nodes, err := store.SplitNode(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	if got := nodeIDs(nodes); !slices.Equal(got, []string{"un", "unbody:x", "unicri"}) {
		t.Errorf("split answered %v, want un, then unbody:x and unicri (newest merge first)", got)
	}
	un := nodes[0]
	if !slices.Contains(un.Aliases, "ONU") || slices.Contains(un.Aliases, "UNICRI") || slices.Contains(un.Aliases, "XO") {
		t.Errorf("un aliases after the split = %v, want ONU kept and the merged names gone", un.Aliases)
	}
	for _, key := range []string{"MEMBER_OF|state:IT|un", "MEMBER_OF|state:MA|un"} {
		if recs := query(t, "MATCH ()-[r:MEMBER_OF {key: $key}]->(:Entity {id: 'un'}) RETURN r", map[string]any{"key": key}); len(recs) != 1 {
			t.Errorf("edge %s added after the merge is not at un after the split", key)
		}
	}
	if got := edgeKeysAt(t, "unicri"); !slices.Equal(got, unicriEdges) {
		t.Errorf("unicri edges after the split = %v, want %v", got, unicriEdges)
	}
	if got := edgeKeysAt(t, "unbody:x"); !slices.Equal(got, []string{"PART_OF|unbody:x|un"}) {
		t.Errorf("unbody:x edges after the split = %v, want its PART_OF un", got)
	}
	if n, err := store.NodesByID(ctx, []string{"unicri"}); err != nil || n[0] == nil || n[0].ID != "unicri" {
		t.Errorf("unicri resolves to %v (%v)", n, err)
	}
	if recs := query(t, "MATCH (r:Redirect) RETURN r.id", nil); len(recs) != 0 {
		t.Errorf("redirects left after the split: %v", recs)
	}
	if recs := query(t, "MATCH (r:"+graph.LabelMergeRecord+") RETURN r.id", nil); len(recs) != 0 {
		t.Errorf("merge records left after the split: %d", len(recs))
	}
	for _, id := range []string{"un", "unicri"} {
		h, err := store.History(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) == 0 || h[0].Action != graph.ActionSplitNode {
			t.Errorf("history of %s starts with %v, want the split", id, h)
		}
	}

	// A moved edge removed after the merge stays removed.
	if _, err := store.MergeNodes(ctx, "un", "unicri"); err != nil {
		t.Fatal(err)
	}
	if removed, err := store.RemoveEdge(ctx, "PARTICIPATED_IN|un|meeting:a"); err != nil || !removed {
		t.Fatalf("remove the moved edge: %v %v", removed, err)
	}
	if _, err := store.SplitNode(ctx, "un"); err != nil {
		t.Fatal(err)
	}
	for _, key := range edgeKeysAt(t, "unicri") {
		if strings.HasPrefix(key, "PARTICIPATED_IN|unicri|meeting:a") {
			t.Errorf("the edge removed after the merge came back: %s", key)
		}
	}
}

// edgeKeysAt lists the keys of the domain edges at a node, sorted.
func edgeKeysAt(t *testing.T, id string) []string {
	t.Helper()
	var out []string
	for _, r := range query(t, "MATCH (:Entity {id: $id})-[r]-(:Entity) WHERE type(r) <> 'MENTIONS' RETURN r.key", map[string]any{"id": id}) {
		out = append(out, fmt.Sprint(r.Values[0]))
	}
	sort.Strings(out)
	return out
}

// Splits refuse clearly what they cannot do.
func TestSplitRefusals(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, read(t, fixtureA), nil); err != nil {
		t.Fatal(err)
	}
	var input *graph.InputError
	var notFound *graph.NotFoundError
	if _, err := store.SplitNode(ctx, "un"); !errors.As(err, &input) || !strings.Contains(err.Error(), "nothing was merged into") {
		t.Errorf("split of a node nothing was merged into: %v", err)
	}
	if _, err := store.SplitNode(ctx, "nope"); !errors.As(err, &notFound) {
		t.Errorf("split of an unknown id: %v", err)
	}
	if _, err := store.MergeNodes(ctx, "un", "unicri"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SplitNode(ctx, "unicri"); !errors.As(err, &input) || !strings.Contains(err.Error(), `split "un"`) {
		t.Errorf("split of a merged id: %v", err)
	}
}

// Two editors at once: two splits of the same node race with a merge into it, a merge
// elsewhere, edges added at it and through its merged ids, and upserts of it. Nothing is
// lost: every id resolves to one live node; every edge that existed exists once, between
// the nodes its ends resolve to; an edge or alias added through a merged id is at that
// id's node or, added before the split, stays with the survivor; nothing else exists.
func TestSplitIsLinearisable(t *testing.T) {
	store, _ := open(t)
	rounds := 40
	if testing.Short() {
		rounds = 10
	}
	splits := 0
	for round := range rounds {
		ctx := context.Background()
		if err := store.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Import(ctx, raceFixture(), nil); err != nil {
			t.Fatal(err)
		}
		for _, m := range [][2]string{{"a", "b"}, {"a", "c"}} {
			if _, err := store.MergeNodes(ctx, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		var mu sync.Mutex
		errs := map[string]error{}
		call := func(name string, f func() error) func() {
			return func() {
				err := f()
				mu.Lock()
				errs[name] = err
				mu.Unlock()
			}
		}
		calls := []func(){
			call("split 1", func() error { _, err := store.SplitNode(ctx, "a"); return err }),
			call("split 2", func() error { _, err := store.SplitNode(ctx, "a"); return err }),
			call("merge d into a", func() error { _, err := store.MergeNodes(ctx, "a", "d"); return err }),
			call("merge f into e", func() error { _, err := store.MergeNodes(ctx, "e", "f"); return err }),
		}
		adds := [][2]string{{"a", "n1"}, {"b", "n2"}, {"n3", "c"}, {"d", "n4"}}
		for _, e := range adds {
			calls = append(calls, call("add "+e[0]+" "+e[1], func() error { _, err := store.AddEdge(ctx, raceEdge(e[0], e[1])); return err }))
		}
		for _, id := range []string{"a", "b"} {
			calls = append(calls, call("upsert "+id, func() error {
				_, err := store.UpsertNode(ctx, fixtures.Node{ID: id, Kind: fixtures.KindOrganization, Name: "Org " + id, Aliases: []string{"alias " + id}})
				return err
			}))
		}
		runAll(calls, rand.New(rand.NewPCG(uint64(round), 11)))
		for name, err := range errs {
			var input *graph.InputError
			var conflict *graph.ConflictError
			switch {
			case err == nil:
				if strings.HasPrefix(name, "split") {
					splits++
				}
			case errors.As(err, &conflict), strings.HasPrefix(name, "split") && errors.As(err, &input) && strings.Contains(err.Error(), "nothing was merged"):
			default:
				t.Errorf("round %d: %s answered %v", round, name, err)
			}
		}
		checkSplitRace(t, round, errs, adds)
	}
	if splits < rounds {
		t.Errorf("%d splits succeeded in %d rounds, want at least one a round", splits, rounds)
	}
}

// checkSplitRace checks the invariants of a round of TestSplitIsLinearisable.
func checkSplitRace(t *testing.T, round int, errs map[string]error, adds [][2]string) {
	t.Helper()
	live := map[string]string{}
	for _, r := range query(t, `UNWIND $ids AS id
		OPTIONAL MATCH (n:Entity {id: id})
		OPTIONAL MATCH (x:Redirect {id: id})
		OPTIONAL MATCH (x)-[:MERGED_INTO]->(s:Entity)
		RETURN id, n.id, x IS NOT NULL, collect(s.id)`, map[string]any{"ids": raceOrgs}) {
		id, _ := r.Values[0].(string)
		node, _ := r.Values[1].(string)
		redirected, _ := r.Values[2].(bool)
		targets := strs(r.Values[3])
		switch {
		case node != "" && redirected:
			t.Errorf("round %d: %s is both a node and a redirect", round, id)
		case redirected && len(targets) != 1:
			t.Errorf("round %d: %s redirects to %v", round, id, targets)
		case node == "" && !redirected:
			t.Errorf("round %d: %s is neither a node nor a redirect", round, id)
		}
		live[id] = node
		if node == "" && len(targets) > 0 {
			live[id] = targets[0]
		}
	}
	if recs := query(t, "MATCH (r:Redirect) WHERE NOT (r)-[:MERGED_INTO]->(:Entity) RETURN r.id", nil); len(recs) > 0 {
		t.Errorf("round %d: redirect %v points nowhere", round, recs[0].Values[0])
	}
	got := map[string]int{}
	for _, r := range query(t, "MATCH (a)-[r:MEMBER_OF]->(b) RETURN r.key", nil) {
		got[fmt.Sprint(r.Values[0])]++
	}
	want := map[string]bool{}
	for _, e := range raceEdges {
		if a, b := live[e[0]], live[e[1]]; a != b {
			want[raceEdge(a, b).Key()] = true
		}
	}
	for _, e := range adds {
		if errs["add "+e[0]+" "+e[1]] != nil {
			continue
		}
		// At the nodes the ends resolve to now, or with the survivor a, when added through
		// a merged id before the split.
		options := []string{raceEdge(live[e[0]], live[e[1]]).Key(), raceEdge("a", live[e[1]]).Key(), raceEdge(live[e[0]], "a").Key()}
		found := ""
		for _, k := range options {
			if got[k] > 0 {
				found = k
				break
			}
		}
		if found == "" {
			t.Errorf("round %d: the edge added from %s to %s is lost", round, e[0], e[1])
			continue
		}
		want[found] = true
	}
	for k := range want {
		if got[k] != 1 {
			t.Errorf("round %d: edge %s stored %d times", round, k, got[k])
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("round %d: edge %s should not exist", round, k)
		}
	}
	for _, id := range []string{"a", "b"} {
		if errs["upsert "+id] != nil {
			continue
		}
		recs := query(t, "MATCH (n:Entity) WHERE n.id IN $ids AND $alias IN n.aliases RETURN n.id", map[string]any{"ids": []string{live[id], "a"}, "alias": "alias " + id})
		if len(recs) == 0 {
			t.Errorf("round %d: the alias upserted on %s is lost", round, id)
		}
	}
}

// runAll starts the calls at once, each after a random delay of up to 3 ms.
func runAll(calls []func(), rng *rand.Rand) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for _, call := range calls {
		delay := time.Duration(rng.IntN(3000)) * time.Microsecond
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			time.Sleep(delay)
			call()
		}()
	}
	close(start)
	wg.Wait()
}
