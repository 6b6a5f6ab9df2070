package extract

import (
	"sort"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// recogniseRoadmaps finds roadmaps, action plans and declarations the gazetteer does
// not list. Their ids are given sentence by sentence (parties and dates) in events.
func (r *run) recogniseRoadmaps() {
	toks := r.d.Tokens
	for i := 0; i < len(toks); i++ {
		if r.at[i] != 0 {
			continue
		}
		for _, h := range roadmapHeads {
			if !hasPrefixTokens(r.d, i, h.words) {
				continue
			}
			end := i + len(h.words)
			m := &mention{first: i, last: end, kind: fixtures.KindRoadmap, subtype: h.subtype}
			if h.subtype == "coref" {
				m.first = i + 1 // "il piano": the roadmap named before, if any
				m.name = r.d.TokenText(toks[i+1])
			} else if h.subtype == "declaration" {
				name := r.declarationName(i, end)
				if name == "" {
					break
				}
				m.id, m.name = "roadmap:"+slug(name)+"-declaration", strings.TrimSpace(name)+" Declaration"
				if i+1 < len(toks) && (r.fold(i+1) == "di" || r.fold(i+1) == "de" || r.fold(i+1) == "of") {
					m.last = i + 3
				} else {
					m.first = i - 1
				}
			} else {
				if toks[i].Upper && i > 0 && toks[i-1].Sentence == toks[i].Sentence && r.fold(i-1) != `"` {
					m.last = r.nameEnd(end)
				}
				m.name = r.textOf(m.first, m.last)
			}
			if r.replace(m) != nil {
				i = m.last - 1
			}
			break
		}
	}
}

// declarationName returns X in "Dichiarazione di X", "Declaration of X" or "X Declaration".
func (r *run) declarationName(i, end int) string {
	toks := r.d.Tokens
	if end+1 < len(toks) && (r.fold(end) == "di" || r.fold(end) == "de" || r.fold(end) == "of") && toks[end+1].Upper {
		if p := r.mentionAt(end + 1); p != nil && p.kind == "place" {
			p.kind = "" // the place names the declaration
			r.at[end+1] = 0
			return p.name
		}
		if r.at[end+1] == 0 {
			return r.d.TokenText(toks[end+1])
		}
	}
	if i > 0 && toks[i-1].Upper && toks[i].Upper && !notPersonWords[r.fold(i-1)] && !connectors[r.fold(i-1)] {
		if p := r.mentionAt(i - 1); p != nil && p.kind == "place" {
			p.kind = ""
			r.at[i-1] = 0
			return p.name
		}
		if r.at[i-1] == 0 {
			return r.d.TokenText(toks[i-1])
		}
	}
	return ""
}

// nameEnd extends a roadmap name over the words that follow its head, up to
// punctuation, a date, a known name or a verb.
func (r *run) nameEnd(end int) int {
	toks := r.d.Tokens
	last := end
	for j := end; j < len(toks) && j-end < 16 && toks[j].Sentence == toks[end-1].Sentence; j++ {
		f := r.fold(j)
		if r.at[j] != 0 || toks[j].Kind != text.Word || nameStops[f] || meetingHeads[f] != "" {
			break
		}
		if !connectors[f] {
			last = j + 1
		}
	}
	return last
}

// meeting is a meeting being read; its id is set once all its mentions are known.
type meeting struct {
	subtype, from, to, place, placeName, country, partial string
	spans                                                 []text.Span
	links                                                 []link
}

// link is an edge to or from a meeting whose id is not known yet.
type link struct {
	kind, other, role string
	span              text.Span
	outgoing          bool           // meeting -> other (HELD_UNDER); else other -> meeting
	props             map[string]any // FUNDED: amount and currency
}

// id is meeting:<start>:<place>:<subtype>; a meeting without a date could be any
// meeting of its kind there, so its id ends with the document's name instead.
func (mt *meeting) id(doc string) string {
	parts := []string{"meeting"}
	for _, p := range []string{mt.from, mt.place, mt.subtype} {
		if p != "" {
			parts = append(parts, strings.ReplaceAll(p, " ", "-"))
		}
	}
	if mt.from == "" {
		parts = append(parts, strings.TrimPrefix(doc, "doc:"))
	}
	return strings.Join(parts, ":")
}

func subtypeClass(s string) string {
	switch s {
	case "meeting", "conference", "workshop", "summit":
		return "meeting"
	}
	return s
}

// signing is the date and place of the last memorandum signed in the document.
type signing struct{ date, place, placeName, country string }

// cue is a cue phrase found in a sentence.
type cue struct {
	kind        cueKind
	first, last int
}

// sentenceState is what one sentence is about.
type sentenceState struct {
	first, last int
	span        text.Span
	cues        []cue
	meeting     *meeting
	meetingAt   int // token of the meeting's mention in the sentence, -1 when implicit
	date        *dateMention
	place       *mention
	onBehalf    *mention
	roled       map[*mention]bool
}

// events reads the document sentence by sentence.
func (r *run) events() {
	var meetings []*meeting
	var current *meeting
	var lastRoadmap *mention
	var lastThing *mention // the project or roadmap most recently named
	for s := range r.d.Sentences {
		first, last := r.sentenceTokens(s)
		if first >= last {
			continue
		}
		st := &sentenceState{first: first, last: last, span: r.d.Sentences[s], meetingAt: -1, roled: map[*mention]bool{}}
		st.cues = r.findCues(first, last)
		st.date = r.sentenceDate(st.span)
		for i := first; i < last; i++ {
			if m := r.mentionAt(i); m != nil && m.kind == "place" && st.place == nil {
				st.place = m
			}
		}
		// The meeting the sentence is about.
		if mt, at, created := r.sentenceMeeting(st, current, s); mt != nil {
			st.meeting, st.meetingAt = mt, at
			if created {
				meetings = append(meetings, mt)
			}
			current = mt
		} else if current != nil && (st.has(cueSpeaker) || st.has(cueChair) || st.has(cueParticipant)) {
			st.meeting = current // "La séance d'ouverture, inaugurée par ..."
		}
		r.hosts(st)
		if st.date != nil && st.place != nil {
			if f, _, ok := st.date.resolve(r.published); ok {
				r.lastScene = &signing{f, st.place.id, st.place.name, st.place.country}
			}
		}
		// Things named in the sentence.
		var things []*mention
		for i := first; i < last; i++ {
			m := r.mentionAt(i)
			if m == nil || m.first != i {
				continue
			}
			if m.kind == fixtures.KindProject || m.kind == fixtures.KindRoadmap {
				things = append(things, m)
			}
		}
		for _, t := range things {
			if t.owner != nil && t.owner.kind != "" && t.owner.id != "" {
				r.g.edge(fixtures.EdgeImplements, t.owner.id, t.id, st.span, "owner")
				t.owner.inTitle = true // named with the project, not an actor of the sentence
			}
		}
		r.resolveRoadmaps(st, things, &lastRoadmap)
		r.applyCues(st, things, lastThing)
		r.memorandum(st)
		r.sentencePersons(st)
		if len(things) > 0 {
			lastThing = things[len(things)-1]
		}
	}
	for _, mt := range meetings {
		r.emitMeeting(mt)
	}
}

func (r *run) findCues(first, last int) []cue {
	var out []cue
	for i := first; i < last; i++ {
		if r.at[i] != 0 {
			continue
		}
		for _, c := range r.x.cues[r.fold(i)] {
			if i+len(c.words) <= last && hasCue(r.d, i, c.words) {
				out = append(out, cue{c.kind, i, i + len(c.words)})
				i += len(c.words) - 1
				break
			}
		}
	}
	return out
}

// datesIn returns the dates that start in a span (r.dates is sorted).
func (r *run) datesIn(sp text.Span) []dateMention {
	i := sort.Search(len(r.dates), func(k int) bool { return r.dates[k].start >= sp.Start })
	j := sort.Search(len(r.dates), func(k int) bool { return r.dates[k].start >= sp.End })
	return r.dates[i:j]
}

// sentenceDate is the first full date of the sentence (day or month, else year), or a
// date without its year, or a relative date once the publication date is known.
func (r *run) sentenceDate(sp text.Span) *dateMention {
	var best *dateMention
	ds := r.datesIn(sp)
	for k := range ds {
		dm := &ds[k]
		if dm.end > sp.End || dm.start == r.dateline {
			continue
		}
		if dm.isRelative && r.published == "" {
			continue
		}
		if best == nil || (best.prec < dm.prec && !dm.isRelative && best.from != "") || (best.from == "" && !best.isRelative && dm.from != "") {
			best = dm
		}
	}
	return best
}

// sentenceMeeting finds the meeting a sentence talks about: a new one when a meeting
// noun comes with a date or a place that differ from the current meeting's, else the
// current one when a meeting noun or "the event" refers back to it.
func (r *run) sentenceMeeting(st *sentenceState, current *meeting, s int) (*meeting, int, bool) {
	head, sub, coref := -1, "", -1
	for i := st.first; i < st.last; i++ {
		if r.at[i] != 0 {
			continue
		}
		f := r.fold(i)
		if t, ok := meetingHeads[f]; ok && head < 0 {
			if t == "signing ceremony" && !(i+1 < st.last && (r.fold(i+1) == "di" || r.fold(i+1) == "de" || r.fold(i+1) == "of")) && f != "ceremony" {
				continue
			}
			if f == "course" && r.d.Lang != "en" {
				continue
			}
			head, sub = i, t
		}
		if meetingCoref[f] && coref < 0 {
			coref = i
		}
	}
	if head < 0 && coref < 0 {
		return nil, -1, false
	}
	from, to, partial := "", "", ""
	if st.date != nil {
		if f, t, ok := st.date.resolve(r.published); ok && st.date.prec != precYear {
			from, to = f, t
		} else if st.date.partial != "" {
			partial = st.date.partial
		}
	}
	place, placeName, country := "", "", ""
	if st.place != nil {
		place, placeName, country = st.place.id, st.place.name, st.place.country
	}
	if head < 0 {
		if current != nil {
			current.fill(from, to, place, placeName, country, partial)
			current.spans = append(current.spans, r.tokSpan(coref, coref+1))
		}
		return current, coref, false
	}
	span := r.tokSpan(head, head+1)
	if current != nil && subtypeClass(current.subtype) == subtypeClass(sub) &&
		(from == "" || current.from == "" || from == current.from) && (place == "" || current.place == "" || place == current.place) {
		current.fill(from, to, place, placeName, country, partial)
		current.spans = append(current.spans, span)
		return current, head, false
	}
	if sub == "signing ceremony" && from == "" && place == "" {
		// "Alla cerimonia di firma": the signing, or the launch, reported before.
		if sc := r.signing; sc != nil || r.lastScene != nil {
			if sc == nil {
				sc = r.lastScene
			}
			from, place, placeName, country = sc.date, sc.place, sc.placeName, sc.country
		}
	}
	hasDate := from != "" && len(from) >= 7
	if !hasDate && place == "" && s != 0 {
		return nil, -1, false
	}
	mt := &meeting{subtype: sub, spans: []text.Span{span}}
	mt.fill(from, to, place, placeName, country, partial)
	return mt, head, true
}

func (mt *meeting) fill(from, to, place, placeName, country, partial string) {
	if mt.from == "" && from != "" {
		mt.from, mt.to = from, to
	}
	if mt.place == "" && place != "" {
		mt.place, mt.placeName, mt.country = place, placeName, country
	}
	if mt.partial == "" && partial != "" {
		mt.partial = partial
	}
}

// emitMeeting adds a meeting's node, mentions and links.
func (r *run) emitMeeting(mt *meeting) {
	id := mt.id(r.g.doc)
	n := r.g.node(id, fixtures.KindMeeting, meetingName(mt))
	for _, s := range mt.spans {
		r.g.mention(n, s)
	}
	n.StartDate, n.EndDate, n.Place, n.Country = strp(mt.from), strp(mt.to), strp(mt.placeName), strp(mt.country)
	n.Properties["subtype"] = mt.subtype
	if mt.partial != "" {
		n.Properties["dateAsWritten"] = mt.partial
	}
	for _, l := range mt.links {
		from, to := l.other, id
		if l.outgoing {
			from, to = id, l.other
		}
		if e := r.g.edge(l.kind, from, to, l.span, l.role); e != nil {
			for k, v := range l.props {
				e.Properties[k] = v
			}
		}
	}
}

func meetingName(mt *meeting) string {
	name := strings.ToUpper(mt.subtype[:1]) + mt.subtype[1:]
	if mt.placeName != "" {
		name += " in " + mt.placeName
	}
	if mt.from != "" {
		name += ", " + mt.from
		if mt.to != "" {
			name += " to " + mt.to
		}
	}
	return name
}

// hosts reads "à l'École supérieure de police", "presso la sede di": a body named as
// the venue of the sentence's meeting hosts it.
func (r *run) hosts(st *sentenceState) {
	if st.meeting == nil || st.meetingAt < 0 {
		return
	}
	for i := st.first + 1; i < st.last; i++ {
		m := r.mentionAt(i)
		if m == nil || m.first != i || m.kind != fixtures.KindAgency || !m.isActor() {
			continue
		}
		k := i - 1
		if k > st.first && (r.fold(k) == "l" || r.fold(k) == "la" || r.fold(k) == "le" || r.fold(k) == "the") {
			k--
		}
		if venuePrepositions[r.fold(k)] {
			st.roled[m] = true
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeParticipatedIn, other: m.id, role: "host", span: st.span})
		}
	}
}

