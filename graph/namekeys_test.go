package graph

import "testing"

// Names fold as the loaders fold them: lower case, no accents, words of letters and digits.
func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"Direction Générale de la Sûreté": "direction generale de la surete",
		"Ministero dell'Interno":          "ministero dell interno",
		"ŒUVRE Straße":                    "oeuvre strasse",
		"Ташкент 2022":                    "ташкент 2022",
		"U.N.":                            "u n",
		"e\u0301te\u0301":                 "ete",
	} {
		if got := FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"DGSN": "dgsn", "U.N.": "un", "G7": "", "Interpol": "", "UNICRI": "unicri"} {
		got, ok := acronymOf(in)
		if ok != (want != "") || got != want {
			t.Errorf("acronymOf(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}
