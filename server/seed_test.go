package server_test

import (
	"path/filepath"
	"testing"
)

// seedAPI serves the fixtures extracted from the seed documents.
func seedAPI(t *testing.T) *api {
	files, _ := filepath.Glob("../fixtures/*.json")
	if len(files) == 0 {
		t.Skip("no seed fixtures in fixtures/: run make fixtures")
	}
	return newAPI(t, files...)
}

// first returns the id of the first search hit of a kind for text.
func (a *api) first(text, kind string) string {
	a.t.Helper()
	d := a.ok(`query($t: String!, $k: NodeKind!) { search(text: $t, kinds: [$k], first: 1) { node { id } } }`,
		map[string]any{"t": text, "k": kind})
	id, _ := at(d, "search.0.node.id").(string)
	if id == "" {
		a.t.Fatalf("no %s found for %q", kind, text)
	}
	return id
}

// onPath reports whether a path query's answer passes through id.
func onPath(d any, path, id string) bool {
	for _, n := range ids(d, path+".nodes", "id") {
		if n == id {
			return true
		}
	}
	return false
}

// TestSeedGraphConnections checks the connections issue 5 names on the seed graph.
func TestSeedGraphConnections(t *testing.T) {
	a := seedAPI(t)
	gambacurta := a.first("Gambacurta", "PERSON")
	jumbo := a.first("JUMBO", "MEETING")
	d := a.ok(`{ meetings(filter: {from: "2024-04-19", to: "2024-04-19"}) { edges { node { id name } } } }`, nil)
	g7 := at(d, "meetings.edges.0.node.id")
	if g7 == nil {
		t.Fatal("no meeting on 19 April 2024")
	}

	// Stefano Gambacurta connects the G7 Roma/Lyon meeting and the JUMBO conference.
	d = a.ok(`query($a: ID!, $b: ID!) { connectors(a: $a, b: $b) { node { id } } }`, map[string]any{"a": g7, "b": jumbo})
	if got := ids(d, "connectors", "node.id"); !contains(got, gambacurta) {
		t.Errorf("connectors of %v and %s: %v, want %s among them", g7, jumbo, got, gambacurta)
	}

	// Italy's Ministry of Foreign Affairs and the Regional Cooperation Council meet through JUMBO.
	d = a.ok(`{ actors(filter: {country: "IT", nameContains: "foreign affairs"}) { edges { node { id } } } }`, nil)
	mfa := at(d, "actors.edges.0.node.id")
	rcc := a.first("Regional Cooperation Council", "ORGANIZATION")
	d = a.ok(`query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length nodes { id } } }`, map[string]any{"a": mfa, "b": rcc})
	if !onPath(d, "shortestPath", jumbo) {
		t.Errorf("path from %v to %s: %v, want it through %s", mfa, rcc, at(d, "shortestPath"), jumbo)
	}

	// Morocco and Uzbekistan are connected through the UN system.
	d = a.ok(`{ ma: actors(filter: {kinds: [STATE], country: "MA"}) { edges { node { id } } }
		uz: actors(filter: {kinds: [STATE], country: "UZ"}) { edges { node { id } } } }`, nil)
	d = a.ok(`query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length nodes { id kind } } }`,
		map[string]any{"a": at(d, "ma.edges.0.node.id"), "b": at(d, "uz.edges.0.node.id")})
	un := false
	for _, n := range at(d, "shortestPath.nodes").([]any) {
		un = un || at(n, "kind") == "UN_BODY"
	}
	if !un {
		t.Errorf("path from Morocco to Uzbekistan: %v, want it through a UN body", at(d, "shortestPath"))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
