package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente/fixtures"
)

// What the network page's Documents view and Review panel read (issue 13): the spans of a
// document that name a node, whatever the node's review (rejected ones aside), and how
// much waits for review.

// Mention is one span of a document's text that names a node.
type Mention struct {
	Node  Node   // ACCEPTED or PROPOSED (Node.Status says which)
	Start int    // in Unicode code points into the document's text
	End   int    // exclusive
	Text  string // the span's text
}

// DocumentCounts says how much of a document is in the graph and how much waits for review.
type DocumentCounts struct {
	Nodes         int // ACCEPTED nodes it mentions
	ProposedNodes int // PROPOSED nodes it mentions
	ProposedEdges int // PROPOSED edges with a source in it (what reviewQueue(document:) lists)
}

// documentMentionsCypher reads the MENTIONS of a document with their spans, to every node
// but the rejected ones.
var documentMentionsCypher = `
MATCH (:Document:Entity {id: $id})-[r:MENTIONS]->(n)
WHERE ` + reviewableNode("n") + `
RETURN ` + nodeProj("n") + ` AS n, r.sources AS sources`

// DocumentMentions returns the spans of the document id that name a node, ACCEPTED or
// PROPOSED (never REJECTED), ordered by start, the longer first, then by node id; none when
// the document does not exist. One round trip.
func (s *Store) DocumentMentions(ctx context.Context, id string) ([]Mention, error) {
	if err := checkIDs(id); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, documentMentionsCypher, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	var out []Mention
	for _, r := range recs {
		n := nodeFrom(r.Values[0])
		for _, src := range sources(strs(r.Values[1])) {
			if src.Reference != "" || src.Document != id || src.End <= src.Start {
				continue
			}
			out = append(out, Mention{Node: n, Start: src.Start, End: src.End, Text: src.Text})
		}
	}
	slices.SortFunc(out, func(a, b Mention) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End), strings.Compare(a.Node.ID, b.Node.ID))
	})
	return slices.CompactFunc(out, func(a, b Mention) bool {
		return a.Start == b.Start && a.End == b.End && a.Node.ID == b.Node.ID
	}), nil
}

// documentNodeCountsCypher counts the accepted and the proposed nodes a document mentions.
var documentNodeCountsCypher = `
MATCH (:Document:Entity {id: $id})-[:MENTIONS]->(n)
RETURN count(CASE WHEN ` + acceptedNode("n") + ` THEN 1 END) AS accepted,
       count(CASE WHEN n:` + LabelProposed + ` THEN 1 END) AS proposed`

// reviewCountCypher counts the PROPOSED edges that pass reviewFilter's filters, through
// the status indexes as reviewQueueCypher reads them.
var reviewCountCypher = func() string {
	branches := make([]string, len(fixtures.EdgeKinds))
	for i, k := range fixtures.EdgeKinds {
		mustKind(fixtures.EdgeKinds, k)
		branches[i] = fmt.Sprintf("MATCH ()-[r:%[1]s {status: $proposed}]->() USING INDEX r:%[1]s(status) RETURN r", k)
	}
	return `CALL () { ` + strings.Join(branches, " UNION ALL ") + ` }
		WITH r WHERE ($min IS NULL OR coalesce(r.confidence, 1.0) >= $min)
		  AND ($doc IS NULL OR any(s IN r.sources WHERE s CONTAINS $docComma OR s CONTAINS $docEnd))
		RETURN count(r)`
}()

// ReviewCount returns how many PROPOSED edges wait for review, of the document when it is
// given, at least minConfidence sure when it is given: the length of the whole review queue
// that ReviewQueue pages through.
func (s *Store) ReviewCount(ctx context.Context, document *string, minConfidence *float64) (int, error) {
	params, err := reviewFilter(document, minConfidence)
	if err != nil {
		return 0, err
	}
	recs, err := s.read(ctx, reviewCountCypher, params)
	if err != nil || len(recs) == 0 {
		return 0, err
	}
	n, _ := recs[0].Values[0].(int64)
	return int(n), nil
}

// DocumentCounts returns how many accepted and proposed nodes the document id mentions and
// how many of its edges wait for review; all zero when it does not exist.
func (s *Store) DocumentCounts(ctx context.Context, id string) (DocumentCounts, error) {
	var c DocumentCounts
	if err := checkIDs(id); err != nil {
		return c, err
	}
	recs, err := s.read(ctx, documentNodeCountsCypher, map[string]any{"id": id})
	if err != nil {
		return c, err
	}
	if len(recs) > 0 {
		a, _ := recs[0].Values[0].(int64)
		p, _ := recs[0].Values[1].(int64)
		c.Nodes, c.ProposedNodes = int(a), int(p)
	}
	c.ProposedEdges, err = s.ReviewCount(ctx, &id, nil)
	return c, err
}
