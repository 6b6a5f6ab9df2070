// Package metrics holds Entente's Prometheus metrics: one registry that the graph (Neo4j
// statements, transactions, imports) and the server (requests, GraphQL operations, rate
// limits) count into, and that /metrics exposes. Every label takes values from a short,
// fixed list, or (operation names) from a list capped at MaxOperations, so that no client
// can grow the number of series.
package metrics

import (
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Registry holds every metric of Entente and the Go runtime and process collectors.
var Registry = prometheus.NewRegistry()

// latency buckets, in seconds: 1 ms to 30 s (the longest request timeout people set).
var latency = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

var (
	httpRequests = counter("entente_http_requests_total",
		"HTTP requests answered, by handler, method and status code.", "handler", "method", "status")
	httpDuration = histogram("entente_http_request_duration_seconds",
		"Time to answer an HTTP request, by handler.", latency, "handler")
	graphqlRequests = counter("entente_graphql_requests_total",
		"Requests to /graphql, by operation name, operation type and outcome code (OK, or the extensions.code of the first error).",
		"operation", "type", "code")
	graphqlDuration = histogram("entente_graphql_request_duration_seconds",
		"Time to answer a request to /graphql, by operation name and type.", latency, "operation", "type")
	rateLimited = counter("entente_rate_limited_total",
		"Requests refused with 429 for going over the rate, by who was counted: key, address (no key) or bad_key (a wrong key, counted by address).",
		"caller")
	statements = histogram("entente_neo4j_statement_duration_seconds",
		"Time of one Cypher statement, sent to answer to the end of its records, by transaction mode (read, write, stream, auto) and outcome (ok, error).",
		latency, "mode", "outcome")
	transactions = gauge("entente_neo4j_transactions_in_flight",
		"Neo4j transactions Entente holds open now; each holds one connection of the driver's pool.")
	poolSize = gauge("entente_neo4j_pool_max_connections",
		"Size of the Neo4j driver's connection pool (the most connections it opens).")
	importFiles = counter("entente_import_files_total",
		"Fixture files imported, by outcome: committed, failed (nothing of it kept) or skipped (its exact bytes were imported before).", "outcome")
	importRuns = counter("entente_import_runs_total",
		"Import runs (files imported in several transactions), by outcome: committed or undone.", "outcome")
	importRows = counter("entente_import_rows_total",
		"Rows of committed imports, by kind: document, node, edge.", "kind")
	importCreated = counter("entente_import_created_total",
		"Nodes and relationships that committed imports created (0 for a re-import).")
	importDuration = histogram("entente_import_duration_seconds",
		"Time to import one fixture file, committed or not.", []float64{.05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600}).WithLabelValues()
	buildInfo = gauge("entente_build_info",
		"Always 1; its labels say which build runs: version and VCS revision of the module, Go version.", "version", "revision", "goversion")
)

func counter(name, help string, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
	Registry.MustRegister(c)
	return c
}

func histogram(name, help string, buckets []float64, labels ...string) *prometheus.HistogramVec {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: name, Help: help, Buckets: buckets}, labels)
	Registry.MustRegister(h)
	return h
}

func gauge(name, help string, labels ...string) *prometheus.GaugeVec {
	g := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: name, Help: help}, labels)
	Registry.MustRegister(g)
	return g
}

func init() {
	Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	version, revision := Build()
	buildInfo.WithLabelValues(version, revision, runtime.Version()).Set(1)
	// Series that a scrape should see at 0 before the first event.
	for _, c := range []string{"key", "address", "bad_key"} {
		rateLimited.WithLabelValues(c)
	}
	for _, o := range []string{"committed", "failed", "skipped"} {
		importFiles.WithLabelValues(o)
	}
	for _, k := range []string{"document", "node", "edge"} {
		importRows.WithLabelValues(k)
	}
	importCreated.WithLabelValues()
	transactions.WithLabelValues()
}

