// Package server is Entente's HTTP service: the GraphQL endpoint (gqlgen) over the graph,
// GraphiQL, health and readiness probes, and the middleware that ids and logs requests.
package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"go.opentelemetry.io/otel/trace"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/metrics"
	"github.com/entente/entente/server/export"
	"github.com/entente/entente/server/generated"
	"github.com/entente/entente/server/graphiql"
	"github.com/entente/entente/server/ingest"
	"github.com/entente/entente/server/loader"
	"github.com/entente/entente/server/resolver"
)

// Options configures the HTTP service. Zero limits mean the defaults.
type Options struct {
	Store         *graph.Store
	Log           zerolog.Logger
	Introspection bool   // allow __schema queries (GraphiQL needs them)
	MaxBodyBytes  int64  // largest request body accepted; 0 means 1 MiB
	WebDir        string // built network page (web/dist) served at /; empty or missing: / redirects to GraphiQL

	Access         *Access        // API keys and open reads; nil: no access control (tests only)
	CORSOrigins    []string       // origins allowed to call the API from a browser; "*" any
	MaxComplexity  int            // largest operation cost; 0: DefaultMaxComplexity
	MaxDepth       int            // deepest field nesting; 0: DefaultMaxDepth
	RequestTimeout time.Duration  // per request, passed to Neo4j as the transaction timeout; 0: 30 s
	ExportTimeout  time.Duration  // per whole-graph export (streamed, flat memory); 0: DefaultExportTimeout
	RateLimit      float64        // requests per second per key (per address without a key); 0: unlimited
	RateBurst      int            // requests a caller may send at once; 0: RateLimit
	TrustedProxies []netip.Prefix // load balancers whose X-Forwarded-For names the client

	// Ingester ingests documents (ingestDocument, POST /documents); nil: one over Store whose
	// extractions may take IngestTimeout (0: ingest.DefaultTimeout).
	Ingester         *ingest.Service
	IngestTimeout    time.Duration
	MaxDocumentBytes int64 // largest body of POST /documents; 0: DefaultMaxDocumentBytes

	// TracerProvider exports a span per request, per resolver that reaches Neo4j and per
	// statement (tracing.Start); nil: no tracing, no span, nothing added to a request.
	TracerProvider trace.TracerProvider
}

// DefaultExportTimeout is how long a whole-graph export may stream.
const DefaultExportTimeout = 5 * time.Minute

// New returns the service's root handler.
func New(o Options) http.Handler {
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = 1 << 20
	}
	if o.RequestTimeout == 0 {
		o.RequestTimeout = 30 * time.Second
	}
	if o.ExportTimeout == 0 {
		o.ExportTimeout = DefaultExportTimeout
	}
	if o.Ingester == nil {
		o.Ingester = ingest.New(o.Store, o.IngestTimeout)
	}
	if o.MaxDocumentBytes == 0 {
		o.MaxDocumentBytes = DefaultMaxDocumentBytes
	}
	var limiter *rateLimiter
	if o.RateLimit > 0 {
		limiter = newRateLimiter(o.RateLimit, o.RateBurst)
	}
	// guard is what every data endpoint goes through: key, rate, deadline.
	guard := func(h http.Handler) http.Handler {
		return authenticate(o.Access, limiter, limitRate(limiter, withTimeout(o.RequestTimeout, h)))
	}
	mux := http.NewServeMux()
	// Without a key where reads are closed, nothing of /graphql is open: the caller is
	// refused before its body is parsed.
	mux.Handle("/graphql", graphqlMethods(guard(requireKey(o.Access, negotiate(loader.Middleware(o.Store, GraphQL(o)))))))
	// A document is extracted in the request: its time is the extraction's and a write's.
	// Its body has its own limit (limitBody leaves it alone).
	mux.Handle("/documents", authenticate(o.Access, limiter, limitRate(limiter,
		withTimeout(o.RequestTimeout+o.Ingester.Timeout(), documents(o.Access, o.Ingester, o.MaxDocumentBytes)))))
	// GraphiQL and its assets come from the binary (make web builds them): no CDN.
	ui := graphiql.Handler(graphiql.Built)
	mux.Handle("GET /graphiql", ui)
	mux.Handle("GET /graphiql/assets/", ui)
	// An export streams the whole graph with flat memory: it may take longer than a query,
	// and the server's write deadline is moved with it.
	exportGuard := func(h http.Handler) http.Handler {
		return authenticate(o.Access, limiter, limitRate(limiter, withTimeout(o.ExportTimeout, extendWrite(o.ExportTimeout, h))))
	}
	exports := exportGuard(requireKey(o.Access, export.Handler(o.Store)))
	for _, pattern := range export.Patterns {
		mux.Handle(pattern, exports)
	}
	if st, err := os.Stat(filepath.Join(o.WebDir, "index.html")); o.WebDir != "" && err == nil && !st.IsDir() {
		// "/" for every method: "GET /" would conflict with the method-less "/graphql".
		files := http.FileServer(noListing{http.Dir(o.WebDir)})
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				w.Header().Set("Allow", "GET, HEAD")
				http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
				return
			}
			files.ServeHTTP(w, r)
		})
	} else {
		mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/graphiql", http.StatusFound)
		})
	}
	// The metrics follow the rule of reads: open on a loopback address, else for a key of
	// role reader or above (Access.OpenMetrics).
	// Scrapes are not rate-limited (a wrong key is, as everywhere).
	mux.Handle("GET /metrics", authenticate(o.Access, limiter, withTimeout(o.RequestTimeout, requireMetricsKey(o.Access, metrics.Handler()))))
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
	h = limitBody(o.MaxBodyBytes, h, "/documents")
	h = cors(o.CORSOrigins, h)
	h = securityHeaders(h)
	h = recoverPanics(h)
	h = accessLog(h)
	h = clientAddress(o.TrustedProxies, h)
	h = requestID(o.Log, h)
	if o.TracerProvider != nil {
		h = traced(o.TracerProvider, o.TrustedProxies, h)
	}
	return h
}

