package graph_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// datesOfEveryPrecision are facts' dates and filters' bounds: years, months and days
// inside, at the edges of and outside 2024 and April 2024.
var datesOfEveryPrecision = []string{
	"2023", "2024", "2025",
	"2023-12", "2024-01", "2024-03", "2024-04", "2024-05", "2024-12", "2025-01",
	"2023-12-31", "2024-01-01", "2024-03-31", "2024-04-01", "2024-04-18", "2024-04-19", "2024-04-30", "2024-05-01", "2024-12-31", "2025-01-01",
}

// period is the half-open interval of time a possibly partial date names.
func period(t testing.TB, d string) (time.Time, time.Time) {
	layout, next := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(d)], map[int][3]int{4: {1, 0, 0}, 7: {0, 1, 0}, 10: {0, 0, 1}}[len(d)]
	start, err := time.Parse(layout, d)
	if err != nil {
		t.Fatalf("bad test date %q", d)
	}
	return start, start.AddDate(next[0], next[1], next[2])
}

// overlapsByCalendar is what a date filter means, computed on the calendar: the period of
// d overlaps [start of from's period, end of to's period). Undated facts pass only
// unbounded filters.
func overlapsByCalendar(t testing.TB, d, from, to *string) bool {
	if d == nil {
		return from == nil && to == nil
	}
	start, end := period(t, *d)
	if from != nil {
		if fromStart, _ := period(t, *from); !end.After(fromStart) {
			return false
		}
	}
	if to != nil {
		if _, toEnd := period(t, *to); !start.Before(toEnd) {
			return false
		}
	}
	return true
}

// bounds are nil (open) and every date of datesOfEveryPrecision.
func bounds(dates []string) []*string {
	out := []*string{nil}
	for i := range dates {
		out = append(out, &dates[i])
	}
	return out
}

func show(d *string) string {
	if d == nil {
		return "open"
	}
	return *d
}

// Every precision of the fact (year, month, day, none) against every precision of from and
// of to (year, month, day, none): Overlaps agrees with the calendar.
func TestOverlapsEveryPrecision(t *testing.T) {
	facts, bs := bounds(datesOfEveryPrecision), bounds(datesOfEveryPrecision)
	for _, d := range facts {
		for _, from := range bs {
			for _, to := range bs {
				if got, want := graph.Overlaps(d, from, to), overlapsByCalendar(t, d, from, to); got != want {
					t.Errorf("fact %s, from %s, to %s: Overlaps = %v, want %v", show(d), show(from), show(to), got, want)
				}
			}
		}
	}
}

// datedFixture has, for each date d of datesOfEveryPrecision and for none: a meeting, a
// roadmap starting then, a document published then, and a memorandum of state:a signed
// then. person:p and person:q take part in every meeting.
func datedFixture() *fixtures.Fixture {
	ref := []fixtures.Source{{Reference: "test"}}
	f := &fixtures.Fixture{Format: fixtures.Format}
	node := func(id, kind string, date *string) {
		f.Nodes = append(f.Nodes, fixtures.Node{ID: id, Kind: kind, Name: id, StartDate: date, Sources: ref})
	}
	node("state:a", fixtures.KindState, nil)
	node("person:p", fixtures.KindPerson, nil)
	node("person:q", fixtures.KindPerson, nil)
	for i, d := range bounds(datesOfEveryPrecision) {
		suffix := "undated"
		if d != nil {
			suffix = *d
		}
		node("meeting:"+suffix, fixtures.KindMeeting, d)
		node("roadmap:"+suffix, fixtures.KindRoadmap, d)
		node("org:"+suffix, fixtures.KindOrganization, nil)
		f.Documents = append(f.Documents, fixtures.Document{ID: "doc:" + suffix, Title: suffix, Language: "en",
			File: suffix + ".txt", SHA256: fmt.Sprintf("%064x", i), Published: d})
		f.Edges = append(f.Edges,
			fixtures.Edge{Kind: fixtures.EdgeParticipatedIn, From: "person:p", To: "meeting:" + suffix, Sources: ref},
			fixtures.Edge{Kind: fixtures.EdgeParticipatedIn, From: "person:q", To: "meeting:" + suffix, Sources: ref},
			fixtures.Edge{Kind: fixtures.EdgeMemorandum, From: "state:a", To: "org:" + suffix, Date: d, Sources: ref})
	}
	return f
}

