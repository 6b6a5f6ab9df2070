// Package loader batches the graph reads of one GraphQL request (dataloaders), so that a
// list of fifty meetings with their participants costs a few round trips, not hundreds.
package loader

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/entente/entente/graph"
)

// Loaders holds one request's batching loaders.
type Loaders struct {
	nodes *dataloadgen.Loader[string, *graph.Node]
	edges *dataloadgen.Loader[graph.EdgeQuery, []graph.Edge]
}

type ctxKey struct{}

// New builds fresh loaders over store; their caches live as long as the request.
func New(store *graph.Store) *Loaders {
	wait := dataloadgen.WithWait(500 * time.Microsecond)
	return &Loaders{
		nodes: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]*graph.Node, []error) {
			nodes, err := store.NodesByID(ctx, ids)
			return nodes, fill(len(ids), err)
		}, wait, dataloadgen.WithBatchCapacity(1000)),
		edges: dataloadgen.NewLoader(func(ctx context.Context, qs []graph.EdgeQuery) ([][]graph.Edge, []error) {
			edges, err := store.EdgesOf(ctx, qs)
			return edges, fill(len(qs), err)
		}, wait, dataloadgen.WithBatchCapacity(1000)),
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

// Edges loads the edges of one kind at a node, outgoing when out.
func Edges(ctx context.Context, id, kind string, out bool) ([]graph.Edge, error) {
	return For(ctx).edges.Load(ctx, graph.EdgeQuery{ID: id, Kind: kind, Out: out})
}
