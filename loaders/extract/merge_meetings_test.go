package extract

import (
	"testing"

	"github.com/entente/entente/fixtures"
)

// Two documents report one workshop: one by its days, one by its month and another noun.
func TestMergeOneMeetingManyReports(t *testing.T) {
	s := func(v string) *string { return &v }
	day := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{{ID: "doc:a"}},
		Nodes: []fixtures.Node{{ID: "meeting:2019-06-10:vilnius:workshop", Kind: fixtures.KindMeeting, Name: "Workshop in Vilnius",
			Aliases: []string{"the workshop"}, StartDate: s("2019-06-10"), EndDate: s("2019-06-12"), Place: s("Vilnius"), Country: s("LT"),
			Properties: map[string]any{"subtype": "workshop"}, Sources: []fixtures.Source{{Document: "doc:a", Start: 1, End: 5, Text: "work"}}}},
	}
	month := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{{ID: "doc:b"}},
		Nodes: []fixtures.Node{
			{ID: "meeting:2019-06:vilnius:meeting", Kind: fixtures.KindMeeting, Name: "Meeting in Vilnius", Aliases: []string{},
				StartDate: s("2019-06"), Place: s("Vilnius"), Country: s("LT"),
				Properties: map[string]any{"subtype": "meeting"}, Sources: []fixtures.Source{{Document: "doc:b", Start: 3, End: 9, Text: "riunio"}}},
			{ID: "org:x", Kind: fixtures.KindOrganization, Name: "X", Aliases: []string{}, Properties: map[string]any{},
				Sources: []fixtures.Source{{Document: "doc:b", Start: 0, End: 1, Text: "X"}}}},
		Edges: []fixtures.Edge{{Kind: fixtures.EdgeParticipatedIn, From: "org:x", To: "meeting:2019-06:vilnius:meeting",
			Sources: []fixtures.Source{{Document: "doc:b", Start: 0, End: 8, Text: "X riunio"}}}},
	}
	out := Merge(day, month)
	var meetings []fixtures.Node
	for _, n := range out.Nodes {
		if n.Kind == fixtures.KindMeeting {
			meetings = append(meetings, n)
		}
	}
	if len(meetings) != 1 {
		t.Fatalf("%d meetings, want 1: %+v", len(meetings), meetings)
	}
	m := meetings[0]
	if m.ID != "meeting:2019-06-10:vilnius:workshop" || *m.StartDate != "2019-06-10" || *m.EndDate != "2019-06-12" || len(m.Sources) != 2 {
		t.Errorf("meeting: %+v", m)
	}
	if !contains(m.Aliases, "Meeting in Vilnius") {
		t.Errorf("aliases %v lack the other report's name", m.Aliases)
	}
	if len(out.Edges) != 1 || out.Edges[0].To != m.ID {
		t.Errorf("edges: %+v", out.Edges)
	}
	if ps := fixtures.Validate(out); len(ps) > 0 {
		t.Errorf("invalid: %v", ps)
	}
}
