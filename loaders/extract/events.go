package extract

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

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
	eventCue    bool              // the sentence says who takes part or organises: a meeting noun in it is an event
	framed      map[*mention]bool // projects named among a meeting's organisers: its framework, not a cue's target
	consortium  *mention          // the project a consortium named in the sentence implements
	framework   *mention          // the project or roadmap the sentence's meeting is held under
	recent      *meeting          // the meeting named just before, when none is named or carried over
	elsewhere   bool              // the sentence is about an earlier or a later meeting than the one reported
}

// events reads the document sentence by sentence.
func (r *run) events() {
	var meetings []*meeting
	var current *meeting
	var lastRoadmap *mention
	var lastThing *mention   // the project or roadmap most recently named
	var early []link         // groups named before the first meeting: they take part in it
	pending := &meeting{}    // what the sentences before the first meeting say of who took part
	seen := 0                // the last window that named the current meeting
	thingSeen := -1          // the last window that named a project or roadmap
	var scene *sentenceState // the sentence before, when it only says where and when
	agenda := false          // a line of the document is a labelled field ("Luogo: Roma")
	attendance := false      // under a heading that lists who attended
	var answer cueKind       // the relation a question above asks about ("Who funded it?")
	windows := r.sentenceWindows()
	for wi, w := range windows {
		s, first, last := w[0], w[1], w[2]
		st := &sentenceState{first: first, last: last, span: r.tokSpan(first, last), meetingAt: -1, roled: map[*mention]bool{}}
		st.cues = r.findCues(first, last)
		answered := false // the sentence answers the question above it
		if kind, ok := r.questionCue(first, last); ok {
			answer = kind // "Qui l'a financé ?": the lines below answer it
		} else if answer != 0 {
			if len(st.cues) == 0 && !r.projectSheet() {
				st.cues = []cue{{kind: answer, first: first, last: first}}
				answered = true
			}
			answer = 0 // the first sentence below the question answers it
		}
		groupActors, groupPersons := r.groupParticipants(first, last)
		st.eventCue = len(groupActors)+len(groupPersons) > 0
		for _, c := range st.cues {
			st.eventCue = st.eventCue || eventCues[c.kind]
		}
		var dispatched *dateMention
		st.date, dispatched = r.sentenceDate(st.span)
		if st.date == nil && dispatched != nil && r.meetingNounIn(first, last) {
			st.date = dispatched // "Roma, 7 settembre 2018 — Il Ministero ha ospitato la riunione": no other day given
		}
		for i := first; i < last; i++ {
			if m := r.mentionAt(i); m != nil && m.kind == "place" && (st.place == nil || r.datelinePlace(st.place)) && !r.seatOfBody(m) && m != st.place {
				st.place = m // the first place, after the dateline's: "Roma, 26 settembre – Ieri a Skopje"
			}
		}
		if st.date == nil && st.place == nil && wi+1 < len(windows) {
			r.headingScene(st, windows[wi+1:])
		}
		if st.date == nil && st.place == nil && scene != nil {
			st.date, st.place = scene.date, scene.place // "2. Osh, 10-12 June. A course was given ..."
		}
		scene = r.sceneLine(st)
		if d := r.datelineDays(st); d != nil && current == nil && wi < 4 {
			// "Roma, 14-25 aprile 2023" under an invitation's title: a dateline of days is
			// when and where the event is, not when the text was written.
			pending.fill(d.from, d.to, st.place.id, st.place.name, st.place.country, "")
		}
		if scenes := r.sceneList(first, last); len(scenes) > 0 {
			// "Abidjan, 4-6 mars ; Dakar, 9-11 avril": one meeting each.
			meetings = append(meetings, scenes...)
			current = scenes[len(scenes)-1]
			continue
		}
		if m := r.sceneOf(st, meetings); m != nil {
			current, seen = m, wi // "Au Sénégal, les formateurs ...": the meeting held there
		}
		// The meeting the sentence is about.
		if mt, at, created := r.sentenceMeeting(st, current, s); mt != nil {
			st.meeting, st.meetingAt = mt, at
			if created {
				if len(meetings) == 0 {
					mt.fill(pending.from, pending.to, pending.place, pending.placeName, pending.country, pending.partial) // "Quando: ..." above the heading
					mt.links = append(mt.links, early...)                                                                 // "Officials of X arrived. On a visit to Y, ..."
					mt.links = append(mt.links, pending.links...)                                                         // "Una delegazione è stata ricevuta ... Ne facevano parte A, B"
					for k := range r.memberTurns {
						if r.memberTurns[k].meeting == nil {
							r.memberTurns[k].meeting = mt
						}
					}
				}
				meetings = append(meetings, mt)
			}
			if !created || current == nil || !r.sideMeeting(st.first, at) {
				current = mt // not "Il a été précédé par la réunion du Comité": a side meeting
			}
		} else if current != nil && !st.elsewhere && (answered || st.has(cueSpeaker) || st.has(cueChair) || st.has(cueParticipant) || st.has(cueParticipantVerb) || st.has(cueAmong) ||
			len(groupActors) > 0 && wi-seen <= 3 || wi-seen == 1 && r.organisedBefore(st) || r.labelCue(st) || r.hostsGuests(st)) {
			st.meeting = current // "La séance d'ouverture, inaugurée par ..."; "experts from A and B" soon after
		}
		if current != nil && (st.meeting == nil || st.meeting == current) {
			r.lastsUntil(st, current) // "Pendant cinq jours, jusqu'au vendredi 9 juin"
		}
		agenda = agenda || r.fieldLine(st)
		if st.meeting == nil && r.fieldLine(st) {
			// "Quando: giovedì 20 febbraio 2020", "Dove: Roma": the meeting of the agenda.
			into := current
			if into == nil {
				into = pending
			}
			into.fill(r.sentenceScene(st))
			r.fieldScene = r.fieldScene || into == pending && (pending.from != "" || pending.place != "")
		}
		if st.meeting != nil && st.meetingAt >= 0 {
			seen = wi
		}
		if st.meeting == nil && current == nil && (wi < 4 && (st.has(cueParticipant) || st.has(cueParticipantVerb) || st.has(cueAmong)) ||
			r.labelCue(st) && eventCues[st.cues[0].kind]) {
			st.meeting = pending // the meeting is named in a later sentence; "Promotori: A" above it
		}
		if st.meeting == nil && current == nil && wi < 4 {
			// "Réunion ministérielle de la COI" as a heading, the meeting dated below it:
			// the body whose meeting it is.
			if g := r.undatedMeetingGroup(first, last); g != nil {
				pending.links = append(pending.links, link{kind: fixtures.EdgeHeldUnder, other: g.id, span: st.span, outgoing: true})
			}
		}
		plural := st.meetingAt < 0 && current != nil && (st.eventCue || st.has(cueFunder)) && st.place == nil && st.date == nil &&
			r.pluralMeetings(first, last)
		if plural {
			st.meeting = current // "All the delegations were received by the minister"
		}
		if ls := r.lineState(first); ls != nil && current != nil && (st.meeting == nil || st.meeting == current) {
			// "- Kenya : M. X, ministre de l'Intérieur ;": a delegation of the meeting reported
			if delegates := r.personsIn(ls.last, last); len(delegates) > 0 {
				st.meeting = current
				r.participate(st, []*mention{ls}, "participant")
				r.participate(st, delegates, "participant")
			}
		}
		if r.attendanceHeading(st) || current != nil && r.listBelow(st) {
			attendance = true // "Attendance", "Les pays participants": the lists below took part
		} else if attendance && (st.meeting == nil || st.meeting == current) {
			if actors, persons, ok := r.attendanceList(st); ok {
				st.meeting = current
				if current == nil {
					st.meeting = pending // the meeting is named further down
				}
				r.participate(st, actors, "participant")
				r.participate(st, persons, "participant")
			} else {
				attendance = false
			}
		}
		if current != nil && (st.meeting == nil || st.meeting == current) {
			// "– Prefetto Franco Gabrielli, Capo della Polizia": a speaker on the programme
			if speakers := r.bulletPersons(first, last); len(speakers) > 0 {
				st.meeting = current
				r.participate(st, speakers, "participant")
			}
		}
		if st.meeting == nil && current != nil && wi-seen <= 2 && seen >= thingSeen {
			st.recent = current // "It was financed by Japan": the meeting named after the last project
		}
		linked := 0
		if st.meeting != nil {
			linked = len(st.meeting.links)
		}
		r.hosts(st)
		if st.date != nil && st.place != nil {
			if f, _, ok := st.date.resolve(r.now()); ok {
				r.lastScene = &signing{date: f, place: st.place.id, placeName: st.place.name, country: st.place.country, sentence: s}
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
			if o := r.possessiveOwner(t, first); o != nil {
				r.g.edge(fixtures.EdgeImplements, o.id, t.id, st.span, fixtures.RoleImplementer)
			}
			if o := r.bodyOfProject(t); o != nil && r.founded[t.id] == "" { // a treaty does not implement what it founds
				r.g.edge(fixtures.EdgeImplements, o.id, t.id, st.span, fixtures.RoleLead) // "the Global Maritime Crime Programme of UNODC"
			}
			if t.owner != nil && t.owner.kind != "" && t.owner.id != "" && !r.breakBetween(t.owner.last, t.first) {
				r.g.edge(fixtures.EdgeImplements, t.owner.id, t.id, st.span, fixtures.RoleLead) // the body whose project it is leads it
				t.owner.inTitle = true                                                          // named with the project, not an actor of the sentence
			}
		}
		r.resolveRoadmaps(st, things, &lastRoadmap)
		r.applyCues(st, things, lastThing)
		r.consortiumMembers(st)
		if p := r.projectOfTheMeeting(st, things); p != nil {
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeHeldUnder, other: p.id, span: st.span, outgoing: true})
		}
		if lastThing == nil && r.bareProject != nil {
			lastThing, thingSeen = r.bareProject, wi
		}
		r.participate(st, groupActors, "participant")
		r.participate(st, groupPersons, "participant")
		if st.meeting != nil && st.eventCue {
			r.participate(st, r.statesCountedBefore(first, last), "participant") // "focal points from the 13 countries"
		}
		if st.meeting != nil {
			r.participate(st, r.countedStatesListed(first, last), "participant") // "for the units of five countries: A, B"
		}
		if (st.meeting != nil || current == nil && wi < 4) && r.anyWordIn(first, last, participantGroups) {
			// "i rappresentanti dei dieci Paesi dell'Iniziativa": its members, once known;
			// before the first meeting, they take part in it, as the early groups do. The
			// sentence must speak of people they sent, not only of the states.
			if b := r.memberStatesOf(first, last); b != nil && b.id != "" {
				turn := memberTurn{meeting: st.meeting, body: b.id, span: st.span}
				if turn.meeting == pending {
					turn.meeting = nil // the meeting named further down, once it is
				}
				r.memberTurns = append(r.memberTurns, turn)
			}
		}
		if st.meeting != nil && st.meetingAt >= 0 {
			r.meetingBetween(st)
			r.participate(st, r.meetingOfStates(st), "participant")
			r.participate(st, r.statePairOfTheMeeting(st), "participant")
			met, metPersons := r.metParticipants(st, st.meetingAt)
			r.participate(st, metPersons, "participant")
			if len(metPersons) == 0 {
				r.participate(st, met, "participant")
			}
			if k := r.duringMeeting(st); k > first {
				r.participate(st, r.bodiesIn(first, k), "participant") // "Europol presented its tools during the meeting"
			}
		}
		if current == nil && wi < 4 {
			for _, m := range groupActors {
				early = append(early, link{kind: fixtures.EdgeParticipatedIn, other: m.id, role: "participant", span: st.span})
			}
		}
		r.memorandum(st)
		r.sentencePersons(st)
		if t := r.lastNotFramework(st, things); t != nil || len(things) > 0 && lastThing == nil {
			if t == nil {
				t = things[len(things)-1]
			}
			lastThing, thingSeen = t, wi
		}
		if plural {
			shareLinks(meetings, st.meeting, st.meeting.links[linked:])
		}
	}
	if agenda && r.alone && len(meetings) > 0 && meetings[0].from == "" {
		// "Lunedì 9 giugno 2014" over "Evento: ...", "Luogo: ...": the agenda's day
		meetings[0].fill(r.published, "", "", "", "", "")
	}
	if mt := r.signingMeeting(meetings); mt != nil {
		meetings = append(meetings, mt)
	}
	seriesOrganisers(meetings)
	meetings = instancesOfSeries(meetings)
	r.peopleAtTheOnlyMeeting(meetings)
	r.activitiesOfTheTitledProject(meetings)
	for _, mt := range meetings {
		r.emitMeeting(mt)
	}
}

