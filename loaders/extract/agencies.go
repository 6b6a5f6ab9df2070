package extract

import (
	"slices"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/gazetteer"
	"github.com/entente/entente/loaders/text"
)

// recogniseAgencies finds national bodies the gazetteer does not list: a head noun
// (Ministero, Direction, Service, Office...) with the words that complete it (capitalised,
// or agency vocabulary from the glossary, joined by di/de/of...), optionally words
// before it in capitals ("State Customs Service"). A gazetteer agency inside is absorbed
// ("Ufficio di coordinamento ... delle Forze di polizia"); another head after di/du/of
// starts the parent body ("Service ... du Bureau ... du ministère").
func (r *run) recogniseAgencies() {
	toks := r.d.Tokens
	for i := 0; i < len(toks); i++ {
		if m := r.mentionAt(i); (m != nil && m.kind != fixtures.KindAgency) || !r.is(i, classAgencyHead|classOrganisationHead) {
			continue
		}
		if r.rankPhrase(i) {
			continue // "Generale di Corpo d'Armata" is a rank
		}
		if capitalisedHeads[r.fold(i)] && !toks[i].Upper {
			continue // "nella regione del Mediterraneo": a region, no body
		}
		first, last := r.agencyExtent(i)
		if adj := r.forceState(i, first, last); adj != nil {
			// "la polizia romena", "the Italian police": a force named by its head and its state
			m := &mention{first: min(i, adj.first), last: max(i+1, adj.last), kind: fixtures.KindAgency, country: adj.country, force: r.fold(i)}
			m.name = r.textOf(m.first, m.last)
			for k := adj.first; k < adj.last; k++ {
				r.at[k] = 0
			}
			adj.kind, adj.spec = "", true
			if r.replace(m) != nil {
				i = m.last - 1
			}
			continue
		}
		if m := r.fieldOffice(first, last); m != nil {
			if r.replace(m) != nil {
				i = m.last - 1
			}
			continue
		}
		if last <= i+1 && (r.mentionAt(i) != nil || last <= first+1) {
			continue
		}
		if headLast[r.fold(i)] {
			if first == i {
				continue
			}
			last = i + 1
		}
		if rankModifiers[r.fold(first)] && titleWords[r.fold(i)] {
			continue // "Senior State Prosecutor" is a person's title, not the prosecution service
		}
		if r.insideSystemName(first, last) && !(organisationHeads[r.fold(i)] && toks[i].Upper) {
			continue // "système d'information de la Police d'Afrique australe" is a system
		}
		if !r.hasCapital(first, last) || (first == i && !toks[i].Upper && !r.ofCapital(i)) {
			continue // "cooperazione di polizia nel Mediterraneo" is no body
		}
		if first == i && !toks[i].Upper && unitNouns[r.fold(i)] {
			continue // "the maritime unit of the Police of Mozambique": the police's, unnamed
		}
		if !toks[i].Upper && !r.ofCapital(i) && !r.capitalInside(first, last) {
			continue // "Senior police officers": the capital only starts the sentence
		}
		if m := r.mentionAt(i); m != nil && m.first <= first && m.last >= last {
			i = m.last - 1
			continue // the gazetteer already has all of it
		}
		m := &mention{first: first, last: last, kind: fixtures.KindAgency, name: r.textOf(first, last)}
		if org := r.mentionAt(first - 1); org != nil && (org.kind == fixtures.KindOrganization || org.kind == fixtures.KindUNBody) && org.last == first {
			if organisationHeads[r.fold(i)] {
				// "CEPOL Governing Board": an organ of its own, part of the organisation.
				m.kind, m.name, m.owner = fixtures.KindOrganization, r.textOf(org.first, last), org
			} else {
				// "OSCE Transnational Threats Department": a unit of the organisation.
				m = &mention{first: org.first, last: last, kind: org.kind, id: org.id, name: org.name, country: org.country}
			}
		} else if o := r.mentionAt(last - 1); o != nil && (o.kind == fixtures.KindOrganization || o.kind == fixtures.KindUNBody) && o.last == last &&
			o.first > i && o.id != "" && r.ofBefore(o.first) {
			// "Centre de formation des cadres de l'UEMOA (CFC-UEMOA)": a unit of the organisation
			m.kind, m.owner = fixtures.KindOrganization, o
		} else if r.supranational(first, last) || r.internationalName(first, i, last) || organisationHeads[r.fold(i)] && !r.nationalName(first, last) ||
			r.researchBody(first, last) {
			m.kind = fixtures.KindOrganization // "Forza di Gendarmeria Europea"
			m.owner = r.ownerBefore(first)
			if s := r.stateAfter(last, min(last+4, len(toks))); s != nil && organisationHeads[r.fold(i)] {
				s.spec = true // "the Customs Cooperation Fund of Japan": whose, not who
			}
		}
		if m.kind == fixtures.KindAgency {
			m.inner = r.namedInside(m.first, m.last)
			m.country = r.adjectiveInside(m.first, m.last)
			for k := len(m.inner) - 1; k >= 0 && m.country == ""; k-- {
				m.country = m.inner[k].country // "Dipartimento ... della Polizia di Stato albanese": its parent's state
			}
			if p := r.mentionAt(m.first); m.country == "" && p != nil && p.kind == "place" {
				m.country = p.country // "the New York Police Department" is American
			}
		}
		if r.replace(m) != nil {
			i = last - 1
		}
	}
}

// forceState returns the state adjective that, with the force head at h, names a national
// force: after the head in French and Italian ("la Police croate", "la polizia romena"),
// before it in English ("the Italian police"). first and last are the head's extent as a
// name; a longer name is not a force named by its state. People of the force ("Italian
// police officers") are not the force.
func (r *run) forceState(h, first, last int) *mention {
	toks := r.d.Tokens
	if !forceHeads[r.fold(h)] || r.mentionAt(h) != nil || first != h || last != h+1 {
		return nil
	}
	if r.d.Lang != "en" {
		adj := r.mentionAt(h + 1)
		if adj == nil || adj.first != h+1 || adj.kind != fixtures.KindState || !adj.adjective {
			return nil
		}
		if !toks[h].Upper && (h == 0 || !articles[r.fold(h-1)] && (!ofPrepositions[r.fold(h-1)] || len(r.fold(h-1)) <= 2)) {
			return nil // "polizia italiana" without its article is no name: "forze di polizia libanesi"
		}
		if r.pluralWord(h) != r.pluralAdjective(adj) {
			return nil // "la polizia e la gendarmeria gibutiane": the adjective is of both
		}
		return adj
	}
	adj := r.mentionAt(h - 1)
	if adj == nil || adj.last != h || adj.kind != fixtures.KindState || !adj.adjective {
		return nil
	}
	if h+1 < len(toks) && toks[h+1].Kind == text.Word && toks[h+1].Sentence == toks[h].Sentence &&
		(participantGroups[r.fold(h+1)] || pluralTitles[r.fold(h+1)] || toks[h+1].Upper) {
		return nil
	}
	return adj
}

// pluralWord reports whether the French or Italian noun at k is plural ("douanes",
// "dogane" against "douane", "polizia").
func (r *run) pluralWord(k int) bool {
	f := r.fold(k)
	if r.d.Lang == "fr" {
		return strings.HasSuffix(f, "s") || strings.HasSuffix(f, "x")
	}
	return strings.HasSuffix(f, "i") || strings.HasSuffix(f, "e")
}

