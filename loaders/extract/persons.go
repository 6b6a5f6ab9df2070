package extract

import (
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// recognisePersons finds names of two to four capitalised words that a title announces
// ("le préfet Stefano GAMBACURTA", "Secretary General Jürgen Stock", "..., Carlo Lo
// Cascio") or follows ("Jalel Chelba, Executive Director of AFRIPOL"), or whose family
// name is in capitals. The title is kept, and the actor it names is the affiliation.
func (r *run) recognisePersons() {
	toks := r.d.Tokens
	var last *mention
	for i := 0; i < len(toks); i++ {
		if !r.nameToken(i) {
			continue
		}
		j := i + 1
		for j < len(toks) && j-i < 5 && toks[j].Sentence == toks[i].Sentence {
			if r.nameToken(j) {
				j++
			} else if nameParticles[r.fold(j)] && r.at[j] == 0 && j+1 < len(toks) && r.nameToken(j+1) {
				j += 2
			} else {
				break
			}
		}
		if j-i < 2 || j-i > 4 {
			i = j - 1
			continue
		}
		before, after := r.titleBefore(i), r.titleAfter(j)
		if before != nil && before[1] == i && !r.adjacentTitle(before[2], i) {
			before = nil // "Co-ordinator of Activities to Address Transnational Threats"
		}
		capsSurname := toks[j-1].AllCaps && !toks[i].AllCaps
		if before == nil && after == nil && !capsSurname {
			i = j - 1
			continue
		}
		if s := r.mentionAt(i); s != nil {
			s.kind = "" // the state name was a first name
			r.at[i] = 0
		}
		m := r.add(&mention{first: i, last: j, kind: fixtures.KindPerson, name: r.personName(i, j)})
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
		if after != nil && len(m.affiliation) == 0 {
			r.affiliate(m, after[0], after[1], after[2])
		}
		if a := r.bodyAfterName(j); a != nil && len(m.affiliation) == 0 {
			m.affiliation = append(m.affiliation, r.indexOf(a)) // "Colonel Marco Rinaldi of the Italian Carabinieri"
			a.inTitle = true
		}
		if len(m.affiliation) == 0 && m.title != "" && last != nil && toks[last.first].Sentence == toks[i].Sentence && i-last.last < 12 {
			// "dal vice segretario generale del MAECI, Carlo Lo Cascio, dal direttore centrale
			// sicurezza, Alessandro Azzoni": a title without a body continues the list's.
			m.affiliation = append(m.affiliation, last.affiliation...)
		}
		last = m
		i = j - 1
	}
}

// adjacentTitle reports whether only title words, connectors and bodies stand between
// a title word and the name at i ("Sottosegretario generale dell'ONU Vladimir Voronkov").
func (r *run) adjacentTitle(word, i int) bool {
	for k := word + 1; k < i; k++ {
		f := r.fold(k)
		_, agencyWord := r.x.gaz.Glossary[f]
		if !titleWords[f] && !connectors[f] && !agencyWord && r.at[k] == 0 && f != "." {
			return false
		}
	}
	return true
}

func (r *run) nameToken(i int) bool {
	t := r.d.Tokens[i]
	if t.Kind != text.Word || !t.Upper || t.End-t.Start < 2 {
		return false
	}
	if m := r.mentionAt(i); m != nil {
		// A one-word state name can be a first name ("Salvador Pinto da França").
		if m.kind != fixtures.KindState || m.adjective || m.last != i+1 || m.first != i ||
			i+1 >= len(r.d.Tokens) || r.mentionAt(i+1) != nil || !r.d.Tokens[i+1].Upper {
			return false
		}
	}
	f := r.fold(i)
	_, month := months[f]
	_, meeting := meetingHeads[f]
	_, agencyWord := r.x.gaz.Glossary[f]
	return !notPersonWords[f] && !titleWords[f] && !agencyHeads[f] && !connectors[f] && !month && !meeting &&
		!projectHeads[f] && !notPersonPlaces[f] && !agencyWord && !r.x.english[f]
}

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
		if t.AllCaps {
			w = titleCase(w)
		}
		b.WriteString(w)
	}
	return b.String()
}

// titleBefore returns the title segment before a name at i as [first, last, titleWord]:
// the words right before it ("le préfet"), or, after a comma, the clause before the comma.
func (r *run) titleBefore(i int) []int {
	toks := r.d.Tokens
	end := i
	comma := end > 0 && r.fold(end-1) == ","
	if comma {
		end--
	}
	for tries := 0; tries < 2; tries++ {
		start := end
		for start > 0 && toks[start-1].Sentence == toks[i].Sentence && !clauseBreak(r.fold(start-1)) && end-start < 25 {
			if m := r.mentionAt(start - 1); m != nil && m.kind == fixtures.KindPerson {
				break
			}
			if !comma && (end-start >= 6 || listBreak[r.fold(start-1)]) {
				break
			}
			start--
		}
		if t := r.titleIn(start, end); t != nil {
			return t
		}
		if !comma || start == 0 || r.fold(start-1) != "," {
			return nil
		}
		end = start - 1 // "la directrice du service ..., cadre supérieur ..., Eufemia ESPOSITO"
	}
	return nil
}

