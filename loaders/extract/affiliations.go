package extract

// Affiliations: the body a person's title names ("Executive Director of UNODC", "il
// ministro della Giustizia", "directeur général de la sécurité intérieure du Burkina",
// "Capo della Polizia", "l'Esperto dell'Ambasciata"), read by recognisePersons.

import (
	"slices"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// bodyAfterName returns the body in "NAME of the (Italian) Carabinieri", "NAME de la CENTIF".
func (r *run) bodyAfterName(j int) *mention {
	if j+1 < len(r.d.Tokens) && r.fold(j) == "," && ofPrepositions[r.fold(j+1)] {
		j++ // "Noor Gabow, of the National Police Service"
	}
	if j+2 < len(r.d.Tokens) && r.fold(j) == "(" {
		// "John Smith (UNODC)", "Amina Yusuf (Ministry of Interior, Nigeria)", "(UNODC, Chair)"
		if m := r.mentionAt(j + 1); m != nil && m.first == j+1 && m.isBody() && r.appositionEnd(m.last, ")") {
			return m
		}
		return nil
	}
	if j+1 < len(r.d.Tokens) && r.fold(j) == "," {
		// "Mr Tobias Brenner, Federal Criminal Police Office (BKA), Germany.": a body alone
		// after the name, as in programmes and lists of participants.
		m := r.mentionAt(j + 1)
		if m != nil && m.first == j+1 && m.kind == fixtures.KindState && m.adjective {
			m = r.mentionAt(m.last) // "Rūta Mažeikienė, Lithuanian Criminal Police Bureau;"
		}
		if m != nil && m.first > j && m.isBody() && (r.appositionEnd(m.last, "") || r.possessiveTitle(m.last)) {
			return m // "Patrick Dumont, INTERPOL's Counter Terrorism Director"
		}
	}
	k := j
	if k < len(r.d.Tokens) && personFrom[r.fold(k)] {
		k++ // "Maria Rossi from Europol"
	}
	for k < len(r.d.Tokens) && ofConnectors[r.fold(k)] && k-j < 3 {
		k++
	}
	if k == j {
		return nil
	}
	m := r.mentionAt(k)
	if m != nil && m.kind == fixtures.KindState && m.first == k {
		if b := r.mentionAt(m.last); b != nil && b.isBody() {
			return b // "of the Italian Carabinieri", "of the Kenya Police Service"
		}
		if !m.adjective && !r.possessive(m.last-1, len(r.d.Tokens)) && k > j && !personFrom[r.fold(j)] &&
			(m.last >= len(r.d.Tokens) || !r.d.Tokens[m.last].Upper) { // not "of the Samoa Police, ...": a body's name goes on
			return m // "Ambassador Ryoichi Horie of Japan": the state the person serves
		}
		return nil
	}
	if m != nil && (m.kind == fixtures.KindAgency || m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody) {
		return m
	}
	return nil
}

// servedState reports whether a state in a title is the one the office serves at a
// body named after it: "National Member for Italy at Eurojust".
func (r *run) servedState(m *mention) bool {
	k := r.skipArticle(m.first)
	return m.kind == fixtures.KindState && k > 0 && purposePrepositions[r.fold(k-1)]
}

// affiliate links a person to the actor named in the title segment [start, end) and
// marks the actors of the segment as part of a title. The actor is, in this order: the
// first one right after the title word (a state before a body gives the body), an
// embassy, the body after "at"/"presso" that a unit belongs to, a directorate or police
// force the title itself names, an organisation farther in the title, a minister's
// ministry, the body a possessive before the title refers to ("its Director"), the actor
// before the title word, the body "l'agence" refers back to; then
// the body the chain of units belongs to. A second title joined by "e"/"and" names a
// second actor ("Vice Segretario delle Nazioni Unite e Direttore esecutivo di UNODC").
func (r *run) affiliate(p *mention, start, end, word int) {
	lastWord := r.titleGroupEnd(word, end)
	var after, before, second, farBody, employer, unitBody, trailing *mention
	secondWord, ofMinister := -1, false // ofMinister: the title is a minister's staff's
	for k := start; k < end; k++ {
		if k > lastWord && secondWord < 0 && (conjunctions[r.fold(k)] || r.fold(k) == "-") && k+1 < end && titleWords[r.fold(k+1)] && !honorifics[r.fold(k+1)] {
			secondWord = k + 1
		}
		m := r.mentionAt(k)
		if m == nil || m.kind == "" || m.kind == "place" || m.kind == fixtures.KindPerson {
			continue
		}
		m.inTitle = true
		if m.kind == fixtures.KindProject || m.kind == fixtures.KindRoadmap || m.kind == fixtures.KindMeeting {
			continue
		}
		if m.kind == fixtures.KindState && k > 0 && titleLocatives[r.d.Lang][r.fold(k-1)] {
			continue // "UNODC Representative in Pakistan": where, not whom for
		}
		if k > lastWord && m.first == k && farBody == nil && (m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody ||
			m.kind == fixtures.KindAgency && r.nameChain(lastWord+1, k)) {
			farBody = m
		}
		if k > lastWord+1 && m.first == k && r.withItsState(m) == end && m.isBody() && r.fold(r.skipArticle(k)-1) == "," {
			trailing = m // "Head of the Cybercrime Unit, Fiji Police Force": the unit's body
		}
		if k > lastWord && m.first == k && unitBody == nil && m.kind != fixtures.KindState && r.unitPhrase(lastWord+1, k) {
			unitBody = m // "Direttore dell'Ufficio per la formazione del personale dell'Amministrazione Penitenziaria"
		}
		if k > lastWord && m.first == k && employer == nil && m.kind != fixtures.KindState && r.employerLinked(k) {
			employer = m // "... Unit at the OSCE Secretariat's ..."
		}
		switch {
		case k >= word && after == nil && k <= lastWord+5:
			after = m
		case k < word:
			before = m
		case secondWord >= 0 && second == nil && m != after && k <= r.titleGroupEnd(secondWord, end)+5:
			second = m
		}
	}
	if after == nil && before == nil || after != nil && after.kind == fixtures.KindState {
		if e := r.embassy(lastWord, end); e != nil {
			after = e // "l'Esperto dell'Ambasciata", "l'Addetto dell'Ambasciata di Francia"
		}
	}
	if after != nil && after.kind == fixtures.KindState {
		// "trainers of United States Customs and Border Protection": the state says whose
		// the body after it is.
		if b := r.mentionAt(after.last); b != nil && b.first == after.last && (b.kind == fixtures.KindAgency || b.kind == fixtures.KindOrganization) {
			after = b
		}
	}
	var unit *mention // the unit named before the body it belongs to: the post is in both
	if employer != nil && (after == nil || after != employer && after.kind != fixtures.KindState || r.servedState(after)) {
		if after != nil && after.kind != fixtures.KindState {
			unit = after
		}
		after = employer
	}
	if after == nil {
		// "Consiglieri del Ministro degli Affari Esteri", "directeur de cabinet du ministre":
		// the minister's ministry.
		for k := lastWord + 1; k < end && k <= lastWord+3 && after == nil && !ofMinister; k++ {
			if _, ok := ministerWords[r.fold(k)]; ok {
				after, ofMinister = r.ministry(k, end), true
			}
		}
	}
	if after != nil && after.kind == fixtures.KindAgency && after.first-2 > lastWord+1 &&
		(conjunctions[r.fold(after.first-2)] || after.first-3 > lastWord+1 && conjunctions[r.fold(after.first-3)]) {
		if d := r.directorate(word, lastWord, end); d != nil {
			after = d // "direttore centrale dell'Immigrazione e della Polizia delle frontiere": one directorate
		}
	}
	if after == nil && before == nil && unitBody != nil && secondWord < 0 {
		after = unitBody // the unit the title names is the body's, which the text names
	}
	if after == nil && before == nil && !ofMinister {
		// "Vice Direttore Generale della Pubblica Sicurezza", "Capo della Polizia": the body
		// the title names, before any farther one.
		after = r.directorate(word, lastWord, end)
		if after == nil {
			after = r.headOnly(lastWord, end)
		}
		if after == nil {
			after = r.bodyOfTheHead(lastWord, end)
		}
	}
	if after == nil && farBody != nil && secondWord < 0 {
		// "Head of the Coordination Desk for the Asia and South Pacific region of INTERPOL's",
		// "direttore del servizio Relazioni internazionali del ministero dell'Interno"
		after = farBody
	}
	if after != nil && after.kind == fixtures.KindAgency && after.first > word && r.genericAgency(after) {
		if min := r.ministry(word, end); min != nil && min.last >= after.last {
			after = min // "Ministre de la Sécurité et de la Protection civile": one ministry, not the service
		}
	}
	stateOnly := after == nil || after.kind == fixtures.KindState
	min := r.ministry(word, end)
	for k := word + 1; min == nil && stateOnly && k <= lastWord; k++ {
		min = r.ministry(k, end) // "Deputy Minister of Police", "Acting Minister"
	}
	if min != nil && stateOnly {
		after = min
	} else if stateOnly && secondWord >= 0 {
		if min := r.ministry(secondWord, end); min != nil {
			after = min // "Vice Primo Ministro e Ministro dell'Interno belga"
		}
	}
	if after == nil {
		after = r.titleOwner(word) // "INTERPOL was represented by ... and by its Secretary General, X"
	}
	if after == nil {
		after = before
	}
	if after == nil {
		after = r.bodyAnaphor(lastWord+1, end) // "le président de l'agence, Ladislav Hamran"
	}
	if after == nil {
		after = r.collegeOf(word, lastWord, end) // "the European Commissioner for Home Affairs"
	}
	if after == nil {
		after = r.lineState(start) // "- Burundi : M. X, Vice-Président de la République"
	}
	if after == nil && secondWord < 0 && r.governmentHead(word) {
		after = r.stateMention(r.namedState()) // "Prime Minister Patrick Manning": of the state the text is about
	}
	after = r.outerBody(after, end)
	sentence := r.d.Tokens[start].Sentence
	if c := r.titleState(start, end, after); c != "" {
		r.people.listed.sentence, r.people.listed.country = sentence, c
	} else if after != nil && after.kind == fixtures.KindAgency && after.country == "" && r.people.listed.sentence == sentence &&
		r.people.listed.country != "" && r.ministerListed(word) {
		after.country = r.people.listed.country // "..., con il ministro dell'Interno, B,": the same government's
	}
	if after != nil && after.kind == fixtures.KindAgency && after.country == "" && !r.stateIn(start, end) && r.nameLanguage(after) == "" {
		after.unstated = true
		after.country = r.languageState(after) // "il ministro della Giustizia" in an Italian release
		if after.country == "" && strings.HasPrefix(after.slug, "ministry") {
			// "la ministre de la Justice, X, ... à La Haye": a minister's state is the
			// state the release names, not the place the minister visits.
			after.country = r.namedState()
		}
	}
	if p.title == "" {
		p.title = strings.TrimSpace(r.textOf(word, end))
	}
	if after != nil && after.kind == fixtures.KindState && counterpartWords[r.fold(word)] {
		p.counterpart = true // "his Albanian counterpart": the body is read once the other side's is known
	}
	if after != nil {
		p.affiliation = append(p.affiliation, r.indexOf(after))
		if after.owner != nil && after.kind == fixtures.KindOrganization {
			p.affiliation = append(p.affiliation, r.indexOf(after.owner)) // the secretariat's organisation
		}
	}
	if second == nil && secondWord > 0 && r.fold(secondWord-1) == "-" {
		// "Capo della Polizia – Direttore Generale della Pubblica Sicurezza": the second
		// title names a directorate of its own
		second = r.directorate(secondWord, r.titleGroupEnd(secondWord, end), end)
	}
	if unit != nil {
		p.affiliation = append(p.affiliation, r.indexOf(unit))
	}
	if trailing != nil && trailing != after && trailing != unit {
		p.affiliation = append(p.affiliation, r.indexOf(trailing))
	}
	if second != nil && second != after {
		p.affiliation = append(p.affiliation, r.indexOf(second))
	}
}

// representatives affiliates the persons a body is said to be represented by with that
// body when their titles name none: "L'Office fédéral de la police était représenté par Mme
// X, cheffe de la coopération policière internationale".
func (r *run) representatives() {
	toks := r.d.Tokens
	for i := 1; i < len(toks); i++ {
		n := longestPrefix(r.d, i, len(toks), representedBy)
		if n == 0 || r.at[i] != 0 {
			continue
		}
		body := r.representedBody(i)
		for k := i + n; body != nil && k < len(toks) && toks[k].Sentence == toks[i].Sentence && r.fold(k) != ";"; k++ {
			if clauseOpeners[r.fold(k)] || longestPrefix(r.d, k, len(toks), representedBy) > 0 {
				break // "..., while the host country was represented by Mr Y": another's
			}
			m := r.mentionAt(k)
			if m == nil || m.first != k {
				continue
			}
			if m.isBody() && !m.inTitle {
				break // "... représentée par M. X, et la France par Mme Y": another body's
			}
			if m.kind == fixtures.KindPerson && len(m.affiliation) == 0 {
				m.affiliation = append(m.affiliation, r.indexOf(body))
			}
			k = m.last - 1
		}
		i += n - 1
	}
}

// clauseOpeners open a clause of its own within a sentence: "while", "tandis", "mentre".
var clauseOpeners = words("clause openers")

// representedBody returns the body named right before the represented-by phrase at i,
// past its auxiliaries ("was", "était", "è stato"), or nil.
func (r *run) representedBody(i int) *mention {
	k := i - 1
	for k > 0 && i-k <= 3 && r.at[k] == 0 && (passiveAuxiliaries[r.fold(k)] || r.fold(k) == ",") {
		k--
	}
	if r.fold(k) == ")" && k >= 3 && r.fold(k-2) == "(" {
		k -= 3 // "L'Office fédéral de la police (fedpol) était représenté par"
	}
	if m := r.mentionAt(k); m != nil && m.last == k+1 && m.isBody() && m.kind != fixtures.KindState {
		return m
	}
	return nil
}

// counterpartBodies affiliates a person named as the counterpart of the person before
// ("il capo della Polizia, X, e il suo omologo albanese, Y") with the body of the
// counterpart's state that bears the same name as the other person's, when the text
// names it: Y works for the Albanian State Police, not for Albania. It runs once
// agencies are resolved.
func (r *run) counterpartBodies() {
	var last *mention // the last person affiliated with a named agency
	for _, p := range r.ments {
		if p.kind != fixtures.KindPerson {
			continue
		}
		if p.counterpart && last != nil && len(p.affiliation) == 1 {
			state := r.ments[p.affiliation[0]]
			b := r.sameBodyOf(r.agencyOf(last), state.country)
			if b == nil {
				b = r.onlyAgencyNear(p, state.country)
			}
			if b != nil {
				p.affiliation[0] = b.idx
			}
		}
		if r.agencyOf(p) != nil {
			last = p
		}
	}
}

// agencyOf returns the first named agency a person works for, or nil.
func (r *run) agencyOf(p *mention) *mention {
	for _, a := range p.affiliation {
		if m := r.ments[a]; m.kind == fixtures.KindAgency && m.slug != "" {
			return m
		}
	}
	return nil
}

// sameBodyOf returns the agency of the state country that the text names with the slug
// of body, or nil.
func (r *run) sameBodyOf(body *mention, country string) *mention {
	if body == nil || country == "" || body.country == country {
		return nil
	}
	for _, m := range r.ments {
		if m.kind == fixtures.KindAgency && m.slug == body.slug && m.country == country && m.id != "" {
			return m
		}
	}
	return nil
}

// onlyAgencyNear returns the one agency of the state country named before p in its
// sentence or the sentence before it, or nil when there is none or more than one.
func (r *run) onlyAgencyNear(p *mention, country string) *mention {
	s := r.d.Tokens[p.first].Sentence
	var found *mention
	for _, m := range r.ments {
		if m.kind != fixtures.KindAgency || m.country != country || m.id == "" || m == found || m.first > p.first {
			continue
		}
		if ms := r.d.Tokens[m.first].Sentence; ms != s && ms != s-1 {
			continue
		}
		if found != nil && found.id != m.id {
			return nil
		}
		found = m
	}
	return found
}

// bareMinisters reads a minister's title that names no person as the ministry it names:
// "le ministre nigérian de l'Intérieur avait fait le déplacement" speaks of the ministry.
//
// A ministry named with its state's adjective before its portfolio is read the same way:
// "le ministère français de l'Intérieur", "il ministero albanese della Giustizia".
func (r *run) bareMinisters() {
	toks := r.d.Tokens
	for i := 1; i < len(toks); i++ {
		if r.at[i] != 0 || !articles[r.fold(i-1)] && !ofWords[r.fold(i-1)] {
			continue
		}
		var m *mention
		if noun, ok := ministryNouns[r.fold(i)]; ok {
			if adj := r.mentionAt(i + 1); adj != nil && adj.first == i+1 && adj.kind == fixtures.KindState && adj.adjective {
				if m = r.ministryNamed(i, noun, r.clauseEnd(i, 12)); m != nil {
					m.byNoun = true
				}
			}
		} else if _, ok := ministerWords[r.fold(i)]; ok && articles[r.fold(i-1)] && !r.governmentHead(i) {
			m = r.ministry(i, r.clauseEnd(i, 12))
		}
		if m != nil {
			m.inTitle = false // an actor of its sentence
			i = m.last - 1
		}
	}
}

// delegationOpeners open a line that names whose delegation the list below it is: "For
// the Ministry:", "Pour la Direction :", "Per il Dipartimento e il Corpo:".
var delegationOpeners = words("delegation openers")

// delegationLists gives the persons listed on the lines below a delegation's heading, when
// their own titles name no body, the body the heading names first: under "Per il
// Dipartimento e il Corpo:", "- l'Ing. Marco Ghimenti, Direttore centrale per
// l'emergenza" works for the Dipartimento.
func (r *run) delegationLists() {
	for s := 0; s < len(r.d.Sentences); s++ {
		body := r.delegationHeading(s)
		if body == nil {
			continue
		}
		for s++; s < len(r.d.Sentences); s++ {
			first, last := r.sentenceTokens(s)
			if first >= last || !bullets[r.fold(first)] {
				s--
				break
			}
			for _, p := range r.personsIn(first, last) {
				if len(p.affiliation) == 0 {
					p.affiliation = append(p.affiliation, body.idx)
				}
			}
		}
	}
}

// labelledLines gives the persons of a line that a body labels before its colon the body
// too: "- Police nationale du Sénégal : M. Ibrahima Faye (directeur ...) ; Mme Khady Sarr
// (...)", "Frontex: Ana-Maria Petersen (Liaison Officer)", "Guardia di Finanza: ten. col.
// Sandro Pace (ufficiale di collegamento)".
func (r *run) labelledLines() {
	for s := 0; s < len(r.d.Sentences); s++ {
		body := r.labelOfLine(s)
		if body == nil {
			continue
		}
		_, last := r.sentenceTokens(s)
		for _, p := range r.personsIn(body.last, last) {
			if !slices.Contains(p.affiliation, body.idx) {
				p.affiliation = append(p.affiliation, body.idx)
			}
		}
	}
}

// labelOfLine returns the body that labels line s, after its bullet or not (lineLabel).
func (r *run) labelOfLine(s int) *mention {
	first, last := r.sentenceTokens(s)
	if first < last && bullets[r.fold(first)] {
		first++
	}
	return r.lineLabel(first, last)
}

// lineLabel returns the body that opens the line at first and ends before its colon, an
// acronym or another name in brackets between them ("Procura speciale ... (SPAK):"), when
// the line goes on past the colon; nil otherwise.
func (r *run) lineLabel(first, last int) *mention {
	m := r.mentionAt(first)
	if m == nil || m.first != first || !m.isBody() || !r.lineStart(first) {
		return nil
	}
	k := m.last
	for k < last && k-m.last < 6 && r.stateOrPlaceWord(k) {
		k++ // "Police nationale du Sénégal", "Ambassade du Sénégal à Nouakchott"
	}
	if k < last && r.fold(k) == "(" {
		c := k + 1
		for c < last && c-k <= 8 && r.fold(c) != ")" {
			c++
		}
		if c >= last || r.fold(c) != ")" {
			return nil
		}
		k = c + 1
	}
	if k+1 >= last || r.fold(k) != ":" || !r.personsListed(k+1, last) {
		return nil
	}
	return m
}

// personsListed reports whether [from, to) lists persons: a name first, past its rank,
// honorific or title, and after each name a comma, a semicolon, a conjunction or its title
// in brackets; not "Europol: Director X meets INTERPOL Secretary General Y".
func (r *run) personsListed(from, to int) bool {
	k := from
	for k < to && k-from < maxTitleBeforeListed && r.mentionAt(k) == nil && (honorifics[r.fold(k)] || personHonorifics[r.fold(k)] || titleWords[r.fold(k)] || titleAbbrevs[r.fold(k)] || r.d.Tokens[k].Kind != text.Word || r.d.Tokens[k].Upper && !r.nameStartsAt(k, to)) {
		k++ // "M.", "ten. col.", "Director"
	}
	if k >= to || !r.nameStartsAt(k, to) {
		return false
	}
	// After each name, a separator or its title in brackets: not "Director X meets Y".
	for ; k < to; k++ {
		m := r.mentionAt(k)
		if m == nil || m.kind != fixtures.KindPerson || m.first != k {
			continue
		}
		if e := m.last; e < to && !listBreaks[r.fold(e)] && r.fold(e) != ")" && !conjunctions[r.fold(e)] {
			return false
		}
		k = m.last - 1
	}
	return true
}

// nameStartsAt reports whether a person's name starts at k: a person's mention, or a run
// of two or three capitalised words the person reader has not met yet, closed by a
// bracket, a comma or a semicolon ("Anna Berg (Liaison Officer)").
func (r *run) nameStartsAt(k, to int) bool {
	if m := r.mentionAt(k); m != nil {
		return m.kind == fixtures.KindPerson && m.first == k
	}
	j := k
	for j < to && j-k < 3 && r.d.Tokens[j].Upper && r.d.Tokens[j].Kind == text.Word && r.mentionAt(j) == nil {
		j++
	}
	return j-k >= 2 && j < to && listBreaks[r.fold(j)]
}

// stateOrPlaceWord reports whether token k names a state or a place, or is an article,
// of-word or locative before one: the words after a body that say whose or where it is.
func (r *run) stateOrPlaceWord(k int) bool {
	if m := r.mentionAt(k); m != nil {
		return m.kind == fixtures.KindState || m.kind == "place"
	}
	f := r.fold(k)
	return articles[f] || ofWords[f] || locatives[r.d.Lang][f]
}

// lineStart reports whether token k opens its line, after a bullet or not.
func (r *run) lineStart(k int) bool {
	j := k
	if j > 0 && bullets[r.fold(j-1)] {
		j--
	}
	f := r.d.Fold
	start := r.d.Tokens[j].Start
	return strings.TrimSpace(f[strings.LastIndexByte(f[:start], '\n')+1:start]) == ""
}

// delegationHeading returns the first body a line s names as a delegation's heading:
// an opener, then only bodies, articles and conjunctions up to the colon that ends it.
func (r *run) delegationHeading(s int) *mention {
	first, last := r.sentenceTokens(s)
	if last-first < 3 || !delegationOpeners[r.fold(first)] || r.fold(last-1) != ":" {
		return nil
	}
	var body *mention
	for k := first + 1; k < last-1; k++ {
		m := r.mentionAt(k)
		switch {
		case m != nil && m.isBody():
			if body == nil {
				body = m
			}
			k = m.last - 1
		case m == nil && (articles[r.fold(k)] || conjunctions[r.fold(k)] || ofWords[r.fold(k)]):
		case body != nil && (m == nil && r.d.Tokens[k].Upper || m != nil && m.kind == fixtures.KindState):
			// "e il Corpo": a second body the text does not name in full; "du Sénégal": the
			// state whose body it is
		default:
			return nil // "Per la parte croata:", "For further information:"
		}
	}
	return body
}

// ministryNouns maps the folded nouns of the bodies ministers head ("ministere") to the
// noun as written in names ("ministère").
var ministryNouns = func() map[string]string {
	out := map[string]string{}
	for _, noun := range ministerWords {
		out[strings.Join(text.FoldTokensWords(noun), " ")] = noun
	}
	return out
}()

// counterpartMinistries gives a ministry whose state the title left unsaid the other
// side's state when the text names the same ministry of the state it was given: in "le
// ministre de l'Intérieur, A, et le ministre espagnol de l'Intérieur, B" A's ministry is
// not Spain's.
func (r *run) counterpartMinistries() {
	for _, m := range r.ments {
		if !m.unstated || m.kind != fixtures.KindAgency || m.slug == "" || m.country == "" || languageStates[r.d.Lang] != "" {
			continue // an Italian text leaves Italy's unsaid (agencyHome)
		}
		for _, o := range r.ments {
			if o == m || o.unstated || o.byNoun || o.kind != fixtures.KindAgency || o.slug != m.slug || o.country != m.country {
				continue // "le ministère ivoirien de la Défense ... le ministre de la Défense": the same ministry
			}
			other := r.home
			if other == o.country {
				other = r.awayCountry()
			}
			if other != "" && other != o.country {
				m.country = other
			}
			break
		}
	}
}

// governmentHead reports whether the title word at word heads a government or a state:
// "Prime Minister", "Presidente del Consiglio", "Président de la République".
func (r *run) governmentHead(word int) bool {
	startsAtTitle := func(s int) bool { return s <= word } // "Prime Minister": the head may open before the title word
	for n := 1; n <= 4; n++ {
		if phraseBefore(r.d, word+n, governmentHeads, startsAtTitle) {
			return true
		}
	}
	return false
}

// stateMention returns the first mention of the state with a code, or nil.
func (r *run) stateMention(code string) *mention {
	for _, m := range r.ments {
		if code != "" && m.kind == fixtures.KindState && m.country == code {
			return m
		}
	}
	return nil
}

// titleOwner returns the body a possessive right before the title word refers to ("its
// Director General, X", "son directeur général, X", "il suo direttore, X"): the body
// named last before it in its sentence, states left out ("la Direction générale des
// douanes algérienne annonce que son directeur"), the sentence's first body when the
// possessive opens a clause after a comma and a conjunction, or, when it opens its
// sentence, the first body of the sentence before. Nil when there is no possessive.
func (r *run) titleOwner(word int) *mention {
	k := word - 1
	if k < 0 || !possessives[r.fold(k)] {
		return nil
	}
	// firstOwner is the first body of [from, to) scanned in the direction step. Where the
	// possessive refers to a subject, a person met first owns the title: "son", "suo" are
	// a person's too ("Il Ministro ... Il suo capo di gabinetto").
	firstOwner := func(from, to, step int, subject bool) *mention {
		for i := from; i != to; i += step {
			m := r.mentionAt(i)
			switch {
			case m == nil:
			case m.kind == fixtures.KindPerson && subject:
				return nil
			case m.isBody() && (m.id != "" || m.kind == fixtures.KindAgency): // agencies get their ids later
				return m
			}
		}
		return nil
	}
	s := r.d.Tokens[k].Sentence
	first, _ := r.sentenceTokens(s)
	c := k - 1
	if c >= first && articles[r.fold(c)] {
		c-- // "e il suo direttore"
	}
	if c > first && conjunctions[r.fold(c)] && r.fold(c-1) == "," {
		// "DEVIDA described the Center ..., and its Executive President": a clause of its
		// own, whose owner is the subject of the sentence
		return firstOwner(first, k, 1, true)
	}
	if opensSentence := k == first || k == first+1 && articles[r.fold(first)]; !opensSentence {
		// "une délégation de la Police fédérale belge conduite par son commissaire général"
		return firstOwner(k-1, first-1, -1, false)
	}
	if s == 0 {
		return nil // "Its Director, X": the sentence before says whose
	}
	prev, last := r.sentenceTokens(s - 1)
	return firstOwner(prev, last, 1, true)
}

// collegeOf reads a member's title of a supranational college ("European Commissioner",
// "Commissario europeo", "commissaire européenne") as the college, and adds it over the
// title's words when the document names it nowhere else.
func (r *run) collegeOf(word, lastWord, end int) *mention {
	id := ""
	for k := max(word-1, 0); k <= lastWord+1 && k < end; k++ {
		if supranationalWords[r.fold(k)] || r.fold(k) == "eu" || r.fold(k) == "ue" {
			id = collegeTitles[r.fold(word)]
		}
	}
	if id == "" {
		return nil
	}
	for _, m := range r.ments {
		if m.id == id && m.kind != "" {
			return m
		}
	}
	// Named nowhere else: the title names it ("la Commissaria europea per gli Affari interni").
	b := r.x.gaz.Body(id)
	if b == nil {
		return nil
	}
	return r.add(&mention{first: word, last: lastWord + 1, kind: b.Kind, id: b.ID, name: b.Name, inTitle: true})
}

// skipArticle returns the first token of the article before k ("at the OSCE"): k when
// there is none.
func (r *run) skipArticle(k int) int {
	if k > 0 && articles[r.fold(k-1)] {
		return k - 1
	}
	return k
}

// outerBody follows a chain of bodies inside a title ("del servizio Relazioni
// internazionali del ministero dell'Interno", "Unit at the OSCE Secretariat's Department")
// to the body the chain belongs to: the person's organisation, the units being optional.
func (r *run) outerBody(m *mention, end int) *mention {
	for hops := 0; m != nil && hops < 3 && m.kind != fixtures.KindState; hops++ {
		k := m.last
		for k < end && k-m.last < 3 && ofConnectors[r.fold(k)] {
			k++
		}
		n := r.mentionAt(k)
		if k == m.last || k >= end || n == nil || n.first != k || n == m ||
			n.kind != fixtures.KindAgency && n.kind != fixtures.KindOrganization && n.kind != fixtures.KindUNBody {
			break
		}
		m = n
	}
	return m
}

// bodyAnaphor reads "l'agence", "dell'agenzia", "the organisation" right after a title
// word (in [from, from+3) of a segment ending at end) as the body named last before it.
func (r *run) bodyAnaphor(from, end int) *mention {
	for k := from; k < end && k < from+3; k++ {
		if !bodyAnaphors[r.fold(k)] || r.at[k] != 0 || k == 0 || !definite[r.fold(k-1)] {
			continue
		}
		for b := k - 1; b >= 0 && k-b < 60; b-- {
			m := r.mentionAt(b)
			if m != nil && m.id != "" && (m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody) {
				return m
			}
		}
		return nil
	}
	return nil
}

// directorate reads the body a director's title names when the text names it no other
// way: "directeur général de la sécurité intérieure du Burkina" is the "direction générale
// de la sécurité intérieure" of Burkina Faso, "Vice Direttore Generale della Pubblica
// Sicurezza" the "Direzione Generale della Pubblica Sicurezza". It adds the agency as a
// mention over the title's words.
func (r *run) directorate(word, lastWord, end int) *mention {
	toks := r.d.Tokens
	d := word
	for d <= lastWord && directorBodies[r.fold(d)] == "" {
		d++
	}
	if d > lastWord || lastWord+2 >= end || !ofPrepositions[r.fold(lastWord+1)] && !purposePrepositions[r.fold(lastWord+1)] {
		return nil // "directeur général de la ...", "Direttore Centrale per l'Immigrazione"
	}
	k := lastWord + 1
	for k < end && k-lastWord < 4 && ofConnectors[r.fold(k)] {
		k++
	}
	qualifiedForce := forceHeads[r.fold(k)] && !toks[k].Upper && k+1 < end && toks[k+1].Kind == text.Word && !toks[k+1].Upper &&
		!ofConnectors[r.fold(k+1)] && !conjunctions[r.fold(k+1)] // "direttore centrale della polizia criminale"
	if k >= end || toks[k].Kind != text.Word || toks[k].AllCaps || r.at[k] != 0 || notDirectorates[r.fold(k)] || projectHeads[r.fold(k)] ||
		agencyHeads[r.fold(k)] && !qualifiedForce || bodyHeads[r.fold(k)] {
		return nil // "direttore del servizio X": the title names the service, not a directorate
	}
	if _, meeting := meetingHeads[r.fold(k)]; meeting {
		return nil
	}
	last := k
	var joined *mention // a body named after "e la": the directorate's second field
	for last < end && last-k < 8 && r.at[last] == 0 && toks[last].Kind == text.Word && !directorateStops[r.fold(last)] &&
		(!conjunctions[r.fold(last)] || last+1 < end && ofPrepositions[r.fold(last+1)] && r.at[last+1] == 0) {
		last++ // "dell'immigrazione e della polizia delle frontiere": one directorate
		if last+2 < end && conjunctions[r.fold(last)] && (purposePrepositions[r.fold(lastWord+1)] && articles[r.fold(last+1)] ||
			ofPrepositions[r.fold(lastWord+1)] && ofPrepositions[r.fold(last+1)]) {
			// "per l'Immigrazione e la Polizia delle Frontiere", "dell'Immigrazione e della
			// Polizia delle frontiere": the two fields of one directorate
			j := last + 2
			if j+1 < end && articles[r.fold(j)] && r.at[j] == 0 {
				j++ // "et de la Police aux frontières"
			}
			if m := r.mentionAt(j); m != nil && m.first == j && m.kind == fixtures.KindAgency && m.last <= end {
				joined, last = m, m.last
				break
			}
		}
	}
	for last > k && ofConnectors[r.fold(last-1)] {
		last-- // "... du" before the state
	}
	country := ""
	if j := r.skipOf(last, end); j < end {
		if s := r.mentionAt(j); s != nil && s.kind == fixtures.KindState && s.first == j {
			country, s.spec = s.country, true // "du Burkina"
		}
	}
	for i := d; i < last; i++ {
		if r.at[i] != 0 && (joined == nil || i < joined.first) {
			return nil
		}
	}
	if joined == nil && !ofPrepositions[r.fold(lastWord+1)] {
		return nil // "directeur pour l'Afrique": a purpose names a directorate only with its second field
	}
	if joined != nil {
		joined.kind = "" // part of the directorate's name
		for i := joined.first; i < joined.last; i++ {
			r.at[i] = 0
		}
	}
	var b strings.Builder
	head := directorBodies[r.fold(d)]
	if toks[d].Upper {
		head = titleCase(head)
	}
	b.WriteString(head)
	i := d + 1
	for ; i <= lastWord; i++ {
		if !titleModifiers[r.fold(i)] {
			continue // "directeur général adjoint": the deputy heads no body of his own
		}
		w := r.d.TokenText(toks[i])
		if r.d.Lang == "fr" && !strings.HasSuffix(r.fold(i), "e") {
			w += "e" // "général" agrees with "direction": "générale"
		}
		b.WriteString(" " + w)
	}
	b.WriteString(" " + r.textOf(lastWord+1, last))
	m := &mention{first: d, last: last, kind: fixtures.KindAgency, name: b.String(), country: country, inTitle: true}
	// "Direttore Generale della Pubblica Sicurezza": the directorate may be a body the
	// gazetteer knows by that name.
	words := wordsView(text.FoldTokens(b.String()))
	if n, t, ok := r.x.ix.longest(words, 0, r.d.Lang); ok && n == len(words) && t.kind == tAgency {
		a := r.x.gaz.Agencies[t.idx]
		m.slug, m.name = a.Slug, a.Name
		if m.country == "" {
			m.country = a.Country
		}
	}
	if r.add(m) == nil {
		return nil
	}
	return m
}

// headOnly reads "Capo della Polizia", "chef de la police", "Head of Customs": a title
// whose body is a police or customs force named by its head word alone, which the
// recognisers leave out. It adds the agency as a mention.
func (r *run) headOnly(lastWord, end int) *mention {
	toks := r.d.Tokens
	h := r.skipOf(lastWord+1, end)
	if h == lastWord+1 || h >= end || !forceHeads[r.fold(h)] || r.at[h] != 0 || !toks[h].Upper {
		return nil
	}
	if f := r.fold(h - 1); h == lastWord+2 && (f == "de" || f == "di") {
		return nil // "Commissaire Général de Police", "Ispettore di Polizia": a rank, not a force
	}
	if h+1 < end && toks[h+1].Kind == text.Word && (toks[h+1].Upper || ofConnectors[r.fold(h+1)]) {
		return nil // "Capo della Polizia Criminale", "Chief of Police of ...": a longer name
	}
	m := &mention{first: h, last: h + 1, kind: fixtures.KindAgency, name: r.textOf(h, h+1), inTitle: true}
	if r.add(m) == nil {
		return nil
	}
	return m
}

// bodyOfTheHead is the one body of the document whose name begins with the bare head
// a title ends on: "Capo Dipartimento" in a text that names the "Dipartimento dei Vigili
// del Fuoco", or nil.
func (r *run) bodyOfTheHead(lastWord, end int) *mention {
	toks := r.d.Tokens
	h := lastWord + 1 // right after the title word, and ending the title: not "Commissaire Général de Police", "chef du Bureau programme"
	if h >= end || r.at[h] != 0 || !toks[h].Upper || !agencyHeads[r.fold(h)] || h+1 < end && toks[h+1].Kind == text.Word {
		return nil
	}
	var body *mention
	for _, m := range r.ments {
		if m.kind != fixtures.KindAgency || m.last-m.first < 2 || r.fold(m.first) != r.fold(h) {
			continue
		}
		if body != nil && body.name != m.name {
			return nil // two departments: which one is not said
		}
		body = m
	}
	return body
}

// embassy reads the embassy a title names ("l'Esperto dell'Ambasciata", "attaché à
// l'ambassade de France", "First Secretary at the Embassy of Japan") as an agency of the
// state written with it, else of the release's state. It adds the agency as a mention.
func (r *run) embassy(lastWord, end int) *mention {
	h := lastWord + 1
	for h < end && h-lastWord < 7 && !embassyWords[r.fold(h)] && r.at[h] == 0 && r.d.Tokens[h].Kind == text.Word {
		h++ // "l'Esperto per la sicurezza dell'Ambasciata"
	}
	if h == lastWord+1 || h >= end || !embassyWords[r.fold(h)] || r.at[h] != 0 ||
		!ofConnectors[r.fold(h-1)] && !employerLinks[r.fold(h-1)] && r.fold(h-1) != "a" {
		return nil
	}
	last, country := h+1, ""
	if j := r.skipOf(last, end); j > last && j < end {
		if s := r.mentionAt(j); s != nil && s.kind == fixtures.KindState && s.first == j {
			country, s.spec = s.country, true // "of Japan", "d'Italia"
		}
	}
	if country == "" {
		country = languageStates[r.d.Lang]
	}
	if country == "" {
		return nil // the embassy of a state the text does not say: the document's state is the host
	}
	m := &mention{first: h, last: last, kind: fixtures.KindAgency, name: r.textOf(h, last), country: country, inTitle: true}
	if r.add(m) == nil {
		return nil
	}
	return m
}

// skipOf returns the first token after the of-connectors at k.
func (r *run) skipOf(k, end int) int {
	for k < end && ofConnectors[r.fold(k)] {
		k++
	}
	return k
}

// ledBy returns the body whose delegation a person leads: "una delegazione della
// Gendarmeria Nazionale francese guidata dal Direttore generale X", "a delegation of the
// X led by Y". k is where the name and its prefix start, t the title before them.
func (r *run) ledBy(k int, t []int) *mention {
	if t != nil && (t[1] == k || t[1]+1 == k && r.fold(t[1]) == ",") {
		if b := r.delegationLedAt(t[2]); b != nil {
			return b // "led by its Director General, X": the title's words follow the verb
		}
	}
	if t != nil && t[1] == k {
		k = t[0]
	}
	if b := r.delegationLedAt(k); b != nil {
		return b
	}
	return r.whoseHead(k)
}

// delegationLedAt returns the body of the delegation a lead verb before token k says is
// led by whoever k names: "a delegation of the X led by (its) ...", "la DGSN, dirigée par".
func (r *run) delegationLedAt(k int) *mention {
	end := k
	for end > 0 && k-end < 4 && (ofConnectors[r.fold(end-1)] || cueVariants["da"][r.fold(end-1)] || r.fold(end-1) == "by" || r.fold(end-1) == "par" || possessives[r.fold(end-1)]) {
		end--
	}
	if end == k || end == 0 || !leadVerbs[r.fold(end-1)] {
		return nil
	}
	if end >= 3 && r.fold(end-2) == "," {
		m := r.mentionAt(end - 3)
		if m != nil && m.last == end-2 && m.kind == fixtures.KindState && m.adjective && m.first > 0 {
			m = r.mentionAt(m.first - 1) // "de la Sûreté nationale marocaine, conduite par"
		}
		if m != nil && m.isBody() && m.last <= end-2 {
			return m // "la DGSN, dirigée par le général-major X"
		}
	}
	for b := end - 2; b >= 0 && end-b < 10 && r.d.Tokens[b].Sentence == r.d.Tokens[end].Sentence; b-- {
		if f := r.fold(b); clauseBreak(f) && f != "(" && f != ")" {
			return nil
		}
		m := r.mentionAt(b)
		if m == nil || m.kind == fixtures.KindState && m.adjective {
			continue
		}
		if m.kind == fixtures.KindAgency || m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody || m.kind == fixtures.KindState {
			for d := m.first - 1; d >= 0 && m.first-d < 4; d-- {
				if delegationWords[r.fold(d)] {
					return m
				}
			}
			if m.last < end && delegationWords[r.fold(m.last)] {
				return m // "The Sierra Leone delegation was headed by"
			}
		}
		return nil
	}
	return nil
}

// whoseHead returns the body in "the Federal Police, whose Executive Director, X" for the
// title that starts at k: the body before the comma before "whose", "dont", "il cui".
func (r *run) whoseHead(k int) *mention {
	for j := k - 1; j >= 1 && k-j <= 6 && r.at[j] == 0; j-- {
		if !relativePossessives[r.fold(j)] {
			continue
		}
		b := j - 1
		if b > 0 && articles[r.fold(b)] {
			b-- // "la cui"
		}
		if b > 0 && r.fold(b) == "," {
			if m := r.mentionAt(b - 1); m != nil && m.last == b && m.isBody() {
				return m
			}
		}
		return nil
	}
	return nil
}

// nameChain reports whether the tokens [from, to) only continue a name: connectors,
// capitalised words and words of agency names ("del servizio Relazioni internazionali
// del"), not a clause ("della Polizia preposto all'attività di").
func (r *run) nameChain(from, to int) bool {
	for k := from; k < to; k++ {
		f := r.fold(k)
		_, gl := r.x.gaz.Glossary[f]
		if !connectors[f] && !gl && !r.d.Tokens[k].Upper && !titleModifiers[f] && r.at[k] == 0 {
			return false
		}
	}
	return true
}

// unitNouns name a unit of a body in lower case, which names no body of its own: "settore",
// "unit", "sezione".
var unitNouns = words("unit nouns")

// unitPhrase reports whether the tokens [from, to) name an unnamed unit of the body at to:
// past an of-connector, a unit's noun and its lower-case words, with no clause, no list
// and no other name ("dell'Ufficio per la formazione del personale dell'").
func (r *run) unitPhrase(from, to int) bool {
	k := from
	for k < to && (ofConnectors[r.fold(k)] || articles[r.fold(k)]) {
		k++
	}
	if k == from || k >= to || !agencyHeads[r.fold(k)] && !unitNouns[r.fold(k)] || r.at[k] != 0 || to-k > 10 {
		return false
	}
	for k++; k < to; k++ {
		f := r.fold(k)
		if conjunctions[f] && k+1 < to && r.d.Tokens[k+1].Upper && r.at[k+1] == 0 {
			continue // "del settore Corruzione e Criminalità economica dell'UNODC"
		}
		if r.at[k] != 0 || r.d.Tokens[k].Kind != text.Word || verbWords[f] || withWords[f] || conjunctions[f] || titleWords[f] {
			return false
		}
	}
	return ofConnectors[r.fold(to-1)] || articles[r.fold(to-1)] && to-2 > from && ofConnectors[r.fold(to-2)]
}

// namedState is the state the document names most as a state (the title line counting
// double), places left out; "" when none or a tie.
func (r *run) namedState() string {
	if !r.people.namedDone {
		r.people.named, r.people.namedDone = r.countNamedStates(), true
	}
	return r.people.named
}

// personState is what person recognition keeps for a document.
type personState struct {
	named     string // namedState, once counted
	namedDone bool
	apposed   int // the title word of the last apposition after a name ("A, Director of X,"), -1 if none
	// listed is the state the last title of a sentence named ("con il primo ministro
	// tunisino, A,"), which the titles listed after it in that sentence share.
	listed struct {
		sentence int
		country  string
	}
}

func (r *run) countNamedStates() string {
	score := map[string]int{}
	for _, m := range r.ments {
		// "son homologue marocain": an adjective qualifies someone, it does not name the state.
		if m.kind == fixtures.KindState && m.country != "" && !m.adjective {
			w := 1
			if r.d.Tokens[m.first].Sentence == 0 {
				w = 2
			}
			score[m.country] += w
		}
	}
	best, tie := "", false
	for c, n := range score {
		switch {
		case best == "" || n > score[best]:
			best, tie = c, false
		case n == score[best]:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// stateIn reports whether a state is named in the tokens [start, end).
func (r *run) stateIn(start, end int) bool {
	for k := start; k < end; k++ {
		if m := r.mentionAt(k); m != nil && m.kind == fixtures.KindState {
			return true
		}
	}
	return false
}

// titleState is the state a title segment names, by its adjective or its name, or that
// the actor it gives is: "il primo ministro tunisino".
func (r *run) titleState(start, end int, after *mention) string {
	for k := start; k < end; k++ {
		if m := r.mentionAt(k); m != nil && m.kind == fixtures.KindState && m.country != "" {
			return m.country
		}
	}
	if after != nil && after.kind == fixtures.KindState {
		return after.country
	}
	return ""
}

// ministerListed reports whether the minister's title word at word (or its modifier, "vice
// ministro") is an item of a list after another person's: a comma, then only a
// conjunction, a preposition and an article ("..., con il ministro", "..., e con il vice
// ministro", "..., and the Minister").
func (r *run) ministerListed(word int) bool {
	if _, ok := ministerWords[r.fold(word)]; !ok {
		if _, next := ministerWords[r.fold(word+1)]; !next {
			return false // "il vice ministro": the minister word after its modifier
		}
	}
	k := word - 1
	for k > 0 && word-k <= 4 && r.fold(k) != "," {
		f := r.fold(k)
		if !conjunctions[f] && !articles[f] && !connectors[f] && !withWords[f] {
			return false
		}
		k--
	}
	if k <= 0 || r.fold(k) != "," {
		return false
	}
	p := r.mentionAt(k - 1)
	return p != nil && p.kind == fixtures.KindPerson
}

// employerLinked reports whether the body at k follows a word that puts a unit in it,
// with its article or preposition: "at the OSCE", "presso il Ministero", "auprès du
// ministère".
func (r *run) employerLinked(k int) bool {
	j := r.skipArticle(r.skipAdjective(k))
	if j > 1 && ofWords[r.fold(j-1)] && !employerLinks[r.fold(j-1)] {
		j--
	}
	return j > 0 && employerLinks[r.fold(j-1)]
}

// skipAdjective returns the first token of a nationality adjective right before k ("the
// Spanish National Police"): k when there is none.
func (r *run) skipAdjective(k int) int {
	if m := r.mentionAt(k - 1); m != nil && m.kind == fixtures.KindState && m.adjective && m.last == k {
		return m.first
	}
	return k
}

// titleComplements are the words after a title word that belong to it: "di Gabinetto",
// "of Staff".
var titleComplements = byFirstWord(phrases("title complements"), phraseWords)

// titleGroupEnd returns the last word of the title that starts at word: title words and
// their modifiers ("Direttore esecutivo", "Secretary General", "Deputy Head").
func (r *run) titleGroupEnd(word, end int) int {
	last := word
	for last+1 < end && (titleWords[r.fold(last+1)] || titleModifiers[r.fold(last+1)]) {
		last++
	}
	if n := longestPrefix(r.d, last+1, end, titleComplements); n > 0 {
		last += n // "Capo di Gabinetto del Ministro dell'Interno": the minister is whose chief
	}
	if c := r.portfolioBracket(last + 1); c > 0 && c <= end {
		last = c - 1 // "Joint Secretary (International Cooperation)": the portfolio is part of the title
	}
	return last
}

func (r *run) indexOf(m *mention) int { return m.idx }

// ministry reads "Ministro dell'Interno della Serbia" or "ministre espagnol de
// l'Intérieur" as the ministry it names, and adds it as an agency mention.
func (r *run) ministry(word, end int) *mention {
	if m := r.portfolioFirst(word, end); m != nil {
		return m
	}
	for _, p := range ministerPhrasesByFirst[r.fold(word)] {
		if hasPrefixTokens(r.d, word, p.words) {
			return r.ministryNamed(word+len(p.words)-1, p.ministry, end) // "secrétaire d'État à l'Intérieur"
		}
	}
	min, ok := ministerWords[r.fold(word)]
	if !ok {
		return nil
	}
	return r.ministryNamed(word, min, end)
}

// portfolioFirst reads an English title written after its portfolio ("Interior
// Minister", "the Indian Defence Secretary") as the ministry the gazetteer lists for it,
// and adds it as an agency mention.
func (r *run) portfolioFirst(word, end int) *mention {
	if word == 0 || r.d.Lang != "en" || !portfolioTitles[r.fold(word)] || !r.d.Tokens[word-1].Upper || r.at[word-1] != 0 {
		return nil
	}
	portfolio, ok := portfoliosBefore[r.fold(word-1)]
	if !ok {
		return nil
	}
	words := append(wordsView{"ministry", "of"}, strings.Fields(portfolio)...)
	n, t, ok := r.x.ix.longest(words, 0, "en")
	if !ok || t.kind != tAgency || n != len(words) {
		return nil
	}
	var adj *mention
	if s := r.mentionAt(word - 2); s != nil && s.kind == fixtures.KindState && s.adjective && s.last == word-1 {
		adj = s // "the Indian Defence Secretary"
	}
	a := r.x.gaz.Agencies[t.idx]
	m := &mention{first: word - 1, last: word + 1, kind: fixtures.KindAgency, slug: a.Slug, name: a.Name, country: a.Country, inTitle: true}
	return r.addMinistry(m, adj, end)
}

// ministryNamed reads the ministry whose noun (min: "ministère") the word at word is or
// implies, with its state's adjective and portfolio after it.
func (r *run) ministryNamed(word int, min string, end int) *mention {
	words := wordsView{text.Fold([]rune(min))}
	k := word + 1
	var adj *mention
	if m := r.mentionAt(k); m != nil && m.kind == fixtures.KindState && m.adjective {
		adj = m
		k = m.last
	}
	for j := k; j < end; j++ {
		if to, ok := portfolioPrepositions[r.fold(j)]; ok && j == k {
			words = append(words, to) // "Sottosegretario all'Interno": "Ministero dell'Interno"
			continue
		}
		words = append(words, r.fold(j))
	}
	n, t, ok := r.x.ix.longest(words, 0, r.d.Lang)
	if !ok || t.kind != tAgency {
		return r.portfolioMinistry(word, k, end, min, adj)
	}
	if n == 1 && adj == nil && !r.stateIn(word, end) && !r.placeAfterTitle(word, end) {
		return nil // "il Procuratore della Repubblica", "Procuratore Capo Europeo": the office's noun alone, and no state, names no body
	}
	last := k + n - 1
	for i := k; i < last; i++ {
		if r.at[i] != 0 {
			return nil
		}
	}
	// "ministro della Giustizia e dei Diritti umani argentino": the coordinated portfolio
	// belongs to the name, and the adjective after it says whose the ministry is.
	var services []*mention // "et de la Protection civile": a portfolio the gazetteer lists as a service
	for last+1 < end && conjunctions[r.fold(last)] && r.at[last] == 0 {
		start := last + 1 // "and Human Rights"
		if r.d.Lang != "en" || !r.d.Tokens[start].Upper || titleWords[r.fold(start)] {
			start = last + 2 // "e della Sicurezza pubblica", "et de la Protection civile"
			if start >= end || !ofPrepositions[r.fold(last+1)] || !r.portfolioAt(start, end) {
				break
			}
		}
		j := start
		for j < end && r.d.Tokens[j].Kind == text.Word && !conjunctions[r.fold(j)] && !(j > start && r.nameAfterHead(j)) {
			if g := r.mentionAt(j); g != nil {
				if g.first != j || g.kind != fixtures.KindAgency || !r.genericAgency(g) {
					break
				}
				services = append(services, g)
				j = g.last
				continue
			}
			j++
		}
		for j > start+1 && (ofPrepositions[r.fold(j-1)] || articles[r.fold(j-1)]) {
			j-- // "... e della Sicurezza pubblica del Brasile": "del" opens the state
		}
		if j == start {
			break // "and INTERPOL's Secretary General": no portfolio
		}
		last = j
	}
	for _, g := range services {
		for k := g.first; k < g.last; k++ {
			r.at[k] = 0
		}
		g.kind = "" // absorbed into the ministry's name
	}
	if s := r.mentionAt(last); adj == nil && s != nil && s.kind == fixtures.KindState && s.adjective && s.first == last {
		adj, last = s, s.last // the title names the state too
	}
	a := r.x.gaz.Agencies[t.idx]
	m := &mention{first: word, last: last, kind: fixtures.KindAgency, slug: a.Slug, name: a.Name, country: a.Country, inTitle: true}
	return r.addMinistry(m, adj, end)
}

// placeAfterTitle reports whether the title at word names a town after "of" within three
// words: "il Procuratore di Palermo" heads the office of that town.
func (r *run) placeAfterTitle(word, end int) bool {
	for k := word + 1; k+1 < end && k <= word+3; k++ {
		if p := r.mentionAt(k + 1); ofWords[r.fold(k)] && p != nil && p.kind == "place" && p.first == k+1 {
			return true
		}
	}
	return false
}

// portfolioAt reports whether a portfolio's capitalised name starts at k, after its
// article: "la Sécurité publique", not "des personnalités".
func (r *run) portfolioAt(k, end int) bool {
	if k < end && articles[r.fold(k)] {
		k++
	}
	return k < end && r.d.Tokens[k].Upper
}

// portfolioMinistry reads a minister's title whose portfolio the gazetteer does not list
// as the ministry it names: "ministro greco della Protezione del cittadino" is Greece's
// "Ministero della Protezione del cittadino", "Minister for Home Affairs" a "Ministry for
// Home Affairs". The portfolio starts with a capital after of/for and its article, and
// runs to the end of the title, a comma or another mention. k is the token after the
// minister word (and its nationality adjective), adj that adjective if any.
func (r *run) portfolioMinistry(word, k, end int, ministry string, adj *mention) *mention {
	toks := r.d.Tokens
	j := k
	if j < end && (ofPrepositions[r.fold(j)] || purposePrepositions[r.fold(j)]) && r.at[j] == 0 {
		j++
	} else {
		return nil
	}
	if j < end && articles[r.fold(j)] && r.at[j] == 0 {
		j++
	}
	if j >= end || !toks[j].Upper || toks[j].Kind != text.Word || r.at[j] != 0 && !r.placeAt(j) || stateRanks[r.fold(j)] {
		return nil // "Minister of State for Security" is a rank, not a ministry of State
	}
	last := j
	for last < end && last-k < maxPortfolioTokens && toks[last].Kind == text.Word && (r.at[last] == 0 || r.placeAt(last)) &&
		!conjunctions[r.fold(last)] && !titleWords[r.fold(last)] && (last == j || r.stateAfter(last, end) == nil) &&
		!(r.d.Lang == "en" && last > j && !toks[last].Upper && !ofPrepositions[r.fold(last)]) {
		last++ // an English portfolio is capitalised: not "the Minister for Justice the agreements that"
	}
	for last > j+1 && (ofPrepositions[r.fold(last-1)] || articles[r.fold(last-1)]) {
		last-- // "... del" before a state or a comma is not part of the portfolio
	}
	name := titleCase(ministry) + " " + r.textOf(k, last)
	if s := r.mentionAt(last); adj == nil && s != nil && s.kind == fixtures.KindState && s.adjective && s.first == last {
		adj, last = s, s.last // "ministro della Giustizia algerino": the title names the state too
	}
	for i := j; i < last; i++ {
		if p := r.mentionAt(i); p != nil && p.kind == "place" {
			for q := p.first; q < p.last; q++ {
				r.at[q] = 0 // the town is the seat, part of the body's name
			}
			p.kind = ""
		}
	}
	m := &mention{first: word, last: last, kind: fixtures.KindAgency, name: name, inTitle: true}
	return r.addMinistry(m, adj, end)
}

// maxPortfolioTokens bounds a minister's portfolio ("della Protezione del cittadino").
const maxPortfolioTokens = 8

// addMinistry adds the ministry m read from a minister's title, of the state adj names
// ("ministro greco"), else of the state named right after it ("dell'Interno della
// Repubblica di Cipro"), else of the state the document's context gives.
func (r *run) addMinistry(m *mention, adj *mention, end int) *mention {
	if adj == nil {
		k := m.last
		for k < end && k-m.last < 2 && titleModifiers[r.fold(k)] && r.at[k] == 0 {
			k++ // "Procuratore Federale del Belgio"
		}
		if s := r.stateAfter(k, end); s != nil {
			m.country = s.country
		} else if s := r.lineState(m.first); s != nil {
			m.country = s.country // "- Angola : M. X, ministre des Relations extérieures"
		}
	}
	if adj != nil {
		// the adjective sits inside the span: take it over as the country
		m.country = adj.country
		m.stated = adj.first > m.first && adj.last <= m.last
		adj.spec = true
		r.at[adj.first] = 0
		adj.kind = ""
	}
	if r.add(m) == nil {
		return nil
	}
	if m.country == "" {
		m.country = r.countrySpec(m)
	}
	return m
}

// stateAfter returns the state named right after a body, before end: "della Repubblica di
// Cipro", "of the Republic of Kenya", "du Niger".
func (r *run) stateAfter(k, end int) *mention {
	if k >= end || !ofPrepositions[r.fold(k)] {
		return nil
	}
	k++
	if k < end && articles[r.fold(k)] {
		k++
	}
	for j := k; j < end && j <= k+3; j++ {
		if s := r.mentionAt(j); s != nil {
			if s.kind == fixtures.KindState && !s.adjective {
				return s
			}
			return nil
		}
	}
	return nil
}

// lineState returns the state that opens the line of token k as the heading of its item:
// "- Angola : M. X, ministre des Relations extérieures ;" is Angola's delegation.
func (r *run) lineState(k int) *mention {
	toks := r.d.Tokens
	if k < 0 || k >= len(toks) {
		return nil
	}
	s := k
	for s > 0 && toks[s-1].Sentence == toks[k].Sentence {
		s--
	}
	for s+1 < len(toks) && toks[s].Sentence == toks[k].Sentence && toks[s].Kind != text.Word {
		s++ // the bullet
	}
	m := r.mentionAt(s)
	if m == nil || m.first != s || m.kind != fixtures.KindState || m.adjective || m.last >= len(toks) || r.fold(m.last) != ":" {
		return nil
	}
	return m
}

// isBody reports whether a mention is an agency or an organisation (not a state).
func (m *mention) isBody() bool {
	return m.kind == fixtures.KindAgency || m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody
}

// appositionEnd reports whether the body of an apposition that ends at k closes it:
// after its acronym in brackets and a state, parent body or title behind a comma ("(BKA),
// Germany", ", Chair"), comes close (a closing bracket) or, when close is "", the end of the
// item (";", ".", the line's end). Anything else ("Europol and Eurojust signed") is a list.
func (r *run) appositionEnd(k int, close string) bool {
	toks := r.d.Tokens
	sent := toks[k-1].Sentence
	if k+2 < len(toks) && r.fold(k) == "(" && toks[k+1].AllCaps && r.fold(k+2) == ")" {
		k += 3 // "(BKA)"
	}
	if k+1 < len(toks) && r.fold(k) == "," {
		if m := r.mentionAt(k + 1); m != nil && m.first == k+1 && (m.kind == fixtures.KindState || m.isBody()) {
			k = m.last // ", Germany", ", Europol"
		} else if titleWords[r.fold(k+1)] && k+2 < len(toks) && r.fold(k+2) == close {
			k += 2 // ", Chair)"
		}
	}
	if close != "" {
		return k < len(toks) && r.fold(k) == close
	}
	return k >= len(toks) || toks[k].Sentence != sent || r.fold(k) == ";" || r.fold(k) == "."
}

// bodyInApposition reports whether a body follows a name as an apposition, which makes
// the name a person's: "Maria Lopez, of UNODC", "John Smith (UNODC)", not "Squadra Mobile
// della Questura".
func (r *run) bodyInApposition(j int) bool {
	return j < len(r.d.Tokens) && (r.fold(j) == "," || r.fold(j) == "(") && r.bodyAfterName(j) != nil
}

// possessiveTitle reports whether a possessive "'s" at k is followed, within a few words
// and before any other name or clause break, by a title word: "Europol's liaison officer".
func (r *run) possessiveTitle(k int) bool {
	toks := r.d.Tokens
	if k+1 >= len(toks) || r.fold(k) != "s" || k == 0 || toks[k].Start != toks[k-1].End+1 {
		return false
	}
	for j := k + 1; j < len(toks) && j-k <= 5 && toks[j].Sentence == toks[k].Sentence && r.at[j] == 0; j++ {
		if titleWords[r.fold(j)] {
			return true
		}
		if toks[j].Kind != text.Word {
			return false
		}
	}
	return false
}

// placeAt reports whether token k is part of a town's name: "Questore di Genova" names the
// Questura of that town.
func (r *run) placeAt(k int) bool {
	m := r.mentionAt(k)
	return m != nil && m.kind == "place"
}
