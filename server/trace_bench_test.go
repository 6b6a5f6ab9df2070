package server_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/entente/entente/server"
)

// BenchmarkTracing answers `{ __typename }` through the whole handler (every middleware,
// gqlgen and its extensions; no Neo4j) with traces off, as by default, and on (a provider
// that records every span and sends them nowhere). Off must cost what it cost before
// traces existed: run it on the previous commit to compare (README, Traces).
func BenchmarkTracing(b *testing.B) {
	for _, on := range []bool{false, true} {
		name := "off"
		o := server.Options{Log: zerolog.Nop()}
		if on {
			name = "on"
			tp := sdktrace.NewTracerProvider()
			b.Cleanup(func() { tp.Shutdown(b.Context()) })
			o.TracerProvider = tp
		}
		h := server.New(o)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("POST", "/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
				req.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("%d %s", w.Code, w.Body)
				}
			}
		})
	}
}
