package graph_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
)

// The fixtures of testdata/graph: a.json and b.json share state:IT, agency:IT:interior,
// unicri and un, and one PART_OF edge.
const (
	fixtureA        = "../testdata/graph/a.json"
	fixtureB        = "../testdata/graph/b.json"
	fixtureConflict = "../testdata/graph/conflict/unicri-organization.json"
)

// What a.json alone and a.json plus b.json leave in the database: entity nodes plus
// documents, and domain edges plus one MENTIONS per (document, node mentioned in it).
const (
	nodesA, relsA   = 8 + 1, 8 + 7
	nodesAB, relsAB = 9 + 2, 10 + 11
)

func TestImportCounts(t *testing.T) {
	store, ctx := open(t)
	var calls, lastDone, lastTotal int
	st, err := store.Import(ctx, read(t, fixtureA), func(done, total int) { calls, lastDone, lastTotal = calls+1, done, total })
	if err != nil {
		t.Fatal(err)
	}
	want := graph.ImportStats{Documents: 1, Nodes: 8, Edges: 8, Created: nodesA + relsA}
	if st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
	if calls == 0 || lastDone != 17 || lastTotal != 17 {
		t.Errorf("progress: %d calls, last %d/%d, want at least one call ending at 17/17", calls, lastDone, lastTotal)
	}
	assertCounts(t, store, nodesA, relsA)

	props := nodeProps(t, "meeting:a")
	for key, want := range map[string]any{
		"kind": "Meeting", "name": "Workshop on border security", "country": "IT", "startDate": "2023-01-26",
		"endDate": "2023-01-27", "place": "Rome", "subtype": "workshop",
	} {
		if props[key] != want {
			t.Errorf("meeting:a %s = %v, want %v", key, props[key], want)
		}
	}
	if got := labels(t, "meeting:a"); !equal(got, []string{"Entity", "Meeting"}) {
		t.Errorf("meeting:a labels = %v", got)
	}
	if got := labels(t, "doc:a"); !equal(got, []string{"Document", "Entity"}) {
		t.Errorf("doc:a labels = %v", got)
	}
	doc := nodeProps(t, "doc:a")
	if doc["kind"] != "Document" || doc["name"] != "Report of the border security workshop" || doc["language"] != "en" || doc["published"] != "2023-01-26" {
		t.Errorf("doc:a = %v", doc)
	}
	if got := nodeProps(t, "person:rossi")["title"]; got != "Prefect" {
		t.Errorf("person:rossi title = %v", got)
	}
	if got := nodeProps(t, "project:border")["description"]; got != "Training for border police" {
		t.Errorf("project:border description = %v", got)
	}
	funded := edgeProps(t, "FUNDED|state:IT|project:border")
	if funded["amount"] != 150000.0 || funded["currency"] != "EUR" || len(strs(funded["sources"])) != 1 ||
		!strings.Contains(strs(funded["sources"])[0], `"document":"doc:a"`) || funded["docs"] != nil {
		t.Errorf("FUNDED = %v", funded)
	}
	memo := edgeProps(t, "MEMORANDUM|state:IT|state:MA|2022-03")
	if memo["date"] != "2022-03" || memo["title"] != "Memorandum on police cooperation" || memo["place"] != "Rabat" {
		t.Errorf("MEMORANDUM = %v", memo)
	}
	if got := edgeProps(t, "PARTICIPATED_IN|unicri|meeting:a")["role"]; got != "organiser" {
		t.Errorf("PARTICIPATED_IN role = %v", got)
	}
	// A source is stored as the JSON of fixtures.Source: reference sources on the node,
	// spans of a document on its MENTIONS; nodes hold no list that grows with the corpus.
	if got := strs(nodeProps(t, "un")["refSources"]); !equal(got, []string{`{"reference":"gazetteer"}`}) {
		t.Errorf("un refSources = %q", got)
	}
	if got := mentionSources(t, "doc:a", "state:IT"); !equal(got, []string{`{"document":"doc:a","start":0,"end":5,"text":"Italy"}`}) {
		t.Errorf("doc:a MENTIONS state:IT sources = %q", got)
	}
	if recs := query(t, "MATCH (n:Entity) WHERE n.sources IS NOT NULL OR n.docs IS NOT NULL RETURN n.id", nil); len(recs) > 0 {
		t.Errorf("%v has sources or docs on the node", recs[0].Values)
	}
	want1 := []fixtures.Source{{Document: "doc:a", Start: 0, End: 5, Text: "Italy"}}
	if got := nodeSources(t, store, "state:IT", "un", "no:such"); fmt.Sprint(got) != fmt.Sprint([][]fixtures.Source{
		want1, {{Reference: "gazetteer"}}, nil}) {
		t.Errorf("NodeSources = %v", got)
	}
	mentioned := query(t, "MATCH (:Document {id: 'doc:a'})-[:MENTIONS]->(n) RETURN n.id ORDER BY n.id", nil)
	if len(mentioned) != 7 {
		t.Errorf("doc:a mentions %d nodes, want 7 (all but un, known from the gazetteer)", len(mentioned))
	}
	if _, err := store.Import(ctx, read(t, fixtureA), nil); err != nil { // nil progress is allowed
		t.Fatal(err)
	}
}

