package extract

import "testing"

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

func TestWholeWords(t *testing.T) {
	got := wholeWords("oggi, oggigiorno e ancora oggi", "oggi")
	if len(got) != 2 || got[0] != 0 || got[1] != 26 {
		t.Errorf("wholeWords: %v, want [0 26]", got)
	}
}
