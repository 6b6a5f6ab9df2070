package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"

	"github.com/entente/entente/fixtures"
)

// One event, many reports (issue 14, point 4), at import: a new meeting that reports an
// event the graph already holds (fixtures.SameMeeting: compatible kinds, overlapping dates,
// the same place, no document in common) is written, then merged into the stored node as
// an analyst's merge is (mergeInto), by the same transaction: its id becomes a Redirect to
// the stored node, so that later fixtures that name it resolve, and a MergeRecord (by
// "import", with the documents of the report) lets splitNode undo it. Meetings of one
// fixture that report one event are merged the same way (fixtures.MeetingRedirects). Two
// stored candidates are ambiguous: the meeting stays a node of its own, and
// duplicateCandidates proposes the pairs. Every import path applies it: one transaction
// (importFixture) merges once it has written the edges; an import run (importrun.go)
// finds the merges in its node chunks (nodeChunk) and makes them in its last transaction,
// once its edges are written, so that they are all or nothing with the run.

// meetingMerge is a meeting of the fixture that an import merges into a stored or written
// meeting, with what the survivor then takes of it (set: the dates, place and subtype of a
// report dated more exactly) and the documents of its report.
type meetingMerge struct {
	from, to  string
	set       map[string]any
	documents []string
}

// meetingCandidatesCypher finds, for each new meeting, the stored meetings in its place
// (as written) that start in its seek window (the meeting_place_start index), with the
// documents that mention them and whether they were rejected.
var meetingCandidatesCypher = `
CYPHER replan=skip
UNWIND $rows AS row
MATCH (m:Meeting) USING INDEX m:Meeting(place, startDate)
WHERE m.place = row.place AND m.startDate >= row.from AND m.startDate <= row.hi AND m.id <> row.id
RETURN row.id, m.id, m.startDate, m.endDate, m.place, m.country, m.subtype, m:` + LabelRejected + `,
  [(d:Document)-[:MENTIONS]->(m) | d.id]`

