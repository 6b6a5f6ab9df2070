package graph_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// resolutionFixture holds nodes that may be the same, for the reasons of DuplicateCandidates,
// and nodes that must never be paired.
func resolutionFixture() *fixtures.Fixture {
	ref := []fixtures.Source{{Reference: "test"}}
	s := func(v string) *string { return &v }
	span := func(doc, text string) []fixtures.Source {
		return []fixtures.Source{{Document: doc, Start: 0, End: len([]rune(text)), Text: text}}
	}
	f := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{
		{ID: "doc:x", Title: "X", Language: "en", File: "x.txt", SHA256: strings.Repeat("a", 64)},
		{ID: "doc:y", Title: "Y", Language: "en", File: "y.txt", SHA256: strings.Repeat("b", 64)},
	}}
	node := func(id, kind, name string, country *string, aliases ...string) fixtures.Node {
		return fixtures.Node{ID: id, Kind: kind, Name: name, Country: country, Aliases: aliases, Sources: ref}
	}
	meeting := func(id, name, start, place string) fixtures.Node {
		n := node(id, fixtures.KindMeeting, name, s("MA"))
		n.StartDate, n.Place = s(start), s(place)
		n.Properties = map[string]any{"subtype": "workshop"}
		return n
	}
	f.Nodes = []fixtures.Node{
		node("agency:it:interior", fixtures.KindAgency, "Ministry of the Interior", s("IT")),
		node("agency:it:ministero-interno", fixtures.KindAgency, "Ministero dell'Interno", s("IT")),
		node("agency:ma:interior", fixtures.KindAgency, "Ministry of the Interior", s("MA")),
		node("agency:ma:dgsn", fixtures.KindAgency, "DGSN", s("MA")),
		node("agency:ma:surete", fixtures.KindAgency, "Direction Générale de la Sûreté Nationale", s("MA")),
		node("org:interpol", fixtures.KindOrganization, "INTERPOL", nil),
		node("org:interpol-2", fixtures.KindOrganization, "Interpol", nil),
		node("org:centre", fixtures.KindOrganization, "Centre for Security Studies", nil),
		node("org:centre-2", fixtures.KindOrganization, "Security Studies Centre", nil),
		node("unbody:interpol", fixtures.KindUNBody, "Interpol", nil),
		{ID: "person:mario-rossi", Kind: fixtures.KindPerson, Name: "Mario Rossi", Sources: span("doc:x", "Mario Rossi")},
		{ID: "person:rossi", Kind: fixtures.KindPerson, Name: "Rossi", Sources: span("doc:x", "Rossi")},
		{ID: "person:luca-rossi", Kind: fixtures.KindPerson, Name: "Luca Rossi", Sources: span("doc:y", "Luca Rossi")},
		meeting("meeting:a", "Workshop in Rabat", "2023-01-26", "Rabat"),
		meeting("meeting:b", "Rabat workshop on borders", "2023-01", "Rabat"),
		meeting("meeting:c", "Training in Rabat", "2023-01-26", "Rabat"),
		meeting("meeting:d", "Training in Rabat", "2023-01-10", "Rabat"),
	}
	return f
}

// pairOf finds the candidate of two ids, either way round.
func pairOf(cs []graph.Candidate, a, b string) *graph.Candidate {
	for i, c := range cs {
		if c.A.ID == a && c.B.ID == b || c.A.ID == b && c.B.ID == a {
			return &cs[i]
		}
	}
	return nil
}

