package graph_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// reportFixture is one document (doc) that reports a meeting in Vilnius, attended by an
// organisation of its own.
func reportFixture(doc, id, subtype, start, end string) *fixtures.Fixture {
	s := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	name := strings.ToUpper(subtype[:1]) + subtype[1:] + " in Vilnius"
	return &fixtures.Fixture{Format: fixtures.Format,
		Documents: []fixtures.Document{{ID: doc, Title: doc, Language: "en", File: doc + ".txt", SHA256: strings.Repeat("c", 64)}},
		Nodes: []fixtures.Node{
			{ID: id, Kind: fixtures.KindMeeting, Name: name, Aliases: []string{}, StartDate: s(start), EndDate: s(end),
				Place: s("Vilnius"), Country: s("LT"), Properties: map[string]any{"subtype": subtype}, Sources: span(doc, name)},
			{ID: "org:" + doc, Kind: fixtures.KindOrganization, Name: "Org " + doc, Aliases: []string{}, Properties: map[string]any{},
				Sources: span(doc, "Org "+doc)},
		},
		Edges: []fixtures.Edge{{Kind: fixtures.EdgeParticipatedIn, From: "org:" + doc, To: id, Properties: map[string]any{},
			Sources: span(doc, "Org "+doc)}},
	}
}

// meetingIDs are the ids of the stored meetings, sorted.
func meetingIDs(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, r := range query(t, "MATCH (m:Meeting) RETURN m.id ORDER BY m.id", nil) {
		out = append(out, r.Values[0].(string))
	}
	return out
}

// A meeting that a second document reports by its month only, under another noun, is the
// stored one: one node with the sources of both, the month-only id redirects to it, and
// importing the report again or a third report that names the old id changes nothing.
func TestImportOneMeetingManyReports(t *testing.T) {
	store, ctx := open(t)
	const dated, month = "meeting:2019-06-10:vilnius:workshop", "meeting:2019-06:vilnius:meeting"
	if _, err := store.Import(ctx, reportFixture("doc:a", dated, "workshop", "2019-06-10", "2019-06-12"), nil); err != nil {
		t.Fatal(err)
	}
	st, err := store.Import(ctx, reportFixture("doc:b", month, "meeting", "2019-06", ""), nil)
	if err != nil {
		t.Fatal(err)
	}
	if st.Redirected != 1 {
		t.Errorf("stats %+v, want 1 redirected", st)
	}
	if got := meetingIDs(t); !equal(got, []string{dated}) {
		t.Fatalf("meetings %v, want only %s", got, dated)
	}
	props := nodeProps(t, dated)
	if props["startDate"] != "2019-06-10" || props["endDate"] != "2019-06-12" || props["subtype"] != "workshop" || props["name"] != "Workshop in Vilnius" {
		t.Errorf("survivor %v: the exact dates and the first name must stay", props)
	}
	if !equal(strs(props["aliases"]), []string{"Meeting in Vilnius"}) {
		t.Errorf("aliases %v", props["aliases"])
	}
	docs := query(t, "MATCH (d:Document)-[:MENTIONS]->(:Meeting {id: $id}) RETURN d.id ORDER BY d.id", map[string]any{"id": dated})
	if len(docs) != 2 {
		t.Errorf("%d documents mention the meeting, want 2", len(docs))
	}
	if r := query(t, "MATCH (:Redirect {id: $m})-[:MERGED_INTO]->(s:Entity) RETURN s.id", map[string]any{"m": month}); len(r) != 1 || r[0].Values[0] != dated {
		t.Errorf("redirect of %s: %v", month, r)
	}
	if r := query(t, "MATCH (:Organization {id: 'org:doc:b'})-[:PARTICIPATED_IN]->(m:Meeting) RETURN m.id", nil); len(r) != 1 || r[0].Values[0] != dated {
		t.Errorf("the second report's participant: %v", r)
	}
	ns, err := store.NodesByID(ctx, []string{month})
	if err != nil || len(ns) != 1 || ns[0] == nil || ns[0].ID != dated {
		t.Errorf("NodesByID(%s) = %v, %v; want the survivor", month, ns, err)
	}
	nodes, rels := counts(t, store)
	again, err := store.Import(ctx, reportFixture("doc:b", month, "meeting", "2019-06", ""), nil)
	if err != nil || again.Created != 0 {
		t.Errorf("import again: %+v, %v; want nothing created", again, err)
	}
	assertCounts(t, store, nodes, rels)
	third := reportFixture("doc:c", month, "meeting", "2019-06", "")
	if _, err := store.Import(ctx, third, nil); err != nil {
		t.Fatal(err)
	}
	if got := meetingIDs(t); !equal(got, []string{dated}) {
		t.Errorf("after a third report: meetings %v", got)
	}
}

