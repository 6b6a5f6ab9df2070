// Package extract turns a plain-text document (Italian, French or English) into a
// fixture: the states, agencies, UN bodies, organisations, persons, projects, roadmaps
// and meetings it mentions, the relations between them, and for each the spans of text
// they were read from.
//
// The pipeline: text.Analyse normalises and tokenises; the gazetteer is matched
// (longest phrase first); recognisers find what the gazetteer cannot list (national
// agencies built on a head noun, persons with their titles, named projects, roadmaps,
// dates); agencies get their state; then sentence by sentence, cue phrases
// ("organizzato da", "financé par", "in collaboration with", "hanno partecipato") link
// the actors to the meeting, project or roadmap the sentence is about.
//
// # Identifiers
//
// Ids are stable and readable, built only from what is written, so the same thing gets
// the same id in every document and every run:
//
//	state:<iso2>                       state:ma (from the gazetteer)
//	unbody:<key>, org:<key>            unbody:unicri, org:interpol (from the gazetteer)
//	agency:<iso2>:<slug>               agency:ma:ministry-of-interior; the slug is the
//	                                   gazetteer's, else the acronym given in brackets,
//	                                   else the name's words in English (glossary), e.g.
//	                                   agency:it:office-coordination-planning-forces-police
//	person:<given-family>              person:stefano-gambacurta (capitals and accents folded)
//	project:<short name>               project:atlas
//	roadmap:<parties>:<date|period>    roadmap:uz-unoct:2022-10; a named one roadmap:<name>
//	meeting:<start>:<place>:<subtype>  meeting:2023-01-26:rabat:workshop (a place unknown is left
//	                                   out; without a date the document's name ends the id:
//	                                   meeting:rome:conference:002_3be833bce37a2c7b)
//	doc:<file base name>               doc:000_71da1a09c708c8a4
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/gazetteer"
	"github.com/entente/entente/loaders/text"
)

// MaxBytes is the largest document Extract reads; longer input is refused.
const MaxBytes = 8 << 20

// ErrTooLarge is returned for documents over MaxBytes.
var ErrTooLarge = fmt.Errorf("the document is larger than %d MiB; split it", MaxBytes>>20)

// Extractor holds the gazetteer and its indexes; it is safe for concurrent use.
type Extractor struct {
	gaz        *gazetteer.Gazetteer
	ix         index
	cuesOf     map[string]cueIndex            // cue phrases of each language
	english    map[string]bool                // English words of agency names (glossary): never part of a person's name
	notName    map[string]bool                // words never part of a person's name (notNameWords)
	classes    map[string]wordClass           // the classes of the words of classLists
	agencies   map[string][]*gazetteer.Agency // gazetteer agencies by slug
	nameWords  map[string][]*gazetteer.Agency // agencies of a state by "country lang word", a word of a name of several
	confidence confidenceTable                // measured precision of each evidence class
}

// New builds an Extractor over the embedded gazetteer.
func New() (*Extractor, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	conf, err := parseConfidence(confidenceTSV)
	if err != nil {
		return nil, err
	}
	x := &Extractor{gaz: g, ix: buildIndex(g), cuesOf: map[string]cueIndex{}, english: map[string]bool{}, agencies: map[string][]*gazetteer.Agency{},
		nameWords: map[string][]*gazetteer.Agency{}, confidence: conf}
	for _, gl := range g.Glossary {
		x.english[gl.English] = true
	}
	for i := range g.Agencies {
		a := &g.Agencies[i]
		x.agencies[a.Slug] = append(x.agencies[a.Slug], a)
		if a.Country != "" {
			x.indexNameWords(a)
		}
	}
	for lang, phrases := range cuePhrasesByLanguage {
		x.cuesOf[lang] = buildCues(phrases)
	}
	x.notName = x.notNameWords()
	x.classes = wordClasses()
	return x, nil
}

// indexNameWords adds a state's agency under each word of its names of several words.
func (x *Extractor) indexNameWords(a *gazetteer.Agency) {
	for lang, names := range a.Names {
		seen := map[string]bool{}
		for _, n := range names {
			if w := text.FoldTokensWords(n); len(w) > 1 {
				for _, f := range w {
					if k := nameWordKey(a.Country, lang, f); !seen[k] {
						seen[k] = true
						x.nameWords[k] = append(x.nameWords[k], a)
					}
				}
			}
		}
	}
}

// nameWordKey is the key of Extractor.nameWords.
func nameWordKey(country, lang, word string) string { return country + " " + lang + " " + word }

// DocumentID returns the document id for a file name: doc:<base name without extension>.
func DocumentID(file string) string {
	base := filepath.Base(file)
	return "doc:" + strings.TrimSuffix(base, filepath.Ext(base))
}

// Extract reads one document and returns its fixture. file names the document (its
// base name gives the id); raw is its content.
func (x *Extractor) Extract(file string, raw []byte) (*fixtures.Fixture, error) {
	return x.extract(file, raw, "", false)
}

// ExtractText extracts one document as Extract does, read in the language lang (it, fr
// or en; "" detects it, as Extract does), and keeps in its document's Text the text the
// spans count in (raw normalised to NFC, without a byte order mark).
func (x *Extractor) ExtractText(file string, raw []byte, lang string) (*fixtures.Fixture, error) {
	switch lang {
	case "", "it", "fr", "en":
	default:
		return nil, fmt.Errorf("%w: %q is not it, fr or en", text.ErrNoLanguage, lang)
	}
	return x.extract(file, raw, lang, true)
}

func (x *Extractor) extract(file string, raw []byte, lang string, keepText bool) (*fixtures.Fixture, error) {
	if len(raw) > MaxBytes {
		return nil, ErrTooLarge
	}
	d, err := text.Analyse(raw)
	if lang != "" && (err == nil || errors.Is(err, text.ErrNoLanguage)) {
		d.Lang, err = lang, nil
	}
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	doc := fixtures.Document{ID: DocumentID(file), Title: title(d), Language: d.Lang, File: filepath.Base(file), SHA256: hex.EncodeToString(sum[:])}
	r := newRun(x, d, doc.ID)
	r.analyse()
	doc.Published = strp(r.published)
	if keepText {
		doc.Text = d.Text
	}
	f := r.g.fixture(doc)
	x.assignConfidence(f)
	if ps := fixtures.Validate(f); len(ps) > 0 {
		return nil, errors.New("internal error: extracted fixture is invalid: " + ps[0].String())
	}
	return f, nil
}

// ExtractFile reads and extracts one document file, refusing folders and files over
// MaxBytes without reading them whole.
func (x *Extractor) ExtractFile(path string) (*fixtures.Fixture, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("is a folder, not a text file")
	}
	if st.Size() > MaxBytes {
		return nil, ErrTooLarge
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	raw, err := io.ReadAll(io.LimitReader(fh, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	return x.Extract(path, raw)
}

// title is the first line of the document, trimmed and cut at 200 characters.
func title(d *text.Doc) string {
	for _, line := range strings.Split(d.Text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if utf8.RuneCountInString(line) > 200 {
				line = string([]rune(line)[:200])
			}
			return line
		}
	}
	return ""
}

// slug folds a name to lower-case ASCII words joined by hyphens.
func slug(s string) string {
	return strings.Join(text.FoldTokensWords(s), "-")
}

// titleCase writes a name in capitals ("GAMBACURTA") as Gambacurta.
func titleCase(w string) string {
	rs := []rune(strings.ToLower(w))
	if len(rs) > 0 {
		rs[0] = unicode.ToUpper(rs[0])
	}
	return string(rs)
}
