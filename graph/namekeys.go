package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// foldTable is the folded form of each code point of the Latin blocks (below 0x250),
// computed once: "" for a separator.
var foldTable = func() (t [0x250]string) {
	for r := range rune(len(t)) {
		if sp, ok := foldSpecial[unicode.ToLower(r)]; ok {
			t[r] = sp
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if unicode.IsLetter(d) || unicode.IsDigit(d) {
				t[r] += string(unicode.ToLower(d))
			}
		}
	}
	return t
}()

// foldWords folds s and splits it into words of letters and digits.
func foldWords(s string) []string {
	buf := make([]byte, 0, len(s)+8)
	for _, r := range s {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			buf = append(buf, byte(r))
		case r < rune(len(foldTable)):
			if f := foldTable[r]; f != "" {
				buf = append(buf, f...)
			} else {
				buf = append(buf, ' ')
			}
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if sp, ok := foldSpecial[r]; ok {
				buf = append(buf, sp...)
			} else {
				buf = utf8.AppendRune(buf, r)
			}
		default:
			buf = append(buf, ' ')
		}
	}
	return strings.Fields(string(buf))
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
