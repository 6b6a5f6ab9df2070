package server_test

import "testing"

// Every node and edge answers its confidence: the highest it was imported with, 1 for a
// fixture without one, for a document and for an analyst's edit.
func TestConfidence(t *testing.T) {
	a := newAPI(t, "../testdata/graph/confidence/low.json", "../testdata/graph/confidence/high.json")
	d := a.ok(`{
		unicri: node(id: "unicri") { confidence ... on UNBody {
			meetings { confidence edge { confidence } meeting { confidence } }
			people { confidence person { confidence } } } }
		italy: node(id: "state:IT") { confidence ... on State { meetings { confidence role } } }
		doc: node(id: "doc:low") { confidence }
		meetings(filter: {country: "IT"}) { edges { node { id confidence } } }
		neighbourhood(id: "meeting:c", depth: 1) { nodes { id confidence } edges { id confidence } }
	}`, nil)
	for path, want := range map[string]float64{
		"unicri.confidence":                    0.9,
		"unicri.meetings.0.confidence":         0.8,
		"unicri.meetings.0.edge.confidence":    0.8,
		"unicri.meetings.0.meeting.confidence": 0.5,
		"unicri.people.0.confidence":           0.65,
		"unicri.people.0.person.confidence":    0.7,
		"italy.confidence":                     1, // low.json gives none
		"italy.meetings.0.confidence":          1,
		"doc.confidence":                       1,
		"meetings.edges.0.node.confidence":     0.5,
	} {
		if got := at(d, path); got != want {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
	byID := func(list string) map[string]any {
		out := map[string]any{}
		items, _ := at(d, list).([]any)
		for _, it := range items {
			out[at(it, "id").(string)] = at(it, "confidence")
		}
		return out
	}
	nodes, edges := byID("neighbourhood.nodes"), byID("neighbourhood.edges")
	if nodes["meeting:c"] != 0.5 || nodes["unicri"] != 0.9 || nodes["state:IT"] != 1.0 {
		t.Errorf("neighbourhood nodes: %v", nodes)
	}
	if edges["PARTICIPATED_IN|unicri|meeting:c"] != 0.8 || edges["PARTICIPATED_IN|state:IT|meeting:c"] != 1.0 {
		t.Errorf("neighbourhood edges: %v", edges)
	}

	d = a.ok(`mutation {
		upsertNode(input: {id: "meeting:c", kind: MEETING, name: "Seminar on cybercrime"}) { confidence }
		addEdge(input: {kind: AFFILIATED_WITH, from: "person:verdi", to: "unicri"}) { confidence }
	}`, nil)
	if at(d, "upsertNode.confidence") != 1.0 || at(d, "addEdge.confidence") != 1.0 {
		t.Errorf("curated: %v, want confidence 1", d)
	}
}
