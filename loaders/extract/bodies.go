package extract

import (
	"strings"
	"unicode"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// Recognition of bodies: what makes a name a national agency, a unit of one, or an
// international organisation, and where a name ends.

// namedAgency reports whether m is a gazetteer agency of one state with a name of its
// own (the Guardia di Finanza, the FBI), not a kind of body every state has nor a
// collective name.
func (r *run) namedAgency(m *mention) bool {
	if m == nil || m.kind != fixtures.KindAgency || m.slug == "" || m.country == "" {
		return false
	}
	for _, a := range r.x.agencies[m.slug] {
		if a.Country == m.country && !a.Collective {
			return true
		}
	}
	return false
}

// joinsNamedAgency reports whether the connectors [from, k) hold a conjunction and a
// named agency starts at k: "della Polizia di Stato e dell'Arma dei Carabinieri" names two
// bodies.
func (r *run) joinsNamedAgency(from, k int) bool {
	if m := r.mentionAt(k); m == nil || m.first != k || !r.namedAgency(m) {
		return false
	}
	for i := from; i < k; i++ {
		if conjunctions[r.fold(i)] {
			return true
		}
	}
	return false
}

// namedInside returns the named agencies written after the head of a name [first,
// last): "Comando Regionale dell'Arma dei Carabinieri" is a unit of the Carabinieri. A
// kind of body every state has counts when the document also names it on its own
// ("Direction régionale des Douanes" beside "les Douanes").
func (r *run) namedInside(first, last int) []mention {
	var out []mention
	for i := first + 1; i < last; i++ {
		m := r.mentionAt(i)
		if m == nil || m.first != i || m.last > last {
			continue
		}
		if r.namedAgency(m) || r.genericElsewhere(m, first, last) {
			out = append(out, *m)
			i = m.last - 1
		}
	}
	return out
}

// genericElsewhere reports whether m is a gazetteer kind of body (no state of its own)
// that the document also names outside [first, last).
func (r *run) genericElsewhere(m *mention, first, last int) bool {
	if m.kind != fixtures.KindAgency || m.slug == "" || m.country != "" {
		return false
	}
	for _, o := range r.ments {
		if o != m && o.kind == fixtures.KindAgency && o.slug == m.slug && (o.last <= first || o.first >= last) {
			return true
		}
	}
	return false
}

// innerID is the id of a body named inside an agency's name.
func innerID(in *mention) string { return "agency:" + strings.ToLower(in.country) + ":" + in.slug }

// innerParentID returns the id of the body an agency's name holds and the agency is part
// of ("Comando Generale dell'Arma dei Carabinieri": the Carabinieri), or "".
func (r *run) innerParentID(m *mention) string {
	if m.kind != fixtures.KindAgency || len(m.inner) == 0 || m.inner[0].slug == "" || m.inner[0].country == "" {
		return ""
	}
	if id := innerID(&m.inner[0]); r.g.nodes[id] != nil {
		return id
	}
	return ""
}

// innerParents adds the named agencies inside an agency's name as nodes of their own,
// with the agency part of the first.
func (r *run) innerParents(m *mention) {
	for k := range m.inner {
		in := &m.inner[k]
		if in.country == "" {
			in.country = m.country
		}
		id := innerID(in)
		n := r.g.node(id, fixtures.KindAgency, in.name)
		n.Country = strp(in.country)
		r.g.mention(n, r.span(in), false)
		if k == 0 {
			r.g.edge(fixtures.EdgePartOf, m.id, id, r.span(m), "")
		}
	}
}

// capitalInside reports whether a capitalised word of [first, last) other than the
// first word of its sentence is found there.
func (r *run) capitalInside(first, last int) bool {
	for i := first; i < last; i++ {
		t := r.d.Tokens[i]
		if t.Upper && !connectors[r.fold(i)] && (i == 0 || r.d.Tokens[i-1].Sentence == t.Sentence) {
			return true
		}
	}
	return false
}

// englishNameGoesOn reports whether the capitalised word at j, right after the head of
// an English name, still belongs to it: another head ("Police Service"), not a
// person's name.
func (r *run) englishNameGoesOn(j int) bool {
	f := r.fold(j)
	return !r.d.Tokens[j].Upper || agencyHeads[f] || bodyHeads[f] || headFollowers[f] || pluralTitles[f] && j+1 < len(r.d.Tokens) && (agencyHeads[r.fold(j+1)] || bodyHeads[r.fold(j+1)])
}

// internationalName reports whether a name with its head at h says it is international
// or regional: "International Training Centre", "Regional Anti-Drug Training Centre",
// "Centro Internazionale ...", or a continent or region in it ("Comité des chefs de
// police de l'Afrique australe", "Caribbean Centre for Maritime Security").
func (r *run) internationalName(first, h, last int) bool {
	for i := first; i < last; i++ {
		f := r.fold(i)
		if regionWords[f] {
			return true
		}
		if i < h && internationalWords[f] && !unitFields[r.fold(i+1)] && !r.stateOpens(first) {
			// "International Training Centre", in an English name inside any text; not "the
			// Turkish International Academy", a state's own
			return true
		}
		if r.d.Lang == "en" && i > h && regionalWords[f] {
			return true
		}
		if r.d.Lang != "en" && i == h+1 && internationalWords[f] {
			return true
		}
	}
	return false
}

// stateOpens reports whether a name starts with a state's adjective: "Turkish ...".
func (r *run) stateOpens(first int) bool {
	m := r.mentionAt(first - 1)
	if m == nil || m.last != first {
		m = r.mentionAt(first)
	}
	return m != nil && m.kind == fixtures.KindState && m.adjective && (m.last == first || m.first == first)
}

// acronymCountries gives an agency named only by its acronym the state of the full
// name that introduced it: "the Canadian Border Services Agency (CBSA) ... officers of
// the CBSA".
func (r *run) acronymCountries(agencies []*mention) {
	byAcronym := map[string]string{}
	for _, m := range agencies {
		if m.acronym != "" && m.country != "" && byAcronym[m.acronym] == "" {
			byAcronym[m.acronym] = m.country
		}
	}
	for _, m := range agencies {
		if m.acronym != "" && m.country == "" {
			m.country = byAcronym[m.acronym]
		}
	}
}

// adjectiveAlias records the name of an agency as written with its state, before or after
// it ("Ghana Immigration Service", "Canadian Federal Police", "Police nationale d'Haïti",
// "Polizia slovena", "ministero dell'Interno e della Sicurezza cileno"), as one of its
// names; an agency the gazetteer does not list takes it as its name.
func (r *run) adjectiveAlias(m *mention) {
	first, last, ok := r.writtenWithState(m)
	if !ok {
		return
	}
	name := r.textOf(first, last)
	if ministry, title := ministerWords[r.fold(m.first)]; title {
		if first != m.first {
			return
		}
		// "ministro della Giustizia degli Emirati Arabi Uniti" names the ministry
		name = titleCase(ministry) + " " + r.textOf(first+1, last)
	}
	if m.slug == "" || r.genericAgency(m) {
		m.name = name // not "National Police" for the Police nationale d'Haïti
	}
	n := r.g.node(m.id, m.kind, m.name)
	r.g.mention(n, r.tokSpan(first, last), false)
	if m.seat != nil {
		r.g.mention(n, r.tokSpan(first, m.seat.last), false) // "Embassy of The Netherlands in Panama"
	}
}

// genericAgency reports whether m is a kind of body every state has in the gazetteer
// (a national police, a ministry of justice), named there without a state.
func (r *run) genericAgency(m *mention) bool {
	for _, a := range r.x.agencies[m.slug] {
		if a.Country == "" {
			return true
		}
	}
	return false
}

// writtenWithState returns the tokens of an agency's name together with the state that
// says whose it is, when that state is written right next to it: a capitalised name or
// adjective before it, an adjective after it, or "of"/"du"/"d'" and the state's name.
func (r *run) writtenWithState(m *mention) (int, int, bool) {
	if m.stated {
		return m.first, m.last, true
	}
	if s := r.adjectiveAfterCoordination(m.last); s != nil && s.country == m.country {
		return m.first, s.last, true
	}
	if s := r.mentionAt(m.first - 1); m.first > 0 && s != nil && s.kind == fixtures.KindState && s.spec &&
		s.country == m.country && r.d.Tokens[s.first].Upper && s.last == m.first {
		return s.first, m.last, true
	}
	k := m.last
	for k < len(r.d.Tokens) && k-m.last < 2 && (connectors[r.fold(k)] || articles[r.fold(k)]) && !conjunctions[r.fold(k)] && r.at[k] == 0 {
		k++
	}
	if s := r.mentionAt(k); s != nil && s.first == k && s.kind == fixtures.KindState && s.spec && s.country == m.country &&
		(s.adjective == (k == m.last)) {
		return m.first, s.last, true
	}
	return 0, 0, false
}

// coordinatedModifier reports whether the name that starts at first, with its head at
// h, goes on to the left over "and": "Training and Capacity Unit", "Data
// Analysis and Reporting Unit". Two heads ("the Tax Police and the Border Guard") and
// lower-case words are two bodies, not one.
func (r *run) coordinatedModifier(first, h int) bool {
	if r.d.Lang != "en" || first < 2 || first >= h || !conjunctions[r.fold(first-1)] {
		return false
	}
	k := first - 2
	t := r.d.Tokens[k]
	f := r.fold(k)
	return t.Sentence == r.d.Tokens[h].Sentence && t.Upper && t.Kind == text.Word && r.at[k] == 0 &&
		!agencyHeads[f] && !notPersonWords[f] && !titleWords[f] && !connectors[f]
}

// possessor is the organisation written before an agency with a possessive or as a
// modifier: "Europol's Analysis Unit", "the OSCE Secretariat's Borders
// Department".
func (r *run) possessor(m *mention) *mention {
	k := m.first - 1
	if k >= 1 && r.fold(k) == "s" && r.d.Tokens[k].Start > 0 && strings.ContainsRune("'’", r.d.Runes[r.d.Tokens[k].Start-1]) {
		k--
	}
	if k == m.first-1 {
		return nil
	}
	org := r.mentionAt(k)
	if org == nil || (org.kind != fixtures.KindOrganization && org.kind != fixtures.KindUNBody) || org.id == "" {
		return nil
	}
	return org
}

// surnamesNotStates drops a one-word state name, adjective or town that is part of a
// person's name: after a capitalised given name ("Marco Greco", "Paolo Russo", "Anna
// Genova"), or a state name before a family name ("Dominique MARTIN"). Italian and French
// write adjectives of nationality in lower case, so a capital one inside running text
// after a capitalised word is a name.
func (r *run) surnamesNotStates() {
	dropped := map[[2]string]bool{}
	for _, m := range r.ments {
		if m.kind != fixtures.KindState || m.last-m.first != 1 || !r.d.Tokens[m.first].Upper {
			continue
		}
		i := m.first
		prevName := i > 0 && r.nameWord(i-1) && r.d.Tokens[i-1].Sentence == r.d.Tokens[i].Sentence &&
			(i-1 == 0 || r.d.Tokens[i-2].Sentence == r.d.Tokens[i-1].Sentence) && !r.d.Joined(i) &&
			(i < 2 || !r.nameOfBody(i-2)) // "Guardia Civil Spagnola" is a body, not a person

		nextName := !m.adjective && i+1 < len(r.d.Tokens) && r.nameWord(i+1) && r.d.Tokens[i+1].Sentence == r.d.Tokens[i].Sentence &&
			(i+2 >= len(r.d.Tokens) || !r.nameWord(i+2))
		// "Istituto Euro-Latino Americano": an adjective after a region's name is
		// part of a body's name.
		region := i > 0 && r.d.Tokens[i-1].Upper && regionWords[r.fold(i-1)]
		if (m.adjective && r.d.Lang != "en" && (prevName || region)) || (!m.adjective && nextName && r.d.Tokens[i+1].AllCaps) || (!m.adjective && prevName && nextName) {
			m.kind = ""
			r.at[i] = 0
			if nextName {
				dropped[[2]string{r.fold(i), r.fold(i + 1)}] = true
			}
		}
	}
	for _, m := range r.ments {
		// "Giovanni Torino", "Anna Riga": a town after a given name is a family name.
		if i := m.first; m.kind == "place" && m.last-i == 1 && r.d.Tokens[i].Upper && i > 0 && r.nameWord(i-1) &&
			r.d.Tokens[i-1].Sentence == r.d.Tokens[i].Sentence && !r.d.Joined(i) {
			m.kind = ""
			r.at[i] = 0
		}
	}
	// The same name written again: "Dominique MARTIN ... Dominique Martin".
	for _, m := range r.ments {
		if m.kind == fixtures.KindState && m.last-m.first == 1 && m.last < len(r.d.Tokens) && dropped[[2]string{r.fold(m.first), r.fold(m.last)}] {
			m.kind = ""
			r.at[m.first] = 0
		}
	}
}

// unclaimedCapital returns the fold of token i when it is a capitalised word no mention
// holds yet.
func (r *run) unclaimedCapital(i int) (string, bool) {
	t := r.d.Tokens[i]
	if !t.Upper || t.Kind != text.Word || r.at[i] != 0 {
		return "", false
	}
	return r.fold(i), true
}

// nameWord reports whether token i could be part of a person's name: a capitalised
// word that no list knows as something else.
func (r *run) nameWord(i int) bool {
	f, ok := r.unclaimedCapital(i)
	if !ok {
		return false
	}
	_, gl := r.x.gaz.Glossary[f]
	_, month := months[f]
	return !gl && !month && !r.x.english[f] && !agencyHeads[f] && !bodyHeads[f] && !titleWords[f] &&
		!notPersonWords[f] && !connectors[f] && !notPersonPlaces[f] && !regionWords[f] && meetingHeads[f] == ""
}

// adjectiveInName reports whether a state adjective written with a capital is inside
// an Italian or French name, followed by more of it: "Agenzia Spagnola della Sicurezza".
func (r *run) adjectiveInName(m *mention) bool {
	if m.kind != fixtures.KindState || !m.adjective || !r.d.Tokens[m.first].Upper || m.last+1 >= len(r.d.Tokens) {
		return false
	}
	return ofConnectors[r.fold(m.last)] && r.d.Tokens[m.last+1].Upper && r.d.Tokens[m.last+1].Sentence == r.d.Tokens[m.first].Sentence
}

// adjectiveBeforeField reports whether m is a state's adjective in lower case followed,
// after "de"/"di" or a preposition of purpose and an article, by a word of the glossary or
// a capitalised one: right after a capitalised head it is inside the name ("l'Agence
// brésilienne de renseignement", "l'Agenzia spagnola per la cooperazione").
func (r *run) adjectiveBeforeField(m *mention) bool {
	toks := r.d.Tokens
	if m.kind != fixtures.KindState || !m.adjective || toks[m.first].Upper {
		return false
	}
	k := m.last
	if k >= len(toks) || !ofConnectors[r.fold(k)] && !purposePrepositions[r.fold(k)] {
		return false
	}
	for k++; k < len(toks) && articles[r.fold(k)]; k++ {
	}
	if k >= len(toks) || r.at[k] != 0 || toks[k].Sentence != toks[m.first].Sentence {
		return false
	}
	_, field := r.x.gaz.Glossary[r.fold(k)]
	return field || toks[k].Upper
}

// adjectiveInside returns the state of an adjective or a town written inside a name
// [first, last) ("Agenzia Spagnola della Sicurezza", "Questura di Milano"), or "".
func (r *run) adjectiveInside(first, last int) string {
	for i := first + 1; i < last; i++ {
		if m := r.mentionAt(i); m != nil && (m.kind == fixtures.KindState && m.adjective || m.kind == "place") {
			return m.country
		}
	}
	return ""
}

// codeName reports whether token i looks like a programme's code name: in capitals
// ("MARLIN"), or with a capital inside ("SeaWatch"), or followed by "+" ("PortSafe+").
func (r *run) codeName(i int) bool {
	t := r.d.Tokens[i]
	if t.Kind != text.Word || !t.Upper || romanNumerals[r.fold(i)] {
		return false // "II" numbers a name, it is none
	}
	if t.AllCaps {
		return true
	}
	w := []rune(r.d.TokenText(t))
	for _, c := range w[1:] {
		if unicode.IsUpper(c) {
			return true
		}
	}
	return i+1 < len(r.d.Tokens) && r.fold(i+1) == "+" && r.d.Tokens[i+1].Start == t.End
}

// codeMention reads a code name at i with what completes it: "+" written against it,
// a Roman numeral or a number after it ("FIN II", "PortSafe+").
func (r *run) codeMention(i int) *mention {
	last := i + 1
	toks := r.d.Tokens
	for last < len(toks) && toks[last].Kind == text.Word && toks[last].Upper && r.hyphenated(last) && r.at[last] == 0 {
		last++ // "FORTIS-Africa", "SAFE-SEAS": the code goes on after its hyphen
	}
	for last < len(toks) && last-i < 3 && r.codeName(last) && r.at[last] == 0 && toks[last].Sentence == toks[i].Sentence &&
		r.d.Fold[toks[last-1].End:toks[last].Start] == " " {
		last++ // "EL PAcCTO": a code of two words
	}
	if last < len(toks) && r.fold(last) == "+" && toks[last].Start == toks[last-1].End {
		last++
	} else if r.nameNumber(last, i, 4) {
		last += r.versionLength(last) // "EL PAcCTO 2.0"
	}
	return &mention{first: i, last: last, name: r.textOf(i, last)}
}

// nameNumber reports whether token k numbers the name whose word at i precedes it, in the
// same sentence: a Roman numeral in capitals or a number of at most digits figures ("FIN
// II", "Cooperation Project 2").
func (r *run) nameNumber(k, i, digits int) bool {
	toks := r.d.Tokens
	return k < len(toks) && toks[k].Sentence == toks[i].Sentence && r.at[k] == 0 &&
		(romanNumerals[r.fold(k)] && toks[k].AllCaps || toks[k].Kind == text.Number && toks[k].End-toks[k].Start <= digits)
}

// versionLength returns 3 for a version number written with its point at k ("2.0" is
// three tokens), else 1.
func (r *run) versionLength(k int) int {
	toks := r.d.Tokens
	if toks[k].Kind == text.Number && k+2 < len(toks) && r.fold(k+1) == "." && toks[k+2].Kind == text.Number &&
		toks[k+1].Start == toks[k].End && toks[k+2].Start == toks[k+1].End {
		return 3
	}
	return 1
}

// capitalAfterAnd reports whether token k is a conjunction followed by a capitalised word
// that no body or person claims: "Port Security and Safety", "Afghanistan and
// Neighbouring Countries" go on inside a name.
func (r *run) capitalAfterAnd(k int) bool {
	toks := r.d.Tokens
	if !conjunctions[r.fold(k)] || k+1 >= len(toks) || !toks[k+1].Upper || toks[k+1].Kind != text.Word || toks[k+1].Sentence != toks[k].Sentence {
		return false
	}
	m := r.mentionAt(k + 1)
	return m == nil || (m.kind == "place" || m.kind == fixtures.KindState) && !m.adjective
}

// apostropheQuoted returns the token after the last one of a name quoted with
// two apostrophes on each side that starts at token i, or 0.
func (r *run) apostropheQuoted(i int) int {
	toks := r.d.Tokens
	if i == 0 || !strings.Contains(r.d.Fold[toks[i-1].End:toks[i].Start], "''") {
		return 0
	}
	for k := i; k < len(toks) && k-i < 8 && toks[k].Sentence == toks[i].Sentence; k++ {
		end := len(r.d.Fold)
		if k+1 < len(toks) {
			end = toks[k+1].Start
		}
		if strings.Contains(r.d.Fold[toks[k].End:end], "''") {
			return k + 1
		}
	}
	return 0
}

// quotedRun is the project named by the free tokens [first, last).
func (r *run) quotedRun(first, last int) *mention {
	for k := first; k < last; k++ {
		if r.at[k] != 0 {
			return nil
		}
	}
	return &mention{first: first, last: last, name: r.textOf(first, last)}
}

// titledProject reads a name in capitals that ends in a capitalised project noun:
// "the Indian Ocean Maritime Security Initiative", "the Atlas Project". A body written
// first is the owner ("the UNODC Global Programme"), and the noun must not start the
// sentence.
func (r *run) titledProject(h int) *mention {
	toks := r.d.Tokens
	first := h
	var adjectives []*mention
	for first > 0 && toks[first-1].Sentence == toks[h].Sentence && toks[first-1].Upper && toks[first-1].Kind == text.Word &&
		!notPersonWords[r.fold(first-1)] && !titleWords[r.fold(first-1)] && h-first < 6 {
		if m := r.mentionAt(first - 1); m != nil {
			if m.kind != fixtures.KindState || !m.adjective || first == h {
				break
			}
			adjectives = append(adjectives, m) // "the Indian Ocean Security Programme"
		}
		first--
	}
	if h+1 < len(toks) && (agencyHeads[r.fold(h+1)] || bodyHeads[r.fold(h+1)]) {
		return nil // "the Drugs Programme Office": a body
	}
	if h+1 < len(toks) && toks[h+1].Sentence == toks[h].Sentence && titleWords[r.fold(h+1)] {
		return nil // "National Programme Coordinator of UNODC": a title
	}
	last := h + 1
	// "the Global Programme on Maritime Crime", "the UNODC Programme for Central Asia"
	var places []*mention
	// "the Programme of Assistance against Transnational Organised Crime": complements in a row
	for c := 0; c < 2 && last+1 < len(toks) && projectComplements[r.fold(last)] && toks[last+1].Upper && toks[last+1].Sentence == toks[h].Sentence; c++ {
		k := last + 1
		for k < len(toks) && (toks[k].Upper && toks[k].Kind == text.Word || k > last+1 && (r.d.Joined(k) || toks[k].Kind == text.Number && toks[k].End-toks[k].Start <= 2 || r.capitalAfterAnd(k))) &&
			toks[k].Sentence == toks[h].Sentence && k-h < 14 {
			if m := r.mentionAt(k); m != nil {
				if m.kind != "place" && m.kind != fixtures.KindState || m.adjective || m.first != k {
					break
				}
				places = append(places, m)
				k = m.last
				continue
			}
			k++
		}
		if k == last+1 || r.namesProject(last+1, k) {
			break // not "the Component of Sub-program 1": the project it belongs to
		}
		last = k
	}
	if r.d.Lang != "en" && first == h && last == h+1 {
		// "le Programme Sahel de l'ONUDC", "il Programma Balcani": the capitalised words after
		// the head name it
		for last < len(toks) && last-h <= 3 && toks[last].Upper && toks[last].Kind == text.Word && toks[last].Sentence == toks[h].Sentence &&
			!ofWords[r.fold(last)] && !projectComplements[r.fold(last)] && !purposePrepositions[r.fold(last)] {
			if m := r.mentionAt(last); m != nil && (m.kind != "place" || m.last != last+1) {
				break
			}
			last++
		}
		if last < len(toks) && (projectComplements[r.fold(last)] || purposePrepositions[r.fold(last)] || ofWords[r.fold(last)] && !r.bodyNext(last)) {
			return nil // "il Progetto Gdf per la Sicurezza ...", "le Programme National de lutte contre ...": a longer name
		}
		for _, k := range []int{h + 1, last - 1} {
			if m := r.mentionAt(k); k < last && m != nil {
				places = append(places, m)
			}
		}
	}
	if first == h && (last == h+1 || h == 0 || !(articles[r.fold(h-1)] || r.mentionAt(h-1) != nil && r.mentionAt(h-1).isBody())) {
		return nil // "Project" alone, or a name that may only be capitalised as the sentence's first word
	}
	if first > 0 && first < h && toks[first-1].Sentence != toks[h].Sentence {
		return nil
	}
	if last == h+1 && r.nameNumber(last, h, 2) {
		last += r.versionLength(last) // "Cooperation Project 2", "Project 2.0"
	}
	for _, m := range places {
		m.kind = "" // "Central Asia" is part of the name
		for k := m.first; k < m.last; k++ {
			r.at[k] = 0
		}
	}
	for _, m := range adjectives {
		m.kind = ""
		r.at[m.first] = 0
	}
	return &mention{first: first, last: last, name: r.textOf(first, last)}
}

// recogniseOrgans reads the secretariat or commission of an organisation as a body of
// its own, part of the organisation: "the SELEC Secretariat", "the Southern African
// Development Community (SADC) Commission", "le secrétariat du CCPAS", "the
// Secretariat of the OSCE". A
// secretariat that signs for its organisation stands for it: in a sentence that says
// something was signed it is left as the organisation.
func (r *run) recogniseOrgans() {
	toks := r.d.Tokens
	for i := range toks {
		f := r.fold(i)
		if organWords[f] == "" || r.at[i] != 0 {
			continue
		}
		var org *mention
		first, last := i, i+1
		// "the SELEC Secretariat", "the Southern African Development Community (SADC) Commission"
		k := i - 1
		if k >= 2 && r.fold(k) == ")" {
			if inner := r.mentionAt(k - 1); inner != nil && inner.first == k-1 && k-2 >= 0 && r.fold(k-2) == "(" {
				if o := r.mentionAt(k - 3); o != nil && o.id == inner.id {
					k -= 3
				}
			}
		}
		if o := r.mentionAt(k); o != nil && r.isOrganisation(o) && toks[i].Upper && toks[k].Sentence == toks[i].Sentence {
			org, first = o, o.first
		}
		if org == nil {
			// "the Secretariat of the OSCE", "le secrétariat permanent de la CEEAC"
			j := i + 1
			for j < len(toks) && (ofConnectors[r.fold(j)] || organQualifiers[r.fold(j)]) && j-i < 4 {
				j++
			}
			if o := r.mentionAt(j); j > i+1 && o != nil && o.first == j && r.isOrganisation(o) && (toks[i].Upper || toks[j].AllCaps) && !r.lineAlone(i, i+1) { // not "Secretariat" alone on its line, a heading
				org, last = o, o.last
			}
		}
		if org == nil || r.signedIn(toks[i].Sentence) || organWords[f] == "delegation" && !toks[i].Upper {
			continue // "a delegation of the EU" is people, "the EU Delegation to Ghana" a body
		}
		id := "org:" + orgKey(org) + "-" + organWords[f]
		if organWords[f] == "delegation" {
			if p := r.placeAfter(last); p != nil {
				last = p.last // "the EU Delegation to Ghana": one for each country
				id += "-" + slug(p.name)
				p.kind = ""
			}
		}
		name := r.textOf(first, last)
		parent := *org
		if parent.id == "" {
			parent.id = "org:" + orgKey(org)
		}
		if r.replace(&mention{first: first, last: last, kind: org.kind, id: id, name: name}) == nil {
			continue
		}
		n := r.g.node(parent.id, parent.kind, parent.name)
		r.g.mention(n, r.span(&parent), false)
		r.g.edge(fixtures.EdgePartOf, id, parent.id, r.tokSpan(first, last), "")
	}
}

// placeAfter returns the state or town right after a preposition at k ("to Ghana", "in
// Libano", "au Niger"), or nil.
func (r *run) placeAfter(k int) *mention {
	if k+1 >= len(r.d.Tokens) {
		return nil
	}
	f := r.fold(k)
	if f != "to" && !locatives[r.d.Lang][f] && !cueVariants["a"][f] && f != "aupres" {
		return nil
	}
	if m := r.mentionAt(k + 1); m != nil && m.first == k+1 && (m.kind == fixtures.KindState && !m.adjective || m.kind == "place") {
		return m
	}
	return nil
}

// isOrganisation reports whether m is an international body.
func (r *run) isOrganisation(m *mention) bool {
	return (m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody) && !m.alias
}

// orgKey is the part of an organisation's id after "org:": the gazetteer's, else the
// one resolveAgencies gives a recognised organisation (its acronym, else its name).
func orgKey(m *mention) string {
	if m.id != "" {
		_, key, _ := strings.Cut(m.id, ":")
		return key
	}
	if m.acronym != "" {
		return strings.ToLower(m.acronym)
	}
	return strings.Join(text.FoldTokensWords(m.name), "-")
}

// signedIn reports whether sentence s says that something was signed or concluded.
func (r *run) signedIn(s int) bool {
	first, last := r.sentenceTokens(s)
	for i := first; i < last; i++ {
		for _, c := range r.cuesAt(i) {
			if c.kind == cueSigned && hasCue(r.d, i, c.words) {
				return true
			}
		}
	}
	return false
}

// ownerBefore is the organisation written just before a body's name, past a capitalised
// title word: "the CIS Executive Committee of ...", "the OSCE Regional Centre".
func (r *run) ownerBefore(first int) *mention {
	k := first - 1
	if k >= 0 && r.d.Tokens[k].Upper && organQualifiers[r.fold(k)] && r.at[k] == 0 {
		k--
	}
	if k < 0 {
		return nil
	}
	if o := r.mentionAt(k); o != nil && o.last == k+1 && r.isOrganisation(o) && o.id != "" {
		return o
	}
	return nil
}

// bodyNext reports whether the of-word at k introduces a body, past an article: "de
// l'ONUDC", "dell'UNODC".
func (r *run) bodyNext(k int) bool {
	j := k + 1
	if j < len(r.d.Tokens) && articles[r.fold(j)] {
		j++
	}
	m := r.mentionAt(j)
	return m != nil && m.isBody()
}

// capitalsBefore extends a name that starts at k to the capitalised words written
// before it in the same sentence, none of them a known name, a title or an article.
func (r *run) capitalsBefore(k int) int {
	for k > 0 && r.d.Tokens[k-1].Sentence == r.d.Tokens[k].Sentence && r.d.Tokens[k-1].Upper && r.d.Tokens[k-1].Kind == text.Word &&
		r.at[k-1] == 0 && !notPersonWords[r.fold(k-1)] && !titleWords[r.fold(k-1)] && !connectors[r.fold(k-1)] {
		k--
	}
	return k
}

// placeOfSigning reports whether a state is where something happens, not who acts:
// "firmato a Bruxelles", "signed in Brussels".
func (r *run) placeOfSigning(m *mention) bool {
	return m.kind == fixtures.KindState && !m.adjective && m.first > 0 && locatives[r.d.Lang][r.fold(m.first-1)]
}

// ellipticBodies reads the bodies of a list of places that share the head of the body
// named before them: "le Università di Firenze, Messina e Padova" names three
// universities, "the Universities of Padua and Trento" two.
func (r *run) ellipticBodies() {
	for _, m := range append([]*mention(nil), r.ments...) {
		if m.kind != fixtures.KindOrganization && m.kind != fixtures.KindAgency || m.last-m.first < 3 || m.slug != "" || m.id != "" {
			continue // a body the gazetteer lists ("Arma dei Carabinieri, Gen. ...") is named whole
		}
		of := m.last - 2 // "Università di | Firenze"
		if !ofWords[r.fold(of)] || !r.d.Tokens[m.last-1].Upper {
			continue
		}
		head := r.textOf(m.first, of+1)
		for k := m.last; k+1 < len(r.d.Tokens); {
			f := r.fold(k)
			if f != "," && !conjunctions[f] {
				break
			}
			j := k + 1
			if ofWords[r.fold(j)] {
				j++ // "des universités de Dakar et de Thiès"
			}
			n := &mention{kind: m.kind, first: j, last: j + 1, country: m.country}
			if p := r.mentionAt(j); p != nil && p.kind == "place" && p.first == j {
				n.last = p.last
				if m.kind == fixtures.KindAgency && p.country != "" {
					n.country = p.country
				}
			} else if !r.unlistedPlace(j) {
				break
			}
			n.name = head + " " + r.textOf(n.first, n.last)
			if r.replace(n) == nil {
				break
			}
			k = n.last
		}
	}
}

// unlistedPlace reports whether the word at j, in a list of places, is one more place the
// gazetteer lacks: a capitalised word alone, before a comma, a conjunction or the end of
// the sentence ("Firenze, Padova e Trento").
func (r *run) unlistedPlace(j int) bool {
	toks := r.d.Tokens
	if j+1 >= len(toks) || r.at[j] != 0 || !toks[j].Upper || toks[j].Kind != text.Word || notPersonWords[r.fold(j)] {
		return false
	}
	f := r.fold(j + 1)
	return f == "," || f == "." || f == ";" || conjunctions[f] || toks[j+1].Sentence != toks[j].Sentence
}

// organisationHeadCoreference reads a kind of body written alone ("la Gendarmeria") as
// the organisation recognised with that head in the document ("la Gendarmeria Europea").
func (r *run) organisationHeadCoreference() {
	heads := map[string]*mention{}
	for _, m := range r.ments {
		if m.kind == fixtures.KindOrganization && m.last-m.first >= 2 && r.d.Tokens[m.first].Upper {
			f := r.fold(m.first)
			if o, ok := heads[f]; ok && o != nil && o.name != m.name {
				heads[f] = nil // two organisations with that head: which one is unsure
				continue
			}
			heads[f] = m
		}
	}
	for _, m := range r.ments {
		if m.kind != fixtures.KindAgency || m.slug == "" || m.country != "" || m.last-m.first != 1 {
			continue
		}
		if o := heads[r.fold(m.first)]; o != nil && m.first > o.first {
			m.kind, m.slug, m.name, m.acronym, m.id = o.kind, "", o.name, o.acronym, o.id
		}
	}
	r.definiteOrganisations(heads)
}

// definiteOrganisations reads a definite description by an organisation's head noun
// ("du mécanisme", "the Initiative", "dell'Iniziativa") after the organisation was
// named as the organisation itself, when no other organisation has that head.
func (r *run) definiteOrganisations(heads map[string]*mention) {
	toks := r.d.Tokens
	for i := 1; i+1 < len(toks); i++ {
		f := r.fold(i)
		o := heads[f]
		if o == nil || o.id == "" || i < o.last || r.at[i] != 0 || !(articles[r.fold(i-1)] || ofConnectors[r.fold(i-1)] && r.fold(i-1) != "of") {
			continue
		}
		if agencyHeads[f] {
			continue // "l'agence", "the Office": the body named last, read with the title (bodyAnaphor)
		}
		j := i + 1
		for j < len(toks) && j-i <= 3 && (ofWords[r.fold(j)] || articles[r.fold(j)]) {
			j++
		}
		if j < len(toks) && toks[j].Sentence == toks[i].Sentence && (toks[j].Upper || r.at[j] != 0) {
			continue // "l'Agence de l'Union européenne pour ...": another name goes on
		}
		r.add(&mention{first: i, last: i + 1, kind: o.kind, id: o.id, name: o.name, acronym: o.acronym, anaphor: true})
	}
}

// bodyHeadAnaphors read a body referred to by a capitalised head noun of its name after a
// definite article ("L'Office a organisé", "the Agency said", "l'Agenzia ha firmato") as
// the body named last whose name holds that noun, when no name goes on after the noun.
func (r *run) bodyHeadAnaphors() {
	toks := r.d.Tokens
	for i := 1; i+1 < len(toks); i++ {
		f := r.fold(i)
		if r.at[i] != 0 || !toks[i].Upper || toks[i].AllCaps || !definite[r.fold(i-1)] || r.at[i-1] != 0 ||
			!(agencyHeads[f] || bodyAnaphors[f] || organisationHeads[f]) {
			continue
		}
		if r.bodyNameGoesOn(i + 1) {
			continue // "the Office of the Prosecutor", "l'Agence européenne", "le Bureau programme de l'ONUCT"
		}
		b := r.bodyWithWord(i, f)
		if b == nil {
			continue
		}
		a := &mention{first: i, last: i + 1, kind: b.kind, id: b.id, name: b.name, acronym: b.acronym, country: b.country, anaphor: true}
		named := b
		if b.ref != nil {
			b = b.ref
		}
		if b.id == "" {
			if forceHeads[f] || r.anotherBodyWithWord(named, f) {
				continue // not the only body with that head, or a force ("la Polizia"): which one is not said
			}
			a.ref = b // its id is given at resolution (resolveAgencies)
		}
		r.add(a)
	}
}

// bodyNameGoesOn reports whether a body's name goes on at token k after its head: a capital
// word, a mention or an of-word, right there or after up to two lower-case words.
func (r *run) bodyNameGoesOn(k int) bool {
	toks := r.d.Tokens
	for j := k; j < len(toks) && j < k+3 && toks[j].Sentence == toks[k-1].Sentence; j++ {
		if ofWords[r.fold(j)] || j == k && (toks[j].Upper || r.at[j] != 0) {
			return true
		}
		if toks[j].Kind != text.Word || toks[j].Upper || r.at[j] != 0 {
			return false
		}
	}
	return false
}

// bodyWithWord is the body named last before token i whose written or listed name holds
// the folded word w among its heads, or nil.
func (r *run) bodyWithWord(i int, w string) *mention {
	for b := i - 1; b >= 0; b-- {
		m := r.mentionAt(b)
		if m == nil || !m.isBody() {
			continue
		}
		if r.headedBy(m, w) {
			return m
		}
		b = m.first
	}
	return nil
}

// anotherBodyWithWord reports whether a body of another name than b, named before it,
// holds the folded word w among its heads too: "the Centre" is then neither.
func (r *run) anotherBodyWithWord(b *mention, w string) bool {
	for k := b.first - 1; k >= 0; k-- {
		m := r.mentionAt(k)
		if m == nil || !m.isBody() {
			continue
		}
		if r.headedBy(m, w) && m.name != b.name && (m.ref == nil || m.ref.name != b.name) {
			return true
		}
		k = m.first
	}
	return false
}

// headedBy reports whether the folded word w is among the heads of a body's name, as
// written or as listed.
func (r *run) headedBy(m *mention, w string) bool {
	written := make([]string, 0, m.last-m.first)
	for k := m.first; k < m.last; k++ {
		if r.d.Tokens[k].Kind == text.Word {
			written = append(written, r.fold(k))
		}
	}
	return nameHeads(written)[w] || nameHeads(text.FoldTokensWords(m.name))[w]
}

// namesProject reports whether the tokens [from, to) hold a project noun.
func (r *run) namesProject(from, to int) bool {
	return r.anyWordIn(from, to, projectHeads)
}

// nameHeads are the words of a folded name that may name its kind alone: the first word
// ("Office des Nations Unies", "Agenzia delle Dogane") and the last before its first
// preposition or locative ("United Nations Office on Drugs", "Counter-Terrorism Committee
// Executive Directorate", "OSCE Centre in Ashgabat").
func nameHeads(name []string) map[string]bool {
	heads := map[string]bool{}
	for _, f := range name {
		if articles[f] {
			continue
		}
		heads[f] = true
		break
	}
	last := ""
	for _, f := range name {
		if ofPrepositions[f] || purposePrepositions[f] || anyLocatives[f] || f == "on" || f == "against" || f == "contre" || f == "contro" {
			break
		}
		last = f
	}
	if last != "" {
		heads[last] = true
	}
	return heads
}

// titledStart extends a capitalised document name that ends at its head h to the
// capitalised words and the year written before it: "the 2024 Regional Roadmap", "the
// Partnership and Cooperation Agreement".
func (r *run) titledStart(h int) int {
	toks := r.d.Tokens
	first := h
	for first > 0 && toks[first-1].Sentence == toks[h].Sentence && h-first < 8 {
		k := first - 1
		f := r.fold(k)
		switch {
		case r.at[k] != 0:
			if m := r.mentionAt(k); m.kind == "place" && m.last == first && first == h {
				return m.first // "the Yaoundé Code of Conduct": the town names the document
			}
			return first
		case toks[k].Kind == text.Word && toks[k].Upper && !notPersonWords[f] && !titleWords[f] && !connectors[f]:
			first = k
		case conjunctions[f] && k > 0 && toks[k-1].Upper && r.at[k-1] == 0 && first < h:
			first = k - 1 // "Partnership and Cooperation Agreement"
		case toks[k].Kind == text.Number && toks[k].End-toks[k].Start == 4 && (first < h || toks[h].Upper):
			return k // "2024 Regional Roadmap", "the 2025 Work Plan"
		default:
			return first
		}
	}
	return first
}

// namedDocuments finds conventions, treaties, strategies, agreements and declarations
// with a name: "Convenzione di Merida", "il Trattato di estradizione in materia
// penale", "the Partnership and Cooperation Agreement", "Dichiarazione Comune", "la
// stratégie continentale de lutte contre la piraterie". A document noun in
// lower case counts only with its subject ("de lutte contre", "en matière de").
func (r *run) namedDocuments() {
	toks := r.d.Tokens
	for i := 0; i < len(toks); i++ {
		if r.yearPlan(i) {
			continue
		}
		subtype := documentHeads[r.fold(i)]
		if s := placeDocumentHeads[r.fold(i)]; s != "" && r.placeNamesDocument(i) {
			subtype = s // "l'accord de Schengen", "gli accordi di Tournai"
		}
		if subtype == "" || r.at[i] != 0 {
			continue
		}
		midSentence := i > 0 && toks[i-1].Sentence == toks[i].Sentence
		first, last := i, i+1
		switch {
		case i+2 < len(toks) && nameOf(r.fold(i+1)) && toks[i+2].Upper &&
			(r.at[i+2] == 0 && (toks[i].Upper || r.loneCapital(i+2)) || r.mentionAt(i+2) != nil && r.mentionAt(i+2).kind == "place"):
			// "Convenzione di Merida", "le traité de Blois"
			last = i + 3 // "Convenzione di Merida"
			if p := r.mentionAt(i - 1); p != nil && p.kind == "place" && p.last == i {
				first = p.first // "the Yaoundé Code of Conduct"
			}
			if p := r.mentionAt(i + 2); p != nil {
				p.kind = ""
				r.at[i+2] = 0
			}
		case toks[i].Upper && midSentence:
			first, last = r.titledStart(i), r.nameEnd(i+1)
		case !toks[i].Upper && midSentence:
			last = r.nameEnd(i + 1)
			switch {
			case foundingDocumentWords[r.fold(i-1)] && r.at[i-1] == 0:
				first, last = i-1, i+1 // "the founding treaty of X": X is named on its own
			case i+1 < len(toks) && foundingDocumentWords[r.fold(i+1)] && r.at[i+1] == 0 && toks[i+1].Sentence == toks[i].Sentence:
				last = i + 2 // "le traité constitutif de la X"
			case !r.hasDocumentTopic(i+1, last):
				continue
			}
		}
		if first == i && last == i+1 {
			continue // a bare noun: which document is unsure
		}
		if r.bodyHeadIn(i+1, last) {
			continue // "the Gulf Security Treaty Organization" is a body
		}
		if p := r.mentionAt(first); p != nil && p.kind == "place" {
			for k := p.first; k < p.last; k++ {
				r.at[k] = 0 // the town is part of the document's name
			}
			p.kind = ""
		}
		m := &mention{first: first, last: last, kind: fixtures.KindRoadmap, subtype: subtype, name: r.textOf(first, last)}
		m.id = "roadmap:" + documentKey(m.name) // named: its own id, not its parties'
		if r.add(m) != nil {
			i = last - 1
		}
	}
}

// placeNamesDocument reports whether the noun at i is followed by "de"/"di" and a town,
// or a lone capitalised word the glossary does not know: "accord de Tournai", not "accord
// de Coopération".
func (r *run) placeNamesDocument(i int) bool {
	toks := r.d.Tokens
	if i+2 >= len(toks) || !nameOf(r.fold(i+1)) || !toks[i+2].Upper || toks[i+2].Sentence != toks[i].Sentence {
		return false
	}
	if p := r.mentionAt(i + 2); p != nil {
		return p.kind == "place" && p.first == i+2
	}
	_, gl := r.x.gaz.Glossary[r.fold(i+2)]
	return !gl && r.loneCapital(i+2)
}

// hasDocumentTopic reports whether [first, last) says what a document is about: "de
// lutte contre la piraterie", "in materia penale", a region's adjective.
func (r *run) hasDocumentTopic(first, last int) bool {
	for k := first; k < last; k++ {
		if documentTopics[r.fold(k)] || regionWords[r.fold(k)] {
			return true
		}
	}
	return false
}

// documentKey is the id key of a named document: its words without stop words and
// without a year, so "the 2024 Regional Roadmap" and "the Regional Roadmap" are one
// document.
func documentKey(name string) string {
	var words []string
	for _, w := range text.FoldTokensWords(name) {
		if !stopWords[w] && !(len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == "") {
			words = append(words, w)
		}
	}
	return strings.Join(words, "-")
}

// adopters are the actors that adopted a document in a sentence whose adopting verb is
// at verb: those after "tra"/"between" following the verb, else those before the verb.
func (r *run) adopters(st *sentenceState, verb int) []*mention {
	for k, c := range st.cues {
		if c.kind == cueBetween && c.first > verb {
			from, to := st.segment(k)
			if a := r.actorsIn(from, to); len(a) >= 2 {
				return a[:2]
			}
		}
	}
	for k := verb + 1; k < st.last && k-verb <= 6 && !clauseBreak(r.fold(k)); k++ {
		if byWords[r.fold(k)] {
			if a, _ := r.listAfter(k+1, st.last); len(a) > 0 {
				return a // "the Code was adopted in January 2009 by A, B and C"
			}
		}
	}
	a := r.actorsIn(st.first, verb)
	if len(a) > 2 && r.bothParties(st) {
		return a[:2] // "Jordan and the EU held ... under the Agreement that the two sides concluded"
	}
	return a
}

// sharedName reports whether m is a gazetteer agency whose name several states use.
func (r *run) sharedName(m *mention) bool {
	for _, a := range r.x.agencies[m.slug] {
		if a.Shared && a.Country == m.country {
			return true
		}
	}
	return false
}

// namesState reports whether the document names a state (or one of its places).
func (r *run) namesState(code string) bool {
	if r.countries == nil {
		r.countries = map[string]bool{}
		for _, m := range r.ments {
			if m.kind == fixtures.KindState || m.kind == "place" {
				r.countries[m.country] = true
			}
		}
	}
	return r.countries[code]
}

// organsOfOthers drops a gazetteer organ named by a generic phrase ("General Assembly",
// "Assemblée générale") when the text says it belongs to another body: "l'Assemblée
// générale de l'Organisation des polices ..." is not the UN's.
func (r *run) organsOfOthers() {
	for _, m := range r.ments {
		if (m.kind != fixtures.KindUNBody && m.kind != fixtures.KindOrganization) || m.last-m.first > 2 {
			continue
		}
		b := r.x.gaz.Body(m.id)
		if b == nil || b.PartOf == "" {
			continue
		}
		j := m.last
		for j < len(r.d.Tokens) && ofConnectors[r.fold(j)] && j-m.last < 3 {
			j++
		}
		owner := r.mentionAt(m.first - 1) // "the INTERPOL General Assembly"
		if owner != nil && (owner.kind == fixtures.KindOrganization || owner.kind == fixtures.KindUNBody) && owner.last == m.first && !r.inChain(m.id, owner.id) &&
			statutoryHeads[r.fold(m.last-1)] {
			j = owner.first
		} else if j == m.last || j >= len(r.d.Tokens) || !r.d.Tokens[j].Upper || r.d.Tokens[j].Sentence != r.d.Tokens[m.first].Sentence {
			continue
		}
		if o := r.mentionAt(j); o != nil && r.inChain(m.id, o.id) {
			continue // "General Assembly of the United Nations"
		}
		m.kind = ""
		for i := m.first; i < m.last; i++ {
			r.at[i] = 0
		}
	}
}

// inChain reports whether id is a gazetteer body whose PART_OF chain reaches other.
func (r *run) inChain(id, other string) bool {
	for b := r.x.gaz.Body(id); b != nil && b.PartOf != ""; b = r.x.gaz.Body(b.PartOf) {
		if b.PartOf == other {
			return true
		}
	}
	return false
}

// insideSystemName reports whether a body's name [first, last) is part of the name of a
// system or network: "Southern African Drug Information System", "système
// d'information de la Police ...".
func (r *run) insideSystemName(first, last int) bool {
	toks := r.d.Tokens
	for k := first; k < last+2 && k < len(toks); k++ {
		if systemWords[r.fold(k)] && toks[k].Sentence == toks[first].Sentence {
			return true
		}
	}
	for k := first - 1; k >= 0 && first-k <= 5 && toks[k].Sentence == toks[first].Sentence; k-- {
		if systemWords[r.fold(k)] {
			return true
		}
		if toks[k].Upper || r.at[k] != 0 {
			return false
		}
	}
	return false
}

// projectNameInBrackets reads "(Southern African Drug Information System, SADIS)": the
// name written before a project's code name in brackets is a name of that project.
func (r *run) projectNameInBrackets() {
	toks := r.d.Tokens
	for i := 0; i+1 < len(toks); i++ {
		if r.fold(i) != "(" || !toks[i+1].Upper {
			continue
		}
		k := i + 1
		for k < len(toks) && k-i < 12 && r.fold(k) != "," && r.fold(k) != ")" && r.at[k] == 0 && toks[k].Kind == text.Word {
			k++
		}
		if k+2 >= len(toks) || r.fold(k) != "," || r.fold(k+2) != ")" || k-i < 3 {
			continue
		}
		p := r.mentionAt(k + 1)
		if p == nil || p.kind != fixtures.KindProject || p.first != k+1 {
			continue
		}
		r.add(&mention{first: i + 1, last: k, kind: p.kind, id: p.id, name: p.name, description: p.description, alias: true})
	}
}

// unitNameEnd extends the name of an organisation's unit past the organisation over
// the region it serves: "... de l'ONUDC pour l'Afrique de l'Est".
func (r *run) unitNameEnd(end int) int {
	toks := r.d.Tokens
	if end >= len(toks) || !servesWords[r.fold(end)] {
		return end
	}
	last := end
	for k := end + 1; k < len(toks) && k-end < 12 && toks[k].Sentence == toks[end].Sentence && toks[k].Kind == text.Word; k++ {
		f := r.fold(k)
		if connectors[f] {
			continue
		}
		if !toks[k].Upper && !regionWords[f] && !notPersonPlaces[f] {
			break
		}
		last = k + 1
	}
	if last == end {
		return end
	}
	return last
}

// bodyHeadIn reports whether a body's head noun stands in [first, last).
func (r *run) bodyHeadIn(first, last int) bool {
	for k := first; k < last; k++ {
		if f := r.fold(k); (agencyHeads[f] || bodyHeads[f]) && r.d.Tokens[k].Upper {
			return true
		}
	}
	return false
}

// recogniseWorkingGroups reads named working groups as organisations: "le Groupe de
// travail Afrique de l'Ouest", "il Gruppo di lavoro Balcani", "the Maritime Working Group".
func (r *run) recogniseWorkingGroups() {
	toks := r.d.Tokens
	for i := 0; i < len(toks); i++ {
		if r.at[i] != 0 || !toks[i].Upper {
			continue
		}
		for _, wg := range workingGroupsByFirst[r.fold(i)] {
			if !hasPrefixTokens(r.d, i, wg) {
				continue
			}
			first, last := i, i+len(wg)
			if wg[len(wg)-1] == "group" {
				first = r.capitalsBefore(i) // "the Maritime Working Group"
			} else {
				for last < len(toks) && toks[last].Upper && toks[last].Kind == text.Word && toks[last].Sentence == toks[i].Sentence && last-i < len(wg)+4 &&
					(r.at[last] == 0 || r.mentionAt(last).kind == "place") {
					last++ // "Groupe de travail Balkans"
				}
			}
			if first == i && last == i+len(wg) {
				last = r.groupTopicEnd(last) // "Groupe de travail pour l'Afrique de l'Ouest du Forum"
			}
			if first == i && last == i+len(wg) {
				break // "Groupe de travail" alone
			}
			m := &mention{first: first, last: last, kind: fixtures.KindOrganization, name: r.textOf(first, last), owner: r.ownerBefore(first)}
			if r.replace(m) != nil {
				i = last - 1
			}
			break
		}
	}
}

// namedGroupHeads are nouns of groups that a name in capitals or in quotes completes: "le
// groupe ABC", "il gruppo operativo «Skënderbeg»", "the ABC group".
var namedGroupHeads = words("named group heads")

// recogniseNamedGroups finds groups named by an acronym or a quoted name next to their
// noun, after it in French and Italian (with up to two adjectives between: "gruppo
// operativo trilaterale «Skënderbeg»"), before it in English ("the ABC group").
func (r *run) recogniseNamedGroups() {
	toks := r.d.Tokens
	for i := 0; i < len(toks); i++ {
		if r.at[i] != 0 || !namedGroupHeads[r.fold(i)] {
			continue
		}
		first, last := i, -1
		if r.d.Lang == "en" {
			if a := r.groupNameBefore(i); a >= 0 {
				first, last = a, i+1
			}
		} else {
			k := i + 1
			for k < len(toks) && k-i <= 2 && toks[k].Kind == text.Word && !toks[k].Upper && r.at[k] == 0 &&
				!ofWords[r.fold(k)] && !articles[r.fold(k)] && !conjunctions[r.fold(k)] {
				k++ // "operativo trilaterale"
			}
			last = r.groupNameAfter(k)
		}
		if last < 0 || !r.membersFollow(last) || r.anyWordIn(max(0, first-2), last, hostileWords) {
			continue // "il gruppo ISIS": a group of no members the text names is no body of cooperation
		}
		m := &mention{first: first, last: last, kind: fixtures.KindOrganization, name: r.textOf(first, last)}
		if r.replace(m) != nil {
			i = last - 1
		}
	}
}

// hostileWords say a group fights the states, not cooperates: "terrorist", "armé".
var hostileWords = words("hostile group words")

// membersFollow reports whether the states a group is made of follow its name at k: in
// brackets ("(Argentine, Brésil, Chili)") or after a grouping verb ("che unisce A, B e C",
// "which brings together").
func (r *run) membersFollow(k int) bool {
	toks := r.d.Tokens
	if k < len(toks) && r.fold(k) == "(" {
		states := 0
		for j := k + 1; j < len(toks) && r.fold(j) != ")" && j-k <= 20; j++ {
			if m := r.mentionAt(j); m != nil && m.first == j && m.kind == fixtures.KindState {
				states++
			}
		}
		return states >= 2
	}
	for j := k; j < len(toks) && j-k <= 2; j++ {
		if longestPrefix(r.d, j, len(toks), groupVerbs) > 0 {
			return true // ", che unisce", ", qui regroupe", ", which brings together"
		}
	}
	return false
}

// groupNameAfter returns the end of the acronym or quoted name of a group starting at k,
// or -1.
func (r *run) groupNameAfter(k int) int {
	toks := r.d.Tokens
	if k >= len(toks) {
		return -1
	}
	if r.groupAcronym(k) {
		return k + 1
	}
	if r.fold(k) != "\"" {
		return -1
	}
	for j := k + 1; j < len(toks) && j-k <= 6 && toks[j].Sentence == toks[k].Sentence; j++ {
		if r.fold(j) == "\"" {
			if j > k+1 && toks[k+1].Upper && r.freeForAlias(k+1, j) {
				return j + 1
			}
			return -1
		}
	}
	return -1
}

// groupNameBefore returns where the acronym or quoted name of a group written before its
// noun at h starts ("the ABC group"), or -1.
func (r *run) groupNameBefore(h int) int {
	if h >= 1 && r.groupAcronym(h-1) {
		return h - 1
	}
	if h < 2 || r.fold(h-1) != "\"" {
		return -1
	}
	for j := h - 2; j >= 0 && h-j <= 6; j-- {
		if r.fold(j) == "\"" {
			if j+1 < h-1 && r.d.Tokens[j+1].Upper && r.freeForAlias(j+1, h-1) {
				return j
			}
			return -1
		}
	}
	return -1
}

// groupAcronym reports whether token k is an acronym no body of the gazetteer and no
// project owns: "ABC" in "le groupe ABC".
func (r *run) groupAcronym(k int) bool {
	if !r.acronymToken(k) || !r.d.Tokens[k].AllCaps {
		return false
	}
	m := r.mentionAt(k)
	return m == nil || m.kind == "place"
}

// maxGroupTopicWords bounds what a working group's name says it is about.
const maxGroupTopicWords = 10

// groupTopicEnd returns the end of the topic after a working group's noun at k ("pour
// l'Afrique de l'Ouest", "sul contrasto al finanziamento dell'Isil"), up to the body it
// belongs to, a bracket or a comma; k when no topic follows.
func (r *run) groupTopicEnd(k int) int {
	toks := r.d.Tokens
	if k >= len(toks) || !topicPrepositions[r.fold(k)] {
		return k
	}
	end := k
	for j := k + 1; j < len(toks) && j-k <= maxGroupTopicWords && toks[j].Sentence == toks[k].Sentence; j++ {
		if m := r.mentionAt(j); m != nil && m.kind != "place" && m.kind != fixtures.KindState {
			break // the body it belongs to
		}
		if toks[j].Kind != text.Word {
			break
		}
		if !ofWords[r.fold(j)] && !articles[r.fold(j)] {
			end = j + 1
		}
	}
	if end == k {
		return k
	}
	r.forgetInside(k, end) // "pour l'Afrique de l'Ouest": the region is part of the name
	return end
}

// signingNounIn reports whether tokens [first, last) say a signature was put: "la
// signature de l'accord", "la sottoscrizione del Memorandum".
func (r *run) signingNounIn(first, last int) bool {
	for i := first; i < last; i++ {
		if r.is(i, classSigningNoun) {
			return true
		}
	}
	return false
}

// memorandumParties are the two bodies that signed the agreement whose head is at
// head: those after "tra"/"between" written with the agreement ("the working
// arrangement between Europol and Norway"), else, when the between-phrase only
// describes the agreement's subject ("una dichiarazione di intenti sulla formazione tra
// le loro scuole ..."), the subject of the signing verb.
func (r *run) memorandumParties(st *sentenceState, head int) []*mention {
	for _, c := range st.cues {
		if c.kind == cueBetween && c.first > head+4 {
			if subj := r.actorsIn(st.first, head); len(subj) >= 2 {
				return subj[:2]
			}
		}
	}
	return r.parties(st)
}

// rankPhrase reports whether the head at h is part of a military rank: a title word
// and a bare "di"/"de" before it ("Generale di Corpo d'Armata", "Général de Corps
// d'armée"), where a body would take an article ("Comandante del Corpo").
func (r *run) rankPhrase(h int) bool {
	return h >= 2 && seatPrepositions[r.fold(h-1)] && titleWords[r.fold(h-2)] && r.d.Tokens[h-2].Sentence == r.d.Tokens[h].Sentence
}

// agencyHome is the state of agencies that do not say whose they are. Italian is the
// language of one state only: an Italian text names the other states' bodies with
// their state ("la Polizia Federale messicana") and leaves Italy's unsaid ("il
// ministero dell'Interno"), even when its events happen abroad. Otherwise the state the
// document is about.
func (r *run) agencyHome() string {
	if r.d.Lang == "it" && r.namesState("IT") {
		return "IT"
	}
	return r.home
}

// adjectiveAfterCoordination finds the state adjective that ends a name going on after
// j with "e della ..."/"et de la ...": "ministero dell'Interno e della Sicurezza
// cileno".
func (r *run) adjectiveAfterCoordination(j int) *mention {
	toks := r.d.Tokens
	if j+1 >= len(toks) || !conjunctions[r.fold(j)] || !ofPrepositions[r.fold(j+1)] {
		return nil
	}
	for k := j + 2; k < len(toks) && k-j < 8 && toks[k].Sentence == toks[j].Sentence; k++ {
		if m := r.mentionAt(k); m != nil {
			if m.kind == fixtures.KindState && m.adjective && m.first == k {
				return m
			}
			return nil
		}
		if toks[k].Kind != text.Word {
			return nil
		}
	}
	return nil
}

// researchBody reports whether a name is that of a research institute or think tank,
// an organisation rather than a state's agency: "Institut d'études stratégiques",
// "Institute for Security Studies".
func (r *run) researchBody(first, last int) bool {
	if !researchHeads[r.fold(first)] && (last-first < 2 || !researchHeads[r.fold(last-1)]) {
		return false
	}
	if first+1 < last && nationalMeetingWords[r.fold(first+1)] {
		return false // "Institut national des hautes études de la sécurité": a state's institute
	}
	for i := first; i < last; i++ {
		if researchWords[r.fold(i)] {
			return true
		}
	}
	return false
}

// describedProject reads a capitalised project noun inside a sentence followed by what
// the project is about, after up to two adjectives: "ha firmato un Progetto di formazione
// per la sicurezza delle frontiere", "il Programma globale contro il traffico di
// migranti". The name runs to punctuation, a known name or a verb.
func (r *run) describedProject(h int) *mention {
	toks := r.d.Tokens
	if h == 0 || toks[h-1].Sentence != toks[h].Sentence || h+2 >= len(toks) {
		return nil
	}
	k := h + 1
	for k < h+3 && k+1 < len(toks) && r.lowerWordAt(k) && !ofPrepositions[r.fold(k)] && !projectComplements[r.fold(k)] &&
		!stopWords[r.fold(k)] && !verbWords[r.fold(k)] && !articles[r.fold(k)] {
		k++ // "Programma globale contro il traffico di migranti": its adjectives
	}
	if !ofPrepositions[r.fold(k)] && !projectComplements[r.fold(k)] || k+1 >= len(toks) || toks[k+1].Upper || toks[k+1].Kind != text.Word {
		return nil
	}
	if k == h+1 && !ofPrepositions[r.fold(k)] && r.d.Lang != "en" {
		return nil // "del Programma per le istituzioni italiane": the programme named before, and whom it serves
	}
	last := r.nameEnd(k)
	if last-h < 4 {
		return nil
	}
	return &mention{first: h, last: last, name: r.textOf(h, last)}
}

// lowerWordAt reports whether token k is a word in lower case that no mention holds.
func (r *run) lowerWordAt(k int) bool {
	t := r.d.Tokens[k]
	return t.Kind == text.Word && !t.Upper && r.at[k] == 0
}

// abbreviationStop reports whether token j is the full stop of an abbreviation inside
// a name: written against an abbreviated head or a capital initial ("Dip. P.S."), and
// followed by a capitalised word.
func (r *run) abbreviationStop(j int) bool {
	toks := r.d.Tokens
	if j == 0 || j+1 >= len(toks) || r.fold(j) != "." || toks[j].Start != toks[j-1].End || !toks[j+1].Upper {
		return false
	}
	prev := toks[j-1]
	return abbreviatedHeads[r.fold(j-1)] || prev.Kind == text.Word && prev.Upper && prev.End-prev.Start == 1
}

// nameAfterConjunction reports whether the capitalised word at k, after "e"/"et",
// starts something else than the rest of a body's name: a word no glossary knows, as a
// person's given name ("il Ministero dell'Interno e Marco Rossi").
func (r *run) nameAfterConjunction(k int) bool {
	f, ok := r.unclaimedCapital(k)
	if !ok {
		return false
	}
	_, gl := r.x.gaz.Glossary[f]
	return !gl && !agencyHeads[f] && !bodyHeads[f] && !regionWords[f]
}

// loneCapital reports whether the capitalised word at k stands alone, no capital after it:
// "le traité de Blois", the name of a town the gazetteer need not list.
func (r *run) loneCapital(k int) bool {
	toks := r.d.Tokens
	return toks[k].Kind == text.Word && !toks[k].AllCaps && (k+1 >= len(toks) || !toks[k+1].Upper || toks[k+1].Sentence != toks[k].Sentence)
}

// yearPlan reads a plan named by a capitalised noun and its horizon year: "Vision 2040",
// "Agenda 2063". It reports whether one was added at i.
func (r *run) yearPlan(i int) bool {
	toks := r.d.Tokens
	if !r.is(i, classYearPlanHead) || !toks[i].Upper || r.at[i] != 0 || i+1 >= len(toks) {
		return false
	}
	y := toks[i+1]
	if y.Kind != text.Number || y.End-y.Start != 4 || y.Sentence != toks[i].Sentence || r.at[i+1] != 0 {
		return false
	}
	name := r.textOf(i, i+2)
	return r.add(&mention{first: i, last: i + 2, kind: fixtures.KindRoadmap, subtype: "plan", id: "roadmap:" + slug(name), name: name}) != nil
}

// hyphenCompound returns the length of a hyphenated compound that starts at j and ends
// in a word names are made of ("sud-africaine", "anti-drogue"), or 0.
func (r *run) hyphenCompound(j int) int {
	toks := r.d.Tokens
	k := j + 1
	for k < len(toks) && k-j < 4 && toks[k].Kind == text.Word && r.d.Joined(k) && r.at[k] == 0 {
		k++
	}
	if k == j+1 {
		return 0
	}
	f := r.fold(k - 1)
	if _, gl := r.x.gaz.Glossary[f]; gl || regionWords[f] {
		return k - j
	}
	return 0
}

// nameOfBody reports whether token i is a word of a body's name: a head noun, a glossary
// word or part of a recognised name.
func (r *run) nameOfBody(i int) bool {
	f := r.fold(i)
	_, gl := r.x.gaz.Glossary[f]
	m := r.mentionAt(i)
	return agencyHeads[f] || bodyHeads[f] || gl || m != nil && m.kind != fixtures.KindState && m.kind != "place"
}