// Candidates come with their reasons, never pair agencies of two states or nodes of two
// kinds, and a pair judged not the same is never suggested again.
func TestDuplicateCandidates(t *testing.T) {
	store, ctx := open(t)
	graph.SetGlossary(map[string]string{"ministero": "ministry", "interno": "interior", "ministère": "ministry"})
	t.Cleanup(func() { graph.SetGlossary(nil) })
	if _, err := store.Import(ctx, resolutionFixture(), nil); err != nil {
		t.Fatal(err)
	}
	cs, err := store.DuplicateCandidates(ctx, nil, 0.5, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ a, b, reason string }{
		{"org:interpol", "org:interpol-2", "names equal after folding"},
		{"agency:ma:dgsn", "agency:ma:surete", "acronym of the other's name"},
		{"agency:it:interior", "agency:it:ministero-interno", "names in two languages of the same agency of IT"},
		{"org:centre", "org:centre-2", "same words in another order"},
		{"person:mario-rossi", "person:rossi", "surname of a person in the same document"},
		{"meeting:a", "meeting:c", "same meeting date and place"},
		{"meeting:a", "meeting:b", "same place, and one report gives only the month"},
	} {
		c := pairOf(cs, want.a, want.b)
		switch {
		case c == nil:
			t.Errorf("no candidate %s, %s", want.a, want.b)
		case !slices.Contains(c.Reasons, want.reason):
			t.Errorf("%s, %s: reasons %v, want %q", want.a, want.b, c.Reasons, want.reason)
		case c.Score < 0.5 || c.Score > 1:
			t.Errorf("%s, %s: score %v", want.a, want.b, c.Score)
		}
	}
	for _, never := range [][2]string{
		{"agency:it:interior", "agency:ma:interior"}, // two states
		{"org:interpol", "unbody:interpol"},          // two kinds
		{"person:luca-rossi", "person:rossi"},        // no document names both
		{"meeting:a", "meeting:d"},                   // two days of the same month
		{"agency:it:ministero-interno", "agency:ma:interior"},
	} {
		if c := pairOf(cs, never[0], never[1]); c != nil {
			t.Errorf("candidate %s, %s (%v) should never be", never[0], never[1], c.Reasons)
		}
	}
	for i := 1; i < len(cs); i++ {
		if cs[i].Score > cs[i-1].Score {
			t.Errorf("candidates not best first: %v after %v", cs[i].Score, cs[i-1].Score)
		}
	}
	// Filters: kinds, minScore, first.
	only, err := store.DuplicateCandidates(ctx, []string{fixtures.KindMeeting}, 0.5, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(only) != 1 || only[0].A.Kind != fixtures.KindMeeting {
		t.Errorf("meetings, first 1: %v", only)
	}
	high, err := store.DuplicateCandidates(ctx, nil, 0.95, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range high {
		if c.Score < 0.95 {
			t.Errorf("minScore 0.95 answered %v", c.Score)
		}
	}
	var input *graph.InputError
	if _, err := store.DuplicateCandidates(ctx, []string{"Nope"}, 0.5, 10); !errors.As(err, &input) {
		t.Errorf("an unknown kind: %v", err)
	}

	// Not the same: remembered, in the history of both, never suggested again.
	ctxA := graph.WithActor(ctx, "analyst")
	if _, err := store.Judge(ctxA, "org:centre", "org:centre-2", false); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"org:centre", "org:centre-2"} {
		h, err := store.History(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) == 0 || h[0].Action != graph.ActionJudge || h[0].Actor != "analyst" || h[0].Detail["same"] != false {
			t.Errorf("history of %s = %+v, want the judgement by analyst first", id, h)
		}
	}
	if recs := query(t, "MATCH (j:"+graph.LabelJudgement+") RETURN j.a, j.b, j.actor, j.at, j.same", nil); len(recs) != 1 ||
		recs[0].Values[2] != "analyst" || recs[0].Values[3] == nil || recs[0].Values[4] != false {
		t.Errorf("judgements stored: %v", recs)
	}
	// The same: a merge, as MergeNodes; then the merged pair is gone too.
	n, err := store.Judge(ctxA, "org:interpol", "org:interpol-2", true)
	if err != nil || n.ID != "org:interpol" || !slices.Contains(n.Aliases, "Interpol") {
		t.Fatalf("judge same: %v %v", n, err)
	}
	if h, _ := store.History(ctx, "org:interpol-2"); len(h) == 0 || h[0].Action != graph.ActionMergeNodes {
		t.Errorf("history after judging the same: %+v", h)
	}
	cs, err = store.DuplicateCandidates(ctx, nil, 0.5, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range [][2]string{{"org:centre", "org:centre-2"}, {"org:interpol", "org:interpol-2"}} {
		if c := pairOf(cs, p[0], p[1]); c != nil {
			t.Errorf("judged pair %v suggested again", p)
		}
	}
	// A judgement follows later merges: merge centre-2's twin into it, the pair stays judged.
	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "org:centre-3", Kind: fixtures.KindOrganization, Name: "Centre for Security Studies (CSS)"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.MergeNodes(ctx, "org:centre-3", "org:centre-2"); err != nil {
		t.Fatal(err)
	}
	cs, err = store.DuplicateCandidates(ctx, nil, 0.5, 100)
	if err != nil {
		t.Fatal(err)
	}
	if c := pairOf(cs, "org:centre", "org:centre-3"); c != nil {
		t.Errorf("a judged pair came back after a merge: %v", c.Reasons)
	}
}

// Judgements refuse what can never be the same.
func TestJudgeRefusals(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, resolutionFixture(), nil); err != nil {
		t.Fatal(err)
	}
	var input *graph.InputError
	var notFound *graph.NotFoundError
	for _, same := range []bool{true, false} {
		if _, err := store.Judge(ctx, "org:interpol", "org:interpol", same); !errors.As(err, &input) {
			t.Errorf("a == b (same %v): %v", same, err)
		}
		if _, err := store.Judge(ctx, "org:interpol", "nope", same); !errors.As(err, &notFound) {
			t.Errorf("unknown id (same %v): %v", same, err)
		}
		if _, err := store.Judge(ctx, "org:interpol", "unbody:interpol", same); !errors.As(err, &input) || !strings.Contains(err.Error(), "same kind") {
			t.Errorf("two kinds (same %v): %v", same, err)
		}
		if _, err := store.Judge(ctx, "agency:it:interior", "agency:ma:interior", same); !errors.As(err, &input) || !strings.Contains(err.Error(), "two states") {
			t.Errorf("agencies of two states (same %v): %v", same, err)
		}
	}
	if recs := query(t, "MATCH (j:"+graph.LabelJudgement+") RETURN j", nil); len(recs) != 0 {
		t.Errorf("a refused judgement was stored")
	}
}

// Two roadmaps (or projects) of one generic name dated years apart are most likely two:
// they are not proposed at the default minScore, and when asked for, the reason says why
// they score low; roadmaps of one name whose years overlap still are.
func TestDuplicateCandidatesYearsApart(t *testing.T) {
	store, ctx := open(t)
	s := func(v string) *string { return &v }
	ref := []fixtures.Source{{Reference: "test"}}
	dated := func(id, kind, name, start, end string) fixtures.Node {
		n := fixtures.Node{ID: id, Kind: kind, Name: name, Aliases: []string{}, Sources: ref, StartDate: s(start)}
		if end != "" {
			n.EndDate = s(end)
		}
		return n
	}
	f := &fixtures.Fixture{Format: fixtures.Format, Nodes: []fixtures.Node{
		dated("roadmap:action-plan-2019", fixtures.KindRoadmap, "Action Plan", "2019", ""),
		dated("roadmap:action-plan-2022", fixtures.KindRoadmap, "Action Plan", "2022-03-01", ""),
		dated("roadmap:action-plan-2019-05", fixtures.KindRoadmap, "Action plan", "2019-05", ""),
		dated("project:border-2015", fixtures.KindProject, "Border Management Project", "2015-01", "2016-12"),
		dated("project:border-2020", fixtures.KindProject, "Border Management Project", "2020", "2023"),
		dated("project:border-2016", fixtures.KindProject, "Border management project", "2016-06", ""),
	}}
	if _, err := store.Import(ctx, f, nil); err != nil {
		t.Fatal(err)
	}
	cs, err := store.DuplicateCandidates(ctx, nil, 0.5, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, apart := range [][2]string{
		{"roadmap:action-plan-2019", "roadmap:action-plan-2022"},
		{"roadmap:action-plan-2019-05", "roadmap:action-plan-2022"},
		{"project:border-2015", "project:border-2020"},
		{"project:border-2016", "project:border-2020"},
	} {
		if c := pairOf(cs, apart[0], apart[1]); c != nil {
			t.Errorf("%s, %s dated years apart proposed at %v (%v)", apart[0], apart[1], c.Score, c.Reasons)
		}
	}
	for _, same := range [][2]string{
		{"roadmap:action-plan-2019", "roadmap:action-plan-2019-05"},
		{"project:border-2015", "project:border-2016"},
	} {
		if c := pairOf(cs, same[0], same[1]); c == nil || c.Score < 0.85 {
			t.Errorf("%s, %s of overlapping years: %v, want proposed", same[0], same[1], c)
		}
	}
	low, err := store.DuplicateCandidates(ctx, []string{fixtures.KindRoadmap}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	c := pairOf(low, "roadmap:action-plan-2019", "roadmap:action-plan-2022")
	if c == nil {
		t.Fatalf("minScore 0: the roadmaps years apart are not listed: %v", low)
	}
	want := "dated years apart (2019 and 2022): most likely two different ones"
	if c.Score > 0.3 || !slices.Contains(c.Reasons, want) || !slices.Contains(c.Reasons, "names equal after folding") {
		t.Errorf("roadmaps years apart: score %v, reasons %q; want at most 0.3 and %q", c.Score, c.Reasons, want)
	}
}
