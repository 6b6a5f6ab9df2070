package extract

import "regexp"

// anchor compiles re anchored at the start of the text, for findAllAt.
func anchor(re *regexp.Regexp) *regexp.Regexp {
	return regexp.MustCompile(`^(?:` + re.String() + `)`)
}

// findAllAt returns what re.FindAllStringSubmatchIndex(w, n) returns, given anchored =
// anchor(re) and starts, in increasing order, every position of w where a match of re
// can start (a pattern that begins with \b and a word character starts at word starts):
// the leftmost match is the one at the first start where anchored matches, and the
// next one is looked for from its end. Regexes try every position otherwise, which on
// long text costs far more than the few places a match can start.
func findAllAt(anchored *regexp.Regexp, w string, starts []int, n int) [][]int {
	var out [][]int
	from := 0
	for _, s := range starts {
		if len(out) == n {
			break
		}
		if s < from {
			continue
		}
		loc := anchored.FindStringSubmatchIndex(w[s:])
		if loc == nil {
			continue
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += s
			}
		}
		out = append(out, loc)
		from = loc[1]
	}
	return out
}
