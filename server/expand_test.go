package server_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/entente/entente/fixtures"
)

// relationsOfEveryKind selects every relation field of every node type, two levels deep.
const relationsOfEveryKind = `
fragment Rel on Node {
  id kind name
  ... on Actor {
    meetings { role meeting { id participants { role participant { id } } } }
    memoranda { date parties { id } edge { id } }
    fundings { target { id } } implementations { target { id } }
    roadmaps { roadmap { id parties { party { id } } } }
    people { title person { id affiliations { actor { id } } } }
    memberOf { node { id } } members { node { id } } partOf { node { id } } parts { node { id } }
    documents { id }
  }
  ... on State { agencies { id state { id } } }
  ... on Agency { state { id agencies { id } } }
  ... on Person {
    affiliations { title actor { id people { person { id } } } }
    byRole: meetings(role: PARTICIPANT) { meeting { id heldUnder { node { id } } } }
    meetings { meeting { id } }
    documents { id mentions { id } }
  }
  ... on Project { funders { funder { id } } implementers { implementer { id } } meetings { node { id } } partOf { node { id } } parts { node { id } } documents { id } }
  ... on Roadmap { parties { party { id } } funders { funder { id } } implementers { implementer { id } } adoptedAt { node { id } } meetings { node { id } } documents { id } }
  ... on Meeting {
    participants { role participant { id ... on Person { meetings { meeting { id } } } } }
    funders { funder { id } } heldUnder { node { id } } adopted { node { id } } documents { id mentions { id } }
  }
  ... on Document { mentions { id ... on Meeting { participants { participant { id } } } } }
}`

// TestExpandedNodeAnswersAsResolvers checks that node(id), which reads the relations its
// selection asks for in one statement, answers exactly as the relation resolvers do on
// their own (the start of a neighbourhood is not expanded), for every node of the seed
// graph, and in one round trip.
func TestExpandedNodeAnswersAsResolvers(t *testing.T) {
	files, err := filepath.Glob("../fixtures/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed fixtures: %v", err)
	}
	a := newAPI(t, files...)
	seen := map[string]bool{}
	for _, file := range files {
		f, err := fixtures.Read(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range f.Nodes {
			if seen[n.ID] {
				continue
			}
			seen[n.ID] = true
			before := a.store.RoundTrips()
			expanded := a.ok(`query($id: ID!) { node(id: $id) { ...Rel } }`+relationsOfEveryKind, map[string]any{"id": n.ID})
			if trips := a.store.RoundTrips() - before; trips != 1 {
				t.Errorf("%s: node with relations took %d round trips, want 1", n.ID, trips)
			}
			plain := a.ok(`query($id: ID!) { neighbourhood(id: $id, depth: 1, limit: 1) { nodes { ...Rel } } }`+relationsOfEveryKind,
				map[string]any{"id": n.ID})
			got, _ := json.Marshal(at(expanded, "node"))
			want, _ := json.Marshal(at(plain, "neighbourhood.nodes.0"))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: expanded answer differs\n got %s\nwant %s", n.ID, got, want)
			}
		}
	}
	if len(seen) < 50 {
		t.Errorf("only %d nodes checked", len(seen))
	}
}

// TestExpandedNodeFollowsMerges checks that node(id) of a merged-away id expands the node
// it was merged into, in one round trip.
func TestExpandedNodeFollowsMerges(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	const q = `query($id: ID!) { node(id: $id) { id ... on Agency { state { id } meetings { role meeting { id participants { participant { id } } } } } } }`
	before := a.ok(q, map[string]any{"id": "agency:it:farnesina"})
	if _, err := a.store.MergeNodes(context.Background(), "agency:it:farnesina", "agency:ma:gendarmerie"); err != nil {
		t.Fatal(err)
	}
	trips := a.store.RoundTrips()
	after := a.ok(q, map[string]any{"id": "agency:ma:gendarmerie"})
	if n := a.store.RoundTrips() - trips; n != 1 {
		t.Errorf("%d round trips, want 1", n)
	}
	if at(after, "node.id") != "agency:it:farnesina" || at(after, "node.state.id") == nil {
		t.Errorf("merged id answered %v", after)
	}
	if got, was := len(at(after, "node.meetings").([]any)), len(at(before, "node.meetings").([]any)); got < was {
		t.Errorf("the survivor has %d meetings, fewer than its own %d", got, was)
	}
}
