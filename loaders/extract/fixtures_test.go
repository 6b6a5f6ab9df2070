package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

// seedDir is where the seed documents live, relative to this package.
const seedDir = "../../../shared/documents"

// extractSeeds extracts every seed document, or skips the test when they are absent.
func extractSeeds(t *testing.T) (docs []string, fs []*fixtures.Fixture) {
	docs, _ = filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(docs) == 0 {
		t.Skipf("seed documents not found at %s (../shared/documents from the repository root)", seedDir)
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range docs {
		raw, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		f, err := x.Extract(doc, raw)
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		fs = append(fs, f)
	}
	return docs, fs
}

// TestCommittedFixtures checks that fixtures/*.json are what `make fixtures`
// (entente extract --out fixtures ../shared/documents/*.txt) writes today.
func TestCommittedFixtures(t *testing.T) {
	docs, fs := extractSeeds(t)
	for i, doc := range docs {
		want, err := fixtures.Marshal(fs[i])
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(doc), ".txt") + ".json"
		got, err := os.ReadFile(filepath.Join("../../fixtures", name))
		if err != nil {
			t.Errorf("fixtures/%s: %v (run `make fixtures`)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("fixtures/%s differs from a fresh extraction: run `make fixtures` and commit the result", name)
		}
		if _, err := fixtures.Parse(name, got); err != nil {
			t.Error(err)
		}
	}
}

// TestMergeAcrossDocuments checks that the seeds merge into one valid fixture where
// the same person and the same agencies are one node.
func TestMergeAcrossDocuments(t *testing.T) {
	_, fs := extractSeeds(t)
	m := Merge(fs...)
	if ps := fixtures.Validate(m); len(ps) > 0 {
		t.Fatalf("merged fixture invalid: %v", ps)
	}
	docsOf := map[string]map[string]bool{}
	for _, n := range m.Nodes {
		docsOf[n.ID] = map[string]bool{}
		for _, s := range n.Sources {
			docsOf[n.ID][s.Document] = true
		}
	}
	for id, want := range map[string]int{"person:stefano-gambacurta": 2, "agency:it:ministry-of-interior": 2, "unbody:unicri": 2, "agency:it:office-coordination-planning-forces-police": 2} {
		if len(docsOf[id]) != want {
			t.Errorf("%s is read in %d documents, want %d", id, len(docsOf[id]), want)
		}
	}
}

// TestTestdataExtractsValid checks that every text of testdata/loaders extracts to a
// fixture the format accepts (a role or kind the format refuses fails here, not in a load).
func TestTestdataExtractsValid(t *testing.T) {
	docs, _ := filepath.Glob("../../testdata/loaders/*/*.txt")
	if len(docs) == 0 {
		t.Fatal("no texts under testdata/loaders")
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range docs {
		raw, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := x.Extract(doc, raw); err != nil {
			t.Errorf("%s: %v", doc, err)
		}
	}
}
