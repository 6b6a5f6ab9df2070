package extract

import (
	"regexp"
	"slices"
	"unicode/utf8"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// actionCode is the number of an action in a plan: A68, B3.
var actionCode = regexp.MustCompile(`^[A-Z]{1,3}\d{1,4}$`)

// recogniseProjects finds named projects ("il progetto “ATLAS: ...”", "the ENACT
// project", a numbered action alone on the first line) and every later use of the name.
func (r *run) recogniseProjects() {
	toks := r.d.Tokens
	names := map[string]*mention{}
	for i := 0; i < len(toks); i++ {
		if !r.is(i, classProjectHead) && !(r.is(i, classActionHead) && toks[i].Upper && i > 0 && toks[i-1].AllCaps) {
			continue
		}
		if r.roadmapHeadAt(i) {
			continue // "the Programme of Action on Small Arms", "le Programme d'action du gouvernement": a plan
		}
		var m, code *mention
		closed := false            // the name ends on its acronym in brackets
		shouted := toks[i].AllCaps // "PROJECT FACT SHEET": in a line of capitals a code name is no sign
		if !shouted {
			code = r.codeEndingAt(i) // "the EL PAcCTO 2.0 programme"
		}
		switch {
		case i+1 < len(toks) && r.fold(i+1) == `"`:
			m = r.quotedProject(i+1, true)
		case i+2 < len(toks) && (r.fold(i+1) == "," || r.fold(i+1) == ":") && r.fold(i+2) == `"`:
			m = r.quotedProject(i+2, false) // a new project, "Coastal Borders ..."
		case i+2 < len(toks) && namingParticiples[r.fold(i+1)] && r.fold(i+2) == `"`:
			m = r.quotedProject(i+2, true) // "le projet intitulé « Appui au Plan d'action ... »"
		case i+1 < len(toks) && r.apostropheQuoted(i+1) > 0:
			m = r.quotedRun(i+1, r.apostropheQuoted(i+1))
		case !shouted && i+1 < len(toks) && r.codeName(i+1) && r.at[i+1] == 0 && toks[i+1].Sentence == toks[i].Sentence:
			m = r.codeMention(i + 1)
		case !shouted && i > 1 && r.fold(i-1) == "+" && r.codeName(i-2) && r.at[i-2] == 0 && toks[i-2].Sentence == toks[i].Sentence:
			m = r.codeMention(i - 2) // "the PortSafe+ project"
		case code != nil:
			m = code
		case !shouted && i > 0 && r.codeName(i-1) && r.at[i-1] == 0 && toks[i-1].Sentence == toks[i].Sentence:
			m = r.codeMention(i - 1)
		case toks[i].Upper && projectHeads[r.fold(i)]:
			if m = r.titledProject(i); m == nil {
				m = r.describedProject(i)
			}
		case !toks[i].Upper && projectHeads[r.fold(i)]:
			if m = r.nameBeforeAcronym(i); m != nil {
				closed = true // "le projet de Renforcement de l'Académie nationale de police (RANP)"
				r.forgetInside(m.first, m.last)
			} else if m = r.projectNameAfterNoun(i); m == nil && r.d.Lang == "en" {
				m = r.projectNameBeforeNoun(i) // "the Euromed Police II project"
			}
		}
		if m != nil {
			if p := names[m.name]; p != nil && p.name != m.name {
				m.name = p.name // "Le projet RANP" after "(RANP)": the project named in full before
			}
			m.kind, m.id = fixtures.KindProject, "project:"+slug(m.name)
			if r.add(m) != nil {
				names[m.name] = m
				if closed {
					if a := r.acronymAfter(m); a != nil {
						names[r.textOf(a.first, a.last)] = m // "Renforcement de ... (RANP)": the acronym names it too
					}
				}
				m.owner = r.projectOwner(i)
				if c := r.codeBeforeDash(m.first); c >= 0 {
					// "EL PAcCTO 2.0 – Europe Latin America Programme ...": the code names it too
					code := &mention{first: c, last: m.first - 1, kind: m.kind, id: m.id, name: m.name}
					if r.add(code) != nil {
						names[r.textOf(c, m.first-1)] = code
					}
				}
			}
		}
	}
	// A code alone on the first line names a numbered action.
	if len(toks) > 1 && toks[1].Sentence == 1 && toks[0].Sentence == 0 {
		if w := r.d.TokenText(toks[0]); actionCode.MatchString(w) {
			m := &mention{first: 0, last: 1, kind: fixtures.KindProject, id: "project:" + slug(w), name: w}
			first, last := r.sentenceTokens(1)
			m.description = r.textOf(first, last)
			if r.add(m) != nil {
				names[w] = m
			}
		}
	}
	var lengths []int // of the names in code points: a token of another length is none of them
	for name := range names {
		lengths = append(lengths, utf8.RuneCountInString(name))
	}
	for i := range toks {
		if r.at[i] != 0 || !slices.Contains(lengths, toks[i].End-toks[i].Start) {
			continue
		}
		if p := names[r.d.TokenText(toks[i])]; p != nil {
			r.add(&mention{first: i, last: i + 1, kind: p.kind, id: p.id, name: p.name, description: p.description})
		}
	}
	r.listedCodeNames(names)
	r.laterUsesOfLongNames(names)
	r.projectNameInBrackets()
	r.namedOperations()
	r.appositiveProjects()
}

// codeEndingAt reads the code name of up to three words written right before the project
// noun at h, with the number or version that ends it: "the EL PAcCTO 2.0 programme", "the
// GLO.ACT project". nil when the words before are no code of two words or more.
func (r *run) codeEndingAt(h int) *mention {
	toks := r.d.Tokens
	k := h
	if h >= 4 && r.versionLength(h-3) == 3 {
		k = h - 3
	} else if h >= 2 && r.nameNumber(h-1, h, 4) {
		k = h - 1
	}
	first := k
	for first > 0 && k-first < 3 && r.codeName(first-1) && r.at[first-1] == 0 && toks[first-1].Sentence == toks[h].Sentence {
		first--
	}
	if first == k || k-first < 2 && k == h {
		return nil // one code word alone: codeMention reads it
	}
	for j := k; j < h; j++ {
		if r.at[j] != 0 {
			return nil
		}
	}
	return &mention{first: first, last: h, name: r.textOf(first, h)}
}

// listedCodeNames reads the code names listed after a project noun in the plural, or
// before it in English, as projects: "the EU projects SEACOP and AIRCOP", "the AIRCOP
// and SEACOP projects", "i progetti X e Y". The list names two projects or more.
func (r *run) listedCodeNames(names map[string]*mention) {
	toks := r.d.Tokens
	for h := range toks {
		if !projectPlurals[r.fold(h)] || toks[h].Upper {
			continue
		}
		codes := r.codeList(h+1, 1)
		if len(codes) < 2 && r.d.Lang == "en" {
			codes = r.codeList(h-1, -1)
		}
		if len(codes) < 2 {
			continue
		}
		for _, m := range codes {
			m.kind, m.id = fixtures.KindProject, "project:"+slug(m.name)
			if r.add(m) != nil {
				names[m.name] = m
			}
		}
	}
}

// codeList reads the code names from token k on, forwards (step 1) or backwards (step
// -1), separated by commas and a conjunction.
func (r *run) codeList(k, step int) []*mention {
	toks := r.d.Tokens
	var out []*mention
	for k >= 0 && k < len(toks) && len(out) < 8 {
		if !r.codeName(k) || r.at[k] != 0 || shoutedLine(r, k) {
			break
		}
		out = append(out, &mention{first: k, last: k + 1, name: r.textOf(k, k+1)})
		next := k + step
		if next < 0 || next >= len(toks) || r.fold(next) != "," && !conjunctions[r.fold(next)] {
			break
		}
		k = next + step
	}
	return out
}

// shoutedLine reports whether token k stands among capitals only, as in a title in
// capitals, where a word in capitals is no code name.
func shoutedLine(r *run, k int) bool {
	toks := r.d.Tokens
	return k > 0 && toks[k-1].AllCaps && toks[k-1].Kind == text.Word && k+1 < len(toks) && toks[k+1].AllCaps && toks[k+1].Kind == text.Word
}

// maxCodeTokens bounds the tokens of a code written before a project's full name.
const maxCodeTokens = 5

// codeBeforeDash returns where a code that opens its line starts when it stands before a
// spaced dash and the name at first ("WAPIS – West African Police Information System"),
// or -1.
func (r *run) codeBeforeDash(first int) int {
	toks := r.d.Tokens
	k := first - 1
	if k < 1 || r.fold(k) != "-" {
		return -1
	}
	c, codes := k, 0
	for c > 0 && k-c < maxCodeTokens && r.at[c-1] == 0 && toks[c-1].Sentence == toks[k].Sentence &&
		!r.lineStartAt(c) {
		if r.codeName(c - 1) {
			codes++
		} else if toks[c-1].Kind != text.Number && r.fold(c-1) != "." {
			return -1
		}
		c--
	}
	if codes == 0 || !r.lineStartAt(c) {
		return -1 // the code must open its line
	}
	return c
}

// appositionArticles open an apposition, in each language ("un" and not the verb "a" in French).
var appositionArticles = byLanguage("apposition articles")

// laterUsesOfLongNames marks the other uses of the projects named in several words
// ("Euromed Police IV" in the title as in the text), before a body is read there.
func (r *run) laterUsesOfLongNames(names map[string]*mention) {
	for _, p := range names {
		if p.last-p.first < 2 {
			continue
		}
		words := make([]string, 0, p.last-p.first)
		for k := p.first; k < p.last; k++ {
			words = append(words, r.fold(k))
		}
		for i := 0; i+len(words) <= len(r.d.Tokens); i++ {
			if i == p.first || r.fold(i) != words[0] || !hasPrefixTokens(r.d, i, words) || !r.d.Tokens[i].Upper {
				continue
			}
			if r.add(&mention{first: i, last: i + len(words), kind: p.kind, id: p.id, name: p.name, description: p.description}) != nil {
				i += len(words) - 1
			}
		}
	}
}

// maxProjectNameWords bounds a project's name written in capitals after its noun.
const maxProjectNameWords = 6

// projectNameAfterNoun reads the capitalised name right after a project noun in lower case:
// "le projet Euromed Police IV". The name must start with a free word; states and
// towns in it are part of it.
func (r *run) projectNameAfterNoun(h int) *mention {
	toks := r.d.Tokens
	k := h + 1
	if k >= len(toks) || r.at[k] != 0 || !toks[k].Upper || toks[k].Kind != text.Word || toks[k].Sentence != toks[h].Sentence {
		return nil
	}
	last := k
	for last < len(toks) && last-k < maxProjectNameWords && toks[last].Sentence == toks[h].Sentence {
		if m := r.mentionAt(last); m != nil && m.kind != fixtures.KindState && m.kind != "place" {
			break
		}
		if r.capitalOrNumeral(last) || toks[last].Kind == text.Number && last > k {
			last += r.versionLength(last)
			continue
		}
		if j := r.titleConnectors(last); j > last && r.d.Lang == "en" && last > k && !conjunctions[r.fold(last)] {
			last = j // "the project Strengthening Border Management in Central Asia"
			continue
		}
		break
	}
	if last-k < 2 {
		return nil // one word: a code name, read by codeName, or a body's name
	}
	r.forgetInside(k, last) // "Frontiere Sicure Italia": the state is part of the name
	return &mention{first: k, last: last, name: r.textOf(k, last)}
}

// acronymAfter adds the acronym in brackets right after a project's name as a mention of
// that project and returns it, or nil.
func (r *run) acronymAfter(m *mention) *mention {
	k := m.last
	toks := r.d.Tokens
	if k+2 >= len(toks) || r.fold(k) != "(" || !toks[k+1].AllCaps || r.fold(k+2) != ")" || r.at[k+1] != 0 {
		return nil
	}
	return r.add(&mention{first: k + 1, last: k + 2, kind: m.kind, id: m.id, name: m.name})
}

// maxAcronymNameTokens bounds the name a project's acronym in brackets closes.
const maxAcronymNameTokens = 16

// nameBeforeAcronym reads the name of a project written after its noun in lower case and
// "of", up to the acronym in brackets that closes it, the bodies it names included (the
// caller forgets them): "le
// projet de Renforcement de l'Académie nationale de police (RANP)", "le programme
// d'appui à la sécurité maritime régionale (MASE)". nil without such an acronym, when a
// clause comes first, or when an article or a body's head opens the name ("à l'initiative
// de la Direction ... (DPF)").
func (r *run) nameBeforeAcronym(h int) *mention {
	toks := r.d.Tokens
	k := h + 1
	if k >= len(toks) || !ofWords[r.fold(k)] {
		return nil
	}
	k++
	if k >= len(toks) || articles[r.fold(k)] || r.is(k, classAgencyHead|classOrganisationHead) {
		return nil // "à l'initiative de la Direction de la police des frontières (DPF)": a body's
	}
	for j := k; j+2 < len(toks) && j-h <= maxAcronymNameTokens && toks[j].Sentence == toks[h].Sentence; j++ {
		f := r.fold(j)
		if f == "(" {
			if j > k+1 && toks[j+1].AllCaps && r.fold(j+2) == ")" && r.at[j+1] == 0 && toks[k].Kind == text.Word {
				return &mention{first: k, last: j, name: r.textOf(k, j)}
			}
			return nil
		}
		if clauseBreak(f) || verbWords[f] || toks[j].Kind == text.Number {
			return nil
		}
	}
	return nil
}

// titleConnectors returns where the capitalised words after the lower-case connectors at j
// go on inside an English title ("in", "of the"), or j when no such word follows or an
// actor's name does.
func (r *run) titleConnectors(j int) int {
	toks := r.d.Tokens
	k := j
	for k < len(toks) && k-j < 3 && connectors[r.fold(k)] && !toks[k].Upper && r.at[k] == 0 && toks[k].Sentence == toks[j].Sentence {
		k++
	}
	if k == j || k >= len(toks) || !toks[k].Upper || toks[k].Kind != text.Word || toks[k].Sentence != toks[j].Sentence {
		return j
	}
	if m := r.mentionAt(k); m != nil && m.kind != fixtures.KindState && m.kind != "place" {
		return j // "the project X of the European Union": its owner
	}
	return k
}

// capitalOrNumeral reports whether token k can be a word of a name in capitals: a capitalised
// word or a Roman numeral ("Euromed Police IV").
func (r *run) capitalOrNumeral(k int) bool {
	t := r.d.Tokens[k]
	return t.Upper && t.Kind == text.Word || romanNumerals[r.fold(k)] && t.AllCaps
}

// projectNameBeforeNoun reads the capitalised name of several words right before an
// English project noun in lower case: "the Euromed Police II project". A body alone
// there is the project's owner, not its name.
func (r *run) projectNameBeforeNoun(h int) *mention {
	toks := r.d.Tokens
	first := h
	for first > 0 && h-first < maxProjectNameWords && toks[first-1].Sentence == toks[h].Sentence && r.at[first-1] == 0 && !articles[r.fold(first-1)] &&
		(r.capitalOrNumeral(first-1) || toks[first-1].Kind == text.Number && first < h) {
		first--
	}
	if h-first < 2 || first == 0 || toks[first-1].Sentence != toks[h].Sentence || !articles[r.fold(first-1)] {
		return nil // one word is a code name (codeName) or a body; the name follows "the"
	}
	return &mention{first: first, last: h, name: r.textOf(first, h)}
}

// maxAppositionWords bounds the words between the indefinite article and the project noun
// of an apposition: "X, a three-year research and training project".
const maxAppositionWords = 6

// appositiveProjects reads a capitalised name described by an apposition with a project
// noun as a project: "the Maritime Crime Observatory, a three-year research project",
// "l'Observatoire X, un projet régional", "il Centro Y, un'iniziativa comune".
func (r *run) appositiveProjects() {
	toks := r.d.Tokens
	for c := 2; c+2 < len(toks); c++ {
		if r.fold(c) != "," {
			continue
		}
		quoted := r.quotedBefore(c) >= 0
		if !r.projectNounAfter(c+2) && !(quoted && projectHeads[r.fold(c+2)]) {
			continue
		}
		if !appositionArticles[r.d.Lang][r.fold(c+1)] && !(quoted && articles[r.fold(c+1)]) {
			continue // '"El PAcCTO", il Programma ...': a quoted name may take the definite article
		}
		if quoted {
			q := r.quotedBefore(c)
			m := &mention{first: q, last: c - 1, kind: fixtures.KindProject, name: r.textOf(q, c-1)}
			m.id = "project:" + slug(m.name)
			r.replace(m)
			if d := r.mentionAt(c + 2); d != nil && d.kind == fixtures.KindProject && d.first == c+2 {
				d.id, d.name = m.id, m.name // the apposition describes the project: another of its names
			}
			continue
		}
		first := c
		for k := c - 1; k >= 0 && toks[k].Sentence == toks[c].Sentence && c-k <= 10; k-- {
			if toks[k].Kind != text.Word || !toks[k].Upper && !ofWords[r.fold(k)] {
				break
			}
			if o := r.mentionAt(k); o != nil && o.kind != fixtures.KindState && o.kind != "place" {
				break // a body the gazetteer knows: "UNODC, a UN programme" is not renamed
			}
			first = k
		}
		for first < c && !toks[first].Upper {
			first++ // "of the X": the connectors before the name are not part of it
		}
		single := c-first == 1 && toks[first].AllCaps && toks[first].End-toks[first].Start >= 4 // "CRIMJUST, a project funded by"
		if c-first < 2 && !single || first > 0 && toks[first-1].Sentence == toks[c].Sentence && toks[first-1].Upper {
			continue
		}
		m := &mention{first: first, last: c, kind: fixtures.KindProject, name: r.textOf(first, c)}
		m.id = "project:" + slug(m.name)
		r.replace(m)
	}
}

// quotedBefore returns the first word of a short capitalised name in quotes that ends
// right before the comma at c, or -1.
func (r *run) quotedBefore(c int) int {
	toks := r.d.Tokens
	if c < 3 || r.fold(c-1) != `"` {
		return -1
	}
	for k := c - 2; k >= 0 && c-k <= 6 && toks[k].Sentence == toks[c].Sentence; k-- {
		if r.fold(k) == `"` {
			if k+1 < c-1 && toks[k+1].Upper {
				return k + 1
			}
			return -1
		}
	}
	return -1
}

// projectNounAfter reports whether a project noun follows within a few words from k,
// with no name and no punctuation before it.
func (r *run) projectNounAfter(k int) bool {
	toks := r.d.Tokens
	for end := k + maxAppositionWords; k < end && k < len(toks); k++ {
		if projectHeads[r.fold(k)] && !toks[k].Upper {
			return true
		}
		if toks[k].Kind != text.Word && r.fold(k) != "-" || toks[k].Upper || r.at[k] != 0 {
			return false
		}
	}
	return false
}

// operationWords name a police operation before its code name: "Operation Lionfish III",
// "l'opération Sentinelle", "l'Operazione Mare Sicuro".
var operationWords = words("operation words")

// maxOperationWords bounds the capitalised words of an operation's code name.
const maxOperationWords = 4

// namedOperations reads a named police operation as a project, so that its code name is
// never taken for a person's name.
func (r *run) namedOperations() {
	toks := r.d.Tokens
	for i := 0; i+1 < len(toks); i++ {
		if !toks[i].Upper || !operationWords[r.fold(i)] || r.at[i] != 0 {
			continue
		}
		last := i + 1
		for last < len(toks) && last-i <= maxOperationWords && toks[last].Upper && toks[last].Kind == text.Word &&
			toks[last].Sentence == toks[i].Sentence && r.at[last] == 0 {
			last++
		}
		for k := i + 2; k < last; k++ {
			if _, meeting := meetingHeads[r.fold(k)]; meeting {
				last = i + 2 // "Operation Batho Review Meeting": the operation's meeting, not a longer name
				break
			}
		}
		if last == i+1 {
			continue
		}
		name := r.textOf(i, last)
		if r.add(&mention{first: i, last: last, kind: fixtures.KindProject, id: "project:" + slug(name), name: name}) != nil {
			i = last - 1
		}
	}
}

// projectOwner finds the body written just before a project noun: "the OSCE
// extra-budgetary project", "the UNODC project".
func (r *run) projectOwner(head int) *mention {
	for k := head - 1; k >= 0 && head-k <= 3 && r.d.Tokens[k].Sentence == r.d.Tokens[head].Sentence; k-- {
		m := r.mentionAt(k)
		if m == nil {
			continue
		}
		if m.kind == fixtures.KindOrganization || m.kind == fixtures.KindUNBody || m.kind == fixtures.KindAgency {
			return m
		}
		return nil
	}
	return nil
}

// namingParticiples introduce a project's quoted name: "entitled", "intitulé", "denominato".
var namingParticiples = words("naming participles")

// quotedProject reads “NAME: description” or “Name” starting at the opening quote q. A
// name that names bodies or plans is read whole when named reads the quote as the
// project's name (right after its noun, or after "entitled"); otherwise such a quote, or
// one that ends a sentence, is no project's name ("the project, "Ghana and INTERPOL will
// share data"").
func (r *run) quotedProject(q int, named bool) *mention {
	toks := r.d.Tokens
	end := q + 1
	for end < len(toks) && r.fold(end) != `"` && toks[end].Sentence == toks[q].Sentence && end-q < 40 {
		end++
	}
	if end >= len(toks) || r.fold(end) != `"` || end == q+1 {
		return nil
	}
	colon := -1
	for k := q + 1; k < end; k++ {
		if r.fold(k) == ":" {
			colon = k
			break
		}
	}
	m := &mention{first: q + 1, last: end}
	if colon > q+1 && colon-q <= 6 {
		m.last = colon
		m.description = r.textOf(colon+1, end)
	}
	if f := r.fold(end - 1); f == "." || f == "!" || f == "?" {
		return nil // a sentence quoted, not a name
	}
	for k := m.first; k < m.last; k++ {
		if o := r.mentionAt(k); o != nil && (o.kind == fixtures.KindPerson || !named && o.kind != fixtures.KindState && o.kind != "place") {
			return nil
		}
	}
	for k := m.first; k < m.last; k++ {
		if o := r.mentionAt(k); o != nil {
			// “Safer Borders in Kenya”, « Appui au Plan d'action de la CEDEAO »: the state
			// and the body are part of the name
			o.kind = ""
			r.at[k] = 0
		}
	}
	m.name = r.textOf(m.first, m.last)
	return m
}
