package server

import (
	"context"
	"errors"
	"net/http"
	"net/netip"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/tracing"
)

// Attributes of Entente's own on the spans.
const (
	attrRequestID   = attribute.Key("entente.request_id")   // the request's id, as in the log and X-Request-Id
	attrGraphQLCode = attribute.Key("entente.graphql.code") // OK or the first error's extensions.code
	attrFieldPath   = attribute.Key("graphql.field.path")   // the resolver's path in the response
	attrFieldName   = attribute.Key("graphql.field.name")
)

// traceScope names the server's spans (their instrumentation scope).
const traceScope = "github.com/entente/entente/server"

// traced wraps h in one span per HTTP request (otelhttp) exported through tp. A
// traceparent header is continued only from a trusted proxy (ENTENTE_TRUSTED_PROXIES):
// anybody else's request starts a trace of its own, linked to theirs. Probes and scrapes
// (/healthz, /readyz, /metrics) are not traced.
func traced(tp trace.TracerProvider, trusted []netip.Prefix, h http.Handler) http.Handler {
	return otelhttp.NewHandler(h, "entente",
		otelhttp.WithTracerProvider(tp),
		otelhttp.WithPropagators(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{})),
		otelhttp.WithPublicEndpointFn(func(r *http.Request) bool { return !isTrusted(peerHost(r), trusted) }),
		otelhttp.WithFilter(func(r *http.Request) bool {
			switch r.URL.Path {
			case "/healthz", "/readyz", "/metrics":
				return false
			}
			return true
		}),
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string { return r.Method + " " + spanRoute(r.URL.Path) }),
	)
}

// spanRoute is the route of path in span names, from a fixed list: never the raw path.
func spanRoute(path string) string {
	switch route(path) {
	case "graphql", "graphiql", "healthz", "readyz", "metrics":
		return "/" + route(path)
	case "export":
		return "/export/{format}"
	default:
		return "/"
	}
}

// recording is the span of ctx when it records (a traced request), else nil.
func recording(ctx context.Context) trace.Span {
	if span := trace.SpanFromContext(ctx); span.IsRecording() {
		return span
	}
	return nil
}

// resolverSpans gives each resolver that sends a Neo4j statement a span, child of the
// request's, with the statements as its children (graph.Store makes theirs). The span is
// deferred (tracing.Defer): a resolver that answers from memory, or from a batch another
// resolver loaded, has none. Resolvers are the resolver functions and the methods of the
// models (Person.meetings reads through the loaders); plain struct fields are not looked at.
type resolverSpans struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.FieldInterceptor
} = resolverSpans{}

func (resolverSpans) ExtensionName() string                   { return "ResolverSpans" }
func (resolverSpans) Validate(graphql.ExecutableSchema) error { return nil }
func (resolverSpans) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !fc.IsResolver && !fc.IsMethod || recording(ctx) == nil {
		return next(ctx)
	}
	ctx, end := tracing.Defer(ctx, traceScope, fc.Object+"."+fc.Field.Name,
		attrFieldName.String(fc.Field.Name), attrFieldPath.String(fc.Path().String()))
	res, err := next(ctx)
	end(errorType(err))
	return res, err
}

// errorType is the error.type of a resolver's error: the code it will be answered with,
// never its message (which may quote the values sent).
func errorType(err error) string {
	var gqlErr *gqlerror.Error
	var input *graph.InputError
	var notFound *graph.NotFoundError
	var conflict *graph.ConflictError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &input):
		return CodeBadUserInput
	case errors.As(err, &notFound):
		return CodeNotFound
	case errors.Is(err, graph.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return CodeTimeout
	case errors.As(err, &conflict):
		return CodeConflict
	case errors.Is(err, graph.ErrUnavailable):
		return CodeUnavailable
	case errors.As(err, &gqlErr):
		if code, ok := gqlErr.Extensions["code"].(string); ok {
			return code
		}
		return CodeBadUserInput
	}
	return CodeInternal
}

// traceOperation puts the operation's name and type on the request's span.
func traceOperation(ctx context.Context, name, opType string) {
	if span := recording(ctx); span != nil {
		span.SetAttributes(semconv.GraphQLOperationTypeKey.String(opType))
		if name != "" {
			span.SetAttributes(semconv.GraphQLOperationName(name))
		}
	}
}
