package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

// withMeetings adds meetings (id: start date, "" for none) to the graph behind a.
func (a *api) withMeetings(dates map[string]string) {
	a.t.Helper()
	f := &fixtures.Fixture{Format: fixtures.Format}
	for id, d := range dates {
		n := fixtures.Node{ID: id, Kind: fixtures.KindMeeting, Name: id, Sources: []fixtures.Source{{Reference: "test"}}}
		if d != "" {
			n.StartDate = &d
		}
		f.Nodes = append(f.Nodes, n)
	}
	if _, err := a.store.Import(context.Background(), f, nil); err != nil {
		a.t.Fatal(err)
	}
}

// pageThrough follows a connection field the way a Relay client does: first page with
// first0, then pages of first after each endCursor while hasNextPage; it fails the test
// when a client would loop (hasNextPage without a cursor, or a cursor that does not move
// forward) and returns the ids seen, in order.
func (a *api) pageThrough(field, args string, first0, first int) []string {
	a.t.Helper()
	query := fmt.Sprintf(`query($first: Int, $after: String) { c: %s(first: $first, after: $after%s) {
		pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`, field, args)
	var seen []string
	var after any
	n, empty := first0, 0
	for range 100 {
		d := a.ok(query, map[string]any{"first": n, "after": after})
		got := ids(d, "c.edges", "node.id")
		seen = append(seen, got...)
		if at(d, "c.pageInfo.hasNextPage") != true {
			return seen
		}
		end := at(d, "c.pageInfo.endCursor")
		if end == nil {
			a.t.Fatalf("%s%s first %d after %v: hasNextPage without endCursor: a client loops", field, args, n, after)
		}
		if len(got) == 0 && n > 0 {
			if empty++; empty > 1 {
				a.t.Fatalf("%s%s: empty pages with hasNextPage: a client loops", field, args)
			}
		}
		after, n = end, first
	}
	a.t.Fatalf("%s%s: still paging after 100 pages: %v", field, args, seen)
	return nil
}

// orderBy DATE puts undated items last in both directions, partial dates before the
// days they contain (after them descending), ties by id; paging keeps that order.
func TestOrderByDateUndatedLast(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	a.withMeetings(map[string]string{"meeting:undated-a": "", "meeting:undated-b": "", "meeting:2024": "2024", "meeting:2024-04": "2024-04"})
	rome, tashkent := "meeting:2024-04-19:rome:g7-roma-lyon", "meeting:2022-03:tashkent:conference"
	for dir, want := range map[string][]string{
		"ASC":  {tashkent, "meeting:2024", "meeting:2024-04", rome, "meeting:undated-a", "meeting:undated-b"},
		"DESC": {rome, "meeting:2024-04", "meeting:2024", tashkent, "meeting:undated-a", "meeting:undated-b"},
	} {
		d := a.ok(`query($dir: OrderDirection) { meetings(orderBy: {field: DATE, direction: $dir}) { edges { node { id } } } }`, map[string]any{"dir": dir})
		if got := ids(d, "meetings.edges", "node.id"); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("orderBy DATE %s:\n got %v\nwant %v", dir, got, want)
		}
		for _, size := range []int{1, 2, 4} {
			if got := a.pageThrough("meetings", ", orderBy: {field: DATE, direction: "+dir+"}", size, size); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("orderBy DATE %s in pages of %d:\n got %v\nwant %v", dir, size, got, want)
			}
		}
	}
}

// Pages of any size follow the order of one whole page, for every order and with a
// full-text filter.
func TestPagingFollowsEveryOrder(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	a.withMeetings(map[string]string{"meeting:undated": "", "meeting:2024": "2024"})
	for _, args := range []string{"", ", orderBy: {field: NAME, direction: DESC}", ", orderBy: {field: ID, direction: DESC}",
		", orderBy: {field: ID}", ", orderBy: {field: DATE}", `, filter: {nameContains: "united"}`} {
		for _, field := range []string{"actors", "meetings", "documents"} {
			whole := a.pageThrough(field, args, 100, 100)
			for _, size := range []int{1, 3} {
				if got := a.pageThrough(field, args, size, size); strings.Join(got, " ") != strings.Join(whole, " ") {
					t.Errorf("%s%s in pages of %d:\n got %v\nwant %v", field, args, size, got, whole)
				}
			}
		}
	}
}

// first: 0 tells whether items follow and gives a cursor to go on from; a client that
// starts with first: 0 and goes on with endCursor sees every item once and stops.
func TestPagingFirstZero(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	d := a.ok(`{
		all: actors(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
		none: actors(first: 0, filter: {country: "FR"}) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } }
		first: actors(first: 1) { pageInfo { endCursor } }
	}`, nil)
	if at(d, "all.totalCount") != float64(13) || len(at(d, "all.edges").([]any)) != 0 || at(d, "all.pageInfo.hasNextPage") != true ||
		at(d, "all.pageInfo.endCursor") == nil {
		t.Errorf("actors(first: 0): %v, want no edges, hasNextPage and a cursor", at(d, "all"))
	}
	if at(d, "none.pageInfo.hasNextPage") != false {
		t.Errorf("actors(first: 0) of none: %v, want hasNextPage false", at(d, "none"))
	}
	// From the start, and from the cursor of the first actor.
	all := a.pageThrough("actors", "", 3, 3)
	for _, first := range []int{3, 5, 20} {
		if got := a.pageThrough("actors", "", 0, first); strings.Join(got, " ") != strings.Join(all, " ") || len(got) != 13 {
			t.Errorf("first: 0, then pages of %d: %v, want %v", first, got, all)
		}
	}
	d = a.ok(`query($after: String) { actors(first: 0, after: $after) { pageInfo { hasNextPage endCursor } } }`,
		map[string]any{"after": at(d, "first.pageInfo.endCursor")})
	d = a.ok(`query($after: String) { actors(first: 20, after: $after) { edges { node { id } } } }`,
		map[string]any{"after": at(d, "actors.pageInfo.endCursor")})
	if got := ids(d, "actors.edges", "node.id"); strings.Join(got, " ") != strings.Join(all[1:], " ") {
		t.Errorf("after first: 0 after the first actor: %v, want %v", got, all[1:])
	}
}

