package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// recognisePersons finds names of one to four capitalised words that a title announces
// ("le préfet Stefano GAMBACURTA", "Secretary General Jürgen Stock", "..., Carlo Lo
// Cascio", "Sottosegretario Voronkov") or follows ("Jalel Chelba, Executive Director of
// AFRIPOL", "DSP Suresh Subramaniam (Plans Officer)"), that an honorific or a rank opens
// ("Ms. Natalie Pauwels", "Gen. B. Vito Giordano"), that is coordinated with a person
// ("Luis Rodriguez and Jennifer Chemel"), or whose family name is in capitals. The title
// is kept, and the actor it names is the affiliation.
func (r *run) recognisePersons() {
	toks := r.d.Tokens
	var last *mention
	coordAt := -1 // where a name coordinated with the last person may start
	listAt := -1  // where the next name of a list "A, title, B, title" starts
	lastAfter := false
	r.people.apposed = -1
	headline := r.headlines()
	for i := 0; i < len(toks); i++ {
		if headline[toks[i].Sentence] {
			continue // "Secretary General Welcomes New Members": every word is capitalised
		}
		first, j, words := r.nameExtent(i)
		if words == 0 {
			continue
		}
		if words > 4 && !r.appositiveName(first, j) {
			// "Under-Secretary-General for Peace Operations Jean-Pierre Lacroix": the body's
			// words run into the name; the name is the last words.
			first, words = r.lastWords(first, j, 3)
			if words > 4 || i > 0 && !r.hasTitleWordBefore(first) {
				i = j - 1
				continue
			}
		}
		k := r.prefixStart(first)
		prefixed := k < first
		before, after := r.titleBefore(k), r.titleAfter(j)
		if before != nil && before[1] == k && !r.adjacentTitle(before[2], k) {
			before = nil // "Co-ordinator of Activities to Address Transnational Threats"
		}
		capsSurname := words > 1 && toks[j-1].AllCaps && !toks[first].AllCaps
		coordinated := coordAt >= 0 && (k == coordAt || i == coordAt) && words > 1 && last != nil
		listed := listAt >= 0 && (k == listAt || i == listAt) && words > 1 && last != nil
		header := r.listHeader(k)
		switch {
		case words == 1:
			// A family name alone needs its title right before it, and is not inside a
			// title: "Vice Primo Ministro".
			if toks[first].AllCaps || !(prefixed || k > 0 && titleWords[r.fold(k-1)] && before != nil && before[1] == k) ||
				j < len(toks) && titleWords[r.fold(j)] {
				i = j - 1
				continue
			}
		case before == nil && after == nil && !capsSurname && !prefixed && !coordinated && !listed && header == nil &&
			!(words <= 3 && r.announcedPerson(k)) && !(words >= 2 && words <= 3 && r.titledPersonNext(j)) && !(words >= 2 && words <= 3 && r.bodyInApposition(j) && !(k > 0 && (ofWords[r.fold(k-1)] || articles[r.fold(k-1)]))) &&
			!(words >= 2 && words <= 3 && r.labelledName(k, j)):
			i = j - 1
			continue
		}
		if r.capitalsOnly(first, j) && !prefixed && (before == nil || before[1] != k) {
			i = j - 1
			continue // "came from UNODC, EUNAVFOR-MED, UNHCR": an acronym, not a name, unless a title is right before it
		}
		r.freeNameTokens(first, j)
		m := r.add(&mention{first: first, last: j, kind: fixtures.KindPerson, name: r.personName(first, j)})
		if m == nil {
			continue
		}
		m.id = "person:" + slug(m.name)
		if before != nil && honorifics[r.fold(before[2])] && after != nil {
			before = nil // "M. Ousmane Diagne, directeur de la CENTIF"
		}
		// The nearest title and the one before it ("la directrice du service ..., cadre
		// supérieur de la police d'État, Eufemia ESPOSITO") both say where the person works.
		for _, t := range [][]int{before, r.previousTitle(before)} {
			if t != nil {
				r.affiliate(m, t[0], t[1], t[2])
			}
		}
		if header != nil && before == nil && len(m.affiliation) == 0 {
			r.affiliate(m, header[0], header[1], header[2]) // "deux ministres togolais : A, ..."
		}
		if after != nil && (len(m.affiliation) == 0 || r.relativeTitle(j) || before != nil && serviceRanks[r.fold(before[2])] || r.narrowsAffiliation(m, after)) {
			// "il Generale di Brigata dell'Arma dei Carabinieri Fabio Cairo, direttore del
			// Servizio ...": the rank before the name and the office after it both say where
			r.affiliate(m, after[0], after[1], after[2])
			r.people.apposed = after[2]
			if more := r.titleAfter(after[1]); more != nil && (r.relativeTitle(after[1]) || r.secondApposition(after, more)) {
				// "X, Director of A, who is also Chairman of B"; "X, directeur général de la
				// police nationale, président sortant du CCPAO": a second title, a second body
				r.affiliate(m, more[0], more[1], more[2])
			}
		}
		if a := r.bodyAfterName(j); a != nil && len(m.affiliation) == 0 {
			m.affiliation = append(m.affiliation, r.indexOf(a)) // "Colonel Marco Rinaldi of the Italian Carabinieri"
			a.inTitle = true
			if coordinated && len(last.affiliation) == 0 && last.title == "" {
				last.affiliation = append(last.affiliation, a.idx) // "M. A et M. B, de l'ONUDC": both
			}
		}
		for _, at := range []int{j, r.titleEnd(after)} {
			if b := r.headedBody(at); b != nil {
				m.affiliation = append(m.affiliation, b.idx) // "X, qui préside actuellement Ameripol"
				b.inTitle = true
			}
		}
		if kept := r.withoutBareForces(m); len(m.affiliation) == 0 || len(kept) < len(m.affiliation) {
			if b := r.ledBy(k, before); b != nil {
				// "una delegazione della X guidata dal Direttore Y"; "The Sierra Leone delegation
				// was headed by the Inspector General of Police, Y": whose police it is
				for _, a := range m.affiliation {
					if !slices.Contains(kept, a) && !r.affiliatesOthers(a, m) {
						r.forget(r.ments[a]) // read from the title alone, a force of no state
					}
				}
				m.affiliation = append(kept, b.idx)
			}
		}
		ownTitle := before != nil || after != nil
		switch {
		case len(m.affiliation) > 0 || last == nil || toks[last.first].Sentence != toks[first].Sentence:
		case coordinated && !ownTitle && !lastAfter:
			// "Two trainers of X, Luis Rodriguez and Jennifer Chemel": the list shares its title
			// (not "A, Director of X, and B": A's own).
			m.affiliation = append(m.affiliation, last.affiliation...)
		case before != nil && first-last.last < 12 && !r.counterpart(before) && !r.capitalisedTitle(before) && !r.ownOffice(before[2]):
			// "dal vice segretario generale del MAECI, Carlo Lo Cascio, dal direttore centrale
			// sicurezza, Alessandro Azzoni": a title without a body continues the list's.
			m.affiliation = append(m.affiliation, last.affiliation...)
		}
		last, lastAfter = m, after != nil
		coordAt = r.coordinationPoint(j, after)
		listAt = -1
		if after != nil && after[1] < len(toks) && r.fold(after[1]) == "," {
			listAt = after[1] + 1
		}
		i = j - 1
	}
	r.dropNumberedNames()
	r.personCoreference()
}

// labelledName reports whether the name [k, j) is listed on a line a body labels before
// its colon, its title in brackets or nothing after it: "Europol: Anna Berg (Liaison
// Officer), Piet Janssen (Analyst)".
func (r *run) labelledName(k, j int) bool {
	toks := r.d.Tokens
	if j < len(toks) && toks[j].Sentence == toks[k].Sentence && !listBreaks[r.fold(j)] {
		return false
	}
	body := r.labelOfLine(toks[k].Sentence)
	return body != nil && body.last <= k
}

