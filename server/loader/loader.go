// Package loader batches the graph reads of one GraphQL request (dataloaders), so that a
// list of fifty meetings with their participants costs a few round trips, not hundreds.
// Nodes that a read already returned (the far ends of edges, the nodes of a path) are put
// in the request's node cache, so that resolving them again costs nothing.
package loader

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// Loaders holds one request's batching loaders.
type Loaders struct {
	store       *graph.Store
	nodes       *dataloadgen.Loader[string, *graph.Node]
	edges       *dataloadgen.Loader[graph.EdgeQuery, []graph.Edge]
	nodeSources *dataloadgen.Loader[string, []fixtures.Source]
	edgeSources *dataloadgen.Loader[graph.EdgeRef, []fixtures.Source]
}

type ctxKey struct{}

// batch is how long a loader waits for more keys before it reads: resolvers of one level
// run concurrently, so a short wait fills the batch.
const batch = 200 * time.Microsecond

// New builds fresh loaders over store; their caches live as long as the request.
func New(store *graph.Store) *Loaders {
	wait := dataloadgen.WithWait(batch)
	capacity := dataloadgen.WithBatchCapacity(1000)
	l := &Loaders{store: store}
	l.nodes = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]*graph.Node, []error) {
		nodes, err := store.NodesByID(ctx, ids)
		return nodes, fill(len(ids), err)
	}, wait, capacity)
	l.edges = dataloadgen.NewLoader(func(ctx context.Context, qs []graph.EdgeQuery) ([][]graph.Edge, []error) {
		edges, ends, err := store.EdgesOf(ctx, qs)
		l.prime(ends)
		return edges, fill(len(qs), err)
	}, wait, capacity)
	l.nodeSources = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([][]fixtures.Source, []error) {
		srcs, err := store.NodeSources(ctx, ids)
		return srcs, fill(len(ids), err)
	}, wait, capacity)
	l.edgeSources = dataloadgen.NewLoader(func(ctx context.Context, refs []graph.EdgeRef) ([][]fixtures.Source, []error) {
		srcs, err := store.EdgeSources(ctx, refs)
		return srcs, fill(len(refs), err)
	}, wait, capacity)
	return l
}

// prime caches nodes the request has already read; a cached id keeps its value.
func (l *Loaders) prime(nodes []graph.Node) {
	for i := range nodes {
		l.nodes.Prime(nodes[i].ID, &nodes[i])
	}
}

// fill repeats one batch error for every key, or returns nil.
func fill(n int, err error) []error {
	if err == nil {
		return nil
	}
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}

// Middleware gives every request its own loaders.
func Middleware(store *graph.Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(With(r.Context(), New(store))))
	})
}

// With returns ctx carrying l.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the loaders of the request in ctx; it panics if Middleware was not installed.
func For(ctx context.Context) *Loaders { return ctx.Value(ctxKey{}).(*Loaders) }

// Node loads one node by id (nil when there is none).
func Node(ctx context.Context, id string) (*graph.Node, error) { return For(ctx).nodes.Load(ctx, id) }

// Nodes loads nodes by id, in order, nil where there is none.
func Nodes(ctx context.Context, ids []string) ([]*graph.Node, error) {
	return For(ctx).nodes.LoadAll(ctx, ids)
}

// Known puts nodes that a read returned in the request's cache, so that loading them by
// id (an edge's ends, say) needs no read.
func Known(ctx context.Context, nodes []graph.Node) { For(ctx).prime(nodes) }

// Expand loads nodes by id, in order, nil where there is none, together with the
// relations x asks for (graph.NodesExpanded): every node and edge list it read is cached,
// so that the resolvers of those relations need no read of their own.
func Expand(ctx context.Context, ids []string, x *graph.Expand) ([]*graph.Node, error) {
	l := For(ctx)
	nodes, got, err := l.store.NodesExpanded(ctx, ids, x)
	if err != nil {
		return nil, err
	}
	l.prime(got.Nodes)
	for i, n := range nodes {
		if n != nil {
			l.nodes.Prime(ids[i], n) // the id asked for may be a merged one
		}
	}
	for q, edges := range got.Edges {
		l.edges.Prime(q, edges)
	}
	return nodes, nil
}

// Edges loads the edges of one kind at a node, outgoing when out; their far ends become Known.
func Edges(ctx context.Context, id, kind string, out bool) ([]graph.Edge, error) {
	return For(ctx).edges.Load(ctx, graph.EdgeQuery{ID: id, Kind: kind, Out: out})
}

// NodeSources loads the sources of a node.
func NodeSources(ctx context.Context, id string) ([]fixtures.Source, error) {
	return For(ctx).nodeSources.Load(ctx, id)
}

// EdgeSources loads the sources of an edge.
func EdgeSources(ctx context.Context, kind, key string) ([]fixtures.Source, error) {
	return For(ctx).edgeSources.Load(ctx, graph.EdgeRef{Kind: kind, Key: key})
}
