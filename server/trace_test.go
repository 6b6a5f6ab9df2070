package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/hex"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	collectortrace "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	commonpb "go.opentelemetry.io/proto/otlp/common/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/server"
	"github.com/entente/entente/tracing"
)

// receiver is an OTLP trace receiver (a collector's trace service) that keeps what it is sent.
type receiver struct {
	collectortrace.UnimplementedTraceServiceServer
	mu    sync.Mutex
	spans []receivedSpan
}

// receivedSpan is a span as the collector got it, with its resource's service.name.
type receivedSpan struct {
	*tracepb.Span
	service string
}

func (rc *receiver) Export(_ context.Context, req *collectortrace.ExportTraceServiceRequest) (*collectortrace.ExportTraceServiceResponse, error) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for _, rs := range req.ResourceSpans {
		service := attrs(rs.GetResource().GetAttributes())["service.name"]
		for _, ss := range rs.ScopeSpans {
			for _, s := range ss.Spans {
				rc.spans = append(rc.spans, receivedSpan{s, service})
			}
		}
	}
	return &collectortrace.ExportTraceServiceResponse{}, nil
}

func (rc *receiver) received() []receivedSpan {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]receivedSpan(nil), rc.spans...)
}

// grpcReceiver serves the trace service over gRPC on a loopback port and returns its URL.
func grpcReceiver(t *testing.T, rc *receiver) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer()
	collectortrace.RegisterTraceServiceServer(srv, rc)
	go srv.Serve(ln)
	t.Cleanup(srv.Stop)
	return "http://" + ln.Addr().String()
}