// activitiesOfTheTitledProject holds the trainings and workshops of a document whose
// title names one project under that project, when nothing else frames them: under
// "Progetto SEFILAT – Notizie" or "GMCP UPDATE – MARCH 2020" the courses reported are the
// project's.
func (r *run) activitiesOfTheTitledProject(meetings []*meeting) {
	if len(r.d.Sentences) == 0 {
		return
	}
	first, last := r.sentenceTokens(0)
	var project *mention
	for i := first; i < last; i++ {
		m := r.mentionAt(i)
		if m == nil || m.first != i || m.kind != fixtures.KindProject || m.id == "" {
			continue
		}
		if project != nil && project.id != m.id {
			return // two projects: which one frames what is unsure
		}
		project = m
	}
	if project == nil {
		return
	}
	target := project.id
	short := " " + strings.Join(text.FoldTokensWords(project.name), " ") + " "
	for _, m := range r.ments {
		if m.kind == fixtures.KindProject && m.id != "" && m.id != project.id &&
			strings.Contains(" "+strings.Join(text.FoldTokensWords(m.name), " ")+" ", short) {
			target = m.id // the title's short name of a project named in full below
		}
	}
	for _, mt := range meetings {
		if !learning[mt.subtype] || mt.heldUnder() {
			continue
		}
		mt.links = append(mt.links, link{kind: fixtures.EdgeHeldUnder, other: target, span: r.tokSpan(first, last), outgoing: true})
	}
}

// datelineDays is the period of days a short line of a place and dates gives
// ("Roma, 14-25 aprile 2023"), or nil.
func (r *run) datelineDays(st *sentenceState) *dateMention {
	if st.place == nil || st.last-st.first > 12 {
		return nil
	}
	ds := r.datesIn(st.span)
	if len(ds) != 1 || !ds[0].isRange() || ds[0].to == "" || ds[0].to == ds[0].from {
		return nil
	}
	return &ds[0]
}

// lastNotFramework is the last project or roadmap the sentence names other than as the
// framework of what it reports ("Il progetto è stato elaborato ..., nell'ambito del
// programma Hercule III": the project is still the one spoken of), or nil.
func (r *run) lastNotFramework(st *sentenceState, things []*mention) *mention {
	for k := len(things) - 1; k >= 0; k-- {
		t := things[k]
		framework := false
		for _, c := range st.cues {
			framework = framework || c.kind == cueFramework && c.last <= t.first && t.first-c.last <= 3
		}
		if !framework {
			return t
		}
	}
	return nil
}

// bodyOfProject is the body a project's name is followed by as whose it is: "the Global
// Maritime Crime Programme (GMCP) of UNODC", "il Global Sports Program dell'Ufficio
// Antiterrorismo delle Nazioni Unite"; nil when none is.
func (r *run) bodyOfProject(t *mention) *mention {
	k := t.last
	if k+2 < len(r.d.Tokens) && r.fold(k) == "(" && r.fold(k+2) == ")" {
		k += 3 // its acronym
	}
	if k >= len(r.d.Tokens) || !ofWords[r.fold(k)] || r.d.Tokens[k].Sentence != r.d.Tokens[t.first].Sentence {
		return nil
	}
	if k++; k < len(r.d.Tokens) && articles[r.fold(k)] {
		k++
	}
	if m := r.mentionAt(k); m != nil && m.first == k && m.id != "" && m.isBody() {
		return m
	}
	return nil
}

// consortiumMembers reads a sentence whose subject is the consortium named before and
// whose verb says what it is made of ("Il consorzio, guidato dal Ministero della Giustizia,
// comprende anche A, B e C", "The consortium also includes A"): the bodies it names
// implement the consortium's project.
func (r *run) consortiumMembers(st *sentenceState) {
	project := r.consortiumOf
	if project == nil || st.consortium != nil {
		return
	}
	k := st.first
	if k < st.last && (articles[r.fold(k)] || demonstratives[r.fold(k)]) {
		k++
	}
	if k >= st.last || !consortiumWords[r.fold(k)] {
		return
	}
	for i := st.first; i < st.last; i++ {
		if m := r.mentionAt(i); m != nil && m.kind == fixtures.KindProject && m.id != project.id {
			return // "The consortium of the PROTECT project includes": another project's
		}
	}
	for v := k + 1; v < st.last; v++ {
		if n := longestPrefix(r.d, v, st.last, groupVerbs); n > 0 {
			// "comprende anche A, B e C", and "guidato dal X" before the verb, not a clause
			// after the list ("... and reports to the European Commission")
			var bodies []*mention
			for _, m := range r.actorsIn(k+1, r.clauseAfterList(v+n, st.last)) {
				if m.isBody() {
					bodies = append(bodies, m)
				}
			}
			r.implements(st, project, bodies, "partner")
			return
		}
	}
}

// clauseAfterList returns where a list that starts at k ends: before a conjunction that
// opens a clause ("and reports to", "et rend compte à"), else at last.
func (r *run) clauseAfterList(k, last int) int {
	for j := k; j+1 < last; j++ {
		g := r.fold(j + 1)
		if conjunctions[r.fold(j)] && r.at[j+1] == 0 && r.d.Tokens[j+1].Kind == text.Word && !r.d.Tokens[j+1].Upper &&
			!articles[g] && !ofWords[g] && !connectors[g] {
			return j
		}
	}
	return last
}

// consortiumAt reports whether a consortium is named at k ("un consortium dont ...", "a
// consortium made up of ..."): its members, named in the rest of the sentence, implement.
func (r *run) consortiumAt(k int) bool {
	for ; k < len(r.d.Tokens) && (articles[r.fold(k)] || indefiniteArticles[r.fold(k)]); k++ {
	}
	return k < len(r.d.Tokens) && consortiumWords[r.fold(k)]
}