// listBreaks end a name in a list of persons: "(", ",", ";".
var listBreaks = map[string]bool{"(": true, ",": true, ";": true}

// dropNumberedNames forgets the persons named by one word and a roman numeral that end the
// name of a project the text names: "Lionfish III" after "Operation Lionfish III" is no
// person (it is left unlinked); "Mohammed VI" stays a king.
func (r *run) dropNumberedNames() {
	for _, m := range r.ments {
		if m.kind != fixtures.KindPerson || m.last-m.first != 2 || !romanNumerals[r.fold(m.last-1)] {
			continue
		}
		for _, p := range r.ments {
			if p.kind == fixtures.KindProject && strings.HasSuffix(p.name, " "+m.name) {
				r.forget(m)
				break
			}
		}
	}
}

// personAnnouncers are the words after which a capitalised name is a person's even
// without a title: "chaired by", "in the presence of", "alla presenza di".
var personAnnouncers = phrases("person announcers")

// announcedPerson reports whether a person announcer ends right before token k.
func (r *run) announcedPerson(k int) bool {
	return phraseBefore(r.d, k, personAnnouncers, func(i int) bool { return r.at[i] == 0 })
}

// headlines marks the sentences written in title case on a line of their own ("UN
// Secretary-General Visits Nairobi Police Headquarters"): their capitals say nothing
// of names.
func (r *run) headlines() map[int]bool {
	out := map[int]bool{}
	for s, sp := range r.d.Sentences {
		first, last := r.sentenceTokens(s)
		if last-first < 4 || last-first > 20 || r.fold(last-1) == "." {
			continue
		}
		if sp.End < len(r.d.Fold) && r.d.Fold[sp.End] != '\n' && strings.TrimSpace(r.d.Fold[sp.End:min(len(r.d.Fold), sp.End+2)]) != "" {
			continue
		}
		if r.listItem(s, first) {
			continue // "- Mereoni Vakaloloma, Detective Inspector, Fiji Police Force": a list of people
		}
		if r.labelOfLine(s) != nil {
			continue // "Europol: Anna Berg (Liaison Officer)": the people a body sends
		}
		words, upper, caps := 0, 0, 0
		for k := first; k < last; k++ {
			if t := r.d.Tokens[k]; t.Kind == text.Word && !connectors[r.fold(k)] {
				words++
				if t.Upper {
					upper++
				}
				if t.AllCaps {
					caps++
				}
			}
		}
		if r.d.Lang != "en" {
			upper = caps // French and Italian write headlines in sentence case: "Conferite dal Presidente della Repubblica Sergio Mattarella" names him
		}
		if words >= 4 && upper*5 >= words*4 {
			out[s] = true
		}
	}
	return out
}

// listItem reports whether sentence s, starting at token first, is an item of a list: a
// line opened by a bullet ("-", "•", "*"), or one of the lines after a line that ends
// with a colon ("Participants:").
func (r *run) listItem(s, first int) bool {
	if f := r.fold(first); f == "-" || f == "*" || r.d.Runes[r.d.Tokens[first].Start] == '•' {
		return true
	}
	for p := s - 1; p >= 0 && s-p <= 30; p-- {
		pf, pl := r.sentenceTokens(p)
		if pl == pf {
			continue
		}
		if r.fold(pl-1) == ":" || r.attendanceHeading(&sentenceState{first: pf, last: pl}) {
			return true // "Sono presenti:", "ATTENDANCE" over the list
		}
		if r.fold(pl-1) == "." || pl-pf > 20 {
			return false // a paragraph of prose comes between
		}
	}
	return false
}

// lastWords moves the start of the name [first, last) to its last n words, keeping a
// hyphenated first name whole ("Jean-Pierre"); it returns the new start and word count.
func (r *run) lastWords(first, last, n int) (int, int) {
	words := 0
	k := last
	for k > first && words < n {
		k--
		if r.nameToken(k) || r.elided(k) > 0 {
			words++
		}
	}
	for k > first && r.d.Joined(k) {
		k--
		words++
	}
	return k, words
}

// appositiveName reports whether a long name [first, last) stands alone between commas
// right after a title: "la ministra della Giustizia, Halima Ibrahim Abdel Rahman X,"
// (names of five or six words are common in Arabic and Spanish).
func (r *run) appositiveName(first, last int) bool {
	if first == 0 || r.fold(first-1) != "," || last < len(r.d.Tokens) && !strings.Contains(",;.", r.fold(last)) {
		return false
	}
	t := r.titleBefore(first)
	return t != nil && t[1] >= first-1
}

// hasTitleWordBefore reports whether a title word stands within the few tokens before a
// name at first.
func (r *run) hasTitleWordBefore(first int) bool {
	for k := first - 1; k >= 0 && first-k <= 4; k-- {
		if titleWords[r.fold(k)] {
			return true
		}
	}
	return false
}

// freeNameTokens releases the tokens of states and places read inside a name: they were
// a first or a family name ("Salvador Pinto da França", "Florence Iheme").
func (r *run) freeNameTokens(first, last int) {
	for k := first; k < last; k++ {
		if s := r.mentionAt(k); s != nil && (s.kind == fixtures.KindState || s.kind == "place") {
			s.kind = ""
			r.at[k] = 0
		}
	}
}

// capitalisedTitle reports whether a title is written with capitals from its title word
// on ("Home Secretary"): an office of its own, where a title in lower case ("direttore
// centrale sicurezza") describes a member of the list it stands in.
func (r *run) capitalisedTitle(t []int) bool {
	for k := t[2]; k < t[1]; k++ {
		if r.d.Tokens[k].Kind == text.Word && r.d.Tokens[k].Upper {
			return true
		}
	}
	return false
}

// counterpart reports whether a title says the person is on the other side ("his
// counterpart Phil Douglas").
func (r *run) counterpart(t []int) bool {
	return t != nil && counterpartWords[r.fold(t[2])]
}

// nameExtent reads the name that may start at token i: capitalised words, with particles
// ("Amado Philip de Andrés", "President von der Leyen"), initials ("Ronald K. Noble") and
// elided prefixes ("O'Neill") inside. It returns the name's tokens [first, last) and its
// number of words, 0 when no name starts at i. An acronym glued before the name ("EPPO
// Laura Kövesi") is left out, and capitalised words followed by the word of a body
// ("Caribbean Basin Security Initiative") are no name.
func (r *run) nameExtent(i int) (int, int, int) {
	toks := r.d.Tokens
	if i >= len(toks) {
		return i, i, 0
	}
	first, j, words := i, i, 0
	townFirst := i > 0 && (titleWords[r.fold(i-1)] || r.fold(i-1) == "," && r.townsOpenName(i)) && r.townInName(i)
	if !r.nameToken(i) && r.elided(i) < 0 && !townFirst {
		// "President von der Leyen": particles open a family name right after a title.
		if toks[i].Upper || !leadingParticles[r.fold(i)] || i == 0 || !titleWords[r.fold(i-1)] {
			return i, i, 0
		}
		k := i
		for k < len(toks) && k-i < 3 && nameParticles[r.fold(k)] && !toks[k].Upper && r.at[k] == 0 {
			k++
		}
		if k >= len(toks) || !r.nameToken(k) {
			return i, i, 0
		}
		j = k
	}
	sent := toks[i].Sentence
	for j < len(toks) && toks[j].Sentence == sent && words < 6 {
		if r.nameToken(j) {
			j++
			words++
			continue
		}
		if e := r.elided(j); e > 0 {
			j = e
			words++
			continue
		}
		if words > 0 && r.adjectiveSurname(j) {
			j++ // "Francesco Greco", "Nicola Russo": a nationality adjective as family name
			words++
			continue
		}
		if (words > 0 || townFirst) && r.townInName(j) {
			j++ // "colonnello Hassan Aden Zakaria": towns' names before a name are names
			words++
			continue
		}
		if words > 0 && r.initial(j) && j+2 < len(toks) && (r.nameToken(j+2) || r.elided(j+2) > 0) {
			j += 2 // "K." inside "Ronald K. Noble"
			continue
		}
		if words > 0 && nameParticles[r.fold(j)] && r.at[j] == 0 {
			k := j
			for k < len(toks) && k-j < 2 && nameParticles[r.fold(k)] && r.at[k] == 0 {
				k++
			}
			if k < len(toks) && r.placeAfterPatronymic(j, k) {
				j, words = k+1, words+1 // "Fahd ben Salem"
				continue
			}
			if k < len(toks) && (r.nameToken(k) || r.adjectiveSurname(k)) {
				j = k // "de la Cruz", "Lo Cascio", "La Russa"
				continue
			}
		}
		break
	}
	if words == 0 {
		return i, i, 0
	}
	if words >= 2 && toks[first].AllCaps && !toks[j-1].AllCaps {
		first++ // "EPPO Laura Kövesi", "OUSD Personnel"
		words--
	}
	if words >= 3 && first > 0 && (r.bodyWordBefore(first) || r.titleComplementAt(first)) {
		first++ // "Director of Criminal Investigations George Kinoti", "Sindaco di Milano Beppe Sala"
		words--
	}
	if j < len(toks) && toks[j].Kind == text.Word && toks[j].Upper && r.bodyWord(j) {
		return i, j, 0 // "the Collectivey Treaty Organization", "Caribbean Basin Security Initiative"
	}
	return first, j, words
}