// listBreak words end a title read right before a name: "signed by X and by Y".
var listBreak = set("and e et by par da dal dalla from")

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
	return r.titleIn(start, end)
}

// bodyAfterName returns the body in "NAME of the (Italian) Carabinieri", "NAME de la CENTIF".
func (r *run) bodyAfterName(j int) *mention {
	k := j
	for k < len(r.d.Tokens) && ofConnectors[r.fold(k)] && k-j < 3 {
		k++
	}
	if k == j {
		return nil
	}
	m := r.mentionAt(k)
	if m != nil && m.kind == fixtures.KindState && m.adjective && m.first == k {
		m = r.mentionAt(m.last)
	}
	if m != nil && (m.kind == fixtures.KindAgency || m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody) {
		return m
	}
	return nil
}

// titleAfter returns the title segment after a name ending at j: ", Executive Director of X,".
func (r *run) titleAfter(j int) []int {
	toks := r.d.Tokens
	if j >= len(toks) || r.fold(j) != "," {
		return nil
	}
	end := j + 1
	for end < len(toks) && toks[end].Sentence == toks[j].Sentence && !clauseBreak(r.fold(end)) && end-j < 20 {
		end++
	}
	if j+1 >= len(toks) || conjunctions[r.fold(j+1)] {
		return nil // ", e il Direttore ...": the next person's title
	}
	t := r.titleIn(j+1, end)
	if t == nil || t[2]-(j+1) > 3 {
		return nil
	}
	return t
}

func clauseBreak(f string) bool {
	return f == "," || f == ";" || f == ":" || f == "(" || f == ")" || f == "."
}

// titleIn returns [start, end, first title word] when the segment holds a title word.
func (r *run) titleIn(start, end int) []int {
	for k := start; k < end; k++ {
		if titleWords[r.fold(k)] {
			return []int{start, end, k}
		}
	}
	return nil
}

// affiliate links a person to the actor named in the title segment [start, end) (the
// first after the title word, else the last before it), marks the actors of the segment
// as part of a title, and reads a minister's title as a ministry.
func (r *run) affiliate(p *mention, start, end, word int) {
	lastWord := word
	for lastWord+1 < end && titleWords[r.fold(lastWord+1)] {
		lastWord++
	}
	var after, before *mention
	for k := start; k < end; k++ {
		m := r.mentionAt(k)
		if m == nil || m.kind == "" || m.kind == "place" || m.kind == fixtures.KindPerson {
			continue
		}
		m.inTitle = true
		if m.kind == fixtures.KindProject || m.kind == fixtures.KindRoadmap || m.kind == fixtures.KindMeeting {
			continue
		}
		if m.kind == fixtures.KindState && k > 0 && locatives[r.fold(k-1)] {
			continue // "UNODC Representative in Pakistan": where, not whom for
		}
		if k >= word && after == nil && k <= lastWord+5 {
			after = m
		} else if k < word {
			before = m
		}
	}
	stateOnly := after == nil || after.kind == fixtures.KindState
	if min := r.ministry(word, end); min != nil && stateOnly {
		after = min
	}
	if after == nil {
		after = before
	}
	if p.title == "" {
		p.title = strings.TrimSpace(r.textOf(word, end))
	}
	if after != nil {
		p.affiliation = append(p.affiliation, r.indexOf(after))
	}
}

func (r *run) indexOf(m *mention) int { return m.idx }

// ministry reads "Ministro dell'Interno della Serbia" or "ministre espagnol de
// l'Intérieur" as the ministry it names, and adds it as an agency mention.
func (r *run) ministry(word, end int) *mention {
	min, ok := ministerWords[r.fold(word)]
	if !ok {
		return nil
	}
	words := wordsView{min}
	k := word + 1
	var adj *mention
	if m := r.mentionAt(k); m != nil && m.kind == fixtures.KindState && m.adjective {
		adj = m
		k = m.last
	}
	for j := k; j < end; j++ {
		words = append(words, r.fold(j))
	}
	n, t, ok := r.x.ix.longest(words, 0, r.d.Lang)
	if !ok || t.kind != tAgency {
		return nil
	}
	last := k + n - 1
	for i := k; i < last; i++ {
		if r.at[i] != 0 {
			return nil
		}
	}
	a := r.x.gaz.Agencies[t.idx]
	m := &mention{first: word, last: last, kind: fixtures.KindAgency, slug: a.Slug, name: a.Name, country: a.Country, inTitle: true}
	if adj != nil {
		// the adjective sits inside the span: take it over as the country
		m.country = adj.country
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