var venuePrepositions = set("a at presso chez")

// actorsIn returns the actors whose mention starts in [first, last).
func (r *run) actorsIn(first, last int) []*mention {
	var out []*mention
	for i := first; i < last; i++ {
		if m := r.mentionAt(i); m != nil && m.first == i && m.isActor() {
			out = append(out, m)
		}
	}
	return out
}

func (r *run) personsIn(first, last int) []*mention {
	var out []*mention
	for i := first; i < last; i++ {
		if m := r.mentionAt(i); m != nil && m.first == i && m.kind == fixtures.KindPerson {
			out = append(out, m)
		}
	}
	return out
}

// segment is where a cue's list runs: to the next cue that starts a list of its own,
// or the end of the sentence.
func (st *sentenceState) segment(k int) (int, int) {
	end := st.last
	for _, c := range st.cues[k+1:] {
		if startsList[c.kind] {
			end = c.first
			break
		}
	}
	return st.cues[k].last, end
}

// startsList tells the cues followed by a list of actors from those that sit inside one
// ("per il ministero dell'Interno", "tra", "firmato").
var startsList = map[cueKind]bool{cueOrganiser: true, cueParticipant: true, cueSpeaker: true, cueChair: true,
	cueCollaboration: true, cueImplementer: true, cueFunder: true, cueFramework: true, cueOrganiserBefore: true,
	cueImplementsBefore: true, cueFundsBefore: true, cueLaunched: true}

