package resolver

import (
	"context"
	"slices"
	"strings"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/analysis"
	"github.com/entente/entente/server/model"
)

// analysed is what compute makes of the projection of the graph on some kinds, computed
// once per graph version for what and the kinds (r.analytics), by one computation that
// concurrent callers share and that stops when the last of them gives up.
func (r *queryResolver) analysed(ctx context.Context, what string, kinds, edgeKinds []string,
	compute func(ctx context.Context, sg *graph.Subgraph, g *analysis.Graph) (any, error)) (any, error) {
	version, err := r.Store.Version(ctx)
	if err != nil {
		return nil, err
	}
	key := what + "|" + strings.Join(slices.Sorted(slices.Values(kinds)), ",") + "|" + strings.Join(slices.Sorted(slices.Values(edgeKinds)), ",")
	return r.analytics.Do(ctx, version, key, func(ctx context.Context) (any, error) {
		sg, err := r.Store.Snapshot(ctx, kinds, edgeKinds)
		if err != nil {
			return nil, err
		}
		return compute(ctx, sg, analysis.New(sg))
	})
}

// ranking is a kept centrality: the best graph.MaxPage scores and their nodes.
type ranking struct {
	scores      []analysis.Score
	nodes       []*graph.Node
	approximate bool
}

// rank keeps the best scores of est, with copies of their nodes (not the whole snapshot).
func rank(sg *graph.Subgraph, est analysis.Estimate) *ranking {
	byID := nodesByID(sg)
	rk := &ranking{scores: analysis.Top(est.Value, graph.MaxPage), approximate: est.Sources > 0}
	for _, s := range rk.scores {
		n := *byID[s.ID]
		rk.nodes = append(rk.nodes, &n)
	}
	return rk
}

// partition is kept communities: nodes by community, largest first.
type partition struct {
	groups     [][]*graph.Node
	modularity float64
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