// adjectiveSurname reports whether token k, read as a nationality adjective, is rather
// a family name: capitalised after a first name in Italian or French, where adjectives
// are written in lower case.
func (r *run) adjectiveSurname(k int) bool {
	m := r.mentionAt(k)
	t := r.d.Tokens[k]
	if m == nil || m.kind != fixtures.KindState || !m.adjective || m.first != k || m.last != k+1 || !t.Upper || t.AllCaps || r.d.Lang == "en" {
		return false
	}
	return k+1 >= len(r.d.Tokens) || !r.d.Tokens[k+1].Upper || r.d.Tokens[k+1].Kind != text.Word
}

// townInName reports whether the one-word town at k stands before a name's word, so that
// it is a name too: "Hassan" and "Aden" in "Hassan Aden Zakaria".
func (r *run) townInName(k int) bool {
	toks := r.d.Tokens
	m := r.mentionAt(k)
	if m == nil || m.kind != "place" || m.first != k || m.last != k+1 || !toks[k].Upper || toks[k].AllCaps || k+1 >= len(toks) || toks[k+1].Sentence != toks[k].Sentence {
		return false
	}
	return r.nameToken(k+1) || r.townInName(k+1)
}

// townsOpenName reports whether the one-word towns from k on are followed by a name's
// word that is no town, with two words or more before it: "Hassan Aden Zakaria" after a
// comma, not "Rome, Milan".
func (r *run) townsOpenName(k int) bool {
	n := 0
	for ; r.townInName(k); k++ {
		n++
	}
	return n >= 2 || n == 1 && k+1 < len(r.d.Tokens) && r.nameToken(k) && r.nameToken(k+1)
}

// placeAfterPatronymic reports whether the one-word town at k follows a particle of
// filiation at j ("ben Salem", "van Delft"): a family name, not a place; after "di" or
// "de" it stays a place ("Mario Rossi di Milano").
func (r *run) placeAfterPatronymic(j, k int) bool {
	m := r.mentionAt(k)
	return patronymicParticles[r.fold(j)] && m != nil && m.kind == "place" && m.first == k && m.last == k+1 && r.d.Tokens[k].Upper
}

// nameAfterHead reports whether a person's name of two or three words starts at token j,
// right after a body's capitalised word: "Crime Office Yuriy Fedotov" is a body and a name.
func (r *run) nameAfterHead(j int) bool {
	toks := r.d.Tokens
	if j == 0 || !toks[j-1].Upper || connectors[r.fold(j-1)] || r.bodyWord(j) {
		return false
	}
	if int(toks[j].End) < len(r.d.Fold) && r.d.Fold[toks[j].End] == '\'' {
		return false // "Scuola Superiore Sant'Anna": no given name ends in an apostrophe
	}
	k := j
	for k < len(toks) && k-j < 3 && r.nameToken(k) && !r.bodyWord(k) {
		k++
	}
	return k-j >= 2 && (k >= len(toks) || !toks[k].Upper || toks[k].Kind != text.Word)
}

// pluralOfHead reports whether f is the English plural of an agency's head: "agencies",
// "departments", "services".
func pluralOfHead(f string) bool {
	if stem, ok := strings.CutSuffix(f, "ies"); ok && agencyHeads[stem+"y"] {
		return true
	}
	stem, ok := strings.CutSuffix(f, "s")
	return ok && len(stem) > 3 && agencyHeads[stem]
}

// surnameElsewhere reports whether the capitalised word at j ends a full name written
// elsewhere in the document, after a given name ("Alessandro Pansa"), and is not followed
// by another capital here: a headline's "il capo della Polizia Pansa" names the person.
func (r *run) surnameElsewhere(j int) bool {
	toks := r.d.Tokens
	if j+1 < len(toks) && toks[j+1].Upper && toks[j+1].Kind == text.Word || r.bodyWord(j) {
		return false
	}
	f := r.fold(j)
	for k := 1; k < len(toks); k++ {
		g := r.fold(k - 1)
		if k != j && r.fold(k) == f && toks[k].Upper && r.nameToken(k-1) && !r.bodyWord(k-1) && r.at[k-1] == 0 &&
			!titleWords[g] && !honorifics[g] && !agencyHeads[g] && !organisationHeads[g] && !eponymousHeads[g] {
			return true
		}
	}
	return false
}

// bodyWordBefore reports whether the word before a name at first is a capitalised
// word of a body's name (not a title, an honorific or a body already read): the name's
// first word then ends the body's name rather than starting the person's.
func (r *run) bodyWordBefore(first int) bool {
	t := r.d.Tokens[first-1]
	f := r.fold(first - 1)
	return t.Kind == text.Word && t.Upper && !t.AllCaps && r.at[first-1] == 0 && t.Sentence == r.d.Tokens[first].Sentence &&
		!titleWords[f] && !honorifics[f] && !titleAbbrevs[f] && !notPersonWords[f] && !r.nameToken(first-1)
}

// titleComplementAt reports whether the word at first completes a title written right
// before it ("Sindaco di Milano", "Minister of Poland") rather than starting a name.
func (r *run) titleComplementAt(first int) bool {
	k := first
	for k > 0 && first-k < 3 && ofConnectors[r.fold(k-1)] {
		k--
	}
	return k < first && k > 0 && titleWords[r.fold(k-1)]
}

// bodyWord reports whether token k is a word of a body's, project's or meeting's name.
func (r *run) bodyWord(k int) bool {
	f := r.fold(k)
	_, gl := r.x.gaz.Glossary[f]
	_, meeting := meetingHeads[f]
	return gl || agencyHeads[f] || bodyHeads[f] || projectHeads[f] || meeting || r.x.english[f]
}

// initial reports whether token k is a capital letter followed by a full stop ("K.").
func (r *run) initial(k int) bool {
	toks := r.d.Tokens
	t := toks[k]
	return t.Kind == text.Word && t.Upper && t.End-t.Start == 1 && k+1 < len(toks) &&
		r.fold(k+1) == "." && toks[k+1].Start == t.End
}