// pluralAdjective reports whether a state's adjective is written in the plural: in
// Italian a feminine "-e" is plural where the state also has the singular "-a"
// ("gibutiane", "gibutiana"), and singular otherwise ("francese").
func (r *run) pluralAdjective(adj *mention) bool {
	f := r.fold(adj.last - 1)
	if r.d.Lang == "fr" || strings.HasSuffix(f, "i") || !strings.HasSuffix(f, "e") {
		return r.pluralWord(adj.last - 1)
	}
	return r.adjectiveOf(strings.TrimSuffix(f, "e")+"a", adj.country)
}

// adjectiveOf reports whether the folded word f is one of the adjectives of the state
// with the given code.
func (r *run) adjectiveOf(f, code string) bool {
	if s := r.x.gaz.State(code); s != nil {
		for _, a := range s.Adjectives[r.d.Lang] {
			if text.Fold([]rune(a)) == f {
				return true
			}
		}
	}
	return false
}

// nameLanguage returns the Romance language a body's name is written in when it is not
// the document's, by its prepositions ("Direction des Vérifications nationales" in an
// Italian text is French), or "".
func (r *run) nameLanguage(m *mention) string {
	if r.d.Lang == "en" {
		return ""
	}
	other := ""
	for k := m.first; k < m.last; k++ {
		f := r.fold(k)
		if ofPrepositionsOf[r.d.Lang][f] {
			return ""
		}
		for lang, preps := range ofPrepositionsOf {
			if lang != "en" && lang != r.d.Lang && preps[f] {
				other = lang
			}
		}
	}
	return other
}

// stateOfLanguage returns the state the document names most, by itself or by its places,
// among those where lang is an official language, or "".
func (r *run) stateOfLanguage(lang string) string {
	if lang == "" {
		return ""
	}
	return r.namedAmong(speakingStates[lang])
}

// namedAmong returns the state of a set the document names most, by itself or by its
// places, or "".
func (r *run) namedAmong(states map[string]bool) string {
	score := map[string]int{}
	for _, m := range r.ments {
		if (m.kind == fixtures.KindState || m.kind == "place") && states[m.country] {
			score[m.country]++
		}
	}
	return ranked(score, "", "")
}

// stateOfNameWords returns, for a body whose name has a word only some states use
// ("federale", "cantonale") and whose state is not one of them, the one of them the
// document names most; "" when the name has no such word or the text names none of them.
func (r *run) stateOfNameWords(m *mention) string {
	for k := m.first; k < m.last; k++ {
		states := stateWords[r.fold(k)]
		if len(states) == 0 || states[m.country] {
			continue
		}
		return r.namedAmong(states)
	}
	return ""
}

// counterpartOf reports whether the sentence of m, a body that does not say its state,
// gives its head a counterpart of the home state ("son homologue français", "his Italian
// counterpart"): m is then of the other side.
func (r *run) counterpartOf(m *mention, home string) bool {
	toks := r.d.Tokens
	first, last := r.sentenceTokens(toks[m.first].Sentence)
	for k := max(first, m.last); k < last; k++ {
		if !counterpartWords[r.fold(k)] {
			continue
		}
		for j := max(first, k-2); j < min(last, k+3); j++ {
			if s := r.mentionAt(j); s != nil && s.kind == fixtures.KindState && s.adjective && s.country == home {
				return true
			}
		}
	}
	return false
}

// languageState is the state of a body that does not say whose it is, by the language
// it is written in ("il ministro della Giustizia" in an Italian release), except for a
// generic national body ("la polizia nazionale"), a name the language's own state does
// not give its bodies: that one is of the state the document is about.
func (r *run) languageState(m *mention) string {
	c := languageStates[r.d.Lang]
	if c != "" && r.home != "" && r.home != c && m.slug != "" && r.genericAgency(m) && r.nationalName(m.first, m.last) {
		return r.home
	}
	return c
}

// nationalName reports whether a word of [first, last) says the body is a state's own.
func (r *run) nationalName(first, last int) bool {
	return r.anyWordIn(first, last, nationalWords)
}

// maxNameTokens bounds a body's name: no real name is longer, and text without
// punctuation must not make recognition quadratic.
const maxNameTokens = 24

