package resolver

import (
	"context"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/analysis"
	"github.com/entente/entente/server/model"
)

// analysisGraph reads the projection of the graph on some kinds and builds its analysis graph.
func (r *queryResolver) analysisGraph(ctx context.Context, kinds, edgeKinds []string) (*graph.Subgraph, *analysis.Graph, error) {
	sg, err := r.Store.Snapshot(ctx, kinds, edgeKinds)
	if err != nil {
		return nil, nil, err
	}
	return sg, analysis.New(sg), nil
}

// nodesByID indexes a snapshot's nodes.
func nodesByID(sg *graph.Subgraph) map[string]*graph.Node {
	out := make(map[string]*graph.Node, len(sg.Nodes))
	for i := range sg.Nodes {
		out[sg.Nodes[i].ID] = &sg.Nodes[i]
	}
	return out
}

// precision tells how much of a date is known.
func precision(d *string) model.DatePrecision {
	switch {
	case d == nil:
		return model.DatePrecisionUnknown
	case len(*d) == 4:
		return model.DatePrecisionYear
	case len(*d) == 7:
		return model.DatePrecisionMonth
	}
	return model.DatePrecisionDay
}

// intOr is *p, or def when p is nil.
func intOr(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}
