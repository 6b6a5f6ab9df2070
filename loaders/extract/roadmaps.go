package extract

import (
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
		for _, h := range roadmapHeadsByFirst[r.fold(i)] {
			if !hasPrefixTokens(r.d, i, h.words) {
				continue
			}
			end := i + len(h.words)
			if h.subtype == "coref" && r.longerHeadAt(i+1) {
				break // "le Plan d'action régional": the head that starts on "plan" names it
			}
			if prev := r.mentionAt(i - 1); prev != nil && prev.kind == fixtures.KindRoadmap && prev.last == i && toks[i].Upper && h.subtype != "coref" {
				// "the Boe Declaration Action Plan": one document, named by both heads
				for k := i; k < end; k++ {
					r.at[k] = prev.idx + 1
				}
				prev.last, prev.name = end, r.textOf(prev.first, end)
				prev.subtype = h.subtype
				if prev.id != "" {
					prev.id = "roadmap:" + documentKey(prev.name)
				}
				i = end - 1
				break
			}
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
				if i+1 < len(toks) && nameOf(r.fold(i+1)) {
					m.last = i + 3
				} else {
					m.first = i - 1
				}
			} else {
				if toks[i].Upper && i > 0 && toks[i-1].Sentence == toks[i].Sentence && r.fold(i-1) != `"` {
					m.last = r.nameEnd(end)
					m.first = r.titledStart(i) // "the 2024 Regional Roadmap"
				} else if k := r.periodAfter(end); k > end {
					m.last = k // "un plan d'action régional pour 2025-2026"
				}
				m.name = r.textOf(m.first, m.last)
			}
			for k := m.first; k < m.last; k++ {
				if s := r.mentionAt(k); s != nil && s.kind == fixtures.KindState && s.adjective {
					m.inner = append(m.inner, *s) // the states whose adjectives name it ("italo-tedesco"): its parties
				}
			}
			if r.replace(m) != nil {
				i = m.last - 1
			}
			break
		}
	}
	r.namedDocuments()
}

// statePairAt reports whether a hyphenated pair of state adjectives starts at j:
// "italo-tedesco", "franco-marocain".
func (r *run) statePairAt(j int) bool {
	a, b := r.joinedStates(j)
	return a != nil && a.adjective && b.adjective && a.last == j+1 && b.last == j+2 && r.hyphenated(j+1)
}

// nameOf reports whether f introduces the name of a document's place or subject:
// "Convenzione di Merida", "Déclaration d'Alger", "Treaty of Lisbon", "Trattato del
// Quirinale".
func nameOf(f string) bool { return ofPrepositions[f] || f == "of" }

// roadmapHeadAt reports whether a roadmap head starts at token i.
func (r *run) roadmapHeadAt(i int) bool {
	for _, h := range roadmapHeadsByFirst[r.fold(i)] {
		if hasPrefixTokens(r.d, i, h.words) {
			return true
		}
	}
	return false
}

// longerHeadAt reports whether a roadmap head of more than one word, other than a
// reference back, starts at i.
func (r *run) longerHeadAt(i int) bool {
	if i >= len(r.d.Tokens) {
		return false
	}
	for _, h := range roadmapHeadsByFirst[r.fold(i)] {
		if h.subtype != "coref" && len(h.words) > 1 && hasPrefixTokens(r.d, i, h.words) {
			return true
		}
	}
	return false
}

// declarationName returns X in "Dichiarazione di X", "Declaration of X" or "X Declaration".
func (r *run) declarationName(i, end int) string {
	toks := r.d.Tokens
	if end+1 < len(toks) && nameOf(r.fold(end)) && toks[end+1].Upper {
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
		if r.isYear(j) {
			last = j + 1 // "Piano d'azione regionale 2026-2028"
			if n := j + 1; n < len(toks) && toks[n].Kind == text.Word && !toks[n].Upper && !documentTopics[r.fold(n)] && !purposePrepositions[r.fold(n)] {
				break // "le Programme d'action 2021-2026 aux partenaires": the years close the name, not "2026-2028 contre le trafic"
			}
			continue
		}
		if r.statePairAt(j) {
			last = j + 2 // "Piano d'azione bilaterale italo-tedesco": its parties name it
			j++
			continue
		}
		if r.at[j] != 0 || toks[j].Kind != text.Word || nameStops[f] || meetingHeads[f] != "" || r.anotherNameAfter(j) {
			break
		}
		if j == end && toks[end-1].Upper && !r.nameGoesOn(j) {
			break // "the Cooperation Agreement had been signed": a verb, not the name
		}
		if r.d.Lang == "en" && toks[end-1].Upper && !toks[j].Upper && !(connectors[f] && r.upperAfterConnectors(j)) {
			break // "the 2025 Work Plan of the network and agreed": an English title is capitalised
		}
		if !connectors[f] {
			last = j + 1
		}
	}
	return last
}