// Build is the module's version ("(devel)" for a build from a work tree) and VCS revision
// ("" when unknown; "-dirty" appended for a tree with changes) of this binary.
func Build() (version, revision string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown", ""
	}
	version = bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value + revision
		case "vcs.modified":
			if s.Value == "true" {
				revision += "-dirty"
			}
		}
	}
	return version, revision
}

// Handler serves the registry in Prometheus' text format (or OpenMetrics when asked).
func Handler() http.Handler {
	return promhttp.HandlerFor(Registry, promhttp.HandlerOpts{EnableOpenMetrics: true})
}

// Request counts one HTTP request of handler (a fixed route name, never a raw path).
func Request(handler, method string, status int, took time.Duration) {
	switch method {
	case http.MethodGet, http.MethodPost, http.MethodHead, http.MethodOptions:
	default:
		method = "other"
	}
	httpRequests.WithLabelValues(handler, method, strconv.Itoa(status)).Inc()
	httpDuration.WithLabelValues(handler).Observe(took.Seconds())
}

// MaxOperations caps the distinct operation names counted: later new names count as "other".
const MaxOperations = 100

// MaxOperationName is the longest operation name counted as itself; longer ones count as "other".
const MaxOperationName = 64

var operations = struct {
	sync.Mutex
	seen map[string]bool
}{seen: map[string]bool{}}

// Operation is the label of an operation name: "anonymous" for an operation without a
// name, "unknown" for a request that never reached an operation (refused, or not
// GraphQL), "other" past MaxOperations distinct names or MaxOperationName bytes, else the
// name itself. name comes from a parsed document, so it is a GraphQL name.
func Operation(name string, reached bool) string {
	switch {
	case !reached:
		return "unknown"
	case name == "":
		return "anonymous"
	case len(name) > MaxOperationName:
		return "other"
	}
	operations.Lock()
	defer operations.Unlock()
	if !operations.seen[name] {
		if len(operations.seen) >= MaxOperations {
			return "other"
		}
		operations.seen[name] = true
	}
	return name
}

// GraphQL counts one request to /graphql: operation as Operation made it, opType query,
// mutation, subscription or unknown, code OK or the first error's extensions.code.
func GraphQL(operation, opType, code string, took time.Duration) {
	graphqlRequests.WithLabelValues(operation, opType, code).Inc()
	graphqlDuration.WithLabelValues(operation, opType).Observe(took.Seconds())
}

// RateLimited counts one 429: caller is key, address or bad_key.
func RateLimited(caller string) { rateLimited.WithLabelValues(caller).Inc() }

// Statement records one Cypher statement of mode (read, write, stream or auto).
func Statement(mode string, took time.Duration, err error) {
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	statements.WithLabelValues(mode, outcome).Observe(took.Seconds())
}

// TransactionBegan counts a Neo4j transaction open until the function it returns is called.
func TransactionBegan() func() {
	g := transactions.WithLabelValues()
	g.Inc()
	return g.Dec
}

// PoolSize records the size of the driver's connection pool.
func PoolSize(n int) { poolSize.WithLabelValues().Set(float64(n)) }

// ImportFile counts one fixture file: outcome committed, failed or skipped.
func ImportFile(outcome string) { importFiles.WithLabelValues(outcome).Inc() }

// ImportRun counts one import run: outcome committed or undone.
func ImportRun(outcome string) { importRuns.WithLabelValues(outcome).Inc() }

// Imported counts what one committed import wrote, and the time it took.
func Imported(documents, nodes, edges, created int, took time.Duration) {
	importRows.WithLabelValues("document").Add(float64(documents))
	importRows.WithLabelValues("node").Add(float64(nodes))
	importRows.WithLabelValues("edge").Add(float64(edges))
	importCreated.WithLabelValues().Add(float64(created))
	importDuration.Observe(took.Seconds())
}

// ImportFailed records the time of an import that failed.
func ImportFailed(took time.Duration) { importDuration.Observe(took.Seconds()) }
