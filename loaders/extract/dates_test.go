package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/entente/entente/loaders/text"
)

func TestDates(t *testing.T) {
	for in, want := range map[string][2]string{
		"il 26 e 27 gennaio 2023, a Rabat":  {"2023-01-26", "2023-01-27"},
		"dal 25 al 28 gennaio 2022":         {"2022-01-25", "2022-01-28"},
		"19/04/2024":                        {"2024-04-19", ""},
		"nel marzo 2022":                    {"2022-03", ""},
		"nell'ottobre 2022":                 {"2022-10", ""},
		"from 12 to 14 september 2023":      {"2023-09-12", "2023-09-14"},
		"on october 3-4, 2023 in geneva":    {"2023-10-03", "2023-10-04"},
		"le 1er decembre 2023":              {"2023-12-01", ""},
		"du 30 novembre au 2 decembre 2023": {"2023-11-30", "2023-12-02"},
		"per il periodo 2024-2025":          {"2024", "2025"},
		"january 26, 2023":                  {"2023-01-26", ""},
		"adottata nel 2018 dai governi":     {"2018", ""},
		"entre le 3 et le 5 mars 2019":      {"2019-03-03", "2019-03-05"},
		"tra il 3 e il 5 marzo 2019":        {"2019-03-03", "2019-03-05"},
		"on the 3rd of march 2019":          {"2019-03-03", ""},
	} {
		ds := findDates(in)
		if len(ds) == 0 || ds[0].from != want[0] || ds[0].to != want[1] {
			t.Errorf("%q: got %+v, want %v", in, ds, want)
		}
	}
	if ds := findDates("les 18 et 7 novembre"); len(ds) != 1 || ds[0].partial == "" || ds[0].from != "" {
		t.Errorf("a date without its year: %+v", ds)
	}
}

func TestDayWordsIn(t *testing.T) {
	got := dayWordsIn("oggi, oggigiorno e ancora oggi; aujourd'hui, aujourd'huix, aujourd hui, lundi")
	want := []namedDay{{0, "oggi"}, {26, "oggi"}, {32, "aujourd'hui"}, {72, "lundi"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dayWordsIn: %v, want %v", got, want)
	}
}

func TestWeekdayDates(t *testing.T) {
	ds := findDates("on monday the experts met; jeudi 9 mars 2023, the heads of delegation")
	if len(ds) != 2 || ds[0].weekday != int(time.Monday)+1 || ds[0].start != 3 || ds[0].end != 9 || ds[1].from != "2023-03-09" {
		t.Errorf("weekdays: %+v", ds)
	}
}

// dateWindowSamples are folded windows that stress where the date patterns start and
// what they need: suffixes, glued words, years alone, ranges and numeric dates.
var dateWindowSamples = []string{
	"marzoe 5 aprile 2023", "1er et 2 mars 2024", "3rd-4th may 2023", "12 march. 2023", "gen.2023",
	"nel 2018-2019 e dal 2020", "2024-04-19 e 19.04.2024", "12/3/2021", "123 marzo 2022",
	"5 12 marzo", "5marzo 2022", "may 5 to 7, 2022", "ottobre del 2022", "a2023 b 2023c 20234",
	"the year 1999 and 2101", "dal 25 al 28 gennaio 2022 ((( ;;; ", "les 18 et 7 novembre",
}

// checkDatePatternsAtWords checks that trying each date pattern only at the words its
// matches can start with, and only when the window has what it needs, finds exactly
// what the pattern finds searching every character.
func checkDatePatternsAtWords(t *testing.T, w string) {
	t.Helper()
	words, has := dateWords(w, nil)
	for pi, pw := range patternWords {
		want := datePatterns[pi].FindAllStringSubmatchIndex(w, 50)
		var got [][]int
		if has&pw.needs == pw.needs {
			got = findAllAt(anchoredPatterns[pi], w, pw.startsIn(words, nil), 50)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("pattern %d on %q: got %v, want %v", pi, w, got, want)
		}
	}
}

func TestDatePatternsAtWords(t *testing.T) {
	for _, w := range dateWindowSamples {
		checkDatePatternsAtWords(t, w)
	}
	for _, fold := range testDocumentFolds(t) {
		for _, ws := range digitWindows(fold) {
			checkDatePatternsAtWords(t, fold[ws[0]:ws[1]])
		}
		checkDatePatternsAtWords(t, fold) // the whole text, not only around numbers
	}
}

func FuzzDatePatternsAtWords(f *testing.F) {
	for _, w := range dateWindowSamples {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDatePatternsAtWords(t, text.Fold([]rune(s)))
	})
}

// TestRangesWithWeekdays reads a range whose days carry their weekdays ("du mardi 21 au
// mercredi 22 octobre", "dal lunedì 10 al venerdì 14 marzo", "from Monday 10 to Friday 14 March").
func TestRangesWithWeekdays(t *testing.T) {
	for _, c := range []struct{ text, from, to string }{
		{"Les agents ont pris part, du mardi 21 au mercredi 22 octobre 2025, à l'exercice.", "2025-10-21", "2025-10-22"},
		{"Il corso si è svolto dal lunedì 10 al venerdì 14 marzo 2025 a Bari.", "2025-03-10", "2025-03-14"},
		{"The course ran from Monday 10 to Friday 14 March 2025 in Tirana.", "2025-03-10", "2025-03-14"},
		{"Il seminario per i funzionari della polizia si svolge da domenica 9 a martedì 11 marzo 2025 a Bari, con la partecipazione degli esperti.", "2025-03-09", "2025-03-11"},
	} {
		d, err := text.Analyse([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, dm := range findDates(d.Fold) {
			if from, to, ok := dm.resolve(""); ok && from == c.from && to == c.to {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no date %s..%s in %+v", c.text, c.from, c.to, findDates(d.Fold))
		}
	}
}

// testDocumentFolds returns the fold of every document of ours under testdata/loaders.
func testDocumentFolds(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../../testdata/loaders/*/*.txt")
	if len(files) == 0 {
		t.Fatal("no test documents")
	}
	folds := make([]string, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		folds = append(folds, text.Fold([]rune(string(raw))))
	}
	return folds
}

func TestDaysTakeTheYearOfTheirMonthNamedBefore(t *testing.T) {
	ds := findDates("febbraio 2025. le missioni. dal 12 al 19 febbraio si sono svolte due missioni. novembre 2024. la firma. il 3 marzo")
	monthYears(ds)
	if len(ds) < 3 || ds[1].from != "2025-02-12" || ds[1].to != "2025-02-19" {
		t.Errorf("days under a heading of their month and year take its year: %+v", ds)
	}
	if last := ds[len(ds)-1]; last.pmonth == 0 {
		t.Errorf("a day of another month keeps no year: %+v", last)
	}
}

func TestWeekdayBeforeAMonthIsNoDateOfItsOwn(t *testing.T) {
	for _, in := range []string{"on monday, march 4th, 2019", "lundi 4 mars 2019"} {
		for _, d := range findDates(in) {
			if d.isRelative {
				t.Errorf("%q: the weekday names the date after it, no day of its own: %+v", in, d)
			}
		}
	}
}
