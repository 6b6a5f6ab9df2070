package server_test

import (
	"net/url"
	"testing"

	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
)

// What the page's Documents view and Review panel read, over HTTP with a reader key: a
// document ingested with most of its facts proposed has every mention span in its text
// (proposed nodes marked), counts that agree with the review queue, and reviewCount the
// length of the whole queue.
func TestDocumentsViewOverGraphQL(t *testing.T) {
	tokens, keys := keyring(t)
	srv, _ := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	reader, editor := "Bearer "+tokens[auth.Reader], "Bearer "+tokens[auth.Editor]
	q := url.Values{"title": {"Workshop in Rabat"}, "published": {"2023-02"}, "autoAccept": {"0.99"}}.Encode()
	code, ing := postDocument(t, srv.URL, editor, "text/plain; charset=utf-8", q, []byte(pressRelease))
	if code != 201 {
		t.Fatalf("POST /documents: %d %v", code, ing)
	}
	doc := at(ing, "document.id").(string)

	d := data(t, post(t, srv.URL, reader, "", `query($doc: ID!) {
		node(id: $doc) { ... on Document { text counts { nodes proposedNodes proposedEdges }
			mentionSpans { start end text node { id kind status } } } }
		reviewCount(document: $doc) all: reviewCount
		reviewQueue(document: $doc, first: 100) { id }
		documents(first: 100, filter: {from: "2023-02", to: "2023-02"}) { edges { node { id counts { proposedEdges } } } } }`,
		map[string]any{"doc": doc}))
	text := []rune(at(d, "node.text").(string))
	spans := at(d, "node.mentionSpans").([]any)
	if len(spans) == 0 {
		t.Fatalf("no mention spans: %v", d)
	}
	statuses := map[any]int{}
	last := -1
	for _, s := range spans {
		start, end := int(at(s, "start").(float64)), int(at(s, "end").(float64))
		if start < last || start >= end || end > len(text) || string(text[start:end]) != at(s, "text") {
			t.Errorf("span %v does not quote the text at its offsets, in order", s)
		}
		last = start
		statuses[at(s, "node.status")]++
	}
	counts := at(d, "node.counts").(map[string]any)
	if statuses["PROPOSED"] == 0 || statuses["REJECTED"] != 0 || counts["proposedNodes"].(float64) == 0 {
		t.Errorf("statuses of the spans' nodes %v, counts %v: want proposed nodes among them, no rejected one", statuses, counts)
	}
	queue := len(at(d, "reviewQueue").([]any))
	if queue == 0 || at(d, "reviewCount") != float64(queue) || counts["proposedEdges"] != float64(queue) || at(d, "all").(float64) < float64(queue) {
		t.Errorf("reviewCount %v (all %v), counts %v, for a queue of %d", at(d, "reviewCount"), at(d, "all"), counts, queue)
	}
	found := false
	for _, e := range at(d, "documents.edges").([]any) {
		if at(e, "node.id") == doc {
			found = at(e, "node.counts.proposedEdges") == float64(queue)
		}
	}
	if !found {
		t.Errorf("the documents list does not give the document's counts: %v", d["documents"])
	}

	if r := post(t, srv.URL, reader, "", `{ reviewCount(minConfidence: 2) }`, nil); r.code() != server.CodeBadUserInput {
		t.Errorf("reviewCount(minConfidence: 2): %s %v, want BAD_USER_INPUT", r.code(), r.errors)
	}
}