// sideMeeting reports whether the meeting whose noun is at head is introduced as one
// that came before the meeting reported ("It was preceded by the meeting of the
// Committee", "précédé, le 26 février, par la réunion") or held on its sidelines: what
// follows is still about the meeting reported.
func (r *run) sideMeeting(first, head int) bool {
	if r.onTheSidelines(first, head) {
		return true // "A margine dei lavori, ... un incontro bilaterale": the meeting reported goes on
	}
	for k := first; k < head; k++ {
		if precedingWords[r.fold(k)] {
			return true
		}
	}
	return false
}

// maxSentenceTokens bounds the stretch of text read as one sentence: text without
// punctuation is read in windows of this many tokens, so that work per sentence stays
// bounded.
const maxSentenceTokens = 400

// sentenceWindows returns the token ranges [first, last) of the sentences with their
// index, long sentences cut in windows and clauses cut at "while", "mentre", "tandis".
func (r *run) sentenceWindows() [][3]int {
	var out [][3]int
	for s := range r.d.Sentences {
		first, last := r.sentenceTokens(s)
		for ; first < last; first += maxSentenceTokens {
			end := min(last, first+maxSentenceTokens)
			from := first
			for k := first + 1; k < end; k++ {
				if r.at[k] == 0 && clauseCuts[r.fold(k)] && k-from >= 3 {
					out = append(out, [3]int{s, from, k})
					from = k
				}
			}
			out = append(out, [3]int{s, from, end})
		}
	}
	return out
}

// lastsUntil ends the meeting at the sentence's date when an until word comes before it
// ("jusqu'au vendredi 9 juin", "until 9 June", "fino al 9 giugno"), a few days after its
// start.
func (r *run) lastsUntil(st *sentenceState, mt *meeting) {
	dm := st.date
	if dm == nil || len(mt.from) != 10 || dm.start < st.span.Start {
		return // no date, or the date of the line before ("2. Osh, 10-12 June")
	}
	before := strings.Fields(r.d.Fold[max(st.span.Start, dm.start-30):dm.start])
	if k := len(before); k > 0 && weekdays[strings.TrimSuffix(before[k-1], ",")] {
		before = before[:k-1]
	}
	n := len(before)
	if n == 0 || !untilWords[before[n-1]] && !(n > 1 && untilWords[before[n-2]+" "+before[n-1]]) {
		return
	}
	end, _, ok := dm.resolve(r.now())
	if !ok || len(end) != 10 || end <= mt.from || end <= mt.to {
		return
	}
	if start, err := time.Parse("2006-01-02", mt.from); err == nil && end <= start.AddDate(0, 0, 31).Format("2006-01-02") {
		mt.to = end
	}
}

// meetingNounBefore reports whether a meeting noun comes in the eight tokens before k in
// its sentence: "Réunion : première réunion de haut niveau du projet X" names the meeting
// again nearer the project than the label.
func (r *run) meetingNounBefore(st *sentenceState, k int) bool {
	for j := k - 1; j >= st.first && k-j <= 8; j-- {
		if meetingHeads[r.fold(j)] != "" && r.at[j] == 0 {
			return true
		}
	}
	return false
}

// projectOfTheMeeting returns the project a meeting named in the sentence belongs to by a
// genitive near it, when no cue said its framework: "i lavori del progetto X si sono conclusi
// con un incontro", "the closing conference of the X Project".
func (r *run) projectOfTheMeeting(st *sentenceState, things []*mention) *mention {
	if st.meeting == nil || st.meetingAt < 0 || st.framework != nil {
		return nil
	}
	var found *mention
	for _, t := range things {
		if t.kind != fixtures.KindProject || t.id == "" || max(t.first-st.meetingAt, st.meetingAt-t.last) > 8 && !r.meetingNounBefore(st, t.first) {
			continue
		}
		k := t.first - 1
		for k > st.first && !ofWords[r.fold(k)] && (articles[r.fold(k)] || r.d.Tokens[k].Kind != text.Word || projectNouns[r.fold(k)] && k == t.first-1) {
			k-- // the article, the quote or the noun: «del "Cooperation Project 2"», "sul progetto IPA"
		}
		if !ofWords[r.fold(k)] && !(aboutWords[r.fold(k)] && k > st.meetingAt && k-st.meetingAt <= 4 && !r.breakBetween(st.meetingAt, k)) {
			continue // "la conférence de clôture du projet", "il vertice sul progetto X"
		}
		if found != nil {
			return nil // two projects: which one is not said
		}
		found = t
	}
	return found
}

// bulletPersons returns the persons that open the bulleted lines of [first, last): the
// speakers of a programme, the members of a delegation.
func (r *run) bulletPersons(first, last int) []*mention {
	var out []*mention
	toks := r.d.Tokens
	for k := first; k+1 < last; k++ {
		if toks[k].Kind == text.Word || !bullets[r.fold(k)] || k > 0 && !strings.ContainsRune(r.d.Fold[toks[k-1].End:toks[k].Start], '\n') {
			continue
		}
		for j := k + 1; j < last && j-k <= 12 && (r.fold(j) == "." || !clauseBreak(r.fold(j))); j++ {
			if m := r.mentionAt(j); m != nil {
				if m.kind == fixtures.KindPerson {
					out = append(out, m) // past its rank and title: "– Gen. C.A. G. Nistri,"
				}
				break
			}
		}
	}
	return out
}

// questionCues are the verbs of a question a Q&A sheet answers on the lines below it, by
// the cue the answer stands for: "Qui l'a financé ?" = funder.
var questionCues = func() map[string]cueKind {
	kinds := map[string]cueKind{"organiser": cueOrganiser, "funder": cueFunder, "participant": cueParticipant, "implementer": cueImplementer}
	out := map[string]cueKind{}
	for w, k := range values("question cues") {
		out[w] = kinds[k]
	}
	return out
}()

// questionCue reports the cue of a question line ("Who took part?"), a short sentence
// that ends in a question mark; ok is false for any other sentence. A question that asks
// nothing the rules read ends the answer before it (kind 0).
func (r *run) questionCue(first, last int) (kind cueKind, ok bool) {
	if last-first > 12 || r.fold(last-1) != "?" {
		return 0, false
	}
	for i := first; i < last; i++ {
		if k, found := questionCues[r.fold(i)]; found {
			return k, true
		}
		if i+1 < last {
			if k, found := questionCues[r.fold(i)+" "+r.fold(i+1)]; found {
				return k, true
			}
		}
	}
	return 0, true
}

// projectSheet reports whether the document's title speaks of a project and of no
// meeting ("SEAHORSE – domande e risposte sul progetto"): its questions ask about the
// project, not about the meetings it tells of.
func (r *run) projectSheet() bool {
	if len(r.d.Sentences) == 0 {
		return false
	}
	first, last := r.sentenceTokens(0)
	project := false
	for i := first; i < last; i++ {
		if _, head := meetingHeads[r.fold(i)]; head {
			return false
		}
		project = project || projectHeads[r.fold(i)] || projectNouns[r.fold(i)]
	}
	return project
}

// attendanceHeadings head the lists of those who attended: "Attendance", "Les pays participants".
var attendanceHeadings = phrases("attendance headings")

// attendanceHeading reports whether the sentence is a short heading line that ends in an
// attendance heading ("Fiche 2 – Les pays participants").
func (r *run) attendanceHeading(st *sentenceState) bool {
	last := st.last
	for last > st.first && r.d.Tokens[last-1].Kind != text.Word {
		last-- // a closing full stop or colon
	}
	return st.last-st.first <= 8 && phraseBefore(r.d, last, attendanceHeadings, nil) &&
		!strings.ContainsRune(r.d.Fold[r.d.Tokens[st.first].Start:r.d.Tokens[last-1].End], ':')
}

// listBelow reports whether a sentence that says who took part ends on a colon, the list
// on the lines below it: "Trente-neuf douaniers prennent part au séminaire :".
func (r *run) listBelow(st *sentenceState) bool {
	return (st.has(cueParticipant) || st.has(cueParticipantVerb)) && r.fold(st.last-1) == ":"
}

// statesIn returns the states named in [first, last), each once.
func (r *run) statesIn(first, last int) []*mention {
	var out []*mention
	for _, m := range r.actorsIn(first, last) {
		if m.kind == fixtures.KindState {
			out = append(out, m)
		}
	}
	return out
}

// attendanceList reads a line of an attendance list: the actors and persons after its
// label ("WCO Member Customs administrations (23): A, B") or its bullet, or the states a
// sentence of prose under the heading names.
// maxTitleBeforeListed bounds the rank or honorific before the name that opens a line of
// an attendance list ("Lieutenant-colonel Mohamed ...").
const maxTitleBeforeListed = 4

// maxSubheading bounds the words of a subheading inside an attendance list.
const maxSubheading = 4

// delegationSubheading reports whether [first, last) heads a delegation or the observers
// in an attendance list, by a word of [delegation subheadings] ("Romanian delegation",
// "Observateurs", "per la parte albanese"); not "Apologies", "Agenda", "Donor: Japan".
func (r *run) delegationSubheading(first, last int) bool {
	return r.anyWordIn(first, last, delegationSubheadings)
}

