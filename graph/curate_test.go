package graph_test

import (
	"fmt"
	"testing"

	"github.com/entente/entente/fixtures"
)

// Merging moves the merged node's spans (on its MENTIONS) and reference sources to the
// survivor, and re-importing the merged node's fixture then changes nothing.
func TestMergeNodesMovesSources(t *testing.T) {
	store, ctx := open(t)
	for _, path := range []string{fixtureA, fixtureB} {
		if _, err := store.Import(ctx, read(t, path), nil); err != nil {
			t.Fatal(err)
		}
	}
	before := nodeSources(t, store, "unicri", "un")
	if _, err := store.MergeNodes(ctx, "un", "unicri"); err != nil {
		t.Fatal(err)
	}
	got := nodeSources(t, store, "un")[0]
	// un keeps its gazetteer reference and gains unicri's three spans, by document.
	want := append(append([]fixtures.Source{}, before[0]...), before[1]...)
	if len(got) != len(want) || got[len(got)-1].Reference != "gazetteer" {
		t.Errorf("un sources after the merge = %v, want %v (spans first, then the reference)", got, want)
	}
	for _, doc := range []string{"doc:a", "doc:b"} {
		if spans := mentionSources(t, doc, "un"); len(spans) == 0 {
			t.Errorf("no span of %s on its MENTIONS of un", doc)
		}
	}
	if recs := query(t, "MATCH (n:Entity {id: 'unicri'}) RETURN n", nil); len(recs) > 0 {
		t.Error("unicri is still a node")
	}
	nodes, rels := counts(t, store)
	snap := snapshot(t)
	if _, err := store.Import(ctx, read(t, fixtureA), nil); err != nil {
		t.Fatal(err)
	}
	assertCounts(t, store, nodes, rels)
	if after := snapshot(t); fmt.Sprint(after) != fmt.Sprint(snap) {
		t.Error("re-importing a.json after the merge changed the graph")
	}
}

// A curated node records its spans on the MENTIONS of their documents and the curator as
// a reference source; upserting it again adds nothing.
func TestUpsertNodeSources(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, read(t, fixtureA), nil); err != nil {
		t.Fatal(err)
	}
	n := fixtures.Node{ID: "person:bianchi", Kind: fixtures.KindPerson, Name: "Anna Bianchi",
		Sources: []fixtures.Source{{Document: "doc:a", Start: 0, End: 5, Text: "Italy"}}}
	for range 2 {
		if _, err := store.UpsertNode(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "person:bianchi", Kind: fixtures.KindPerson, Name: "A. Bianchi"}); err != nil {
		t.Fatal(err)
	}
	got := nodeSources(t, store, "person:bianchi")[0]
	if len(got) != 2 || got[0].Document != "doc:a" || got[1].Reference != "curator" {
		t.Errorf("sources = %v, want the span of doc:a, then the curator", got)
	}
	if got := mentionedBy(t, "person:bianchi"); !equal(got, []string{"doc:a"}) {
		t.Errorf("mentioned by %q", got)
	}
}

// A database written before node sources moved to MENTIONS is migrated by EnsureSchema.
func TestEnsureSchemaMovesOldSources(t *testing.T) {
	store, ctx := open(t)
	query(t, `CREATE (d:Entity:Document {id: 'doc:old', kind: 'Document', name: 'Old'})
		CREATE (n:Entity:State {id: 'state:old', kind: 'State', name: 'Oldland', aliases: [], aliasText: '',
		  sources: ['{"reference":"gazetteer"}', '{"document":"doc:old","start":0,"end":3,"text":"Old"}',
		            '{"document":"doc:old","start":9,"end":12,"text":"old"}'],
		  docs: ['doc:old']})
		CREATE (m:Entity:State {id: 'state:new', kind: 'State', name: 'Newland', aliases: [], aliasText: ''})
		CREATE (d)-[:MENTIONS]->(n)
		CREATE (n)-[:MEMORANDUM {key: 'MEMORANDUM|state:old|state:new', sources: ['{"document":"doc:old","start":0,"end":3,"text":"Old"}'], docs: ['doc:old']}]->(m)`, nil)
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	got := nodeSources(t, store, "state:old")[0]
	want := []fixtures.Source{{Document: "doc:old", Start: 0, End: 3, Text: "Old"}, {Document: "doc:old", Start: 9, End: 12, Text: "old"},
		{Reference: "gazetteer"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sources = %v, want %v", got, want)
	}
	if p := nodeProps(t, "state:old"); p["sources"] != nil || p["docs"] != nil {
		t.Errorf("the node kept its lists: %v", p)
	}
	if p := edgeProps(t, "MEMORANDUM|state:old|state:new"); p["docs"] != nil || len(strs(p["sources"])) != 1 {
		t.Errorf("MEMORANDUM = %v", p)
	}
	assertCounts(t, store, 3, 2)
	if err := store.EnsureSchema(ctx); err != nil { // nothing left to do
		t.Fatal(err)
	}
}