// elided returns the end of a name word written with an elided prefix ("O'Neill",
// "D'Amato"), or -1.
func (r *run) elided(k int) int {
	toks := r.d.Tokens
	t := toks[k]
	if t.Kind != text.Word || !t.Upper || k+1 >= len(toks) || r.at[k] != 0 ||
		r.d.Fold[t.End] != '\'' || toks[k+1].Start != t.End+1 {
		return -1
	}
	if t.End-t.Start != 1 {
		// "Carlo Dall'Oppio", "Marco Dell'Utri": an elided preposition after a given name
		// opens the family name.
		if !elidedWords[r.fold(k)] || k == 0 || !r.nameToken(k-1) || !r.nameToken(k+1) {
			return -1
		}
		return k + 2
	}
	next := toks[k+1]
	lower := k > 0 && r.nameToken(k-1) && next.Kind == text.Word && !next.Upper && next.End-next.Start >= 2 && r.at[k+1] == 0 &&
		!r.x.notName[r.fold(k+1)] && !r.x.english[r.fold(k+1)]
	if !r.nameToken(k+1) && !lower { // "Bredou M'bia": the family name goes on in lower case
		return -1
	}
	return k + 2
}

// prefixStart returns where the honorifics and abbreviated titles or ranks written right
// before a name at i begin ("Ms.", "Dr.", "S.E.", "Gen. C.A.", "dottor", a rank such as
// "Generale di Brigata"): i when there are none.
func (r *run) prefixStart(i int) int {
	toks := r.d.Tokens
	k := i
	for k > 0 && toks[k-1].Sentence == toks[i].Sentence {
		f := r.fold(k - 1)
		if m := r.mentionAt(k - 1); m != nil {
			if m.subtype == rankSubtype {
				k = m.first
				continue
			}
			if r.nationalityNoun(m) {
				m.inTitle = true // "la Française Sophie Hatt": the nationality announces her; France acts not
				k = m.first - 1
				continue
			}
			break
		}
		if honorifics[f] && (toks[k-1].Upper || len(f) > 2) {
			k-- // "Ms Michèle Coninsx", "dottor Andrei ..."
			continue
		}
		if f == "." && k >= 2 && toks[k-2].Kind == text.Word && toks[k-2].End == toks[k-1].Start {
			w := r.fold(k - 2)
			// "Col.", "S.E.", "C.A.", and in lower case "gen.", "dott."
			if toks[k-2].Upper && (titleAbbrevs[w] || honorifics[w] || toks[k-2].End-toks[k-2].Start == 1) ||
				!toks[k-2].Upper && len(w) > 2 && (titleAbbrevs[w] || honorifics[w]) {
				k -= 2
				continue
			}
		}
		break
	}
	return k
}

// nationalityNoun reports whether a state's adjective is written as a noun of
// nationality after an article, with a capital as French writes it: "la Française",
// "le Sénégalais".
func (r *run) nationalityNoun(m *mention) bool {
	return r.d.Lang == "fr" && m.kind == fixtures.KindState && m.adjective && m.last-m.first == 1 && m.first > 0 &&
		r.d.Tokens[m.first].Upper && !r.d.Tokens[m.first].AllCaps && articles[r.fold(m.first-1)] && r.at[m.first-1] == 0
}

// coordinationPoint is the token where a name joined to the person ending at j would
// start: after "and"/"e"/"et", right after the name or after its title and a comma.
func (r *run) coordinationPoint(j int, after []int) int {
	k := j
	if after != nil {
		k = after[1]
		if k < len(r.d.Tokens) && (r.fold(k) == "," || r.fold(k) == ")") {
			k++
		}
	}
	if k+1 < len(r.d.Tokens) && r.fold(k) == "," && conjunctions[r.fold(k+1)] {
		k++ // "Ms. Eva Novak, and Tom Weber"
	}
	if k+1 < len(r.d.Tokens) && conjunctions[r.fold(k)] {
		return r.prefixAfter(k + 1)
	}
	return -1
}

// prefixAfter skips "by", "da", "par" and honorifics after a conjunction: the name's
// prefix start as prefixStart would find it.
func (r *run) prefixAfter(k int) int {
	if k < len(r.d.Tokens) && listBreak[r.fold(k)] && !conjunctions[r.fold(k)] {
		k++
	}
	if k+1 < len(r.d.Tokens) && ofPrepositions[r.fold(k)] && r.d.Tokens[k+1].Upper {
		k++ // "en présence du général A et de José Manuel Holgado"
	}
	return k
}

// listHeader returns the title that heads a list of persons introduced by a colon or
// "namely" before the name at k ("due Consiglieri del Ministro degli Affari Esteri: per
// gli affari economici, Marco Rago, ..."), or nil.
func (r *run) listHeader(k int) []int {
	toks := r.d.Tokens
	for b := k - 1; b >= 0 && k-b < 80 && toks[b].Sentence == toks[k].Sentence; b-- {
		f := r.fold(b)
		if f == ";" {
			return nil
		}
		if !listIntroducers[f] {
			continue
		}
		end := b
		if end > 0 && r.fold(end-1) == "," {
			end-- // "delegates of the ASEANAPOL Secretariat (AS), namely"
		}
		start := end
		for start > 0 && toks[start-1].Sentence == toks[k].Sentence && end-start < 25 {
			g := r.fold(start - 1)
			if g == ")" {
				if o := r.openBracket(start - 1); o >= 0 {
					start = o
					continue
				}
			}
			if clauseBreak(g) {
				break
			}
			start--
		}
		t := r.titleIn(start, end)
		if t == nil || end-t[2] > 8 || len(r.personsIn(start, end)) > 0 {
			return nil // the title must head the list: "Il Ministro X ha espresso ...: ..." does not
		}
		return t
	}
	return nil
}

// openBracket returns the "(" of a short bracket closing at c, or -1.
func (r *run) openBracket(c int) int {
	for o := c - 1; o >= 0 && c-o <= 6; o-- {
		switch r.fold(o) {
		case "(":
			return o
		case ")", ".", ",", ";":
			return -1
		}
	}
	return -1
}

// adjacentTitle reports whether only title words, connectors, capitalised words and
// bodies stand between a title word and the name at i ("Sottosegretario generale
// dell'ONU Vladimir Voronkov", "Commissioner for Home Affairs Ylva Johansson").
func (r *run) adjacentTitle(word, i int) bool {
	for k := word + 1; k < i; k++ {
		f := r.fold(k)
		_, agencyWord := r.x.gaz.Glossary[f]
		if !titleWords[f] && !connectors[f] && !agencyWord && !titleModifiers[f] && r.at[k] == 0 && f != "." && f != "(" && f != ")" && !r.d.Tokens[k].Upper {
			return false
		}
	}
	return true
}

// acronymLike reports whether a word has two capitals after a small letter: "AfOA",
// not "McDonald".
func acronymLike(w string) bool {
	small, capitals := false, 0
	for _, c := range w {
		switch {
		case unicode.IsLower(c):
			small = true
		case unicode.IsUpper(c) && small:
			capitals++
		}
	}
	return capitals >= 2
}

// afterHonorificName reports whether an honorific and one given name come right before
// token i: "Mr. Steven" in "Mr. Steven Monaco".
func (r *run) afterHonorificName(i int) bool {
	k := i - 2 // the honorific, or the full stop after it
	if k < 0 || r.mentionAt(i-1) != nil || !r.nameToken(i-1) || r.d.Tokens[i-1].Sentence != r.d.Tokens[i].Sentence {
		return false
	}
	if r.fold(k) == "." && k > 0 {
		k--
	}
	return honorifics[r.fold(k)]
}