// delegationSubheadings are the words of the subheadings of an attendance list.
var delegationSubheadings = words("delegation subheadings")

// noActorIn reports whether [first, last) names no body and no person (states written as
// adjectives aside): "Délégation mauritanienne".
func (r *run) noActorIn(first, last int) bool {
	for k := first; k < last; k++ {
		if m := r.mentionAt(k); m != nil && (m.isBody() || m.kind == fixtures.KindPerson || m.kind == fixtures.KindState && !m.adjective) {
			return false
		}
	}
	return true
}

func (r *run) attendanceList(st *sentenceState) (actors, persons []*mention, ok bool) {
	start := -1
	for k := st.first; k < st.last && start < 0; k++ {
		if r.fold(k) == ":" {
			start = k + 1
		}
	}
	if start < 0 && bullets[r.fold(st.first)] {
		start = st.first + 1
	}
	if ps := r.personsIn(st.first, st.last); start < 0 && len(ps) > 0 && ps[0].first-st.first <= maxTitleBeforeListed && r.fold(st.last-1) != "." {
		return r.actorsIn(st.first, st.last), ps, true // "Andrei Popescu, Deputy Inspector General, ...", "Lt Col. A, ..."
	}
	if start < 0 && st.last-st.first <= maxSubheading && r.noActorIn(st.first, st.last) && r.delegationSubheading(st.first, st.last) {
		return nil, nil, true // "Romanian delegation", "Observers", "per la parte albanese": a subheading of the list
	}
	if start >= 0 {
		if actors, persons = r.listAfter(start, st.last); len(actors)+len(persons) > 0 {
			return actors, persons, true
		}
	}
	// "Côté africain, la Mauritanie était entourée du Bénin, du Burkina Faso, ...", "Fifteen
	// officers: twelve from customs, coming from A, B and C": prose that names states under
	// the heading lists them too.
	if states := r.statesIn(max(st.first, start), st.last); len(states) >= 2 && st.meetingAt < 0 {
		return states, nil, true
	}
	return nil, nil, start >= 0
}

// bullets open the items of a list: "-", "•", "*" (the fold writes every dash as "-").
var bullets = map[string]bool{"-": true, "•": true, "*": true}

// labelCue reports whether the sentence is a labelled line of an agenda or minutes whose
// label is a cue ("Organizzano: A e B", "Participants : ..."): it speaks of the meeting the
// document is about.
func (r *run) labelCue(st *sentenceState) bool {
	if len(st.cues) == 0 {
		return false
	}
	c := st.cues[0]
	k := st.first
	for k < c.first && r.d.Tokens[k].Kind != text.Word {
		k++ // a bullet
	}
	return c.first == k && r.fold(c.last-1) == ":"
}

