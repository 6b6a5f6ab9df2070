package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/entente/entente/tracing"
)

// TestTracingStatementSpans checks the statement spans apart from Neo4j (the spans of a
// real request are checked through OTLP in server.TestTracesReachAnOTLPReceiver): none
// outside a traced request; under a resolver's deferred span, that span is made and is the
// statement's parent; a failed statement carries Neo4j's code, never its message, which
// may quote a value sent.
func TestTracingStatementSpans(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	s := &Store{spanAttrs: spanAttrs(Config{URI: "neo4j://db.example:7688", Database: "graph"})}

	s.statement(context.Background(), "read", "RETURN 1")(nil)
	if n := len(rec.Ended()); n != 0 {
		t.Fatalf("%d spans outside a traced request", n)
	}

	ctx, request := tp.Tracer("test").Start(context.Background(), "request")
	ctx, end := tracing.Defer(ctx, "test", "Query.node")
	refusal := &neo4j.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed", Msg: "Node(1) already exists with property `id` = 'secret-value'"}
	s.statement(ctx, "write", "MERGE (n:Entity {id: $id})")(fmt.Errorf("wrapped: %w", refusal))
	end("BAD_USER_INPUT")
	request.End()

	spans := map[string]sdktrace.ReadOnlySpan{}
	for _, sp := range rec.Ended() {
		spans[sp.Name()] = sp
	}
	stmt, resolver := spans["neo4j write"], spans["Query.node"]
	if stmt == nil || resolver == nil || len(spans) != 3 {
		t.Fatalf("spans %v", spans)
	}
	if stmt.Parent().SpanID() != resolver.SpanContext().SpanID() || resolver.Parent().SpanID() != request.SpanContext().SpanID() {
		t.Errorf("statement → resolver → request broken")
	}
	got := map[string]string{}
	for _, kv := range stmt.Attributes() {
		got[string(kv.Key)] = kv.Value.String()
	}
	for k, want := range map[string]string{
		"db.system.name": "neo4j", "db.system": "neo4j", "db.query.text": "MERGE (n:Entity {id: $id})", "db.namespace": "graph",
		"server.address": "db.example", "server.port": "7688", "entente.neo4j.mode": "write",
		"error.type": refusal.Code, "db.response.status_code": refusal.Code,
	} {
		if got[k] != want {
			t.Errorf("statement span %s=%q, want %q", k, got[k], want)
		}
	}
	if stmt.Status().Code != codes.Error || stmt.Status().Description != "" || len(stmt.Events()) != 0 {
		t.Errorf("statement span status %v, events %v: want an error without its message", stmt.Status(), stmt.Events())
	}
	for _, sp := range rec.Ended() {
		for _, kv := range sp.Attributes() {
			if strings.Contains(kv.Value.String(), "secret-value") {
				t.Errorf("span %q: %s quotes the error's message", sp.Name(), kv.Key)
			}
		}
	}

	// A resolver that answers from memory has no span.
	ctx, request = tp.Tracer("test").Start(context.Background(), "request 2")
	_, end = tracing.Defer(ctx, "test", "Person.name")
	end("")
	request.End()
	if n := len(rec.Ended()); n != 4 {
		t.Errorf("%d spans, want the 3 above and the second request's alone", n)
	}
}
