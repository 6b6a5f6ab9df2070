package graph

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strconv"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/entente/entente/tracing"
)

// traceScope names the graph's spans (their instrumentation scope).
const traceScope = "github.com/entente/entente/graph"

// spanAttrs are the attributes that every statement span of a store carries: the database
// system (under its current and its former semantic-convention names), the server and the
// database when one is named.
func spanAttrs(c Config) []attribute.KeyValue {
	attrs := []attribute.KeyValue{semconv.DBSystemNameNeo4j, attribute.String("db.system", "neo4j")}
	if u, err := url.Parse(c.URI); err == nil && u.Host != "" {
		host, port, err := net.SplitHostPort(u.Host)
		if err != nil {
			host, port = u.Host, "7687"
		}
		attrs = append(attrs, semconv.ServerAddress(host))
		if n, err := strconv.Atoi(port); err == nil {
			attrs = append(attrs, semconv.ServerPort(n))
		}
	}
	if c.Database != "" {
		attrs = append(attrs, semconv.DBNamespace(c.Database))
	}
	return attrs
}

// statementSpan starts the span of one statement of mode when ctx holds a span that
// records (a traced request), as a child of the resolver that sent it (tracing.Defer),
// else of that span; it returns nil otherwise, which costs a context lookup. The span
// holds the statement's text, never its parameters.
func (s *Store) statementSpan(ctx context.Context, mode, cypher string) trace.Span {
	if !trace.SpanFromContext(ctx).IsRecording() {
		return nil
	}
	ctx = tracing.Materialize(ctx)
	_, span := trace.SpanFromContext(ctx).TracerProvider().Tracer(traceScope).Start(ctx, "neo4j "+mode,
		trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(s.spanAttrs...),
		trace.WithAttributes(semconv.DBQueryText(cypher), attribute.String("entente.neo4j.mode", mode)))
	return span
}

// endStatementSpan ends span (nil: none), marking it failed with the kind of err, never
// its message (Neo4j's messages may quote the values sent).
func endStatementSpan(span trace.Span, err error) {
	if span == nil {
		return
	}
	if err != nil {
		kind := "_OTHER"
		var n *neo4j.Neo4jError
		var conn *neo4j.ConnectivityError
		switch {
		case errors.As(lastCause(err), &n):
			kind = n.Code
			span.SetAttributes(semconv.DBResponseStatusCode(n.Code))
		case errors.As(lastCause(err), &conn):
			kind = "unavailable"
		case errors.Is(err, context.DeadlineExceeded):
			kind = "timeout"
		case errors.Is(err, context.Canceled):
			kind = "canceled"
		}
		span.SetAttributes(semconv.ErrorTypeKey.String(kind))
		span.SetStatus(codes.Error, "")
	}
	span.End()
}
