package graph_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// Imports and curations sent at the same time lose nothing, whether the import is one
// transaction or an import run of many, and whether the run commits or is undone. Each
// round loads 40 organisations o00..o39 in a chain of MEMBER_OF, then imports, at the
// same time as six merges of those organisations (and of the ones the import creates),
// two upserts and two added edges, a file that adds an alias to each, 40 new organisations
// n00..n39 and an edge from each to its o; one round in four cancels the import part-way.
// After each round:
//
//   - every id resolves to exactly one live node, no merged node is brought back, no
//     redirect points nowhere, and a merge that answered success joined its two ids;
//   - every edge of the chain, and every edge a successful addEdge added, is there once
//     between the nodes its ends resolve to; an upsert that answered success is there;
//   - an import that answered success is all there (every alias, node and edge, on the
//     nodes the ids resolve to), one that failed (CONFLICT, or cancelled) left nothing;
//   - no import-run bookkeeping is left.
func TestImportAndCurationsConcurrently(t *testing.T) {
	store, _ := open(t)
	rounds := 32
	if testing.Short() {
		rounds = 8
	}
	violations := map[string]int{}
	examples := map[string]string{}
	imported, merged := 0, 0
	for round := range rounds {
		chunk := 0 // one transaction
		if round%2 == 1 {
			chunk = 15 // about ten transactions
		}
		cancelled := round%4 == 3
		ok, merges, found := importRaceRound(t, store, round, chunk, cancelled)
		if ok {
			imported++
		}
		merged += merges
		for kind, example := range found {
			violations[kind]++
			if _, seen := examples[kind]; !seen {
				examples[kind] = fmt.Sprintf("round %d (chunk %d): %s", round, chunk, example)
			}
		}
	}
	t.Logf("%d rounds: %d imports succeeded, %d merges succeeded", rounds, imported, merged)
	for kind, n := range violations {
		t.Errorf("%s: in %d of %d rounds (first: %s)", kind, n, rounds, examples[kind])
	}
}