// target returns what a cue at token i is about: the nearest meeting, project or
// roadmap named before it in the sentence, else after it, else the sentence's meeting,
// else the project or roadmap named last.
func (r *run) target(st *sentenceState, things []*mention, i int, lastThing *mention) (meetingTarget bool, thing *mention) {
	var before *mention
	for _, t := range things {
		if t.first < i {
			before = t
		}
	}
	if st.meeting != nil && st.meetingAt >= 0 && st.meetingAt < i && (before == nil || before.first < st.meetingAt) {
		return true, nil
	}
	if before != nil {
		return false, before
	}
	if st.meeting != nil {
		return true, nil
	}
	for _, t := range things {
		return false, t
	}
	return false, lastThing
}

// applyCues turns the cues of a sentence into edges.
func (r *run) applyCues(st *sentenceState, things []*mention, lastThing *mention) {
	for k, c := range st.cues {
		from, to := st.segment(k)
		actors := r.actorsIn(from, to)
		persons := r.personsIn(from, to)
		isMeeting, thing := r.target(st, things, c.first, lastThing)
		switch c.kind {
		case cueOrganiser:
			r.roleAll(st, isMeeting, thing, actors, "organiser")
		case cueOrganiserBefore:
			// "On 5 March, the EU and the AU held a dialogue": the subject's actors, after
			// the last comma before the verb.
			if isMeeting {
				r.roleAll(st, true, nil, r.actorsIn(r.clauseStart(st, c.first), c.first), "organiser")
			}
		case cueParticipant:
			if len(actors)+len(persons) == 0 {
				actors, persons = r.actorsIn(st.first, c.first), r.personsIn(st.first, c.first)
			}
			if st.meeting != nil {
				r.roleAll(st, true, nil, actors, "participant")
				r.roleAll(st, true, nil, persons, "participant")
			}
		case cueSpeaker, cueChair:
			role := "speaker"
			if c.kind == cueChair {
				role = "chair"
			}
			if st.meeting != nil {
				r.roleAll(st, true, nil, persons, role)
				if len(persons) == 0 {
					r.roleAll(st, true, nil, actors, role)
				}
			}
		case cueCollaboration:
			if isMeeting {
				r.roleAll(st, true, nil, actors, "organiser")
			} else {
				r.implements(st, thing, actors, "partner")
			}
		case cueImplementer:
			if isMeeting {
				r.roleAll(st, true, nil, actors, "organiser")
			} else {
				r.implements(st, thing, actors, "implementer")
			}
		case cueImplementsBefore:
			if before := r.actorsIn(max(st.first, c.first-4), c.first); len(before) > 0 && !isMeeting {
				r.implements(st, thing, before, "implementer")
				r.implements(st, thing, actors, "partner")
			}
		case cueLaunched:
			if after := r.firstThing(things, c.last); after != nil {
				r.implements(st, after, r.actorsIn(st.first, c.first), "implementer")
			}
		case cueFunder:
			r.funded(st, isMeeting, thing, actors)
		case cueFundsBefore:
			after := r.firstThing(things, c.last)
			if before := r.actorsIn(st.first, c.first); len(before) > 0 && after != nil {
				r.funded(st, false, after, before)
			}
		case cueFramework:
			r.framework(st, things, c, from, to, isMeeting, thing)
		case cueOnBehalf:
			if m := r.mentionAt(c.last); m != nil && m.first == c.last && (m.kind == fixtures.KindAgency || m.kind == fixtures.KindState) &&
				m.last < st.last && r.fold(m.last) == "," {
				st.onBehalf = m
				m.inTitle = true
			}
		}
	}
}

