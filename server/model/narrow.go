package model

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/entente/entente/graph"
)

// shape is what a narrow read can answer below a field: each field name allowed, with the
// shape of its own selection (nil: a leaf, or a field whose selection is not looked at).
type shape map[string]shape

var (
	narrowNode = leaves(graph.NarrowNodeFields...)
	narrowEdge = func() shape {
		s := leaves(graph.NarrowEdgeFields...)
		s["from"], s["to"] = narrowNode, narrowNode
		return s
	}()
	// narrowShapes are the answers of the queries that read narrowly when they can, by
	// query field: a selection within the shape needs nothing a narrow read leaves out.
	narrowPage   = shape{"totalCount": nil, "pageInfo": nil, "edges": {"cursor": nil, "node": narrowNode}}
	narrowShapes = map[string]shape{
		"actors": narrowPage, "meetings": narrowPage, "roadmaps": narrowPage, "projects": narrowPage,
		"search":        {"score": nil, "node": narrowNode},
		"shortestPath":  {"length": nil, "nodes": narrowNode, "edges": narrowEdge},
		"neighbourhood": {"truncated": nil, "nodes": narrowNode, "edges": narrowEdge},
		"timeline":      {"date": nil, "endDate": nil, "precision": nil, "kind": nil, "node": narrowNode, "edge": narrowEdge},
	}
)

func leaves(names ...string) shape {
	s := shape{"__typename": nil}
	for _, n := range names {
		s[n] = nil
	}
	return s
}

// Narrow returns ctx asking the graph for narrow projections (graph.WithNarrow) when the
// current query field's selection asks only for fields that they fill; else ctx itself.
// Nodes read narrowly are not put in the request's cache (see WrapAll).
func Narrow(ctx context.Context) context.Context {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return ctx
	}
	s, ok := narrowShapes[fc.Field.Name]
	if !ok || !within(fc.Field.Selections, s) {
		return ctx
	}
	return graph.WithNarrow(ctx)
}

// within reports whether every field of sel (through fragments) is allowed by s.
func within(sel ast.SelectionSet, s shape) bool {
	ok := true
	eachField(sel, func(f *ast.Field) {
		sub, allowed := s[f.Name]
		switch {
		case !allowed:
			ok = false
		case sub != nil && !within(f.SelectionSet, sub):
			ok = false
		}
	})
	return ok
}
