package server_test

import (
	"context"
	"testing"
)

func TestCurationMutations(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	ctx := context.Background()

	// A new node with a span of a stored document.
	d := a.ok(`mutation { upsertNode(input: {id: "agency:it:interior", kind: AGENCY, name: "Ministry of the Interior", country: "IT",
		aliases: ["Viminale"], sources: [{document: "doc:test-rome", start: 3, end: 5, text: "19"}]}) {
		id kind aliases sources { document { id } text } } }`, nil)
	if at(d, "upsertNode.kind") != "AGENCY" || at(d, "upsertNode.sources.0.document.id") != "doc:test-rome" {
		t.Errorf("upsert: %v", d)
	}
	// Updating merges aliases and keeps the name; a curation without sources records the curator.
	d = a.ok(`mutation { upsertNode(input: {id: "agency:it:interior", kind: AGENCY, name: "Ministero dell'Interno", aliases: ["Interior Ministry"]}) {
		name aliases sources { reference } } }`, nil)
	if at(d, "upsertNode.name") != "Ministry of the Interior" || len(at(d, "upsertNode.aliases").([]any)) != 3 ||
		at(d, "upsertNode.sources.1.reference") != "curator" {
		t.Errorf("update: %v", d)
	}

	nodes, edges, _ := a.store.Counts(ctx)
	bad := map[string]string{
		`mutation { upsertNode(input: {id: "x", kind: AGENCY, name: "No country"}) { id } }`:                                                             "BAD_USER_INPUT",
		`mutation { upsertNode(input: {id: "x", kind: STATE, name: "X", country: "XX"}) { id } }`:                                                        "BAD_USER_INPUT",
		`mutation { upsertNode(input: {id: "state:it", kind: PERSON, name: "Italy"}) { id } }`:                                                           "BAD_USER_INPUT",
		`mutation { upsertNode(input: {id: "x", kind: MEETING, name: "M", startDate: "2023-02-30"}) { id } }`:                                            "BAD_USER_INPUT",
		`mutation { upsertNode(input: {id: "x", kind: PERSON, name: "P", sources: [{document: "doc:none", start: 0, end: 1, text: "a"}]}) { id } }`:      "BAD_USER_INPUT",
		`mutation { upsertNode(input: {id: "x", kind: PERSON, name: "P", sources: [{document: "doc:test-rome", start: 0, end: 9, text: "a"}]}) { id } }`: "BAD_USER_INPUT",
		`mutation { upsertNode(input: {id: "x", kind: PERSON, name: "P", sources: [{start: 0}]}) { id } }`:                                               "BAD_USER_INPUT",
		`mutation { addEdge(input: {kind: PARTICIPATED_IN, from: "state:it", to: "no:such"}) { id } }`:                                                   "NOT_FOUND",
		`mutation { addEdge(input: {kind: PARTICIPATED_IN, from: "state:it", to: "state:ma"}) { id } }`:                                                  "BAD_USER_INPUT",
		`mutation { addEdge(input: {kind: MEMORANDUM, from: "state:it", to: "state:it"}) { id } }`:                                                       "BAD_USER_INPUT",
		`mutation { removeEdge(id: "DROP|a|b") }`:                                                                                                        "BAD_USER_INPUT",
		`mutation { mergeNodes(survivor: "state:it", merged: "agency:it:farnesina") { id } }`:                                                            "BAD_USER_INPUT",
		`mutation { mergeNodes(survivor: "state:it", merged: "no:such") { id } }`:                                                                        "NOT_FOUND",
	}
	for q, want := range bad {
		if code, msg := a.code(q, nil); code != want {
			t.Errorf("%s\n  gave %s (%s), want %s", q, code, msg, want)
		}
	}
	if n, e, _ := a.store.Counts(ctx); n != nodes || e != edges {
		t.Errorf("bad input changed the graph: %d/%d nodes, %d/%d edges", n, nodes, e, edges)
	}

	// Edges: add with a span, add again (no duplicate), remove.
	add := `mutation { addEdge(input: {kind: PARTICIPATED_IN, from: "agency:it:interior", to: "meeting:2024-04-19:rome:g7-roma-lyon", role: "participant",
		sources: [{document: "doc:test-rome", start: 0, end: 2, text: "Il"}]}) { id kind role from { id } to { id } sources { text } } }`
	d = a.ok(add, nil)
	id := at(d, "addEdge.id")
	if at(d, "addEdge.from.id") != "agency:it:interior" || at(d, "addEdge.sources.0.text") != "Il" {
		t.Errorf("addEdge: %v", d)
	}
	a.ok(add, nil)
	d = a.ok(`{ node(id: "meeting:2024-04-19:rome:g7-roma-lyon") { ... on Meeting { participants { participant { id } } } } }`, nil)
	if got := ids(d, "node.participants", "participant.id"); len(got) != 6 {
		t.Errorf("participants after adding twice: %v", got)
	}
	if d = a.ok(`mutation($id: ID!) { removeEdge(id: $id) }`, map[string]any{"id": id}); at(d, "removeEdge") != true {
		t.Errorf("removeEdge: %v", d)
	}
	if d = a.ok(`mutation($id: ID!) { removeEdge(id: $id) }`, map[string]any{"id": id}); at(d, "removeEdge") != false {
		t.Errorf("removeEdge twice: %v", d)
	}

	// Merge: a duplicate Farnesina with its own edge and alias folds into the original.
	a.ok(`mutation { upsertNode(input: {id: "agency:it:mfa", kind: AGENCY, name: "Ministero degli Affari Esteri", country: "IT"}) { id } }`, nil)
	a.ok(`mutation { addEdge(input: {kind: MEMORANDUM, from: "agency:it:mfa", to: "org:isrs", date: "2024-01-10"}) { id } }`, nil)
	a.ok(`mutation { addEdge(input: {kind: PART_OF, from: "agency:it:mfa", to: "agency:it:farnesina"}) { id } }`, nil)
	d = a.ok(`mutation { mergeNodes(survivor: "agency:it:farnesina", merged: "agency:it:mfa") {
		id aliases ... on Agency { memoranda { date parties { id } } partOf { node { id } } } } }`, nil)
	m := at(d, "mergeNodes")
	if at(m, "id") != "agency:it:farnesina" || at(m, "memoranda.0.date") != "2024-01-10" {
		t.Errorf("merge: %v", m)
	}
	if got := ids(m, "partOf", "node.id"); len(got) != 1 || got[0] != "state:it" {
		t.Errorf("merge kept a loop or lost PART_OF: %v", got)
	}
	found := false
	for _, al := range at(m, "aliases").([]any) {
		found = found || al == "Ministero degli Affari Esteri"
	}
	if !found {
		t.Errorf("merged name not among aliases: %v", at(m, "aliases"))
	}
	d = a.ok(`{ node(id: "agency:it:mfa") { id } }`, nil)
	if at(d, "node.id") != "agency:it:farnesina" {
		t.Errorf("old id resolves to %v", at(d, "node.id"))
	}
}
