package graph_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
)

// Edge ids of reviewFixture.
const (
	keyAAProp = "MEMBER_OF|state:aa|org:prop"  // proposed, 0.4
	keyBBProp = "MEMBER_OF|state:bb|org:prop"  // proposed, 0.4, also in doc:r2
	keyMemo   = "MEMORANDUM|state:aa|state:bb" // proposed, 0.3: first in the queue though last by id
	keyBBAcc  = "MEMBER_OF|state:bb|org:acc"   // accepted
)

func span(doc, text string) []fixtures.Source {
	return []fixtures.Source{{Document: doc, Start: 0, End: len([]rune(text)), Text: text}}
}

func conf(c float64) *float64 { return &c }

// reviewFixture: two accepted states, an accepted organisation with an accepted
// membership, a PROPOSED organisation with two PROPOSED memberships, a REJECTED
// organisation, and a PROPOSED memorandum between the states.
func reviewFixture() *fixtures.Fixture {
	doc := "doc:r1"
	return &fixtures.Fixture{Format: fixtures.Format,
		Documents: []fixtures.Document{{ID: doc, Title: "Review one"}, {ID: "doc:r2", Title: "Review two"}},
		Nodes: []fixtures.Node{
			{ID: "state:aa", Kind: fixtures.KindState, Name: "Aaland", Sources: span(doc, "Aaland")},
			{ID: "state:bb", Kind: fixtures.KindState, Name: "Bbland", Sources: span(doc, "Bbland")},
			{ID: "org:acc", Kind: fixtures.KindOrganization, Name: "Accordia", Sources: span(doc, "Accordia")},
			{ID: "org:prop", Kind: fixtures.KindOrganization, Name: "Propositia", Sources: span(doc, "Propositia"),
				Confidence: conf(0.5), Status: fixtures.StatusProposed},
			{ID: "org:rej", Kind: fixtures.KindOrganization, Name: "Rejectia", Sources: span(doc, "Rejectia"),
				Status: fixtures.StatusRejected},
		},
		Edges: []fixtures.Edge{
			{Kind: fixtures.EdgeMemberOf, From: "state:aa", To: "org:prop", Sources: span(doc, "Aaland joined"),
				Confidence: conf(0.4), Status: fixtures.StatusProposed},
			{Kind: fixtures.EdgeMemberOf, From: "state:bb", To: "org:prop", Sources: span("doc:r2", "Bbland joined"),
				Confidence: conf(0.4), Status: fixtures.StatusProposed},
			{Kind: fixtures.EdgeMemorandum, From: "state:aa", To: "state:bb", Sources: span(doc, "a memorandum"),
				Confidence: conf(0.3), Status: fixtures.StatusProposed},
			{Kind: fixtures.EdgeMemberOf, From: "state:bb", To: "org:acc", Sources: span(doc, "Bbland is in")},
		},
	}
}

func importReview(t *testing.T, store *graph.Store, ctx context.Context) {
	t.Helper()
	if _, err := store.Import(graph.WithActor(ctx, "loader"), reviewFixture(), nil); err != nil {
		t.Fatal(err)
	}
}

func edgeStatus(t *testing.T, store *graph.Store, key string) string {
	t.Helper()
	e, err := store.EdgeByKey(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	return e.Status
}

func nodeLabels(t *testing.T, id string) []string {
	t.Helper()
	recs := query(t, "MATCH (n:Entity {id: $id}) RETURN labels(n)", map[string]any{"id": id})
	if len(recs) != 1 {
		t.Fatalf("%d nodes %q", len(recs), id)
	}
	return strs(recs[0].Values[0])
}

// A fixture's statuses are stored (labels on nodes, a property on edges); an unknown one
// is refused with nothing written.
func TestFixtureStatusHonoured(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)
	for id, want := range map[string]string{"state:aa": "", "org:prop": graph.LabelProposed, "org:rej": graph.LabelRejected} {
		labels := nodeLabels(t, id)
		for _, l := range []string{graph.LabelProposed, graph.LabelRejected} {
			if has := slices.Contains(labels, l); has != (l == want) {
				t.Errorf("%s has labels %v, want status label %q", id, labels, want)
			}
		}
	}
	for key, want := range map[string]string{keyAAProp: graph.StatusProposed, keyMemo: graph.StatusProposed, keyBBAcc: graph.StatusAccepted} {
		if got := edgeStatus(t, store, key); got != want {
			t.Errorf("%s is %s, want %s", key, got, want)
		}
	}
	if recs := query(t, "MATCH ()-[r:MEMBER_OF {key: $k}]->() RETURN r.status", map[string]any{"k": keyBBAcc}); recs[0].Values[0] != nil {
		t.Errorf("an accepted edge stores status %v; it should store nothing", recs[0].Values[0])
	}

	bad := reviewFixture()
	bad.Documents = []fixtures.Document{{ID: "doc:bad", Title: "Bad"}}
	bad.Nodes = bad.Nodes[:1]
	bad.Nodes[0].Sources = span("doc:bad", "Aaland")
	bad.Nodes[0].Status = "maybe"
	bad.Edges = nil
	before := snapshot(t)
	_, err := store.ImportFile(ctx, bad, "", "bad.json", nil)
	var input *graph.InputError
	if !errors.As(err, &input) || !strings.Contains(err.Error(), "$.nodes[0].status") || !strings.Contains(err.Error(), `"maybe"`) {
		t.Errorf("unknown status: err = %v, want an input error naming $.nodes[0].status", err)
	}
	if after := snapshot(t); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("a refused fixture changed the graph")
	}
}

