package server_test

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/entente/entente/server"
)

// TestTracingTraceparentOnlyFromTrustedProxies: a caller's traceparent is continued
// behind a trusted proxy; anybody else's request starts its own trace, linked to the
// caller's. Probes are not traced, and a field answered from memory has no span.
func TestTracingTraceparentOnlyFromTrustedProxies(t *testing.T) {
	const traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
	traceparent := "00-" + traceID + "-00f067aa0ba902b7-01"
	for _, trusted := range []bool{false, true} {
		rec := tracetest.NewSpanRecorder()
		tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
		o := server.Options{Log: zerolog.Nop(), TracerProvider: tp}
		if trusted {
			o.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")} // httptest's RemoteAddr
		}
		h := server.New(o)
		req := httptest.NewRequest("POST", "/graphql", strings.NewReader(`{"query":"query Hello { __typename }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("traceparent", traceparent)
		req.Header.Set("X-Request-Id", "proxy-test")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/healthz", nil))
		if w.Code != http.StatusOK {
			t.Fatalf("%d %s", w.Code, w.Body)
		}
		spans := rec.Ended()
		if len(spans) != 1 {
			t.Fatalf("trusted %v: %d spans, want the request's alone", trusted, len(spans))
		}
		s := spans[0]
		attrs := map[string]string{}
		for _, kv := range s.Attributes() {
			attrs[string(kv.Key)] = kv.Value.String()
		}
		if s.Name() != "POST /graphql" || attrs["entente.request_id"] != "proxy-test" || attrs["graphql.operation.name"] != "Hello" {
			t.Errorf("span %q: %v", s.Name(), attrs)
		}
		continued := s.SpanContext().TraceID().String() == traceID && s.Parent().IsRemote()
		linked := len(s.Links()) == 1 && s.Links()[0].SpanContext.TraceID().String() == traceID
		if trusted && !continued || !trusted && (continued || !linked) {
			t.Errorf("trusted proxy %v: trace %s, parent %v, links %d", trusted, s.SpanContext().TraceID(), s.Parent(), len(s.Links()))
		}
	}
}
