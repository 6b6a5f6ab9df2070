package graph

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Name keys for entity resolution (resolution.go): names folded as the loaders and the
// full-text index fold them (lower case, no accents), split into words, without the
// function words of English, Italian and French. The graph package cannot use the loaders'
// folding (imports flow from loaders to graph), so it has its own, which agrees with it on
// Latin letters.

// foldSpecial are the letters that do not decompose into a base letter and marks.
var foldSpecial = map[rune]string{
	'œ': "oe", 'æ': "ae", 'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ı': "i",
}

// foldWords folds s and splits it into words of letters and digits.
func foldWords(s string) []string {
	var b strings.Builder
	var words []string
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if sp, ok := foldSpecial[r]; ok {
				b.WriteString(sp)
			} else {
				b.WriteRune(r)
			}
		default:
			flush()
		}
	}
	flush()
	return words
}

// FoldName folds a name for comparison: lower case, no accents, words joined by one space.
func FoldName(s string) string { return strings.Join(foldWords(s), " ") }

// stopWords are the function words left out of name keys.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the of and for on in at to by a an
		di del dello della dei degli delle dell da dal dalla dai nel nella nei per e ed il lo la le gli i l un una al alla ai agli con su sul sulla
		de du des le la les l d et pour en au aux sur par un une dans`) {
		m[w] = true
	}
	return m
}()

// contentWords are the folded words of s but the function words.
func contentWords(s string) []string {
	words := foldWords(s)
	out := words[:0]
	for _, w := range words {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// acronymOf returns s folded when it is written as an acronym: one word of 2 to 12
// capital letters or digits with at least two letters, dots allowed ("DGSN", "U.N.", "G7").
func acronymOf(s string) (string, bool) {
	s = strings.TrimSpace(s)
	letters, n := 0, 0
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '.':
			continue
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r):
		default:
			return "", false
		}
		n++
		b.WriteRune(unicode.ToLower(r))
	}
	if letters < 2 || n > 12 {
		return "", false
	}
	return FoldName(b.String()), true
}

// initialsOf returns the initials of the content words of a name of two or more such
// words ("Direction générale de la sûreté nationale": "dgsn").
func initialsOf(s string) (string, bool) {
	words := contentWords(s)
	if len(words) < 2 || len(words) > 12 {
		return "", false
	}
	var b strings.Builder
	for _, w := range words {
		r := []rune(w)
		b.WriteRune(r[0])
	}
	return b.String(), true
}

// wordSetKey is the content words of s sorted, each translated through glossary first
// when one is given; "" for fewer than two.
func wordSetKey(s string, glossary map[string]string) string {
	words := contentWords(s)
	if len(words) < 2 {
		return ""
	}
	if glossary != nil {
		for i, w := range words {
			if en, ok := glossary[w]; ok {
				words[i] = en
			}
		}
	}
	slices.Sort(words)
	return strings.Join(words, " ")
}