func TestImportIsIdempotent(t *testing.T) {
	store, ctx := open(t)
	a, b := read(t, fixtureA), read(t, fixtureB)
	for _, f := range []*fixtures.Fixture{a, b} {
		if _, err := store.Import(ctx, f, nil); err != nil {
			t.Fatal(err)
		}
	}
	before := snapshot(t)
	for _, f := range []*fixtures.Fixture{a, b, a} {
		st, err := store.Import(ctx, f, nil)
		if err != nil {
			t.Fatal(err)
		}
		if st.Created != 0 {
			t.Errorf("re-import created %d nodes or relationships", st.Created)
		}
	}
	assertCounts(t, store, nodesAB, relsAB)
	after := snapshot(t)
	if len(after) != len(before) {
		t.Fatalf("%d entries after, %d before", len(after), len(before))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed on re-import:\n before %s\n after  %s", k, v, after[k])
		}
	}
}

func TestImportMergesSharedNodes(t *testing.T) {
	store, ctx := open(t)
	for _, path := range []string{fixtureA, fixtureB} {
		if _, err := store.Import(ctx, read(t, path), nil); err != nil {
			t.Fatal(err)
		}
	}
	assertCounts(t, store, nodesAB, relsAB)

	italy := nodeProps(t, "state:IT")
	if italy["name"] != "Italy" {
		t.Errorf("state:IT name = %v, want the first one, Italy", italy["name"])
	}
	// b.json names it Italie with aliases Italia and Italy: the name is not repeated.
	if got := strs(italy["aliases"]); !equal(got, []string{"Italie", "Italia"}) {
		t.Errorf("state:IT aliases = %q", got)
	}
	if italy["aliasText"] != "Italie | Italia" {
		t.Errorf("state:IT aliasText = %q", italy["aliasText"])
	}
	if italy["country"] != "IT" {
		t.Errorf("state:IT country = %v: b.json's null must keep a.json's IT", italy["country"])
	}
	if got := mentionedBy(t, "state:IT"); !equal(got, []string{"doc:a", "doc:b"}) {
		t.Errorf("state:IT is mentioned by %q", got)
	}
	if got := nodeSources(t, store, "state:IT")[0]; len(got) != 2 || got[0].Document != "doc:a" || got[1].Document != "doc:b" {
		t.Errorf("state:IT sources = %v, want 2, by document", got)
	}
	unicri := nodeProps(t, "unicri")
	if got := len(strs(unicri["aliases"])); got != 2 {
		t.Errorf("unicri aliases = %q, want the English and the French long names", strs(unicri["aliases"]))
	}
	if got := nodeSources(t, store, "unicri")[0]; len(got) != 3 {
		t.Errorf("unicri has %d sources, want 3 (one in a.json, two in b.json)", len(got))
	}
	un := nodeProps(t, "un")
	if got := nodeSources(t, store, "un")[0]; len(got) != 1 || got[0].Reference != "gazetteer" {
		t.Errorf("un sources = %v, want the gazetteer once", got)
	}
	if got := strs(un["aliases"]); !equal(got, []string{"Nations Unies"}) {
		t.Errorf("un aliases = %q", got)
	}
	interior := nodeProps(t, "agency:IT:interior")
	if got := strs(interior["aliases"]); !equal(got, []string{"Viminale", "Ministère de l'Intérieur"}) {
		t.Errorf("agency:IT:interior aliases = %q", got)
	}

	// The PART_OF edge is in both fixtures (twice in b.json): one edge, three sources.
	recs := query(t, "MATCH (:Entity {id: 'agency:IT:interior'})-[r:PART_OF]->(:Entity {id: 'state:IT'}) RETURN r", nil)
	if len(recs) != 1 {
		t.Fatalf("%d PART_OF edges from the ministry to Italy, want 1", len(recs))
	}
	r := recs[0].Values[0].(neo4j.Relationship).Props
	if got := len(strs(r["sources"])); got != 3 {
		t.Errorf("PART_OF has %d sources, want 3", got)
	}
	srcs, err := store.EdgeSources(ctx, []graph.EdgeRef{{Kind: fixtures.EdgePartOf, Key: "PART_OF|agency:IT:interior|state:IT"}})
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, src := range srcs[0] {
		docs = append(docs, src.Document)
	}
	if !equal(docs, []string{"doc:a", "doc:b", "doc:b"}) {
		t.Errorf("PART_OF sources are from %q", docs)
	}
	if dup := query(t, "MATCH ()-[r]->() WHERE r.key IS NOT NULL WITH r.key AS key, count(*) AS n WHERE n > 1 RETURN key", nil); len(dup) > 0 {
		t.Errorf("duplicated edges: %v", dup[0].Values)
	}
}

