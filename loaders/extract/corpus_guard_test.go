package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/entente/entente/loaders/text"
)

// corpusDir holds the development corpus: texts for measuring, never for fitting.
const corpusDir = "../../../shared/corpus/docs"

// properName finds runs of two or more capitalised words: the shape of a name.
var properName = regexp.MustCompile(`\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:de|di|da|del|della|von|van|der|la|le|du|of|the)\s+)?\p{Lu}[\p{L}'’.-]+)+`)

// leadingArticle is an article or preposition capitalised at the start of a sentence.
var leadingArticle = regexp.MustCompile(`^(?:Il|Lo|La|Le|Les|L'|The|A|An|Un|Une|Du|De|Des|Del|Della|Dei|Degli|Of|In|Per|Pour|For)\s+`)

// readAll returns the lower-cased contents of the files matching the patterns.
func readAll(t *testing.T, patterns ...string) []string {
	var out []string
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, strings.ToLower(strings.ReplaceAll(string(b), "’", "'")))
		}
	}
	return out
}

func containing(texts []string, needle string) int {
	n := 0
	for _, tx := range texts {
		if strings.Contains(tx, needle) {
			n++
		}
	}
	return n
}

// withoutComments blanks the comments of Go source (// to the end of a line) and of the
// lexicons (# lines): what is left is what the rules and tests read.
func withoutComments(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "//"), strings.HasPrefix(t, "#"):
			lines[i] = ""
		case strings.Contains(l, " // "):
			lines[i] = l[:strings.Index(l, " // ")]
		}
	}
	return strings.Join(lines, "\n")
}

// TestNoRuleNamesOneCorpusDocument enforces the rule of the corpus: no rule, word list or
// test of the loaders may name something that only one corpus document names (a sign of
// fitting that document rather than the language), unless our own texts (the seeds,
// testdata/loaders) or the gazetteer name it too.
func TestNoRuleNamesOneCorpusDocument(t *testing.T) {
	docs, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if len(docs) == 0 {
		t.Skipf("corpus not found at %s (../shared/corpus from the repository root)", corpusDir)
	}
	general := generalWords(t)
	texts := readAll(t, filepath.Join(corpusDir, "*.txt"))
	ours := readAll(t, filepath.Join(seedDir, "*.txt"), "../../testdata/loaders/*/*.txt", "../gazetteer/data/*")
	sources, _ := filepath.Glob("*.go")
	lex, _ := filepath.Glob("lexicon/*.txt")
	for _, src := range append(sources, lex...) {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range properName.FindAllString(withoutComments(string(b)), -1) {
			name = leadingArticle.ReplaceAllString(strings.TrimRight(name, "."), "")
			if !strings.ContainsAny(strings.TrimSpace(name), " \t\n") {
				continue
			}
			needle := strings.ToLower(strings.ReplaceAll(name, "’", "'"))
			if containing(texts, needle) == 1 && containing(ours, needle) == 0 && !allIn(general, needle) {
				t.Errorf("%s names %q, which only one corpus document names: write an example of your own", src, name)
			}
		}
	}
}

// generalWords are the words a rule may name: every word of the lexicons and of the
// gazetteer (titles, heads, cue words, glossary, names of reference bodies).
func generalWords(t *testing.T) map[string]bool {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	add := func(s string) {
		for _, w := range text.FoldTokensWords(s) {
			out[w] = true
		}
	}
	for _, lex := range lexicons {
		for _, es := range lex {
			for _, e := range es {
				add(e.words)
			}
		}
	}
	for _, m := range []map[string]bool{titleWords, agencyHeads, bodyHeads, connectors, honorifics, projectHeads} {
		for w := range m {
			add(w)
		}
	}
	for w := range x.gaz.Glossary {
		add(w)
	}
	for w := range x.english {
		add(w)
	}
	for _, b := range x.gaz.Bodies {
		add(b.Name)
		for _, a := range b.Acronyms {
			add(a)
		}
	}
	return out
}

// allIn reports whether every word of a name is general vocabulary.
func allIn(words map[string]bool, name string) bool {
	for _, w := range text.FoldTokensWords(name) {
		if !words[w] {
			return false
		}
	}
	return true
}
