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

// Concurrent curations are linearisable. Every round loads a small graph of organisations
// and sends, all at once, merges in a chain (b into c while a goes into b), merges in a
// cycle (d into e while e goes into d), edges added and removed at nodes being merged,
// and upserts of nodes being merged. After each round, whatever the interleaving:
//
//   - every edge that existed, or that a successful addEdge created, and that no
//     successful removeEdge deleted, exists exactly once, between the live nodes its
//     ends now resolve to (unless a merge made it a loop); no other edge exists;
//   - every id resolves to exactly one live node, and no redirect points nowhere;
//   - a merge that answered success joined its two ids, an upsert that answered success
//     is on the node its id resolves to, a removeEdge that answered false names an edge
//     that a merge had moved;
//   - a call that failed failed clearly: a conflict, or nodes already merged.
func TestCurationIsLinearisable(t *testing.T) {
	store, _ := open(t)
	rounds := 200
	if testing.Short() {
		rounds = 20
	}
	began := time.Now()
	violations := map[string]int{} // kind of violation -> rounds with it
	examples := map[string]string{}
	calls, conflicts := 0, 0
	for round := range rounds {
		res, found := raceRound(t, store, round)
		n, c := res.conflicts()
		calls, conflicts = calls+n, conflicts+c
		for kind, example := range found {
			violations[kind]++
			if _, ok := examples[kind]; !ok {
				examples[kind] = fmt.Sprintf("round %d: %s", round, example)
			}
		}
	}
	t.Logf("%d rounds in %s; %d of %d calls answered CONFLICT", rounds, time.Since(began).Round(time.Millisecond), conflicts, calls)
	kinds := make([]string, 0, len(violations))
	for k := range violations {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Errorf("%s: in %d of %d rounds (first: %s)", k, violations[k], rounds, examples[k])
	}
}

// raceRound loads the race graph, runs one round on it and checks it. A round takes well
// under a second; its deadline only catches a hang, with room for the first round (plans
// not yet cached) on a loaded machine, which took over 30 s.
func raceRound(t *testing.T, store *graph.Store, round int) (*raceResult, map[string]string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Import(ctx, raceFixture(), nil); err != nil {
		t.Fatal(err)
	}
	res := runRace(ctx, store, rand.New(rand.NewPCG(uint64(round), 7)))
	return res, checkRace(t, store, res)
}

// The race graph: organisations a..g, targets t0..t5 and n1..n4, MEMBER_OF edges.
var (
	raceOrgs  = []string{"a", "b", "c", "d", "e", "f", "g", "t0", "t1", "t2", "t3", "t4", "t5", "n1", "n2", "n3", "n4"}
	raceEdges = [][2]string{
		{"a", "t0"}, {"a", "t1"}, {"a", "t2"}, {"a", "t3"}, {"b", "t0"}, {"b", "t4"}, {"c", "t5"},
		{"d", "t1"}, {"e", "t2"}, {"e", "d"}, {"f", "t3"}, {"g", "t4"},
	}
)

func raceFixture() *fixtures.Fixture {
	f := &fixtures.Fixture{Format: fixtures.Format}
	for _, id := range raceOrgs {
		f.Nodes = append(f.Nodes, fixtures.Node{ID: id, Kind: fixtures.KindOrganization, Name: "Org " + id,
			Sources: []fixtures.Source{{Reference: "test"}}})
	}
	for _, e := range raceEdges {
		f.Edges = append(f.Edges, raceEdge(e[0], e[1]))
	}
	return f
}

func raceEdge(from, to string) fixtures.Edge {
	return fixtures.Edge{Kind: fixtures.EdgeMemberOf, From: from, To: to, Sources: []fixtures.Source{{Reference: "test"}}}
}

// raceResult is what each call of a round answered.
type raceResult struct {
	mu      sync.Mutex
	merges  map[[2]string]error // survivor, merged
	adds    map[[2]string]error
	removes map[[2]string]removeAnswer
	upserts map[string]error // id -> error; the alias written is "alias " + id
}

// conflicts counts the calls and those that answered a *graph.ConflictError.
func (r *raceResult) conflicts() (calls, conflicts int) {
	var errs []error
	for _, err := range r.merges {
		errs = append(errs, err)
	}
	for _, err := range r.adds {
		errs = append(errs, err)
	}
	for _, a := range r.removes {
		errs = append(errs, a.err)
	}
	for _, err := range r.upserts {
		errs = append(errs, err)
	}
	for _, err := range errs {
		var c *graph.ConflictError
		if errors.As(err, &c) {
			conflicts++
		}
	}
	return len(errs), conflicts
}

type removeAnswer struct {
	removed bool
	err     error
}