func importRaceRound(t *testing.T, store *graph.Store, round, chunk int, cancelled bool) (imported bool, merges int, found map[string]string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	graph.SetImportChunk(store, graph.ImportChunk)
	if _, err := store.Import(ctx, chainFixture(), nil); err != nil {
		t.Fatal(err)
	}
	if chunk > 0 {
		graph.SetImportChunk(store, chunk)
		defer graph.SetImportChunk(store, graph.ImportChunk)
	}
	rng := rand.New(rand.NewPCG(uint64(round), 11))
	var pairs [][2]string // survivor, merged
	for _, j := range rng.Perm(19)[:5] {
		pairs = append(pairs, [2]string{chainID("o", 2*j), chainID("o", 2*j+1)})
	}
	k := rng.IntN(40)
	pairs = append(pairs, [2]string{chainID("o", k), chainID("n", k)})
	upserts := []string{chainID("o", rng.IntN(40)), chainID("o", rng.IntN(40))}
	adds := [][2]string{{chainID("o", rng.IntN(20)), chainID("o", 20+rng.IntN(20))}, {chainID("o", rng.IntN(40)), chainID("n", rng.IntN(40))}}
	var mu sync.Mutex
	mergeErrs := map[[2]string]error{}
	upsertErrs, addErrs := map[string]error{}, map[[2]string]error{}
	var importErr error
	var wg sync.WaitGroup
	start := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-start
		importCtx, cancelImport := context.WithCancel(ctx)
		defer cancelImport()
		batches := 0
		_, importErr = store.ImportFile(importCtx, chainImport(), "", "", func(done, total int) {
			if batches++; cancelled && batches == 4 {
				cancelImport()
			}
		})
	}()
	for _, id := range upserts {
		delay := time.Duration(rng.IntN(60)) * time.Millisecond
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			time.Sleep(delay)
			o := raceOrg(id)
			o.Aliases = []string{"Upserted " + id}
			_, err := store.UpsertNode(ctx, o)
			mu.Lock()
			upsertErrs[id] = err
			mu.Unlock()
		}()
	}
	for _, e := range adds {
		delay := time.Duration(rng.IntN(60)) * time.Millisecond
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			time.Sleep(delay)
			_, err := store.AddEdge(ctx, raceEdge(e[0], e[1]))
			mu.Lock()
			addErrs[e] = err
			mu.Unlock()
		}()
	}
	for _, p := range pairs {
		delay := time.Duration(rng.IntN(60)) * time.Millisecond
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			time.Sleep(delay)
			_, err := store.MergeNodes(ctx, p[0], p[1])
			mu.Lock()
			mergeErrs[p] = err
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()

	found = map[string]string{}
	violate := func(kind, format string, args ...any) {
		if _, ok := found[kind]; !ok {
			found[kind] = fmt.Sprintf(format, args...)
		}
	}
	var ids []string
	for i := range 40 {
		ids = append(ids, chainID("o", i), chainID("n", i))
	}
	live := map[string]string{}
	for _, r := range query(t, `UNWIND $ids AS id
		OPTIONAL MATCH (n:Entity {id: id})
		OPTIONAL MATCH (x:Redirect {id: id})
		OPTIONAL MATCH (x)-[:MERGED_INTO]->(s:Entity)
		RETURN id, n.id, x IS NOT NULL, collect(s.id)`, map[string]any{"ids": ids}) {
		id, node, redirected, targets := r.Values[0].(string), str(r.Values[1]), r.Values[2].(bool), strs(r.Values[3])
		switch {
		case node != "" && redirected:
			violate("merged node brought back", "%s is both a node and a redirect", id)
		case redirected && len(targets) != 1:
			violate("merged id resolves to no live node", "%s redirects to %v", id, targets)
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
	for p, err := range mergeErrs {
		if err == nil {
			merges++
			if live[p[0]] == "" || live[p[0]] != live[p[1]] {
				violate("merge answered success but did not happen", "%s into %s", p[1], p[0])
			}
			continue
		}
		var conflict *graph.ConflictError
		var notFound *graph.NotFoundError
		if !errors.As(err, &conflict) && !errors.As(err, &notFound) {
			violate("unclear merge error", "%s into %s: %v", p[1], p[0], err)
		}
	}
	var conflict *graph.ConflictError
	switch {
	case importErr == nil:
		imported = true
		if cancelled && chunk > 0 {
			violate("cancelled import answered success", "round %d", round)
		}
	case cancelled && errors.Is(importErr, context.Canceled):
	case !errors.As(importErr, &conflict):
		violate("unclear import error", "%v", importErr)
	}
	clear := func(err error) bool {
		var conflict *graph.ConflictError
		var notFound *graph.NotFoundError
		var input *graph.InputError
		return errors.As(err, &conflict) || errors.As(err, &notFound) || errors.As(err, &input) && strings.Contains(input.Msg, "same node")
	}

	want := map[string]bool{}
	edge := func(from, to string) {
		if a, b := live[from], live[to]; a != "" && b != "" && a != b {
			want[fmt.Sprintf("%s->%s", a, b)] = true
		}
	}
	for i := range 39 {
		edge(chainID("o", i), chainID("o", i+1))
	}
	for e, err := range addErrs {
		if err == nil {
			edge(e[0], e[1])
		} else if !clear(err) {
			violate("unclear addEdge error", "%s -> %s: %v", e[0], e[1], err)
		}
	}
	aliases := map[string][]string{}
	for _, r := range query(t, "MATCH (n:Entity) RETURN n.id, n.aliases", nil) {
		aliases[r.Values[0].(string)] = strs(r.Values[1])
	}
	for id, err := range upsertErrs {
		if err == nil && !slices.Contains(aliases[live[id]], "Upserted "+id) {
			violate("upsert answered success but is lost", "%s (%s) has %v", id, live[id], aliases[live[id]])
		} else if err != nil && !clear(err) {
			violate("unclear upsert error", "%s: %v", id, err)
		}
	}
	for i := range 40 {
		o, n := chainID("o", i), chainID("n", i)
		if imported {
			if live[n] == "" {
				violate("import answered success but a node is lost", "%s", n)
			}
			if !slices.Contains(aliases[live[o]], "Imported "+o) {
				violate("import answered success but an alias is lost", "%s (%s) has %v", o, live[o], aliases[live[o]])
			}
			edge(n, o)
		} else if live[n] != "" {
			violate("failed import left a node", "%s", n)
		}
	}
	if !imported {
		for id, as := range aliases {
			for _, a := range as {
				if strings.HasPrefix(a, "Imported ") {
					violate("failed import left an alias", "%s has %q", id, a)
				}
			}
		}
	}
	got := map[string]int{}
	for _, r := range query(t, "MATCH (a)-[:MEMBER_OF]->(b) RETURN a.id, b.id", nil) {
		got[fmt.Sprintf("%s->%s", r.Values[0], r.Values[1])]++
	}
	for e := range want {
		if got[e] != 1 {
			violate("edge lost or doubled", "%s %d times", e, got[e])
		}
	}
	for e := range got {
		if !want[e] {
			violate("edge that should not exist", "%s", e)
		}
	}
	if recs := query(t, "MATCH (n) WHERE n:ImportRun OR n:ImportUndo OR n._run IS NOT NULL RETURN count(n)", nil); recs[0].Values[0] != int64(0) {
		violate("import-run bookkeeping left", "%v nodes", recs[0].Values[0])
	}
	return imported, merges, found
}

func chainID(prefix string, i int) string { return fmt.Sprintf("%s%02d", prefix, i) }

// chainFixture is o00..o39, each MEMBER_OF the next.
func chainFixture() *fixtures.Fixture {
	f := &fixtures.Fixture{Format: fixtures.Format}
	for i := range 40 {
		f.Nodes = append(f.Nodes, raceOrg(chainID("o", i)))
		if i < 39 {
			f.Edges = append(f.Edges, raceEdge(chainID("o", i), chainID("o", i+1)))
		}
	}
	return f
}

// chainImport gives each o an alias and a new n MEMBER_OF it.
func chainImport() *fixtures.Fixture {
	f := &fixtures.Fixture{Format: fixtures.Format}
	for i := range 40 {
		o, n := raceOrg(chainID("o", i)), raceOrg(chainID("n", i))
		o.Aliases = []string{"Imported " + o.ID}
		f.Nodes = append(f.Nodes, o, n)
		f.Edges = append(f.Edges, raceEdge(n.ID, o.ID))
	}
	return f
}

func raceOrg(id string) fixtures.Node {
	return fixtures.Node{ID: id, Kind: fixtures.KindOrganization, Name: "Org " + id, Sources: []fixtures.Source{{Reference: "test"}}}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