// agencyExtent returns the tokens [first, last) of the body whose head is at h.
func (r *run) agencyExtent(h int) (int, int) {
	toks := r.d.Tokens
	sent := toks[h].Sentence
	first := h
	if m := r.mentionAt(h); m != nil {
		first = m.first // "National Police Service": the gazetteer's "National Police" and more
	}
	for {
		for first > 0 && toks[first-1].Sentence == sent && toks[first-1].Upper && toks[first-1].Kind == text.Word &&
			r.at[first-1] == 0 && !notPersonWords[r.fold(first-1)] && !connectors[r.fold(first-1)] &&
			(!titleWords[r.fold(first-1)] || first == h && titleModifiers[r.fold(first-1)] && agencyHeads[r.fold(h)]) {
			first-- // "General Department for ...": a title's modifier right before the head opens the name
		}
		if p := r.mentionAt(first - 1); p != nil && p.last == first && p.kind == fixtures.KindAgency && p.slug != "" &&
			r.genericAgency(p) && toks[p.first].Upper && toks[p.first].Sentence == sent && (organisationHeads[r.fold(h)] || r.d.Lang == "en" && agencyHeads[r.fold(h)]) {
			// "Customs Cooperation Fund", "la Navy League", "the National Police Technical
			// Training College": a generic service's word opens the name
			first = p.first
			continue
		}
		if !r.coordinatedModifier(first, h) {
			break
		}
		first -= 2 // "Training and Capacity Unit"
	}
	if r.d.Lang == "en" && first == h {
		first = r.titleOwning(first)
	}
	if p := r.mentionAt(first - 1); toks[h].Upper && p != nil && p.kind == "place" && p.last == first && toks[p.first].Sentence == sent {
		first = p.first // "the New York Police Department": the town names the force
	}
	last, j := h+1, h+1
	listed := false // the head is in a name the gazetteer lists
	if m := r.mentionAt(h); m != nil {
		last, j = m.last, m.last
		listed = m.slug != ""
	}
	romance := r.d.Lang != "en"
	headEnd := last
	for j < len(toks) && toks[j].Sentence == sent && j-h < maxNameTokens {
		f := r.fold(j)
		if m := r.mentionAt(j); m != nil {
			if m.kind == fixtures.KindAgency && m.slug != "" && !strongHeads[f] || romance && (r.adjectiveInName(m) || j == headEnd && toks[h].Upper && ministryNouns[r.fold(h)] == "" && r.adjectiveBeforeField(m)) {
				last, j = m.last, m.last
				continue
			}
			if romance && m.kind == "place" && m.first == j && j == last+1 && seatPrepositions[r.fold(j-1)] && r.at[h] == 0 {
				last = m.last // "Questura di Milano": the town is the seat, part of the name
			}
			break
		}
		t := toks[j]
		if r.abbreviationStop(j) {
			j++ // "Dip. P.S.": the full stop of an abbreviation is inside the name
			continue
		}
		if !romance && (j == headEnd || agencyHeads[r.fold(j-1)]) && !r.englishNameGoesOn(j) {
			break // "the Customs Office Anna Petrova": English names end at their head
		}
		_, gl := r.x.gaz.Glossary[f]
		if t.Kind != text.Word || notNameWords[f] && !r.capitalPair(j) || titleWords[f] && !t.Upper && !gl && !pluralTitles[f] {
			break
		}
		if pluralTitles[f] && !t.Upper {
			j++ // "Comité des chefs de police": a body of office holders
			continue
		}
		if romance && articles[f] && !ofWords[f] && !t.Upper && r.at[j] == 0 && r.d.Tokens[j-1].Kind == text.Word && r.d.Tokens[j-1].Upper {
			break // "la Guardia Civil il Corpo ha stipulato": an article opens the next phrase
		}
		if (connectors[f] || nameConnectors[f]) && r.at[j] == 0 {
			k, and := j, false
			for k < len(toks) && (connectors[r.fold(k)] || nameConnectors[r.fold(k)]) && r.at[k] == 0 {
				// "et la Garde nationale" starts another body; "e della Polizia" goes on.
				if conjunctions[r.fold(k)] && k+1 < len(toks) && !ofPrepositions[r.fold(k+1)] {
					and = true
				}
				k++
			}
			if nameConnectors[f] && k < len(toks) && (projectHeads[r.fold(k)] || projectPlurals[r.fold(k)] || meetingHeads[r.fold(k)] != "") {
				break // "assicurato dalla Guardia di Finanza al Progetto": what the body gives to
			}
			// "Ministry of the Interior and Administration": in English, a last capitalised head
			// after "and" and a word that is none goes on with the name
			lastHead := !romance && and && k == j+1 && toks[j-1].Upper && !agencyHeads[r.fold(j-1)] && agencyHeads[r.fold(k)] &&
				(k+1 >= len(toks) || !toks[k+1].Upper || toks[k+1].Kind != text.Word)
			if k < len(toks) && !lastHead && (strongHeads[r.fold(k)] || and && agencyHeads[r.fold(k)] && !r.anyWordIn(h+1, j, purposePrepositions) || r.joinsNamedAgency(j, k)) {
				// "du ministère": the parent; "et la Garde nationale": another body; after "per",
				// "per l'Immigrazione e la Polizia delle Frontiere" is what one body is for
				break
			}
			if conjunctions[f] && k < len(toks) && r.fold(k) == r.fold(h) && toks[k].Upper {
				break // "l'Université de Sherbrooke et de l'Université Laval": the head again, a second body
			}
			if conjunctions[f] && k < len(toks) && agencyHeads[r.fold(k)] && !r.anyWordIn(h+1, j, ofWords) && !r.anyWordIn(h+1, j, purposePrepositions) {
				break // "la Police nationale et de la Gendarmerie nationale", "della Polizia e della Gendarmeria": two forces
			}
			if romance && and && k < len(toks) && r.nameAfterConjunction(k) && !eponymousHeads[r.fold(h)] && !r.englishNameAfterAnd(k) {
				// "il Ministero dell'Interno e Marco Rossi"; not "Fondazione Giovanni e Francesca
				// Falcone", nor an English name in a Romance text ("Institute for ... and Human Rights")
				break
			}
			if !romance && and && k < len(toks) && toks[k].Upper && r.fold(k-1) == "the" {
				break // "the Tax Police and the Border Guard": two bodies
			}
			if !romance && conjunctions[f] && j+1 < len(toks) && ofPrepositions[r.fold(j+1)] {
				break // "of the Ministry of Justice and of the Prosecution Office": two bodies
			}
			if !romance && and && agencyHeads[r.fold(j-1)] && r.headedNameAt(k) {
				break // "the Supreme Court and State Customs Service": two bodies
			}
			j = k
			continue
		}
		if months[f] > 0 {
			break // "the Committee of Senior Officials in December"
		}
		if t.Upper && r.nameAfterHead(j) && !(eponymousHeads[r.fold(h)] && j-headEnd < 3) {
			break // "UN Drugs and Crime Office Yuriy Fedotov": a person's name after the body
		}
		if t.Upper && listed && j == headEnd && !gl && !agencyHeads[f] && !organisationHeads[f] && !t.AllCaps {
			break // "la Guardia di Finanza Vito Giordano", "la Polizia Pansa": a name after a listed body
		}
		if t.Upper && j == headEnd && !eponymousHeads[r.fold(h)] && r.surnameElsewhere(j) {
			break // "il capo della Polizia Pansa firma", with "Alessandro Pansa" further on: a surname
		}
		if t.Upper || (romance && gl && !locatives[r.d.Lang][r.fold(j-1)]) {
			last = j + 1
			j++
			continue
		}
		if n := r.hyphenCompound(j); romance && n > 0 {
			last = j + n // "Bureau ... sud-africaine": a hyphenated adjective
			j += n
			continue
		}
		break
	}
	// "Cellule nationale de traitement des informations financières (CENTIF)": a name
	// that ends in a bracketed acronym runs up to the bracket.
	for k := last; k < len(toks) && k < h+14 && toks[k].Sentence == sent; k++ {
		if o := r.mentionAt(k); o != nil && (o.kind == fixtures.KindOrganization || o.kind == fixtures.KindUNBody) && o.first == k && r.ofBefore(k) {
			k = o.last - 1 // "... de l'UEMOA (RECEN-UEMOA)": the organisation the body belongs to
			continue
		}
		if r.at[k] != 0 {
			break
		}
		if r.fold(k) == "(" {
			if r.bracketedAcronym(k) > 0 {
				last = k
			}
			break
		}
		if toks[k].Kind != text.Word {
			break
		}
	}
	return first, last
}

// titleOwning returns where the title that owns the head at h starts, written right before
// it with a possessive ("the General Prosecutor's Office", "the Attorney General's
// Office"), or h when there is none.
func (r *run) titleOwning(h int) int {
	toks := r.d.Tokens
	s := h - 1
	if s < 2 || r.fold(s) != "s" || toks[s].Start == 0 || r.d.Fold[toks[s].Start-1] != '\'' || toks[s-1].End != toks[s].Start-1 {
		return h
	}
	k := s - 1
	if !toks[k].Upper || toks[k].Kind != text.Word || toks[k].Sentence != toks[h].Sentence || !titleWords[r.fold(k)] && !titleModifiers[r.fold(k)] {
		return h
	}
	if m := r.mentionAt(k); m != nil {
		if m.kind != fixtures.KindAgency || m.slug != "" && !r.genericAgency(m) {
			return h
		}
		return m.first // "General Prosecutor" read as a body from its title
	}
	for k > 0 && toks[k-1].Upper && toks[k-1].Kind == text.Word && r.at[k-1] == 0 && toks[k-1].Sentence == toks[h].Sentence &&
		(titleWords[r.fold(k-1)] || titleModifiers[r.fold(k-1)]) {
		k--
	}
	return k
}

// capitalPair reports whether the capitalised word at j is followed by another that no
// mention holds: "delle Attività Internazionali" goes on with a name.
func (r *run) capitalPair(j int) bool {
	toks := r.d.Tokens
	return toks[j].Upper && j+1 < len(toks) && toks[j+1].Upper && toks[j+1].Kind == text.Word && r.at[j+1] == 0 &&
		toks[j+1].Sentence == toks[j].Sentence
}

// englishNameAfterAnd reports whether the capitalised words at k, after an English "and",
// go on with an English name ("... and Human Rights"), not with a document's ("Partnership
// and Trade Agreement") or a person's.
func (r *run) englishNameAfterAnd(k int) bool {
	if k == 0 || r.fold(k-1) != "and" {
		return false
	}
	for j := k; j < len(r.d.Tokens) && r.d.Tokens[j].Upper && r.d.Tokens[j].Kind == text.Word; j++ {
		if r.agreementHeadAt(j) || r.roadmapHeadAt(j) {
			return false
		}
	}
	return true
}

