// Package gazetteer holds the reference data the loaders recognise by name: UN member
// states with their names and adjectives, the UN system, international and regional
// organisations, frameworks (initiatives, strategies), national agencies, places and a
// glossary for agency names. The data lives in data/ as TSV and JSON files embedded in
// the binary; README.md says how to add an entry.
package gazetteer

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/entente/entente/loaders/text"
)

//go:embed data/*.tsv data/*.json
var files embed.FS

// Languages are the document languages the data covers.
var Languages = []string{"en", "it", "fr"}

// State is a UN member state.
type State struct {
	Code       string              // ISO 3166-1 alpha-2, upper case
	Name       string              // canonical English name
	Names      map[string][]string // by language
	Adjectives map[string][]string // by language, every gender and number
	UNMember   bool                // a member of the United Nations, not an observer or a state some recognise
}

// Body is a UN body, an organisation, or a framework (Project or Roadmap) with a fixed id.
type Body struct {
	ID       string              `json:"id"`
	Kind     string              `json:"kind"`
	Name     string              `json:"name"`
	Subtype  string              `json:"subtype,omitempty"`
	Country  string              `json:"country,omitempty"`
	PartOf   string              `json:"partOf,omitempty"`
	Acronyms []string            `json:"acronyms,omitempty"`
	Names    map[string][]string `json:"names"`
}

// Agency is a national body. With Country empty it is a kind of body every state has
// (a ministry of the interior), and its state comes from the document.
type Agency struct {
	Slug     string              `json:"slug"`
	Name     string              `json:"name"`
	Country  string              `json:"country,omitempty"`
	PartOf   string              `json:"partOf,omitempty"` // slug of the parent agency, same country
	Acronyms []string            `json:"acronyms,omitempty"`
	Names    map[string][]string `json:"names"`
	// Collective marks a name for several bodies together (the Forze di Polizia):
	// inside another body's name it is part of that name, not its parent.
	Collective bool `json:"collective,omitempty"`
	// Shared marks a name that bodies of several states use (the Direction générale de
	// la Sûreté nationale of Morocco, Algeria, Niger): Country holds only in a document
	// that names that state.
	Shared bool `json:"shared,omitempty"`
}

// Place is a city or a venue.
type Place struct {
	Slug    string
	Country string
	Name    string
	Names   map[string][]string
}

// Gloss is the English word for an Italian or French word of an agency name.
type Gloss struct {
	English   string
	Adjective bool
}

// Gazetteer is all the reference data.
type Gazetteer struct {
	States   []State
	Bodies   []Body
	Agencies []Agency
	Places   []Place
	Glossary map[string]Gloss // keys folded: lower case, no accents
	byCode   map[string]*State
	byID     map[string]*Body
}

var (
	once    sync.Once
	loaded  *Gazetteer
	loadErr error
)

// Default returns the embedded gazetteer, loaded once.
func Default() (*Gazetteer, error) {
	once.Do(func() { loaded, loadErr = Load() })
	return loaded, loadErr
}