// clauseStart is the first token after the last comma, semicolon or colon before i.
func (r *run) clauseStart(st *sentenceState, i int) int {
	for k := i - 1; k > st.first; k-- {
		if f := r.fold(k); f == "," || f == ";" || f == ":" {
			return k + 1
		}
	}
	return st.first
}

func (r *run) firstThing(things []*mention, i int) *mention {
	for _, t := range things {
		if t.first >= i {
			return t
		}
	}
	return nil
}

// roleAll records PARTICIPATED_IN for each mention, or IMPLEMENTS when the cue is
// about a project or roadmap.
func (r *run) roleAll(st *sentenceState, isMeeting bool, thing *mention, ms []*mention, role string) {
	if !isMeeting {
		r.implements(st, thing, ms, "partner")
		return
	}
	if st.meeting == nil {
		return
	}
	for _, m := range ms {
		if st.roled[m] {
			continue
		}
		st.roled[m] = true
		st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeParticipatedIn, other: m.id, role: role, span: st.span})
	}
}

func (r *run) implements(st *sentenceState, thing *mention, ms []*mention, role string) {
	if thing == nil || thing.id == "" {
		return
	}
	for _, m := range ms {
		if m.kind != fixtures.KindPerson {
			r.g.edge(fixtures.EdgeImplements, m.id, thing.id, st.span, role)
		}
	}
}