// fieldOffice reads a body named after an organisation and followed by its seat as an
// office of the organisation where it sits: "the OSCE Centre in Astana", "INTERPOL
// Regional Bureau Harare". [first, last) is the body's name after the organisation.
func (r *run) fieldOffice(first, last int) *mention {
	org := r.mentionAt(first - 1)
	if org == nil || org.kind != fixtures.KindOrganization && org.kind != fixtures.KindUNBody || org.last != first || org.id == "" {
		return nil
	}
	if m := r.mentionAt(first); m != nil && m.first == first && m.kind != fixtures.KindAgency {
		return nil
	}
	if r.anyWordIn(first, last, organisationHeads) {
		return nil // "the Europol Management Board in The Hague": an organ, meeting there
	}
	owner := *org // the organisation's mention is taken over; the office keeps what it names
	if r.anyWordIn(first, last, purposePrepositions) {
		// "the UNODC Regional Office for Central Asia": the region names the office, and a
		// town after it is where something happens
		return &mention{first: org.first, last: last, kind: fixtures.KindOrganization, name: r.textOf(org.first, last), owner: &owner}
	}
	seat := r.officeSeat(last)
	if seat == nil {
		return nil
	}
	for k := seat.first; k < seat.last; k++ {
		r.at[k] = 0
	}
	seat.kind = ""
	return &mention{first: org.first, last: seat.last, kind: fixtures.KindOrganization, name: r.textOf(org.first, seat.last), owner: &owner}
}

// officeSeat returns the town or state an organisation's office sits in, written right
// after its name, with or without a locative ("Centre in Astana", "Regional Bureau
// Harare"), or nil.
func (r *run) officeSeat(k int) *mention {
	if k < len(r.d.Tokens) && locatives[r.d.Lang][r.fold(k)] {
		k++
	}
	s := r.mentionAt(k)
	if s == nil || s.first != k || s.kind != "place" && s.kind != fixtures.KindState || s.adjective {
		return nil
	}
	return s
}

// ofBefore reports whether "of" ("de", "di", with or without its article) is written
// right before token k.
func (r *run) ofBefore(k int) bool {
	if k > 0 && ofWords[r.fold(k-1)] {
		return true
	}
	return k > 1 && articles[r.fold(k-1)] && ofWords[r.fold(k-2)]
}

// bracketedAcronym returns the closing bracket of an acronym in brackets opening at k,
// hyphenated or not ("(CENTIF)", "(RECEN-UEMOA)"), or 0.
func (r *run) bracketedAcronym(k int) int {
	toks := r.d.Tokens
	for j := k + 1; j < len(toks) && j-k <= 4; j++ {
		switch {
		case r.fold(j) == ")":
			if j > k+1 {
				return j
			}
			return 0
		case toks[j].Kind == text.Word && toks[j].AllCaps && (r.at[j] == 0 || j > k+1), r.fold(j) == "-" && j > k+1:
			// a known acronym alone is the body's own ("(FIIAPP)"); after a hyphen, its
			// organisation's ("(RECEN-UEMOA)")
		default:
			return 0
		}
	}
	return 0
}

// listCountries gives a body listed without a state the state of the body listed just
// before it, when the text says that one's state: "Turkmenistan's Ministry of Internal
// Affairs, Supreme Court and State Customs Service" are all Turkmen.
func (r *run) listCountries(agencies []*mention) {
	inherited := map[*mention]bool{} // took its state from the list, which the text gave its first
	listed := slices.Clone(agencies)
	slices.SortFunc(listed, func(a, b *mention) int { return a.first - b.first })
	for k := 1; k < len(listed); k++ {
		m, prev := listed[k], listed[k-1]
		if m.country != "" || prev.country == "" || prev.kind != fixtures.KindAgency || !inherited[prev] && r.countrySpec(prev) != prev.country {
			continue
		}
		j := m.first - 1
		if j > 0 && articles[r.fold(j)] {
			j--
		}
		if (r.fold(j) == "," || conjunctions[r.fold(j)]) && r.nameRunsOn(prev.last, j) {
			m.country, inherited[m] = prev.country, true
		}
	}
}

// maxNameTail bounds the words of a name read past the end of its mention ("State
// Service to Protect the Security of a Health Society").
const maxNameTail = 8

// nameRunsOn reports whether the tokens [k, end) are words that no mention holds, at most
// maxNameTail: the rest of a name the recognisers cut short.
func (r *run) nameRunsOn(k, end int) bool {
	if end-k > maxNameTail {
		return false
	}
	for ; k < end; k++ {
		if r.d.Tokens[k].Kind != text.Word || r.at[k] != 0 {
			return false
		}
	}
	return true
}

// headedNameAt reports whether capitalised words from k end in the head of an English
// body's name: "State Customs Service", "Border Guard".
func (r *run) headedNameAt(k int) bool {
	toks := r.d.Tokens
	j := k
	for j < len(toks) && j-k < 5 && toks[j].Upper && toks[j].Kind == text.Word && toks[j].Sentence == toks[k].Sentence {
		j++
	}
	return j > k && agencyHeads[r.fold(j-1)] && (j == len(toks) || !ofPrepositions[r.fold(j)])
}

// ofCapital reports whether a lower-case head is followed by di/of/de and a capitalised
// word, as in "ministero dell'Interno" or "dipartimento della Pubblica Sicurezza".
func (r *run) ofCapital(h int) bool {
	k := h + 1
	for k < len(r.d.Tokens) && ofConnectors[r.fold(k)] && k-h <= 3 {
		k++
	}
	return k > h+1 && k < len(r.d.Tokens) && r.d.Tokens[k].Upper
}

// supranational tells a body of a regional organisation ("Forza di Gendarmeria Europea")
// from a national one.
func (r *run) supranational(first, last int) bool {
	for i := first; i < last; i++ {
		if supranationalWords[r.fold(i)] {
			return true
		}
	}
	return false
}

func (r *run) hasCapital(first, last int) bool {
	for i := first; i < last; i++ {
		if r.d.Tokens[i].Upper && !connectors[r.fold(i)] {
			return true
		}
	}
	return false
}

// agencyCoreference finds lower-case repeats of recognised agency names
// ("directrice du service des relations internationales").
func (r *run) agencyCoreference() {
	type known struct {
		words []string
		m     *mention
	}
	byFirst := map[string][]known{}
	for _, m := range r.ments {
		if m.kind == fixtures.KindAgency && m.slug == "" && m.last-m.first >= 2 && m.acronym == "" {
			var words []string
			for i := m.first; i < m.last; i++ {
				words = append(words, r.fold(i))
			}
			byFirst[words[0]] = append(byFirst[words[0]], known{words, m})
		}
	}
	acronyms := map[string]*mention{}
	for _, m := range r.ments {
		if (m.kind == fixtures.KindAgency || m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody) && m.acronym != "" {
			acronyms[m.acronym] = m // "Comité des chefs de police de l'Afrique australe (CCPAS)"
		}
	}
	for i := range r.d.Tokens {
		if r.at[i] != 0 {
			continue
		}
		if a := acronyms[r.d.TokenText(r.d.Tokens[i])]; a != nil {
			r.add(&mention{first: i, last: i + 1, kind: a.kind, id: a.id, slug: a.slug, country: a.country, name: a.name, acronym: a.acronym, alias: i > 0 && r.fold(i-1) == "("})
			continue
		}
		for _, k := range byFirst[r.fold(i)] {
			if hasPrefixTokens(r.d, i, k.words) {
				r.add(&mention{first: i, last: i + len(k.words), kind: fixtures.KindAgency, name: k.m.name, acronym: k.m.acronym})
				break
			}
		}
	}
}