func (r *run) nameToken(i int) bool {
	t := r.d.Tokens[i]
	if t.Kind != text.Word || !t.Upper || t.End-t.Start < 2 {
		return false
	}
	if titleAbbrevs[r.fold(i)] && i+1 < len(r.d.Tokens) && r.fold(i+1) == "." && r.d.Tokens[i+1].Start == t.End {
		return false // "Brig." in "Pol. Brig. Gen. Zaw Lin Tun"
	}
	if m := r.mentionAt(i); m != nil {
		// A one-word state name can be a first name ("Salvador Pinto da França"), or the
		// family name after an honorific and a given name ("Mr. Steven Monaco").
		oneWord := (m.kind == fixtures.KindState || m.kind == "place") && !m.adjective && m.last == i+1 && m.first == i
		givenName := oneWord && i+1 < len(r.d.Tokens) && r.mentionAt(i+1) == nil && r.d.Tokens[i+1].Upper &&
			!(i > 0 && ofConnectors[r.fold(i-1)]) // "President of Ukraine Volodymyr Zelensky"
		if !givenName && !(oneWord && r.afterHonorificName(i)) {
			return false
		}
	}
	f := r.fold(i)
	if elidedWords[f] && int(t.End) < len(r.d.Fold) && r.d.Fold[t.End] == '\'' {
		return false // "All'IAI aderiscono": a preposition, not a first name
	}
	if acronymLike(r.d.TokenText(t)) {
		return false // "AfOA", "PAcCTO": an acronym, not a name
	}
	if r.agreementHeadAt(i) {
		return false // "New MOU with ...", "il Memorandum d'Intesa della RAP": a document, not a name
	}
	if pluralOfHead(r.fold(i)) {
		return false // "the Kyrgyz Law Enforcement Agencies": bodies, not a name
	}
	return !r.x.notName[f]
}

// notNameWords are the words that are never part of a person's name (nameToken): words
// of these lists, months, meeting nouns, glossary words and honorifics of more than two
// letters, in one set so that a word is looked up once.
func (x *Extractor) notNameWords() map[string]bool {
	out := map[string]bool{}
	for _, list := range []map[string]bool{notPersonWords, titleWords, agencyHeads, connectors, projectHeads, notPersonPlaces, x.english, titleModifiers, notNameNouns, numberWords} {
		for w, in := range list {
			out[w] = out[w] || in
		}
	}
	for w := range months {
		// "Jan Peeters": a three-letter abbreviation names a month only next to a number,
		// which the date reader sees; before a capitalised word it is a given name.
		out[w] = len(w) > 3
	}
	for w := range meetingHeads {
		out[w] = true
	}
	for w := range x.gaz.Glossary {
		out[w] = true
	}
	for w, in := range honorifics {
		out[w] = out[w] || in && len(w) > 2
	}
	return out
}

// elidedWords are the prepositions and articles written with an apostrophe before the
// next word (all', dell', jusqu'): never part of a person's name.
var elidedWords = words("elided words")

// personName writes the name with family names in capitals title-cased and the
// original separators (spaces, hyphens).
func (r *run) personName(first, last int) string {
	var b strings.Builder
	for i := first; i < last; i++ {
		t := r.d.Tokens[i]
		if i > first {
			b.WriteString(strings.TrimSpace(r.d.Slice(text.Span{Start: r.d.Tokens[i-1].End, End: t.Start})))
			if r.d.Fold[t.Start-1] == ' ' {
				b.WriteString(" ")
			}
		}
		w := r.d.TokenText(t)
		if t.AllCaps && !(i > first && regnalNumber(w)) {
			w = titleCase(w) // "Giovanni ROSSI", not "Mohammed VI"
		}
		b.WriteString(w)
	}
	return b.String()
}

// regnalNumber reports whether w is a Roman numeral after a name: "Mohammed VI".
func regnalNumber(w string) bool {
	return w != "" && strings.Trim(w, "IVXL") == ""
}

// titleBefore returns the title segment before a name at i as [first, last, titleWord]:
// the words right before it ("le préfet", "il Ministro degli Esteri e della Cooperazione
// Internazionale"), or, after a comma, the clause before the comma. A bracketed acronym
// belongs to the title ("le Directeur général de la Sûreté nationale (DGSN), ...").
func (r *run) titleBefore(i int) []int {
	toks := r.d.Tokens
	end := i
	if end > 1 && articles[r.fold(end-1)] && r.fold(end-2) == "," {
		end-- // "Le Directeur de l'ONUDC, le Dr X"
	}
	rank := end
	for rank > 0 && end-rank < 2 && r.d.Tokens[rank-1].Upper && (titleWords[r.fold(rank-1)] || titleModifiers[r.fold(rank-1)]) {
		rank--
	}
	if rank < end && rank > 1 && r.fold(rank-1) == "," && r.d.Lang == "en" {
		end = rank // "the National Commissioner of the SAPS, General X": the rank is no title of its own
	}
	comma := end > 0 && r.fold(end-1) == ","
	if comma {
		end--
	}
	for tries := 0; tries < 2; tries++ {
		start := end
		for start > 0 && toks[start-1].Sentence == toks[i].Sentence && end-start < 25 {
			f := r.fold(start - 1)
			if f == ")" {
				if o := r.openBracket(start - 1); o >= 0 {
					if p := r.mentionAt(o - 1); p != nil && p.kind == fixtures.KindPerson && !comma {
						break // "A (Officer I) and DSP B": A's title
					}
					start = o
					continue
				}
			}
			if clauseBreak(f) {
				break
			}
			if m := r.mentionAt(start - 1); m != nil && m.kind == fixtures.KindPerson {
				break
			}
			if !comma && !r.titleToken(start-1, start) && !(start == end && r.trailingAdjective(start-1)) {
				break
			}
			start--
		}
		if p := r.mentionAt(start - 1); comma && p != nil && p.kind == fixtures.KindPerson && r.fold(start) == "(" {
			return nil // "Zaw Lin Tun (Executive Director), Police ... Nguyen": the person before's title
		}
		start = r.afterCoordinatedSubject(start, end)
		t := r.titleIn(start, end)
		if t == nil && comma {
			t = r.pluralTitleIn(start, end) // "i procuratori della Repubblica di Roma, Giuseppe Pignatone, e di Catania, ..."
		}
		if t != nil {
			if t[2] == r.people.apposed {
				return nil // "A, Directeur de la Police, B": A's title
			}
			if comma {
				t[0] = r.titleWordsStart(t[0], t[2]) // "X ha ospitato l'incontro tra il ministro dell'Interno, Y"
				return r.lastTitle(t, end)
			}
			return t
		}
		if !comma || start == 0 || r.fold(start-1) != "," {
			return nil
		}
		end = start - 1 // "la directrice du service ..., cadre supérieur ..., Eufemia ESPOSITO"
		if p := r.mentionAt(end - 1); p != nil && p.kind == fixtures.KindPerson {
			return nil
		}
		if s := r.segmentStart(end); s > 0 && r.fold(s-1) == "," {
			if p := r.mentionAt(s - 2); p != nil && p.kind == fixtures.KindPerson {
				return nil // "Marco Rago, Delegato ..., e per ..., Alessio Nardi": Rago's title
			}
		}
	}
	return nil
}

// titleEnd is where a title segment ends, or -1 for none.
func (r *run) titleEnd(t []int) int {
	if t == nil {
		return -1
	}
	return t[1]
}

// headedBody returns the body that a relative clause opening at the comma at j says the
// person heads: ", who currently chairs AMERIPOL", ", qui dirige l'Office", ", che
// presiede il Comitato".
func (r *run) headedBody(j int) *mention {
	toks := r.d.Tokens
	if j < 0 || j+3 >= len(toks) || r.fold(j) != "," || !relativePronouns[r.fold(j+1)] {
		return nil
	}
	k := j + 2
	if titleAdverbs[r.fold(k)] {
		k++ // "who currently chairs", and after the verb "qui préside actuellement"
	}
	for _, v := range headVerbs {
		if !hasPrefixTokens(r.d, k, v) {
			continue
		}
		b := k + len(v)
		for b < len(toks) && b < k+len(v)+3 && (articles[r.fold(b)] || titleAdverbs[r.fold(b)]) {
			b++
		}
		b = r.pastUnit(b)
		if m := r.mentionAt(b); m != nil && m.first == b && m.isBody() {
			return m
		}
	}
	return nil
}

