package graph

import "context"

// A reader projects every stored field of the nodes and edges it returns (nodeFields,
// edgeProj): a node costs Neo4j about eighteen property reads and the driver as many
// values to decode. A caller that will read only a node's id, kind, name and dates, and
// only an edge's key, kind, ends and date, says so with WithNarrow, and Search, List,
// ShortestPath, Neighbourhood and Timeline then project only those (NarrowNodeFields,
// NarrowEdgeFields): the other fields of what they return are empty, so such nodes must
// not be cached where a reader of the other fields could find them.

// NarrowNodeFields are the node fields a narrow read fills (as GraphQL names them).
var NarrowNodeFields = []string{"id", "kind", "name", "startDate", "endDate"}

// NarrowEdgeFields are the edge fields a narrow read fills (as GraphQL names them).
var NarrowEdgeFields = []string{"id", "kind", "from", "to", "date"}

type narrowKey struct{}

// WithNarrow returns ctx asking the readers to project nodes and edges narrowly (see above).
func WithNarrow(ctx context.Context) context.Context {
	return context.WithValue(ctx, narrowKey{}, true)
}

// IsNarrow reports whether ctx asks for narrow projections (WithNarrow).
func IsNarrow(ctx context.Context) bool {
	n, _ := ctx.Value(narrowKey{}).(bool)
	return n
}

// nodeProjIn is nodeProj, or the narrow projection of v when ctx asks for it.
func nodeProjIn(ctx context.Context, v string) string {
	if IsNarrow(ctx) {
		return v + " {.id, .kind, .name, .startDate, .endDate}"
	}
	return nodeProj(v)
}

// edgeProjIn is edgeProj, or the narrow projection of r when ctx asks for it.
func edgeProjIn(ctx context.Context, r string) string {
	if IsNarrow(ctx) {
		return "{key: " + r + ".key, kind: type(" + r + "), from: startNode(" + r + ").id, to: endNode(" + r + ").id, date: " + r + ".date}"
	}
	return edgeProj(r)
}
