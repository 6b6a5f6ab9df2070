package graph_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// documentsViewFixture: doc:dv names an accepted state twice, a proposed organisation
// once and a rejected one once, with a proposed membership between the first two; doc:dw
// names the state and another with a proposed memorandum between them.
func documentsViewFixture() *fixtures.Fixture {
	at := func(doc string, start int, text string) fixtures.Source {
		return fixtures.Source{Document: doc, Start: start, End: start + len([]rune(text)), Text: text}
	}
	return &fixtures.Fixture{Format: fixtures.Format,
		Documents: []fixtures.Document{{ID: "doc:dv", Title: "View"}, {ID: "doc:dw", Title: "Other"}},
		Nodes: []fixtures.Node{
			{ID: "state:dv", Kind: fixtures.KindState, Name: "Dévaland",
				Sources: []fixtures.Source{at("doc:dv", 20, "Dévaland"), at("doc:dv", 0, "Dévaland"), at("doc:dw", 3, "Dévaland")}},
			{ID: "state:dw", Kind: fixtures.KindState, Name: "Dwland", Sources: []fixtures.Source{at("doc:dw", 20, "Dwland")}},
			{ID: "org:dvprop", Kind: fixtures.KindOrganization, Name: "Propodia", Sources: []fixtures.Source{at("doc:dv", 9, "Propodia")},
				Confidence: conf(0.5), Status: fixtures.StatusProposed},
			{ID: "org:dvrej", Kind: fixtures.KindOrganization, Name: "Rejodia", Sources: []fixtures.Source{at("doc:dv", 40, "Rejodia")},
				Status: fixtures.StatusRejected},
		},
		Edges: []fixtures.Edge{
			{Kind: fixtures.EdgeMemberOf, From: "state:dv", To: "org:dvprop", Sources: []fixtures.Source{at("doc:dv", 0, "Dévaland joined Propodia")},
				Confidence: conf(0.4), Status: fixtures.StatusProposed},
			{Kind: fixtures.EdgeMemorandum, From: "state:dv", To: "state:dw", Sources: []fixtures.Source{at("doc:dw", 3, "Dévaland and Dwland")},
				Confidence: conf(0.7), Status: fixtures.StatusProposed},
		},
	}
}

// A document's mention spans are those of its accepted and proposed nodes (rejected ones
// left out), in text order, from that document only; its counts and the review count follow
// the review.
func TestDocumentMentionsAndCounts(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(graph.WithActor(ctx, "loader"), documentsViewFixture(), nil); err != nil {
		t.Fatal(err)
	}
	ms, err := store.DocumentMentions(ctx, "doc:dv")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%s %s %d-%d %q", m.Node.ID, m.Node.Status, m.Start, m.End, m.Text))
	}
	want := []string{
		`state:dv ACCEPTED 0-8 "Dévaland"`,
		`org:dvprop PROPOSED 9-17 "Propodia"`,
		`state:dv ACCEPTED 20-28 "Dévaland"`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("mentions of doc:dv:\n got %q\nwant %q", got, want)
	}
	if ms, err := store.DocumentMentions(ctx, "doc:nowhere"); err != nil || len(ms) != 0 {
		t.Errorf("mentions of an unknown document: %v, %v; want none", ms, err)
	}

	counts := func(want graph.DocumentCounts) {
		t.Helper()
		c, err := store.DocumentCounts(ctx, "doc:dv")
		if err != nil || c != want {
			t.Errorf("counts of doc:dv: %+v, %v; want %+v", c, err, want)
		}
	}
	counts(graph.DocumentCounts{Nodes: 1, ProposedNodes: 1, ProposedEdges: 1})
	reviewCount := func(doc *string, min *float64, want int) {
		t.Helper()
		if n, err := store.ReviewCount(ctx, doc, min); err != nil || n != want {
			t.Errorf("ReviewCount(%v, %v) = %d, %v; want %d", doc, min, n, err, want)
		}
	}
	dv, dw, nowhere := "doc:dv", "doc:dw", "doc:nowhere"
	reviewCount(nil, nil, 2)
	reviewCount(&dv, nil, 1)
	reviewCount(&dw, nil, 1)
	reviewCount(&nowhere, nil, 0)
	reviewCount(nil, conf(0.5), 1)
	var input *graph.InputError
	if _, err := store.ReviewCount(ctx, nil, conf(2)); !errors.As(err, &input) {
		t.Errorf("minConfidence 2: %v, want an input error", err)
	}

	// Accepting the membership accepts the proposed organisation: doc:dv has nothing left
	// to review; rejecting the memorandum empties the queue.
	if _, err := store.Review(graph.WithActor(ctx, "reviewer"), []string{"MEMBER_OF|state:dv|org:dvprop"}, []string{"MEMORANDUM|state:dv|state:dw"}); err != nil {
		t.Fatal(err)
	}
	counts(graph.DocumentCounts{Nodes: 2, ProposedNodes: 0, ProposedEdges: 0})
	reviewCount(nil, nil, 0)
	ms, err = store.DocumentMentions(ctx, "doc:dv")
	if err != nil || len(ms) != 3 || ms[1].Node.Status != graph.StatusAccepted {
		t.Errorf("after review, mentions of doc:dv: %+v, %v", ms, err)
	}
}
