// Package server is Entente's HTTP service: the GraphQL endpoint (gqlgen) over the graph,
// GraphiQL, health and readiness probes, and the middleware that ids and logs requests.
package server

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/export"
	"github.com/entente/entente/server/generated"
	"github.com/entente/entente/server/loader"
	"github.com/entente/entente/server/resolver"
)

// Options configures the HTTP service.
type Options struct {
	Store         *graph.Store
	Log           zerolog.Logger
	Introspection bool   // allow __schema queries (GraphiQL needs them)
	MaxBodyBytes  int64  // largest request body accepted; 0 means 1 MiB
	WebDir        string // built network page (web/dist) served at /; empty or missing: / redirects to GraphiQL
}

// New returns the service's root handler.
func New(o Options) http.Handler {
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = 1 << 20
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", loader.Middleware(o.Store, GraphQL(o)))
	mux.Handle("GET /graphiql", playground.Handler("Entente", "/graphql"))
	mux.Handle("GET /export/{format}", export.Handler(o.Store))
	if st, err := os.Stat(filepath.Join(o.WebDir, "index.html")); o.WebDir != "" && err == nil && !st.IsDir() {
		mux.Handle("GET /", http.FileServer(http.Dir(o.WebDir)))
	} else {
		mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/graphiql", http.StatusFound)
		})
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "alive"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := o.Store.Ping(ctx); err != nil {
			zerolog.Ctx(r.Context()).Warn().Err(err).Msg("not ready")
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "neo4j": "unreachable"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready", "neo4j": "ok"})
	})
	var h http.Handler = mux
	h = limitBody(o.MaxBodyBytes, h)
	h = recoverPanics(h)
	h = accessLog(h)
	h = requestID(o.Log, h)
	return h
}

// GraphQL builds the gqlgen handler with every transport, cache and extension chosen explicitly.
func GraphQL(o Options) http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: &resolver.Resolver{Store: o.Store}}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		if info := infoFrom(ctx); info != nil {
			info.operation = graphql.GetOperationContext(ctx).OperationName
		}
		return next(ctx)
	})
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(recoverResolver)
	return srv
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