// principalProject is the project the document names most often, nil when none is or two tie.
func (r *run) principalProject() *mention {
	count := map[string]int{}
	first := map[string]*mention{}
	for _, m := range r.ments {
		if m.kind == fixtures.KindProject && m.id != "" {
			count[m.id]++
			if first[m.id] == nil {
				first[m.id] = m
			}
		}
	}
	var best *mention
	tie := false
	for id, n := range count {
		switch {
		case best == nil || n > count[best.id]:
			best, tie = first[id], false
		case n == count[best.id]:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// maxLabelWords bounds the words between a label's first word and its colon.
const maxLabelWords = 5

// qualifiedLabel reads a label cue that opens its line with words between its noun and its
// colon: "Bailleurs cités par l'OMD : A, B", "Donors of the project: A, B".
func (r *run) qualifiedLabel(i, last int) (cue, bool) {
	if !r.lineStartAt(i) && !(bullets[r.fold(i-1)] && r.lineStartAt(i-1)) {
		return cue{}, false
	}
	for _, c := range r.cuesAt(i) {
		if len(c.words) != 2 || c.words[1] != ":" || i+1 < last && r.fold(i+1) == ":" {
			continue
		}
		for k := i + 1; k < last && k-i <= maxLabelWords+1; k++ {
			if r.fold(k) == ":" {
				return cue{c.kind, i, k + 1}, true
			}
			if r.lineStartAt(k) || clauseBreak(r.fold(k)) {
				break
			}
		}
	}
	return cue{}, false
}

// findCues returns the cue phrases of the tokens [first, last), longest first.
// draftingWords say a plan was written: "drawn", "préparé", "predisposto".
var draftingWords = words("drafting words")

// rightAfterList reports whether cue c follows the list of actors right after cue prev,
// a comma or a conjunction between them at most: "attuato dall'UNODC insieme all'OMD",
// "organized in partnership with A and in coordination with B".
func (r *run) rightAfterList(prev, c cue) bool {
	actors, _ := r.listAfter(prev.last, c.first)
	if len(actors) == 0 {
		return false
	}
	end := actors[len(actors)-1].last
	for end < c.first && (r.fold(end) == "," || conjunctions[r.fold(end)] || r.fold(end) == "(" || r.stateOrPlaceWord(end) || r.d.Tokens[end].Kind == text.Number || months[r.fold(end)] > 0 || r.shortWord(end)) {
		if r.fold(end) == "(" {
			for end < c.first && r.fold(end) != ")" {
				end++ // "(UNODC)"
			}
		}
		end++
	}
	return end == c.first
}

// shortWord reports whether token k is a lower-case word of three letters at most: a
// preposition of place or time ("on", "le"), no verb.
func (r *run) shortWord(k int) bool {
	t := r.d.Tokens[k]
	return t.Kind == text.Word && !t.Upper && t.End-t.Start <= 3
}

// cueOpensAt reports whether a cue of two words or more starts at token k.
func (r *run) cueOpensAt(k, last int) bool {
	for _, c := range r.cuesAt(k) {
		if len(c.words) > 1 && r.cueEnd(k, last, c.words) > 0 {
			return true
		}
	}
	return false
}

func (r *run) findCues(first, last int) []cue {
	var out []cue
	for i := first; i < last; i++ {
		if r.at[i] != 0 {
			continue
		}
		if c, ok := r.gappedCue(i, last); ok {
			out = append(out, c)
			i = c.last - 1
			continue
		}
		if c, ok := r.qualifiedLabel(i, last); ok {
			out = append(out, c)
			i = c.last - 1
			continue
		}
		for _, c := range r.cuesAt(i) {
			if len(c.words) == 1 && c.kind == cueFundsBefore && r.nounNotVerb(i, first) {
				continue // "les finances publiques", "« 5+5 Finances »": a noun, no verb of funding
			}
			if end := r.cueEnd(i, last, c.words); end > 0 {
				out = append(out, cue{c.kind, i, end})
				if end-1 > i && r.cueOpensAt(end-1, last) {
					i = end - 2 // "organisée avec le soutien financier de X": its last word opens a cue of its own
				} else {
					i = end - 1
				}
				break
			}
		}
	}
	return out
}

// relativeStart is where the clause of a verb at v starts when a relative pronoun of
// possession opens it after first: in "A accueille la session, dont la Suède assure le
// financement", Sweden alone funds; first otherwise.
func (r *run) relativeStart(first, v int) int {
	for k := v - 1; k > first; k-- {
		if possessiveRelatives[r.fold(k)] {
			return k + 1
		}
	}
	return first
}

// objectRelatives open a relative clause whose subject follows them: "which", "que", "che".
var objectRelatives = words("object relatives")

// objectRelative returns the thing a relative clause before the verb at v is about, when
// its pronoun follows the thing and a comma and is the verb's object ("the SHIELD project,
// which Canada funds", "le projet SHIELD, que le Canada finance"), and where its subject
// starts; nil when there is none.
func (r *run) objectRelative(st *sentenceState, things []*mention, v int) (*mention, int) {
	for k := v - 1; k > st.first+1 && v-k <= 6; k-- {
		if !objectRelatives[r.fold(k)] || r.fold(k-1) != "," {
			continue
		}
		end := k - 1
		if r.fold(end-1) == ")" {
			if o := r.openingBracket(st.first, end-1); o > 0 {
				end = o // "le projet ... (RANP), que"
			}
		}
		for _, t := range things {
			if t.last == end || t.last == end-1 && projectNouns[r.fold(end-1)] { // "the SHIELD project, which"
				return t, k + 1
			}
		}
		return nil, 0
	}
	return nil, 0
}

// nounNotVerb reports whether the word at i, one that may be a verb, is a noun there:
// after an article or "de"/"of" (not a clitic pronoun after the subject or at the
// sentence's start: "Lo finanzia l'UE"), or capitalised inside its line (a name).
func (r *run) nounNotVerb(i, first int) bool {
	if i <= first {
		return false
	}
	p := r.fold(i - 1)
	clitic := cliticPronouns[r.d.Lang][p] && (i-1 == first || r.at[i-2] != 0) // "Lo finanzia", "l'UE les finance"
	return (articles[p] || ofWords[p]) && !clitic || r.d.Tokens[i].Upper && !r.lineStartAt(i)
}

// cueEnd is where the cue phrase words starting at i ends before last, or 0 when it is not
// there. An adverb may stand after the phrase's first word: "a aussi organisé", "has also
// hosted", "ha inoltre ospitato".
func (r *run) cueEnd(i, last int, words []string) int {
	if i+len(words) <= last && hasCue(r.d, i, words) {
		return i + len(words)
	}
	if len(words) < 2 || i+len(words)+1 > last || !cueAdverbs[r.fold(i+1)] || r.at[i+1] != 0 || !hasCue(r.d, i+2, words[1:]) {
		return 0
	}
	if got := r.fold(i); got != words[0] && !cueVariants[words[0]][got] {
		return 0
	}
	return i + len(words) + 1
}

// datesIn returns the dates that start in a span (r.dates is sorted).
func (r *run) datesIn(sp text.Span) []dateMention {
	i := sort.Search(len(r.dates), func(k int) bool { return r.dates[k].start >= sp.Start })
	j := sort.Search(len(r.dates), func(k int) bool { return r.dates[k].start >= sp.End })
	return r.dates[i:j]
}

// sentenceDate is the first full date of the sentence (day or month, else year), or a
// date without its year, or a relative date once the publication date is known; and the
// day of a dispatch whose dateline opens the sentence, which it does not count.
func (r *run) sentenceDate(sp text.Span) (best, dispatched *dateMention) {
	ds := r.datesIn(sp)
	for k := range ds {
		dm := &ds[k]
		dispatch := dm.start != r.dateline && r.linesDateline(dm)
		if dispatch && dm.prec == precDay && !dm.isRelative {
			r.dispatch, dispatched = dm.from, dm // "ROMA, 9 mag 2024 - ... oggi": the day its dispatch was written
		}
		if dm.end > sp.End || (dm.start == r.dateline || dispatch) && !(dm.isRange() && dm.to != dm.from) {
			continue // the dateline's day is when the text was written; its days, when the event was held
		}
		if dm.isRelative && r.now() == "" {
			continue
		}
		if best == nil || (best.prec < dm.prec && !dm.isRelative && best.from != "") || (best.from == "" && !best.isRelative && dm.from != "") ||
			(best.weekday > 0 && dm.prec == precDay) || best.isRelative && dm.isRange() {
			best = dm
		}
	}
	return best, dispatched
}

// meetingNounIn reports whether a meeting noun stands in [first, last).
func (r *run) meetingNounIn(first, last int) bool {
	for i := first; i < last; i++ {
		if _, ok := meetingHeads[r.fold(i)]; ok {
			return true
		}
	}
	return false
}

// linesDateline reports whether a date opens a dispatch inside the document, after the
// place at the start of its line and before a dash: "ROMA, 9 mag 2024 - Il tema ...".
func (r *run) linesDateline(dm *dateMention) bool {
	f := r.d.Fold
	start := strings.LastIndexByte(f[:dm.start], '\n') + 1
	place, ok := strings.CutSuffix(strings.TrimRight(f[start:dm.start], " "), ",")
	if !ok || place == "" || len(strings.Fields(place)) > 4 || strings.ContainsAny(place, ".,;:") {
		return false
	}
	rest := strings.TrimLeft(f[dm.end:], " ")
	return strings.HasPrefix(rest, "-")
}

// actorsIn returns the actors whose mention starts in [first, last).
func (r *run) actorsIn(first, last int) []*mention {
	var out []*mention
	for i := first; i < last; i++ {
		if m := r.mentionAt(i); m != nil && m.first == i && m.isActor() && !r.locatedState(m) {
			out = append(out, m)
		}
	}
	return out
}

// locatedState reports whether a state is where something is, not who acts: it follows a
// place preposition, alone or as an item of the list that does ("the prisoners in
// Austria, Belgium and France", "en France et le Maroc"). An item before it may open with
// a locative of its own ("en France, au Maroc et la Tunisie"); the state's own "au" or
// "a", which may be dative, ends the reading: in "en France et au Maroc" only France is.
func (r *run) locatedState(m *mention) bool {
	if m.kind != fixtures.KindState || m.adjective {
		return false
	}
	for k := m.first; k > 0; k-- {
		f := r.fold(k - 1)
		switch p := r.mentionAt(k - 1); {
		case placePrepositions[r.d.Lang][f]:
			return true
		case p != nil && p.kind == fixtures.KindState && !p.adjective && p.last == k:
			k = p.first + 1 // the item before
		case f == "," || conjunctions[f] || articles[f] || k < m.first && locatives[r.d.Lang][f]: // an earlier item's "au"
		default:
			return false
		}
	}
	return false
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

// listFirst are the cues whose actors are the coordinated list right after them, when
// one starts there, rather than every actor up to the next cue.
var listFirst = map[cueKind]bool{cueFunder: true, cueImplementer: true, cueCollaboration: true, cueCoordination: true, cueOrganiser: true,
	cueParticipant: true}

// eventCues say who takes part in or organises a meeting.
var eventCues = map[cueKind]bool{cueOrganiser: true, cueOrganiserBefore: true, cueParticipant: true,
	cueParticipantVerb: true, cueSpeaker: true, cueChair: true, cueAmong: true}

// startsList tells the cues followed by a list of actors from those that sit inside one
// ("per il ministero dell'Interno", "tra", "firmato").
var startsList = map[cueKind]bool{cueOrganiser: true, cueParticipant: true, cueSpeaker: true, cueChair: true,
	cueCollaboration: true, cueImplementer: true, cueFunder: true, cueFramework: true, cueOrganiserBefore: true,
	cueImplementsBefore: true, cueFundsBefore: true, cueLaunched: true}

// target returns what a cue at token i is about: the nearest meeting, project or
// roadmap named before it in the sentence, else after it, else the sentence's meeting,
// else the project or roadmap named last.
func (r *run) target(st *sentenceState, things []*mention, c cue, lastThing *mention) (meetingTarget bool, thing *mention) {
	i := c.first
	var before *mention
	for _, t := range things {
		if t.first < i && !st.framed[t] {
			before = t
		}
	}
	if st.meeting != nil && st.meetingAt >= 0 && st.meetingAt < i && (before == nil || before.first < st.meetingAt) {
		return true, nil
	}
	if before != nil {
		return false, before
	}
	if st.meeting != nil && st.meetingAt < 0 && projectCues[c.kind] {
		// A meeting carried over from the sentences before yields to a project named in
		// this one, for a cue that says who funds or carries out projects: "Funded by
		// Japan, the SEACOP project ...", not "It was organised by A in co-operation
		// with the X Programme".
		for _, t := range things {
			if t.first > i && !st.framed[t] {
				return false, t
			}
		}
	}
	if st.meeting != nil {
		return true, nil
	}
	for _, t := range things {
		return false, t
	}
	return false, lastThing
}

// projectCues say who funds or carries out a project: a project the text does not name
// is read for them.
var projectCues = map[cueKind]bool{cueFunder: true, cueFundsBefore: true, cueImplementer: true, cueImplementsBefore: true}

// maxUnnamedProjectWords bounds the words after the noun of a project the text does not
// name that describe it: "project financed by Japan".
const maxUnnamedProjectWords = 5

// introducedProject returns the words that introduced a project with an indefinite
// article in the sentence before token before ("launched a three-year project"), its noun
// and the modifiers before it; "" when the project named there last was not introduced so.
func (r *run) introducedProject(before int) string {
	floor := before // the sentence before only
	if before > 0 {
		floor, _ = r.sentenceTokens(r.d.Tokens[before-1].Sentence)
	}
	for k := before - 1; k > floor; k-- {
		if !projectNouns[r.fold(k)] || r.at[k] != 0 {
			continue
		}
		if start := r.modifiersStart(k, floor+1); indefiniteArticles[r.fold(start-1)] {
			return r.textOf(start, k+1)
		}
		return "" // the project named last is not the one introduced
	}
	return ""
}

// modifiersStart returns where the modifiers written before a project noun at k start, no
// further back than floor: lower-case words and hyphens, up to three, not "of", a
// connector or a verb ("a three-year project", not "chef de projet", "to launch project").
func (r *run) modifiersStart(k, floor int) int {
	start := k
	for start > floor && k-start < 4 && r.at[start-1] == 0 && !r.d.Tokens[start-1].Upper && !r.determiner(start-1) {
		f := r.fold(start - 1)
		if r.d.Tokens[start-1].Kind != text.Word && f != "-" || ofWords[f] || connectors[f] || verbWords[f] || passiveAuxiliaries[f] {
			break
		}
		start--
	}
	return start
}

// determiner reports whether token k is an article or a demonstrative.
func (r *run) determiner(k int) bool {
	f := r.fold(k)
	return articles[f] || indefiniteArticles[f] || demonstratives[f]
}

// unnamedProject is the project a document describes without naming it ("the project
// financed by Japan", "un projet visant à ..."): the project noun with an article before
// the cue at cue, read once per document; nil when there is none.
func (r *run) unnamedProject(st *sentenceState, cue int) *mention {
	for k := st.first + 1; k < cue; k++ {
		if r.bareProject != nil && r.mentionAt(k) == r.bareProject {
			return r.bareProject
		}
		if !projectNouns[r.fold(k)] || r.at[k] != 0 {
			continue
		}
		start := r.modifiersStart(k, st.first+1) // "a three-year project"
		if !r.determiner(start - 1) {
			continue
		}
		if r.bareProject != nil {
			return r.bareProject // "the project" again: the one described before
		}
		end := k + 1
		for end < st.last && end-k <= maxUnnamedProjectWords && r.d.Tokens[end].Kind == text.Word && !verbWords[r.fold(end)] && !passiveAuxiliaries[r.fold(end)] &&
			(r.at[end] == 0 || r.mentionAt(end).kind == fixtures.KindState) {
			end++
		}
		for end > k+1 && (stopWords[r.fold(end-1)] || articles[r.fold(end-1)]) {
			end-- // "project funded by the European Union": the name ends before the body's
		}
		name := r.textOf(start, end)
		if !indefiniteArticles[r.fold(start-1)] {
			if intro := r.introducedProject(st.first); intro != "" {
				name = intro // "launched a three-year project ... The project is funded by"
			}
		}
		m := &mention{first: k, last: k + 1, kind: fixtures.KindProject, name: name}
		m.id = "project:" + slug(m.name)
		if r.add(m) == nil {
			return nil
		}
		r.bareProject = m
		return m
	}
	return nil
}

// applyCues turns the cues of a sentence into edges.
func (r *run) applyCues(st *sentenceState, things []*mention, lastThing *mention) {
	var spokenOf *mention    // the project an object pronoun stood for
	var implemented *mention // the project the cue before said who implements
	for k, c := range st.cues {
		from, to := st.segment(k)
		actors := r.actorsIn(from, to)
		persons := r.personsIn(from, to)
		label := r.fold(c.last-1) == ":" // a label's line names them all: "Implementing partners: ..."
		if listFirst[c.kind] && !label {
			// "funded by Japan, the project ...": the list right after the cue, when there is one.
			if a, _ := r.listAfter(from, to); len(a) > 0 {
				actors = a
			}
		}
		isMeeting, thing := r.target(st, things, c, lastThing)
		if label && !isMeeting && thing != nil && thing.first >= c.last {
			thing = lastThing // "Implementing partners: A; the X Programme of B": the sheet's project, not one listed
		}
		if !isMeeting && projectCues[c.kind] && (thing == nil || thing.first > c.first || thing.first < st.first && thing.kind != fixtures.KindProject) {
			// "the project" after a named project is that project; after an agreement, the project it funds
			if p := r.unnamedProject(st, c.first); p != nil {
				thing = p // "The project financed by Japan will be implemented by the X Programme"
			}
		}
		// "The European Union funds it as part of the X Programme": "it" is the project
		// spoken of before, not the programme named after it.
		clitic := projectCues[c.kind] && c.first > st.first && cliticPronouns[r.d.Lang][r.fold(c.first-1)] && lastThing != nil
		pronoun := c.last < st.last && objectPronouns[r.fold(c.last)] && lastThing != nil || clitic
		if pronoun {
			isMeeting, thing, spokenOf = false, lastThing, lastThing
		} else if c.kind == cueCollaboration && spokenOf != nil && !isMeeting {
			thing = spokenOf // "UNODC implements it in collaboration with INTERPOL"
		}
		if c.kind == cueOrganiserBefore && st.meeting != nil && st.meetingAt >= c.last && !isMeeting {
			// "the X Component of the Programme ran a training course": the meeting after the
			// verb is what its subject organised
			isMeeting, thing = true, nil
		}
		if (c.kind == cueOrganiser || c.kind == cueOrganiserBefore || c.kind == cueCollaboration) && thing != nil && thing == st.framework {
			// a meeting's framework is not what its hosts organise: "ran under the X Project
			// and was organised jointly with Y"
			isMeeting, thing = true, nil
		}
		switch c.kind {
		case cueOrganiser:
			r.roleAll(st, isMeeting, thing, actors, "organiser")
			if isMeeting {
				r.organisingProjects(st, from, to)
			}
		case cueOrganiserBefore:
			// "On 5 March, the EU and the AU held a dialogue": the subject's actors, after
			// the last comma before the verb.
			if isMeeting && !(st.meetingAt >= 0 && st.meetingAt < c.first) {
				// not "The meeting of the police chiefs of A and B opened": the meeting is the subject
				cs := r.clauseStart(st, c.first)
				subject := r.actorsIn(cs, c.first)
				apposition := cs
				if cs == c.first && cs-1 > st.first {
					apposition = r.clauseStart(st, cs-1) // ", Paul MARTIN, organisent"
				}
				if len(subject) == 0 && k == 0 && (len(r.personsIn(apposition, c.first)) > 0 || longestPrefix(r.d, apposition, c.first, representedBy) > 0) {
					// "le ministère de l'Intérieur et l'attaché en poste au Mali, M. X,
					// organisent", "La Commission, représentée par l'OLAF, organise": the
					// subject runs back past the apposition.
					subject = r.subjectBodies(st.first, c.first)
				}
				r.roleAll(st, true, nil, subject, "organiser")
				r.organisingProjects(st, cs, c.first) // "the Border Cooperation Component of the Programme ran a course"
				if r.guestsAfter(st, c.last) {
					// "the Department will host the ministers of A, B and C": its guests take part
					r.participate(st, r.actorsIn(c.last, to), "participant")
					r.participate(st, r.personsIn(c.last, to), "participant")
				}
			}
		case cueParticipant:
			if st.consortium != nil {
				continue // "un consorzio che riunisce A, B e C": the members of the consortium
			}
			if len(actors)+len(persons) == 0 {
				actors, persons = r.actorsIn(st.first, c.first), r.personsIn(st.first, c.first)
			}
			if st.meeting != nil {
				r.roleAll(st, true, nil, actors, "participant")
				r.roleAll(st, true, nil, persons, "participant")
			}
		case cueParticipantVerb:
			// "A and B took part", else "vi hanno preso parte A e B".
			a, p := r.listBefore(st.first, c.first)
			if len(a)+len(p) == 0 {
				a, p = actors, persons
			}
			r.participate(st, a, "participant")
			r.participate(st, p, "participant")
		case cueAmong:
			a, p := r.listAfter(c.last, to)
			r.participate(st, a, "participant")
			r.participate(st, p, "participant")
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
		case cueCoordination:
			// after a cue of implementing or organising, as "in cooperation with": "organized in
			// partnership with A and in coordination with B"; not "agreed to act in
			// coordination with INTERPOL"
			switch {
			case k == 0 || !r.rightAfterList(st.cues[k-1], c):
				// not "Il corso, organizzato dalla Polizia di Stato a Roma, si è svolto insieme a
				// un'esercitazione": the cue goes on the list of the cue before
			case implemented != nil && st.cues[k-1].kind == cueImplementer:
				r.implements(st, implemented, actors, "partner")
			case !isMeeting && st.cues[k-1].kind == cueImplementsBefore:
				r.implements(st, thing, actors, "partner") // "que met en œuvre la FIIAPP en coordination avec la Guardia Civil"
			case isMeeting && (st.cues[k-1].kind == cueOrganiser || st.cues[k-1].kind == cueCollaboration):
				r.roleAll(st, true, nil, actors, "organiser")
			}
		case cueCollaboration:
			if st.consortium != nil {
				isMeeting, thing = false, st.consortium // "… a consortium of A and B, in partnership with C"
			}
			if implemented != nil && k > 0 && st.cues[k-1].kind == cueImplementer {
				r.implements(st, implemented, actors, "partner") // "implemented by UNODC in partnership with INTERPOL"
			} else if isMeeting || st.has(cueOrganiser) { // "Promotori: A, in collaborazione con B": they organise together
				r.roleAll(st, true, nil, actors, "organiser")
			} else if thing == nil || thing.kind != fixtures.KindRoadmap || !r.anyWordIn(st.first, c.first, draftingWords) {
				r.implements(st, thing, actors, "partner") // not "The Plan was drawn up with the support of X"
			}
		case cueImplementer:
			if r.consortiumAt(c.last) {
				// "by a consortium of A, B and C": a consortium implements a project, not a course
				actors = r.actorsIn(c.last, st.last)
				if thing == nil && lastThing != nil && lastThing.kind == fixtures.KindProject {
					thing = lastThing
				}
				isMeeting = false
				st.consortium = thing
				if thing != nil {
					r.consortiumOf = thing
				}
			}
			if isMeeting {
				r.roleAll(st, true, nil, actors, "organiser")
			} else if !(byWords[r.fold(c.last-1)] && r.modifiesApposition(st, c.first, thing)) {
				r.implements(st, thing, actors, "implementer")
				implemented = thing
			}
		case cueImplementsBefore:
			if r.joinedBody(c.first, st.last) {
				continue // "All'IAI aderiscono A, B e C": members of the body, not of a project
			}
			before := r.actorsIn(max(st.first, c.first-4), c.first)
			if len(before) == 0 {
				before = r.composedOf(st.first, c.first) // "A partnership composed of A and B implements"
			}
			if len(before) > 0 && !isMeeting {
				r.implements(st, thing, before, "implementer")
				r.implements(st, thing, actors, "partner")
			}
		case cueLaunched:
			if after := r.firstThing(things, c.last); after != nil {
				r.implements(st, after, r.actorsIn(st.first, c.first), "implementer")
			}
		case cueFunder:
			if byWords[r.fold(c.last-1)] && r.modifiesBody(st, c.first) {
				// "l'Académie d'Alger, financée par ...": the body is funded, not the meeting
				// (a participle; "thanks to the support of" speaks of the whole clause).
				continue
			}
			r.funded(st, r.fundedMeeting(st, isMeeting, thing, things), thing, actors)
		case cueFundsBefore:
			after := r.firstThing(things, c.last)
			if pronoun {
				after = lastThing
			}
			before := r.actorsIn(r.relativeStart(st.first, c.first), c.first)
			if t, rel := r.objectRelative(st, things, c.first); after == nil && t != nil {
				// "le projet SHIELD, que le Canada finance": the list right before the verb, not
				// "che con la Guardia Civil finanzia", nor "which INTERPOL implements and Canada funds"
				before, _ = r.listBefore(rel, c.first)
				if len(before) > 0 && withWords[r.fold(r.skipArticle(before[0].first)-1)] {
					before = nil
				}
				after = t
			}
			if len(before) == 0 && clitic {
				before, _ = r.listAfter(c.last, to) // "Lo finanzia l'Unione Europea": the subject after its verb
			}
			switch {
			case len(before) > 0 && after != nil:
				r.funded(st, nil, after, before)
			case len(before) > 0:
				r.funded(st, r.fundedMeeting(st, true, nil, things), nil, before) // "Canada provided funding for the event"
			}
		case cueGivesMoney:
			// "Japan has given USD 1.5 million to the UNODC Programme": an amount between the
			// verb and the thing makes it funding.
			after := r.firstThing(things, c.last)
			before := r.actorsIn(st.first, c.first)
			if after == nil || len(before) == 0 || after.first <= c.last {
				break
			}
			if _, _, ok := money(r.d.Fold, r.d.Runes, r.tokSpan(c.last, after.first).Start, r.tokSpan(c.last, after.first).End); ok {
				r.funded(st, nil, after, before)
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
		if st.roled[m] || m.kind == fixtures.KindPerson && r.absent(st.first, st.last, m) {
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
		if m.kind != fixtures.KindPerson && !(m.kind == fixtures.KindState && m.adjective) {
			r.g.edge(fixtures.EdgeImplements, m.id, thing.id, st.span, role) // not "l'agence allemande": Germany
		}
	}
}

// fundedMeeting is the meeting a funding cue is about: the sentence's meeting when the cue
// targets it, else the meeting named just before when the sentence names no project or
// roadmap ("The workshop was held in X. It was financed by Japan").
func (r *run) fundedMeeting(st *sentenceState, isMeeting bool, thing *mention, things []*mention) *meeting {
	if isMeeting {
		return st.meeting
	}
	if st.recent != nil && len(things) == 0 {
		return st.recent
	}
	return nil
}

// funded records FUNDED edges of a meeting, or else of a project or roadmap; with a
// single funder, the amount written in the sentence ("1,5 milioni di euro") goes with it.
func (r *run) funded(st *sentenceState, mt *meeting, thing *mention, ms []*mention) {
	if mt == nil && thing != nil && thing.kind == fixtures.KindRoadmap && documentKinds[thing.subtype] {
		// a convention, treaty or charter is not funded: "Donors: A, B" under the line that
		// named the convention a project serves speak of the project; a sentence of prose
		// after the convention ("This work was possible thanks to funding from A") does not
		// say which project
		thing = nil
		if r.labelCue(st) {
			thing = r.principalProject()
		}
	}
	props := map[string]any{}
	if len(ms) == 1 {
		if amount, currency, ok := money(r.d.Fold, r.d.Runes, st.span.Start, st.span.End); ok {
			props["amount"], props["currency"] = amount, currency
		}
	}
	for _, m := range ms {
		switch {
		case mt != nil:
			mt.links = append(mt.links, link{kind: fixtures.EdgeFunded, other: m.id, span: st.span, props: props})
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
				if body == nil && !r.breakBetween(c.last, m.first) {
					body = m // not "Deputy Director of the Agency under the President ..., and X, UNODC Coordinator"
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
	more := r.moreProjects(fw, to)
	switch {
	case thing != nil && !isMeeting && thing.kind == fixtures.KindProject && fw.kind == fixtures.KindProject:
		r.g.edge(fixtures.EdgePartOf, thing.id, fw.id, st.span, "")
	case thing != nil && thing.first > c.first && thing.kind == fixtures.KindProject && fw.kind == fixtures.KindProject &&
		!(isMeeting && slices.Contains(more, thing)):
		// not "the event, through the X project, the Y project and the Z project": a list of frameworks
		r.g.edge(fixtures.EdgePartOf, thing.id, fw.id, st.span, "")
	case st.meeting != nil:
		st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeHeldUnder, other: fw.id, span: st.span, outgoing: true})
		st.framework = fw // "within the framework of X and hosted by Y": Y hosts the meeting, not X
		// "through the SEACOP project and the AIRCOP project"
		for _, p := range more {
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeHeldUnder, other: p.id, span: st.span, outgoing: true})
		}
	}
}

// undatedMeetingGroup returns the body of the first meeting noun of [first, last) that
// names whose meeting it is ("Réunion ministérielle de la COI"), nil when none does.
func (r *run) undatedMeetingGroup(first, last int) *mention {
	for i := first; i < last; i++ {
		if _, head := meetingHeads[r.fold(i)]; head && r.at[i] == 0 && r.d.Tokens[i].Upper {
			return r.meetingGroup(i, last)
		}
	}
	return nil
}

// sentencePersons gives the persons of a sentence their affiliations and, in a
// sentence about a meeting, their participation.
func (r *run) sentencePersons(st *sentenceState) {
	// "la riunione del Gruppo G7 Roma/Lione": the body a meeting noun belongs to.
	if st.meeting != nil && st.meetingAt >= 0 {
		m := r.meetingGroup(st.meetingAt, st.last)
		if m == nil {
			m = r.groupBefore(st.meetingAt)
		}
		if m == nil {
			m = r.possessiveGroup(st.first, st.meetingAt)
		}
		if m != nil {
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeHeldUnder, other: m.id, span: st.span, outgoing: true})
			if st.meeting.group == "" {
				st.meeting.group = m.name
			}
		}
	}
	for _, p := range r.personsIn(st.first, st.last) {
		for _, a := range p.affiliation {
			if am := r.ments[a]; am.kind != "" && am.id != "" {
				r.g.edge(fixtures.EdgeAffiliatedWith, p.id, am.id, st.span, "").Properties["title"] = p.title
				if parent := r.innerParentID(am); parent != "" {
					// "Capo di Stato Maggiore del Comando Generale dell'Arma dei Carabinieri": the
					// unit's, and the force's whose name the unit's holds
					r.g.edge(fixtures.EdgeAffiliatedWith, p.id, parent, st.span, "").Properties["title"] = p.title
				}
			}
		}
		if st.onBehalf != nil && st.onBehalf.first < p.first && st.onBehalf.id != "" {
			r.g.edge(fixtures.EdgeAffiliatedWith, p.id, st.onBehalf.id, st.span, "")
		}
		if st.meeting != nil && !st.roled[p] && (st.meetingAt >= 0 || len(st.cues) > 0) && !r.namedAsOwner(st.first, st.cues, p) && !r.absent(st.first, st.last, p) {
			st.roled[p] = true
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeParticipatedIn, other: p.id, role: "participant", span: st.span})
		}
	}
}

// namedAsOwner reports whether a person is named only as the owner of something else:
// "dans la vision du président X", "the policy of Minister Y". Not "la visite du ministre
// X" (a meeting noun) nor "in the presence of Y" (a cue).
// absenceCues say that the person before them did not attend: "could not attend",
// "n'a pas pu participer", "non ha potuto partecipare".
var absenceCues = byFirstWord(phrases("absence cues"), phraseWords)

// standInCues say that the person after them was represented by another: "who
// represented Prime Minister X", "in rappresentanza del ministro X".
var standInCues = byFirstWord(phrases("stand-in cues"), phraseWords)

// absenceHeadings head the lists of those who sent apologies, by their first word:
// "Apologies", "Excusés".
var absenceHeadings = byFirstWord(phrases("absence headings"), phraseWords)

// underAbsenceHeading reports whether sentence s is a line of a list under an absence
// heading: the nearest short line above it, past the lines of the list, is one.
func (r *run) underAbsenceHeading(s int) bool {
	if !r.listLine(s) {
		return false
	}
	for p := s - 1; p >= 0 && s-p <= maxListLines; p-- {
		if r.listLine(p) {
			continue
		}
		first, last := r.sentenceTokens(p)
		for last > first && r.d.Tokens[last-1].Kind != text.Word {
			last-- // its colon
		}
		return last-first > 0 && last-first <= 3 && longestPrefix(r.d, first, last, absenceHeadings) == last-first
	}
	return false
}

// maxListLines bounds the lines of a list read back to its heading.
const maxListLines = 12

// capitalsOnlyBetween reports whether the tokens [from, to) are all capitalised words: the
// rest of a title ("who represented Prime Minister X"), not "represented by".
func (r *run) capitalsOnlyBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if t := r.d.Tokens[k]; t.Kind != text.Word || !t.Upper {
			return false
		}
	}
	return true
}

