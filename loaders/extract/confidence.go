package extract

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/entente/entente/fixtures"
)

// The last stage of the pipeline gives every node and edge read from the text a
// confidence: the measured precision of its evidence class. A class says what kind of
// fact it is and what evidence produced it ("edge PARTICIPATED_IN both-ends-in-span
// repeated"); data/confidence.tsv holds the precision of each class, measured on the
// corpus of documents written by others by `make calibrate` (loaders/quality/quality.py
// --calibrate). A class the table lacks backs off to a coarser one (its last word
// dropped), and so on.

//go:embed data/confidence.tsv
var confidenceTSV []byte

// defaultConfidence is what a fact gets when no class of it was ever measured.
const defaultConfidence = 0.5

// confidenceTable maps evidence classes to confidences.
type confidenceTable map[string]float64

// parseConfidence reads "class<TAB>confidence[<TAB>...]" lines; # starts a comment.
func parseConfidence(data []byte) (confidenceTable, error) {
	t := confidenceTable{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		row := strings.TrimSpace(sc.Text())
		if row == "" || strings.HasPrefix(row, "#") {
			continue
		}
		f := strings.Split(row, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("data/confidence.tsv:%d: want class<TAB>confidence", line)
		}
		c, err := strconv.ParseFloat(f[1], 64)
		if err != nil || c < 0 || c > 1 {
			return nil, fmt.Errorf("data/confidence.tsv:%d: confidence %q is not a number in 0..1", line, f[1])
		}
		t[f[0]] = c
	}
	return t, sc.Err()
}

// of returns the confidence of a class, backing off to coarser classes.
func (t confidenceTable) of(class string) float64 {
	for c := class; c != ""; {
		if v, ok := t[c]; ok {
			return v
		}
		i := strings.LastIndexByte(c, ' ')
		if i < 0 {
			break
		}
		c = c[:i]
	}
	return defaultConfidence
}

// Evidence returns the evidence class of every node (by id) and edge (by key) of a
// fixture of one document that was read from its text; reference data has none.
func (x *Extractor) Evidence(f *fixtures.Fixture) (nodes, edges map[string]string) {
	nodes, edges = map[string]string{}, map[string]string{}
	spans := map[string][]fixtures.Source{}
	for _, n := range f.Nodes {
		if !readFromText(n.Sources) {
			continue
		}
		spans[n.ID] = n.Sources
		nodes[n.ID] = x.nodeEvidence(n)
	}
	for _, e := range f.Edges {
		if !readFromText(e.Sources) {
			continue
		}
		edges[e.Key()] = edgeEvidence(e, spans)
	}
	return nodes, edges
}

// nodeEvidence is "node <kind> <reference|read> <once|repeated>", with "titled" for a
// person with a title and "dated" for a meeting with a date.
func (x *Extractor) nodeEvidence(n fixtures.Node) string {
	w := []string{"node", n.Kind, "read"}
	if x.known(n) {
		w[2] = "reference"
	}
	switch {
	case n.Kind == fixtures.KindPerson && n.Properties["title"] != nil:
		w = append(w, "titled")
	case n.Kind == fixtures.KindPerson:
		w = append(w, "untitled")
	case n.Kind == fixtures.KindMeeting && n.StartDate != nil:
		w = append(w, "dated")
	case n.Kind == fixtures.KindMeeting:
		w = append(w, "undated")
	}
	return strings.Join(append(w, support(places(n.Sources))), " ")
}

// places counts the places of the text a node is read from: a span inside another of the
// node's spans (a meeting's short name inside its longer one) is the same place.
func places(srcs []fixtures.Source) int {
	n := 0
	for i, s := range srcs {
		inside := false
		for j, t := range srcs {
			if j != i && s.Reference == "" && t.Reference == "" && t.Document == s.Document && t.Start <= s.Start && s.End <= t.End &&
				(t.End-t.Start > s.End-s.Start || j < i) {
				inside = true
				break
			}
		}
		if !inside {
			n++
		}
	}
	return n
}

// known reports whether the gazetteer names the node (a state, a body or an agency).
func (x *Extractor) known(n fixtures.Node) bool {
	switch n.Kind {
	case fixtures.KindState:
		return true
	case fixtures.KindAgency:
		parts := strings.SplitN(n.ID, ":", 3)
		return len(parts) == 3 && len(x.agencies[parts[2]]) > 0
	}
	return x.gaz.Body(n.ID) != nil
}

// edgeEvidence is "edge <kind> <ends> <once|repeated>": how many of its ends are named
// inside a sentence the edge was read from (both, one or none: an end implied by the
// sentences around).
func edgeEvidence(e fixtures.Edge, spans map[string][]fixtures.Source) string {
	best := 0
	for _, s := range e.Sources {
		if s.Reference != "" {
			continue
		}
		in := 0
		for _, end := range []string{e.From, e.To} {
			for _, m := range spans[end] {
				if m.Start >= s.Start && m.End <= s.End {
					in++
					break
				}
			}
		}
		best = max(best, in)
	}
	ends := [...]string{"no-end-in-span", "one-end-in-span", "both-ends-in-span"}[best]
	return strings.Join([]string{"edge", e.Kind, ends, support(len(e.Sources))}, " ")
}

func support(sources int) string {
	if sources > 1 {
		return "repeated"
	}
	return "once"
}

func readFromText(srcs []fixtures.Source) bool {
	for _, s := range srcs {
		if s.Reference == "" {
			return true
		}
	}
	return false
}

// assignConfidence gives every node and edge read from the text the confidence of its
// evidence class, rounded to two decimals.
func (x *Extractor) assignConfidence(f *fixtures.Fixture) {
	nodes, edges := x.Evidence(f)
	round := func(c float64) *float64 { c = float64(int(c*100+0.5)) / 100; return &c }
	for i := range f.Nodes {
		if class, ok := nodes[f.Nodes[i].ID]; ok {
			f.Nodes[i].Confidence = round(x.confidence.of(class))
		}
	}
	for i := range f.Edges {
		if class, ok := edges[f.Edges[i].Key()]; ok {
			f.Edges[i].Confidence = round(x.confidence.of(class))
		}
	}
}
