package extract

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/entente/entente/loaders/text"
)

// TestEveryLexiconListIsRead catches a misspelt list name in lexicon/*.txt, which the
// code would otherwise never read.
func TestEveryLexiconListIsRead(t *testing.T) {
	for lang, lex := range lexicons {
		for list := range lex {
			if !lexiconLists[list] {
				t.Errorf("lexicon/%s.txt: list [%s] is read by no rule", lang, list)
			}
		}
	}
	for _, lang := range []string{"en", "fr", "it"} {
		if len(lexicons[lang]) == 0 {
			t.Errorf("no lexicon for %s", lang)
		}
	}
}

func TestLexiconRefusesMalformedFiles(t *testing.T) {
	for data, want := range map[string]string{
		"ministero\n":               "lexicon/xx.txt:1: an entry before the first [list]",
		"[agency heads]\nMinistero": `lexicon/xx.txt:2: "Ministero" is not folded`,
		"[agency heads]\nministère": `lexicon/xx.txt:2: "ministère" is not folded`,
	} {
		_, err := loadLexicons(fstest.MapFS{"lexicon/xx.txt": {Data: []byte(data)}})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", data, err, want)
		}
	}
}

func TestLexiconValues(t *testing.T) {
	if months["settembre"] != 9 || months["septembre"] != 9 || months["september"] != 9 {
		t.Errorf("months of September: %d %d %d", months["settembre"], months["septembre"], months["september"])
	}
	if meetingHeads["atelier"] != "workshop" || !cueVariants["da"]["dall"] {
		t.Errorf("values not read: atelier=%q, da~dall=%v", meetingHeads["atelier"], cueVariants["da"]["dall"])
	}
}

// TestLocativesAreReadPerLanguage: "a" is a preposition of place in Italian and French
// ("a Rabat") but an article in English, where "X, a Moroccan prosecutor" names whom X
// works for.
func TestLocativesAreReadPerLanguage(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := x.Extract("en.txt", []byte("Rabat, 3 May 2024 – Karim Idrissi, a Moroccan prosecutor, spoke at the workshop on terrorist financing organised by UNODC in Rabat.\n"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range f.Edges {
		found = found || e.Kind == "AFFILIATED_WITH" && e.From == "person:karim-idrissi" && e.To == "state:ma"
	}
	if !found {
		t.Errorf("the English article 'a' was read as a place: no affiliation with Morocco in %v", f.Edges)
	}
	if locatives["en"]["a"] || !locatives["it"]["a"] || !locatives["fr"]["a"] {
		t.Errorf("locatives of 'a': en %v, it %v, fr %v", locatives["en"]["a"], locatives["it"]["a"], locatives["fr"]["a"])
	}
}

// A document is read with the cues of its own language: "funded by" is an English cue, and
// a French document that quotes it in a programme's name does not read it as one.
func TestCuesOfTheDocumentsLanguage(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "London, 3 May 2019 – The workshop of the police officers of the region was funded by Japan and held in the capital.", true},
		{"fr", "Paris, 3 mai 2019 – Le programme « Funded by Japan » a été présenté aux policiers de la région par le ministère de l'Intérieur.", false},
	} {
		d, err := text.Analyse([]byte(c.text))
		if err != nil {
			t.Fatalf("%s: %v", c.lang, err)
		}
		if d.Lang != c.lang {
			t.Fatalf("%s: read as %q", c.lang, d.Lang)
		}
		r := newRun(x, d, "doc:cues")
		got := false
		for i := range d.Tokens {
			for _, p := range r.cuesAt(i) {
				got = got || p.kind == cueFunder && hasCue(d, i, p.words)
			}
		}
		if got != c.want {
			t.Errorf("%s: funder cue read %v, want %v", c.lang, got, c.want)
		}
	}
}