// delegationState returns the state of the delegation whose subheading heads the list the
// agency is named in ("Délégation mauritanienne", "Moldovan delegation", "per la parte
// albanese"), "" when no such subheading is above it.
func (r *run) delegationState(m *mention) string {
	s := r.d.Tokens[m.first].Sentence
	if !r.listLine(s) {
		return "" // prose below the list
	}
	for p := s - 1; p >= 0 && s-p <= maxListLines; p-- {
		first, last := r.sentenceTokens(p)
		if r.listLine(p) {
			continue // a line of the list
		}
		if last-first > maxSubheading || !r.delegationSubheading(first, last) {
			return ""
		}
		for k := first; k < last; k++ {
			if st := r.mentionAt(k); st != nil && st.kind == fixtures.KindState && !r.d.Tokens[k].AllCaps {
				return st.country
			}
			if r.d.Tokens[k].Kind == text.Number {
				return "" // "Partie 2 : Niger": a section, not a delegation
			}
		}
		return "" // "Observers"
	}
	return ""
}

// listLine reports whether sentence s is a line of a list of persons: a bullet or a
// person's name opens it.
func (r *run) listLine(s int) bool {
	first, last := r.sentenceTokens(s)
	if first >= last {
		return false
	}
	if bullets[r.fold(first)] {
		return true
	}
	ps := r.personsIn(first, last)
	return len(ps) > 0 && ps[0].first-first <= maxTitleBeforeListed
}

// resolveAgencies gives every agency its parent, its state and its id, and links it to
// its parent or its state.
func (r *run) resolveAgencies() {
	for _, m := range r.ments {
		if m.ref != nil {
			continue // an anaphor takes what its body is given, below
		}
		if m.kind == fixtures.KindOrganization && m.id == "" && m.acronym == "" && m.owner == nil {
			if org := r.organisationUnit(m); org != nil {
				// "le Bureau régional de l'ONUDC a organisé": an office acts for its
				// organisation, which stays an actor of the sentence.
				org.chained = false
				continue
			}
		}
		if m.kind == fixtures.KindOrganization && m.id == "" {
			key := m.acronym
			if key == "" {
				key = strings.Join(text.FoldTokensWords(m.name), "-")
			}
			m.id = "org:" + strings.ToLower(key)
		}
		if m.kind == fixtures.KindOrganization && m.owner != nil && m.owner.id != "" && m.owner.kind != "" {
			r.g.edge(fixtures.EdgePartOf, m.id, m.owner.id, r.span(m), "")
		}
	}
	agencies := []*mention{}
	home, away := r.agencyHome(), "" // away once needed: the states named do not change here
	for idx, m := range r.ments {
		if m.kind != fixtures.KindAgency || m.ref != nil {
			continue
		}
		if r.organisationUnit(m) != nil {
			continue
		}
		agencies = append(agencies, m)
		r.findParent(idx, m)
		if m.parent < 0 {
			r.tutelage(m)
		}
		if r.sharedName(m) && !r.namesState(m.country) && !r.nameCarriesState(m) {
			m.country = "" // "la Sûreté nationale" of a document about another state
		}
		if c := r.countrySpec(m); c != "" {
			m.country = c
		} else if c := r.stateOfNameWords(m); c != "" {
			m.country = c // "Dipartimento federale di giustizia e polizia" in a text about Switzerland
		} else if c := r.delegationState(m); c != "" && !r.nameCarriesState(m) && (m.country == "" || m.country == home) {
			m.country = c // "Délégation mauritanienne" over "- ..., Gendarmerie nationale"
		} else if (m.country == "" || m.country == home && m.slug != "" && !r.nameCarriesState(m)) && r.counterpartOf(m, home) {
			if away == "" {
				away = r.awayCountry()
			}
			m.country = away // "le ministre de l'Intérieur ... avec son homologue français"
		} else if m.country == "" && len(m.inner) > 0 {
			m.country = m.inner[0].country // "Comando Provinciale della Guardia di Finanza"
		}
	}
	// The same body named again without its state: "la Gendarmeria Nazionale francese ... la
	// Direzione Generale della Gendarmeria Nazionale".
	stated := r.statedCountries(agencies)
	for _, m := range agencies {
		if m.country == "" {
			m.country = stated[r.writtenName(m)]
		}
		if m.country == "" && len(m.inner) > 0 {
			m.country = stated[r.writtenName(&m.inner[0])]
		}
	}
	r.listCountries(agencies)
	// Parents first: a body without a state of its own takes its parent's.
	r.acronymCountries(agencies)
	for pass := 0; pass < 3; pass++ {
		for _, m := range agencies {
			if m.parent < 0 || r.ments[m.parent].country == "" {
				continue
			}
			if p := r.ments[m.parent]; m.country == "" || p.stated && m.country != p.country && !r.nameCarriesState(m) && r.countrySpec(m) == "" {
				m.country = p.country // "la DCI du ministère français de l'Intérieur": the ministry's state, whatever the list says
			}
		}
	}
	r.acronymCountries(agencies) // the acronym of a body that took its parent's state
	for _, m := range agencies {
		if m.country == "" {
			m.country = r.stateOfLanguage(r.nameLanguage(m)) // "la Direction nationale du renseignement ..." in an Italian text
		}
	}
	r.acronymCountries(agencies) // and its acronym in brackets, "(DNRED)"
	for _, m := range agencies {
		if m.country == "" && home == languageStates[r.d.Lang] {
			m.country = r.languageState(m)
		}
		if m.country == "" {
			m.country = home
		}
		if m.country == "" {
			m.kind = "" // a body of no known state: left out
			continue
		}
		if m.force != "" && m.slug == "" || m.slug != "" && r.genericAgency(m) {
			r.listedForce(m) // "la Guardia Costiera americana" is the "Guardia costiera statunitense"
		}
		m.id = "agency:" + strings.ToLower(m.country) + ":" + r.agencySlug(m)
		if m.seat = r.embassySeat(m); m.seat != nil {
			m.id += "-" + slug(m.seat.name) // a state's embassies in Panama and in Peru are two
		}
	}
	r.genericsOfNamedBodies(agencies)
	r.forcesOfNamedBodies(agencies)
	r.sameNamedBodies(agencies)
	r.seatlessEmbassies(agencies)
	for _, m := range agencies {
		if m.kind != "" {
			r.adjectiveAlias(m)
		}
	}
	for _, m := range r.ments {
		if m.ref != nil {
			m.kind, m.id, m.name, m.country = m.ref.kind, m.ref.id, m.ref.name, m.ref.country
		}
	}
	r.present = map[string]bool{}
	for _, m := range agencies {
		if m.kind != "" {
			r.present[m.id] = true
		}
	}
	hasParent := map[string]bool{}
	for _, m := range agencies {
		if m.kind != "" && (m.parent >= 0 || len(m.inner) > 0 || r.gazetteerParent(m) != "") {
			hasParent[m.id] = true
		}
	}
	for _, m := range agencies {
		if m.kind == "" {
			continue
		}
		s := r.span(m)
		switch {
		case m.parent >= 0 && r.ments[m.parent].kind == fixtures.KindAgency:
			r.g.edge(fixtures.EdgePartOf, m.id, r.ments[m.parent].id, s, "")
		case len(m.inner) > 0:
			r.innerParents(m)
		case r.gazetteerParent(m) != "":
			r.g.edge(fixtures.EdgePartOf, m.id, r.gazetteerParent(m), text.Span{}, "")
		case hasParent[m.id]:
		default:
			st := r.x.gaz.State(m.country)
			if st != nil {
				if r.stateFromReference(m) {
					s = text.Span{} // the gazetteer's fact, not the text's
				} else if !r.stateWritten(m) {
					continue // a guess from the rest of the document: the agency's country says it, no span does
				}
				r.g.node("state:"+strings.ToLower(m.country), fixtures.KindState, st.Name).Country = strp(m.country)
				r.g.edge(fixtures.EdgePartOf, m.id, "state:"+strings.ToLower(m.country), s, "")
			}
		}
	}
}

