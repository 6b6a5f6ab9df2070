package server

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"golang.org/x/time/rate"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/metrics"
	"github.com/entente/entente/server/auth"
)

// Access is who may do what. A nil *Access in Options turns access control off, which
// only tests and embedders use; `entente serve` always sets one.
type Access struct {
	Keys        *auth.Keys // hashed API keys; nil or empty: nobody can write
	OpenReads   bool       // queries without a key are allowed (as Anonymous)
	OpenMetrics bool       // /metrics without a key is allowed
}

// authenticate resolves the bearer key into a caller. A request without a key is
// Anonymous; a request with a wrong or malformed key is refused with 401 whatever it asks,
// and counts against its address's rate, so that guessing keys is slow too.
func authenticate(a *Access, l *rateLimiter, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		caller := auth.Caller{Name: "anonymous", Role: auth.Anonymous}
		if h := r.Header.Get("Authorization"); a != nil && h != "" {
			token, ok := auth.Bearer(h)
			c, found := a.Keys.Lookup(token)
			if !ok || !found {
				if l != nil && !l.allow("addr:"+clientHost(r)) {
					metrics.RateLimited("bad_key")
					tooMany(w)
					return
				}
				w.Header().Set("WWW-Authenticate", `Bearer realm="entente"`)
				writeError(w, http.StatusUnauthorized, CodeUnauthenticated, "the API key is missing, malformed or unknown (send Authorization: Bearer <key>)")
				return
			}
			caller = c
		}
		// The caller's name is the actor the history records for what this request writes.
		ctx := graph.WithActor(auth.WithCaller(r.Context(), caller), caller.Name)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requireKey refuses callers without a key where reads are closed, before their body is
// parsed: with reads closed such a caller may do nothing. OPTIONS is open.
func requireKey(a *Access, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a != nil && !a.OpenReads && r.Method != http.MethodOptions && auth.CallerFrom(r.Context()).Role < auth.Reader {
			w.Header().Set("WWW-Authenticate", `Bearer realm="entente"`)
			writeError(w, http.StatusUnauthorized, CodeUnauthenticated, "this server needs an API key for reads and writes (send Authorization: Bearer <key>)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requireMetricsKey refuses /metrics to callers without a key of role reader or above,
// unless Access.OpenMetrics.
func requireMetricsKey(a *Access, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a != nil && !a.OpenMetrics && auth.CallerFrom(r.Context()).Role < auth.Reader {
			w.Header().Set("WWW-Authenticate", `Bearer realm="entente"`)
			writeError(w, http.StatusUnauthorized, CodeUnauthenticated, "/metrics needs an API key of role reader or above on this server (send Authorization: Bearer <key>; ENTENTE_OPEN_METRICS)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// policy is the gqlgen extension that checks the caller's role against the operation:
// mutations need an editor, queries a reader unless reads are open.
type policy struct{ access *Access }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = policy{}

func (policy) ExtensionName() string                   { return "AccessPolicy" }
func (policy) Validate(graphql.ExecutableSchema) error { return nil }
func (p policy) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if p.access == nil || oc.Operation == nil {
		return nil
	}
	caller := auth.CallerFrom(ctx)
	need := auth.Reader
	if oc.Operation.Operation == ast.Mutation {
		need = auth.Editor
	} else if p.access.OpenReads {
		need = auth.Anonymous
	}
	if caller.Role >= need {
		return nil
	}
	if caller.Role == auth.Anonymous {
		failWith(ctx, http.StatusUnauthorized)
		e := gqlerror.Errorf("%s needs an API key with role %s or above (send Authorization: Bearer <key>)", opKind(oc), need)
		setCode(e, CodeUnauthenticated)
		return e
	}
	failWith(ctx, http.StatusForbidden)
	e := gqlerror.Errorf("%s needs role %s or above; key %q has role %s", opKind(oc), need, caller.Name, caller.Role)
	setCode(e, CodeForbidden)
	return e
}

// getQueries refuses a mutation sent with GET with 405, as the GraphQL over HTTP spec asks
// (gqlgen answers 406 without a code).
type getQueries struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = getQueries{}

func (getQueries) ExtensionName() string                   { return "GetQueries" }
func (getQueries) Validate(graphql.ExecutableSchema) error { return nil }
func (getQueries) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	info := infoFrom(ctx)
	if oc.Operation == nil || oc.Operation.Operation == ast.Query || info == nil || info.method != http.MethodGet {
		return nil
	}
	failWith(ctx, http.StatusMethodNotAllowed)
	e := gqlerror.Errorf("%s must be sent with POST", opKind(oc))
	setCode(e, CodeBadUserInput)
	return e
}

func opKind(oc *graphql.OperationContext) string {
	if oc.Operation.Operation == ast.Mutation {
		return "a mutation"
	}
	return "a query"
}

// failWith records the HTTP status the response of a refused operation gets.
func failWith(ctx context.Context, status int) {
	if info := infoFrom(ctx); info != nil {
		info.status = status
	}
}

// rateLimiter gives every caller (key name, or client address for anonymous callers)
// a token bucket of perSecond requests with burst.
type rateLimiter struct {
	perSecond rate.Limit
	burst     int
	mu        sync.Mutex
	buckets   map[string]*bucket
	swept     time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newRateLimiter(perSecond float64, burst int) *rateLimiter {
	if burst < 1 {
		burst = max(1, int(perSecond))
	}
	return &rateLimiter{perSecond: rate.Limit(perSecond), burst: burst, buckets: map[string]*bucket{}, swept: time.Now()}
}

// allow takes a token from who's bucket; idle buckets are forgotten after ten minutes.
func (l *rateLimiter) allow(who string) bool {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > 10*time.Minute {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b := l.buckets[who]
	if b == nil {
		b = &bucket{lim: rate.NewLimiter(l.perSecond, l.burst)}
		l.buckets[who] = b
	}
	b.seen = now
	return b.lim.AllowN(now, 1)
}

// limitRate refuses requests beyond the caller's rate with 429 RATE_LIMITED.
func limitRate(l *rateLimiter, next http.Handler) http.Handler {
	if l == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := auth.CallerFrom(r.Context())
		who := "key:" + c.Name
		if c.Role == auth.Anonymous {
			who = "addr:" + clientHost(r)
		}
		if !l.allow(who) {
			if c.Role == auth.Anonymous {
				metrics.RateLimited("address")
			} else {
				metrics.RateLimited("key")
			}
			tooMany(w)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func tooMany(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeError(w, http.StatusTooManyRequests, CodeRateLimited, "too many requests; slow down and retry after a second")
}

// securityHeaders sets the headers every response carries, with a content security policy
// fitting what is served: GraphiQL and the built page at / (their scripts and styles come
// from this server, never a CDN), or data.
func securityHeaders(next http.Handler) http.Handler {
	const (
		apiCSP = "default-src 'none'; frame-ancestors 'none'"
		// GraphiQL: the page's policy (styles inline for CodeMirror and React), no workers.
		graphiqlCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
			"font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
		pageCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
			"font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
			"frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
	)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		switch {
		case r.URL.Path == "/graphiql":
			h.Set("Content-Security-Policy", graphiqlCSP)
		case r.URL.Path == "/graphql" || r.URL.Path == "/documents" || r.URL.Path == "/healthz" || r.URL.Path == "/readyz" || r.URL.Path == "/metrics" || strings.HasPrefix(r.URL.Path, "/export/"):
			h.Set("Content-Security-Policy", apiCSP)
		default:
			h.Set("Content-Security-Policy", pageCSP)
		}
		next.ServeHTTP(w, r)
	})
}

// cors answers preflight requests and marks responses readable by the allowed origins
// ("*" allows any). Credentials are API keys in a header, never cookies.
func cors(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	allowed := map[string]bool{}
	for _, o := range origins {
		allowed[strings.TrimRight(o, "/")] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Add("Vary", "Origin")
		if !allowed["*"] && !allowed[origin] {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Expose-Headers", "X-Request-Id, Retry-After")
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			w.Header().Set("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept, X-Request-Id")
			w.Header().Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// extendWrite moves the connection's write deadline d ahead, for responses that stream
// longer than the server's WriteTimeout.
func extendWrite(d time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(d + 5*time.Second))
		next.ServeHTTP(w, r)
	})
}

// withTimeout bounds a request's context; the graph passes what is left of it to Neo4j
// as the transaction timeout.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
