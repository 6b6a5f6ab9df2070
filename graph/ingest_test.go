package graph_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

const ingestText = "Aaland and Bbland signed a memorandum. Aaland joined Propositia."

// ingestFixture is a fixture of one ingested document (as server/ingest makes it): an
// accepted memorandum between two accepted states, a proposed organisation and a proposed
// membership.
func ingestFixture(text string) *fixtures.Fixture {
	sum := sha256.Sum256([]byte(text))
	sha := hex.EncodeToString(sum[:])
	doc := "doc:sha256:" + sha
	at := func(s string) []fixtures.Source {
		i := len([]rune(text[:strings.Index(text, s)]))
		return []fixtures.Source{{Document: doc, Start: i, End: i + len([]rune(s)), Text: s}}
	}
	return &fixtures.Fixture{Format: fixtures.Format,
		Documents: []fixtures.Document{{ID: doc, Title: "Ingested", Language: "en", SHA256: sha, Text: text,
			URL: "https://example.org/news/1"}},
		Nodes: []fixtures.Node{
			{ID: "state:aa", Kind: fixtures.KindState, Name: "Aaland", Sources: at("Aaland"), Confidence: conf(0.9), Status: fixtures.StatusAccepted},
			{ID: "state:bb", Kind: fixtures.KindState, Name: "Bbland", Sources: at("Bbland"), Confidence: conf(0.9), Status: fixtures.StatusAccepted},
			{ID: "org:prop", Kind: fixtures.KindOrganization, Name: "Propositia", Sources: at("Propositia"), Confidence: conf(0.5),
				Status: fixtures.StatusProposed},
		},
		Edges: []fixtures.Edge{
			{Kind: fixtures.EdgeMemorandum, From: "state:aa", To: "state:bb", Sources: at("signed a memorandum"),
				Confidence: conf(0.9), Status: fixtures.StatusAccepted},
			{Kind: fixtures.EdgeMemberOf, From: "state:aa", To: "org:prop", Sources: at("Aaland joined Propositia"),
				Confidence: conf(0.4), Status: fixtures.StatusProposed},
		},
	}
}

// stored counts every node and relationship, history and bookkeeping included, with the
// snapshot of the graph: what "nothing was written" compares.
func stored(t *testing.T) string {
	t.Helper()
	recs := query(t, "CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() RETURN count(r) AS r } RETURN n, r", nil)
	return fmt.Sprint(recs[0].Values, snapshot(t))
}

func ingestedStatuses(in *graph.Ingestion) map[string]string {
	out := map[string]string{}
	for _, n := range in.Nodes {
		out[n.ID] = n.Status
	}
	for _, e := range in.Edges {
		out[e.ID] = e.Status
	}
	return out
}

// An ingested document is stored with its text, url and SHA-256 through the import path,
// its facts with the statuses given, its history as ingest by the actor; the same text again
// writes nothing and answers the stored document.
func TestIngestStoresTheTextOnce(t *testing.T) {
	store, ctx := open(t)
	f := ingestFixture(ingestText)
	doc := f.Documents[0].ID
	got, err := store.Ingest(graph.WithActor(ctx, "alice"), f)
	if err != nil {
		t.Fatal(err)
	}
	if got.AlreadyIngested || got.Document.ID != doc || got.Document.URL == nil || *got.Document.URL != "https://example.org/news/1" ||
		got.Document.SHA256 == nil || *got.Document.SHA256 != f.Documents[0].SHA256 {
		t.Errorf("ingestion: %+v", got.Document)
	}
	want := map[string]string{"state:aa": graph.StatusAccepted, "state:bb": graph.StatusAccepted, "org:prop": graph.StatusProposed,
		"MEMORANDUM|state:aa|state:bb": graph.StatusAccepted, "MEMBER_OF|state:aa|org:prop": graph.StatusProposed}
	if st := ingestedStatuses(got); fmt.Sprint(st) != fmt.Sprint(want) {
		t.Errorf("statuses %v, want %v", st, want)
	}
	text, err := store.DocumentText(ctx, doc)
	if err != nil || text == nil || *text != ingestText {
		t.Fatalf("text %v, %v", text, err)
	}
	// The spans count in the stored text.
	srcs, err := store.EdgeSources(ctx, []graph.EdgeRef{{Kind: fixtures.EdgeMemberOf, Key: "MEMBER_OF|state:aa|org:prop"}})
	if err != nil || len(srcs[0]) != 1 {
		t.Fatalf("sources %v, %v", srcs, err)
	}
	if s := srcs[0][0]; string([]rune(*text)[s.Start:s.End]) != s.Text {
		t.Errorf("span %+v does not slice the stored text", s)
	}
	h := mustHistory(t, store, doc)
	if len(h) != 1 || h[0].Action != graph.ActionIngest || h[0].Actor != "alice" {
		t.Errorf("history of the document: %+v", h)
	}
	if h := mustHistory(t, store, "MEMBER_OF|state:aa|org:prop"); len(h) != 1 || h[0].Action != graph.ActionIngest || h[0].Detail["status"] != graph.StatusProposed {
		t.Errorf("history of the edge: %+v", h)
	}

	before := stored(t)
	again, err := store.Ingest(graph.WithActor(ctx, "bob"), ingestFixture(ingestText))
	if err != nil {
		t.Fatal(err)
	}
	if !again.AlreadyIngested || again.Document.ID != doc || fmt.Sprint(ingestedStatuses(again)) != fmt.Sprint(want) {
		t.Errorf("again: already %v, %s, %v", again.AlreadyIngested, again.Document.ID, ingestedStatuses(again))
	}
	if after := stored(t); after != before {
		t.Error("the same text ingested twice wrote something")
	}

	// A document loaded from a fixture with the same SHA-256, under another id, is that text.
	const other = "Aaland joined Propositia; Bbland signed a memorandum later."
	loaded := ingestFixture(other)
	loaded.Documents[0].ID, loaded.Documents[0].Text = "doc:loaded", ""
	loaded.Nodes, loaded.Edges = nil, nil
	if _, err := store.Import(ctx, loaded, nil); err != nil {
		t.Fatal(err)
	}
	before = stored(t)
	got, err = store.Ingest(ctx, ingestFixture(other))
	if err != nil || !got.AlreadyIngested || got.Document.ID != "doc:loaded" {
		t.Errorf("a text loaded from a fixture: %+v, %v", got, err)
	}
	if after := stored(t); after != before {
		t.Error("a text loaded from a fixture was ingested again")
	}
}

