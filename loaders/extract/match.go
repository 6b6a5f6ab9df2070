package extract

import (
	"sort"
	"strings"

	"github.com/entente/entente/loaders/gazetteer"
	"github.com/entente/entente/loaders/text"
)

// targetKind says what a gazetteer phrase names.
type targetKind uint8

const (
	tState targetKind = iota + 1
	tAdjective
	tPlace
	tBody
	tAgency
)

// target is what a phrase of the gazetteer refers to.
type target struct {
	kind    targetKind
	idx     int    // index in the gazetteer list of that kind
	lang    string // language of the phrase ("" for acronyms)
	acronym string // the acronym as written in the gazetteer, for case checks
	generic bool   // an agency every state has (no country of its own)
}

type phrase struct {
	toks  []string
	abbrs []string // the abbreviation of each token ("st" for "saint"), "" when none
	t     target
}

// index finds gazetteer phrases in token sequences: phrases by their first token,
// longest first; an abbreviation ("st") also gets, after its own, the phrases of its word.
type index map[string][]phrase

// skippable words may stand inside a gazetteer name in running text ("Piano d'azione
// congiunto aggiornato per ...").
var skippable = words("skippable")

func buildIndex(g *gazetteer.Gazetteer) index {
	ix := index{}
	add := func(s string, t target) {
		toks := text.FoldTokens(s)
		if len(toks) > 0 {
			abbrs := make([]string, len(toks))
			for k, w := range toks {
				abbrs[k] = abbreviated[w]
				if abbrs[k] == "" {
					abbrs[k] = spellings[w] // "Organisation" for "Organization"
				}
			}
			ix[toks[0]] = append(ix[toks[0]], phrase{toks, abbrs, t})
		}
	}
	addNames := func(names map[string][]string, t target) {
		for _, lang := range gazetteer.Languages {
			for _, n := range names[lang] {
				t.lang = lang
				add(n, t)
			}
		}
	}
	addAcronyms := func(acrs []string, t target) {
		for _, a := range acrs {
			t.acronym = a
			add(a, t)
		}
	}
	for i, s := range g.States {
		addNames(s.Names, target{kind: tState, idx: i})
		addNames(s.Adjectives, target{kind: tAdjective, idx: i})
	}
	for i, p := range g.Places {
		addNames(p.Names, target{kind: tPlace, idx: i})
	}
	for i, b := range g.Bodies {
		addNames(b.Names, target{kind: tBody, idx: i})
		addAcronyms(b.Acronyms, target{kind: tBody, idx: i})
	}
	for i, a := range g.Agencies {
		addNames(a.Names, target{kind: tAgency, idx: i, generic: a.Country == ""})
		addAcronyms(a.Acronyms, target{kind: tAgency, idx: i})
	}
	for k, ps := range ix {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].toks) > len(ps[j].toks) })
		ix[k] = ps
	}
	for abbr, full := range expanded {
		if ps := ix[full]; len(ps) > 0 {
			ix[abbr] = append(ix[abbr][:len(ix[abbr]):len(ix[abbr])], ps...) // "St." for "Saint"
		}
	}
	firsts := map[string][]phrase{}
	for w, other := range spellings {
		firsts[other] = append(firsts[other], ix[w]...) // "Organisation for Security ..."
	}
	for other, ps := range firsts {
		ix[other] = append(ix[other][:len(ix[other]):len(ix[other])], ps...)
	}
	return ix
}

// tokenView is what matching needs of a token sequence.
type tokenView interface {
	count() int
	fold(i int) string
	skippable(i int) bool // the word may stand inside a gazetteer name
	acceptable(i, n int, t target, lang string) bool
}

// longest returns the longest phrase starting at token i: its length in tokens
// (skipped words included) and its target.
func (ix index) longest(v tokenView, i int, lang string) (int, target, bool) {
	best, bestT := 0, target{}
	for _, p := range ix[v.fold(i)] {
		n := matchLen(v, i, p)
		if n > best && v.acceptable(i, n, p.t, lang) {
			best, bestT = n, p.t
		}
	}
	return best, bestT, best > 0
}

func matchLen(v tokenView, i int, p phrase) int {
	j := i
	for k, want := range p.toks {
		for j > i && j < v.count() && v.fold(j) != want && v.skippable(j) {
			j++
		}
		if j < v.count() && v.fold(j) == want {
			j++
			continue
		}
		if conjunctions[want] && j > i && j < v.count() && v.fold(j) == "&" {
			j++ // "Antigua & Barbuda"
			continue
		}
		if abbr := p.abbrs[k]; abbr != "" && j < v.count() && v.fold(j) == abbr {
			j++ // "St. Kitts and Nevis"
			if j < v.count() && v.fold(j) == "." && abbreviated[want] != "" {
				j++
			}
			continue
		}
		return 0
	}
	return j - i
}

// abbreviated are words of names often written abbreviated, with their abbreviation.
var abbreviated = map[string]string{"saint": "st", "sainte": "ste", "mount": "mt"}

