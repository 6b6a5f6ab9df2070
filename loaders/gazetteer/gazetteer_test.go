package gazetteer

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/loaders/text"
)

func TestLoad(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	members := 0
	for _, s := range g.States {
		if s.UNMember {
			members++
		}
	}
	if members != 193 || g.State("PS") == nil || g.State("PS").UNMember || g.State("XK") == nil {
		t.Errorf("%d UN member states, want 193, and Palestine and Kosovo besides: %+v %+v", members, g.State("PS"), g.State("XK"))
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
	if mk := g.State("MK"); mk == nil || !contains(mk.Names["it"], "Macedonia") || !contains(mk.Names["en"], "Former Yugoslav Republic of Macedonia") {
		t.Errorf("North Macedonia under its former names: %+v", mk)
	}
	if de := g.State("DE"); de == nil || !contains(de.Names["fr"], "République fédérale d'Allemagne") {
		t.Errorf("Germany under its formal name: %+v", de)
	}
	if b := g.Body("unbody:unoda"); b == nil || !contains(b.Names["fr"], "Bureau des affaires de désarmement") {
		t.Errorf("UNODA under its short French name: %+v", b)
	}
	if b := g.Body("org:eu-med9"); b == nil || !contains(b.Acronyms, "MED9") || g.Body("org:med5") == nil {
		t.Errorf("the EU's Mediterranean groups: %+v", b)
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

// TestPlaces checks that every place has its own slug and that no place is named like a
// state (the generated cities leave those out; a state's name must stay a state).
func TestPlaces(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]string{}
	for _, s := range g.States {
		for _, lang := range Languages {
			for _, n := range s.Names[lang] {
				states[fold(n)] = s.Code
			}
		}
	}
	slugs := map[string]bool{}
	for _, p := range g.Places {
		if slugs[p.Slug] {
			t.Errorf("place %s twice", p.Slug)
		}
		slugs[p.Slug] = true
		for _, lang := range Languages {
			for _, n := range p.Names[lang] {
				if code, ok := states[fold(n)]; ok && code != p.Country {
					t.Errorf("place %s is named %q like the state %s", p.Slug, n, code)
				}
			}
		}
	}
	for _, slug := range []string{"lome", "yaounde", "ouagadougou", "rome", "trieste"} {
		if !slugs[slug] {
			t.Errorf("no place %s: data/cities.tsv or data/places.tsv not read", slug)
		}
	}
}

func fold(s string) string { return strings.Join(text.FoldTokens(s), " ") }

func TestItalianAdjectivesHaveTheirFeminine(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// Irregular adjectives are listed in full; every masculine singular in -o has its
	// feminine in -a ("la Polizia tedesca", "l'Ambasciata britannica", "la Guardia
	// Costiera americana" beside "statunitense").
	for _, s := range g.States {
		forms := s.Adjectives["it"]
		for _, f := range forms {
			if strings.HasSuffix(f, "o") && !slices.Contains(forms, strings.TrimSuffix(f, "o")+"a") {
				t.Errorf("%s: the Italian adjective %q of %v has no feminine singular", s.Code, f, forms)
			}
		}
	}
}