// first outside 0..100 is refused as such, however large the selection.
func TestPagingFirstRange(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	for _, q := range []string{
		`{ actors(first: 500) { totalCount edges { node { id name aliases sources { text start end } meetings { role meeting { id name } } } } } }`,
		`{ meetings(first: 101) { totalCount edges { node { id participants { participant { id name } } } } } }`,
		`{ agreements(first: 1000) { totalCount edges { node { date parties { id name } } } } }`,
		`{ documents(first: -1) { totalCount } }`,
	} {
		code, msg := a.code(q, nil)
		if code != "BAD_USER_INPUT" || msg != "first must be between 0 and 100" {
			t.Errorf("%s\ngave %s %q, want BAD_USER_INPUT \"first must be between 0 and 100\"", q, code, msg)
		}
	}
}

// A cursor names the list, order and filter it was made for, and is refused elsewhere.
func TestPagingCursorBelongsToItsQuery(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	d := a.ok(`{
		byName: meetings(first: 1, orderBy: {field: NAME}) { pageInfo { endCursor } }
		byDate: meetings(first: 1, orderBy: {field: DATE, direction: DESC}) { pageInfo { endCursor } }
		it: actors(first: 1, filter: {country: "IT"}) { pageInfo { endCursor } }
		agreements(first: 1) { pageInfo { endCursor } }
	}`, nil)
	c := func(name string) string { return at(d, name+".pageInfo.endCursor").(string) }
	for _, tc := range []struct{ query, after, want string }{
		{`meetings(first: 1, orderBy: {field: DATE}, after: $after)`, c("byName"), "orderBy"},
		{`meetings(first: 1, orderBy: {field: DATE, direction: ASC}, after: $after)`, c("byDate"), "orderBy"},
		{`meetings(first: 1, after: $after)`, c("byDate"), "orderBy"},
		{`actors(first: 1, filter: {country: "MA"}, after: $after)`, c("it"), "filter"},
		{`actors(first: 1, after: $after)`, c("it"), "filter"},
		{`actors(first: 1, after: $after)`, c("byName"), "meetings"},
		{`meetings(first: 1, after: $after)`, c("agreements"), "agreements"},
	} {
		code, msg := a.code(`query($after: String) { x: `+tc.query+` { totalCount } }`, map[string]any{"after": tc.after})
		if code != "BAD_USER_INPUT" || !strings.Contains(msg, tc.want) {
			t.Errorf("%s with a cursor of another query: %s %q, want BAD_USER_INPUT naming the %s", tc.query, code, msg, tc.want)
		}
	}
	// The same query goes on.
	a.ok(`query($after: String) { meetings(first: 1, orderBy: {field: DATE, direction: DESC}, after: $after) { totalCount } }`,
		map[string]any{"after": c("byDate")})
}

// Paging is by key: items inserted before the cursor while a client pages neither repeat
// items nor make it skip any, and items inserted after it are seen.
func TestPagingByKeyUnderInserts(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	const q = `query($after: String) { actors(first: 5, after: $after, orderBy: {field: NAME}) {
		pageInfo { hasNextPage endCursor } edges { node { id name } } } }`
	d := a.ok(q, nil)
	seen := ids(d, "actors.edges", "node.id")
	ctx := context.Background()
	ref := []fixtures.Source{{Reference: "test"}}
	// Before the cursor (names sort first), and after it.
	for _, n := range []fixtures.Node{
		{ID: "org:aaa", Kind: fixtures.KindOrganization, Name: "AAA", Sources: ref},
		{ID: "org:aab", Kind: fixtures.KindOrganization, Name: "AAB", Sources: ref},
		{ID: "org:zzz", Kind: fixtures.KindOrganization, Name: "ZZZ", Sources: ref},
	} {
		if _, err := a.store.UpsertNode(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	for at(d, "actors.pageInfo.hasNextPage") == true {
		d = a.ok(q, map[string]any{"after": at(d, "actors.pageInfo.endCursor")})
		seen = append(seen, ids(d, "actors.edges", "node.id")...)
	}
	count := map[string]int{}
	for _, id := range seen {
		count[id]++
	}
	if len(seen) != 14 || len(count) != 14 || count["org:zzz"] != 1 || count["org:aaa"] != 0 {
		t.Errorf("paged through %d actors (%d distinct) while inserting: %v", len(seen), len(count), seen)
	}
}
