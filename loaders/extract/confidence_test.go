package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
)

func TestConfidenceTableBacksOff(t *testing.T) {
	tb, err := parseConfidence([]byte("# comment\nedge PARTICIPATED_IN\t0.9\t9\t10\nedge PARTICIPATED_IN both-ends-in-span once\t0.95\t19\t20\n"))
	if err != nil {
		t.Fatal(err)
	}
	for class, want := range map[string]float64{
		"edge PARTICIPATED_IN both-ends-in-span once":     0.95,
		"edge PARTICIPATED_IN both-ends-in-span repeated": 0.9,
		"edge PARTICIPATED_IN no-end-in-span once":        0.9,
		"edge FUNDED both-ends-in-span once":              defaultConfidence,
	} {
		if got := tb.of(class); got != want {
			t.Errorf("%q: %v, want %v", class, got, want)
		}
	}
}

func TestConfidenceTableRefusesBadRows(t *testing.T) {
	for _, row := range []string{"edge FUNDED\n", "edge FUNDED\t1.2\n", "edge FUNDED\tmuch\n"} {
		if _, err := parseConfidence([]byte(row)); err == nil || !strings.Contains(err.Error(), "confidence.tsv:1") {
			t.Errorf("%q: error %v, want one naming line 1", row, err)
		}
	}
}

func TestEveryFactReadFromTextHasAConfidence(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc := "Roma, 3 marzo 2025 – Il Ministero dell'Interno ha firmato un memorandum d'intesa con l'UNODC. " +
		"Il prefetto Mario Bianchi, direttore dell'Ufficio, ha partecipato al seminario organizzato dall'UNICRI a Torino il 4 marzo 2025."
	f, err := x.Extract("conf.txt", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	nodes, edges := x.Evidence(f)
	if len(nodes) == 0 || len(edges) == 0 {
		t.Fatalf("no evidence classes: %d nodes, %d edges", len(nodes), len(edges))
	}
	for _, n := range f.Nodes {
		_, read := nodes[n.ID]
		switch {
		case read && (n.Confidence == nil || *n.Confidence <= 0 || *n.Confidence > 1):
			t.Errorf("node %s read from the text has confidence %v", n.ID, n.Confidence)
		case !read && n.Confidence != nil:
			t.Errorf("reference node %s has confidence %v, want none (1)", n.ID, *n.Confidence)
		}
	}
	for _, e := range f.Edges {
		if _, read := edges[e.Key()]; read && (e.Confidence == nil || *e.Confidence <= 0 || *e.Confidence > 1) {
			t.Errorf("edge %s read from the text has confidence %v", e.Key(), e.Confidence)
		}
	}
}

func TestNestedSpansAreOnePlace(t *testing.T) {
	src := func(start, end int) fixtures.Source {
		return fixtures.Source{Document: "doc:a", Start: start, End: end, Text: "x"}
	}
	for _, c := range []struct {
		srcs []fixtures.Source
		want int
	}{
		{[]fixtures.Source{src(10, 20), src(10, 60)}, 1}, // "réunion" and "réunion des experts douaniers"
		{[]fixtures.Source{src(5, 20), src(10, 20)}, 1},  // a title before the noun
		{[]fixtures.Source{src(10, 20), src(10, 20)}, 1},
		{[]fixtures.Source{src(10, 20), src(40, 60)}, 2},
		{[]fixtures.Source{src(10, 20), {Reference: "gazetteer"}}, 2},
	} {
		if got := places(c.srcs); got != c.want {
			t.Errorf("places(%v) = %d, want %d", c.srcs, got, c.want)
		}
	}
}