// spellings are the other spelling of a word of names ("organisation" of
// "organization", "centre" of "center"): either stands for the other.
var spellings = values("spelling variants")

// expanded maps an abbreviation back to its word.
var expanded = func() map[string]string {
	m := map[string]string{}
	for w, a := range abbreviated {
		m[a] = w
	}
	return m
}()

// docTokens is the tokenView of an analysed document.
type docTokens struct {
	d       *text.Doc
	classes []wordClass // of each token (run.classes)
}

func (v docTokens) count() int           { return len(v.d.Tokens) }
func (v docTokens) fold(i int) string    { return v.d.TokenFold(v.d.Tokens[i]) }
func (v docTokens) skippable(i int) bool { return v.classes[i]&classSkippable != 0 }

// acceptable applies the case rules: acronyms as written (or in capitals), names with
// a capital somewhere (a one-word name with an initial capital), adjectives only in
// the document's language and not inside a hyphenated compound, names of states and
// places in the document's language or English.
func (v docTokens) acceptable(i, n int, t target, lang string) bool {
	toks := v.d.Tokens[i : i+n]
	if t.acronym != "" {
		if len(toks) == 1 {
			w := v.d.TokenText(toks[0])
			return w == t.acronym || (len(t.acronym) > 3 && toks[0].Upper) || toks[0].AllCaps
		}
		return toks[0].Upper
	}
	switch t.kind {
	case tAdjective:
		if t.lang != lang || v.d.Joined(i) {
			return false
		}
		return t.lang != "en" || toks[0].Upper
	case tState, tPlace:
		if t.lang != lang && t.lang != "en" {
			return false
		}
	}
	if n == 1 {
		return toks[0].Upper
	}
	if t.kind == tAgency && t.generic {
		return true // "la police nationale", "le forze armate": kinds of body are often lower case
	}
	for _, t := range toks {
		if t.Upper {
			return true
		}
	}
	return false
}

// wordsView is a tokenView over folded words (used to read titles as names).
type wordsView []string

func (v wordsView) count() int                                   { return len(v) }
func (v wordsView) fold(i int) string                            { return v[i] }
func (v wordsView) skippable(i int) bool                         { return skippable[v[i]] }
func (v wordsView) acceptable(_, _ int, t target, _ string) bool { return t.acronym == "" }

// byFirstWord indexes phrases by their first word, in their order, so that a rule tries
// at a token only the phrases that start with its word.
func byFirstWord[T any](list []T, words func(T) []string) map[string][]T {
	m := map[string][]T{}
	for _, p := range list {
		w := words(p)
		if len(w) == 0 {
			panic("lexicon: a phrase has no words") // embedded: a broken build, caught by the tests
		}
		m[w[0]] = append(m[w[0]], p)
	}
	return m
}

// hasPrefixTokens reports whether the folded tokens from i start with words.
// phraseBefore reports whether one of phrases ends right before token k, its first token
// accepted by first (any when first is nil).
func phraseBefore(d *text.Doc, k int, phrases [][]string, first func(int) bool) bool {
	for _, p := range phrases {
		if n := len(p); k >= n && hasPrefixTokens(d, k-n, p) && (first == nil || first(k-n)) {
			return true
		}
	}
	return false
}

func hasPrefixTokens(d *text.Doc, i int, words []string) bool {
	if i+len(words) > len(d.Tokens) {
		return false
	}
	for k, w := range words {
		if d.TokenFold(d.Tokens[i+k]) != w {
			return false
		}
	}
	return true
}

// hasCue reports whether the tokens from i spell a cue, prepositions in any of their forms.
func hasCue(d *text.Doc, i int, words []string) bool {
	if i+len(words) > len(d.Tokens) {
		return false
	}
	for k, w := range words {
		got := d.TokenFold(d.Tokens[i+k])
		if got != w && !cueVariants[w][got] {
			return false
		}
	}
	return true
}

// cueIndex finds cue phrases: by first word, longest first.
type cueIndex map[string][]cuePhrase

// cuesAt returns the cue phrases of the document's language that start with the word at i.
func (r *run) cuesAt(i int) []cuePhrase {
	return r.x.cuesOf[r.d.Lang][r.fold(i)]
}

type cuePhrase struct {
	words []string
	kind  cueKind
}

// buildCues indexes cue phrases of every kind by their first word.
func buildCues(phrases map[cueKind][]string) cueIndex {
	ci := cueIndex{}
	for kind, list := range phrases {
		for _, p := range list {
			words := strings.Fields(p)
			if len(words) > 0 {
				ci[words[0]] = append(ci[words[0]], cuePhrase{words, kind})
			}
		}
	}
	for k, ps := range ci {
		sort.SliceStable(ps, func(i, j int) bool {
			if len(ps[i].words) != len(ps[j].words) {
				return len(ps[i].words) > len(ps[j].words)
			}
			return ps[i].kind < ps[j].kind
		})
		ci[k] = ps
	}
	return ci
}