// listedForce gives a force named by its head and its state's adjective the identity of
// the agency the gazetteer lists under that name, written with this adjective or another
// of that state: "la Guardia Costiera americana" is the "Guardia costiera statunitense".
func (r *run) listedForce(m *mention) {
	st := r.x.gaz.State(m.country)
	if st == nil {
		return
	}
	adjectives := st.Adjectives[r.d.Lang]
	var written []string
	at := -1 // the adjective among the words
	for k := m.first; k < m.last; k++ {
		if r.d.Tokens[k].Kind != text.Word {
			continue
		}
		if slices.ContainsFunc(adjectives, func(a string) bool { return strings.EqualFold(a, r.d.TokenText(r.d.Tokens[k])) }) {
			at = len(written)
		}
		written = append(written, r.fold(k))
	}
	if a := r.mentionAt(m.last); at < 0 && a != nil && a.first == m.last && a.kind == fixtures.KindState && a.adjective && a.country == m.country {
		at, written = len(written), append(written, r.fold(m.last)) // "Guardia Costiera" and its "americana"
	}
	if at < 0 {
		return
	}
	for _, a := range adjectives {
		name := slices.Clone(written)
		name[at] = text.Fold([]rune(a))
		if n, t, ok := r.x.ix.longest(wordsView(name), 0, r.d.Lang); ok && n == len(name) && t.kind == tAgency {
			if listed := r.x.gaz.Agencies[t.idx]; listed.Country == m.country {
				m.slug, m.name = listed.Slug, listed.Name
				return
			}
		}
	}
	if listed := r.onlyForceOf(m.country, m.force); listed != nil {
		m.slug, m.name = listed.Slug, listed.Name // "la Police albanaise": the one Albanian police listed
	}
}

// onlyForceOf returns the one agency of the state whose names, in the document's language,
// hold the force's head word ("Police d'État albanaise", "Albanian State Police" for
// "police"); nil when the gazetteer lists none or several.
func (r *run) onlyForceOf(country, force string) *gazetteer.Agency {
	if force == "" {
		return nil
	}
	var found *gazetteer.Agency
	for _, a := range r.x.nameWords[nameWordKey(country, r.d.Lang, force)] {
		if found != nil && found.Slug != a.Slug {
			return nil
		}
		found = a
	}
	return found
}

// stateWritten reports whether the text names the state of an agency with it: next to it,
// in its name or in a specification of its country.
func (r *run) stateWritten(m *mention) bool {
	written := func(a *mention) bool {
		_, _, next := r.writtenWithState(a)
		return next || r.nameCarriesState(a)
	}
	if written(m) || r.countrySpec(m) != "" {
		return true
	}
	// "la Police nationale et la Garde nationale du Niger": the state after the last of two
	// coordinated bodies is the first's too
	k := m.last
	if k >= len(r.d.Tokens) || !conjunctions[r.fold(k)] {
		return false
	}
	for k++; k < len(r.d.Tokens) && k-m.last <= 3 && r.at[k] == 0 && (articles[r.fold(k)] || ofWords[r.fold(k)]); k++ {
	}
	next := r.mentionAt(k)
	if next == nil || next == m || next.first != k || next.kind != fixtures.KindAgency || next.country != m.country {
		return false
	}
	return written(next)
}

// stateFromReference reports whether an agency's state is known from the gazetteer alone,
// which lists the agency as that state's: "la Polizia di Stato" names the body, not Italy.
func (r *run) stateFromReference(m *mention) bool {
	if _, _, written := r.writtenWithState(m); written || r.nameCarriesState(m) || r.countrySpec(m) != "" {
		return false
	}
	for _, a := range r.x.agencies[m.slug] {
		if a.Country == m.country {
			return true
		}
	}
	return false
}

// embassySeat is the state or town an embassy is in, written after it ("the Embassy of
// the Netherlands in Panama"), or nil.
func (r *run) embassySeat(m *mention) *mention {
	if m.slug != "embassy" {
		return nil
	}
	k := m.last
	if _, last, ok := r.writtenWithState(m); ok && last > k {
		k = last
	}
	if k+1 >= len(r.d.Tokens) || !locatives[r.d.Lang][r.fold(k)] {
		return nil
	}
	s := r.mentionAt(k + 1)
	if s == nil || s.first != k+1 || s.kind != fixtures.KindState && s.kind != "place" || s.adjective || s.country == m.country {
		return nil
	}
	return s
}

// seatlessEmbassies gives an embassy named without its seat ("l'Ambasciata") the id of
// the one embassy of its state the document places ("Ambasciata d'Italia a Beirut").
func (r *run) seatlessEmbassies(agencies []*mention) {
	seated := map[string]string{} // state -> the id of its one embassy with a seat, "" when several
	for _, m := range agencies {
		if m.kind == "" || m.seat == nil {
			continue
		}
		if id, ok := seated[m.country]; ok && id != m.id {
			seated[m.country] = ""
		} else {
			seated[m.country] = m.id
		}
	}
	for _, m := range agencies {
		if id := seated[m.country]; id != "" && m.kind != "" && m.slug == "embassy" && m.seat == nil {
			m.id = id
		}
	}
}

// genericsOfNamedBodies gives a state's generic body (a coast guard, a navy) the id of
// the body of that state the document names in full with the same last words: "the Coast
// Guard" beside "the U.S. Coast Guard" is the U.S. Coast Guard.
func (r *run) genericsOfNamedBodies(agencies []*mention) {
	folded := func(name string) string { return " " + strings.Join(text.FoldTokensWords(name), " ") }
	type named struct {
		m        *mention
		name, as string // folded, each with a space before
	}
	var full []named // the bodies named in full, read once
	for _, m := range agencies {
		if m.kind == "" || !r.genericAgency(m) {
			continue
		}
		if full == nil {
			for _, o := range agencies {
				if o.kind != "" && o.slug != "" && !r.genericAgency(o) {
					full = append(full, named{o, folded(o.name), folded(r.textOf(o.first, o.last))})
				}
			}
		}
		written := folded(r.textOf(m.first, m.last))
		for _, o := range full {
			if o.m.country == m.country && (strings.HasSuffix(o.name, written) || strings.HasSuffix(o.as, written)) {
				m.id = o.m.id
				break
			}
		}
	}
}

// sameNamedBodies gives the bodies written with the same name, of one state, the id of
// the one introduced with its acronym: a subtitle's "Istituto Superiore Internazionale
// di Scienze Criminali" is the "Istituto ... (ISISC)" of the text below.
func (r *run) sameNamedBodies(agencies []*mention) {
	byName := map[string]*mention{}
	for _, m := range agencies {
		if m.kind != "" && m.acronym != "" {
			byName[m.country+" "+text.Fold([]rune(r.textOf(m.first, m.last)))] = m
		}
	}
	if len(byName) == 0 {
		return
	}
	for _, m := range agencies {
		if o := byName[m.country+" "+text.Fold([]rune(r.textOf(m.first, m.last)))]; m.kind != "" && o != nil && o != m && m.acronym == "" {
			m.id = o.id
		}
	}
}