// funded records FUNDED edges; with a single funder, the amount written in the
// sentence ("1,5 milioni di euro") goes with it.
func (r *run) funded(st *sentenceState, isMeeting bool, thing *mention, ms []*mention) {
	props := map[string]any{}
	if len(ms) == 1 {
		if amount, currency, ok := money(r.d.Fold, r.d.Runes, st.span.Start, st.span.End); ok {
			props["amount"], props["currency"] = amount, currency
		}
	}
	for _, m := range ms {
		switch {
		case isMeeting && st.meeting != nil:
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeFunded, other: m.id, span: st.span, props: props})
		case thing != nil && thing.id != "":
			if e := r.g.edge(fixtures.EdgeFunded, m.id, thing.id, st.span, ""); e != nil {
				for k, v := range props {
					e.Properties[k] = v
				}
			}
		}
	}
}

// framework links a meeting (HELD_UNDER) or a project (PART_OF) to the framework
// named after "nell'ambito del", "under the", "dans le cadre de".
func (r *run) framework(st *sentenceState, things []*mention, c cue, from, to int, isMeeting bool, thing *mention) {
	var fw, body *mention
	for i := from; i < to && fw == nil; i++ {
		if m := r.mentionAt(i); m != nil && m.id != "" {
			switch m.kind {
			case fixtures.KindProject, fixtures.KindRoadmap:
				fw = m
			case fixtures.KindOrganization, fixtures.KindUNBody:
				if body == nil {
					body = m
				}
			}
		}
	}
	if fw == nil {
		fw = body // "nell'ambito del Gruppo Roma/Lione"
	}
	if fw == nil {
		return
	}
	if thing == fw || thing == nil || thing.first < c.first && isMeeting {
		thing = nil
		for _, t := range things {
			if t != fw && t.first > fw.last && t.kind == fixtures.KindProject {
				thing = t
				break
			}
		}
	}
	switch {
	case thing != nil && !isMeeting && thing.kind == fixtures.KindProject && fw.kind == fixtures.KindProject:
		r.g.edge(fixtures.EdgePartOf, thing.id, fw.id, st.span, "")
	case thing != nil && thing.first > c.first && thing.kind == fixtures.KindProject && fw.kind == fixtures.KindProject:
		r.g.edge(fixtures.EdgePartOf, thing.id, fw.id, st.span, "")
	case st.meeting != nil:
		st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeHeldUnder, other: fw.id, span: st.span, outgoing: true})
	}
}

