package bulk_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph/bulk"
	"github.com/entente/entente/graph/localdb"
)

func src(doc, text string) fixtures.Source {
	return fixtures.Source{Document: doc, Start: 0, End: utf8.RuneCountInString(text), Text: text}
}

func sp(s string) *string { return &s }

func conf(c float64) *float64 { return &c }

// trickyFiles writes fixtures that exercise what the bulk path must reproduce: values
// with quotes, commas, line breaks and other scripts; copies of one node across files
// that disagree (names, scalars, confidence, status); statuses that a later file or an
// accepted edge changes; a meeting reported twice, merged, then reached again by later
// files under both ids; an invalid file; a file refused for an id of another kind.
func trickyFiles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	weird := "O'Brien, \"Jim\"\nJr. — Žižek 李 \\ ;|"
	state := func(id, name, doc string) fixtures.Node {
		return fixtures.Node{ID: id, Kind: fixtures.KindState, Name: name, Country: sp("IT"), Sources: []fixtures.Source{src(doc, "it")}}
	}
	files := []*fixtures.Fixture{
		{ // 1: a month-only meeting in Genève, a proposed person, memoranda and funding
			Documents: []fixtures.Document{{ID: "doc:1", Title: `Report, "final"`, Language: "en", File: "r1.pdf",
				Text: "line one,\nline \"two\"\r\nÉté 2019 — 会议", Published: sp("2019-07")}},
			Nodes: []fixtures.Node{
				{ID: "person:p1", Kind: fixtures.KindPerson, Name: weird, Aliases: []string{"Jím", "a,b", "x\"y"},
					Status: fixtures.StatusProposed, Confidence: conf(0.4), Sources: []fixtures.Source{src("doc:1", "Jim"), {Reference: "gazetteer"}}},
				{ID: "agency:a1", Kind: fixtures.KindAgency, Name: "Ministero dell'Interno", Country: sp("IT"), Confidence: conf(0.5),
					Sources: []fixtures.Source{src("doc:1", "Ministero")}},
				{ID: "agency:a2", Kind: fixtures.KindAgency, Name: "Ministère, \"Intérieur\"", Country: sp("FR"),
					Sources: []fixtures.Source{src("doc:1", "Ministère")}},
				{ID: "meeting:m1", Kind: fixtures.KindMeeting, Name: "Meeting in Genève", StartDate: sp("2019-06"), Place: sp("Genève"),
					Properties: map[string]any{"subtype": "meeting"}, Sources: []fixtures.Source{src("doc:1", "meeting")}},
				{ID: "project:x", Kind: fixtures.KindProject, Name: "Project X", Sources: []fixtures.Source{src("doc:1", "X")}},
				state("state:it", "Italy", "doc:1"),
			},
			Edges: []fixtures.Edge{
				{Kind: fixtures.EdgeParticipatedIn, From: "person:p1", To: "meeting:m1", Role: sp("speaker"), Status: fixtures.StatusProposed,
					Sources: []fixtures.Source{src("doc:1", "spoke")}},
				{Kind: fixtures.EdgeMemorandum, From: "agency:a1", To: "agency:a2", Date: sp("2019-06-03"),
					Properties: map[string]any{"title": "MoU on \"borders\",\nsigned", "place": "Roma"}, Sources: []fixtures.Source{src("doc:1", "MoU")}},
				{Kind: fixtures.EdgeMemorandum, From: "agency:a1", To: "agency:a2", Date: sp("2020-01-01"), Status: fixtures.StatusRejected,
					Sources: []fixtures.Source{src("doc:1", "MoU2")}},
				{Kind: fixtures.EdgeFunded, From: "agency:a1", To: "project:x", Properties: map[string]any{"amount": "1,500.25", "currency": "EUR"},
					Confidence: conf(0.3), Sources: []fixtures.Source{src("doc:1", "funds")}},
			},
		},
		{ // 2: the same meeting dated to the day (merged into m1, which takes its dates); copies that disagree
			Documents: []fixtures.Document{{ID: "doc:2", Title: "Second", Language: "fr"}},
			Nodes: []fixtures.Node{
				{ID: "meeting:m2", Kind: fixtures.KindMeeting, Name: "Réunion à Genève", Aliases: []string{"Genf meeting"},
					StartDate: sp("2019-06-10"), EndDate: sp("2019-06-12"), Place: sp("Genève"),
					Properties: map[string]any{"subtype": "meeting"}, Sources: []fixtures.Source{src("doc:2", "réunion")}},
				{ID: "person:p1", Kind: fixtures.KindPerson, Name: "Jim O'Brien", Properties: map[string]any{"title": "Director"},
					Confidence: conf(0.9), Sources: []fixtures.Source{src("doc:2", "Jim")}},
				{ID: "agency:a1", Kind: fixtures.KindAgency, Name: "Ministry of the Interior", Country: sp("IT"), Status: fixtures.StatusRejected,
					Confidence: conf(0.7), Sources: []fixtures.Source{src("doc:2", "Ministry")}},
				{ID: "project:x", Kind: fixtures.KindProject, Name: "Project X", Sources: []fixtures.Source{src("doc:2", "X")}},
				{ID: "person:p3", Kind: fixtures.KindPerson, Name: "Proposed Person", Status: fixtures.StatusProposed,
					Sources: []fixtures.Source{src("doc:2", "PP")}},
			},
			Edges: []fixtures.Edge{
				{Kind: fixtures.EdgeParticipatedIn, From: "person:p1", To: "meeting:m2", Role: sp("chair"), Sources: []fixtures.Source{src("doc:2", "chaired")}},
				{Kind: fixtures.EdgeFunded, From: "agency:a1", To: "project:x", Properties: map[string]any{"amount": 99.5}, Confidence: conf(0.8),
					Sources: []fixtures.Source{src("doc:2", "funds")}},
				{Kind: fixtures.EdgeFunded, From: "agency:a1", To: "meeting:m2", Sources: []fixtures.Source{src("doc:2", "paid")}},
			},
		},
		{ // 3: both ids of the merged meeting again, with a new person and new evidence
			Documents: []fixtures.Document{{ID: "doc:3", Title: "Third"}},
			Nodes: []fixtures.Node{
				{ID: "meeting:m2", Kind: fixtures.KindMeeting, Name: "Genève 2019", Aliases: []string{"Geneva 2019"}, StartDate: sp("2019-06-10"),
					Place: sp("Genève"), Properties: map[string]any{"subtype": "meeting"}, Sources: []fixtures.Source{src("doc:3", "Geneva")}},
				{ID: "meeting:m1", Kind: fixtures.KindMeeting, Name: "Meeting in Genève", StartDate: sp("2019-06"), Place: sp("Genève"),
					Properties: map[string]any{"subtype": "meeting"}, Confidence: conf(0.6), Sources: []fixtures.Source{src("doc:3", "meeting")}},
				{ID: "person:p2", Kind: fixtures.KindPerson, Name: "Anna, \"the\" Second", Sources: []fixtures.Source{src("doc:3", "Anna")}},
				{ID: "person:p1", Kind: fixtures.KindPerson, Name: weird, Sources: []fixtures.Source{src("doc:3", "Jim")}},
				{ID: "person:p3", Kind: fixtures.KindPerson, Name: "Proposed Person", Status: fixtures.StatusProposed,
					Sources: []fixtures.Source{src("doc:3", "PP")}},
			},
			Edges: []fixtures.Edge{
				{Kind: fixtures.EdgeParticipatedIn, From: "person:p2", To: "meeting:m2", Role: sp("participant"), Sources: []fixtures.Source{src("doc:3", "came")}},
				{Kind: fixtures.EdgeParticipatedIn, From: "person:p1", To: "meeting:m1", Sources: []fixtures.Source{src("doc:3", "was there")}},
				{Kind: fixtures.EdgeParticipatedIn, From: "person:p3", To: "meeting:m1", Sources: []fixtures.Source{src("doc:3", "PP came")}},
			},
		},
		{ // 4: invalid (an edge to a node it lacks)
			Documents: []fixtures.Document{{ID: "doc:4"}},
			Nodes:     []fixtures.Node{{ID: "person:p9", Kind: fixtures.KindPerson, Name: "Nine", Sources: []fixtures.Source{src("doc:4", "9")}}},
			Edges: []fixtures.Edge{{Kind: fixtures.EdgeParticipatedIn, From: "person:p9", To: "meeting:nowhere",
				Sources: []fixtures.Source{src("doc:4", "x")}}},
		},
		{ // 5: refused: person:p2 is stored as a Person
			Documents: []fixtures.Document{{ID: "doc:5"}},
			Nodes: []fixtures.Node{{ID: "person:p2", Kind: fixtures.KindAgency, Name: "Not a person", Country: sp("IT"),
				Sources: []fixtures.Source{src("doc:5", "x")}}},
		},
		{ // 6: the meeting reached once more by its merged id; an edge once rejected, now accepted
			Documents: []fixtures.Document{{ID: "doc:6", Title: "Sixth", Text: "ünïcødé\n\n"}},
			Nodes: []fixtures.Node{
				{ID: "meeting:m2", Kind: fixtures.KindMeeting, Name: "Réunion à Genève", StartDate: sp("2019-06-10"), Place: sp("Genève"),
					Properties: map[string]any{"subtype": "meeting"}, Sources: []fixtures.Source{src("doc:6", "r")}},
				{ID: "agency:a1", Kind: fixtures.KindAgency, Name: "Ministero dell'Interno", Country: sp("IT"), Sources: []fixtures.Source{src("doc:6", "M")}},
				{ID: "agency:a2", Kind: fixtures.KindAgency, Name: "Ministère, \"Intérieur\"", Country: sp("FR"), Sources: []fixtures.Source{src("doc:6", "M")}},
			},
			Edges: []fixtures.Edge{
				{Kind: fixtures.EdgeFunded, From: "agency:a2", To: "meeting:m2", Properties: map[string]any{"currency": "CHF"}, Sources: []fixtures.Source{src("doc:6", "f")}},
				{Kind: fixtures.EdgeMemorandum, From: "agency:a1", To: "agency:a2", Date: sp("2020-01-01"), Sources: []fixtures.Source{src("doc:6", "MoU2 again")}},
			},
		},
	}
	var paths []string
	for i, f := range files {
		f.Format = fixtures.Format
		p := filepath.Join(dir, "f"+string(rune('0'+i))+".json")
		b, err := fixtures.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestBulkImportEqualsIncrementalOnTrickyFixtures: the same graph, by both paths, for
// fixtures whose values need quoting, whose copies disagree, and whose meeting merges are
// reached by later files (replayed by the post-pass).
func TestBulkImportEqualsIncrementalOnTrickyFixtures(t *testing.T) {
	files := trickyFiles(t)
	if _, err := fixtures.Read(files[0]); err != nil {
		t.Fatalf("the first fixture should be valid: %v", err)
	}
	inc := incremental(t, files)
	res, blk := bulkLoad(t, files)
	t.Logf("%d lines; plan %+v; failed %v", len(inc), res.Plan, res.Failed)
	if res.Plan.Merges != 1 || res.Plan.Replayed == 0 {
		t.Errorf("plan %+v: want one merge and replayed rows", res.Plan)
	}
	if len(res.Failed) != 2 || !strings.HasSuffix(res.Failed[0], "f3.json") || !strings.HasSuffix(res.Failed[1], "f4.json") {
		t.Errorf("failed %v, want the invalid f3.json and the refused f4.json", res.Failed)
	}
	same(t, inc, blk)
}

// TestBulkRefusesTheArrayDelimiter: an alias holding the CSV array delimiter cannot be
// written; the load says so (ErrUnsupported) before touching the database.
func TestBulkRefusesTheArrayDelimiter(t *testing.T) {
	dir := t.TempDir()
	f := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{{ID: "doc:1"}},
		Nodes: []fixtures.Node{{ID: "person:p", Kind: fixtures.KindPerson, Name: "P", Aliases: []string{"a\x1fb"},
			Sources: []fixtures.Source{src("doc:1", "P")}}}}
	p := filepath.Join(dir, "f.json")
	b, _ := fixtures.Marshal(f)
	os.WriteFile(p, b, 0o644)
	home := t.TempDir()
	_, err := bulk.Load(context.Background(), bulk.Options{LibDir: t.TempDir(), Home: home, Log: zerolog.Nop()}, []string{p})
	if !errors.Is(err, bulk.ErrUnsupported) {
		t.Fatalf("error %v, want ErrUnsupported", err)
	}
	if localdb.HasDatabase(home) {
		t.Error("a database was written")
	}
}