// A non-null scalar overwrites the stored value, a null one keeps it; the name stays.
func TestImportScalars(t *testing.T) {
	store, ctx := open(t)
	a := read(t, fixtureA)
	if _, err := store.Import(ctx, a, nil); err != nil {
		t.Fatal(err)
	}
	again := read(t, fixtureA)
	milan := "Milan"
	for i, n := range again.Nodes {
		if n.ID == "meeting:a" {
			again.Nodes[i].Place, again.Nodes[i].EndDate, again.Nodes[i].Name = &milan, nil, "Border workshop"
			again.Nodes[i].Properties = map[string]any{}
		}
	}
	for i, e := range again.Edges {
		if e.Kind == fixtures.EdgeParticipatedIn {
			again.Edges[i].Role = nil
		}
	}
	if _, err := store.Import(ctx, again, nil); err != nil {
		t.Fatal(err)
	}
	m := nodeProps(t, "meeting:a")
	for key, want := range map[string]any{"place": "Milan", "endDate": "2023-01-27", "subtype": "workshop", "name": "Workshop on border security"} {
		if m[key] != want {
			t.Errorf("meeting:a %s = %v, want %v", key, m[key], want)
		}
	}
	if got := strs(m["aliases"]); !equal(got, []string{"Border workshop"}) {
		t.Errorf("meeting:a aliases = %q", got)
	}
	if got := edgeProps(t, "PARTICIPATED_IN|unicri|meeting:a")["role"]; got != "organiser" {
		t.Errorf("a null role replaced organiser: %v", got)
	}
	assertCounts(t, store, nodesA, relsA)
}

// Two fixtures that share nodes, imported at the same time, give what importing them one
// after the other gives: the node locks keep aliases and sources from being lost.
func TestImportConcurrently(t *testing.T) {
	store, ctx := open(t)
	a, b := read(t, fixtureA), read(t, fixtureB)
	for range 3 {
		if err := store.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
		errs := make(chan error, 2)
		for _, f := range []*fixtures.Fixture{a, b} {
			go func() {
				_, err := store.Import(ctx, f, nil)
				errs <- err
			}()
		}
		for range 2 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		assertCounts(t, store, nodesAB, relsAB)
		if got := len(nodeSources(t, store, "unicri")[0]); got != 3 {
			t.Errorf("unicri has %d sources, want 3", got)
		}
		if got := len(strs(nodeProps(t, "state:IT")["aliases"])); got != 2 {
			t.Errorf("state:IT has %d aliases, want 2", got)
		}
		if got := len(strs(edgeProps(t, "PART_OF|agency:IT:interior|state:IT")["sources"])); got != 3 {
			t.Errorf("PART_OF has %d sources, want 3", got)
		}
	}
}