// Load parses the embedded data files.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{Glossary: map[string]Gloss{}, byCode: map[string]*State{}, byID: map[string]*Body{}}
	var err error
	for _, name := range []string{"data/states.tsv", "data/other-states.tsv"} {
		member := name == "data/states.tsv"
		if err == nil {
			err = readTSV(name, 7, func(f []string) {
				s := State{Code: f[0], Names: map[string][]string{}, Adjectives: map[string][]string{}, UNMember: member}
				for i, lang := range Languages {
					s.Names[lang] = split(f[1+i])
					s.Adjectives[lang] = inflect(lang, split(f[4+i]))
				}
				s.Name = s.Names["en"][0]
				g.States = append(g.States, s)
			})
		}
	}
	// Places: ours first, then the cities generated from GeoNames (geonames/cities.py).
	for _, name := range []string{"data/places.tsv", "data/cities.tsv"} {
		if err == nil {
			err = readTSV(name, 5, func(f []string) {
				p := Place{Slug: f[0], Country: f[1], Names: map[string][]string{}}
				for i, lang := range Languages {
					p.Names[lang] = split(f[2+i])
				}
				p.Name = p.Names["en"][0]
				g.Places = append(g.Places, p)
			})
		}
	}
	if err == nil {
		err = readTSV("data/glossary.tsv", 2, func(f []string) {
			// Keys are folded like document tokens: "supérieure" is looked up as "superieure".
			g.Glossary[strings.Join(text.FoldTokens(f[0]), "")] = Gloss{English: f[1], Adjective: len(f) > 2 && f[2] == "a"}
		})
	}
	for _, name := range []string{"data/un.json", "data/organizations.json", "data/frameworks.json"} {
		if err == nil {
			var bs []Body
			err = readJSON(name, &bs)
			g.Bodies = append(g.Bodies, bs...)
		}
	}
	if err == nil {
		err = readJSON("data/agencies.json", &g.Agencies)
	}
	if err != nil {
		return nil, err
	}
	for i := range g.States {
		g.byCode[g.States[i].Code] = &g.States[i]
	}
	for i := range g.Bodies {
		g.byID[g.Bodies[i].ID] = &g.Bodies[i]
	}
	return g, g.check()
}

// check reports dangling references between entries.
func (g *Gazetteer) check() error {
	for _, b := range g.Bodies {
		if b.PartOf != "" && g.byID[b.PartOf] == nil {
			return fmt.Errorf("gazetteer: %s is part of unknown %s", b.ID, b.PartOf)
		}
		if b.Country != "" && g.byCode[b.Country] == nil {
			return fmt.Errorf("gazetteer: %s has unknown country %s", b.ID, b.Country)
		}
	}
	for _, a := range g.Agencies {
		if a.Country != "" && g.byCode[a.Country] == nil {
			return fmt.Errorf("gazetteer: agency %s has unknown country %s", a.Slug, a.Country)
		}
	}
	for _, p := range g.Places {
		if g.byCode[p.Country] == nil {
			return fmt.Errorf("gazetteer: place %s has unknown country %s", p.Slug, p.Country)
		}
	}
	return nil
}

// State returns the state with an ISO code, or nil.
func (g *Gazetteer) State(code string) *State { return g.byCode[code] }

// Body returns the body with an id, or nil.
func (g *Gazetteer) Body(id string) *Body { return g.byID[id] }

func readTSV(name string, minFields int, row func([]string)) error {
	data, err := files.ReadFile(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < minFields {
			return fmt.Errorf("gazetteer: %s:%d: %d fields, want %d", name, n, len(f), minFields)
		}
		row(f)
	}
	return sc.Err()
}

func readJSON(name string, v any) error {
	data, err := files.ReadFile(name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("gazetteer: %s: %v", name, err)
	}
	return nil
}

func split(field string) []string {
	var out []string
	for _, s := range strings.Split(field, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// inflect derives the feminine and plural forms of adjectives written in the masculine
// singular. Several forms listed in the data are taken as complete and kept as they are.
func inflect(lang string, forms []string) []string {
	if len(forms) != 1 || lang == "en" {
		return forms
	}
	a := forms[0]
	if lang == "it" {
		switch stem := a[:len(a)-1]; a[len(a)-1] {
		case 'o':
			return []string{a, stem + "a", stem + "i", stem + "e"}
		case 'e':
			return []string{a, stem + "i"}
		case 'a':
			return []string{a, stem + "i", stem + "e"}
		}
		return forms
	}
	switch {
	case strings.HasSuffix(a, "ien"), strings.HasSuffix(a, "éen"):
		return []string{a, a + "ne", a + "s", a + "nes"}
	case strings.HasSuffix(a, "e"):
		return []string{a, a + "s"}
	case strings.HasSuffix(a, "s"):
		return []string{a, a + "e", a + "es"}
	}
	return []string{a, a + "e", a + "s", a + "es"}
}