// TestFailedAdminImportLeavesNoDatabase: when neo4j-admin fails, the home keeps no
// database, and the error carries the tool's message.
func TestFailedAdminImportLeavesNoDatabase(t *testing.T) {
	lib := libDir(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "nodes.csv")
	os.WriteFile(bad, []byte("id:ID,name\n\"a\",\"x\"\n\"a\",\"duplicate id\"\n"), 0o644)
	rels := filepath.Join(dir, "rels.csv")
	os.WriteFile(rels, []byte(":START_ID,:END_ID,:TYPE\n\"a\",\"missing\",\"R\"\n"), 0o644)
	home := t.TempDir()
	_, err := localdb.Import(context.Background(), localdb.ImportOptions{LibDir: lib, Home: home, Heap: "256m", OffHeap: "256m",
		Nodes: []string{bad}, Relationships: []string{rels}})
	if err == nil {
		t.Fatal("the import of a duplicate id succeeded")
	}
	t.Logf("error: %v", err)
	if !strings.Contains(err.Error(), "neo4j-admin") {
		t.Errorf("error %v does not say neo4j-admin failed", err)
	}
	if localdb.HasDatabase(home) {
		t.Error("a failed import left a database in the home")
	}
	entries, _ := os.ReadDir(home)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".bulk-import-") {
			t.Errorf("staging folder %s left behind", e.Name())
		}
	}
}