// pastUnit returns the first token of the body an unnamed unit at b belongs to ("the
// maritime unit of the Police", "la section maritime de la Police"), or b.
func (r *run) pastUnit(b int) int {
	for h := b; h < len(r.d.Tokens) && h < b+4 && r.at[h] == 0 && r.d.Tokens[h].Kind == text.Word && !r.d.Tokens[h].Upper; h++ {
		if !unitNouns[r.fold(h)] {
			continue
		}
		t := h + 1
		for t < len(r.d.Tokens) && t-h <= 2 && r.at[t] == 0 && r.d.Tokens[t].Kind == text.Word && !r.d.Tokens[t].Upper && !ofConnectors[r.fold(t)] {
			t++ // "la section maritime de la Police"
		}
		of := t
		for t < len(r.d.Tokens) && t-of < 3 && (ofConnectors[r.fold(t)] || articles[r.fold(t)]) {
			t++
		}
		if m := r.mentionAt(t); t > of && m != nil && m.first == t && m.isBody() {
			return t
		}
		return b
	}
	return b
}

// ownOffice reports whether a title word names an office of its own ("il questore", "le
// préfet"): its holder does not share the body of the title listed before.
func (r *run) ownOffice(word int) bool {
	_, ok := ministerWords[r.fold(word)]
	return ok
}

// capitalsOnly reports whether every word of [first, last) is written in capitals.
func (r *run) capitalsOnly(first, last int) bool {
	for k := first; k < last; k++ {
		if t := r.d.Tokens[k]; t.Kind == text.Word && !t.AllCaps {
			return false
		}
	}
	return true
}

// afterCoordinatedSubject moves the start of a title past a subject coordinated before
// it: in "le ministère belge et l'attaché de sécurité au Mali, Paul Martin" the title is
// "l'attaché de sécurité au Mali"; the ministry is a subject of its own. A title before
// the conjunction keeps the whole ("Vice Segretario ... e Direttore esecutivo di ...").
func (r *run) afterCoordinatedSubject(start, end int) int {
	for k := end - 2; k > start; k-- {
		if !conjunctions[r.fold(k)] || r.at[k] != 0 {
			continue
		}
		next := k + 1
		if articles[r.fold(next)] && next+1 < end {
			next++
		}
		if titleWords[r.fold(next)] && r.titleIn(start, k) == nil {
			return k + 1
		}
	}
	return start
}

// segmentStart returns the first token of the clause that ends at end (exclusive).
func (r *run) segmentStart(end int) int {
	if end <= 0 {
		return 0
	}
	s := end
	for s > 0 && r.d.Tokens[s-1].Sentence == r.d.Tokens[end-1].Sentence && !clauseBreak(r.fold(s-1)) {
		s--
	}
	return s
}

// lastTitle narrows a title segment read back to a comma to its last title and the
// words written with it: in "Il Ministro X ha ricevuto oggi il Segretario Generale
// dell'Interpol, Name" the title is "Segretario Generale dell'Interpol".
func (r *run) lastTitle(t []int, end int) []int {
	last := -1
	for k := t[2]; k < end; k++ {
		if titleWords[r.fold(k)] && !honorifics[r.fold(k)] && (k == t[2] || !titleWords[r.fold(k-1)]) {
			last = k
		}
	}
	if last <= t[2] {
		return t
	}
	start := last
	for start > t[0] && r.titleToken(start-1, start) {
		start--
	}
	if start > t[2] && !r.titleToken(start-1, start) && r.fold(start-1) != "-" {
		return []int{start, end, last} // a clause stands between the two titles, not a dash
	}
	return t
}

// trailingAdjective reports whether token k is a lower-case word that ends a capitalised
// body's name right before a name: "per gli Affari interni Ylva Johansson".
func (r *run) trailingAdjective(k int) bool {
	toks := r.d.Tokens
	f := r.fold(k)
	return k > 0 && toks[k].Kind == text.Word && !toks[k].Upper && len(f) > 3 && !connectors[f] && !listBreak[f] &&
		toks[k-1].Kind == text.Word && toks[k-1].Upper && toks[k-1].Sentence == toks[k].Sentence && !r.d.Joined(k)
}

// titleToken reports whether token k may belong to a title written right before a name
// (next is the token after it): title words and their modifiers, connectors, bodies and
// capitalised words, and "e"/"and" when a title or a body goes on after it.
func (r *run) titleToken(k, next int) bool {
	f := r.fold(k)
	if listBreak[f] {
		return conjunctions[f] && next < len(r.d.Tokens) && (ofPrepositions[r.fold(next)] || r.d.Tokens[next].Upper)
	}
	if m := r.mentionAt(k); m != nil {
		return true
	}
	_, gl := r.x.gaz.Glossary[f]
	return titleWords[f] || titleModifiers[f] || connectors[f] || gl || r.d.Tokens[k].Upper || r.apostropheS(k) ||
		f == "." && k > 0 && titleAbbrevs[r.fold(k-1)]
}

// listBreak words end a title read right before a name: "signed by X and by Y".
var listBreak = words("list break")

// affiliatesOthers reports whether a mention other than p has the body at index a among
// its affiliations.
func (r *run) affiliatesOthers(a int, p *mention) bool {
	for _, m := range r.ments {
		if m != p && slices.Contains(m.affiliation, a) {
			return true
		}
	}
	return false
}

// withoutBareForces returns a person's affiliations but the forces a title names by their
// head word alone and no state ("Inspector General of Police").
func (r *run) withoutBareForces(p *mention) []int {
	var out []int
	for _, a := range p.affiliation {
		if b := r.ments[a]; b.last-b.first != 1 || !forceHeads[r.fold(b.first)] || b.country != "" {
			out = append(out, a)
		}
	}
	return out
}

// titleWordsStart returns where the words of a title that come before its title word at
// word begin, from start on: after the last word that belongs to no title ("l'incontro tra
// il ministro": "il ministro"), whose clause is no part of the title.
func (r *run) titleWordsStart(start, word int) int {
	w := word
	for w > start && r.titleToken(w-1, w) {
		w--
	}
	return w
}

// previousTitle returns the title segment before a comma-separated one: in "le directeur
// du bureau politique du Conseil..., l'ambassadeur Amer KAPETANOVIC" the body is there.
func (r *run) previousTitle(t []int) []int {
	if t == nil || t[0] < 2 || r.fold(t[0]-1) != "," {
		return nil
	}
	end := t[0] - 1
	start := end
	for start > 0 && r.d.Tokens[start-1].Sentence == r.d.Tokens[end].Sentence && !clauseBreak(r.fold(start-1)) && end-start < 25 {
		if m := r.mentionAt(start - 1); m != nil && m.kind == fixtures.KindPerson {
			break
		}
		start--
	}
	if start >= 2 && r.fold(start-1) == "," && !conjunctions[r.fold(start)] && !articles[r.fold(start)] {
		if p := r.mentionAt(start - 2); p != nil && p.kind == fixtures.KindPerson && p.last == start-1 {
			return nil // "A, procureur général près la Cour de cassation, le vice-amiral B": A's title, not "A, il Comandante ..., colonnello B"
		}
	}
	if t := r.titleIn(start, end); t != nil {
		return r.lastTitle(t, end) // "il generale ha incontrato il comandante della X, colonnello Y"
	}
	return nil
}

