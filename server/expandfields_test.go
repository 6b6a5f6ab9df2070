package server_test

import (
	"encoding/json"
	"testing"
)

// storedFields selects stored fields of nodes at every level of an expansion, so that
// node(id) reads only those (graph.Expand.Fields).
const storedFields = `
fragment Stored on Node {
  id kind name aliases confidence status
  ... on Actor { country }
  ... on Person {
    title
    affiliations { title confidence actor { id name country aliases } }
    meetings { role meeting { id name startDate endDate place country participants { role participant { id name kind ... on Person { title } } } } }
  }
  ... on Meeting { subtype place participants { participant { id name confidence ... on Actor { country } } } }
}`

// TestExpandedFieldsAnswerAsWholeReads checks that node(id), reading only the node and
// edge fields its request selects, answers as the relation resolvers do with whole reads,
// and that a node read for one field of a request carries what another field of the
// request asks of it.
func TestExpandedFieldsAnswerAsWholeReads(t *testing.T) {
	a := seedAPI(t)
	person := a.first("Gambacurta", "PERSON")
	meeting := a.first("JUMBO", "MEETING")
	for _, id := range []string{person, meeting} {
		narrow := a.ok(`query($id: ID!) { node(id: $id) { ...Stored } }`+storedFields, map[string]any{"id": id})
		// The start of a neighbourhood is not expanded: its relation resolvers read whole edges
		// and nodes on their own.
		whole := a.ok(`query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 1) { nodes { ...Stored } } }`+storedFields,
			map[string]any{"id": id})
		got, _ := json.Marshal(narrow["node"])
		want, _ := json.Marshal(at(whole, "neighbourhood.nodes.0"))
		if string(got) != string(want) || len(got) < 200 {
			t.Errorf("%s: read with its fields\n%s\nread whole\n%s", id, got, want)
		}
	}
	// A participant of the meeting, asked for by a second field of the same request for
	// fields the first field does not select.
	d := a.ok(`query($id: ID!) { node(id: $id) { ... on Meeting { participants { participant { id } } } } }`, map[string]any{"id": meeting})
	other, _ := at(d, "node.participants.0.participant.id").(string)
	alone := a.ok(`query($o: ID!) { node(id: $o) { id aliases confidence ... on Actor { country } ... on Person { title } } }`, map[string]any{"o": other})
	both := a.ok(`query($id: ID!, $o: ID!) {
		m: node(id: $id) { ... on Meeting { participants { participant { id } } } }
		node(id: $o) { id aliases confidence ... on Actor { country } ... on Person { title } } }`, map[string]any{"id": meeting, "o": other})
	got, _ := json.Marshal(both["node"])
	want, _ := json.Marshal(alone["node"])
	if string(got) != string(want) {
		t.Errorf("%s read beside the meeting\n%s\nalone\n%s", other, got, want)
	}
}
