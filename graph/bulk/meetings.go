package bulk

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// Meeting merges. The incremental import merges a new meeting that reports an event
// already stored (graph/meetings.go) into it, in the transaction of its file. The CSV
// importer cannot: the plan finds the same merges as graph's resolveMeetings, against the
// meetings stored by the files before, and leaves them to the post-pass, which makes them
// with graph's own merge (graph.Store.ApplyBulkStep). So that the post-pass finds the two
// meetings as the incremental path had them, both are "tainted" from then on: the CSV
// holds them (and their edges) as they were when the merge was found, and the rows of
// later files that reach them are replayed by the post-pass, in the order of the files.

// meetingNode is a stored meeting as graph's storedMeetings reads it.
func (p *Plan) meetingNode(id string) *fixtures.Node {
	n := p.nodes[id]
	m := &fixtures.Node{ID: id, Kind: fixtures.KindMeeting, Properties: map[string]any{}}
	str := func(i int) *string {
		if v, ok := n.prop(i); ok && v != "" {
			return &v
		}
		return nil
	}
	m.StartDate, m.EndDate, m.Place, m.Country = str(pStartDate), str(pEndDate), str(pPlace), str(pCountry)
	if v, ok := n.prop(pSubtype); ok {
		m.Properties["subtype"] = v
	}
	if n.status == stRejected {
		m.Status = fixtures.StatusRejected
	}
	for _, mt := range n.mentions {
		m.Sources = append(m.Sources, fixtures.Source{Document: mt.doc})
	}
	return m
}

// storedMeetings is graph's storedMeetings: for each row, the stored meetings in its place
// (as written) that start in its seek window and are the same event as of(row id).
func (p *Plan) storedMeetings(rows []graph.MeetingRow, of func(id string) *fixtures.Node) map[string][]*fixtures.Node {
	found := map[string][]*fixtures.Node{}
	for _, row := range rows {
		seen := map[string]bool{}
		for _, id := range p.meetingsAt(row.Place, row.From, row.Hi) {
			n := p.nodes[id]
			if seen[id] || id == row.ID || n.gone || n.kind != fixtures.KindMeeting {
				continue
			}
			seen[id] = true
			place, _ := n.prop(pPlace)
			start, ok := n.prop(pStartDate)
			if place != row.Place || !ok || start < row.From || start > row.Hi {
				continue
			}
			if m := p.meetingNode(id); fixtures.SameMeeting(of(row.ID), m) {
				found[row.ID] = append(found[row.ID], m)
			}
		}
	}
	return found
}

// indexMeeting files a meeting under its place and the year of its start date (both as
// stored), for storedMeetings. An entry that no longer holds is skipped when read.
func (p *Plan) indexMeeting(id string, n *node) {
	place, ok := n.prop(pPlace)
	start, ok2 := n.prop(pStartDate)
	if !ok || !ok2 {
		return
	}
	key := place + "\x00" + start[:min(4, len(start))]
	if l := p.places[key]; len(l) == 0 || l[len(l)-1] != id {
		p.places[key] = append(l, id)
	}
}

// meetingsAt lists the meetings filed under place for the years from from to hi (dates as
// meetingCandidatesCypher compares them), possibly with some that no longer hold.
func (p *Plan) meetingsAt(place, from, hi string) []string {
	y0, err0 := strconv.Atoi(from[:min(4, len(from))])
	y1, err1 := strconv.Atoi(hi[:min(4, len(hi))])
	if err0 != nil || err1 != nil || y1 < y0 || y1-y0 > 100 {
		var all []string
		for key, ids := range p.places {
			if strings.HasPrefix(key, place+"\x00") {
				all = append(all, ids...)
			}
		}
		return all
	}
	var out []string
	for y := y0; y <= y1; y++ {
		out = append(out, p.places[place+"\x00"+fmt.Sprintf("%04d", y)]...)
	}
	return out
}

