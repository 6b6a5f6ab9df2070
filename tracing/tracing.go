// Package tracing holds Entente's OpenTelemetry traces: the tracer provider and its OTLP
// exporter, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set, and the deferred spans of
// GraphQL resolvers, which exist only when a resolver reaches Neo4j.
//
// Nothing here is global: the server is handed the provider (server.Options), and the
// graph makes a statement's span only under a span that records, with that span's
// provider. Without an endpoint there is no provider, no exporter and no span.
package tracing

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"

	"github.com/entente/entente/metrics"
)

// The OTLP protocols (OTEL_EXPORTER_OTLP_PROTOCOL). The specification makes
// http/protobuf the default.
const (
	ProtocolGRPC         = "grpc"
	ProtocolHTTPProtobuf = "http/protobuf"
	ProtocolHTTPJSON     = "http/json"
	DefaultProtocol      = ProtocolHTTPProtobuf
)

// DefaultServiceName is service.name unless OTEL_SERVICE_NAME says otherwise.
const DefaultServiceName = "entente"

// Config is the effective tracing settings: the standard variables, or the flags that
// override them.
type Config struct {
	Endpoint    string // OTEL_EXPORTER_OTLP_ENDPOINT: base URL of the collector; "": traces off
	Protocol    string // OTEL_EXPORTER_OTLP_PROTOCOL: grpc, http/protobuf or http/json
	ServiceName string // OTEL_SERVICE_NAME
}

// Enabled says whether traces are on.
func (c Config) Enabled() bool { return c.Endpoint != "" }

// Validate names the variable of the first bad value.
func (c Config) Validate() error {
	switch c.Protocol {
	case ProtocolGRPC, ProtocolHTTPProtobuf, ProtocolHTTPJSON:
	default:
		return fmt.Errorf("OTEL_EXPORTER_OTLP_PROTOCOL=%q: want grpc, http/protobuf or http/json", c.Protocol)
	}
	if c.Endpoint != "" {
		u, err := url.Parse(c.Endpoint)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("OTEL_EXPORTER_OTLP_ENDPOINT=%q: want the collector's URL, such as http://collector:4318 (http/protobuf) or http://collector:4317 (grpc)", c.Endpoint)
		}
	}
	if strings.TrimSpace(c.ServiceName) == "" {
		return fmt.Errorf("OTEL_SERVICE_NAME=%q: want a name, such as entente", c.ServiceName)
	}
	return nil
}

// String says what Start will do, for logs and `entente config`.
func (c Config) String() string {
	if !c.Enabled() {
		return "off"
	}
	return c.Protocol + " to " + c.Endpoint
}

// Start builds the tracer provider that exports to c's collector, or returns nil when
// traces are off. Its Shutdown sends the spans still buffered: call it before exiting.
// The exporter reads the other standard variables itself (OTEL_EXPORTER_OTLP_HEADERS,
// _TIMEOUT, _COMPRESSION, _CERTIFICATE, and their OTEL_EXPORTER_OTLP_TRACES_ forms, which
// override the general ones); the provider reads OTEL_TRACES_SAMPLER(_ARG), OTEL_BSP_*
// and OTEL_RESOURCE_ATTRIBUTES.
func Start(ctx context.Context, c Config) (*sdktrace.TracerProvider, error) {
	if !c.Enabled() {
		return nil, nil
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	exp, err := exporter(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("OTLP trace exporter: %w", err)
	}
	version, revision := metrics.Build()
	attrs := []attribute.KeyValue{semconv.ServiceName(c.ServiceName), semconv.ServiceVersion(version)}
	if revision != "" {
		attrs = append(attrs, attribute.String("vcs.ref.head.revision", revision))
	}
	// Later detectors win: the settings' service name over OTEL_RESOURCE_ATTRIBUTES'.
	res, err := resource.New(ctx, resource.WithTelemetrySDK(), resource.WithHost(), resource.WithProcessPID(),
		resource.WithFromEnv(), resource.WithAttributes(attrs...))
	if err != nil {
		return nil, fmt.Errorf("trace resource: %w", err)
	}
	return sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp), sdktrace.WithResource(res)), nil
}

// exporter is the OTLP exporter of c's protocol. OTEL_EXPORTER_OTLP_TRACES_ENDPOINT and
// _PROTOCOL, when set, win over the general settings, as the specification says.
func exporter(ctx context.Context, c Config) (*otlptrace.Exporter, error) {
	protocol := c.Protocol
	if p, ok := os.LookupEnv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"); ok && p != "" {
		protocol = p
	}
	_, ownEndpoint := os.LookupEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
	switch protocol {
	case ProtocolGRPC:
		var opts []otlptracegrpc.Option
		if !ownEndpoint {
			opts = append(opts, otlptracegrpc.WithEndpointURL(c.Endpoint))
		}
		return otlptracegrpc.New(ctx, opts...)
	case ProtocolHTTPProtobuf, ProtocolHTTPJSON:
		opts := []otlptracehttp.Option{otlptracehttp.WithEncoding(otlptracehttp.EncodingProtobuf)}
		if protocol == ProtocolHTTPJSON {
			opts[0] = otlptracehttp.WithEncoding(otlptracehttp.EncodingJSON)
		}
		if !ownEndpoint {
			// The general endpoint is a base URL: traces go to its /v1/traces.
			opts = append(opts, otlptracehttp.WithEndpointURL(strings.TrimSuffix(c.Endpoint, "/")+"/v1/traces"))
		}
		return otlptracehttp.New(ctx, opts...)
	default:
		return nil, fmt.Errorf("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=%q: want grpc, http/protobuf or http/json", protocol)
	}
}

// Shutdown flushes and stops tp (nil: traces off), waiting at most timeout.
func Shutdown(tp *sdktrace.TracerProvider, timeout time.Duration) error {
	if tp == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return tp.Shutdown(ctx)
}
