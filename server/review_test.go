package server_test

import (
	"context"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
)

// The review surface over HTTP: a reader sees the queue and the history but cannot
// review; an editor's review is recorded under the key's name; node(id) sees a proposed
// node only once it is accepted.
func TestReviewOverGraphQL(t *testing.T) {
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	reader, editor := "Bearer "+tokens[auth.Reader], "Bearer "+tokens[auth.Editor]
	src := func(text string) []fixtures.Source {
		return []fixtures.Source{{Document: "doc:review", Start: 0, End: len([]rune(text)), Text: text}}
	}
	c := 0.3
	f := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{{ID: "doc:review", Title: "Review"}},
		Nodes: []fixtures.Node{
			{ID: "state:px", Kind: fixtures.KindState, Name: "Proxiland", Sources: src("Proxiland"), Status: fixtures.StatusProposed},
			{ID: "state:qx", Kind: fixtures.KindState, Name: "Quixland", Sources: src("Quixland")},
		},
		Edges: []fixtures.Edge{{Kind: fixtures.EdgeMemorandum, From: "state:px", To: "state:qx", Sources: src("signed"),
			Confidence: &c, Status: fixtures.StatusProposed}},
	}
	if _, err := store.Import(graph.WithActor(context.Background(), "loader"), f, nil); err != nil {
		t.Fatal(err)
	}
	const key = "MEMORANDUM|state:px|state:qx"
	d := data(t, post(t, srv.URL, reader, "", `{ reviewQueue(document: "doc:review") { id status confidence cursor from { id status } to { id status } }
		node(id: "state:px") { id } }`, nil))
	if at(d, "reviewQueue.0.id") != key || at(d, "reviewQueue.0.status") != "PROPOSED" ||
		at(d, "reviewQueue.0.from.status") != "PROPOSED" || at(d, "reviewQueue.0.to.status") != "ACCEPTED" || at(d, "node") != nil {
		t.Errorf("queue: %v", d)
	}
	review := `mutation($id: ID!) { review(accept: [$id]) { id status from { id status } } }`
	if r := post(t, srv.URL, reader, "", review, map[string]any{"id": key}); r.status != 403 || r.code() != server.CodeForbidden {
		t.Errorf("review with a reader key: %d %s, want 403 FORBIDDEN", r.status, r.code())
	}
	if r := post(t, srv.URL, editor, "", review, map[string]any{"id": "MEMORANDUM|state:px|nowhere"}); r.code() != server.CodeNotFound {
		t.Errorf("review of an unknown edge: %s %v, want NOT_FOUND", r.code(), r.errors)
	}
	d = data(t, post(t, srv.URL, editor, "", review, map[string]any{"id": key}))
	if at(d, "review.0.status") != "ACCEPTED" || at(d, "review.0.from.status") != "ACCEPTED" {
		t.Errorf("review: %v", d)
	}
	d = data(t, post(t, srv.URL, reader, "", `query($id: ID!) { history(id: $id) { at actor action subject detail }
		node(id: "state:px") { id status } reviewQueue(document: "doc:review") { id } }`, map[string]any{"id": key}))
	if at(d, "history.0.actor") != "test-editor" || at(d, "history.0.action") != "review" || at(d, "history.0.detail.to") != "ACCEPTED" ||
		at(d, "history.1.actor") != "loader" || at(d, "history.1.action") != "import" || at(d, "history.1.subject") != key {
		t.Errorf("history: %v", d["history"])
	}
	if at(d, "node.status") != "ACCEPTED" || len(at(d, "reviewQueue").([]any)) != 0 {
		t.Errorf("after review: %v", d)
	}
}
