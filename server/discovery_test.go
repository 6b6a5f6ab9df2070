package server_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestDiscoveryQueries(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	d := a.ok(`{
		paths(from: "person:stefano-gambacurta", to: "agency:ma:gendarmerie", maxHops: 4, first: 3) { length nodes { id } }
		connectors(a: "agency:it:farnesina", b: "org:interpol") { node { id } edgesToA { kind } edgesToB { kind role } }
		coParticipants(id: "org:interpol") { node { id } weight meetings { id } }
		early: coParticipants(id: "org:interpol", to: "2023-12-31") { node { id } }
		timeline(id: "unbody:unoct") { date precision kind node { id } }
		recent: timeline(id: "unbody:unoct", from: "2023-01-01") { kind }
		degree: centrality(measure: DEGREE, top: 1) { node { id } score }
		betweenness: centrality(measure: BETWEENNESS, top: 3) { node { id } score approximate }
		pagerank: centrality(measure: PAGERANK, kinds: [STATE, AGENCY, MEETING], top: 50) { score }
		communities { modularity communities { id size nodes { id } } }
	}`, nil)
	if got := at(d, "paths").([]any); len(got) < 2 || at(got[0], "length") != float64(2) {
		t.Errorf("paths: %v", got)
	}
	if at(d, "connectors.0.node.id") != "meeting:2024-04-19:rome:g7-roma-lyon" || at(d, "connectors.0.edgesToB.0.role") != "PARTICIPANT" {
		t.Errorf("connectors: %v", at(d, "connectors"))
	}
	if got := ids(d, "coParticipants", "node.id"); len(got) != 4 || at(d, "coParticipants.0.weight") != float64(1) {
		t.Errorf("coParticipants: %v", at(d, "coParticipants"))
	}
	if got := at(d, "early").([]any); len(got) != 0 {
		t.Errorf("coParticipants before 2024: %v", got)
	}
	tl := at(d, "timeline").([]any)
	wantOrder := []string{"2022-03", "2023-12-05", "2024"}
	for i, w := range wantOrder {
		if i >= len(tl) || at(tl[i], "date") != w {
			t.Fatalf("timeline order: %v", tl)
		}
	}
	if len(tl) != 3 || at(tl[0], "precision") != "MONTH" || at(tl[2], "precision") != "YEAR" {
		t.Errorf("timeline: %v", tl)
	}
	if got := at(d, "recent").([]any); len(got) != 2 {
		t.Errorf("timeline from 2023: %v", got)
	}
	// The Rome meeting has the most edges (6 participants and its framework).
	if at(d, "degree.0.node.id") != "meeting:2024-04-19:rome:g7-roma-lyon" {
		t.Errorf("degree: %v", at(d, "degree"))
	}
	if got := at(d, "betweenness").([]any); len(got) != 3 || at(got[0], "approximate") != false {
		t.Errorf("betweenness of a small graph (exact): %v", got)
	}
	sum := 0.0
	for _, s := range at(d, "pagerank").([]any) {
		sum += at(s, "score").(float64)
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("PageRank over a projection sums to %v", sum)
	}
	if q := at(d, "communities.modularity").(float64); q <= 0.2 || len(at(d, "communities.communities").([]any)) < 2 {
		t.Errorf("communities: %v", at(d, "communities"))
	}
	if code, _ := a.code(`{ paths(from: "state:it", to: "state:ma", first: 50) { length } }`, nil); code != "BAD_USER_INPUT" {
		t.Errorf("paths first 50 gave %q", code)
	}
}

func TestCytoscapeFieldAndExportRoute(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	d := a.ok(`{
		all: cytoscape
		near: cytoscape(around: "org:interpol", depth: 1)
	}`, nil)
	if n := len(at(d, "all.elements.nodes").([]any)); n != 19 {
		t.Errorf("whole graph: %d nodes", n)
	}
	if n := len(at(d, "near.elements.nodes").([]any)); n != 2 || len(at(d, "near.elements.edges").([]any)) != 1 {
		t.Errorf("around INTERPOL: %v", at(d, "near"))
	}
	resp, err := http.Get(a.url + "/export/graphml?around=org:interpol&depth=2")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "xml") {
		t.Errorf("GET /export/graphml: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}
