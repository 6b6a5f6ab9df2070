package server_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// TestNarrowReadsAnswerAsFullReads asks search, meetings, shortestPath, neighbourhood and timeline
// for fields that a narrow read fills (model.Narrow), and again with one field more,
// which makes the read whole: the fields asked for both times answer the same. A node
// read narrowly is not cached: the same request asking for it whole gets every field.
func TestNarrowReadsAnswerAsFullReads(t *testing.T) {
	a := seedAPI(t)
	person := a.first("Gambacurta", "PERSON")
	meeting := a.first("JUMBO", "MEETING")
	agency := a.first("Interior", "AGENCY")
	node := `id name kind __typename ... on Meeting { startDate endDate }`
	edge := `id kind date from { ` + node + ` } to { id }`
	queries := map[string]string{
		"search":        `search(text: "police", first: 20) { score node { %s } }`,
		"shortestPath":  `shortestPath(from: $p, to: $a, maxHops: 6) { length nodes { %s } edges { ` + edge + ` } }`,
		"neighbourhood": `neighbourhood(id: $m, depth: 2, limit: 200) { truncated nodes { %s } edges { ` + edge + ` } }`,
		"meetings":      `meetings(orderBy: {field: DATE, direction: DESC}, first: 20) { totalCount edges { cursor node { %s } } pageInfo { hasNextPage endCursor } }`,
		"timeline":      `timeline(id: $p) { date endDate precision kind node { %s } edge { ` + edge + ` } }`,
	}
	ids := strings.NewReplacer("$p", strconv.Quote(person), "$a", strconv.Quote(agency), "$m", strconv.Quote(meeting))
	for name, q := range queries {
		q = ids.Replace(q)
		narrow := a.ok(`{ x: `+strings.Replace(q, "%s", node, 1)+` }`, nil)
		// confidence is not filled by a narrow read: asking for it reads the nodes whole.
		whole := a.ok(`{ x: `+strings.Replace(q, "%s", node+" confidence", 1)+` }`, nil)
		stripped := strip(whole["x"], "confidence")
		nj, _ := json.Marshal(narrow["x"])
		wj, _ := json.Marshal(stripped)
		if string(nj) != string(wj) {
			t.Errorf("%s: narrow read answers\n%s\nwhole read answers\n%s", name, nj, wj)
		}
		if len(nj) < 50 {
			t.Errorf("%s: answer too small to compare: %s", name, nj)
		}
	}
	// The same node read narrowly and whole in one request.
	d := a.ok(`query($m: ID!) { n: neighbourhood(id: $m, limit: 5) { nodes { id } } node(id: $m) { id confidence ... on Meeting { place country } } }`,
		map[string]any{"m": meeting})
	if at(d, "node.confidence") == nil || at(d, "node.country") == nil {
		t.Errorf("node after a narrow read of it: %v", at(d, "node"))
	}
}

// strip removes the field name from every object of v.
func strip(v any, name string) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if k != name {
				out[k] = strip(x, name)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = strip(x, name)
		}
		return out
	}
	return v
}
