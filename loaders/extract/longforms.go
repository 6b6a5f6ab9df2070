package extract

import (
	"strings"
	"unicode"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// Long forms of bracketed acronyms. "the Italian Team for Security, Terroristic Issues &
// Managing Emergencies (ITSTIME)": the acronym's letters, read backwards through the
// words before the bracket, say where the name starts, across the commas and the "&"
// that cut it otherwise. The letters are matched as Schwartz and Hearst match them ("A
// simple algorithm for identifying abbreviation definitions in biomedical text", 2003):
// each letter of the acronym in order, the first at the start of a word.

// acronymLongForms widens the one body named before a bracketed acronym to the long form
// the acronym spells, when that form holds all of the name read so far and more, past a
// comma or a conjunction that cut the name short.
func (r *run) acronymLongForms() {
	toks := r.d.Tokens
	for i := 1; i+2 < len(toks); i++ {
		if r.fold(i) != "(" || r.fold(i+2) != ")" || !r.acronymToken(i+1) {
			continue
		}
		a := r.longFormStart(i, r.fold(i+1))
		if a < 0 {
			continue
		}
		var body *mention
		known := false
		for k := a; k < i; k++ {
			m := r.mentionAt(k)
			if m == nil || !m.isBody() && m.kind != fixtures.KindProject {
				continue // "Export Control and Related Border Security Program (EXBS)" too
			}
			known = known || m.id != "" && m.kind != fixtures.KindProject
			if body == nil || m.last-m.first > body.last-body.first {
				body = m
			}
		}
		if body != nil && body.first < a && body.last == i && a > 0 && (ofWords[r.fold(a-1)] || articles[r.fold(a-1)]) && r.at[a-1] != 0 &&
			r.meetingOf(body.first) {
			// "la réunion du Comité exécutif de l'Association des Services Correctionnels
			// d'Afrique (ASCA)": the acronym names the body whose organ meets.
			r.narrowToLongForm(body, a, i)
			continue
		}
		if body == nil {
			if m := r.definedBody(a, i); m != nil {
				r.knownByAcronym(m, i+1) // "Communauté économique des États d'Afrique de l'Ouest (CEDEAO)"
				r.replace(m)             // "la Plateforme de coopération judiciaire pénale des pays du Sahel (PCJS)"
			}
			continue
		}
		if known || body.first < a || body.last > i || body.first == a && body.last == i {
			continue // nothing to widen; no body the gazetteer knows: not "Europol e la nascente Procura europea (EPPO)"
		}
		if !r.cutAt(a, body.first) && !r.cutAt(body.last, i) {
			continue
		}
		end := i
		if r.stateTail(body.last, i) {
			end = body.last // "Servizio Nazionale delle Dogane dell'Ecuador (SENAE)": the state says whose
		}
		if body.first == a && body.last == end {
			continue
		}
		kind := body.kind
		if r.is(end-1, classOrganisationHead) {
			kind = fixtures.KindOrganization // "East African Police Chiefs Cooperation Organization"
		}
		long := &mention{first: a, last: end, kind: kind, name: r.textOf(a, end), country: body.country}
		if kind == fixtures.KindProject {
			long.id = "project:" + slug(long.name)
		}
		r.knownByAcronym(long, i+1)
		r.replace(long)
	}
}

// definedBodyHeads are the heads of bodies the text defines with an acronym in brackets
// and the gazetteer does not know: "platform", "plateforme", "piattaforma".
var definedBodyHeads = words("defined body heads")

// definedBody returns an organisation named by the long form [a, b) of a bracketed
// acronym when no body is named there: its head (its first word, or in English its last)
// is one of definedBodyHeads, and it holds no comma and names nothing but places inside
// (a state makes it a national body). nil otherwise.
func (r *run) definedBody(a, b int) *mention {
	if !definedBodyHeads[r.fold(a)] && !(r.d.Lang == "en" && definedBodyHeads[r.fold(b-1)]) || r.anyWordIn(a, b, nationalWords) {
		return nil // "Conseil national de sécurité (CNS) du Niger": a state's body
	}
	for k := a; k < b; k++ {
		if r.fold(k) == "," {
			return nil
		}
		if m := r.mentionAt(k); m != nil && m.kind != "place" {
			return nil // another body, or a state that makes it a national one ("Conseil national de sécurité (CNS) du Niger" aside)
		}
	}
	r.forgetInside(a, b) // "du Sahel": part of the name
	return &mention{first: a, last: b, kind: fixtures.KindOrganization, name: r.textOf(a, b)}
}

// meetingOf reports whether a meeting noun and "of" come right before token k: "la
// réunion du", "the meeting of the".
func (r *run) meetingOf(k int) bool {
	for j := k - 1; j >= 0 && k-j <= 3; j-- {
		f := r.fold(j)
		if _, head := meetingHeads[f]; head {
			return j < k-1
		}
		if !ofWords[f] && !articles[f] {
			return false
		}
	}
	return false
}

// knownByAcronym gives a long form the identity of the body the gazetteer knows by the
// bracketed acronym at k: "(FIIAPP)", "(EAPCCO)".
func (r *run) knownByAcronym(long *mention, k int) {
	if listed := r.mentionAt(k); listed != nil && (listed.id != "" || listed.slug != "") && listed.isBody() {
		long.kind, long.id, long.slug, long.country = listed.kind, listed.id, listed.slug, listed.country
	}
}

// narrowToLongForm makes the body named over [body.first, end) the one its acronym spells
// from a: the words before it are its organ's, free for the meeting or title reading them.
func (r *run) narrowToLongForm(body *mention, a, end int) {
	long := &mention{first: a, last: end, kind: body.kind, id: body.id, slug: body.slug, country: body.country, name: r.textOf(a, end)}
	r.knownByAcronym(long, end+1)
	for k := body.first; k < a; k++ {
		r.at[k] = 0
	}
	body.kind = ""
	r.replace(long)
}

// cutAt reports whether [k, end) holds what cuts a name short: a comma, an ampersand
// or a conjunction.
func (r *run) cutAt(k, end int) bool {
	for ; k < end; k++ {
		if f := r.fold(k); f == "," || conjunctions[f] || r.d.Runes[r.d.Tokens[k].Start] == '&' {
			return true
		}
	}
	return false
}

// stateTail reports whether the tokens [k, end) only name a state: "dell'Ecuador".
func (r *run) stateTail(k, end int) bool {
	state := false
	for ; k < end; k++ {
		m := r.mentionAt(k)
		switch {
		case m != nil && m.kind == fixtures.KindState:
			state = true
		case m == nil && (ofConnectors[r.fold(k)] || articles[r.fold(k)]):
		default:
			return false
		}
	}
	return state
}

// acronymToken reports whether token k is an acronym: a word of two to ten letters, in
// capitals or with capitals inside ("ITSTIME", "ItsTime").
func (r *run) acronymToken(k int) bool {
	t := r.d.Tokens[k]
	if t.Kind != text.Word || t.End-t.Start < 2 || t.End-t.Start > 10 {
		return false
	}
	capitals := 0
	for _, c := range r.d.Runes[t.Start:t.End] {
		if unicode.IsUpper(c) {
			capitals++
		}
	}
	return t.AllCaps || capitals >= 2
}

// longFormStart returns the token where the long form of acronym ends before the bracket
// at b starts, or -1: words of the same sentence, at most the acronym's length plus five
// (and twice its length), not counting the connectors and articles between them, the
// first capitalised, with no full stop, colon or semicolon.
func (r *run) longFormStart(b int, acronym string) int {
	toks := r.d.Tokens
	words := min(len(acronym)+5, 2*len(acronym))
	from, n := b, 0
	for from > 0 && toks[from-1].Sentence == toks[b].Sentence && n < words {
		f := r.fold(from - 1)
		if f == "." || f == ":" || f == ";" || f == "(" || f == ")" {
			break
		}
		if toks[from-1].Kind == text.Word && !ofConnectors[f] && !articles[f] {
			n++ // "des", "du", "della" are no letter of the acronym
		}
		from--
	}
	if from == b {
		return -1
	}
	long := r.d.Fold[toks[from].Start:toks[b-1].End]
	start := matchLongForm(acronym, long)
	if start < 0 {
		return -1
	}
	at := toks[from].Start + start
	for k := from; k < b; k++ {
		if toks[k].Start == at {
			if !toks[k].Upper || k == b-1 {
				return -1
			}
			return k
		}
	}
	return -1
}

// matchLongForm returns where in long (folded) the long form of the folded acronym short
// starts, or -1: each letter of short from the last is found going back through long, the
// first letter at the start of a word.
func matchLongForm(short, long string) int {
	s, l := len(short)-1, len(long)-1
	for s >= 0 {
		c := short[s]
		if !isAlnum(c) {
			s--
			continue
		}
		for l >= 0 && (long[l] != c || s == 0 && l > 0 && isAlnum(long[l-1])) {
			l--
		}
		if l < 0 {
			return -1
		}
		l--
		s--
	}
	return strings.LastIndexAny(long[:l+1], " '-") + 1
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