// importMonthThenDay imports a report of a meeting known to the month, then one of the
// same meeting known to the day, and checks that they make one meeting: the month's.
func importMonthThenDay(ctx context.Context, t *testing.T, store *graph.Store) (dated, month string) {
	t.Helper()
	dated, month = "meeting:2019-06-10:vilnius:conference", "meeting:2019-06:vilnius:meeting"
	if _, err := store.Import(ctx, reportFixture("doc:b", month, "meeting", "2019-06", ""), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Import(ctx, reportFixture("doc:a", dated, "conference", "2019-06-10", "2019-06-11"), nil); err != nil {
		t.Fatal(err)
	}
	if got := meetingIDs(t); !equal(got, []string{month}) {
		t.Fatalf("meetings %v, want only %s", got, month)
	}
	return dated, month
}

// A stored month-only meeting takes the exact dates of a later report.
func TestImportMeetingDatedLater(t *testing.T) {
	store, ctx := open(t)
	_, month := importMonthThenDay(ctx, t, store)
	if props := nodeProps(t, month); props["startDate"] != "2019-06-10" || props["endDate"] != "2019-06-11" {
		t.Errorf("survivor %v: the exact dates of the later report", props)
	}
}

// A month-only report beside two stored meetings of that month is ambiguous: it stays a
// node of its own, for duplicateCandidates; so do meetings elsewhere or of another kind,
// and two meetings of one document.
func TestImportMeetingAmbiguous(t *testing.T) {
	store, ctx := open(t)
	for _, f := range []*fixtures.Fixture{
		reportFixture("doc:a", "meeting:2019-06-10:vilnius:meeting", "meeting", "2019-06-10", ""),
		reportFixture("doc:b", "meeting:2019-06-20:vilnius:meeting", "meeting", "2019-06-20", ""),
		reportFixture("doc:c", "meeting:2019-06:vilnius:conference", "conference", "2019-06", ""),
		reportFixture("doc:d", "meeting:2019-06-10:vilnius:signing-ceremony", "signing ceremony", "2019-06-10", ""),
		reportFixture("doc:a", "meeting:2019-06-11:vilnius:summit", "summit", "2019-06-11", ""),
	} {
		if _, err := store.Import(ctx, f, nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := meetingIDs(t); len(got) != 5 {
		t.Errorf("meetings %v, want 5", got)
	}
	cs, err := store.DuplicateCandidates(ctx, []string{fixtures.KindMeeting}, 0.5, 20)
	if err != nil {
		t.Fatal(err)
	}
	if pairOf(cs, "meeting:2019-06-10:vilnius:meeting", "meeting:2019-06:vilnius:conference") == nil {
		t.Errorf("the ambiguous month-only report is not proposed: %v", cs)
	}
	if c := pairOf(cs, "meeting:2019-06-10:vilnius:meeting", "meeting:2019-06-20:vilnius:meeting"); c != nil {
		t.Errorf("meetings on days that do not overlap are proposed (%v)", c.Reasons)
	}
}

// Two documents of one fixture that report one meeting give one node, and the other id
// redirects to it.
func TestImportMeetingsOfOneFixture(t *testing.T) {
	store, ctx := open(t)
	a := reportFixture("doc:a", "meeting:2019-06-10:vilnius:workshop", "workshop", "2019-06-10", "")
	b := reportFixture("doc:b", "meeting:2019-06:vilnius:meeting", "meeting", "2019-06", "")
	f := &fixtures.Fixture{Format: fixtures.Format, Documents: append(b.Documents, a.Documents...),
		Nodes: append(b.Nodes, a.Nodes...), Edges: append(b.Edges, a.Edges...)}
	if _, err := store.Import(ctx, f, nil); err != nil {
		t.Fatal(err)
	}
	if got := meetingIDs(t); !equal(got, []string{"meeting:2019-06-10:vilnius:workshop"}) {
		t.Fatalf("meetings %v", got)
	}
	if props := nodeProps(t, "meeting:2019-06-10:vilnius:workshop"); props["startDate"] != "2019-06-10" {
		t.Errorf("survivor %v", props)
	}
	if r := query(t, "MATCH (:Redirect {id: 'meeting:2019-06:vilnius:meeting'})-[:MERGED_INTO]->(s) RETURN s.id", nil); len(r) != 1 {
		t.Errorf("no redirect")
	}
}

// Two imports at once of reports of one new meeting, under different ids, give one node
// with the sources of both: the second waits for the first (lockMeetings), then finds its
// meeting. Each round is another month, so another event.
func TestImportMeetingConcurrent(t *testing.T) {
	store, ctx := open(t)
	for month := 1; month <= 8; month++ {
		m := fmt.Sprintf("2019-%02d", month)
		dated, monthOnly := "meeting:"+m+"-10:vilnius:workshop", "meeting:"+m+":vilnius:meeting"
		reports := []*fixtures.Fixture{
			reportFixture("doc:a"+m, dated, "workshop", m+"-10", m+"-12"),
			reportFixture("doc:b"+m, monthOnly, "meeting", m, ""),
		}
		start := make(chan struct{})
		errs := make([]error, len(reports))
		var wg sync.WaitGroup
		for i, f := range reports {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[i] = store.Import(ctx, f, nil)
			}()
		}
		close(start)
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		got := query(t, `MATCH (x:Meeting) WHERE x.id IN $ids
			RETURN x.id, COLLECT { MATCH (d:Document)-[:MENTIONS]->(x) RETURN d.id ORDER BY d.id }`,
			map[string]any{"ids": []string{dated, monthOnly}})
		if len(got) != 1 {
			t.Fatalf("%s: %d meeting nodes for one event, want 1", m, len(got))
		}
		if docs := strs(got[0].Values[1]); !equal(docs, []string{"doc:a" + m, "doc:b" + m}) {
			t.Errorf("%s: meeting %v mentioned by %v, want both documents", m, got[0].Values[0], docs)
		}
	}
}

// assertOneMeeting checks that the reports of doc:a (dated) and doc:b (month only) are
// one meeting, dated: the month-only id redirects to it, both documents mention it, the
// participant of doc:b takes part in it, and a MergeRecord by the import, with doc:b,
// lets splitNode undo it.
func assertOneMeeting(t *testing.T, what, dated, month string) {
	t.Helper()
	if got := meetingIDs(t); !equal(got, []string{dated}) {
		t.Fatalf("%s: meetings %v, want only %s", what, got, dated)
	}
	if r := query(t, "MATCH (:Redirect {id: $m})-[:MERGED_INTO]->(s:Entity) RETURN s.id", map[string]any{"m": month}); len(r) != 1 || r[0].Values[0] != dated {
		t.Errorf("%s: redirect of %s: %v", what, month, r)
	}
	docs := query(t, "MATCH (d:Document)-[:MENTIONS]->(:Meeting {id: $id}) RETURN d.id ORDER BY d.id", map[string]any{"id": dated})
	if len(docs) != 2 {
		t.Errorf("%s: %d documents mention the meeting, want 2", what, len(docs))
	}
	if r := query(t, "MATCH (:Organization {id: 'org:doc:b'})-[:PARTICIPATED_IN]->(m:Meeting) RETURN m.id", nil); len(r) != 1 || r[0].Values[0] != dated {
		t.Errorf("%s: the second report's participant: %v", what, r)
	}
	r := query(t, "MATCH (r:MergeRecord {survivor: $s, merged: $m}) RETURN r.by, r.documents, r.at IS NOT NULL, r._run",
		map[string]any{"s": dated, "m": month})
	if len(r) != 1 || r[0].Values[0] != "import" || !equal(strs(r[0].Values[1]), []string{"doc:b"}) || r[0].Values[2] != true || r[0].Values[3] != nil {
		t.Errorf("%s: merge record %v, want one by the import, of doc:b, dated, untagged", what, r)
	}
}

// Every import path applies the rule: a file imported as an import run (in transactions
// of a few rows, given whole or read piece by piece) merges its meeting into the stored
// one as one transaction does, and splitNode undoes it; so does a run whose two reports
// fall in two chunks; a run that fails before its end leaves nothing.
func TestImportRunMeetings(t *testing.T) {
	store, ctx := open(t)
	const dated, month = "meeting:2019-06-10:vilnius:workshop", "meeting:2019-06:vilnius:meeting"
	t.Cleanup(func() { graph.SetImportChunk(store, graph.ImportChunk) })
	for _, streamed := range []bool{false, true} {
		what := fmt.Sprintf("streamed %v", streamed)
		if err := store.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
		graph.SetImportChunk(store, graph.ImportChunk)
		if _, err := store.Import(ctx, reportFixture("doc:a", dated, "workshop", "2019-06-10", "2019-06-12"), nil); err != nil {
			t.Fatal(err)
		}
		graph.SetImportChunk(store, 1)
		f := reportFixture("doc:b", month, "meeting", "2019-06", "")
		var st graph.ImportStats
		var err error
		if streamed {
			file := filepath.Join(t.TempDir(), "b.json")
			if err := fixtures.Write(file, f); err != nil {
				t.Fatal(err)
			}
			large, serr := fixtures.Scan(file)
			if serr != nil {
				t.Fatal(serr)
			}
			st, err = store.ImportParts(ctx, large, "digest-b", "b.json", nil)
		} else {
			st, err = store.ImportFile(ctx, f, "digest-b", "b.json", nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		if st.Redirected != 1 {
			t.Errorf("%s: stats %+v, want 1 redirected", what, st)
		}
		assertOneMeeting(t, what, dated, month)
		if r := query(t, "MATCH (n) WHERE n:ImportRun OR n:ImportUndo OR n._run IS NOT NULL RETURN count(n)", nil); r[0].Values[0] != int64(0) {
			t.Errorf("%s: bookkeeping left: %v", what, r[0].Values[0])
		}
		// The merge was made once the run's edges were written: the split gives the
		// report back with its participant.
		if _, err := store.SplitNode(ctx, dated); err != nil {
			t.Fatal(err)
		}
		if r := query(t, "MATCH (:Organization {id: 'org:doc:b'})-[:PARTICIPATED_IN]->(m:Meeting) RETURN m.id", nil); len(r) != 1 || r[0].Values[0] != month {
			t.Errorf("%s: after the split, the second report's participant: %v", what, r)
		}
	}

	// Two reports of one file, in two chunks of a run.
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	a := reportFixture("doc:a", dated, "workshop", "2019-06-10", "2019-06-12")
	b := reportFixture("doc:b", month, "meeting", "2019-06", "")
	both := &fixtures.Fixture{Format: fixtures.Format, Documents: append(a.Documents, b.Documents...),
		Nodes: append(a.Nodes, b.Nodes...), Edges: append(a.Edges, b.Edges...)}
	graph.SetImportChunk(store, 2)
	if _, err := store.ImportFile(ctx, both, "", "both.json", nil); err != nil {
		t.Fatal(err)
	}
	assertOneMeeting(t, "one file, two chunks", dated, month)

	// Two reports of one file, in two chunks, of a stored meeting: the second finds the
	// stored meeting and the first, which the run will merge into it, and is merged too.
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	graph.SetImportChunk(store, graph.ImportChunk)
	if _, err := store.Import(ctx, a, nil); err != nil {
		t.Fatal(err)
	}
	c := reportFixture("doc:c", "meeting:2019-06-11:vilnius:meeting", "meeting", "2019-06-11", "")
	bc := &fixtures.Fixture{Format: fixtures.Format, Documents: append(b.Documents, c.Documents...),
		Nodes: append(b.Nodes, c.Nodes...), Edges: append(b.Edges, c.Edges...)}
	graph.SetImportChunk(store, 2)
	st, err := store.ImportFile(ctx, bc, "", "bc.json", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := meetingIDs(t); !equal(got, []string{dated}) || st.Redirected != 2 {
		t.Errorf("a stored meeting and two reports in two chunks: meetings %v, stats %+v", got, st)
	}
	if r := query(t, "MATCH (r:MergeRecord {survivor: $s}) RETURN r.merged ORDER BY r.merged", map[string]any{"s": dated}); len(r) != 2 {
		t.Errorf("merge records %v, want 2", r)
	}

	// A run that fails after its node chunks (cancelled on its edges) is undone, merge included.
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	graph.SetImportChunk(store, graph.ImportChunk)
	if _, err := store.Import(ctx, a, nil); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t)
	graph.SetImportChunk(store, 1)
	cctx, cancel := context.WithCancel(ctx)
	_, err = store.ImportFile(cctx, b, "digest-b", "b.json", func(done, total int) {
		if done == total-1 {
			cancel()
		}
	})
	cancel()
	if err == nil {
		t.Fatal("cancelled on its last row: the import succeeded")
	}
	diffGraphs(t, "a run undone after merging a meeting", before, snapshot(t))
}

// splitNode undoes a meeting merged at import as it undoes an analyst's merge: the report
// comes back as its own node with its document, participant and dates, and the survivor
// gets back the dates it had before (here the month only, which the later, exact report
// had made exact). The history of the survivor shows the import's merge.
func TestSplitImportedMeeting(t *testing.T) {
	store, ctx := open(t)
	dated, month := importMonthThenDay(ctx, t, store)
	if props := nodeProps(t, month); props["startDate"] != "2019-06-10" || props["subtype"] != "conference" {
		t.Errorf("survivor %v: the exact dates of the later report", props)
	}
	hist, err := store.History(ctx, month)
	if err != nil {
		t.Fatal(err)
	}
	var merge *graph.Change
	for i, c := range hist {
		if c.Action == graph.ActionMergeNodes {
			merge = &hist[i]
		}
	}
	if merge == nil || merge.Detail["merged"] != dated || merge.Detail["by"] != "import" {
		t.Errorf("history of %s: %+v, want the import's merge of %s", month, hist, dated)
	}
	out, err := store.SplitNode(ctx, month)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].ID != month || out[1].ID != dated {
		t.Fatalf("split gave %v", out)
	}
	if got := meetingIDs(t); !equal(got, []string{dated, month}) {
		t.Errorf("after the split: meetings %v", got)
	}
	if props := nodeProps(t, month); props["startDate"] != "2019-06" || props["subtype"] != "meeting" {
		t.Errorf("survivor after the split %v: its own month and subtype", props)
	}
	if props := nodeProps(t, dated); props["startDate"] != "2019-06-10" || props["endDate"] != "2019-06-11" {
		t.Errorf("the report after the split %v", props)
	}
	if r := query(t, "MATCH (:Organization {id: 'org:doc:a'})-[:PARTICIPATED_IN]->(m:Meeting) RETURN m.id", nil); len(r) != 1 || r[0].Values[0] != dated {
		t.Errorf("the report's participant after the split: %v", r)
	}
	for id, doc := range map[string]string{month: "doc:b", dated: "doc:a"} {
		docs := query(t, "MATCH (d:Document)-[:MENTIONS]->(:Meeting {id: $id}) RETURN d.id", map[string]any{"id": id})
		if len(docs) != 1 || docs[0].Values[0] != doc {
			t.Errorf("after the split, %s is mentioned by %v, want %s", id, docs, doc)
		}
	}
	if r := query(t, "MATCH (r:Redirect) RETURN count(r)", nil); r[0].Values[0] != int64(0) {
		t.Errorf("a redirect is left after the split")
	}
}