// Concurrent ingestions of the same text store it once: one answers it stored, the
// others alreadyIngested, and the document has one ingest record.
func TestIngestConcurrentlyStoresOnce(t *testing.T) {
	store, ctx := open(t)
	const n = 6
	results := make([]*graph.Ingestion, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			results[i], errs[i] = store.Ingest(graph.WithActor(ctx, fmt.Sprint("editor", i)), ingestFixture(ingestText))
		}()
	}
	close(start)
	wg.Wait()
	fresh := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("ingestion %d: %v", i, errs[i])
		}
		if !results[i].AlreadyIngested {
			fresh++
		}
	}
	if fresh != 1 {
		t.Errorf("%d ingestions stored the text, want 1", fresh)
	}
	f := ingestFixture(ingestText)
	recs := query(t, "MATCH (d:Document {sha256: $sha}) RETURN count(d)", map[string]any{"sha": f.Documents[0].SHA256})
	if recs[0].Values[0] != int64(1) {
		t.Errorf("%v documents with the text", recs[0].Values[0])
	}
	recs = query(t, "MATCH (c:Change {action: 'ingest'}) RETURN c.subject, count(c) ORDER BY c.subject", nil)
	if len(recs) != 6 {
		t.Errorf("%d subjects have ingest records, want 6 (the document, 3 nodes, 2 edges)", len(recs))
	}
	for _, r := range recs {
		if r.Values[1] != int64(1) {
			t.Errorf("%v has %v ingest records, want 1", r.Values[0], r.Values[1])
		}
	}
}

// An ingestion that fails stores nothing: not the document it merged first, not a fact,
// not a history record.
func TestIngestFailureStoresNothing(t *testing.T) {
	store, ctx := open(t)
	// org:prop is stored as a State: the ingestion's import refuses it, after the
	// transaction has merged the document and written it.
	clash := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{{ID: "doc:clash", Title: "Clash"}},
		Nodes: []fixtures.Node{{ID: "org:prop", Kind: fixtures.KindState, Name: "Propositia", Sources: span("doc:clash", "Propositia")}}}
	if _, err := store.Import(ctx, clash, nil); err != nil {
		t.Fatal(err)
	}
	before := stored(t)
	_, err := store.Ingest(ctx, ingestFixture(ingestText))
	var input *graph.InputError
	if !errors.As(err, &input) || !strings.Contains(err.Error(), "org:prop") {
		t.Errorf("err = %v, want an input error naming org:prop", err)
	}
	if after := stored(t); after != before {
		t.Error("a failed ingestion stored something")
	}
	bad := ingestFixture(ingestText)
	bad.Documents[0].Text = ""
	if _, err := store.Ingest(ctx, bad); !errors.As(err, &input) {
		t.Errorf("no text: %v", err)
	}
	bad = ingestFixture(ingestText)
	bad.Edges[0].To = "state:nowhere"
	if _, err := store.Ingest(ctx, bad); !errors.As(err, &input) {
		t.Errorf("invalid fixture: %v", err)
	}
	if after := stored(t); after != before {
		t.Error("a refused ingestion stored something")
	}
}

// An edge rejected in review stays REJECTED when a later document ingests it above
// autoAccept; its new evidence is added.
func TestIngestKeepsRejectedEdges(t *testing.T) {
	store, ctx := open(t)
	importReview(t, store, ctx)
	if _, err := store.Review(ctx, nil, []string{keyMemo}); err != nil {
		t.Fatal(err)
	}
	got, err := store.Ingest(ctx, ingestFixture(ingestText))
	if err != nil {
		t.Fatal(err)
	}
	if st := ingestedStatuses(got)[keyMemo]; st != graph.StatusRejected {
		t.Errorf("the ingestion answers the memorandum %s, want REJECTED", st)
	}
	if st := edgeStatus(t, store, keyMemo); st != graph.StatusRejected {
		t.Errorf("memorandum is %s, want REJECTED", st)
	}
	srcs, err := store.EdgeSources(ctx, []graph.EdgeRef{{Kind: fixtures.EdgeMemorandum, Key: keyMemo}})
	if err != nil {
		t.Fatal(err)
	}
	docs := []string{}
	for _, s := range srcs[0] {
		docs = append(docs, s.Document)
	}
	if !slices.Contains(docs, got.Document.ID) {
		t.Errorf("the memorandum's sources %v lack the ingested document", docs)
	}
}