// resolveMeetings finds the meetings of f that are new to the graph (neither stored nor
// redirected in resolved) and report the same event as one meeting, stored or of f, when
// there is exactly one: the merges the import makes once it has written f (mergeMeetings).
// pending maps the stored meetings that the import will merge (an import run's earlier
// chunks) to their survivors: such a meeting stands for its survivor. It takes the locks
// of their places and months first (lockMeetings).
func (t *Tx) resolveMeetings(ctx context.Context, f *fixtures.Fixture, resolved map[string]target, pending map[string]string) ([]meetingMerge, error) {
	var ids []string
	seen := map[string]bool{}
	for _, n := range f.Nodes {
		if n.Kind != fixtures.KindMeeting || seen[n.ID] || resolved[n.ID].id != n.ID || n.Place == nil {
			continue
		}
		if _, ok := fixtures.DatesOf(&n); ok {
			seen[n.ID] = true
			ids = append(ids, n.ID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := t.run(ctx, `
		CYPHER replan=skip
		UNWIND $ids AS id
		MATCH (n:Entity {id: id}) USING INDEX n:Entity(id)
		RETURN id`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		delete(seen, id) // stored already: it is what it is
	}
	if len(seen) == 0 {
		return nil, nil
	}
	fresh, index := NodesOnce(f.Nodes, seen)
	documents := map[string][]string{} // new id -> the documents of its own report
	for _, n := range fresh {
		for d := range fixtures.DocumentsOf(&n) {
			documents[n.ID] = append(documents[n.ID], d)
		}
		sort.Strings(documents[n.ID])
	}
	redirect := fixtures.MeetingRedirects(fresh) // merged id -> survivor id, within the fixture
	into := map[string]string{}                  // new id -> stored meeting id
	exact := map[string]bool{}                   // new id -> it is dated more exactly than the stored one
	rows := MeetingSurvivors(fresh, index, redirect)
	if err := t.lockMeetings(ctx, rows); err != nil {
		return nil, err
	}
	found, err := t.storedMeetings(ctx, rows, func(id string) *fixtures.Node { return &fresh[index[id]] })
	if err != nil {
		return nil, err
	}
	for id, ms := range found {
		// A meeting to be merged is its survivor, itself a match when it is the same event.
		kept, via := ms[:0], ""
		for _, m := range ms {
			if to, ok := pending[m.ID]; ok {
				via = to
				continue
			}
			kept = append(kept, m)
		}
		if len(kept) == 0 && via != "" {
			into[id] = via
		}
		found[id] = kept
	}
	ambiguous, err := t.ambiguousMeetings(ctx, found, pending)
	if err != nil {
		return nil, err
	}
	for id, ms := range found {
		if len(ms) == 1 && !ambiguous[ms[0].ID] {
			into[id] = ms[0].ID
			exact[id] = fixtures.MoreExact(&fresh[index[id]], ms[0])
		}
	}
	// Every id merged away: its final target, and what the survivor takes of it.
	var merges []meetingMerge
	for from, to := range redirect {
		if s, ok := into[to]; ok {
			to = s
		}
		merges = append(merges, meetingMerge{from: from, to: to, documents: documents[from]})
	}
	for id, s := range into {
		m := meetingMerge{from: id, to: s, documents: documents[id]}
		if exact[id] {
			m.set = datingOf(&fresh[index[id]])
		}
		merges = append(merges, m)
	}
	sort.Slice(merges, func(i, j int) bool { return merges[i].from < merges[j].from })
	return merges, nil
}

// MeetingRow is a new meeting as imports look for the stored ones it reports: id, place as written, seek window (From to Hi) and Lo.
type MeetingRow struct{ ID, Place, From, Hi, Lo string }

// MeetingRowOf is the row of a meeting that has a place and dates (fixtures.DatesOf).
func MeetingRowOf(n *fixtures.Node) MeetingRow {
	d, _ := fixtures.DatesOf(n)
	return MeetingRow{ID: n.ID, Place: *n.Place, From: d.SeekFrom(), Hi: d.Hi, Lo: d.Lo}
}

// MeetingSurvivors gives each meeting of fresh (NodesOnce) that redirect keeps the sources of those merged into it, and returns their rows.
func MeetingSurvivors(fresh []fixtures.Node, index map[string]int, redirect map[string]string) []MeetingRow {
	var rows []MeetingRow
	for i := range fresh {
		n := &fresh[i]
		if _, merged := redirect[n.ID]; merged {
			continue
		}
		// A survivor stands for the reports merged into it: their documents too.
		for from, to := range redirect {
			if to == n.ID {
				n.Sources = append(n.Sources, fresh[index[from]].Sources...)
			}
		}
		rows = append(rows, MeetingRowOf(n))
	}
	return rows
}

// meetingRowsParam is rows as the $rows of meetingCandidatesCypher.
func meetingRowsParam(rows []MeetingRow) []any {
	var out []any
	for _, r := range rows {
		out = append(out, map[string]any{"id": r.ID, "place": r.Place, "from": r.From, "hi": r.Hi, "lo": r.Lo})
	}
	return out
}

// datingOf is what a meeting dated more exactly than the one it is merged into gives it:
// its dates, place, country and subtype, those it has.
func datingOf(n *fixtures.Node) map[string]any {
	set := map[string]any{}
	setStr(set, "startDate", n.StartDate)
	setStr(set, "endDate", n.EndDate)
	setStr(set, "place", n.Place)
	setStr(set, "country", n.Country)
	if v, ok := n.Properties["subtype"].(string); ok && v != "" {
		set["subtype"] = v
	}
	return set
}

// mergeMeetings makes the merges resolveMeetings found, once the import has written the
// meetings and their edges, as the import's (mergeBy.importer): each new meeting is merged
// into its survivor, which it locks first; one held by an import run in progress is an
// errReserved, as for a curation. A merge that mergeableStatus refuses (an accepted
// report of a meeting waiting for review) is not made: the meeting stays a node of its
// own. It returns the ids merged away.
func (w *batchWriter) mergeMeetings(ctx context.Context, merges []meetingMerge) ([]string, error) {
	if len(merges) == 0 {
		return nil, nil
	}
	var done []string
	for _, m := range merges {
		recs, err := w.tx.run(ctx, `
			MATCH (n:Entity) WHERE n.id IN [$from, $to]
			WITH n ORDER BY n.id
			SET n._lock = true REMOVE n._lock
			WITH n, `+reservedBy("n")+` AS by
			RETURN count(n), [b IN collect(by) WHERE b <> coalesce($run, '')]`, map[string]any{"from": m.from, "to": m.to, "run": w.run})
		if err != nil {
			return nil, err
		}
		if n, _ := recs[0].Values[0].(int64); n != 2 {
			return nil, errRaced // the stored meeting was merged away since it was read
		}
		if busy, _ := recs[0].Values[1].([]any); len(busy) > 0 {
			return nil, errReserved // an import run in progress holds the stored meeting
		}
		err = w.tx.mergeInto(ctx, m.to, m.from, mergeBy{importer: true, documents: m.documents, set: m.set})
		var input *InputError
		if errors.As(err, &input) {
			w.tx.store.log.Debug().Str("meeting", m.from).Str("into", m.to).Err(err).Msg("import: same meeting, not merged")
			continue
		}
		if err != nil {
			return nil, err
		}
		done = append(done, m.from)
		w.changes = append(w.changes, change{Subject: m.to, Action: ActionMergeNodes,
			Detail: map[string]any{"merged": m.from, "survivor": m.to, "by": "import", "documents": m.documents}})
	}
	w.tx.store.log.Debug().Int("meetings", len(done)).Msg("import: meetings reported before, merged")
	return done, nil
}

// LabelMeetingLock marks the lock of one place and month (its key) that imports take
// before they look for the meeting a new one reports (lockMeetings).
const LabelMeetingLock = "MeetingLock"

// maxLockedMonths is the most months of a meeting's dates that lockMeetings locks: no
// single event lasts that long (fixtures.MeetingDates.SeekFrom assumes two months).
const maxLockedMonths = 24

// meetingLockCypher takes, in the order of $keys, the write lock of the MeetingLock of
// each key, created when there is none (the meeting_lock_key constraint makes the MERGE of
// two transactions create one node). Writing a property takes the lock, held until the
// transaction ends.
const meetingLockCypher = `
CYPHER replan=skip
UNWIND $keys AS key
MERGE (l:` + LabelMeetingLock + ` {key: key})
SET l.taken = true`

// lockMeetings serialises the imports that may report one event: before looking for the
// stored meeting that a new one reports (rows of meetingCandidatesCypher, with lo), a
// transaction locks each month its dates span in its place (folded, as SameMeeting
// compares places). Two meetings whose dates overlap share a day, so a month: the second
// import waits until the first commits, then finds its meeting, instead of both
// creating one.
func (t *Tx) lockMeetings(ctx context.Context, rows []MeetingRow) error {
	seen := map[string]bool{}
	var keys []string
	for _, row := range rows {
		place := fixtures.FoldPlace(row.Place)
		for _, month := range monthsOf(row.Lo, row.Hi, maxLockedMonths) {
			if key := place + "|" + month; !seen[key] {
				seen[key] = true
				keys = append(keys, key)
			}
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys) // one order for every transaction: they wait, and do not deadlock
	_, err := t.run(ctx, meetingLockCypher, map[string]any{"keys": keys})
	return err
}

// monthsOf lists the months ("2019-06") from the month of lo to that of hi (dates as
// fixtures.MeetingDates writes them), at most max of them.
func monthsOf(lo, hi string, max int) []string {
	y, m := atoi(lo[:4]), atoi(lo[5:7])
	last := hi[:min(7, len(hi))]
	var out []string
	for len(out) < max {
		month := fmt.Sprintf("%04d-%02d", y, m)
		if month > last {
			break
		}
		out = append(out, month)
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return out
}

// atoi reads the digits of s; 0 for anything else.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// storedMeetings finds, for each row (id, from, hi) of meetingCandidatesCypher, the
// stored meetings that are the same event as the node of that id (of).
func (t *Tx) storedMeetings(ctx context.Context, rows []MeetingRow, of func(id string) *fixtures.Node) (map[string][]*fixtures.Node, error) {
	recs, err := t.run(ctx, meetingCandidatesCypher, map[string]any{"rows": meetingRowsParam(rows)})
	if err != nil {
		return nil, err
	}
	found := map[string][]*fixtures.Node{}
	for _, r := range recs {
		v := r.Values
		id, _ := v[0].(string)
		m := &fixtures.Node{Kind: fixtures.KindMeeting, Properties: map[string]any{}}
		m.ID, _ = v[1].(string)
		m.StartDate, m.EndDate, m.Place, m.Country = strPtr(v[2]), strPtr(v[3]), strPtr(v[4]), strPtr(v[5])
		if s, ok := v[6].(string); ok {
			m.Properties["subtype"] = s
		}
		if rejected, _ := v[7].(bool); rejected {
			m.Status = fixtures.StatusRejected
		}
		for _, d := range strs(v[8]) {
			m.Sources = append(m.Sources, fixtures.Source{Document: d})
		}
		if fixtures.SameMeeting(of(id), m) {
			found[id] = append(found[id], m)
		}
	}
	return found, nil
}

// ambiguousMeetings says which stored meetings, the only match of a new one, have
// another stored match themselves (a month-only meeting beside two dated ones of that
// month): the new one could be either event, and is not merged. A meeting the import will
// merge into another (pending) is no other event.
func (t *Tx) ambiguousMeetings(ctx context.Context, found map[string][]*fixtures.Node, pending map[string]string) (map[string]bool, error) {
	stored := map[string]*fixtures.Node{}
	var rows []MeetingRow
	for _, ms := range found {
		if len(ms) != 1 || stored[ms[0].ID] != nil {
			continue
		}
		stored[ms[0].ID] = ms[0]
		rows = append(rows, MeetingRowOf(ms[0]))
	}
	if len(rows) == 0 {
		return nil, nil
	}
	others, err := t.storedMeetings(ctx, rows, func(id string) *fixtures.Node { return stored[id] })
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for id, ms := range others {
		for _, m := range ms {
			if _, merging := pending[m.ID]; !merging {
				out[id] = true
			}
		}
	}
	return out, nil
}

// strPtr is a stored string property, nil when absent or empty.
func strPtr(v any) *string {
	if s, ok := v.(string); ok && s != "" {
		return &s
	}
	return nil
}

// meetingsMayMatch says whether two meetings may be one for duplicateCandidates: not
// when both places are known and differ, nor when both are dated (to the month at least)
// on intervals that do not overlap.
func meetingsMayMatch(a, b *candNode) bool {
	da, okA := fixtures.DatesOf(&fixtures.Node{StartDate: a.start, EndDate: a.end})
	db, okB := fixtures.DatesOf(&fixtures.Node{StartDate: b.start, EndDate: b.end})
	if okA && okB && !da.Overlap(db) {
		return false
	}
	// Folding allocates: only places written differently are folded.
	return a.place == nil || b.place == nil || *a.place == *b.place || FoldName(*a.place) == FoldName(*b.place)
}

// NodesOnce returns the nodes whose ids are in ids, each id once (its first node) with
// the sources of all its copies, and where each id is among them: the new meetings of a
// fixture.
func NodesOnce(nodes []fixtures.Node, ids map[string]bool) ([]fixtures.Node, map[string]int) {
	var once []fixtures.Node
	index := map[string]int{}
	for _, n := range nodes {
		if !ids[n.ID] {
			continue
		}
		if i, ok := index[n.ID]; ok {
			once[i].Sources = append(once[i].Sources, n.Sources...)
			continue
		}
		index[n.ID] = len(once)
		n.Sources = append([]fixtures.Source(nil), n.Sources...)
		once = append(once, n)
	}
	return once, index
}