// anotherNameAfter reports whether the conjunction at j opens another capitalised name, with
// or without its article: "Programma globale contro il traffico di migranti e il
// Programma globale sulla criminalità marittima".
func (r *run) anotherNameAfter(j int) bool {
	toks := r.d.Tokens
	if !conjunctions[r.fold(j)] {
		return false
	}
	k := j + 1
	if k < len(toks) && articles[r.fold(k)] {
		k++
	}
	return k < len(toks) && toks[k].Upper && toks[k].Kind == text.Word && toks[k].Sentence == toks[j].Sentence
}

// isYear reports whether token j is a year written in digits.
func (r *run) isYear(j int) bool {
	t := r.d.Tokens[j]
	return t.Kind == text.Number && t.End-t.Start == 4 && (r.fold(j)[:2] == "19" || r.fold(j)[:2] == "20")
}

// periodAfter reads the years a lower-case document head is written with, which name
// it: "plan d'action régional pour 2025-2026", "action plan 2024-2026", "piano d'azione per
// il 2025". It returns the end of the years, end when there are none.
func (r *run) periodAfter(end int) int {
	k := end
	for k < len(r.d.Tokens) && k-end < 2 && r.meetingAdjective(k) {
		k++ // "régional", "regionale"
	}
	if k < len(r.d.Tokens) && purposePrepositions[r.fold(k)] {
		k++
		if k < len(r.d.Tokens) && articles[r.fold(k)] {
			k++ // "per il 2025"
		}
	}
	if k >= len(r.d.Tokens) || !r.isYear(k) || r.d.Tokens[k].Sentence != r.d.Tokens[end-1].Sentence {
		return end
	}
	for k < len(r.d.Tokens) && r.isYear(k) && k-end < 6 {
		k++
	}
	return k
}

// upperAfterConnectors reports whether the first word after the connectors from j is
// capitalised: "Guidelines on the Handling of".
func (r *run) upperAfterConnectors(j int) bool {
	for ; j < len(r.d.Tokens) && connectors[r.fold(j)]; j++ {
	}
	return j < len(r.d.Tokens) && r.d.Tokens[j].Upper
}

