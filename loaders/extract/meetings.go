package extract

import (
	"strconv"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// meeting is a meeting being read; its id is set once all its mentions are known.
type meeting struct {
	subtype, from, to, place, placeName, country, partial string
	label                                                 string // its own name, as in "conférence régionale (JUMBO)"
	series                                                bool   // "ciclo di visite": a dated meeting is one of it, not it
	generic                                               bool   // named by a noun that says no kind ("session"): a later noun says it
	qualifier                                             string // the adjective that tells it from others: "extraordinaire", "conjoint"
	group                                                 string // the body whose meeting it is: "la riunione del Gruppo Roma/Lione"
	national                                              bool   // "atelier national": the state where it is held takes part
	edition                                               int    // the edition its ordinal numbers ("la 2ème réunion"), 0 when none
	sidelines                                             int    // held on the sidelines of the meeting reported, where it was: its rank among those, 0 when not
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

// id is meeting:<start>:<place>:<subtype>, with ":sidelines" (":sidelines-2", ...) for the
// meetings held on the sidelines of another at its place; a meeting without a date could be any
// meeting of its kind there, so its id ends with the document's name instead.
func (mt *meeting) id(doc string) string {
	parts := []string{"meeting"}
	for _, p := range []string{mt.from, mt.place, mt.subtype} {
		if p != "" {
			parts = append(parts, strings.ReplaceAll(p, " ", "-"))
		}
	}
	if mt.sidelines == 1 {
		parts = append(parts, "sidelines")
	} else if mt.sidelines > 1 {
		parts = append(parts, "sidelines-"+strconv.Itoa(mt.sidelines)) // the second bilateral of the day
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

// sameKind reports whether two meeting nouns may name the same meeting: nouns of one
// class, and a visit with its talks ("the visit ... the talks").
func sameKind(a, b string) bool {
	if a == "visit" && b == "meeting" || a == "meeting" && b == "visit" {
		return true
	}
	return subtypeClass(a) == subtypeClass(b)
}

// learning are the kinds of meeting where people are trained: "the workshop ... the
// training" may name one event.
var learning = map[string]bool{"workshop": true, "training": true, "exercise": true}

// signing is the date and place of the last memorandum signed in the document.
type signing struct {
	date, place, placeName, country string
	signatories                     []link    // the parties and the persons who signed, for the ceremony named later
	span                            text.Span // the sentence that says it was signed
	sentence                        int       // the sentence a scene was read from (lastScene)
	named                           bool      // a meeting noun of the text names the signing
	bySigners                       bool      // persons or the parties themselves signed, not "was signed between A and B"
}

// sentenceMeeting finds the meeting a sentence talks about: a new one when a meeting
// noun comes with a date or a place that differ from the current meeting's, else the
// current one when a meeting noun or "the event" refers back to it.
func (r *run) sentenceMeeting(st *sentenceState, current *meeting, s int) (*meeting, int, bool) {
	head, sub, coref := -1, "", -1
	dateAt := -1 // the token where the sentence's date starts
	if st.date != nil && !st.date.isRelative {
		for i := st.first; i < st.last && dateAt < 0; i++ {
			if r.d.Tokens[i].Start >= st.date.start {
				dateAt = i
			}
		}
	}
	for i := st.first; i < st.last; i++ {
		if r.at[i] != 0 {
			if head < 0 && r.bodyMeetingName(i, st.last) {
				// "la 12e Assemblée générale de l'Office régional ...": the assembly of the
				// body named after it, not the body the gazetteer knows by that name.
				r.forget(r.mentionAt(i))
				head, sub = i, "meeting"
			}
			continue
		}
		f := r.fold(i)
		// The first meeting noun, or the one nearest before the date: "the training plan
		// follows what the ordinary meeting of the Council agreed on 12 June 2019".
		t, ok := meetingHeads[f]
		if v, bare := articleMeetingHeads[f]; bare && i > 0 && (definite[r.fold(i-1)] || indefiniteArticles[r.fold(i-1)]) {
			t, ok = v, true // "un bilaterale con il ministro"
		}
		if v, works := proceedingsHeads[f]; works && st.givesDay() && !(i+1 < st.last && ofWords[r.fold(i+1)]) && i > 0 && proceedingsArticles[r.fold(i-1)] {
			t, ok = v, true // "ai lavori, svoltisi a Roma il 3 marzo, hanno partecipato", not "deux jours de travaux"
		}
		if v, trip := tripHeads[f]; trip && r.tripTo(i, st.last) {
			t, ok = v, true // "la missione a Bucarest", "an assessment mission in Port Louis"
		}
		if d, dated := datedHeads[f]; dated && datedHeadsOf[r.d.Lang][f] && (st.givesDay() || r.ordinalAt(i-1) || r.newOnRelativeDay(st, i)) && !(i > 0 && ofWords[r.fold(i-1)]) {
			t, ok = d, true // not "une session de formation": the session is the head
		}
		if p, plural := pluralHeads[f]; plural && !ok && (st.place != nil || st.date != nil) && !(r.d.Lang == "fr" && f == "visite") &&
			(p != "training" || st.givesDay() || st.place != nil && !r.datelinePlace(st.place)) {
			// not "Port-Louis, 3 mars – Ces formations sont financées par A": the trainings a
			// programme gives, no meeting
			t, ok = p, true // "les réunions techniques organisées à Niamey"
		}
		// A noun that says the kind of meeting rather than one that does not ("réunis à
		// Abuja pour un sommet extraordinaire").
		specific := head >= 0 && genericHeads[r.fold(head)] && !genericHeads[f] && i-head <= 12
		if ok && head >= 0 && !specific {
			// "On the sidelines of the conference, Smith held a bilateral meeting": the
			// meeting of the sentence is the one after the comma, not the one it is beside.
			found, setOff := r.sidelinesBefore(st.first, head)
			_, nowOff := r.sidelinesBefore(st.first, i)
			specific = found && !setOff && nowOff && !meetingVerbs[f]
		}
		if ok && (head < 0 || specific || dateAt > i && head < dateAt && dateAt-head > 6 && 3*(dateAt-i) < 2*(dateAt-head)) {
			if t == "signing ceremony" && !ceremonyWords[f] && !r.signingEvent(st, i) {
				continue // "la firma del Memorandum apre un nuovo capitolo": no event
			}
			if f == "course" && r.d.Lang != "en" || r.qualifiesProject(i) || r.insidePhrase(i, adoptedAt) {
				continue // not "nel corso della riunione", "au cours de la réunion": the meeting comes after
			}
			if reflexiveHeads[f] && !(i > st.first && reflexiveAuxiliaries[r.fold(i-1)]) {
				continue // "les séminaires ont réuni des magistrats": a cue, not the meeting
			}
			if meetingVerbs[f] && !r.meetsSomeone(i+1, st.last) && !r.metThere(st, i) {
				continue // "the project met its targets"
			}
			if nounVerbs[f] && !r.definiteHead(i) {
				continue // "UNODC will launch the project"
			}
			if delegationNouns[f] && st.date == nil && s != 0 {
				continue // "la délégation de l'UE": a mission, unless the sentence dates a visit
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
	from, to, place, placeName, country, partial := r.sentenceScene(st)
	if head < 0 {
		if current != nil {
			current.fill(from, to, place, placeName, country, partial)
			current.spans = append(current.spans, r.tokSpan(coref, coref+1))
		} else if st.eventCue && occasionWords[r.fold(coref)] {
			// "In quell'occasione una delegazione è stata accolta dal questore": a meeting.
			mt := &meeting{subtype: "meeting", spans: []text.Span{r.tokSpan(coref, coref+1)}, generic: true}
			mt.fill(from, to, place, placeName, country, partial)
			return mt, coref, true
		}
		return current, coref, false
	}
	spans := r.meetingSpans(head, st.first, st.last)
	if r.otherMeeting(head, st.first, st.last) {
		current = nil // "la réunion suivante est annoncée en France", "le précédent atelier": another meeting
		st.elsewhere = true
	}
	if current != nil && (sub == "meeting" || sub == "visit") && r.onTheSidelines(st.first, head) {
		// "Sempre a margine dei lavori, Nordio ha avuto un incontro bilaterale con ...": a
		// meeting of its own, held where the meeting reported was, on a day of it the text
		// does not say.
		if place == "" {
			place, placeName, country = current.place, current.placeName, current.country
		}
		r.sideMeetings++
		mt := &meeting{subtype: sub, spans: spans, generic: genericHeads[r.fold(head)], national: r.nationalMeeting(head), sidelines: r.sideMeetings}
		mt.fill(from, to, place, placeName, country, partial)
		return mt, head, true
	}
	if current != nil && (r.partOfMeeting(head, st.last) || r.ceremonyOfTheMeeting(st, head, sub, from)) {
		// "The opening ceremony took place on Monday": the meeting reported opened then.
		current.fill(from, to, place, placeName, country, partial)
		current.spans = append(current.spans, spans...)
		current.national = current.national || r.nationalMeeting(head)
		return current, head, false
	}
	if current != nil && r.thisMeeting(current, head, sub) {
		current.fill(from, to, place, placeName, country, partial)
		current.spans = append(current.spans, spans...)
		current.national = current.national || r.nationalMeeting(head)
		current.sharpen(r, head, sub)
		return current, head, false
	}
	label, labelAt := r.meetingLabel(head, st.last)
	edition := r.edition(head, st.first)
	otherEdition := current != nil && edition > 0 && current.edition > 0 && edition != current.edition
	_, pluralHead := pluralHeads[r.fold(head)]
	series := r.seriesHead(head) || pluralHead && meetingHeads[r.fold(head)] == ""
	qualifier := r.qualifier(head, st.first, st.last)
	group := ""
	if g := r.meetingGroup(head, st.last); g != nil {
		group = g.name
	}
	// "hanno svolto a Roma una visita di studio" after the committee's meeting there: a meeting
	// of another kind that the text introduces is another meeting, but for what a visit
	// holds ("During his stay, he had a meeting with the minister").
	introduced := current != nil && current.subtype != "visit" && subtypeClass(sub) != subtypeClass(current.subtype) && r.indefiniteHead(head)
	if current != nil && sameKind(current.subtype, sub) && !introduced && !(current.series && from != "") && !otherEdition &&
		(group == "" || current.group == "" && current.from == "" || current.group == group) &&
		(qualifier == "" || current.qualifier == "" || qualifier == current.qualifier) &&
		(from == "" || current.from == "" || from == current.from) && (place == "" || current.place == "" || place == current.place) &&
		(label == "" || current.label == "" || strings.EqualFold(label, current.label)) {
		current.fill(from, to, place, placeName, country, partial)
		current.spans = append(current.spans, spans...)
		current.national = current.national || r.nationalMeeting(head)
		current.addLabel(r, label, labelAt)
		if current.qualifier == "" {
			current.qualifier = qualifier
		}
		if current.edition == 0 {
			current.edition = edition
		}
		current.sharpen(r, head, sub)
		return current, head, false
	}
	var signatories []link
	if sub == "signing ceremony" && from == "" && place == "" {
		// "Alla cerimonia di firma": the signing, or the launch, reported before.
		if sc := r.signing; sc != nil || r.lastScene != nil {
			if sc == nil {
				sc = r.lastScene
			}
			from, place, placeName, country = sc.date, sc.place, sc.placeName, sc.country
			signatories = sc.signatories // "signed ... by A and B. The ceremony was witnessed by C"
			sc.named = true
		}
	}
	if sc := r.lastScene; from == "" && place == "" && current == nil && !st.elsewhere && sc != nil && sc.sentence == s-1 && r.definiteHead(head) && label == "" {
		// "Il ministro ha ricevuto il 13 dicembre a Roma il suo omologo. Durante l'incontro
		// ...": the meeting named next took place when and where the sentence before says.
		from, place, placeName, country = sc.date, sc.place, sc.placeName, sc.country
	}
	hasDate := from != "" && len(from) >= 7
	if !hasDate && place == "" && s != 0 && !(current == nil && (st.eventCue || r.fieldScene)) && !otherEdition {
		if coref >= 0 && current != nil {
			return current, coref, false // "during the event ... at the 70th session of the Assembly"
		}
		if current != nil && r.definiteHead(head) && label == "" && group == "" && (sameKind(current.subtype, sub) || learning[current.subtype] && learning[sub]) {
			// "The training is part of the X project": the meeting reported, named again.
			current.spans = append(current.spans, spans...)
			current.national = current.national || r.nationalMeeting(head)
			return current, head, false
		}
		if !(current == nil && (r.definiteHead(head) || head > 0 && definite[r.fold(head-1)]) && len(r.published) == len("2006-01-02") && label == "" && group == "" && !st.elsewhere && r.fold(st.last-1) == ".") {
			return nil, -1, false
		}
		// "Nel corso del bilaterale ...", the first meeting the text names, with no day or
		// place of its own: the meeting of the day the release is dated.
		from = r.published
	}
	mt := &meeting{subtype: sub, spans: spans, series: series, group: group, generic: genericHeads[r.fold(head)], qualifier: qualifier,
		links: signatories, national: r.nationalMeeting(head), edition: edition}
	mt.fill(from, to, place, placeName, country, partial)
	mt.addLabel(r, label, labelAt)
	return mt, head, true
}

// sidelines are the phrases that set a meeting on the sidelines of the one reported.
var sidelines = byFirstWord(phrases("sidelines phrases"), phraseWords)

// onTheSidelines reports whether a sidelines phrase comes before the meeting noun at head
// in its sentence, set off from it: "A margine dei lavori, Nordio ha avuto un incontro",
// not "en marge de la réunion du Comité", where the noun is the meeting reported.
func (r *run) onTheSidelines(first, head int) bool {
	found, setOff := r.sidelinesBefore(first, head)
	return found && setOff
}

// sidelinesBefore reports whether a sidelines phrase comes before head in [first, head),
// and whether a comma sets head off from it.
func (r *run) sidelinesBefore(first, head int) (found, setOff bool) {
	for k := first; k < head; k++ {
		if n := longestPrefix(r.d, k, head, sidelines); n > 0 {
			for j := k + n; j < head; j++ {
				if r.fold(j) == "," {
					return true, true
				}
			}
			return true, false
		}
	}
	return false, false
}

// sentenceScene is when and where the sentence says its meeting takes place: the days
// (or the month or day without its year, as partial) and the place.
func (r *run) sentenceScene(st *sentenceState) (from, to, place, placeName, country, partial string) {
	if st.date != nil {
		if f, t, ok := st.date.resolve(r.now()); ok && st.date.prec != precYear {
			from, to = f, t
		} else if st.date.partial != "" {
			partial = st.date.partial
		}
	}
	if st.place != nil {
		place, placeName, country = st.place.id, st.place.name, st.place.country
	}
	return from, to, place, placeName, country, partial
}

// deadlineWords make a labelled date a deadline, not the day of a meeting: "Date limite de
// candidature", "Application deadline", "Scadenza delle iscrizioni".
var deadlineWords = words("deadline words")

// fieldLine reports whether the sentence is a labelled line of an agenda or minutes that
// says when or where ("Quando: giovedì 20 febbraio", "Lieu : Bamako", "Venue: Rome"): it
// dates and places the meeting the document is about, named before or after it.
func (r *run) fieldLine(st *sentenceState) bool {
	k := st.first
	for k < st.last && r.d.Tokens[k].Kind != text.Word {
		k++ // a bullet
	}
	if k+1 >= st.last || !sceneLabels[r.fold(k)] {
		return false
	}
	for j := k + 1; j < st.last && j <= k+4; j++ {
		if r.fold(j) == ":" {
			return !r.anyWordIn(k, j, deadlineWords) // "Data della firma:", "Date of signature:"; not "Date limite de candidature :"
		}
		if r.at[j] != 0 || r.d.Tokens[j].Kind != text.Word || r.d.Tokens[j].Upper {
			return false
		}
	}
	return false
}

// maxFieldHeading bounds the words of a minutes' heading that labelled lines of when and
// where follow ("Third meeting of the Joint Working Group on ..." over "Date:", "Venue:").
const maxFieldHeading = 30

// headingScene reads a heading that names a meeting ("Annual Heads of Border Agencies
// Meeting") on the short line after it that says where and when ("Vienna, Austria, 3-4
// October 2022"), even when that line is the dateline.
func (r *run) headingScene(st *sentenceState, after [][3]int) {
	next := after[0]
	fields := next[2]-next[1] <= 18 && r.fieldLine(&sentenceState{first: next[1], last: next[2]})
	if st.last-st.first > 12 && !(fields && st.last-st.first <= maxFieldHeading) || next[2]-next[1] > 10 && !fields {
		return // not "Lieu et dates : La Valette (Malte), 21 et 22 février 2017", a labelled line
	}
	head := false
	for i := st.first; i < st.last && !head; i++ {
		_, head = meetingHeads[r.fold(i)]
		if _, dated := datedHeads[r.fold(i)]; dated && fields && datedHeadsOf[r.d.Lang][r.fold(i)] {
			head = true // "3.2 Formation des magistrats" over "Dates : 6-9 mai 2024"
		}
		head = head && r.at[i] == 0
	}
	if !head {
		return
	}
	lines := [][3]int{next}
	for k := 1; fields && k < len(after) && k < 4; k++ {
		if w := after[k]; w[2]-w[1] <= 18 && r.fieldLine(&sentenceState{first: w[1], last: w[2]}) {
			lines = append(lines, w) // "Date: 14 November 2024" over "Venue: ..., Chișinău"
		} else {
			break
		}
	}
	var place *mention
	for _, w := range lines {
		for i := w[1]; i < w[2] && place == nil; i++ {
			if m := r.mentionAt(i); m != nil && m.kind == "place" {
				place = m
			}
		}
	}
	if place == nil {
		return // a date alone under a heading is when it was published
	}
	st.place = place
	for _, w := range lines {
		ds := r.datesIn(r.tokSpan(w[1], w[2]))
		for k := range ds {
			if dm := &ds[k]; dm.from != "" && dm.prec == precDay && st.date == nil {
				st.date = dm
			}
		}
	}
}

// datelinePlace reports whether the place m is where the document was written: the
// town before the publication date on its line ("Roma, 26 settembre 2017 –").
func (r *run) datelinePlace(m *mention) bool {
	if r.dateline < 0 {
		return false
	}
	end := r.d.Tokens[m.last-1].End
	return end <= r.dateline && r.dateline-end < 8 && !strings.ContainsRune(r.d.Fold[end:r.dateline], '\n')
}

// sceneLine returns st when the sentence only says where and when, as a line of a report
// does before what happened there ("2. Osh, Kyrgyzstan, 10-12 June 2019."): a place, a
// day and no more than a few other words.
func (r *run) sceneLine(st *sentenceState) *sentenceState {
	if st.place == nil || st.date == nil || st.date.prec != precDay || st.date.isRelative || st.last-st.first > 14 {
		return nil
	}
	for i := st.first; i < st.last; i++ {
		if r.at[i] != 0 || r.d.Tokens[i].Kind != text.Word || isNumber(r.fold(i)) || len(r.datesIn(r.tokSpan(i, i+1))) > 0 || inside(r.tokSpan(i, i+1), st.date) {
			continue
		}
		return nil // a word that is neither the place nor the date
	}
	return st
}

// inside reports whether the span lies within the date's text.
func inside(sp text.Span, dm *dateMention) bool { return sp.Start >= dm.start && sp.End <= dm.end }

// pluralMeetings reports whether a sentence names meetings in the plural ("tutte le
// delegazioni", "the workshops"): what it says holds for each meeting reported. The
// parts of one event ("lead the sessions") are not several meetings.
func (r *run) pluralMeetings(first, last int) bool {
	for i := first; i < last; i++ {
		if _, ok := pluralHeads[r.fold(i)]; ok && r.at[i] == 0 && !(r.d.Lang == "fr" && r.fold(i) == "visite") && !eventParts[r.fold(i)] {
			return true
		}
	}
	return false
}

// sceneList reads a short line that lists places with their dates ("Abidjan, 4-6 mars ;
// Dakar, 9-11 avril"), and returns a meeting for each pair when there are two
// or more; their kind is the first meeting noun of the document.
func (r *run) sceneList(first, last int) []*meeting {
	if last-first > 24 {
		return nil
	}
	var out []*meeting
	for i := first; i < last; i++ {
		m := r.mentionAt(i)
		if m != nil && (m.first != i || m.kind != "place") {
			continue
		}
		if m == nil {
			if !r.d.Tokens[i].Upper || (i > first && !clauseBreak(r.fold(i-1))) {
				continue
			}
			// a town the gazetteer lacks, written before its date
			m = &mention{first: i, last: i + 1, kind: "place", id: slug(r.textOf(i, i+1)), name: r.textOf(i, i+1)}
		}
		if m.last >= last || r.fold(m.last) != "," {
			continue
		}
		ds := r.datesIn(r.tokSpan(m.last, last))
		if len(ds) == 0 || ds[0].start > r.d.Tokens[min(m.last+1, last-1)].Start {
			continue
		}
		from, to, ok := ds[0].resolve(r.now())
		if !ok || len(from) < 7 {
			continue
		}
		out = append(out, &meeting{subtype: r.documentMeetingKind(), from: from, to: to, place: m.id, placeName: m.name,
			country: m.country, spans: []text.Span{r.span(m)}, generic: true})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// documentMeetingKind is the kind the first meeting noun of the document gives, singular
// or plural ("deux séminaires"), else "meeting".
func (r *run) documentMeetingKind() string {
	for i := range r.d.Tokens {
		if r.at[i] != 0 {
			continue
		}
		f := r.fold(i)
		if t, ok := meetingHeads[f]; ok && !genericHeads[f] {
			return t
		}
		if t, ok := pluralHeads[f]; ok {
			return t
		}
	}
	return "meeting"
}

// sceneOf is the meeting held in the place or country a sentence opens with ("Au
// Sénégal, ...", "In Vienna, ..."), when the document reports several.
func (r *run) sceneOf(st *sentenceState, meetings []*meeting) *meeting {
	if len(meetings) < 2 || st.last-st.first < 4 || !locatives[r.d.Lang][r.fold(st.first)] {
		return nil
	}
	k := st.first + 1
	if articles[r.fold(k)] {
		k++
	}
	m := r.mentionAt(k)
	if m == nil || m.first != k || m.last >= st.last || r.fold(m.last) != "," || (m.kind != "place" && m.kind != fixtures.KindState) {
		return nil
	}
	var found *meeting
	for _, mt := range meetings {
		if mt.place == m.id || m.kind == fixtures.KindState && mt.country == m.country {
			if found != nil {
				return nil
			}
			found = mt
		}
	}
	if found != nil && m.kind == fixtures.KindState {
		m.spec = true // a place, not an actor
	}
	return found
}

// shareLinks gives the other meetings of the same kind the links a sentence about them
// all gave to one.
func shareLinks(meetings []*meeting, from *meeting, links []link) {
	for _, mt := range meetings {
		if mt == from || !sameKind(mt.subtype, from.subtype) {
			continue
		}
		for _, l := range links {
			if l.kind == fixtures.EdgeParticipatedIn || l.kind == fixtures.EdgeFunded {
				mt.links = append(mt.links, l)
			}
		}
	}
}

// instancesOfSeries drops a series of meetings, or meetings of a month held nowhere in
// particular, when the text then reports its meetings one by one ("three training courses
// in June ... 1. Osh, 10-12 June: a course ..."), two at least: what it said of the series
// holds for each of them.
func instancesOfSeries(meetings []*meeting) []*meeting {
	out := meetings[:0]
	for i, s := range meetings {
		var each []*meeting
		umbrella := s.series || len(s.from) == len("2006-01") && s.place == ""
		for _, mt := range meetings[i+1:] {
			if umbrella && !mt.series && len(mt.from) > len(s.from) && sameKind(mt.subtype, s.subtype) && strings.HasPrefix(mt.from, s.from) {
				each = append(each, mt)
			}
		}
		if len(each) < 2 {
			out = append(out, s)
			continue
		}
		for _, mt := range each {
			mt.links = append(mt.links, s.links...)
		}
	}
	return out
}

// seriesOrganisers gives each dated meeting of a series ("il ciclo di visite, promosso
// da Europol") the organisers of the series.
func seriesOrganisers(meetings []*meeting) {
	for i, s := range meetings {
		if !s.series {
			continue
		}
		for _, mt := range meetings[i+1:] {
			if mt.series || mt.from == "" || !sameKind(mt.subtype, s.subtype) {
				continue
			}
			for _, l := range s.links {
				if l.kind == fixtures.EdgeParticipatedIn && l.role == "organiser" {
					mt.links = append(mt.links, l)
				}
			}
		}
	}
}

// meetsSomeone reports whether someone is met at k: a person or an actor, or "with".
func (r *run) meetsSomeone(k, last int) bool {
	k = r.metObject(k, last)
	if m := r.mentionAt(k); k < last && m != nil && m.kind == fixtures.KindState && m.adjective {
		k = m.last // "met the Italian Minister of the Interior"
	}
	if k >= last {
		return false
	}
	if m := r.mentionAt(k); m != nil && (m.kind == fixtures.KindPerson || m.isActor()) {
		return true
	}
	return withWords[r.fold(k)] || titleWords[r.fold(k)] ||
		k+1 < last && titleWords[r.fold(k+1)] && !titleWords[r.fold(k)] && r.at[k] == 0 // "il project leader"
}

// metThere reports whether the verb of meeting at i has bodies for its subject and a
// place or a date after it: "the Committee and the Task Force met in Riga on 10 March".
func (r *run) metThere(st *sentenceState, i int) bool {
	if i == 0 || st.place == nil && st.date == nil {
		return false
	}
	if i+1 >= st.last || !locatives[r.d.Lang][r.fold(i+1)] {
		return false
	}
	if m := r.mentionAt(i - 1); m != nil && (m.isActor() || m.kind == fixtures.KindPerson) {
		return true
	}
	// "the steering committee (of the programme) then met in Tashkent", "the experts met in
	// Rome": a collective noun heads the subject.
	for k := i - 1; k >= st.first && i-k <= maxSubjectWords && r.fold(k) != ","; k-- {
		if participantGroups[r.fold(k)] || meetingSubjects[r.fold(k)] {
			return !r.meetingNounAfter(i+1, st.last) // not "officers met in Suva for the Annual Planning Forum"
		}
	}
	return false
}

// meetingNounAfter reports whether a meeting noun that is no verb stands in [k, last).
func (r *run) meetingNounAfter(k, last int) bool {
	for ; k < last; k++ {
		if _, ok := meetingHeads[r.fold(k)]; ok && !meetingVerbs[r.fold(k)] {
			return true
		}
	}
	return false
}

// maxSubjectWords bounds how far before its verb the head of a subject is looked for: "the
// Steering Committees of the Border Component of the UNODC Programme for Central Asia then
// met".
const maxSubjectWords = 16

// metObject returns where the object of a verb of meeting starts, past articles, short
// words, the day and the place: "ha incontrato oggi al Viminale il direttore", "met
// yesterday in Rome the minister".
func (r *run) metObject(k, last int) int {
	for k < last {
		f := r.fold(k)
		if m := r.mentionAt(k); m != nil && m.kind == "place" {
			k = m.last
			continue
		}
		if end, dated := r.pastDate(k, last); dated {
			k = end // "ha incontrato il 12 marzo a Roma il direttore"
			continue
		}
		if f == "," {
			k++ // "a rencontré, à Paris, son homologue"
			continue
		}
		_, day := relativeDays[f]
		if !articles[f] && !day && !(r.d.Tokens[k].Kind == text.Word && !r.d.Tokens[k].Upper && len(f) <= 3 && f != "with") {
			break
		}
		k++
	}
	return k
}

// meetingWith is the token after "with" that follows the meeting noun at head and at
// most three lower-case words, none a verb, a conjunction or a topic ("un incontro bilaterale di vertice
// con la Guardia Costiera", not "the meeting would end with", "talks on cooperation
// with"), or -1.
func (r *run) meetingWith(head, last int) int {
	for k := head + 1; k < last && k-head <= 4; k++ {
		f := r.fold(k)
		if withWords[f] {
			return k + 1
		}
		if r.at[k] != 0 || clauseBreak(f) || verbWords[f] || topicPrepositions[f] || conjunctions[f] || r.d.Tokens[k].Kind != text.Word || r.d.Tokens[k].Upper {
			return -1
		}
	}
	return -1
}

// metParticipants returns who a verb of meeting at verb names as met: "ha incontrato il
// direttore generale della Polizia Nazionale spagnola, Francisco Herrera Molina".
func (r *run) metParticipants(st *sentenceState, verb int) (actors, persons []*mention) {
	var k int
	switch {
	case meetingVerbs[r.fold(verb)]:
		k = r.metObject(verb+1, st.last)
		if k < st.last && withWords[r.fold(k)] {
			k++
		}
	case r.at[verb] == 0:
		// "una delegazione per la Exposition, ..., e per un incontro con la Guardia
		// Costiera": the first meeting noun of the sentence that says with whom.
		k = -1
		for h := verb; h < st.last && k < 0; h++ {
			if _, head := meetingHeads[r.fold(h)]; h == verb || head && r.at[h] == 0 {
				k = r.meetingWith(h, st.last)
			}
		}
		if k < 0 {
			return nil, nil
		}
	default:
		return nil, nil
	}
	end := k
	for end < st.last && !clauseBreak(r.fold(end)) || end < st.last && r.fold(end) == "," && r.mentionAt(end+1) != nil && r.mentionAt(end+1).kind == fixtures.KindPerson {
		end++ // the title of the person met, up to the name after its comma
	}
	if m := r.mentionAt(end - 1); end < st.last && m != nil && m.kind == fixtures.KindPerson {
		end = m.last
	}
	return r.actorsIn(k, end), r.personsIn(k, end)
}

// newOnRelativeDay reports whether the dated head at i is introduced as a new event
// ("un cours", "a course") in a sentence dated relative to the release ("hier", "ieri",
// "yesterday"): "Un cours ... a commencé hier à Rome".
func (r *run) newOnRelativeDay(st *sentenceState, i int) bool {
	return st.date != nil && st.date.isRelative && i > 0 && indefiniteArticles[r.fold(i-1)] && !r.anyWordIn(st.first, st.last, futureWords)
}

// futureWords put what a sentence tells in the future: "sera proposé", "will be".
var futureWords = words("future words")

// ceremonyOfTheMeeting reports whether the ceremony named at head, undated and about no
// signing, closes the meeting reported: "Alla cerimonia di consegna degli attestati sono
// intervenuti ..." after a course.
func (r *run) ceremonyOfTheMeeting(st *sentenceState, head int, sub, from string) bool {
	return sub == "signing ceremony" && from == "" && r.signing == nil && !st.has(cueSigned) &&
		!r.signingNounIn(head+1, min(head+4, st.last))
}

// partOfMeeting reports whether the meeting noun at i names the opening or closing of
// a meeting ("opening ceremony", "séance d'ouverture", "cerimonia di apertura").
func (r *run) partOfMeeting(i, last int) bool {
	if i > 0 && openingWords[r.fold(i-1)] {
		return true
	}
	for k := i + 1; k < last && k-i <= 2; k++ {
		if openingWords[r.fold(k)] {
			return true
		}
	}
	return false
}

// meetingGroup is the body a meeting noun belongs to: "la riunione del Gruppo",
// "le sommet ordinaire de la SADC", "the annual session of the Council" (an
// organisation named after the noun, its adjectives and "of the"), or nil.
func (r *run) meetingGroup(head, last int) *mention {
	j, adjectives := head+1, 0
	for j < last && r.at[j] == 0 && !ofWords[r.fold(j)] && adjectives < 2 && r.d.Tokens[j].Kind == text.Word && !r.d.Tokens[j].Upper {
		j, adjectives = j+1, adjectives+1 // "extraordinaire", "annuale"
	}
	if m := r.mentionAt(j); j == head+1 && r.d.Lang != "en" && m != nil && m.first == j && m.id != "" && r.d.Tokens[j].AllCaps &&
		(m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody) {
		return m // "la Conferenza OSCE contro il terrorismo", "le sommet CEDEAO"
	}
	k := j
	for k < last && r.at[k] == 0 && (ofWords[r.fold(k)] || articles[r.fold(k)] || k > j && possessives[r.fold(k)]) && k-j < 3 {
		k++ // "of the", "of their Subcommittee"
	}
	if k == j || !ofWords[r.fold(j)] {
		return nil
	}
	m := r.mentionAt(k)
	if m == nil {
		if _, a := r.namedByAcronym(k, last); len(a) > 0 {
			m = a[0] // "la réunion du Comité des experts (CDE)"
		} else {
			m = r.organOf(k, last) // "the ordinary meeting of the Council of Ministers of ECOWAS"
		}
	} else if m.first != k {
		m = nil
	}
	if m != nil {
		if organ := r.mentionAt(m.last); organ != nil && organ.first == m.last && organ.owner == m {
			m = organ // "the meeting of the CEPOL Governing Board"
		}
	}
	if m != nil && m.id != "" && (m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody) {
		return m
	}
	return nil
}

// organOf reads the name of an organ or a group the gazetteer lacks, starting at k, up to
// the body it belongs to: "Council of Ministers of ECOWAS" and "Directeurs Généraux de la
// Police des pays de l'AES" give ECOWAS and the AES.
func (r *run) organOf(k, last int) *mention {
	if k >= last || !r.unknownName(k) {
		return nil
	}
	for j := k; j < last && j-k <= 10; j++ {
		if m := r.mentionAt(j); m != nil {
			if m.first == j && j > k && ofWords[r.fold(j-1)] || j > k+1 && articles[r.fold(j-1)] && ofWords[r.fold(j-2)] {
				return m
			}
			return nil
		}
		if f := r.fold(j); !r.unknownName(j) && !ofWords[f] && !articles[f] && !conjunctions[f] && !stateNouns[f] && !memberWords[f] &&
			!(j > k && r.d.Tokens[j-1].Upper && r.meetingAdjective(j)) { // "Comité exécutif de l'ASCA"
			return nil // group words may run on: "Directeurs généraux de la Police des pays de"
		}
	}
	return nil
}

// bodyMeetingName reports whether the mention starting at i is a body named by a
// statutory meeting noun ("General Assembly") that another body's name follows: "la 12e
// Assemblée générale de l'Office régional de coopération (ORC)".
func (r *run) bodyMeetingName(i, last int) bool {
	m := r.mentionAt(i)
	if m == nil || m.first != i || m.id == "" || (m.kind != fixtures.KindOrganization && m.kind != fixtures.KindUNBody) {
		return false
	}
	named := false
	for k := m.first; k < m.last; k++ {
		named = named || statutoryHeads[r.fold(k)]
	}
	k := m.last
	for k < last && k-m.last < 3 && (ofWords[r.fold(k)] || articles[r.fold(k)]) {
		k++
	}
	next := r.mentionAt(k)
	if next == nil && k < last {
		if _, a := r.namedByAcronym(k, last); len(a) > 0 {
			next = a[0] // "de l'Office régional de coopération (ORC)"
			k = next.first
		}
	}
	if !named || k == m.last || next == nil || next.first != k || next == m ||
		(next.kind != fixtures.KindOrganization && next.kind != fixtures.KindUNBody) {
		return false
	}
	for b := r.x.gaz.Body(m.id); b != nil; b = r.x.gaz.Body(b.PartOf) {
		if b.PartOf == next.id {
			return false // "l'Assemblée générale des Nations unies": the UN's own
		}
	}
	return true
}

// groupBefore is the body named right before a meeting noun: "the African Union
// Summit", "le sommet de la SADC" read the other way, "the OSCE summit".
func (r *run) groupBefore(head int) *mention {
	k := head - 1
	for k >= 0 && head-k <= 2 && r.at[k] == 0 && r.d.Tokens[k].Kind == text.Word && !r.d.Tokens[k].Upper && statutoryAdjectives[r.fold(k)] {
		k-- // "the ECOWAS ordinary summit"
	}
	statutory := statutoryHeads[r.fold(head)] || k < head-1 // "the PICP annual meeting"
	if k == head-1 && r.d.Tokens[head].Upper && r.d.Lang == "en" {
		// "the 27th INTERPOL African Regional Conference": a meeting whose capitalised name
		// begins with the body's is the body's own.
		for k >= 0 && head-k <= 3 && r.at[k] == 0 && r.d.Tokens[k].Kind == text.Word && r.d.Tokens[k].Upper && !r.d.Tokens[k].AllCaps {
			k--
		}
		statutory = true
	}
	if k >= 2 && r.fold(k) == ")" && r.fold(k-2) == "(" && r.d.Tokens[k-1].AllCaps && k < head-1 {
		k -= 3 // "the Pacific Transnational Crime Network (PTCN) Capacity Development Forum"
	}
	m := r.mentionAt(k)
	if m == nil || m.last != k+1 || m.id == "" || !statutory ||
		(m.kind != fixtures.KindOrganization && m.kind != fixtures.KindUNBody && !(m.kind == fixtures.KindProject && k < head-1)) {
		return nil
	}
	if k < head-1 && r.x.gaz.Body(m.id) == nil && !r.namedElsewhere(m, head) {
		return nil // "the Heads of Asian Coast Guard Agencies Meeting": no body known but by the meeting's name
	}
	return m
}

// namedElsewhere reports whether the document names m's entity outside the capitalised
// name of the meeting whose head is at head: "the PTCN Team Leaders Conference" in a
// release that speaks of the PTCN throughout.
func (r *run) namedElsewhere(m *mention, head int) bool {
	for _, o := range r.ments {
		if o != m && o.id == m.id && (o.last <= m.first || o.first > head) {
			return true
		}
	}
	return false
}

// possessiveGroup is the body whose own meeting a possessive names: "the Committee's
// fifth special meeting", "INTERPOL's annual conference", "le Comité a tenu sa dixième
// réunion" (the body named last before the possessive).
func (r *run) possessiveGroup(first, head int) *mention {
	k := head - 1
	for k > first && head-k <= 3 && r.at[k] == 0 && r.d.Tokens[k].Kind == text.Word && !r.d.Tokens[k].Upper && !r.apostropheS(k) &&
		!possessives[r.fold(k)] {
		k-- // "fifth special"
	}
	var m *mention
	switch {
	case k > first && r.apostropheS(k):
		m = r.mentionAt(k - 1)
		if m != nil && m.last != k {
			m = nil
		}
	case k > first && possessives[r.fold(k)]:
		// "le Comité ... a tenu sa dixième réunion": the subject's own meeting
		// "le projet X a tenu ... sa conférence de clôture": the project's own meeting
		for j := k - 1; j >= first && m == nil; j-- {
			if o := r.mentionAt(j); o != nil && o.id != "" && (o.isBody() || o.kind == fixtures.KindProject) {
				m = o
			}
		}
	}
	if m == nil || m.id == "" || (m.kind != fixtures.KindOrganization && m.kind != fixtures.KindUNBody && m.kind != fixtures.KindProject) {
		return nil
	}
	return m
}

// definiteHead reports whether a meeting noun follows an article or a demonstrative
// ("the training", "cet atelier", "la riunione"), as a noun naming a meeting already told.
func (r *run) definiteHead(head int) bool {
	if head <= 0 {
		return false
	}
	f := r.fold(head - 1)
	return articles[f] || demonstratives[f]
}

// indefiniteArticlesOf are the indefinite articles of each language: "a", "une", "una".
var indefiniteArticlesOf = byLanguage("indefinite articles")

// indefiniteHead reports whether an indefinite article opens the meeting noun at head,
// before at most three of its modifiers: "una visita", "a two-day study visit".
func (r *run) indefiniteHead(head int) bool {
	for k := head - 1; k >= 0 && k >= head-4; k-- {
		f := r.fold(k)
		if indefiniteArticlesOf[r.d.Lang][f] {
			return true
		}
		if r.at[k] != 0 || r.d.Tokens[k].Upper || r.d.Tokens[k].Kind != text.Word && f != "-" {
			return false
		}
	}
	return false
}

// thisMeeting reports whether a demonstrative points back to the meeting reported ("cette
// rencontre de deux jours se tient hors de Lyon", "this workshop"): whatever place or day the
// sentence adds, it is the same meeting.
func (r *run) thisMeeting(current *meeting, head int, sub string) bool {
	return head > 0 && demonstratives[r.fold(head-1)] && (sameKind(current.subtype, sub) || genericHeads[r.fold(head)])
}

// otherMeetingWords say that a meeting noun names another meeting than the one reported,
// after or before it: "a subsequent visit", "la réunion suivante", "the previous workshop",
// "la riunione precedente".
var otherMeetingWords = words("other meeting words")

// otherMeeting reports whether the meeting noun at i is qualified as a later or an earlier one.
func (r *run) otherMeeting(i, first, last int) bool {
	return i > first && otherMeetingWords[r.fold(i-1)] || r.d.Lang != "en" && i+1 < last && otherMeetingWords[r.fold(i+1)]
}

// tripHeads are nouns of official trips ("mission"): meetings when they say where they go.
var tripHeads = values("trip heads")

// destinationPrepositions come before the place a trip goes to: "to", "à", "ad".
var destinationPrepositions = byLanguage("destination prepositions")

// tripTo reports whether the trip noun at i is followed by a preposition and the town or
// state it goes to, and is no organisation's ("the EU mission to Mali" is a body's).
func (r *run) tripTo(i, last int) bool {
	if o := r.mentionAt(i - 1); o != nil && o.last == i && (o.kind == fixtures.KindOrganization || o.kind == fixtures.KindUNBody) {
		return false
	}
	if i+2 >= last || !destinationPrepositions[r.d.Lang][r.fold(i+1)] {
		return false
	}
	m := r.mentionAt(i + 2)
	return m != nil && m.first == i+2 && (m.kind == "place" || m.kind == fixtures.KindState && !m.adjective)
}

// edition returns the edition of the meeting whose noun is at head, numbered by an ordinal
// up to four tokens before it with only adjectives between ("la 2ème réunion", "the 6th
// High-Level Meeting"), or 0.
func (r *run) edition(head, first int) int {
	for k := head - 1; k >= first && head-k <= 4; k-- {
		if n := r.ordinalNumber(k); n > 0 {
			return n
		}
		if r.at[k] != 0 || !(r.fold(k) == "-" || r.d.Tokens[k].Upper || r.meetingAdjective(k)) {
			return 0 // not "pour la première fois son congrès": only adjectives between
		}
	}
	return 0
}

// ordinalNumber returns the number an ordinal at token k writes ("deuxième" 2, "6th" 6,
// "52esima" 52), or 0.
func (r *run) ordinalNumber(k int) int {
	if !r.ordinalAt(k) {
		return 0
	}
	f := r.fold(k)
	if v, ok := ordinalNumbers[f]; ok {
		n, _ := strconv.Atoi(v)
		return n
	}
	n, _ := strconv.Atoi(f[:len(f)-len(strings.TrimLeft(f, "0123456789"))])
	return n
}

// ordinalAt reports whether token k numbers an edition: "deuxième", "second", "2e",
// "2nd", "3ª".
func (r *run) ordinalAt(k int) bool {
	if k < 0 {
		return false
	}
	f := r.fold(k)
	if _, ok := ordinalNumbers[f]; ok {
		return true
	}
	digits := strings.TrimLeft(f, "0123456789")
	return digits != f && len(f)-len(digits) <= 2 && (digits == "e" || digits == "eme" || digits == "er" || digits == "re" || digits == "nd" ||
		digits == "rd" || digits == "th" || digits == "st" || digits == "a" || digits == "o" || digits == "esima" || digits == "esimo")
}

// meetingSpans are the names of a meeting written at its noun: the noun with its
// adjectives (headSpan) and, when the text goes on to say what the meeting is of or
// about, that longer name too ("réunion technique des experts douaniers").
func (r *run) meetingSpans(head, first, last int) []text.Span {
	a, b, closed := r.headSpan(head, first, last)
	spans := []text.Span{r.tokSpan(a, b)}
	if r.d.Lang == "en" && !r.d.Tokens[head].AllCaps && (r.d.Tokens[head].Upper || a > first && r.d.Tokens[a-1].Upper) {
		ta, tb := r.titleStart(a, first), b
		for tb < last && r.d.Tokens[tb].Upper && meetingHeads[r.fold(tb)] != "" {
			tb++ // "Training Course"
		}
		if ta > first && r.ordinalAt(ta-1) {
			ta-- // "the first Regional Border Management Training Course"
		}
		if ta < a || tb > b {
			a, b, closed = ta, tb, closed && tb == b
			spans = append(spans, r.tokSpan(a, b))
		}
	}
	if end := r.complement(b, last); !closed && end > b {
		spans = append(spans, r.tokSpan(a, end))
	}
	return spans
}

// maxTitleTokens bounds the capitalised title written before an English meeting noun.
const maxTitleTokens = 8

// titleStart extends an English meeting's name leftwards from token a over the title it
// is capitalised in: "the Eleventh Caribbean-U.S. Security Cooperation Dialogue", "the 2006
// Riga Summit", "the SADC Chiefs of Police meeting". It returns the title's first token,
// a when there is none.
func (r *run) titleStart(a, first int) int {
	start := a
	for k := a - 1; k >= first && a-k <= maxTitleTokens; k-- {
		t, f := r.d.Tokens[k], r.fold(k)
		switch {
		case t.Kind == text.Word && t.Upper && (k > first || r.at[k] != 0) && !stopWords[f] && !verbWords[f] && !locatives[r.d.Lang][f] &&
			!relativePronouns[f] && !demonstratives[f] && !possessives[f] && !articles[f]:
			start = k // not the sentence's first word, unless it is a name: "That seminar"
		case r.isYear(k):
			start = k // "the 2006 Riga Summit"
		case t.Kind == text.Punct && r.textOf(k, k+1) == "." && k > first && !r.d.Tokens[k-1].AllCaps && r.d.Tokens[k-1].End-r.d.Tokens[k-1].Start == 1:
			// the full stop of an initial: "U.S."
		case (ofWords[f] || conjunctions[f]) && k > first && r.d.Tokens[k-1].Upper && start == k+1:
			// "Chiefs of Police", "Peace and Security"
		default:
			return start
		}
	}
	return start
}

// headSpan is a meeting noun with the adjectives written with it ("dibattito pubblico",
// "sommet ordinaire", "technical meeting"), the name a reader would use, as the tokens
// [a, b); closed when the name ends on the meeting's place or date ("rencontre à Abidjan").
func (r *run) headSpan(head, first, last int) (a, b int, closed bool) {
	a, b = head, head+1
	if r.d.Lang == "en" {
		for k := head - 1; k >= first && head-k <= 2 && r.meetingAdjective(k); k-- {
			a = k
		}
	} else {
		for k := head + 1; k < last && k-head <= 2 && r.meetingAdjective(k); k++ {
			b = k + 1
		}
	}
	if a > first && r.ordinalAt(a-1) {
		a-- // "deuxième formation judiciaire régionale": which edition
	}
	if b+1 < last && ofWords[r.fold(b)] && r.at[b+1] == 0 {
		if _, dated := datedHeads[r.fold(b+1)]; dated {
			b += 2 // "session de formation", "sessione di formazione": what kind of session
		}
	}
	// "incontro del 3 maggio", "atelier d'Abidjan", "rencontre à Abidjan"
	if b+1 < last && (ofWords[r.fold(b)] || locatives[r.d.Lang][r.fold(b)]) && r.at[b] == 0 {
		if m := r.mentionAt(b + 1); m != nil && m.first == b+1 && m.kind == "place" {
			return a, m.last, true
		} else if end, dated := r.pastDate(b+1, last); dated {
			return a, end, true
		}
	}
	return a, b, false
}

// pastDate returns the token after the date that starts at token k, and whether one does.
func (r *run) pastDate(k, last int) (int, bool) {
	ds := r.datesIn(r.tokSpan(k, k+1))
	if len(ds) == 0 {
		return k, false
	}
	for k < last && r.d.Tokens[k].End <= ds[0].end {
		k++
	}
	return k, true
}

// maxComplementTokens bounds what a meeting's name says it is of or about.
const maxComplementTokens = 14

// complement extends a meeting's name from token b over what the meeting is of or about,
// as a reader names it: "réunion des experts douaniers", "the meeting of the chiefs of
// the border guard agencies of Latvia", "corso sulla conduzione di unità navali". Each
// step is a preposition, its articles and at least one word or name; the name stops at
// punctuation, a verb, a date or any other preposition. It returns the name's end, b
// when the meeting noun has no complement.
func (r *run) complement(b, last int) int {
	end := b
	for k := b; k < last && k-b < maxComplementTokens && r.at[k] == 0 && (ofWords[r.fold(k)] || aboutWords[r.fold(k)]); {
		j := k + 1
		for j < last && r.at[j] == 0 && articles[r.fold(j)] {
			j++
		}
		n := j
		for n < last && n-b < maxComplementTokens {
			if m := r.mentionAt(n); m != nil && m.first == n {
				n = m.last
			} else if r.complementWord(n, last) {
				n++
			} else {
				break
			}
		}
		if n == j {
			break
		}
		end, k = n, n
	}
	return end
}

// complementWord reports whether token k may be part of a meeting's complement: a word
// that is no function word, verb, month or participle before its agent ("organisé par").
func (r *run) complementWord(k, last int) bool {
	t, f := r.d.Tokens[k], r.fold(k)
	if t.Kind != text.Word || t.End-t.Start < 2 || r.at[k] != 0 || stopWords[f] || connectors[f] || verbWords[f] || byWords[f] || conjunctions[f] ||
		relativePronouns[f] || locatives[r.d.Lang][f] || aboutWords[f] || weekdays[f] || numberWords[f] {
		return false
	}
	if _, month := months[f]; month {
		return false
	}
	if _, day := relativeDays[f]; day || r.d.Lang == "en" && strings.HasSuffix(f, "ed") || strings.HasSuffix(f, "si") && isVerbLike(f[:len(f)-2]) {
		return false // "the workshop on border control ended today", "la conferenza di alto livello tenutasi"
	}
	return !(k+1 < last && byWords[r.fold(k+1)])
}

// meetingAdjective reports whether token k is a lower-case word that may qualify a
// meeting noun: not a connector, an article or another function word.
func (r *run) meetingAdjective(k int) bool {
	t := r.d.Tokens[k]
	f := r.fold(k)
	return r.at[k] == 0 && t.Kind == text.Word && !t.Upper && len(f) > 3 && !connectors[f] && !stopWords[f] &&
		!notPersonWords[f] && !listGlue[f] && !locatives[r.d.Lang][f] && (f[len(f)-1] < '0' || f[len(f)-1] > '9') && !isVerbLike(f)
}

// isVerbLike reports whether a folded word looks like a verb form rather than an
// adjective ("held", "was", "ha", "organised").
func isVerbLike(f string) bool {
	for _, suffix := range []string{"ed", "ato", "ata", "uto", "uta", "ito", "ita"} {
		if strings.HasSuffix(f, suffix) && len(f) > len(suffix)+2 {
			return true
		}
	}
	return verbWords[f]
}

// qualifier is the adjective written with a meeting noun ("réunion technique", "the
// extraordinary summit"), folded, or "".
func (r *run) qualifier(head, first, last int) string {
	for _, k := range []int{head + 1, head - 1} {
		if k < first || k >= last || r.at[k] != 0 {
			continue
		}
		if f := r.fold(k); qualifierWords[f] {
			return f
		}
	}
	return ""
}

// seriesHead reports whether the meeting noun at i names a series of meetings:
// "ciclo di visite", "a series of workshops", "série de réunions".
func (r *run) seriesHead(i int) bool {
	if r.d.Lang == "it" && r.fold(i) == "visite" {
		return true
	}
	for k := i - 1; k >= 0 && i-k <= 2; k-- {
		if seriesWords[r.fold(k)] {
			return true
		}
	}
	return false
}

// meetingLabel reads a meeting's own name given in brackets a few words after its head
// noun: "conférence régionale (JUMBO)", "the annual conference (Jumbo)". It returns the
// name and its token, or "" and -1.
func (r *run) meetingLabel(head, last int) (string, int) {
	for i := head + 1; i+2 < last && i <= head+4; i++ {
		tok := r.d.Tokens[i+1]
		if r.textOf(i, i+1) == "(" && r.textOf(i+2, i+3) == ")" && tok.Kind == text.Word && tok.Upper && tok.End-tok.Start >= 3 {
			return r.textOf(i+1, i+2), i + 1
		}
		if r.d.Tokens[i].Kind != text.Word {
			return "", -1
		}
	}
	return "", -1
}

// addLabel records the meeting's own name, in the capitals it is best known by, and its span.
func (mt *meeting) addLabel(r *run, label string, at int) {
	if label == "" {
		return
	}
	if mt.label == "" || strings.ToUpper(label) == label {
		mt.label = label
	}
	mt.spans = append(mt.spans, r.tokSpan(at, at+1))
}

// fill completes what is known of a meeting.
// sharpen gives a meeting told by a generic noun the kind a later noun says ("une session
// pour les procureurs ... Cet atelier").
func (mt *meeting) sharpen(r *run, head int, sub string) {
	if mt.generic && !genericHeads[r.fold(head)] {
		mt.subtype, mt.generic = sub, false
	}
}

func (mt *meeting) fill(from, to, place, placeName, country, partial string) {
	if from != "" && (mt.from == "" || len(mt.from) < len(from) && strings.HasPrefix(from, mt.from)) {
		mt.from, mt.to = from, to // or a day within the month known so far
	} else if from != "" && from == mt.from && to > mt.to {
		mt.to = to // "les 25 et 26 novembre" after "le 25 novembre"
	}
	if mt.place == "" && place != "" {
		mt.place, mt.placeName, mt.country = place, placeName, country
	}
	if mt.partial == "" && partial != "" {
		mt.partial = partial
	}
}

// bareHeadOf reports whether the span is the bare meeting noun of a longer name the
// meeting has ("course" beside "analytical course"): a source, not a name of its own.
func (r *run) bareHeadOf(mt *meeting, s text.Span) bool {
	bare := strings.ToLower(r.g.text.Slice(s))
	if strings.ContainsAny(bare, " '’-") {
		return false
	}
	for _, o := range mt.spans {
		if long := strings.ToLower(r.g.text.Slice(o)); strings.HasSuffix(long, " "+bare) {
			return true
		}
	}
	return false
}

// emitMeeting adds a meeting's node, mentions and links.
func (r *run) emitMeeting(mt *meeting) {
	id := mt.id(r.g.doc)
	n := r.g.node(id, fixtures.KindMeeting, meetingName(mt))
	for _, s := range mt.spans {
		r.g.mention(n, s, r.bareHeadOf(mt, s))
	}
	n.StartDate, n.EndDate, n.Place, n.Country = strp(mt.from), strp(mt.to), strp(mt.placeName), strp(mt.country)
	n.Properties["subtype"] = mt.subtype
	if mt.partial != "" {
		n.Properties["dateAsWritten"] = mt.partial
	}
	if state := "state:" + strings.ToLower(mt.country); mt.national && mt.country != "" && r.named(state) {
		// "un atelier national ... à Lomé, au Togo": the host state's services attend
		r.g.edge(fixtures.EdgeParticipatedIn, state, id, mt.spans[0], fixtures.RoleParticipant)
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

// named reports whether the text names the actor with an id.
func (r *run) named(id string) bool {
	for _, m := range r.ments {
		if m.id == id && m.kind != "" {
			return true
		}
	}
	return false
}

// nationalMeeting reports whether the meeting noun at head is qualified as national:
// "national workshop", "atelier national", "corso nazionale".
func (r *run) nationalMeeting(head int) bool {
	for k := max(0, head-2); k <= head+1 && k < len(r.d.Tokens); k++ {
		if k != head && nationalMeetingWords[r.fold(k)] && r.d.Tokens[k].Sentence == r.d.Tokens[head].Sentence {
			return true
		}
	}
	return false
}

func meetingName(mt *meeting) string {
	name := strings.ToUpper(mt.subtype[:1]) + mt.subtype[1:]
	if mt.label != "" {
		name = mt.label + " " + mt.subtype
	} else if mt.group != "" {
		name = mt.group + " " + mt.subtype
	}
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

// hosts reads "à l'École supérieure de police", "presso la sede di", "au siège de
// l'ONUDC", "chez Frontex et l'OSCE": the bodies named as the venue of the
// sentence's meeting host it.
func (r *run) hosts(st *sentenceState) {
	if st.meeting == nil || st.meetingAt < 0 {
		return
	}
	for i := st.first; i < st.last; i++ {
		f := r.fold(i)
		if r.at[i] != 0 || !venuePrepositions[f] && !headquarters[f] {
			continue
		}
		actors, _ := r.listAfter(i+1, st.last)
		for _, m := range actors {
			if m.kind == fixtures.KindState || st.roled[m] {
				continue
			}
			st.roled[m] = true
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeParticipatedIn, other: m.id, role: "host", span: st.span})
		}
	}
}

var venuePrepositions = words("venue prepositions")

// qualifiesProject reports whether the meeting noun at i only says what a project does:
// "a research and training project", "un projet de formation" (a "training programme"
// is a course).
func (r *run) qualifiesProject(i int) bool {
	if r.d.Lang == "en" {
		return i+1 < len(r.d.Tokens) && projectNouns[r.fold(i+1)]
	}
	return i >= 2 && ofWords[r.fold(i-1)] && projectNouns[r.fold(i-2)]
}

// heldUnder reports whether the meeting already has a framework.
func (mt *meeting) heldUnder() bool {
	for _, l := range mt.links {
		if l.kind == fixtures.EdgeHeldUnder {
			return true
		}
	}
	return false
}

// signingMeeting is the ceremony of a memorandum that persons or the parties signed on a
// day and at a place the text gives, when no meeting of the text is dated that day:
// "signed in London on 23 February by A and B".
func (r *run) signingMeeting(meetings []*meeting) *meeting {
	sc := r.signing
	if sc == nil || sc.named || !sc.bySigners || len(sc.date) < len("2006-01-02") || sc.place == "" {
		return nil
	}
	for _, mt := range meetings {
		if mt.from != "" && mt.from <= sc.date && sc.date <= max(mt.to, mt.from) {
			return nil // signed during a visit or a meeting the text reports
		}
	}
	mt := &meeting{subtype: "signing ceremony", spans: []text.Span{sc.span}, links: sc.signatories}
	mt.fill(sc.date, sc.date, sc.place, sc.placeName, sc.country, "")
	return mt
}

// signingEvent reports whether the signing noun at i ("signature", "firma") names an
// event: what was signed follows it in a sentence that gives a day or a place ("la firma
// dell'accordo, il 3 marzo a Roma"), or the signing is said to have taken place in
// someone's presence ("La signature s'est tenue en présence de").
func (r *run) signingEvent(st *sentenceState, i int) bool {
	if r.definiteHead(i) && st.has(cueParticipant) {
		return true
	}
	return i+1 < st.last && ofWords[r.fold(i+1)] && (st.date != nil || st.place != nil)
}

// insidePhrase reports whether a phrase of the index of three words or more starts up to
// two words before token i and takes it in: the word is part of the phrase ("nel corso
// di", "in the course of"), not a noun of its own.
func (r *run) insidePhrase(i int, index map[string][][]string) bool {
	for start := max(0, i-2); start < i; start++ {
		for _, p := range index[r.fold(start)] {
			if len(p) > 2 && start+len(p) > i && hasCue(r.d, start, p) {
				return true
			}
		}
	}
	return false
}

// courseTitlesNotBodies drops the bodies read inside quotes after a course noun of their
// sentence: in 'i corsi "Formed Police Unit" e "Addestramento Forze speciali"' the quotes
// name courses, not a unit and a force.
func (r *run) courseTitlesNotBodies() {
	toks := r.d.Tokens
	for _, m := range r.ments {
		if m.kind != fixtures.KindAgency && m.kind != fixtures.KindOrganization || m.first == 0 || m.last >= len(toks) ||
			r.fold(m.first-1) != `"` || r.fold(m.last) != `"` && r.fold(m.last) != "(" {
			continue
		}
		for k := m.first - 2; k >= 0 && toks[k].Sentence == toks[m.first].Sentence; k-- {
			if courseNouns[r.fold(k)] {
				r.forget(m)
				if a := r.mentionAt(m.last + 1); r.fold(m.last) == "(" && a != nil && a.alias {
					r.forget(a) // "(FPU)" after it
				}
				break
			}
		}
	}
}

// bareHeadsInsideNames drops a kind of body every state has, written as its one head word,
// when the word begins a longer name: followed by a capitalised word of the names of
// bodies, projects or meetings that no mention holds ("« Customs Operational Practices for
// Enforcement and Seizures »", "Regional Customs - Police Workshop"), not by a person's
// name ("presidente del Senato Pietro Grasso").
func (r *run) bareHeadsInsideNames() {
	toks := r.d.Tokens
	for _, m := range r.ments {
		if m.kind != fixtures.KindAgency || m.last-m.first != 1 || !toks[m.first].Upper || !r.genericAgency(m) {
			continue
		}
		next := m.last
		if next < len(toks) && r.fold(next) == "-" {
			next++
		}
		inside := next < len(toks) && toks[next].Sentence == toks[m.first].Sentence && toks[next].Kind == text.Word &&
			toks[next].Upper && r.mentionAt(next) == nil && r.bodyWord(next)
		if inside {
			r.forget(m)
		}
	}
}

// forget drops a mention and frees its tokens.
func (r *run) forget(m *mention) {
	m.kind = ""
	for k := m.first; k < m.last; k++ {
		if r.at[k] == m.idx+1 {
			r.at[k] = 0
		}
	}
}
