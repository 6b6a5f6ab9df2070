package graph_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// The fixtures of testdata/graph/confidence: low.json reads unicri, meeting:c and
// person:verdi with little confidence (state:IT with none, so 1); high.json reads some of
// them again, some higher and some lower.
const (
	fixtureLow  = "../testdata/graph/confidence/low.json"
	fixtureHigh = "../testdata/graph/confidence/high.json"
)

// A confidence is stored on nodes and edges (1 when the fixture gives none, the highest
// when a fixture repeats a node or an edge), only rises on a re-import, and is read back.
func TestImportConfidence(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, read(t, fixtureLow), nil); err != nil {
		t.Fatal(err)
	}
	// low.json reads person:verdi at 0.7 and 0.25, and unicri's PARTICIPATED_IN at 0.35 and 0.55.
	low := map[string]float64{"state:IT": 1, "unicri": 0.6, "meeting:c": 0.5, "person:verdi": 0.7,
		"PARTICIPATED_IN|unicri|meeting:c": 0.55, "PARTICIPATED_IN|state:IT|meeting:c": 1,
		"AFFILIATED_WITH|person:verdi|unicri": 0.65}
	assertStoredConfidence(t, low)
	if p := nodeProps(t, "doc:low"); p["confidence"] != nil {
		t.Errorf("doc:low stores a confidence: %v", p["confidence"])
	}
	if docs, err := store.NodesByID(ctx, []string{"doc:low"}); err != nil || docs[0].Confidence != 1 {
		t.Errorf("doc:low does not read confidence 1 (%v)", err)
	}
	assertReadConfidence(t, store, low)

	if _, err := store.Import(ctx, read(t, fixtureHigh), nil); err != nil {
		t.Fatal(err)
	}
	high := map[string]float64{"state:IT": 1, "unicri": 0.9, "meeting:c": 0.5, "person:verdi": 0.7,
		"PARTICIPATED_IN|unicri|meeting:c": 0.8, "PARTICIPATED_IN|state:IT|meeting:c": 1,
		"AFFILIATED_WITH|person:verdi|unicri": 0.65}
	assertStoredConfidence(t, high)
	assertReadConfidence(t, store, high)

	// Importing the weaker evidence again changes nothing at all.
	snap := snapshot(t)
	if _, err := store.Import(ctx, read(t, fixtureLow), nil); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t); fmt.Sprint(after) != fmt.Sprint(snap) {
		t.Error("re-importing low.json changed the graph")
	}

	// a.json gives no confidence: what it shares with low.json and high.json becomes sure.
	if _, err := store.Import(ctx, read(t, fixtureA), nil); err != nil {
		t.Fatal(err)
	}
	assertStoredConfidence(t, map[string]float64{"unicri": 1, "meeting:c": 0.5, "state:IT": 1, "meeting:a": 1,
		"PARTICIPATED_IN|unicri|meeting:a": 1})
}

// What an analyst creates or upserts is sure; a merge keeps the higher confidence of the
// two nodes and of two edges that become one, and a moved edge keeps its own.
func TestCurationConfidence(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, read(t, fixtureLow), nil); err != nil {
		t.Fatal(err)
	}
	n, err := store.UpsertNode(ctx, fixtures.Node{ID: "meeting:c", Kind: fixtures.KindMeeting, Name: "Seminar on cybercrime"})
	if err != nil {
		t.Fatal(err)
	}
	if n.Confidence != 1 {
		t.Errorf("upserted meeting:c confidence = %v, want 1", n.Confidence)
	}
	half := 0.5
	n, err = store.UpsertNode(ctx, fixtures.Node{ID: "person:neri", Kind: fixtures.KindPerson, Name: "Luca Neri", Confidence: &half})
	if err != nil {
		t.Fatal(err)
	}
	if n.Confidence != 1 {
		t.Errorf("created person:neri confidence = %v, want 1 whatever the input says", n.Confidence)
	}
	for _, e := range []fixtures.Edge{
		{Kind: fixtures.EdgeAffiliatedWith, From: "person:verdi", To: "unicri", Confidence: &half}, // stored at 0.65
		{Kind: fixtures.EdgeParticipatedIn, From: "person:neri", To: "meeting:c"},                  // new
	} {
		got, err := store.AddEdge(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		if got.Confidence != 1 {
			t.Errorf("%s confidence = %v, want 1", got.ID, got.Confidence)
		}
	}
	assertStoredConfidence(t, map[string]float64{"meeting:c": 1, "person:neri": 1,
		"AFFILIATED_WITH|person:verdi|unicri": 1, "PARTICIPATED_IN|person:neri|meeting:c": 1})

	// Two readings of one person: p1 (0.4) and p2 (0.8), both affiliated with unicri.
	c := func(v float64) *float64 { return &v }
	src := []fixtures.Source{{Reference: "test"}}
	f := &fixtures.Fixture{Format: fixtures.Format,
		Nodes: []fixtures.Node{
			{ID: "person:p1", Kind: fixtures.KindPerson, Name: "P. One", Sources: src, Confidence: c(0.4)},
			{ID: "person:p2", Kind: fixtures.KindPerson, Name: "Person One", Sources: src, Confidence: c(0.8)},
			{ID: "unicri", Kind: fixtures.KindUNBody, Name: "UNICRI", Sources: src, Confidence: c(0.1)},
			{ID: "meeting:c", Kind: fixtures.KindMeeting, Name: "Seminar on cybercrime", Sources: src, Confidence: c(0.1)},
		},
		Edges: []fixtures.Edge{
			{Kind: fixtures.EdgeAffiliatedWith, From: "person:p1", To: "unicri", Sources: src, Confidence: c(0.3)},
			{Kind: fixtures.EdgeAffiliatedWith, From: "person:p2", To: "unicri", Sources: src, Confidence: c(0.9)},
			{Kind: fixtures.EdgeParticipatedIn, From: "person:p2", To: "meeting:c", Sources: src, Confidence: c(0.6)},
		}}
	if _, err := store.Import(ctx, f, nil); err != nil {
		t.Fatal(err)
	}
	merged, err := store.MergeNodes(ctx, "person:p1", "person:p2")
	if err != nil {
		t.Fatal(err)
	}
	if merged.Confidence != 0.8 {
		t.Errorf("survivor confidence = %v, want 0.8 (the merged node's)", merged.Confidence)
	}
	assertStoredConfidence(t, map[string]float64{"person:p1": 0.8, "unicri": 0.6, "meeting:c": 1,
		"AFFILIATED_WITH|person:p1|unicri": 0.9, "PARTICIPATED_IN|person:p1|meeting:c": 0.6})
}