func TestImportRefusesConflictingKind(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, read(t, fixtureA), nil); err != nil {
		t.Fatal(err)
	}
	trips := store.RoundTrips()
	_, err := store.Import(ctx, read(t, fixtureConflict), nil)
	var inputErr *graph.InputError
	if !errors.As(err, &inputErr) {
		t.Fatalf("err = %v, want an *InputError", err)
	}
	for _, want := range []string{`"unicri"`, "UNBody", "Organization"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if store.RoundTrips()-trips != 2 {
		t.Errorf("%d statements sent, want only the two checks (redirects, kinds)", store.RoundTrips()-trips)
	}
	assertCounts(t, store, nodesA, relsA)
	if recs := query(t, "MATCH (n) WHERE n.id IN ['org:osce', 'doc:c'] RETURN n", nil); len(recs) > 0 {
		t.Errorf("the refused fixture left %d nodes behind", len(recs))
	}
	if got := nodeProps(t, "unicri")["kind"]; got != "UNBody" {
		t.Errorf("unicri kind = %v", got)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	store, ctx := open(t)
	f := read(t, fixtureA)
	// A document id that is also a node id is only found in the database transaction.
	f.Nodes = append(f.Nodes, f.Nodes[0])
	f.Nodes[len(f.Nodes)-1].ID = "doc:a"
	_, err := store.Import(ctx, f, nil)
	var inputErr *graph.InputError
	if !errors.As(err, &inputErr) {
		t.Fatalf("err = %v, want an *InputError", err)
	}
	assertCounts(t, store, 0, 0)

	// An unvalidated fixture is validated again and refused before any statement.
	bad := read(t, fixtureA)
	bad.Nodes[0].Kind = "Country"
	trips := store.RoundTrips()
	if _, err := store.Import(ctx, bad, nil); !errors.As(err, &inputErr) {
		t.Fatalf("err = %v, want an *InputError", err)
	}
	if store.RoundTrips() != trips {
		t.Errorf("an invalid fixture sent %d statements", store.RoundTrips()-trips)
	}
}

func TestImportResolvesRedirects(t *testing.T) {
	store, ctx := open(t)
	a := read(t, fixtureA)
	if _, err := store.Import(ctx, a, nil); err != nil {
		t.Fatal(err)
	}
	// What merging unicri into un leaves: the old id redirects to the survivor.
	query(t, `MATCH (old:Entity {id: 'unicri'}), (survivor:Entity {id: 'un'})
		DETACH DELETE old CREATE (:Redirect {id: 'unicri'})-[:MERGED_INTO]->(survivor)`, nil)
	nodes, rels := counts(t, store)

	st, err := store.Import(ctx, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Redirected != 1 || st.Loops != 1 {
		t.Errorf("stats = %+v, want 1 redirected id and 1 loop dropped (unicri PART_OF un)", st)
	}
	if recs := query(t, "MATCH (n:Entity {id: 'unicri'}) RETURN n", nil); len(recs) > 0 {
		t.Fatal("re-import resurrected the merged node")
	}
	// unicri's PARTICIPATED_IN (deleted with it) comes back on the survivor, with its MENTIONS.
	assertCounts(t, store, nodes, rels+2)
	un := nodeProps(t, "un")
	if un["name"] != "United Nations" {
		t.Errorf("un name = %v", un["name"])
	}
	if got := strs(un["aliases"]); !equal(got, []string{"UNICRI", "United Nations Interregional Crime and Justice Research Institute"}) {
		t.Errorf("un aliases = %q", got)
	}
	if got := nodeSources(t, store, "un")[0]; len(got) != 2 || got[0].Document != "doc:a" || got[1].Reference != "gazetteer" {
		t.Errorf("un sources = %v, want unicri's span and the gazetteer", got)
	}
	if p := edgeProps(t, "PARTICIPATED_IN|un|meeting:a"); p["role"] != "organiser" {
		t.Errorf("PARTICIPATED_IN|un|meeting:a = %v", p)
	}
	if recs := query(t, "MATCH (:Entity {id: 'un'})-[r:PART_OF]->(:Entity {id: 'un'}) RETURN r", nil); len(recs) > 0 {
		t.Error("a loop was written")
	}

	// The survivor's kind wins over the fixture's.
	conflict := read(t, fixtureConflict)
	if _, err := store.Import(ctx, conflict, nil); err != nil {
		t.Fatalf("a redirected id takes its survivor's kind, got %v", err)
	}
	if got := edgeProps(t, "MEMBER_OF|un|org:osce"); got == nil {
		t.Error("MEMBER_OF unicri -> OSCE was not moved to un")
	}
	if got := nodeProps(t, "un")["kind"]; got != "UNBody" {
		t.Errorf("un kind = %v", got)
	}
}

func TestImportBatches(t *testing.T) {
	store, ctx := open(t)
	f := generate(2*graph.ImportBatch + 10)
	var dones []int
	st, err := store.Import(ctx, f, func(done, total int) {
		if total != 1+len(f.Nodes)+len(f.Edges) {
			t.Errorf("total = %d", total)
		}
		dones = append(dones, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Nodes != len(f.Nodes) || st.Edges != len(f.Edges) {
		t.Errorf("stats = %+v", st)
	}
	// Rows are grouped by kind, then batched: one document, 1005 organisations, 1005
	// people, 1005 MEMBER_OF and 1005 AFFILIATED_WITH make 1 + 4×2 batches.
	if len(dones) != 9 || dones[len(dones)-1] != 1+len(f.Nodes)+len(f.Edges) {
		t.Errorf("progress = %v", dones)
	}
	assertCounts(t, store, 1+len(f.Nodes), len(f.Edges)+len(f.Nodes))
}

// open gives an emptied store with its schema and a context for the test.
func open(t *testing.T) (*graph.Store, context.Context) {
	store := graphtest.Open(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return store, ctx
}

func read(t testing.TB, path string) *fixtures.Fixture {
	t.Helper()
	f, err := fixtures.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func counts(t *testing.T, store *graph.Store) (int, int) {
	t.Helper()
	nodes, rels, err := store.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return nodes, rels
}

func assertCounts(t *testing.T, store *graph.Store, nodes, rels int) {
	t.Helper()
	if n, r := counts(t, store); n != nodes || r != rels {
		t.Errorf("database has %d nodes and %d relationships, want %d and %d", n, r, nodes, rels)
	}
}

// query runs Cypher on the test database with a driver of its own, to check what Import wrote.
func query(t *testing.T, cypher string, params map[string]any) []*neo4j.Record {
	t.Helper()
	return queryAt(t, graphtest.Config(t), cypher, params)
}

// queryAt runs Cypher on the database of c with a driver of its own.
func queryAt(t *testing.T, c graph.Config, cypher string, params map[string]any) []*neo4j.Record {
	t.Helper()
	auth := neo4j.NoAuth()
	if c.User != "" {
		auth = neo4j.BasicAuth(c.User, c.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(c.URI, auth)
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())
	res, err := neo4j.ExecuteQuery(context.Background(), driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(c.Database))
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	return res.Records
}

func nodeProps(t *testing.T, id string) map[string]any {
	t.Helper()
	recs := query(t, "MATCH (n:Entity {id: $id}) RETURN n", map[string]any{"id": id})
	if len(recs) != 1 {
		t.Fatalf("%d nodes with id %q", len(recs), id)
	}
	return recs[0].Values[0].(neo4j.Node).Props
}

func labels(t *testing.T, id string) []string {
	t.Helper()
	recs := query(t, "MATCH (n:Entity {id: $id}) RETURN labels(n)", map[string]any{"id": id})
	got := strs(recs[0].Values[0])
	sort.Strings(got)
	return got
}

// edgeProps returns the properties of the edge with that key, or nil when there is none.
func edgeProps(t *testing.T, key string) map[string]any {
	t.Helper()
	recs := query(t, "MATCH ()-[r {key: $key}]->() RETURN r", map[string]any{"key": key})
	if len(recs) > 1 {
		t.Fatalf("%d edges with key %q", len(recs), key)
	}
	if len(recs) == 0 {
		return nil
	}
	return recs[0].Values[0].(neo4j.Relationship).Props
}

// nodeSources reads the sources of nodes as the API does.
func nodeSources(t *testing.T, store *graph.Store, ids ...string) [][]fixtures.Source {
	t.Helper()
	got, err := store.NodeSources(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// mentionSources returns the spans stored on the MENTIONS from a document to a node.
func mentionSources(t *testing.T, doc, id string) []string {
	t.Helper()
	recs := query(t, "MATCH (:Document {id: $doc})-[r:MENTIONS]->(:Entity {id: $id}) RETURN r.sources",
		map[string]any{"doc": doc, "id": id})
	if len(recs) != 1 {
		t.Fatalf("%d MENTIONS from %s to %s", len(recs), doc, id)
	}
	return strs(recs[0].Values[0])
}

// mentionedBy lists the documents that mention a node, by id.
func mentionedBy(t *testing.T, id string) []string {
	t.Helper()
	var out []string
	for _, r := range query(t, "MATCH (d:Document)-[:MENTIONS]->(:Entity {id: $id}) RETURN d.id ORDER BY d.id", map[string]any{"id": id}) {
		out = append(out, r.Values[0].(string))
	}
	return out
}

// snapshot describes every node and relationship with its properties (lists in order).
func snapshot(t *testing.T) map[string]string {
	t.Helper()
	return snapshotAt(t, graphtest.Config(t))
}

// snapshotAt is snapshot of the database of c.
func snapshotAt(t *testing.T, c graph.Config) map[string]string {
	t.Helper()
	query := func(t *testing.T, cypher string, params map[string]any) []*neo4j.Record {
		return queryAt(t, c, cypher, params)
	}
	out := map[string]string{}
	for _, r := range query(t, "MATCH (n) WHERE NOT n:"+graph.LabelVersion+" AND NOT n:"+graph.LabelChange+" AND NOT n:"+graph.LabelMeetingLock+" RETURN n.id, labels(n), properties(n)", nil) {
		out[fmt.Sprint(r.Values[0])] = fmt.Sprint(r.Values[1:])
	}
	for _, r := range query(t, "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)", nil) {
		out[fmt.Sprint(r.Values[:3])] = fmt.Sprint(r.Values[3])
	}
	return out
}

func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