// titleAfter returns the title segment after a name ending at j: ", Executive Director
// of X," or "(Director of Plans and Programmes)". An honorific is no title: in "M. A, Mme
// B, ..." it opens the next name.
func (r *run) titleAfter(j int) []int {
	toks := r.d.Tokens
	if j+1 >= len(toks) || (r.fold(j) != "," && r.fold(j) != "(") {
		return nil
	}
	end := r.clauseEnd(j, 20)
	if conjunctions[r.fold(j+1)] {
		return nil // ", e il Direttore ...": the next person's title
	}
	end = r.portfolioEnd(end)
	end = r.bodyAfterTitle(end)
	if r.fold(j) == "(" && (end >= len(toks) || r.fold(end) != ")") {
		return nil
	}
	t := r.titleIn(j+1, end)
	if t == nil || r.wordsBefore(j+1, t[2]) > 3 || honorifics[r.fold(t[2])] {
		return nil
	}
	for k := j + 1; k < t[2]; k++ {
		f := r.fold(k)
		if !articles[f] && !indefiniteArticles[f] && !possessives[f] && !connectors[f] && !titleModifiers[f] && !titleAdverbs[f] && !r.d.Tokens[k].Upper && r.at[k] == 0 &&
			!((relativeCopulas[f] || relativePronouns[f]) && r.relativeTitle(j)) && !(f == "s" && r.at[k-1] != 0 && r.apostropheS(k)) {
			return nil // ", sono stati il Direttore ...": a clause, not an apposition; "Spain's Secretary of State" is one
		}
	}
	if m := r.mentionAt(t[2]); m != nil && m.kind == fixtures.KindPerson {
		return nil
	}
	if (r.relativeTitle(j) || articles[r.fold(j+1)]) && r.nameIn(t[2]+1, end) {
		// ", who represented Prime Minister Patrick Manning", ", l'Ambasciatore di Argentina
		// Marcelo Giusto": another person's title
		return nil
	}
	if end+1 < len(toks) && r.fold(end) == "," && articles[r.fold(j+1)] {
		// Without the article the title is X's apposition: "X, Directeur de la Police, Y, ...".
		if k := r.skipPrefixAfter(end + 1); k < len(toks) {
			if _, _, words := r.nameExtent(k); words > 0 {
				return nil // "X, il Comandante dei Carabinieri, Col. Y": Y's title, not X's
			}
		}
	}
	return t
}

// wordsBefore counts the tokens of [from, to) that a title may open with, a state's
// possessive counting as one: "South Africa's acting Minister" has two before its title.
func (r *run) wordsBefore(from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if m := r.mentionAt(k); m != nil && m.kind == fixtures.KindState && m.first < k || r.apostropheS(k) {
			continue
		}
		n++
	}
	return n
}

// titledPersonNext reports whether a comma at j opens the next item of a list of persons,
// one named after a title that stands right before the name: "Stefano Rossi, il
// generale Mario Bianchi" lists two persons.
func (r *run) titledPersonNext(j int) bool {
	toks := r.d.Tokens
	if j+2 >= len(toks) || r.fold(j) != "," {
		return false
	}
	k := j + 1
	if articles[r.fold(k)] {
		k++
	}
	if k >= len(toks) || !titleWords[r.fold(k)] {
		return false
	}
	end := k + 1
	for end < len(toks) && end-k < 12 && r.fold(end) != "," && toks[end].Sentence == toks[k].Sentence {
		end++
	}
	return r.nameIn(k+1, end) // "il Generale della Guardia di Finanza Mario Bianchi"
}

// nameIn reports whether a person's name of two words or more starts in [k, end).
func (r *run) nameIn(k, end int) bool {
	for ; k < end; k++ {
		if titleWords[r.fold(k)] {
			continue
		}
		if _, _, words := r.nameExtent(k); words >= 2 {
			return true
		}
	}
	return false
}

// relativeTitle reports whether a relative clause of being follows the name ending at j:
// ", who is also Chairman of X", ", qui est aussi président de X", ", che è anche
// presidente di X". Its title is one more affiliation of the person.
func (r *run) relativeTitle(j int) bool {
	return j+2 < len(r.d.Tokens) && r.fold(j) == "," && relativePronouns[r.fold(j+1)] && relativeCopulas[r.fold(j+2)]
}

// portfolioEnd carries a title past the commas of a portfolio of several fields, up to
// the body it belongs to: "Commissioner for Political Affairs, Peace and Security of the
// ECOWAS Commission". The part after the comma must be capitalised words joined by a
// conjunction and end in "of" and a body; otherwise the title ends at the comma (end).
func (r *run) portfolioEnd(end int) int {
	toks := r.d.Tokens
	if end+1 >= len(toks) || r.fold(end) != "," || !toks[end+1].Upper || r.at[end+1] != 0 {
		return end
	}
	joined := false
	for k := end + 1; k < len(toks) && k-end <= 8 && toks[k].Sentence == toks[end].Sentence; k++ {
		f := r.fold(k)
		switch {
		case conjunctions[f] && k > end+1:
			joined = true
		case ofWords[f] && joined:
			if m := r.mentionAt(k + 1); m != nil && m.isActor() || k+2 < len(toks) && articles[r.fold(k+1)] && r.mentionAt(k+2) != nil && r.mentionAt(k+2).isActor() {
				next := k + 1
				for next < len(toks) && toks[next].Sentence == toks[end].Sentence && !clauseBreak(r.fold(next)) && next-end < 20 {
					next++
				}
				return next
			}
			return end
		case toks[k].Upper && r.at[k] == 0:
		default:
			return end
		}
	}
	return end
}

// bodyAfterTitle carries a title past one more comma to the body that ends the line or
// the clause: "Mereoni Vakaloloma, Detective Inspector, Fiji Police Force", as lists of
// participants write it. Otherwise the title ends at the comma (end).
func (r *run) bodyAfterTitle(end int) int {
	toks := r.d.Tokens
	if end+1 >= len(toks) || r.fold(end) != "," || toks[end+1].Sentence != toks[end].Sentence {
		return end
	}
	k := end + 1
	if articles[r.fold(k)] {
		k++
	}
	b := r.mentionAt(k)
	if b == nil || b.first != k || !b.isActor() {
		return end
	}
	last := r.withItsState(b)
	if last < len(toks) && toks[last].Sentence == toks[end].Sentence && !clauseBreak(r.fold(last)) {
		return end // "..., the Police and the Customs took part": a clause goes on
	}
	return last
}

// withItsState returns the end of body b with the state named right after it ("Polizia
// Nazionale del Togo"), or b's own end.
func (r *run) withItsState(b *mention) int {
	k := b.last
	for k < len(r.d.Tokens) && k-b.last < 2 && ofConnectors[r.fold(k)] {
		k++
	}
	if s := r.mentionAt(k); k > b.last && s != nil && s.first == k && s.kind == fixtures.KindState {
		return s.last
	}
	return b.last
}

// skipPrefixAfter returns the first token after the honorifics and abbreviated titles
// that start at k ("Col.", "On.", "S.E.").
func (r *run) skipPrefixAfter(k int) int {
	toks := r.d.Tokens
	for k < len(toks) {
		f := r.fold(k)
		switch {
		case honorifics[f] && (toks[k].Upper || len(f) > 2):
			k++
		case k+1 < len(toks) && r.fold(k+1) == "." && toks[k].Upper && (titleAbbrevs[f] || toks[k].End-toks[k].Start == 1):
			k += 2
		default:
			return k
		}
	}
	return k
}

// clauseEnd returns the clause break after token k in its sentence, at most limit tokens on.
func (r *run) clauseEnd(k, limit int) int {
	end := k + 1
	for end < len(r.d.Tokens) && r.d.Tokens[end].Sentence == r.d.Tokens[k].Sentence && end-k < limit {
		if c := r.portfolioBracket(end); c > 0 {
			end = c // "Joint Secretary (International Cooperation) of the Ministry"
			continue
		}
		if clauseBreak(r.fold(end)) {
			break
		}
		end++
	}
	return end
}

