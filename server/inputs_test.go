package server_test

import (
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/server"
)

// Input past a documented length limit is refused with BAD_USER_INPUT and a message that
// names the limit, before it reaches Neo4j (whose index keys stop at about 8 KB and whose
// Lucene parser refuses long terms); input at the limit is served. Nothing is written.
func TestInputLengthLimits(t *testing.T) {
	srv, store := hardened(t, server.Options{})
	const search = `query($s: String!) { search(text: $s) { node { id } } }`
	const nameContains = `query($s: String) { actors(filter: {nameContains: $s}) { totalCount } }`
	const upsertNode = `mutation($i: ID!, $s: String!) { upsertNode(input: {id: $i, kind: ORGANIZATION, name: $s}) { id } }`
	const addEdge = `mutation($i: ID!) { addEdge(input: {kind: MEMBER_OF, from: $i, to: "state:it"}) { id } }`
	words := func(n, size int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = strings.Repeat(string(rune('a'+i%26)), size)
		}
		return strings.Join(w, " ")
	}
	wide := strings.Repeat("𝔘", fixtures.MaxNameChars) // 4 bytes a character: the widest name allowed
	cases := []struct {
		name, query string
		vars        map[string]any
		says        string // "" when the request must succeed
	}{
		{"search word at the limit", search, map[string]any{"s": strings.Repeat("m", graph.MaxSearchChars)}, ""},
		{"search word over the limit", search, map[string]any{"s": strings.Repeat("m", graph.MaxSearchChars+1)}, "characters"},
		{"16 long search words", search, map[string]any{"s": words(16, 20000)}, "characters"},
		{"too many search words", search, map[string]any{"s": words(graph.MaxSearchWords+1, 3)}, "words"},
		{"nameContains over the limit", nameContains, map[string]any{"s": strings.Repeat("m", graph.MaxSearchChars+1)}, "characters"},
		{"name at the limit", upsertNode, map[string]any{"i": "org:wide", "s": wide}, ""},
		{"name over the limit", upsertNode, map[string]any{"i": "org:long-name", "s": strings.Repeat("n", 8200)}, "characters"},
		{"id at the limit", upsertNode, map[string]any{"i": "org:" + strings.Repeat("i", fixtures.MaxIDBytes-4), "s": "Long Id"}, ""},
		{"id over the limit", upsertNode, map[string]any{"i": "org:" + strings.Repeat("i", 9000), "s": "Long Id"}, "bytes"},
		{"edge end over the limit", addEdge, map[string]any{"i": "org:" + strings.Repeat("i", 9000)}, "bytes"},
	}
	for _, c := range cases {
		before := counts(t, store)
		r := post(t, srv.URL, "", "", c.query, c.vars)
		if c.says == "" {
			if len(r.errors) > 0 {
				t.Errorf("%s: %+v", c.name, r.errors)
			}
			continue
		}
		if r.code() != server.CodeBadUserInput || !strings.Contains(r.errors[0].Message, c.says) {
			t.Errorf("%s: %q %+v, want %s saying %q", c.name, r.code(), r.errors, server.CodeBadUserInput, c.says)
		}
		if after := counts(t, store); after != before {
			t.Errorf("%s: the graph changed from %v to %v", c.name, before, after)
		}
	}
}

// With introspection off, __schema and __type are refused as the docs say: a validation
// error, not an internal one.
func TestIntrospectionOffIsAValidationError(t *testing.T) {
	srv, _ := hardened(t, server.Options{Introspection: false})
	for _, q := range []string{`{ __schema { queryType { name } } }`, `{ __type(name: "Node") { name } }`} {
		r := post(t, srv.URL, "", "", q, nil)
		if r.code() != "GRAPHQL_VALIDATION_FAILED" || !strings.Contains(r.errors[0].Message, "introspection") {
			t.Errorf("%s: %q %+v", q, r.code(), r.errors)
		}
	}
	if r := post(t, srv.URL, "", "", `{ __typename }`, nil); len(r.errors) > 0 {
		t.Errorf("__typename is not introspection: %+v", r.errors)
	}
}

// GraphQL's cytoscape without around answers the first limit nodes by id, not the whole
// graph (42 MB at 20,000 nodes for a cost of 510 before), so that its cost, which grows
// with limit, follows its size; truncated says there is more.
func TestCytoscapeFieldIsBounded(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	d := a.ok(`{ some: cytoscape(limit: 5) all: cytoscape }`, nil)
	nodes := at(d, "some.elements.nodes").([]any)
	if len(nodes) != 5 || at(d, "some.data.truncated") != true || at(d, "all.data.truncated") != false {
		t.Fatalf("cytoscape(limit: 5): %d nodes, truncated %v; whole: truncated %v", len(nodes), at(d, "some.data.truncated"), at(d, "all.data.truncated"))
	}
	all := at(d, "all.elements.nodes").([]any)
	in := map[string]bool{}
	for i, n := range nodes {
		id := n.(map[string]any)["data"].(map[string]any)["id"].(string)
		if want := all[i].(map[string]any)["data"].(map[string]any)["id"]; id != want {
			t.Errorf("node %d is %s, want %s (the first by id)", i, id, want)
		}
		in[id] = true
	}
	for _, e := range at(d, "some.elements.edges").([]any) {
		data := e.(map[string]any)["data"].(map[string]any)
		if !in[data["source"].(string)] || !in[data["target"].(string)] {
			t.Errorf("edge %v leaves the first 5 nodes", data["id"])
		}
	}
	if code, _ := a.code(`{ cytoscape(limit: 5000) }`, nil); code != server.CodeBadUserInput {
		t.Errorf("cytoscape(limit: 5000): %q", code)
	}
}