// GraphQL builds the gqlgen handler with every transport, cache and extension chosen explicitly.
func GraphQL(o Options) http.Handler {
	if o.MaxComplexity == 0 {
		o.MaxComplexity = DefaultMaxComplexity
	}
	if o.MaxDepth == 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.Ingester == nil {
		o.Ingester = ingest.New(o.Store, o.IngestTimeout)
	}
	cfg := generated.Config{Resolvers: &resolver.Resolver{Store: o.Store, Ingester: o.Ingester}}
	schema := withoutIncrementalDelivery(generated.NewExecutableSchema(cfg).Schema())
	cfg.Schema = schema
	size := func() int { return 0 }
	if o.Store != nil {
		size = o.Store.KnownNodes
	}
	cfg.Complexity = complexity(schema, size)
	es := generated.NewExecutableSchema(cfg)
	srv := handler.New(es)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(strictTransport{transport.GET{}})
	srv.AddTransport(strictTransport{transport.POST{}})
	cache := lru.New[*ast.QueryDocument](1000)
	srv.SetQueryCache(cache)
	srv.SetParserTokenLimit(MaxTokens)
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	// Order matters: the persisted query is looked up, then the document's size is
	// bounded before gqlgen parses and validates it; who may ask comes before how much.
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(operationName{})
	srv.Use(documentBounds{cache: cache, schema: schema})
	srv.Use(policy{access: o.Access})
	srv.Use(getQueries{})
	srv.Use(int32Args{schema: schema})
	srv.Use(depthLimit{max: o.MaxDepth})
	srv.Use(costLimit{max: o.MaxComplexity, es: es})
	if o.TracerProvider != nil {
		srv.Use(resolverSpans{})
	}
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		responses := next(ctx)
		return func(ctx context.Context) *graphql.Response {
			// gqlgen answers nothing at all once the deadline has passed; say why.
			if r := responses(ctx); r != nil || ctx.Err() == nil {
				return r
			}
			e := &gqlerror.Error{Message: "the request took too long and was stopped; ask for less (smaller first, limit, depth or maxHops)"}
			setCode(e, CodeTimeout)
			noteCode(ctx, e)
			return &graphql.Response{Errors: gqlerror.List{e}}
		}
	})
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(recoverResolver)
	return srv
}

// operationName records the name and type of the operation a request runs (for the log
// and the metrics) as soon as its document is parsed and validated, before any access
// check can refuse it.
type operationName struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = operationName{}

func (operationName) ExtensionName() string                   { return "OperationName" }
func (operationName) Validate(graphql.ExecutableSchema) error { return nil }
func (operationName) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if info := infoFrom(ctx); info != nil && oc.Operation != nil {
		info.operation = oc.OperationName
		if info.operation == "" {
			info.operation = oc.Operation.Name
		}
		info.opType = string(oc.Operation.Operation)
		traceOperation(ctx, info.operation, info.opType)
	}
	return nil
}

// withoutIncrementalDelivery is schema without the @defer (and @stream) that gqlparser
// declares for every schema: Entente answers every operation in one response, so it does not
// advertise them in introspection, and validation refuses an operation that uses them
// (Unknown directive "@defer") instead of answering it whole as if they were not there.
// The generated schema is shared; this is a copy that differs only in its directives.
func withoutIncrementalDelivery(schema *ast.Schema) *ast.Schema {
	s := *schema
	s.Directives = make(map[string]*ast.DirectiveDefinition, len(schema.Directives))
	for name, d := range schema.Directives {
		if name != "defer" && name != "stream" {
			s.Directives[name] = d
		}
	}
	return &s
}

// graphqlMethods answers 405 with Allow for the methods /graphql does not serve.
func graphqlMethods(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodPost, http.MethodOptions:
			next.ServeHTTP(w, r)
		default:
			w.Header().Set("Allow", "GET, POST, OPTIONS")
			writeError(w, http.StatusMethodNotAllowed, CodeBadUserInput, "/graphql answers GET (queries), POST and OPTIONS")
		}
	})
}

// noListing serves the files of a folder but no listing of a folder without index.html.
type noListing struct{ http.FileSystem }

// Open opens name, or answers that a folder without index.html does not exist.
func (fs noListing) Open(name string) (http.File, error) {
	f, err := fs.FileSystem.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		index, err := fs.FileSystem.Open(path.Join(name, "index.html"))
		if err != nil {
			f.Close()
			return nil, os.ErrNotExist
		}
		index.Close()
	}
	return f, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
