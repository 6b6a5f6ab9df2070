package gazetteer

import "testing"

func TestLoad(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.States) != 193 {
		t.Errorf("%d UN member states, want 193", len(g.States))
	}
	seen := map[string]bool{}
	for _, s := range g.States {
		if seen[s.Code] {
			t.Errorf("state %s twice", s.Code)
		}
		seen[s.Code] = true
		for _, lang := range Languages {
			if len(s.Names[lang]) == 0 || len(s.Adjectives[lang]) == 0 {
				t.Errorf("state %s lacks a %s name or adjective", s.Code, lang)
			}
		}
	}
	ma := g.State("MA")
	if ma == nil || !contains(ma.Adjectives["it"], "marocchine") || !contains(ma.Adjectives["fr"], "marocaines") {
		t.Errorf("Moroccan adjectives: %+v", ma)
	}
	if b := g.Body("unbody:unicri"); b == nil || b.PartOf != "unbody:un" {
		t.Errorf("UNICRI: %+v", b)
	}
	ids := map[string]bool{}
	for _, b := range g.Bodies {
		if ids[b.ID] {
			t.Errorf("body %s twice", b.ID)
		}
		ids[b.ID] = true
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