// sentencePersons gives the persons of a sentence their affiliations and, in a
// sentence about a meeting, their participation.
func (r *run) sentencePersons(st *sentenceState) {
	// "la riunione del Gruppo G7 Roma/Lione": the body a meeting noun belongs to.
	if st.meeting != nil && st.meetingAt >= 0 {
		j := st.meetingAt + 1
		for j < st.last && connectors[r.fold(j)] && j-st.meetingAt < 3 {
			j++
		}
		if m := r.mentionAt(j); j > st.meetingAt+1 && m != nil && m.first == j && (m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody) {
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeHeldUnder, other: m.id, span: st.span, outgoing: true})
		}
	}
	for _, p := range r.personsIn(st.first, st.last) {
		for _, a := range p.affiliation {
			if am := r.ments[a]; am.kind != "" && am.id != "" {
				r.g.edge(fixtures.EdgeAffiliatedWith, p.id, am.id, st.span, "").Properties["title"] = p.title
			}
		}
		if st.onBehalf != nil && st.onBehalf.first < p.first && st.onBehalf.id != "" {
			r.g.edge(fixtures.EdgeAffiliatedWith, p.id, st.onBehalf.id, st.span, "")
		}
		if st.meeting != nil && !st.roled[p] && (st.meetingAt >= 0 || len(st.cues) > 0) {
			st.roled[p] = true
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeParticipatedIn, other: p.id, role: "participant", span: st.span})
		}
	}
}

// parties are the actors a memorandum or roadmap is between: those after "tra",
// "between", "entre", else the actors of the sentence and the bodies of its persons.
func (r *run) parties(st *sentenceState) []*mention {
	for k, c := range st.cues {
		if c.kind == cueBetween {
			from, to := st.segment(k)
			if a := r.actorsIn(from, to); len(a) >= 2 {
				return a[:2]
			}
		}
	}
	var out []*mention
	seen := map[string]bool{}
	for i := st.first; i < st.last; i++ {
		m := r.mentionAt(i)
		if m == nil || m.first != i {
			continue
		}
		cands := []*mention{}
		if m.isActor() {
			cands = append(cands, m)
		}
		if m.kind == fixtures.KindPerson {
			for _, a := range m.affiliation {
				cands = append(cands, r.ments[a])
			}
		}
		for _, c := range cands {
			if c.id != "" && !seen[c.id] && c.kind != "" {
				seen[c.id] = true
				out = append(out, c)
			}
		}
	}
	return out
}

func (st *sentenceState) has(kind cueKind) bool {
	for _, c := range st.cues {
		if c.kind == kind {
			return true
		}
	}
	return false
}

// memorandum records a MEMORANDUM between the first two parties of a sentence that
// says a memorandum or agreement was signed.
func (r *run) memorandum(st *sentenceState) {
	if !st.has(cueSigned) {
		return
	}
	head := -1
	for i := st.first; i < st.last && head < 0; i++ {
		for _, h := range memorandumHeads {
			if hasPrefixTokens(r.d, i, h) {
				head = i
				break
			}
		}
	}
	if head < 0 {
		return
	}
	ps := r.parties(st)
	if len(ps) < 2 {
		return
	}
	e := r.g.edge(fixtures.EdgeMemorandum, ps[0].id, ps[1].id, st.span, "")
	if e == nil {
		return
	}
	if st.date != nil {
		if f, _, ok := st.date.resolve(r.published); ok && e.Date == nil {
			e.Date = strp(f)
		}
	}
	if _, ok := e.Properties["title"]; !ok {
		e.Properties["title"] = r.textOf(head, min(head+3, st.last))
		if st.place != nil {
			e.Properties["place"] = st.place.name
		}
	}
	r.signing = &signing{}
	if e.Date != nil {
		r.signing.date = *e.Date
	}
	if st.place != nil {
		r.signing.place, r.signing.placeName, r.signing.country = st.place.id, st.place.name, st.place.country
	}
}

