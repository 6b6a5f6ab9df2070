package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/server"
)

// api is a test client of a server over the real Neo4j.
type api struct {
	t     *testing.T
	url   string
	store *graph.Store
}

// newAPI empties the test graph, imports the given fixture files, and serves it.
func newAPI(t *testing.T, files ...string) *api {
	store := graphtest.Open(t)
	for _, file := range files {
		f, err := fixtures.Read(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := store.Import(context.Background(), f, nil); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(server.New(server.Options{Store: store, Log: zerolog.Nop(), Introspection: true}))
	t.Cleanup(srv.Close)
	return &api{t: t, url: srv.URL, store: store}
}

type gqlError struct {
	Message    string
	Extensions map[string]any
}

// do runs a query and returns its data and errors.
func (a *api) do(query string, vars map[string]any) (map[string]any, []gqlError) {
	a.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(a.url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		a.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data   map[string]any
		Errors []gqlError
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		a.t.Fatal(err)
	}
	return out.Data, out.Errors
}

// ok runs a query that must succeed and returns its data as JSON for path lookups.
func (a *api) ok(query string, vars map[string]any) map[string]any {
	a.t.Helper()
	data, errs := a.do(query, vars)
	if len(errs) > 0 {
		a.t.Fatalf("query failed: %+v\n%s", errs, query)
	}
	return data
}

// code runs a query that must fail and returns the first error's code and message.
func (a *api) code(query string, vars map[string]any) (string, string) {
	a.t.Helper()
	_, errs := a.do(query, vars)
	if len(errs) == 0 {
		a.t.Fatalf("query succeeded, want an error:\n%s", query)
	}
	code, _ := errs[0].Extensions["code"].(string)
	return code, errs[0].Message
}

// at walks a decoded JSON value by keys and indexes ("a.b.0.c").
func at(v any, path string) any {
	for _, p := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[p]
		case []any:
			var i int
			fmt.Sscan(p, &i)
			if i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

// ids collects the "id" found at path.id in each element of the list at path.
func ids(v any, list, field string) []string {
	var out []string
	items, _ := at(v, list).([]any)
	for _, it := range items {
		out = append(out, fmt.Sprint(at(it, field)))
	}
	return out
}

func TestNodeAndTypedRelations(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	d := a.ok(`{
		node(id: "agency:it:farnesina") {
			id kind name aliases
			sources { text start end reference document { id language } }
			... on Agency {
				country
				state { id name }
				meetings { role meeting { id startDate place } }
				people { title person { id title } }
				documents { id }
			}
		}
		missing: node(id: "no:such") { id }
	}`, nil)
	n := at(d, "node")
	if at(n, "kind") != "AGENCY" || at(n, "state.id") != "state:it" || at(n, "country") != "IT" {
		t.Errorf("agency: %v", n)
	}
	if at(n, "meetings.0.role") != "HOST" || at(n, "meetings.0.meeting.place") != "Rome" {
		t.Errorf("meetings: %v", at(n, "meetings"))
	}
	if at(n, "people.0.person.id") != "person:stefano-gambacurta" || at(n, "people.0.title") != "Prefetto" {
		t.Errorf("people: %v", at(n, "people"))
	}
	if at(n, "sources.0.text") != "Farnesina" || at(n, "sources.0.document.id") != "doc:test-rome" || at(n, "documents.0.id") != "doc:test-rome" {
		t.Errorf("sources: %v documents %v", at(n, "sources"), at(n, "documents"))
	}
	// A document span has no reference: null, not "".
	if src, _ := at(n, "sources.0").(map[string]any); src == nil || src["reference"] != nil {
		t.Errorf("reference of a document span: %#v, want null", at(n, "sources.0"))
	}
	if at(d, "missing") != nil {
		t.Errorf("unknown id gave %v", at(d, "missing"))
	}

	d = a.ok(`{
		meeting: node(id: "meeting:2024-04-19:rome:g7-roma-lyon") {
			... on Meeting {
				subtype startDate country
				chair: participants(role: CHAIR) { participant { id } sources { text } }
				all: participants { participant { id } }
				heldUnder { node { id } edge { kind } }
			}
		}
		state: node(id: "state:ma") { ... on State { agencies { id } } }
		project: node(id: "project:atlas") {
			... on Project { description funders { funder { id } } implementers { role implementer { id } } }
		}
		roadmap: node(id: "roadmap:uz-unoct-2024") { ... on Roadmap { startDate endDate parties { date party { id } } } }
		unoct: node(id: "unbody:unoct") {
			... on UNBody {
				memoranda { date place title parties { id } }
				partOf { node { id } sources { reference } }
				meetings(from: "2022-03-15", to: "2022-03-20") { meeting { id } }
			}
		}
		person: node(id: "person:stefano-gambacurta") { ... on Person { title affiliations { actor { id } } } }
	}`, nil)
	if got := ids(d, "meeting.chair", "participant.id"); len(got) != 1 || got[0] != "person:stefano-gambacurta" {
		t.Errorf("chair: %v", got)
	}
	if at(d, "meeting.chair.0.sources.0.text") != "Stefano GAMBACURTA ha presieduto" {
		t.Errorf("chair source: %v", at(d, "meeting.chair.0.sources"))
	}
	if got := ids(d, "meeting.all", "participant.id"); len(got) != 5 {
		t.Errorf("participants: %v", got)
	}
	if at(d, "meeting.heldUnder.0.node.id") != "org:g7-roma-lyon" || at(d, "meeting.heldUnder.0.edge.kind") != "HELD_UNDER" {
		t.Errorf("heldUnder: %v", at(d, "meeting.heldUnder"))
	}
	if got := ids(d, "state.agencies", "id"); len(got) != 1 || got[0] != "agency:ma:gendarmerie" {
		t.Errorf("Morocco's agencies: %v", got)
	}
	if at(d, "project.funders.0.funder.id") != "agency:us:state-department" || at(d, "project.implementers.0.implementer.id") != "unbody:unicri" {
		t.Errorf("project: %v", at(d, "project"))
	}
	if at(d, "roadmap.parties.0.party.id") != "unbody:unoct" || at(d, "roadmap.parties.0.date") != "2024" {
		t.Errorf("roadmap: %v", at(d, "roadmap"))
	}
	if at(d, "unoct.memoranda.0.date") != "2023-12-05" || at(d, "unoct.memoranda.0.place") != "New York" ||
		len(ids(d, "unoct.memoranda.0.parties", "id")) != 2 {
		t.Errorf("memoranda: %v", at(d, "unoct.memoranda"))
	}
	if at(d, "unoct.partOf.0.node.id") != "unbody:un" || at(d, "unoct.partOf.0.sources.0.reference") != "gazetteer" {
		t.Errorf("partOf: %v", at(d, "unoct.partOf"))
	}
	// The Tashkent conference is known only to the month (2022-03): it overlaps 15-20 March.
	if got := ids(d, "unoct.meetings", "meeting.id"); len(got) != 1 {
		t.Errorf("meetings in March 2022: %v", got)
	}
	if at(d, "person.title") != "Prefetto" || at(d, "person.affiliations.0.actor.id") != "agency:it:farnesina" {
		t.Errorf("person: %v", at(d, "person"))
	}
}

func TestSearchFoldsCaseAndAccents(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	for text, want := range map[string]string{
		"vardé": "person:marie-varde", "VARDE": "person:marie-varde", "Varde": "person:marie-varde",
		"gendarmeria reale": "agency:ma:gendarmerie", "GENDARMERIE royale": "agency:ma:gendarmerie",
		"gambacurta": "person:stefano-gambacurta", "nazioni unite": "unbody:un", "unod": "unbody:unodc",
		`interpol~*`: "org:interpol", `(interpol`: "org:interpol", // Lucene syntax is not passed through
	} {
		d := a.ok(`query($t: String!) { search(text: $t) { score node { id } } }`, map[string]any{"t": text})
		if got := at(d, "search.0.node.id"); got != want {
			t.Errorf("search %q: first hit %v, want %s (%v)", text, got, want, at(d, "search"))
		}
	}
	if code, _ := a.code(`{ search(text: "*:*") { score } }`, nil); code != "BAD_USER_INPUT" {
		t.Errorf("search *:* gave code %q", code)
	}
	d := a.ok(`{ search(text: "united", kinds: [STATE]) { node { id kind } } }`, nil)
	if got := ids(d, "search", "node.id"); len(got) != 1 || got[0] != "state:us" {
		t.Errorf("search kinds: %v", got)
	}
}

func TestListsFilterSortAndPaginate(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	var seen []string
	var after any
	for page := 0; page < 10; page++ {
		d := a.ok(`query($after: String) { actors(first: 5, after: $after, orderBy: {field: NAME}) {
			totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`, map[string]any{"after": after})
		if at(d, "actors.totalCount") != float64(13) {
			t.Fatalf("totalCount %v", at(d, "actors.totalCount"))
		}
		seen = append(seen, ids(d, "actors.edges", "node.id")...)
		if at(d, "actors.pageInfo.hasNextPage") != true {
			break
		}
		after = at(d, "actors.pageInfo.endCursor")
	}
	if len(seen) != 13 {
		t.Errorf("paged through %d actors: %v", len(seen), seen)
	}
	d := a.ok(`{
		it: actors(filter: {country: "IT"}) { totalCount }
		orgs: actors(filter: {kinds: [ORGANIZATION], nameContains: "roma"}) { edges { node { id } } }
		inMeeting: actors(filter: {participantIn: "meeting:2024-04-19:rome:g7-roma-lyon"}) { totalCount }
		march: meetings(filter: {from: "2022-03-10", to: "2022-03-31"}) { edges { node { id } } }
		byParticipant: meetings(filter: {participant: "org:interpol"}) { totalCount }
		latestFirst: meetings(orderBy: {field: DATE, direction: DESC}) { edges { node { id } } }
		projects(filter: {funder: "agency:us:state-department"}) { totalCount }
		roadmaps(filter: {party: "unbody:unoct"}) { totalCount }
		fr: documents(filter: {language: "fr"}) { edges { node { id published mentions(kinds: [UN_BODY]) { id } } } }
		agreements(filter: {party: "org:isrs"}) { totalCount edges { node { date parties { id } } } }
	}`, nil)
	checks := map[string]any{
		"it.totalCount": float64(2), "orgs.edges.0.node.id": "org:g7-roma-lyon", "inMeeting.totalCount": float64(4),
		"march.edges.0.node.id": "meeting:2022-03:tashkent:conference", "byParticipant.totalCount": float64(1),
		"latestFirst.edges.0.node.id": "meeting:2024-04-19:rome:g7-roma-lyon", "projects.totalCount": float64(1),
		"roadmaps.totalCount": float64(1), "fr.edges.0.node.published": "2023-12", "agreements.totalCount": float64(1),
		"agreements.edges.0.node.date": "2023-12-05",
	}
	for path, want := range checks {
		if got := at(d, path); got != want {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
	if got := ids(d, "fr.edges.0.node.mentions", "id"); len(got) != 2 {
		t.Errorf("UN bodies mentioned in the French document: %v", got)
	}
	if code, _ := a.code(`{ actors(first: 1000) { totalCount } }`, nil); code != "BAD_USER_INPUT" {
		t.Errorf("first: 1000 gave code %q", code)
	}
	if code, _ := a.code(`{ actors(filter: {kinds: [MEETING]}) { totalCount } }`, nil); code != "BAD_USER_INPUT" {
		t.Errorf("actors of kind MEETING gave code %q", code)
	}
}

func TestPathsAndNeighbourhood(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	d := a.ok(`{
		p: shortestPath(from: "person:stefano-gambacurta", to: "agency:ma:gendarmerie") { length nodes { id } edges { kind from { id } to { id } sources { text } } }
		un: shortestPath(from: "unbody:unicri", to: "unbody:unodc", edgeKinds: [PART_OF]) { length nodes { id } }
		none: shortestPath(from: "unbody:unicri", to: "unbody:unodc", edgeKinds: [MEMORANDUM]) { length }
		same: shortestPath(from: "state:it", to: "state:it") { length nodes { id } }
		n: neighbourhood(id: "meeting:2024-04-19:rome:g7-roma-lyon") { truncated nodes { id } edges { kind } }
		small: neighbourhood(id: "meeting:2024-04-19:rome:g7-roma-lyon", depth: 2, limit: 3) { truncated nodes { id } }
	}`, nil)
	if at(d, "p.length") != float64(2) || at(d, "p.nodes.1.id") != "meeting:2024-04-19:rome:g7-roma-lyon" {
		t.Errorf("path: %v", at(d, "p"))
	}
	if at(d, "un.length") != float64(2) || at(d, "un.nodes.1.id") != "unbody:un" {
		t.Errorf("UN path: %v", at(d, "un"))
	}
	if at(d, "none") != nil {
		t.Errorf("path over memoranda only: %v", at(d, "none"))
	}
	if at(d, "same.length") != float64(0) {
		t.Errorf("path to itself: %v", at(d, "same"))
	}
	if got := ids(d, "n.nodes", "id"); len(got) != 7 || at(d, "n.truncated") != false {
		t.Errorf("neighbourhood: %v truncated %v", got, at(d, "n.truncated"))
	}
	if got := ids(d, "small.nodes", "id"); len(got) != 3 || at(d, "small.truncated") != true {
		t.Errorf("limited neighbourhood: %v truncated %v", got, at(d, "small.truncated"))
	}
	if code, _ := a.code(`{ shortestPath(from: "state:it", to: "no:such") { length } }`, nil); code != "NOT_FOUND" {
		t.Errorf("path to unknown id gave code %q", code)
	}
	if code, _ := a.code(`{ neighbourhood(id: "state:it", depth: 9) { truncated } }`, nil); code != "BAD_USER_INPUT" {
		t.Errorf("depth 9 gave code %q", code)
	}
}