// secondApposition reports whether the title after the first one's comma is the person's
// second one, with no article and no name of its own: ", président sortant du CCPAO",
// not ", the Additional Director General of the Army" or ", il Ministro X Y".
func (r *run) secondApposition(after, more []int) bool {
	j := after[1]
	return r.fold(j) == "," && !articles[r.fold(j+1)] && !indefiniteArticles[r.fold(j+1)] && !r.nameIn(more[0], more[1]) && !r.nameIn(after[0], after[1])
}

// portfolioBracket returns the token after a short bracket at k that an "of" follows,
// the bracket being part of a title ("Joint Secretary (International Cooperation) of
// the Ministry of Defence"), or 0.
func (r *run) portfolioBracket(k int) int {
	if k >= len(r.d.Tokens) || r.fold(k) != "(" {
		return 0
	}
	for c := k + 1; c < len(r.d.Tokens) && c-k <= 5; c++ {
		if r.fold(c) == ")" {
			if c+1 < len(r.d.Tokens) && ofConnectors[r.fold(c+1)] && c > k+1 {
				return c + 1
			}
			return 0
		}
	}
	return 0
}

func clauseBreak(f string) bool {
	return f == "," || f == ";" || f == ":" || f == "(" || f == ")" || f == "."
}

// titleIn returns [start, end, first title word] when the segment holds a title word.
func (r *run) titleIn(start, end int) []int {
	for k := start; k < end; k++ {
		if f := r.fold(k); (f == "general" || f == "generale") && k > start && !titleWords[r.fold(k-1)] &&
			!articles[r.fold(k-1)] && !connectors[r.fold(k-1)] && r.fold(k-1) != "." {
			continue // "Secrétariat général": an adjective, not the rank
		}
		if m := r.mentionAt(k); m != nil && !m.inTitle && (m.kind == fixtures.KindAgency || m.kind == fixtures.KindOrganization) {
			continue // "the General Department for ...": a word inside a body's name is no title
		}
		if titleWords[r.fold(k)] {
			return []int{start, end, k}
		}
	}
	return nil
}

// pluralTitleIn returns [start, end, title word] when the segment holds a title in the
// plural, whose holders are named one by one after it.
func (r *run) pluralTitleIn(start, end int) []int {
	for k := start; k < end; k++ {
		if pluralTitles[r.fold(k)] {
			return []int{start, end, k}
		}
	}
	return nil
}

// rankSubtype marks the mentions of ranks ("Generale di Brigata"): no actor, but the
// title of the name after them.
const rankSubtype = "rank"

// markRanks reserves the multi-word ranks of rankPhrases, before agencies are read.
func (r *run) markRanks() {
	for i := range r.d.Tokens {
		if r.at[i] != 0 {
			continue
		}
		for _, words := range rankWords[r.fold(i)] {
			if hasPrefixTokens(r.d, i, words) && r.d.Tokens[i].Upper {
				r.add(&mention{first: i, last: i + len(words), subtype: rankSubtype, name: r.textOf(i, i+len(words))})
				break
			}
		}
	}
}

// rankWords indexes rankPhrases by first word, longest first.
var rankWords = func() map[string][][]string {
	out := map[string][][]string{}
	for _, p := range rankPhrases {
		if words := text.FoldTokens(p); len(words) > 0 {
			out[words[0]] = append(out[words[0]], words)
		}
	}
	for _, list := range out {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	}
	return out
}()

// fullNamesOfSurnames reads a name of two or three words that no title announces as a
// person when its last word is the family name of a person recognised alone after a
// title ("Il Ministro Piantedosi ... Lo ha dichiarato Matteo Piantedosi").
func (r *run) fullNamesOfSurnames() {
	alone := map[string]bool{}
	for _, m := range r.ments {
		if m.kind == fixtures.KindPerson && m.last-m.first == 1 {
			alone[r.fold(m.first)] = true
		}
	}
	if len(alone) == 0 {
		return
	}
	toks := r.d.Tokens
	for i := 0; i < len(toks); i++ {
		first, j, words := r.nameExtent(i)
		if words < 2 || words > 3 || !alone[r.fold(j-1)] {
			if words > 0 {
				i = j - 1
			}
			continue
		}
		r.freeNameTokens(first, j)
		if m := r.add(&mention{first: first, last: j, kind: fixtures.KindPerson, name: r.personName(first, j)}); m != nil {
			m.id = "person:" + slug(m.name)
		}
		i = j - 1
	}
}

// endsWith reports whether the name of person q is the end of person p's name.
func (r *run) endsWith(p, q *mention) bool {
	n := q.last - q.first
	if n > p.last-p.first {
		return false
	}
	for k := 0; k < n; k++ {
		if r.fold(p.last-n+k) != r.fold(q.first+k) {
			return false
		}
	}
	return true
}

// personCoreference reads a family name written alone ("Noble, the INTERPOL Chief",
// "Il Ministro Gentiloni", "Fedotov explained") as the person named in full elsewhere in
// the document, and gives a family name recognised alone after a title the full
// person's id.
func (r *run) personCoreference() {
	r.fullNamesOfSurnames()
	full := map[string]*mention{}
	ambiguous := map[string]bool{}
	for _, m := range r.ments {
		if m.kind != fixtures.KindPerson || m.last-m.first < 2 {
			continue
		}
		f := r.fold(m.last - 1)
		if old := full[f]; old != nil && old.id != m.id && !r.endsWith(old, m) && !r.endsWith(m, old) {
			ambiguous[f] = true
		}
		if old := full[f]; old == nil || m.last-m.first > old.last-old.first {
			full[f] = m // the longest form names the person
		}
	}
	// The first of two family names ("Juan Ignacio Zoido Álvarez" is "M. Zoido"), when no
	// name ends with it.
	for _, m := range r.ments {
		if m.kind != fixtures.KindPerson || m.last-m.first < 3 || !r.d.Tokens[m.last-2].Upper || nameParticles[r.fold(m.last-2)] {
			continue
		}
		f := r.fold(m.last - 2)
		if old := full[f]; old != nil && old.id != m.id {
			ambiguous[f] = true
		} else if old == nil {
			full[f] = m
		}
	}
	for _, m := range r.ments {
		if m.kind != fixtures.KindPerson {
			continue
		}
		p := full[r.fold(m.last-1)]
		if p == nil || ambiguous[r.fold(m.last-1)] || p == m {
			continue
		}
		// "Il Ministro Gentiloni", "Mme Sow Fall": the end of the full name.
		if m.last-m.first == 1 || m.last-m.first < p.last-p.first && r.endsWith(p, m) {
			m.id, m.name = p.id, p.name
		}
	}
	toks := r.d.Tokens
	for i, t := range toks {
		f := r.fold(i)
		p := full[f]
		if p == nil || ambiguous[f] || r.at[i] != 0 || t.Kind != text.Word || !t.Upper {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Upper && toks[i+1].Kind == text.Word {
			continue // part of another name
		}
		m := r.add(&mention{first: i, last: i + 1, kind: fixtures.KindPerson, id: p.id, name: p.name})
		if m == nil {
			continue
		}
		if after := r.titleAfter(i + 1); after != nil {
			r.affiliate(m, after[0], after[1], after[2]) // "Noble, the INTERPOL Chief"
		}
	}
}

// narrowsAffiliation reports whether the title after a person's name names a body inside
// the one the title before it named: "UN Under-Secretary-General X, head of the UN Office
// of Counter-Terrorism" works for the office too.
func (r *run) narrowsAffiliation(p *mention, after []int) bool {
	if len(p.affiliation) == 0 {
		return false
	}
	outer := r.ments[p.affiliation[0]].id
	for k := after[0]; k < after[1]; k++ {
		if m := r.mentionAt(k); m != nil && m.first == k && m.id != "" && m.id != outer {
			for b := r.x.gaz.Body(m.id); b != nil && b.PartOf != ""; b = r.x.gaz.Body(b.PartOf) {
				if b.PartOf == outer {
					return true
				}
			}
		}
	}
	return false
}