// resolveRoadmaps gives the roadmaps of a sentence their ids, dates and parties.
func (r *run) resolveRoadmaps(st *sentenceState, things []*mention, lastRoadmap **mention) {
	adopted := st.has(cueAdopted) || st.has(cueSigned)
	verb := st.last
	for _, c := range st.cues {
		if (c.kind == cueAdopted || c.kind == cueSigned) && c.first < verb {
			verb = c.first
		}
	}
	for _, m := range things {
		if m.kind != fixtures.KindRoadmap {
			continue
		}
		if m.id != "" && st.has(cueSigned) {
			// "Kazakhstan was the first state to sign the Joint Plan of Action"
			for _, a := range r.actorsIn(st.first, verb) {
				r.g.edge(fixtures.EdgePartyTo, a.id, m.id, st.span, "")
			}
		}
		if m.subtype == "coref" {
			if *lastRoadmap == nil {
				m.kind = ""
				continue
			}
			m.id, m.name, m.subtype = (*lastRoadmap).id, (*lastRoadmap).name, (*lastRoadmap).subtype
		}
		if m.id == "" {
			ps := r.parties(st)
			from, to := r.roadmapDate(st)
			switch {
			case len(ps) >= 2 && adopted:
				keys := make([]string, 0, len(ps))
				for _, p := range ps {
					keys = append(keys, partyKey(p.id))
				}
				m.id = "roadmap:" + strings.Join(keys, "-")
				if from != "" {
					m.id += ":" + from
					if to != "" {
						m.id += "-" + to
					}
				}
				m.name = m.name + " (" + strings.Join(names(ps), ", ") + ")"
				for _, p := range ps {
					e := r.g.edge(fixtures.EdgePartyTo, p.id, m.id, st.span, "")
					if e != nil && e.Date == nil && st.date != nil && to == "" {
						e.Date = strp(from)
					}
				}
				n := r.g.node(m.id, fixtures.KindRoadmap, m.name)
				n.StartDate, n.EndDate = strp(from), strp(to)
				if st.meeting != nil {
					r.roleAll(st, true, nil, ps, "participant")
				}
			case *lastRoadmap != nil && isBareHead(m):
				m.id, m.name = (*lastRoadmap).id, (*lastRoadmap).name
			case isBareHead(m):
				m.kind = "" // "a roadmap" with nothing to tell which
				continue
			default:
				var words []string
				for _, w := range text.FoldTokensWords(m.name) {
					if !stopWords[w] {
						words = append(words, w)
					}
				}
				m.id = "roadmap:" + strings.Join(words, "-")
			}
		}
		if adopted && st.meeting != nil && m.id != "" && verb < m.first {
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeAdoptedAt, other: m.id, span: st.span})
			adopted = false
		}
		*lastRoadmap = m
	}
}

// roadmapDate prefers a period ("2024-2025") to the date of the sentence.
func (r *run) roadmapDate(st *sentenceState) (string, string) {
	for _, dm := range r.datesIn(st.span) {
		if dm.end <= st.span.End && dm.to != "" && dm.prec == precYear && dm.start != r.dateline {
			return dm.from, dm.to
		}
	}
	if st.date == nil {
		return "", ""
	}
	from, to, _ := st.date.resolve(r.published)
	return from, to
}

func isBareHead(m *mention) bool {
	for _, h := range roadmapHeads {
		if len(h.words) == m.last-m.first {
			return true
		}
	}
	return false
}

// partyKey is the short form of an id used in roadmap ids: state:uz -> uz, agency:ma:x -> ma-x.
func partyKey(id string) string {
	_, rest, _ := strings.Cut(id, ":")
	return strings.ReplaceAll(rest, ":", "-")
}

func names(ms []*mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.name)
	}
	return out
}