// Every date filter of the graph (meetings, roadmaps and documents lists, agreements,
// coParticipants, timeline) keeps exactly the facts whose dates overlap [from, to] on the
// calendar, for every precision of the fact and of either bound.
func TestDateFiltersEveryPrecision(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, datedFixture(), nil); err != nil {
		t.Fatal(err)
	}
	// A bound of each precision inside, at the edges of and outside 2024, and none.
	bs := bounds([]string{"2024", "2025", "2024-04", "2024-12", "2023-12", "2024-04-19", "2024-01-01", "2024-12-31", "2023-12-31"})
	sorted := func(xs []string) string { sort.Strings(xs); return strings.Join(xs, " ") }
	for _, from := range bs {
		for _, to := range bs {
			var want []string
			for _, d := range bounds(datesOfEveryPrecision) {
				if overlapsByCalendar(t, d, from, to) {
					want = append(want, show(d))
				}
			}
			wantDates := sorted(want)
			check := func(what string, got []string) {
				t.Helper()
				for i, id := range got {
					got[i] = strings.Replace(id[strings.IndexByte(id, ':')+1:], "undated", "open", 1)
				}
				if g := sorted(got); g != wantDates {
					t.Errorf("%s from %s to %s:\n got %s\nwant %s", what, show(from), show(to), g, wantDates)
				}
			}
			for _, label := range []string{fixtures.KindMeeting, fixtures.KindRoadmap, graph.KindDocument} {
				page, err := store.List(ctx, label, graph.Filter{From: from, To: to}, graph.Order{Field: "id"}, nil, graph.MaxPage)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, n := range page.Items {
					got = append(got, n.ID)
				}
				check(label+"s", got)
			}
			page, err := store.Memoranda(ctx, nil, from, to, nil, graph.MaxPage)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range page.Items {
				got = append(got, e.To)
			}
			check("agreements", got)
			cps, err := store.CoParticipants(ctx, "person:p", from, to, graph.MaxPage)
			if err != nil {
				t.Fatal(err)
			}
			got = nil
			for _, cp := range cps {
				for _, m := range cp.Meetings {
					got = append(got, m.ID)
				}
			}
			check("coParticipants' meetings", got)
			_, events, err := store.Timeline(ctx, "person:p", from, to)
			if err != nil {
				t.Fatal(err)
			}
			got = nil
			for _, ev := range events {
				got = append(got, ev.Other.ID)
			}
			check("timeline", got)
		}
	}
}

// Dated lists that are not connections, coParticipants' meetings and the timeline, come
// in date order, partial dates before the days they contain and undated last.
func TestDateOrderUndatedLast(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, datedFixture(), nil); err != nil {
		t.Fatal(err)
	}
	want := append(append([]string{}, datesOfEveryPrecision...), "undated")
	sort.Strings(want[:len(want)-1])
	cps, err := store.CoParticipants(ctx, "person:p", nil, nil, graph.MaxPage)
	if err != nil || len(cps) != 1 {
		t.Fatalf("coParticipants: %v %v", cps, err)
	}
	_, events, err := store.Timeline(ctx, "person:p", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var meetings, timeline []string
	for i := range cps[0].Meetings {
		meetings = append(meetings, strings.TrimPrefix(cps[0].Meetings[i].ID, "meeting:"))
		timeline = append(timeline, strings.TrimPrefix(events[i].Other.ID, "meeting:"))
	}
	if strings.Join(meetings, " ") != strings.Join(want, " ") || strings.Join(timeline, " ") != strings.Join(want, " ") {
		t.Errorf("coParticipants' meetings:\n%v\ntimeline:\n%v\nwant\n%v", meetings, timeline, want)
	}
}