// Facts that are not accepted are invisible to every read: node by id, relations, search,
// lists and their totals, neighbourhood, paths, discovery and exports. Accepting them in
// review shows them.
func TestProposedFactsAreInvisibleToReads(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)

	ns, err := store.NodesByID(ctx, []string{"org:prop", "org:rej", "state:aa"})
	if err != nil {
		t.Fatal(err)
	}
	if ns[0] != nil || ns[1] != nil || ns[2] == nil {
		t.Errorf("NodesByID(org:prop, org:rej, state:aa) = %v, %v, %v; want nil, nil, state:aa", ns[0], ns[1], ns[2])
	}
	edges, _, err := store.EdgesOf(ctx, []graph.EdgeQuery{{ID: "state:aa", Kind: fixtures.EdgeMemberOf, Out: true},
		{ID: "state:aa", Kind: fixtures.EdgeMemorandum, Out: true}, {ID: "state:bb", Kind: fixtures.EdgeMemberOf, Out: true},
		{ID: "doc:r1", Kind: graph.EdgeMentions, Out: true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(edges[0]) != 0 || len(edges[1]) != 0 || len(edges[2]) != 1 || edges[2][0].ID != keyBBAcc {
		t.Errorf("relations = %v; want only %s", edges[:3], keyBBAcc)
	}
	for _, e := range edges[3] {
		if e.To == "org:prop" || e.To == "org:rej" {
			t.Errorf("doc:r1 mentions %s, which is not accepted", e.To)
		}
	}
	_, x, err := store.NodesExpanded(ctx, []string{"state:aa"}, &graph.Expand{Rels: []graph.ExpandRel{{Kind: fixtures.EdgeMemberOf, Out: true}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := x.Edges[graph.EdgeQuery{ID: "state:aa", Kind: fixtures.EdgeMemberOf, Out: true}]; len(got) != 0 {
		t.Errorf("expanded relations of state:aa = %v, want none", got)
	}
	for _, text := range []string{"Propositia", "Rejectia"} {
		if hits, err := store.Search(ctx, text, nil, 10); err != nil || len(hits) != 0 {
			t.Errorf("search %q = %v, %v; want no hit", text, hits, err)
		}
	}
	if hits, err := store.Search(ctx, "Accordia", nil, 10); err != nil || len(hits) != 1 {
		t.Errorf("search Accordia = %v, %v; want one hit", hits, err)
	}
	page, err := store.List(ctx, fixtures.KindOrganization, graph.Filter{}, graph.Order{Field: "id"}, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || len(page.Items) != 1 || page.Items[0].ID != "org:acc" {
		t.Errorf("organisations = %d %v, want org:acc only", page.Total, page.Items)
	}
	members, err := store.List(ctx, fixtures.KindState, graph.Filter{Mentions: nil}, graph.Order{Field: "id"}, nil, 10)
	if err != nil || members.Total != 2 {
		t.Errorf("states = %v, %v", members, err)
	}
	memos, err := store.Memoranda(ctx, nil, nil, nil, nil, 10)
	if err != nil || memos.Total != 0 {
		t.Errorf("memoranda = %v, %v; want none", memos, err)
	}
	g, err := store.Neighbourhood(ctx, "state:aa", 2, nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 1 || len(g.Edges) != 0 {
		t.Errorf("neighbourhood of state:aa = %v, %v; want state:aa alone", g.Nodes, g.Edges)
	}
	if _, err := store.Neighbourhood(ctx, "org:prop", 1, nil, 100); !isNotFound(err) {
		t.Errorf("neighbourhood of org:prop: err = %v, want not found", err)
	}
	if p, err := store.ShortestPath(ctx, "state:aa", "state:bb", 4, nil); err != nil || p != nil {
		t.Errorf("path state:aa-state:bb = %v, %v; want none (only a proposed memorandum and a proposed organisation join them)", p, err)
	}
	if ps, err := store.Paths(ctx, "state:aa", "state:bb", 4, 5, nil); err != nil || len(ps) != 0 {
		t.Errorf("paths state:aa-state:bb = %v, %v; want none", ps, err)
	}
	exported := exportIDs(t, store)
	for _, id := range []string{"org:prop", "org:rej", keyAAProp, keyBBProp, keyMemo} {
		if exported[id] {
			t.Errorf("the export holds %s", id)
		}
	}
	if !exported["org:acc"] || !exported[keyBBAcc] {
		t.Errorf("the export lacks accepted facts: %v", exported)
	}
	snap, err := store.Snapshot(ctx, nil, nil)
	if err != nil || len(snap.Nodes) != 3 || len(snap.Edges) != 1 {
		t.Errorf("snapshot = %v, %v; want 3 nodes and 1 edge", snap, err)
	}

	// Accepting the memorandum and one membership shows them and org:prop.
	if _, err := store.Review(ctx, []string{keyMemo, keyAAProp}, nil); err != nil {
		t.Fatal(err)
	}
	if p, err := store.ShortestPath(ctx, "state:aa", "state:bb", 4, nil); err != nil || p == nil || len(p.Edges) != 1 {
		t.Errorf("path after review = %v, %v; want the memorandum", p, err)
	}
	if hits, err := store.Search(ctx, "Propositia", nil, 10); err != nil || len(hits) != 1 || hits[0].Node.Status != graph.StatusAccepted {
		t.Errorf("search Propositia after review = %v, %v; want org:prop, accepted", hits, err)
	}
	if exported := exportIDs(t, store); !exported["org:prop"] || !exported[keyAAProp] || exported[keyBBProp] {
		t.Errorf("export after review = %v; want org:prop and %s, not %s", exported, keyAAProp, keyBBProp)
	}
}

func isNotFound(err error) bool {
	var nf *graph.NotFoundError
	return errors.As(err, &nf)
}

// exportIDs streams the whole graph as the exports do and returns the ids of its nodes and edges.
func exportIDs(t *testing.T, store *graph.Store) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := store.Stream(context.Background(), graph.SnapshotStream{
		Node: func(n graph.Node) error { out[n.ID] = true; return nil },
		Edge: func(e graph.Edge) error { out[e.ID] = true; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func queueIDs(t *testing.T, store *graph.Store, q graph.ReviewQuery) ([]string, []string) {
	t.Helper()
	page, err := store.ReviewQueue(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range page.Edges {
		ids = append(ids, e.ID)
		if e.Status != graph.StatusProposed {
			t.Errorf("%s in the queue is %s", e.ID, e.Status)
		}
	}
	return ids, page.Cursors
}

// The queue holds the PROPOSED edges, least sure first, ties by id; it pages with cursors
// and filters by document and confidence.
func TestReviewQueue(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)
	all, _ := queueIDs(t, store, graph.ReviewQuery{First: 20})
	page, err := store.ReviewQueue(ctx, graph.ReviewQuery{First: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range page.Nodes {
		if want := map[string]string{"org:prop": graph.StatusProposed}[n.ID]; want != "" && n.Status != want {
			t.Errorf("%s reads %s in the queue, want %s", n.ID, n.Status, want)
		}
	}
	if len(page.Nodes) != 3 {
		t.Errorf("the queue's ends = %v, want state:aa, state:bb, org:prop", page.Nodes)
	}
	if want := []string{keyMemo, keyAAProp, keyBBProp}; !slices.Equal(all, want) {
		t.Errorf("queue = %v, want %v", all, want)
	}
	first, cursors := queueIDs(t, store, graph.ReviewQuery{First: 2})
	if !slices.Equal(first, []string{keyMemo, keyAAProp}) {
		t.Errorf("first page = %v", first)
	}
	next, _ := queueIDs(t, store, graph.ReviewQuery{First: 2, After: &cursors[1]})
	if !slices.Equal(next, []string{keyBBProp}) {
		t.Errorf("second page = %v, want [%s]", next, keyBBProp)
	}
	doc := "doc:r2"
	if got, _ := queueIDs(t, store, graph.ReviewQuery{First: 20, Document: &doc}); !slices.Equal(got, []string{keyBBProp}) {
		t.Errorf("queue of doc:r2 = %v, want [%s]", got, keyBBProp)
	}
	if got, _ := queueIDs(t, store, graph.ReviewQuery{First: 20, MinConfidence: conf(0.35)}); !slices.Equal(got, []string{keyAAProp, keyBBProp}) {
		t.Errorf("queue at 0.35 or more = %v, want [%s %s]", got, keyAAProp, keyBBProp)
	}
	bad := "nonsense"
	if _, err := store.ReviewQueue(ctx, graph.ReviewQuery{First: 20, After: &bad}); !isInput(err) {
		t.Errorf("a bad cursor: err = %v, want an input error", err)
	}
	if _, err := store.Review(ctx, []string{keyAAProp}, []string{keyMemo}); err != nil {
		t.Fatal(err)
	}
	if got, _ := queueIDs(t, store, graph.ReviewQuery{First: 20}); !slices.Equal(got, []string{keyBBProp}) {
		t.Errorf("queue after review = %v, want [%s]", got, keyBBProp)
	}
}

func isInput(err error) bool {
	var in *graph.InputError
	return errors.As(err, &in)
}

// Accepting an edge accepts its PROPOSED ends; rejecting leaves them; a rejected edge stays
// rejected when a later import brings it again, which only adds its evidence.
func TestReviewAcceptRejectAndReimport(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)
	page, err := store.Review(ctx, nil, []string{keyAAProp})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Edges) != 1 || page.Edges[0].Status != graph.StatusRejected {
		t.Errorf("review answered %v", page.Edges)
	}
	if slices.Contains(nodeLabels(t, "org:prop"), graph.LabelRejected) || !slices.Contains(nodeLabels(t, "org:prop"), graph.LabelProposed) {
		t.Errorf("rejecting an edge changed its end: %v", nodeLabels(t, "org:prop"))
	}
	// The same edge, accepted, from another document: it stays rejected, with both sources.
	again := &fixtures.Fixture{Format: fixtures.Format,
		Documents: []fixtures.Document{{ID: "doc:r3", Title: "Review three"}},
		Nodes: []fixtures.Node{
			{ID: "state:aa", Kind: fixtures.KindState, Name: "Aaland", Sources: span("doc:r3", "Aaland")},
			{ID: "org:prop", Kind: fixtures.KindOrganization, Name: "Propositia", Sources: span("doc:r3", "Propositia"),
				Status: fixtures.StatusProposed},
		},
		Edges: []fixtures.Edge{{Kind: fixtures.EdgeMemberOf, From: "state:aa", To: "org:prop",
			Sources: span("doc:r3", "Aaland joins"), Confidence: conf(0.9)}},
	}
	if _, err := store.Import(ctx, again, nil); err != nil {
		t.Fatal(err)
	}
	if got := edgeStatus(t, store, keyAAProp); got != graph.StatusRejected {
		t.Errorf("re-imported rejected edge is %s, want REJECTED", got)
	}
	if !slices.Contains(nodeLabels(t, "org:prop"), graph.LabelProposed) {
		t.Error("a rejected edge, imported again as accepted, accepted its end")
	}
	srcs, err := store.EdgeSources(ctx, []graph.EdgeRef{{Kind: fixtures.EdgeMemberOf, Key: keyAAProp}})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]bool{}
	for _, s := range srcs[0] {
		docs[s.Document] = true
	}
	if !docs["doc:r1"] || !docs["doc:r3"] {
		t.Errorf("sources of the rejected edge = %v, want doc:r1's and doc:r3's", srcs[0])
	}

	// Accepting the other membership accepts org:prop too.
	page, err = store.Review(ctx, []string{keyBBProp}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range page.Nodes {
		if n.Status != graph.StatusAccepted {
			t.Errorf("end %s of an accepted edge is %s", n.ID, n.Status)
		}
	}
	if slices.Contains(nodeLabels(t, "org:prop"), graph.LabelProposed) {
		t.Error("accepting an edge left its end PROPOSED")
	}
	// An accepted fixture edge whose end was proposed accepts it at import.
	f := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{{ID: "doc:r4", Title: "Four"}},
		Nodes: []fixtures.Node{
			{ID: "state:cc", Kind: fixtures.KindState, Name: "Ccland", Sources: span("doc:r4", "Ccland"), Status: fixtures.StatusProposed},
			{ID: "org:acc", Kind: fixtures.KindOrganization, Name: "Accordia", Sources: span("doc:r4", "Accordia")},
		},
		Edges: []fixtures.Edge{{Kind: fixtures.EdgeMemberOf, From: "state:cc", To: "org:acc", Sources: span("doc:r4", "Ccland is in")}},
	}
	if _, err := store.Import(ctx, f, nil); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(nodeLabels(t, "state:cc"), graph.LabelProposed) {
		t.Error("an accepted edge of a fixture left its end PROPOSED")
	}
	// An analyst's edge accepts its ends, even a REJECTED one.
	e, err := store.AddEdge(ctx, fixtures.Edge{Kind: fixtures.EdgeMemberOf, From: "state:cc", To: "org:rej"})
	if err != nil || e.Status != graph.StatusAccepted {
		t.Fatalf("addEdge = %v, %v", e, err)
	}
	if ns, err := store.NodesByID(ctx, []string{"org:rej"}); err != nil || ns[0] == nil || ns[0].Status != graph.StatusAccepted {
		t.Errorf("org:rej after an analyst's edge = %v, %v; want accepted", ns, err)
	}
}

// An unknown id, or an id in both lists, changes nothing and records nothing.
func TestReviewUnknownIDChangesNothing(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)
	before := snapshot(t)
	_, err := store.Review(ctx, []string{keyAAProp, "MEMBER_OF|state:zz|org:prop"}, []string{keyMemo})
	if !isNotFound(err) || !strings.Contains(err.Error(), "MEMBER_OF|state:zz|org:prop") {
		t.Errorf("unknown id: err = %v, want not found naming it", err)
	}
	if _, err := store.Review(ctx, []string{keyAAProp}, []string{keyAAProp}); !isInput(err) {
		t.Errorf("an id in both lists: err = %v, want an input error", err)
	}
	if _, err := store.Review(ctx, []string{"nonsense"}, nil); !isInput(err) {
		t.Errorf("not an edge id: err = %v, want an input error", err)
	}
	if after := snapshot(t); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("a refused review changed the graph")
	}
	h, err := store.History(ctx, keyAAProp)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range h {
		if c.Action == graph.ActionReview {
			t.Errorf("a refused review left a history record: %+v", c)
		}
	}
}

func actions(h []graph.Change) []string {
	out := make([]string, len(h))
	for i, c := range h {
		out[i] = c.Action + ":" + c.Actor
	}
	return out
}

// Every import, review and curation leaves a history record with its actor, newest first;
// a merged id finds its history; history survives a restart and a backup and restore.
func TestHistory(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)
	alice, bob := graph.WithActor(ctx, "alice"), graph.WithActor(ctx, "bob")
	if _, err := store.Review(alice, []string{keyBBProp}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Review(bob, nil, []string{keyBBProp}); err != nil {
		t.Fatal(err)
	}
	h, err := store.History(ctx, keyBBProp)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := actions(h), []string{"review:bob", "review:alice", "import:loader"}; !slices.Equal(got, want) {
		t.Errorf("history of %s = %v, want %v", keyBBProp, got, want)
	}
	if len(h) == 3 {
		if h[0].Detail["from"] != graph.StatusAccepted || h[0].Detail["to"] != graph.StatusRejected ||
			h[1].Detail["from"] != graph.StatusProposed || h[1].Detail["to"] != graph.StatusAccepted {
			t.Errorf("review details = %v, %v", h[0].Detail, h[1].Detail)
		}
		if h[2].Detail["status"] != graph.StatusProposed || h[0].At < h[1].At || h[1].At < h[2].At {
			t.Errorf("history = %+v", h)
		}
	}
	// org:prop was accepted with the edge: recorded as a review by alice.
	if got := actions(mustHistory(t, store, "org:prop")); !slices.Equal(got, []string{"review:alice", "import:loader"}) {
		t.Errorf("history of org:prop = %v", got)
	}

	carol := graph.WithActor(ctx, "carol")
	if _, err := store.UpsertNode(carol, fixtures.Node{ID: "org:dup", Kind: fixtures.KindOrganization, Name: "Accordia bis"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddEdge(carol, fixtures.Edge{Kind: fixtures.EdgeMemberOf, From: "state:aa", To: "org:dup"}); err != nil {
		t.Fatal(err)
	}
	if ok, err := store.RemoveEdge(carol, "MEMBER_OF|state:aa|org:dup"); err != nil || !ok {
		t.Fatalf("remove: %v %v", ok, err)
	}
	if _, err := store.MergeNodes(carol, "org:acc", "org:dup"); err != nil {
		t.Fatal(err)
	}
	if got, want := actions(mustHistory(t, store, "MEMBER_OF|state:aa|org:dup")), []string{"removeEdge:carol", "addEdge:carol"}; !slices.Equal(got, want) {
		t.Errorf("history of the curated edge = %v, want %v", got, want)
	}
	want := []string{"mergeNodes:carol", "upsertNode:carol", "import:loader"}
	if got := actions(mustHistory(t, store, "org:dup")); !slices.Equal(got, want) {
		t.Errorf("history of the merged id org:dup = %v, want %v", got, want)
	}
	if got := actions(mustHistory(t, store, "org:acc")); !slices.Equal(got, want) {
		t.Errorf("history of the survivor org:acc = %v, want %v", got, want)
	}
	if h := mustHistory(t, store, "nothing:here"); len(h) != 0 {
		t.Errorf("history of an unknown id = %v", h)
	}

	// A new Store on the same database reads the same history.
	before := map[string][]graph.Change{}
	ids := []string{keyBBProp, "org:prop", "org:dup", "org:acc", "MEMBER_OF|state:aa|org:dup", "doc:r1"}
	for _, id := range ids {
		before[id] = mustHistory(t, store, id)
	}
	again, err := graph.Open(ctx, graphtest.Config(t), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close(context.Background())
	for _, id := range ids {
		if got := mustHistory(t, again, id); fmt.Sprint(got) != fmt.Sprint(before[id]) {
			t.Errorf("history of %s after a restart = %v, want %v", id, got, before[id])
		}
	}
	// A backup and restore keep it.
	file := filepath.Join(t.TempDir(), "history.backup")
	if _, err := store.BackupFile(ctx, file, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.RestoreFile(ctx, file, true); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if got := mustHistory(t, store, id); fmt.Sprint(got) != fmt.Sprint(before[id]) {
			t.Errorf("history of %s after backup and restore = %v, want %v", id, got, before[id])
		}
	}
	if !slices.Contains(nodeLabels(t, "org:rej"), graph.LabelRejected) || edgeStatus(t, store, keyBBProp) != graph.StatusRejected {
		t.Error("backup and restore lost a status")
	}
}

func mustHistory(t *testing.T, store *graph.Store, id string) []graph.Change {
	t.Helper()
	h, err := store.History(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// An import run (several transactions) records its history once it commits, with the file.
func TestHistoryOfImportRun(t *testing.T) {
	store, ctx := open(t)
	graph.SetImportChunk(store, 3)
	if _, err := store.ImportFile(graph.WithActor(ctx, "runner"), reviewFixture(), "", "big.json", nil); err != nil {
		t.Fatal(err)
	}
	h := mustHistory(t, store, keyMemo)
	if len(h) != 1 || h[0].Actor != "runner" || h[0].Detail["file"] != "big.json" {
		t.Errorf("history of an edge of an import run = %+v", h)
	}
	if recs := query(t, "MATCH (c:Change) WHERE c._run IS NOT NULL RETURN count(c)", nil); recs[0].Values[0].(int64) != 0 {
		t.Errorf("%v history records still tagged with their run", recs[0].Values[0])
	}
}

// Two reviewers accepting and rejecting the same edge at once end in one state, the one
// the newer of their two history records says, and both records are kept.
func TestReviewConcurrently(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)
	for round := range 5 {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, name := range []string{"acceptor", "rejector"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				actx := graph.WithActor(ctx, name)
				if i == 0 {
					_, errs[i] = store.Review(actx, []string{keyBBProp}, nil)
				} else {
					_, errs[i] = store.Review(actx, nil, []string{keyBBProp})
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		h := mustHistory(t, store, keyBBProp)
		reviews := 0
		for _, c := range h {
			if c.Action == graph.ActionReview {
				reviews++
			}
		}
		if reviews != 2*(round+1) {
			t.Fatalf("round %d: %d review records, want %d", round, reviews, 2*(round+1))
		}
		newest, older := h[0], h[1]
		if got := edgeStatus(t, store, keyBBProp); got != newest.Detail["to"] {
			t.Errorf("round %d: edge is %s, newest record says %v", round, got, newest.Detail["to"])
		}
		if newest.Detail["from"] != older.Detail["to"] || newest.Actor == older.Actor {
			t.Errorf("round %d: the records do not chain: %+v then %+v", round, older, newest)
		}
	}
}

// An import run that fails is undone with the statuses it changed: a node an edge of an
// earlier chunk accepted is PROPOSED again, the edge too.
func TestImportRunUndoRestoresStatuses(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)
	before := snapshot(t)
	f := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{{ID: "doc:r5", Title: "Five"}},
		Nodes: []fixtures.Node{
			{ID: "state:aa", Kind: fixtures.KindState, Name: "Aaland", Sources: span("doc:r5", "Aaland")},
			{ID: "org:prop", Kind: fixtures.KindOrganization, Name: "Propositia", Sources: span("doc:r5", "Propositia"), Status: fixtures.StatusProposed},
			{ID: "state:bb", Kind: fixtures.KindState, Name: "Bbland", Sources: span("doc:r5", "Bbland")},
			{ID: "org:acc", Kind: fixtures.KindOrganization, Name: "Accordia", Sources: span("doc:r5", "Accordia")},
		},
		Edges: []fixtures.Edge{
			{Kind: fixtures.EdgeMemberOf, From: "state:aa", To: "org:prop", Sources: span("doc:r5", "joined")},
			{Kind: fixtures.EdgeMemberOf, From: "state:bb", To: "org:acc", Sources: span("doc:r5", "is in")},
		},
	}
	graph.SetImportChunk(store, 1)
	t.Cleanup(func() { graph.SetImportChunk(store, graph.ImportChunk) })
	// Chunks: the document, four nodes, two edges; the second edge's chunk fails.
	cctx, cancel := context.WithCancel(ctx)
	batches := 0
	_, err := store.ImportFile(cctx, f, "", "five.json", func(done, total int) {
		if batches++; batches == 7 {
			cancel()
		}
	})
	cancel()
	if err == nil {
		t.Fatal("the cancelled run succeeded")
	}
	if !slices.Contains(nodeLabels(t, "org:prop"), graph.LabelProposed) || edgeStatus(t, store, keyAAProp) != graph.StatusProposed {
		t.Errorf("after the undo org:prop has labels %v and %s is %s; want both PROPOSED again",
			nodeLabels(t, "org:prop"), keyAAProp, edgeStatus(t, store, keyAAProp))
	}
	diffGraphs(t, "undone run", before, snapshot(t))
	if h := mustHistory(t, store, "doc:r5"); len(h) != 0 {
		t.Errorf("an undone run left history: %v", h)
	}
}

// An accepted node is never merged into a proposed or rejected one: its accepted facts
// would vanish from every read. The other way round is a merge like any other.
func TestMergeKeepsAcceptedFactsVisible(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)
	for _, survivor := range []string{"org:prop", "org:rej"} {
		_, err := store.MergeNodes(ctx, survivor, "org:acc")
		var bad *graph.InputError
		if !errors.As(err, &bad) || !strings.Contains(err.Error(), "ACCEPTED") {
			t.Errorf("merge of the accepted org:acc into %s: %v, want a bad-input error that says why", survivor, err)
		}
	}
	if ns, err := store.NodesByID(ctx, []string{"org:acc"}); err != nil || ns[0] == nil {
		t.Fatalf("org:acc after the refused merges: %v, %v", ns, err)
	}
	if _, err := store.MergeNodes(ctx, "org:acc", "org:prop"); err != nil {
		t.Fatalf("merge of the proposed org:prop into the accepted org:acc: %v", err)
	}
	if got := nodeLabels(t, "org:acc"); slices.Contains(got, graph.LabelProposed) {
		t.Errorf("org:acc labels after the merge = %v", got)
	}
}