// nameGoesOn reports whether the word at j, right after a document's capitalised head,
// may continue its name: a capitalised word, a preposition ("on", "contre", "per"), a word of the
// glossary ("nazionale", "regional") or a hyphenated adjective ("ouest-africaine").
func (r *run) nameGoesOn(j int) bool {
	f := r.fold(j)
	_, gl := r.x.gaz.Glossary[f]
	return r.d.Tokens[j].Upper || connectors[f] || ofConnectors[f] || projectComplements[f] || purposePrepositions[f] || gl || r.hyphenCompound(j) > 0
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
	if r.lastParties != nil && r.bothParties(st) {
		return r.lastParties // "Les deux ministres ont adopté une feuille de route"
	}
	var out []*mention
	seen := map[string]bool{}
	for i := st.first; i < st.last; i++ {
		m := r.mentionAt(i)
		if m == nil || m.first != i {
			continue
		}
		cands := []*mention{}
		if m.isActor() && !r.placeOfSigning(m) && !r.seatNamed(m) {
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

// seatNamed reports whether a body is named as the seat where something happens, a
// locative before the seat's noun ("au siège de la DGGN", "presso la sede del
// Dipartimento", "at the headquarters of"): the venue, not a party.
func (r *run) seatNamed(m *mention) bool {
	k := m.first - 1
	for k > 0 && m.first-k <= 3 && (ofConnectors[r.fold(k)] || articles[r.fold(k)]) {
		k--
	}
	if k < 0 || k == m.first-1 || !headquarters[r.fold(k)] {
		return false
	}
	// where, not who: "au siège de", "presso la sede del", not "The headquarters of X signed"
	for j := k - 1; j >= 0 && k-j <= 2; j-- {
		f := r.fold(j)
		if venuePrepositions[f] || locatives[r.d.Lang][f] {
			return true
		}
		if !articles[f] {
			break
		}
	}
	return false
}

// memorandum records a MEMORANDUM between the first two parties of a sentence that
// says a memorandum or agreement was signed.
func (r *run) memorandum(st *sentenceState) {
	title := r.d.Tokens[st.first].Sentence == 0 && st.has(cueBetween) // "SCHEDA – Memorandum d'intesa tra A e B"
	if !st.has(cueSigned) && !r.signingNounIn(st.first, st.last) && !title {
		return
	}
	head := -1
	for i := st.first; i < st.last && head < 0; i++ {
		if r.agreementHeadAt(i) {
			head = i
		}
	}
	if head < 0 {
		r.signedAgain(st)
		return
	}
	ps := r.memorandumParties(st, head)
	if len(ps) < 2 {
		return
	}
	e := r.g.edge(fixtures.EdgeMemorandum, ps[0].id, ps[1].id, st.span, "")
	if e == nil {
		return
	}
	r.lastParties = ps[:2]
	for _, p := range r.partnersWith(st, ps[0], ps[1]) {
		r.g.edge(fixtures.EdgeMemorandum, ps[0].id, p.id, st.span, "") // "avec l'Argentine, le Brésil et le Chili": each
	}
	for _, p := range r.furtherAgreements(st, head, ps[1]) {
		r.g.edge(fixtures.EdgeMemorandum, ps[0].id, p.id, st.span, "") // "... with the WCO and a memorandum with the IACA"
	}
	r.participate(st, ps, "participant") // the parties took part in the ceremony the sentence names
	if st.date != nil {
		if f, _, ok := st.date.resolve(r.now()); ok && e.Date == nil {
			e.Date = strp(f)
		}
	}
	if _, ok := e.Properties["title"]; !ok {
		e.Properties["title"] = r.textOf(head, min(head+3, st.last))
		if st.place != nil {
			e.Properties["place"] = st.place.name
		}
	}
	r.signing = &signing{span: st.span}
	if st.meeting == nil {
		// The persons who signed take part in the ceremony; the parties only when they
		// signed themselves, not through the persons whose titles name them.
		signers := r.personsIn(st.first, st.last)
		r.signing.bySigners = len(signers) > 0 || !st.has(cueBetween)
		if len(signers) == 0 {
			signers = ps[:2]
		}
		for _, m := range signers {
			r.signing.signatories = append(r.signing.signatories, link{kind: fixtures.EdgeParticipatedIn, other: m.id, role: "participant", span: st.span})
		}
	}
	if e.Date != nil {
		r.signing.date = *e.Date
	}
	if st.place != nil {
		r.signing.place, r.signing.placeName, r.signing.country = st.place.id, st.place.name, st.place.country
	}
}

// furtherAgreements returns the bodies of the agreements the sentence names after the
// first one, each with its own "with": "signed an agreement with A and a memorandum of
// understanding with B".
func (r *run) furtherAgreements(st *sentenceState, head int, second *mention) []*mention {
	var out []*mention
	for i := max(head+1, second.last); i < st.last; i++ {
		if !r.agreementHeadAt(i) {
			continue
		}
		for k := i + 1; k < st.last && k-i <= 6; k++ {
			if !withWords[r.fold(k)] {
				continue
			}
			j := k + 1
			if j < st.last && articles[r.fold(j)] {
				j++ // "with the IACA"
			}
			if m := r.mentionAt(j); m != nil && m.isActor() && m.id != "" {
				out = append(out, m)
			}
			break
		}
	}
	return out
}

// agreementHeadAt reports whether a memorandum or arrangement head starts at token i.
func (r *run) agreementHeadAt(i int) bool {
	for _, h := range memorandumHeadsByFirst[r.fold(i)] {
		if hasPrefixTokens(r.d, i, h) {
			return true
		}
	}
	for _, h := range arrangementHeadsByFirst[r.fold(i)] {
		if hasPrefixTokens(r.d, i, h) {
			return true
		}
	}
	return false
}

// partnersWith returns the further parties listed with second after "with" when first
// signs before it: "A a signé un accord avec B, C et D" binds A to each of them.
func (r *run) partnersWith(st *sentenceState, first, second *mention) []*mention {
	for w := first.last; w < second.first; w++ {
		if !withWords[r.fold(w)] {
			continue
		}
		listed, _ := r.listAfter(w+1, st.last)
		if len(listed) < 2 || listed[0] != second {
			return nil
		}
		return listed[1:]
	}
	return nil
}

// signedAgain reads the persons who sign the memorandum named before ("It is to be
// signed by A and B", "Lo hanno sottoscritto A e B"): they take part in its signing.
func (r *run) signedAgain(st *sentenceState) {
	if r.signing == nil || !st.has(cueSigned) || st.meeting != nil {
		return
	}
	signers := r.personsIn(st.first, st.last)
	for _, m := range signers {
		r.signing.signatories = append(r.signing.signatories, link{kind: fixtures.EdgeParticipatedIn, other: m.id, role: "participant", span: st.span})
	}
	if len(signers) > 0 {
		r.signing.bySigners = true
	}
}

// signedIt reads the parties of a roadmap named before that a verb of signing or adopting
// takes as its object pronoun: "A, B and C signed it shortly afterwards".
func (r *run) signedIt(st *sentenceState, things []*mention, last *mention) {
	if last == nil || last.id == "" {
		return
	}
	for _, t := range things {
		if t.kind == fixtures.KindRoadmap {
			return // the sentence names what was signed
		}
	}
	for _, c := range st.cues {
		if (c.kind == cueSigned || c.kind == cueAdopted) && c.last < st.last && objectPronouns[r.fold(c.last)] {
			for _, a := range r.actorsIn(st.first, c.first) {
				r.g.edge(fixtures.EdgePartyTo, a.id, last.id, st.span, "")
			}
			return
		}
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
	r.signedIt(st, things, *lastRoadmap)
	for _, m := range things {
		if m.kind != fixtures.KindRoadmap {
			continue
		}
		if m.subtype == "coref" {
			if *lastRoadmap == nil {
				m.kind = ""
				continue
			}
			m.id, m.name, m.subtype = (*lastRoadmap).id, (*lastRoadmap).name, (*lastRoadmap).subtype
			m.anaphor = true // "le document", "il piano": a word referring back, not a name
		}
		byParties := false
		if m.id == "" {
			ps := r.parties(st)
			from, to := r.roadmapDate(st)
			switch {
			case len(ps) >= 2 && adopted && (r.isBareHead(m) || !r.d.Tokens[m.first].Upper):
				// "the two ministers signed a roadmap": named by its parties; not "the
				// Nairobi Code of Conduct, adopted by A and B", named by its own words
				keys := make([]string, 0, len(ps))
				for _, p := range ps {
					keys = append(keys, partyKey(p.id))
				}
				m.id, byParties = "roadmap:"+strings.Join(keys, "-"), true
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
			case *lastRoadmap != nil && r.isBareHead(m):
				m.id, m.name = (*lastRoadmap).id, (*lastRoadmap).name
			case r.isBareHead(m):
				m.kind = "" // "a roadmap" with nothing to tell which
				continue
			default:
				m.id = "roadmap:" + documentKey(m.name)
			}
		}
		for _, s := range m.inner {
			if m.id != "" {
				r.g.edge(fixtures.EdgePartyTo, s.id, m.id, st.span, "") // "Piano d'azione italo-tedesco"
			}
		}
		if o := r.roadmapOwner(m); o != nil && m.id != "" && (o.kind == fixtures.KindOrganization || !r.anyWordIn(m.first, m.last, projectHeads)) {
			// "the ECOWAS Counter-Terrorism Strategy", "the UNODC Strategy"; not "the UN
			// Programme of Action", which a UN body writes for the states
			r.g.edge(fixtures.EdgePartyTo, o.id, m.id, st.span, "")
		}
		if m.id != "" && !byParties && (st.has(cueSigned) || st.has(cueAdopted)) {
			// "Kazakhstan was the first state to sign the Joint Plan of Action", "l'Union
			// africaine avait adopté ... la stratégie", "the Code was adopted by A and B"
			adopters := r.adopters(st, verb)
			for _, a := range adopters {
				r.g.edge(fixtures.EdgePartyTo, a.id, m.id, st.span, "")
			}
			if st.meeting != nil {
				r.roleAll(st, true, nil, adopters, "participant") // "A, B and C adopted it at a ceremony"
			}
		}
		if adopted && st.meeting != nil && m.id != "" && (verb < m.first || r.adoptedAfter(st, m)) {
			st.meeting.links = append(st.meeting.links, link{kind: fixtures.EdgeAdoptedAt, other: m.id, span: st.span})
			adopted = false
		}
		*lastRoadmap = m
	}
}

// foundingTreaties names each treaty that founds a body with that body ("le traité
// constitutif de la X", "the founding treaty of X") and records the body: the treaty's
// parties are its members (foundingMembers).
func (r *run) foundingTreaties() {
	for _, m := range r.ments {
		if m.kind != fixtures.KindRoadmap || m.subtype == "coref" || !r.anyWordIn(m.first, m.last, foundingDocumentWords) {
			continue
		}
		o, end := r.foundedBody(m)
		switch {
		case o != nil:
			// One treaty per body, however it is named: "le traité constitutif de la
			// Communauté ... (Ameripol)", "le traité constitutif d'Ameripol".
			m.name = r.textOf(min(m.first, o.first), max(end, m.last)) // "the ASEANAPOL founding treaty" too
			m.id = "roadmap:" + documentKey(r.textOf(m.first, m.last)) + "-" + slug(o.name)
			r.founded[m.id] = o.id
		case m.last-m.first == 2:
			r.forget(m) // "la charte constitutive": of a body the text does not name
		}
	}
}

// foundedBody is the organisation a founding treaty names and where its name ends: the
// owner (before or after it), or capitalised words that an organisation's acronym in
// brackets follows ("de la Communauté Policière des Amériques (Ameripol)"). In that last
// case the mentions read inside those words are forgotten: they are part of the name.
func (r *run) foundedBody(m *mention) (*mention, int) {
	if o := r.roadmapOwner(m); o != nil {
		return o, o.last
	}
	toks := r.d.Tokens
	k := m.last
	if k >= len(toks) || !nameOf(r.fold(k)) {
		return nil, 0
	}
	k++
	if k < len(toks) && articles[r.fold(k)] {
		k++
	}
	for j := k; j < len(toks) && j-k < 10 && toks[j].Sentence == toks[m.first].Sentence; j++ {
		if r.fold(j) == "(" {
			if o := r.mentionAt(j + 1); j > k && o != nil && organisationNamed(o) && o.last < len(toks) && r.fold(o.last) == ")" {
				for i := k; i < j; i++ {
					if in := r.mentionAt(i); in != nil {
						r.forget(in) // "Polizia" in "Comunità di Polizia delle Americhe": part of the name
					}
				}
				return o, j
			}
			return nil, 0
		}
		if !toks[j].Upper && !stopWords[r.fold(j)] {
			return nil, 0
		}
	}
	return nil, 0
}

// roadmapOwner returns the organisation whose roadmap m is by its name: written right
// before it ("the ECOWAS Counter-Terrorism Strategy") or after it with "of" ("le plan
// d'action 2020-2024 de la CEDEAO", "the Action Plan of the African Union"); nil when none.
func (r *run) roadmapOwner(m *mention) *mention {
	if m.anaphor {
		return nil
	}
	if o := r.mentionAt(m.first - 1); o != nil && o.last == m.first && organisationNamed(o) {
		return o
	}
	k := m.last
	if k >= len(r.d.Tokens) || !nameOf(r.fold(k)) {
		return nil
	}
	k++
	if k < len(r.d.Tokens) && articles[r.fold(k)] && r.at[k] == 0 {
		k++
	}
	if o := r.mentionAt(k); o != nil && o.first == k && organisationNamed(o) {
		return o
	}
	return nil
}

// adoptedAt are the words after a passive adopting verb that name the meeting it happened at.
var adoptedAt = byFirstWord(phrases("adopted at"), phraseWords)

// adoptedAfter reports whether the roadmap m is followed closely by an adopting verb and the
// meeting it was adopted at: "the roadmap (was) adopted at", "la Déclaration ..., adoptée
// lors du", "il piano approvato durante".
func (r *run) adoptedAfter(st *sentenceState, m *mention) bool {
	for _, c := range st.cues {
		if c.kind == cueAdopted && c.first >= m.last && c.first-m.last <= 3 && longestPrefix(r.d, c.last, st.last, adoptedAt) > 0 {
			return true // "adottata nel 2018" was adopted elsewhere: only "at", "lors du", "durante" say here
		}
	}
	return false
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
	from, to, _ := st.date.resolve(r.now())
	return from, to
}

// bothParties reports whether a sentence refers back to the parties of the last
// agreement: "le parti", "les deux ministres", "the two sides".
func (r *run) bothParties(st *sentenceState) bool {
	for i := st.first; i+1 < st.last; i++ {
		if f := r.fold(i); (f == "due" || f == "deux" || f == "two" || f == "both" || f == "entrambe" || f == "entrambi") && partyNouns[r.fold(i+1)] {
			return true
		}
	}
	return false
}

var partyNouns = words("party nouns")

// isBareHead reports whether a roadmap is named by its head noun alone ("the roadmap").
func (r *run) isBareHead(m *mention) bool {
	for _, h := range roadmapHeads {
		if len(h.words) == m.last-m.first && hasPrefixTokens(r.d, m.first, h.words) {
			return true
		}
		if h.subtype == "coref" && len(h.words) == m.last-m.first+1 && m.first > 0 && hasPrefixTokens(r.d, m.first-1, h.words) {
			return true // "il piano": the mention is the noun only
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