// forcesOfNamedBodies reads a force named by its state as the body of that state the
// document names in full with the same head word: "la polizia albanese" after "la Polizia
// di Stato albanese" is that body, and so is its "Direzione generale della Polizia", but
// not a "direzione centrale dell'immigrazione e della polizia delle frontiere".
func (r *run) forcesOfNamedBodies(agencies []*mention) {
	for _, m := range agencies {
		if m.kind == "" || m.force == "" {
			continue
		}
		head := m.force
		if gl, ok := r.x.gaz.Glossary[head]; ok {
			head = gl.English // "la polizia ecuadoriana" after the "Policía Nacional del Ecuador"
		}
		for _, o := range agencies {
			if o.kind != "" && o.force == "" && o.country == m.country &&
				(forceOfName(text.FoldTokensWords(o.name), m.force) || slugHead(o.id, head)) {
				m.id = o.id
				break
			}
		}
	}
}

// forceOfName reports whether a folded name is the force f's: f heads it ("Polizia di
// Stato") or heads its first complement ("Direzione generale della Polizia di Stato").
func forceOfName(name []string, f string) bool {
	if nameHeads(name)[f] {
		return true
	}
	k := 0
	for k < len(name) && !ofConnectors[name[k]] && !ofPrepositions[name[k]] {
		k++
	}
	for k < len(name) && (ofConnectors[name[k]] || ofPrepositions[name[k]] || articles[name[k]]) {
		k++
	}
	return k < len(name) && name[k] == f
}

// slugHead reports whether the word w begins or ends the slug of the id: "police" in
// "agency:ec:national-police", not in "agency:it:central-directorate-immigration-police-borders".
func slugHead(id, w string) bool {
	words := strings.Split(id[strings.LastIndexByte(id, ':')+1:], "-")
	return words[0] == w || words[len(words)-1] == w
}

// stateClosingItem returns the state named alone after a comma at j that closes an item
// of a list or a bracket: ", Samoa;", "(Judiciary Police, Portugal)".
func (r *run) stateClosingItem(j int) *mention {
	toks := r.d.Tokens
	if j+1 >= len(toks) || r.fold(j) != "," {
		return nil
	}
	s := r.mentionAt(j + 1)
	if s == nil || s.kind != fixtures.KindState || s.adjective || s.first != j+1 {
		return nil
	}
	if k := s.last; k < len(toks) && toks[k].Sentence == toks[j].Sentence && !strings.Contains(";.)(", r.fold(k)) {
		return nil
	}
	return s
}

// statedCountries gives, for each body's name as written, the one state the document gives
// it where it gives one ("" when it gives several), so that the same body named again in
// the same words without its state is still that state's.
func (r *run) statedCountries(agencies []*mention) map[string]string {
	out := map[string]string{}
	for _, m := range agencies {
		if m.country == "" {
			continue
		}
		k := r.writtenName(m)
		if c, ok := out[k]; ok && c != m.country {
			out[k] = ""
		} else if !ok {
			out[k] = m.country
		}
	}
	return out
}

// writtenName is a body's name as the text writes it, folded, without the state written
// in it: "Gendarmeria Nazionale francese" and "la Gendarmeria Nazionale" agree.
func (r *run) writtenName(m *mention) string {
	var b strings.Builder
	for k := m.first; k < m.last; k++ {
		if s := r.mentionAt(k); s != nil && s.kind == fixtures.KindState || r.d.Tokens[k].Kind != text.Word {
			continue
		}
		b.WriteString(r.fold(k))
		b.WriteByte(' ')
	}
	return b.String()
}

// organisationUnit turns "the Anti-Terrorism Centre of the CIS" into a unit of the
// organisation, part of it, instead of a national agency, and returns the organisation
// (nil when m is no unit of one).
func (r *run) organisationUnit(m *mention) *mention {
	if m.slug != "" {
		return nil
	}
	j := m.last
	for j < len(r.d.Tokens) && (ofConnectors[r.fold(j)] || unitPrepositions[r.fold(j)]) && j-m.last < 3 {
		j++
	}
	org := r.mentionAt(j)
	// "Bureau central national INTERPOL de Rabat": a Romance name may end in the body's
	adjoined := j == m.last && r.d.Lang != "en"
	if j == m.last && !adjoined || org == nil || org.first != j || (org.kind != fixtures.KindOrganization && org.kind != fixtures.KindUNBody) {
		if org = r.possessor(m); org == nil {
			return nil
		}
	}
	_, key, _ := strings.Cut(org.id, ":")
	m.kind, m.id = fixtures.KindOrganization, "org:"+key+"-"+r.agencySlug(m)
	if org.first == j {
		m.name = r.textOf(m.first, r.unitNameEnd(org.last)) // "Bureau régional de l'ONUDC pour l'Afrique de l'Est"
	}
	org.chained = true
	r.g.edge(fixtures.EdgePartOf, m.id, org.id, r.span(m), "")
	return org
}

// gazetteerParent is the id of the parent the gazetteer gives an agency, when the
// document also mentions that parent.
func (r *run) gazetteerParent(m *mention) string {
	for _, a := range r.x.agencies[m.slug] {
		if a.PartOf == "" || (a.Country != "" && a.Country != m.country) {
			continue
		}
		if id := "agency:" + strings.ToLower(m.country) + ":" + a.PartOf; r.present[id] {
			return id
		}
	}
	return ""
}

// findParent links "X of/del/du Y" when Y is an agency that starts right after.
func (r *run) findParent(idx int, m *mention) {
	start := m.last
	if start < len(r.d.Tokens) && r.fold(start) == "(" {
		if c := r.closingBracket(start, min(start+5, len(r.d.Tokens))); c > start+1 && r.capitalsOnly(start+1, c) {
			start = c + 1 // "Direction de la coopération internationale (DCI) du ministère": past its acronym
		}
	}
	j := start
	for j < len(r.d.Tokens) && ofConnectors[r.fold(j)] && j-start < 3 {
		j++
	}
	if j == start {
		return
	}
	if p := r.mentionAt(j); p != nil && p != m && p.kind == fixtures.KindAgency && p.first == j {
		m.parent = r.at[j] - 1
		p.chained = true
		_ = idx
	}
}

// stateOfItsHead reads "under the President of X", "under the Government of X" after
// an agency at j: the state X whose head the agency reports to.
func (r *run) stateOfItsHead(j int) *mention {
	toks := r.d.Tokens
	if j+3 >= len(toks) || r.fold(j) != "under" || r.fold(j+1) != "the" || !(titleWords[r.fold(j+2)] || governmentWords[r.fold(j+2)]) {
		return nil
	}
	for k := j + 3; k < len(toks) && k-j <= 7 && toks[k].Sentence == toks[j].Sentence; k++ {
		if m := r.mentionAt(k); m != nil {
			if m.kind == fixtures.KindState && !m.adjective {
				return m
			}
			return nil
		}
	}
	return nil
}

// maxTutelageGap bounds the words between a body (with its acronym) and the phrase that
// puts it under another: "(INHESJ), établissement placé sous la tutelle du".
const maxTutelageGap = 8