// runRace sends the round's calls at once, each after a random delay of up to 3 ms.
func runRace(ctx context.Context, store *graph.Store, rng *rand.Rand) *raceResult {
	res := &raceResult{merges: map[[2]string]error{}, adds: map[[2]string]error{},
		removes: map[[2]string]removeAnswer{}, upserts: map[string]error{}}
	var calls []func()
	for _, m := range [][2]string{{"b", "a"}, {"c", "b"}, {"e", "d"}, {"d", "e"}, {"g", "f"}} {
		calls = append(calls, func() {
			_, err := store.MergeNodes(ctx, m[0], m[1])
			res.mu.Lock()
			res.merges[m] = err
			res.mu.Unlock()
		})
	}
	for _, e := range [][2]string{{"b", "n1"}, {"a", "n2"}, {"e", "n3"}, {"n4", "d"}, {"f", "t0"}} {
		calls = append(calls, func() {
			_, err := store.AddEdge(ctx, raceEdge(e[0], e[1]))
			res.mu.Lock()
			res.adds[e] = err
			res.mu.Unlock()
		})
	}
	for _, e := range [][2]string{{"a", "t1"}, {"e", "t2"}, {"b", "t4"}} {
		calls = append(calls, func() {
			removed, err := store.RemoveEdge(ctx, raceEdge(e[0], e[1]).Key())
			res.mu.Lock()
			res.removes[e] = removeAnswer{removed, err}
			res.mu.Unlock()
		})
	}
	for _, id := range []string{"a", "b", "d"} {
		calls = append(calls, func() {
			_, err := store.UpsertNode(ctx, fixtures.Node{ID: id, Kind: fixtures.KindOrganization, Name: "Org " + id,
				Aliases: []string{"alias " + id}})
			res.mu.Lock()
			res.upserts[id] = err
			res.mu.Unlock()
		})
	}
	delays := make([]time.Duration, len(calls))
	for i := range delays {
		delays[i] = time.Duration(rng.IntN(3000)) * time.Microsecond
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, call := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			time.Sleep(delays[i])
			call()
		}()
	}
	close(start)
	wg.Wait()
	return res
}

// checkRace checks a round's invariants and returns the violations found, by kind, with an example.
func checkRace(t *testing.T, store *graph.Store, res *raceResult) map[string]string {
	t.Helper()
	found := map[string]string{}
	violate := func(kind, format string, args ...any) {
		if _, ok := found[kind]; !ok {
			found[kind] = fmt.Sprintf(format, args...)
		}
	}
	// Where each id resolves: a live node and a redirect with the same id is a node the
	// merge deleted and a concurrent write brought back.
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
			violate("merged node brought back", "%s is both a node and a redirect", id)
		case redirected && len(targets) != 1:
			violate("merged id resolves to no live node", "%s redirects to %v", id, targets)
		case node == "" && !redirected:
			violate("id lost", "%s is neither a node nor a redirect", id)
		}
		if node != "" {
			live[id] = node
		} else if len(targets) > 0 {
			live[id] = targets[0]
		}
	}
	if recs := query(t, "MATCH (r:Redirect) WHERE NOT (r)-[:MERGED_INTO]->(:Entity) RETURN r.id", nil); len(recs) > 0 {
		violate("merged id resolves to no live node", "redirect %v points nowhere", recs[0].Values[0])
	}

	for m, err := range res.merges {
		switch {
		case err == nil && (live[m[0]] == "" || live[m[0]] != live[m[1]]):
			violate("merge answered success but did not happen", "merge %s into %s: %s resolves to %s, %s to %s",
				m[1], m[0], m[1], live[m[1]], m[0], live[m[0]])
		case err != nil && !clearCurationError(err):
			violate("unclear error", "merge %s into %s: %v", m[1], m[0], err)
		}
	}
	for id, err := range res.upserts {
		if err != nil {
			if !clearCurationError(err) {
				violate("unclear error", "upsert %s: %v", id, err)
			}
			continue
		}
		recs := query(t, "MATCH (n:Entity {id: $id}) RETURN n.aliases", map[string]any{"id": live[id]})
		if len(recs) != 1 || !slices.Contains(strs(recs[0].Values[0]), "alias "+id) {
			violate("upsert answered success but is lost", "upsert of %s: %s has no alias %q", id, live[id], "alias "+id)
		}
	}

	// The edges that must exist, by key after the merges.
	want := map[string]bool{}
	expect := func(from, to string) {
		a, b := live[from], live[to]
		if a != "" && a != b {
			want[raceEdge(a, b).Key()] = true
		}
	}
	for _, e := range raceEdges {
		if r, ok := res.removes[e]; ok && r.removed && r.err == nil {
			continue
		}
		expect(e[0], e[1])
	}
	for e, err := range res.adds {
		if err == nil {
			expect(e[0], e[1])
		} else if !clearCurationError(err) {
			violate("unclear error", "addEdge %s -> %s: %v", e[0], e[1], err)
		}
	}
	for e, r := range res.removes {
		switch {
		case r.err != nil && !clearCurationError(r.err):
			violate("unclear error", "removeEdge %s -> %s: %v", e[0], e[1], r.err)
		case r.err == nil && !r.removed && live[e[0]] == e[0] && live[e[1]] == e[1]:
			violate("removeEdge answered false for an edge in place", "%s -> %s", e[0], e[1])
		}
	}
	got := map[string]int{}
	for _, r := range query(t, "MATCH (a)-[r:MEMBER_OF]->(b) RETURN r.key, a.id, b.id", nil) {
		key, _ := r.Values[0].(string)
		got[key]++
		if key != raceEdge(r.Values[1].(string), r.Values[2].(string)).Key() {
			violate("edge key does not name its ends", "%s joins %v and %v", key, r.Values[1], r.Values[2])
		}
	}
	for key := range want {
		switch n := got[key]; {
		case n == 0:
			violate("edge lost", "%s (want %s)", key, keys(want))
		case n > 1:
			violate("edge stored twice", "%s %d times", key, n)
		}
	}
	for key := range got {
		if !want[key] {
			violate("edge that should not exist", "%s (want %s)", key, keys(want))
		}
	}
	return found
}

// clearCurationError says whether a failed curation said clearly why: nodes already
// merged into each other, or a conflict with concurrent curations to retry.
func clearCurationError(err error) bool {
	var input *graph.InputError
	var conflict *graph.ConflictError
	return errors.As(err, &conflict) || errors.As(err, &input) && strings.Contains(input.Msg, "already the same node")
}

func keys(m map[string]bool) string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