// httpReceiver serves OTLP/HTTP (protobuf) at /v1/traces and returns its base URL.
func httpReceiver(t *testing.T, rc *receiver) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/traces" || r.Header.Get("Content-Type") != "application/x-protobuf" {
			t.Errorf("OTLP/HTTP receiver: %s %s %s", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
			http.Error(w, "not OTLP/HTTP traces", http.StatusNotFound)
			return
		}
		var body io.Reader = r.Body
		if r.Header.Get("Content-Encoding") == "gzip" {
			gz, err := gzip.NewReader(r.Body)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			body = gz
		}
		b, err := io.ReadAll(body)
		req := &collectortrace.ExportTraceServiceRequest{}
		if err == nil {
			err = proto.Unmarshal(b, req)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		resp, _ := rc.Export(r.Context(), req)
		out, _ := proto.Marshal(resp)
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.Write(out)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// attrs flattens OTLP attributes to strings.
func attrs(kvs []*commonpb.KeyValue) map[string]string {
	m := map[string]string{}
	for _, kv := range kvs {
		switch v := kv.Value.Value.(type) {
		case *commonpb.AnyValue_StringValue:
			m[kv.Key] = v.StringValue
		case *commonpb.AnyValue_IntValue:
			m[kv.Key] = strconv.FormatInt(v.IntValue, 10)
		default:
			m[kv.Key] = kv.Value.String()
		}
	}
	return m
}

// TestTracesReachAnOTLPReceiver sends one GraphQL request to a server with traces on, over
// the real Neo4j, and reads its spans back from an in-process OTLP receiver, over gRPC
// and over HTTP: the request's span carries the request id and the operation; the
// resolvers that read Neo4j have spans under it, and each statement a span under its
// resolver, with its text but none of the values sent; fields answered from memory have
// none.
func TestTracesReachAnOTLPReceiver(t *testing.T) {
	store := graphtest.Open(t)
	f, err := fixtures.Read("../testdata/server/small.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Import(context.Background(), f, nil); err != nil {
		t.Fatal(err)
	}
	for protocol, listen := range map[string]func(*testing.T, *receiver) string{
		tracing.ProtocolGRPC: grpcReceiver, tracing.ProtocolHTTPProtobuf: httpReceiver,
	} {
		t.Run(strings.ReplaceAll(protocol, "/", "-"), func(t *testing.T) {
			rc := &receiver{}
			cfg := tracing.Config{Endpoint: listen(t, rc), Protocol: protocol, ServiceName: "entente-test"}
			tp, err := tracing.Start(context.Background(), cfg)
			if err != nil || tp == nil {
				t.Fatalf("tracing.Start(%v): %v, %v", cfg, tp, err)
			}
			srv := httptest.NewServer(server.New(server.Options{Store: store, Log: zerolog.Nop(), TracerProvider: tp}))
			defer srv.Close()

			const secret = "gambacurta" // a value sent: it must reach no span
			body, _ := json.Marshal(map[string]any{
				"operationName": "Who",
				"query":         `query Who($t: String!) { search(text: $t) { score node { id name ... on Person { meetings { role meeting { name } } } } } }`,
				"variables":     map[string]any{"t": secret},
			})
			req, _ := http.NewRequest("POST", srv.URL+"/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Request-Id", "trace-test-"+strings.ReplaceAll(protocol, "/", "-"))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			answer, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(string(answer), "person:stefano-gambacurta") || strings.Contains(string(answer), `"errors"`) {
				t.Fatalf("answer %d: %s", resp.StatusCode, answer)
			}
			// Shutdown sends what the batcher holds, as the binary does on exit.
			if err := tracing.Shutdown(tp, 10*time.Second); err != nil {
				t.Fatalf("shutdown: %v", err)
			}
			checkTrace(t, rc.received(), req.Header.Get("X-Request-Id"), secret)
		})
	}
}

// checkTrace checks the spans of one request (see TestTracesReachAnOTLPReceiver).
func checkTrace(t *testing.T, spans []receivedSpan, requestID, secret string) {
	t.Helper()
	byID := map[string]receivedSpan{}
	var root *receivedSpan
	for i, s := range spans {
		byID[hex.EncodeToString(s.SpanId)] = s
		if s.Kind == tracepb.Span_SPAN_KIND_SERVER {
			if root != nil {
				t.Errorf("two request spans: %q and %q", root.Name, s.Name)
			}
			root = &spans[i]
		}
		for k, v := range attrs(s.Attributes) {
			if strings.Contains(strings.ToLower(v), secret) {
				t.Errorf("span %q: attribute %s=%q holds a value sent", s.Name, k, v)
			}
		}
		if s.service != "entente-test" {
			t.Errorf("span %q: service.name %q", s.Name, s.service)
		}
	}
	if root == nil {
		t.Fatalf("no request span among %d spans", len(spans))
	}
	for _, s := range spans {
		t.Logf("span %q kind %v parent %q: %v", s.Name, s.Kind, byID[hex.EncodeToString(s.ParentSpanId)].GetName(), attrs(s.Attributes))
	}
	ra := attrs(root.Attributes)
	if root.Name != "POST /graphql" || len(root.ParentSpanId) != 0 || ra["entente.request_id"] != requestID ||
		ra["graphql.operation.name"] != "Who" || ra["graphql.operation.type"] != "query" || ra["entente.graphql.code"] != "OK" {
		t.Errorf("request span %q (parent %x): %v", root.Name, root.ParentSpanId, ra)
	}
	parent := func(s receivedSpan) (receivedSpan, bool) {
		p, ok := byID[hex.EncodeToString(s.ParentSpanId)]
		return p, ok
	}
	resolvers := map[string]int{}
	statements := 0
	for _, s := range spans {
		if string(s.TraceId) != string(root.TraceId) {
			t.Errorf("span %q is in another trace", s.Name)
		}
		a := attrs(s.Attributes)
		switch {
		case s.Kind == tracepb.Span_SPAN_KIND_SERVER:
		case s.Kind == tracepb.Span_SPAN_KIND_CLIENT: // a statement
			statements++
			p, ok := parent(s)
			if !ok || p.Kind != tracepb.Span_SPAN_KIND_INTERNAL || !strings.Contains(p.Name, ".") {
				t.Errorf("statement span %q: parent %q, want a resolver's", s.Name, p.Name)
			}
			if s.Name != "neo4j read" || a["db.system"] != "neo4j" || a["db.system.name"] != "neo4j" || a["entente.neo4j.mode"] != "read" ||
				!strings.Contains(a["db.query.text"], "$") || a["server.address"] == "" {
				t.Errorf("statement span %q: %v", s.Name, a)
			}
		case s.Kind == tracepb.Span_SPAN_KIND_INTERNAL: // a resolver
			resolvers[s.Name]++
			if p, ok := parent(s); !ok || p.SpanId == nil || string(p.SpanId) != string(root.SpanId) {
				t.Errorf("resolver span %q: parent %q, want the request's", s.Name, p.Name)
			}
			if a["graphql.field.path"] == "" || a["graphql.field.name"] == "" {
				t.Errorf("resolver span %q: %v", s.Name, a)
			}
		default:
			t.Errorf("span %q of kind %v", s.Name, s.Kind)
		}
	}
	// search reads the index; the meetings of the people found are read in one batch,
	// under the first Person.meetings that asked; id, name, role... are answered from memory.
	if resolvers["Query.search"] != 1 || resolvers["Person.meetings"] != 1 || len(resolvers) != 2 || statements < 2 {
		t.Errorf("resolver spans %v, %d statement spans; want Query.search and Person.meetings, each with its statements", resolvers, statements)
	}
	for _, s := range spans {
		if s.Kind == tracepb.Span_SPAN_KIND_INTERNAL {
			children := 0
			for _, c := range spans {
				if string(c.ParentSpanId) == string(s.SpanId) {
					children++
				}
			}
			if children == 0 {
				t.Errorf("resolver span %q has no statement under it", s.Name)
			}
		}
	}
}

// TestTracingOffByDefault: without an endpoint there is no provider, so no exporter and
// no span, and the settings say so.
func TestTracingOffByDefault(t *testing.T) {
	c := tracing.Config{Protocol: tracing.DefaultProtocol, ServiceName: tracing.DefaultServiceName}
	tp, err := tracing.Start(context.Background(), c)
	if err != nil || tp != nil || c.String() != "off" {
		t.Errorf("no endpoint: provider %v, error %v, %q", tp, err, c)
	}
	if err := tracing.Shutdown(nil, time.Second); err != nil {
		t.Error(err)
	}
}