// maxAbsenceGap bounds the words between an absent person and the cue that says so.
const maxAbsenceGap = 25

// absent reports whether the sentence says person p did not attend: the subject of an
// absence cue after it, with no other person between ("Il Ministro X, trattenuto a
// Palazzo Chigi, non ha potuto partecipare"), or the one another stood in for ("who
// represented Prime Minister X").
func (r *run) absent(first, last int, p *mention) bool {
	if r.underAbsenceHeading(r.d.Tokens[p.first].Sentence) {
		return true // "Apologies" over "Maria Kovacs, Liaison Officer, Frontex"
	}
	k := p.first
	for k > first && p.first-k < 4 && (titleWords[r.fold(k-1)] || honorifics[r.fold(k-1)] || titleModifiers[r.fold(k-1)] || articles[r.fold(k-1)]) {
		k--
	}
	for j := max(first, k-3); j < k; j++ {
		if n := longestPrefix(r.d, j, k, standInCues); n > 0 && r.capitalsOnlyBetween(j+n, k) {
			return true
		}
	}
	// The cue right after the name, or right after the apposition that a comma opens and
	// closes after it: "X, trattenuto a Palazzo Chigi, non ha potuto partecipare"; not "X
	// said the Malian delegation could not attend".
	j := p.last
	if j < last && longestPrefix(r.d, j, last, absenceCues) > 0 {
		return true
	}
	if j >= last || r.fold(j) != "," {
		return false
	}
	if j+2 < last && relativePronouns[r.fold(j+1)] && longestPrefix(r.d, j+2, last, absenceCues) > 0 {
		return true // "X, che non ha potuto partecipare,", "X, who was unable to attend,"
	}
	for k := j + 1; k < last && k-p.last <= maxAbsenceGap; k++ {
		if m := r.mentionAt(k); m != nil && m.kind == fixtures.KindPerson || relativePronouns[r.fold(k)] {
			return false // "X, Head of the Delegation, who recalled that ..., did not attend"
		}
		if r.fold(k) == "," {
			return k+1 < last && longestPrefix(r.d, k+1, last, absenceCues) > 0 // the comma that closes the apposition
		}
	}
	return false
}

