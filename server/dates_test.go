package server_test

import "testing"

// A partial date as a bound means its whole period (to: "2024" is the end of 2024, from:
// "2024-04" the start of April), and a fact's partial date overlaps the bounds inside its
// period, in every field that filters by date.
func TestPartialDateBounds(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	d := a.ok(`{
		year: meetings(filter: {from: "2024", to: "2024"}) { totalCount }
		days: meetings(filter: {from: "2024-01-01", to: "2024-12-31"}) { totalCount }
		toApril: meetings(filter: {to: "2024-04"}) { edges { node { id } } }
		fromApril: meetings(filter: {from: "2024-04"}) { edges { node { id } } }
		march2022: meetings(filter: {from: "2022-03-15", to: "2022-03-15"}) { edges { node { id } } }
		roadmaps(filter: {from: "2024-06", to: "2024-06"}) { totalCount }
		documents(filter: {to: "2023"}) { edges { node { id } } }
		agreements(filter: {from: "2023", to: "2023-12"}) { totalCount }
		person: node(id: "person:stefano-gambacurta") { ... on Person { meetings(from: "2024", to: "2024") { meeting { id } } } }
		actor: node(id: "unbody:unoct") { ... on UNBody { meetings(to: "2022") { meeting { id } } } }
		coParticipants(id: "person:stefano-gambacurta", from: "2024", to: "2024-04") { node { id } }
		timeline(id: "unbody:unoct", from: "2023", to: "2023") { date node { id } }
	}`, nil)
	rome, tashkent := "meeting:2024-04-19:rome:g7-roma-lyon", "meeting:2022-03:tashkent:conference"
	for path, want := range map[string]any{
		"year.totalCount": float64(1), "days.totalCount": float64(1),
		"fromApril.edges.0.node.id": rome, "march2022.edges.0.node.id": tashkent,
		"roadmaps.totalCount": float64(1), "documents.edges.0.node.id": "doc:test-ny", "agreements.totalCount": float64(1),
		"person.meetings.0.meeting.id": rome, "actor.meetings.0.meeting.id": tashkent,
		"timeline.0.date": "2023-12-05", "timeline.1": nil,
	} {
		if got := at(d, path); got != want {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
	if got := ids(d, "toApril.edges", "node.id"); len(got) != 2 {
		t.Errorf("meetings to 2024-04: %v, want both", got)
	}
	if got := ids(d, "coParticipants", "node.id"); len(got) != 4 {
		t.Errorf("coParticipants in 2024 to April: %v, want the 4 others at Rome", got)
	}
}