// tutelage reads the body another is placed under ("établissement placé sous la tutelle
// du ministère de l'Intérieur français", "under the authority of the Ministry of the
// Interior"): its parent, whose state it shares.
func (r *run) tutelage(m *mention) {
	toks := r.d.Tokens
	for j := m.last; j < len(toks) && j-m.last <= maxTutelageGap && toks[j].Sentence == toks[m.first].Sentence; j++ {
		if j > m.last && r.at[j] != 0 && r.fold(j-1) != "(" {
			return // another body first
		}
		for _, p := range tutelagePhrases {
			if !hasPrefixTokens(r.d, j, p) {
				continue
			}
			k := j + len(p)
			for k < len(toks) && (articles[r.fold(k)] || ofConnectors[r.fold(k)]) && k-(j+len(p)) < 3 {
				k++
			}
			if parent := r.mentionAt(k); parent != nil && parent != m && parent.kind == fixtures.KindAgency && parent.first == k {
				m.parent = parent.idx
				parent.chained = true
			}
			return
		}
	}
}

// countrySpec reads the state written with an agency: "degli Stati Uniti", "of
// Morocco", "du Mali" after it (past a bracketed acronym), an adjective right after it
// ("sénégalaise") or right before it ("the Moroccan Ministry"), as does a state's name
// right before a capitalised name ("the Kenya Police Service").
func (r *run) countrySpec(m *mention) string {
	j := m.last
	if j < len(r.d.Tokens) && r.fold(j) == "(" {
		for j < len(r.d.Tokens) && r.fold(j) != ")" && j-m.last < 4 {
			j++
		}
		j++
	}
	if s := r.mentionAt(j); s != nil && s.kind == fixtures.KindState && s.adjective && s.first == j {
		s.spec = true
		return s.country
	}
	if r.adjectiveOf(r.fold(m.last-1), m.country) {
		return "" // "la gendarmerie argentine et des experts brésiliens": the name says its state
	}
	if s := r.adjectiveAfterCoordination(j); s != nil {
		s.spec = true // "ministero dell'Interno e della Sicurezza cileno"
		return s.country
	}
	k := j
	for k < len(r.d.Tokens) && connectors[r.fold(k)] && !conjunctions[r.fold(k)] && k-j < 3 {
		k++ // "of the", not "and the": "the Immigration Service and the Seychelles Coast Guard"
	}
	if k > j && locatives[r.d.Lang][r.fold(j)] && embassyWords[r.fold(m.last-1)] {
		k = j // "the Japan Embassy in Kyrgyzstan": the state it is in hosts it
	}
	if k > j {
		// "of the Netherlands": the state's name may hold the article the loop skipped
		if s := r.mentionAt(k); s != nil && s.kind == fixtures.KindState && !s.adjective && s.first > j-1 && s.first <= k {
			s.spec = true
			return s.country
		}
	}
	if s := r.mentionAt(m.first - 1); s != nil && s.kind == fixtures.KindState && (s.adjective || r.d.Tokens[m.first].Upper) {
		s.spec = true // "the Moroccan Ministry", "the United States Coast Guard"
		return s.country
	}
	if s := r.stateOfItsHead(j); s != nil {
		s.spec = true // "the Drug Control Agency under the President of Republic of Tajikistan"
		return s.country
	}
	if s := r.stateClosingItem(j); s != nil {
		s.spec = true // "Ms X, Senior Prosecutor, Office of the Attorney General, Samoa;"
		return s.country
	}
	if s := r.sideOf(m.first); s != nil {
		s.spec = true // "per la Svizzera, equipaggi della Polizia del Canton Ticino": Swiss
		return s.country
	}
	p := m.first
	for p > 0 && p > m.first-3 && r.at[p-1] == 0 && (titleModifiers[r.fold(p-1)] || rankModifiers[r.fold(p-1)]) {
		p-- // "Lesotho's acting Minister of Police"
	}
	if p >= 2 && r.apostropheS(p-1) {
		// "Tunisia's Ministry of the Interior"
		if s := r.mentionAt(p - 2); s != nil && s.kind == fixtures.KindState && !s.adjective {
			s.spec = true
			return s.country
		}
	}
	return ""
}

// sideOf returns the state whose side a clause opens with, before token k in its
// sentence: "per la Svizzera," "for Kenya," "pour le Mali," up to a semicolon.
func (r *run) sideOf(k int) *mention {
	toks := r.d.Tokens
	for j := k - 1; j >= 2 && toks[j].Sentence == toks[k].Sentence && k-j <= 20; j-- {
		f := r.fold(j)
		if f == ";" || f == "." {
			return nil
		}
		if f != "," {
			continue
		}
		s := r.mentionAt(j - 1)
		if s == nil || s.kind != fixtures.KindState || s.adjective || s.last != j {
			continue
		}
		p := s.first - 1
		if p >= 0 && articles[r.fold(p)] {
			p--
		}
		if p >= 0 && purposePrepositions[r.fold(p)] && (p == 0 || toks[p-1].Sentence != toks[k].Sentence || r.fold(p-1) == ";" || r.fold(p-1) == ":") {
			return s
		}
	}
	return nil
}

// agencySlug is the gazetteer slug, else the bracketed acronym, else the name in English.
func (r *run) agencySlug(m *mention) string {
	if m.slug != "" {
		return m.slug
	}
	if m.acronym != "" {
		return strings.ToLower(m.acronym)
	}
	words := text.FoldTokensWords(m.name)
	if r.d.Lang == "en" {
		var out []string
		for _, w := range words {
			if !stopWords[w] && w != "s" {
				out = append(out, w)
			}
		}
		return strings.Join(out, "-")
	}
	var out []string
	for _, w := range words {
		if stopWords[w] {
			continue
		}
		gl, ok := r.x.gaz.Glossary[w]
		if !ok {
			out = append(out, w)
			continue
		}
		if gl.Adjective && len(out) > 0 {
			// Italian and French adjectives follow their noun; English puts them first.
			out = append(out[:len(out)-1], gl.English, out[len(out)-1])
			continue
		}
		out = append(out, gl.English)
	}
	return strings.Join(out, "-")
}

// agenciesOfOtherStates reads a listed agency's name written with another state's
// adjective as that state's body: in "the German Federal Foreign Office" the "Foreign
// Office" is not the British one the gazetteer knows by that name, but Germany's.
func (r *run) agenciesOfOtherStates() {
	for _, m := range r.ments {
		if m.kind != fixtures.KindAgency || m.slug == "" || m.country == "" {
			continue
		}
		k := m.first
		for k > 0 && m.first-k < 2 && r.at[k-1] == 0 && r.d.Tokens[k-1].Upper && r.d.Tokens[k-1].Kind == text.Word {
			k-- // "Federal"
		}
		adj := r.mentionAt(k - 1)
		if adj != nil && adj.kind == fixtures.KindState && adj.adjective && adj.last == k && adj.country != m.country {
			r.replace(&mention{first: k, last: m.last, kind: fixtures.KindAgency, name: r.textOf(k, m.last), country: adj.country})
			adj.spec = true
		}
	}
}

// nameCarriesState reports whether the words of an agency's mention name its state: the
// gazetteer's "Spanish National Police" says whose it is, the bare "National Police" does not.
func (r *run) nameCarriesState(m *mention) bool {
	st := r.x.gaz.State(m.country)
	if st == nil {
		return false
	}
	for k := m.first; k < m.last; k++ {
		f := r.fold(k)
		for _, forms := range st.Adjectives {
			for _, a := range forms {
				if text.Fold([]rune(a)) == f {
					return true
				}
			}
		}
	}
	return false
}