func (r *run) namedAsOwner(first int, cues []cue, p *mention) bool {
	k := p.first
	for k > first && p.first-k < 4 && (titleWords[r.fold(k-1)] || honorifics[r.fold(k-1)] || titleModifiers[r.fold(k-1)]) {
		k--
	}
	if k-2 < first || !ofWords[r.fold(k-1)] || r.at[k-2] != 0 || r.d.Tokens[k-2].Upper || r.d.Tokens[k-2].Kind != text.Word {
		return false
	}
	f := r.fold(k - 2)
	if _, meeting := meetingHeads[f]; meeting {
		return false
	}
	if _, plural := pluralHeads[f]; plural {
		return false
	}
	for _, c := range cues {
		if c.first <= k-1 && k-1 < c.last {
			return false
		}
	}
	return true
}

// meetingBetween reads the parties named after "between" right after the meeting's noun:
// "a meeting between A and B", "une réunion de travail entre A et B", "la riunione
// congiunta tra A e B" take part in it.
func (r *run) meetingBetween(st *sentenceState) {
	for _, c := range st.cues {
		if c.kind == cueBetween && c.first > st.meetingAt && c.first-st.meetingAt <= 4 {
			actors, persons := r.listAfter(c.last, st.last)
			r.participate(st, actors, "participant")
			r.participate(st, persons, "participant")
			return
		}
	}
}