// A database written before confidences were stored reads as sure, and EnsureSchema
// stores 1 on its nodes and edges, not on documents or MENTIONS.
func TestEnsureSchemaStoresConfidence(t *testing.T) {
	store, ctx := open(t)
	query(t, `CREATE (d:Entity:Document {id: 'doc:old', kind: 'Document', name: 'Old'})
		CREATE (n:Entity:State {id: 'state:old', kind: 'State', name: 'Oldland', aliases: [], aliasText: ''})
		CREATE (m:Entity:State {id: 'state:new', kind: 'State', name: 'Newland', aliases: [], aliasText: '', confidence: 0.5})
		CREATE (d)-[:MENTIONS {sources: []}]->(n)
		CREATE (n)-[:MEMORANDUM {key: 'MEMORANDUM|state:old|state:new', sources: []}]->(m)`, nil)
	want := map[string]float64{"state:old": 1, "state:new": 0.5, "MEMORANDUM|state:old|state:new": 1}
	assertReadConfidence(t, store, want)
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	assertStoredConfidence(t, want)
	assertReadConfidence(t, store, want)
	if p := nodeProps(t, "doc:old"); p["confidence"] != nil {
		t.Errorf("doc:old was given a confidence: %v", p)
	}
	if recs := query(t, "MATCH ()-[r:MENTIONS]->() WHERE r.confidence IS NOT NULL RETURN r", nil); len(recs) > 0 {
		t.Error("a MENTIONS was given a confidence")
	}
}

// assertStoredConfidence checks the confidence property of nodes (by id) and edges (by key, with a "|").
func assertStoredConfidence(t *testing.T, want map[string]float64) {
	t.Helper()
	for id, w := range want {
		var p map[string]any
		if fixtures.Contains(fixtures.EdgeKinds, kindOf(id)) {
			p = edgeProps(t, id)
		} else {
			p = nodeProps(t, id)
		}
		if p["confidence"] != w {
			t.Errorf("%s stores confidence %v, want %v", id, p["confidence"], w)
		}
	}
}

// assertReadConfidence checks the confidence the Store reads for nodes and edges (as assertStoredConfidence).
func assertReadConfidence(t *testing.T, store *graph.Store, want map[string]float64) {
	t.Helper()
	for id, w := range want {
		var got float64
		if fixtures.Contains(fixtures.EdgeKinds, kindOf(id)) {
			e, err := store.EdgeByKey(t.Context(), id)
			if err != nil {
				t.Fatal(err)
			}
			got = e.Confidence
			// The edge projections of the read queries carry it too.
			es, _, err := store.EdgesOf(t.Context(), []graph.EdgeQuery{{ID: e.From, Kind: e.Kind, Out: true}})
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range es[0] {
				if x.ID == id && x.Confidence != w {
					t.Errorf("EdgesOf reads %s at %v, want %v", id, x.Confidence, w)
				}
			}
		} else {
			ns, err := store.NodesByID(t.Context(), []string{id})
			if err != nil {
				t.Fatal(err)
			}
			got = ns[0].Confidence
		}
		if got != w {
			t.Errorf("%s reads confidence %v, want %v", id, got, w)
		}
	}
}

// kindOf is the edge kind an edge key starts with, or the whole of a node id.
func kindOf(id string) string {
	kind, _, _ := strings.Cut(id, "|")
	return kind
}