// resolveMeetings is graph's resolveMeetings for a fixture imported in one transaction
// after the files added before: the merges the import makes once it has written f.
func (p *Plan) resolveMeetings(f *fixtures.Fixture, resolved map[string]target) []graph.BulkMerge {
	seen := map[string]bool{}
	for _, n := range f.Nodes {
		if n.Kind != fixtures.KindMeeting || seen[n.ID] || resolved[n.ID].id != n.ID || n.Place == nil {
			continue
		}
		if _, ok := fixtures.DatesOf(&n); !ok {
			continue
		}
		if s := p.nodes[n.ID]; (s != nil && !s.gone) || p.docs[n.ID] != nil {
			continue // stored already: it is what it is
		}
		seen[n.ID] = true
	}
	if len(seen) == 0 {
		return nil
	}
	fresh, index := graph.NodesOnce(f.Nodes, seen)
	documents := map[string][]string{}
	for _, n := range fresh {
		for d := range fixtures.DocumentsOf(&n) {
			documents[n.ID] = append(documents[n.ID], d)
		}
		sort.Strings(documents[n.ID])
	}
	redirect := fixtures.MeetingRedirects(fresh)
	into := map[string]string{}
	exact := map[string]bool{}
	rows := graph.MeetingSurvivors(fresh, index, redirect)
	found := p.storedMeetings(rows, func(id string) *fixtures.Node { return &fresh[index[id]] })
	// ambiguousMeetings: a stored match that has another stored match is not merged into.
	stored := map[string]*fixtures.Node{}
	var again []graph.MeetingRow
	for _, ms := range found {
		if len(ms) != 1 || stored[ms[0].ID] != nil {
			continue
		}
		stored[ms[0].ID] = ms[0]
		again = append(again, graph.MeetingRowOf(ms[0]))
	}
	ambiguous := map[string]bool{}
	for id, ms := range p.storedMeetings(again, func(id string) *fixtures.Node { return stored[id] }) {
		if len(ms) > 0 {
			ambiguous[id] = true
		}
	}
	for id, ms := range found {
		if len(ms) == 1 && !ambiguous[ms[0].ID] {
			into[id] = ms[0].ID
			exact[id] = fixtures.MoreExact(&fresh[index[id]], ms[0])
		}
	}
	var merges []graph.BulkMerge
	for from, to := range redirect {
		if s, ok := into[to]; ok {
			to = s
		}
		merges = append(merges, graph.BulkMerge{From: from, To: to, Documents: documents[from]})
	}
	for id, s := range into {
		m := graph.BulkMerge{From: id, To: s, Documents: documents[id]}
		if exact[id] {
			m.Set = datingOf(&fresh[index[id]])
		}
		merges = append(merges, m)
	}
	sort.Slice(merges, func(i, j int) bool { return merges[i].From < merges[j].From })
	return merges
}

// datingOf is graph's datingOf: what a meeting dated more exactly gives its survivor.
func datingOf(n *fixtures.Node) map[string]any {
	set := map[string]any{}
	for key, v := range map[string]*string{"startDate": n.StartDate, "endDate": n.EndDate, "place": n.Place, "country": n.Country} {
		if v != nil {
			set[key] = *v
		}
	}
	if v, ok := n.Properties["subtype"].(string); ok && v != "" {
		set["subtype"] = v
	}
	return set
}

// mergeMeeting applies to the plan's state what graph's mergeInto does to the two
// meetings, so that later files find the survivor as the incremental path leaves it, and
// taints both. It returns whether the merge is made: graph's mergeableStatus refuses to
// merge an accepted meeting into one that is not.
// keys are the edge keys of the file that found the merge: a meeting merged away is new
// in that file, so all its edges are among them.
func (p *Plan) mergeMeeting(m graph.BulkMerge, keys []string) bool {
	from, to := p.nodes[m.From], p.nodes[m.To]
	for _, n := range []*node{from, to} {
		if !n.tainted {
			n.frozen, n.tainted = n.clone(), true
		}
	}
	if from.status == stAccepted && to.status != stAccepted {
		return false
	}
	// Its edges move to the survivor (graph's edgeMergeCypher, in the order of the kinds).
	var moved []*edge
	for _, key := range keys {
		if e := p.edges[key]; !e.gone && (e.from == m.From || e.to == m.From) {
			moved = append(moved, e)
		}
	}
	sort.Slice(moved, func(i, j int) bool {
		ki, kj := kindIndex(moved[i].kind), kindIndex(moved[j].kind)
		if ki != kj {
			return ki < kj
		}
		return moved[i].key < moved[j].key
	})
	for _, e := range moved {
		e.freeze()
		e.gone = true
		ne := e.clone()
		ne.frozen, ne.gone = nil, false
		if ne.from == m.From {
			ne.from = m.To
		}
		if ne.to == m.From {
			ne.to = m.To
		}
		if ne.from == ne.to {
			continue
		}
		ne.key = fixtures.Edge{Kind: ne.kind, From: ne.from, To: ne.to, Date: e.date()}.Key()
		var fs FileStats
		p.mergeEdge(ne, true, &fs)
	}
	// mergeLists: names, reference sources, confidence and the spans of its MENTIONS.
	to.aliases = union(to.aliases, append([]string{from.name}, from.aliases...), to.name)
	if len(from.refs) > 0 {
		to.refs = union(to.refs, from.refs, "")
	}
	to.confidence = max(to.confidence, from.confidence)
	for _, mt := range from.mentions {
		s := to.mentionOf(mt.doc)
		s.spans = union(s.spans, mt.spans, "")
	}
	for key, v := range m.Set {
		i := propIndex(key)
		to.setProp(i, v.(string))
	}
	p.indexMeeting(m.To, to)
	from.gone = true
	p.redirect[m.From] = m.To
	return true
}

func (e *edge) date() *string {
	if e.props.set&(1<<eDate) == 0 {
		return nil
	}
	d := e.props.v[eDate]
	return &d
}

func kindIndex(kind string) int {
	for i, k := range fixtures.EdgeKinds {
		if k == kind {
			return i
		}
	}
	return len(fixtures.EdgeKinds)
}

func propIndex(key string) int {
	for i, k := range nodePropNames {
		if k == key {
			return i
		}
	}
	panic("bulk: no node property " + key)
}

func trim(s string) string { return strings.TrimSpace(s) }
