package model

import (
	"context"
	"fmt"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/loader"
)

// Edge is a stored edge with both its ends, as the API serves it. The ends are found when
// the edge is built, so that a list of edges costs no resolver per end.
type Edge struct {
	Relation
	FromNode, ToNode Node
}

// EdgesAmong builds edges whose ends are usually among nodes (a path, a subgraph); ends
// that are not are loaded, in one batch.
func EdgesAmong(ctx context.Context, edges []graph.Edge, nodes []Node) ([]Edge, error) {
	byID := make(map[string]Node, len(nodes))
	for _, n := range nodes {
		byID[n.Base().ID] = n
	}
	var missing []string
	for _, e := range edges {
		for _, id := range []string{e.From, e.To} {
			if _, ok := byID[id]; !ok {
				missing = append(missing, id)
			}
		}
	}
	if len(missing) > 0 {
		found, err := loader.Nodes(ctx, missing)
		if err != nil {
			return nil, err
		}
		for i, n := range found {
			if n == nil {
				return nil, fmt.Errorf("edge end %q not found", missing[i])
			}
			byID[missing[i]] = Wrap(n)
		}
	}
	out := make([]Edge, len(edges))
	for i := range edges {
		out[i] = Edge{Relation{&edges[i]}, byID[edges[i].From], byID[edges[i].To]}
	}
	return out, nil
}

// LoadEdge builds one edge, loading its ends.
func LoadEdge(ctx context.Context, e *graph.Edge) (*Edge, error) {
	out, err := EdgesAmong(ctx, []graph.Edge{*e}, nil)
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}

// EdgeWithEnds is the edge of a relation (the field edge), with its ends.
func (r Relation) EdgeWithEnds(ctx context.Context) (*Edge, error) { return LoadEdge(ctx, r.Edge) }

// Cursor is the edge's position in the review queue (the field cursor).
func (e Edge) Cursor() string { return graph.ReviewCursor(*e.Relation.Edge) }

// Mention is a span of a document that names a node (Document.mentionSpans).
type Mention struct {
	Node  Node   `json:"node"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}
