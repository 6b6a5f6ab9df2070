package tracing

import (
	"context"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// A deferred span is a span that exists only if something under it asks for it: a
// resolver's span, made when (and if) the resolver sends a Neo4j statement, with the
// time the resolver began. Resolvers that answer from memory (most fields) cost a
// context value and no span.
type deferred struct {
	parent context.Context // where the span would start: the request's span
	scope  string
	name   string
	began  time.Time
	attrs  []attribute.KeyValue

	once sync.Once
	span trace.Span // nil until Materialize
}

type deferredKey struct{}

// Defer returns a context under which Materialize makes a span named name, child of the
// span in ctx, started now; end ends that span if it was made, marking it failed with
// errorType (an error.type value) when that is not "". Under a span that does not record
// it returns ctx itself and an end that does nothing.
func Defer(ctx context.Context, scope, name string, attrs ...attribute.KeyValue) (context.Context, func(errorType string)) {
	if !trace.SpanFromContext(ctx).IsRecording() {
		return ctx, func(string) {}
	}
	d := &deferred{parent: ctx, scope: scope, name: name, began: time.Now(), attrs: attrs}
	return context.WithValue(ctx, deferredKey{}, d), d.end
}

func (d *deferred) end(errorType string) {
	d.once.Do(func() {}) // none can be made after this
	span := d.span
	if span == nil {
		return
	}
	if errorType != "" {
		span.SetAttributes(attribute.String("error.type", errorType))
		span.SetStatus(codes.Error, "")
	}
	span.End()
}

// Materialize makes the deferred span of ctx, if there is one and it was not made yet,
// and returns ctx with it as the current span; without one it returns ctx.
func Materialize(ctx context.Context) context.Context {
	d, _ := ctx.Value(deferredKey{}).(*deferred)
	if d == nil {
		return ctx
	}
	d.once.Do(func() {
		_, d.span = trace.SpanFromContext(d.parent).TracerProvider().Tracer(d.scope).Start(d.parent, d.name,
			trace.WithTimestamp(d.began), trace.WithAttributes(d.attrs...), trace.WithSpanKind(trace.SpanKindInternal))
	})
	if d.span == nil {
		return ctx // ended before anything asked for it
	}
	return trace.ContextWithSpan(ctx, d.span)
}