// maxPairDistance bounds the tokens between a meeting noun and the pair of states its
// name holds.
const maxPairDistance = 7

// statePairOfTheMeeting returns two states joined by a hyphen or a slash in the meeting's
// name ("the Pakistan-U.S. Strategic Dialogue", "il vertice Italia-Francia"): both sides
// meet.
func (r *run) statePairOfTheMeeting(st *sentenceState) []*mention {
	for k := max(st.first, st.meetingAt-maxPairDistance); k < st.last && k <= st.meetingAt+maxPairDistance; k++ {
		if a, b := r.joinedStates(k); a != nil && a.last < st.last {
			return []*mention{a, b}
		}
	}
	return nil
}

// joinedStates returns the state named at k and the state written right after it,
// joined by a hyphen or a slash ("Italia-Francia", "italo-tedesco"), or nils.
func (r *run) joinedStates(k int) (*mention, *mention) {
	a := r.mentionAt(k)
	if a == nil || a.kind != fixtures.KindState || a.first != k {
		return nil, nil
	}
	b := r.mentionAt(a.last)
	if b == nil || b == a || b.kind != fixtures.KindState || b.first != a.last || !r.d.Joined(b.first) {
		return nil, nil
	}
	return a, b
}

// hyphenated reports whether the token at k is joined to the one before by a hyphen:
// "italo-albanese", "Jean-Pierre".
func (r *run) hyphenated(k int) bool {
	return r.d.Joined(k) && r.d.Fold[r.d.Tokens[k].Start-1] == '-'
}

// peopleAtTheOnlyMeeting takes every person a document names after its only meeting to
// have been there: a release about one meeting names the people who met, spoke, signed
// or hosted it, whatever verb it uses ("sedevano", "a salué", "took the floor").
func (r *run) peopleAtTheOnlyMeeting(meetings []*meeting) {
	if len(meetings) != 1 {
		return
	}
	mt := meetings[0]
	linked := map[string]bool{}
	for _, l := range mt.links {
		if l.kind == fixtures.EdgeParticipatedIn {
			linked[l.other] = true
		}
	}
	for _, m := range r.ments {
		if m.kind != fixtures.KindPerson || m.id == "" || linked[m.id] || len(mt.spans) == 0 || r.d.Tokens[m.first].Start < mt.spans[0].Start {
			continue
		}
		sentence := r.d.Tokens[m.first].Sentence
		if r.elsewhere(mt, sentence) {
			continue // "siglato oggi a Roma dal Sottosegretario": not at the meeting in New York
		}
		if first, last := r.sentenceTokens(sentence); r.namedAsOwner(first, r.findCues(first, last), m) || r.absent(first, last, m) {
			continue
		}
		linked[m.id] = true
		mt.links = append(mt.links, link{kind: fixtures.EdgeParticipatedIn, other: m.id, role: "participant", span: r.d.Sentences[sentence]})
	}
}

// elsewhere reports whether sentence s names a place other than the meeting's.
func (r *run) elsewhere(mt *meeting, s int) bool {
	first, last := r.sentenceTokens(s)
	for i := first; i < last; i++ {
		if p := r.mentionAt(i); p != nil && p.kind == "place" && p.id != mt.place && !r.seatOfBody(p) {
			return true
		}
	}
	return false
}

// seatOfBody reports whether a place only says where a body sits: "the Centre of
// Excellence (CoESPU) of Vicenza", "le CCPD de Genève" name no meeting's place.
func (r *run) seatOfBody(place *mention) bool {
	k := place.first - 1
	if k < 1 || !ofWords[r.fold(k)] {
		return false
	}
	k--
	if r.fold(k) == ")" {
		for k > 0 && r.fold(k) != "(" && place.first-k < 8 {
			k--
		}
		k--
	}
	b := r.mentionAt(k)
	return b != nil && b.last == k+1 && (b.isActor() || b.kind == fixtures.KindAgency || b.kind == fixtures.KindOrganization || b.kind == fixtures.KindUNBody)
}

// organisedBefore reports whether the sentence says who organised something it does not
// name: "Il a été organisé conjointement par A et B", right after the sentence naming the
// meeting, is about that meeting (a project or roadmap named before the cue is not).
func (r *run) organisedBefore(st *sentenceState) bool {
	for _, c := range st.cues {
		if c.kind != cueOrganiser {
			continue
		}
		for i := st.first; i < c.first; i++ {
			if m := r.mentionAt(i); m != nil && m.kind != "" && m.kind != "place" {
				return false
			}
		}
		return true
	}
	return false
}

// givesDay reports whether the sentence gives a day, its year written or not: "du 5 au
// 16 décembre", "il 3 marzo 2019".
func (st *sentenceState) givesDay() bool {
	return st.date != nil && (st.date.prec == precDay && !st.date.isRelative || st.date.pday > 0 && st.date.pmonth > 0)
}

func (st *sentenceState) has(kind cueKind) bool {
	for _, c := range st.cues {
		if c.kind == kind {
			return true
		}
	}
	return false
}

// possessives name the owner of what follows by reference: "its", "son", "il suo".
var possessives = words("possessives")

// possessiveOwner returns the body a project written with a possessive belongs to: the
// nearest body named before it in the sentence ("delivered by UNODC through its Global
// Maritime Crime Programme"), nil when there is none or no possessive.
func (r *run) possessiveOwner(t *mention, first int) *mention {
	if t.kind != fixtures.KindProject {
		return nil
	}
	k := t.first - 1
	if k >= first && articles[r.fold(k)] {
		k-- // "il suo programma"
	}
	if k < first || !possessives[r.fold(k)] {
		return nil
	}
	for j := k - 1; j >= first; j-- {
		m := r.mentionAt(j)
		if m == nil || m.id == "" {
			continue
		}
		switch m.kind {
		case fixtures.KindOrganization, fixtures.KindUNBody, fixtures.KindAgency:
			return m
		case fixtures.KindPerson, fixtures.KindState, fixtures.KindProject, fixtures.KindRoadmap:
			return nil
		}
	}
	return nil
}
