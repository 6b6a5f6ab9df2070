package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rs/zerolog"
	"go.opentelemetry.io/otel"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/bulk"
	"github.com/entente/entente/graph/localdb"
	"github.com/entente/entente/loaders/gazetteer"
	"github.com/entente/entente/loaders/pdftext"
	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
	"github.com/entente/entente/server/graphiql"
	"github.com/entente/entente/tracing"
)

func init() {
	commands["serve"] = command{summary: "serve the GraphQL API over the Neo4j at NEO4J_URI", run: runServe}
	commands["run"] = command{summary: "start a local Neo4j unless NEO4J_URI is set, load fixtures/, serve (make run)", run: runRun}
}

// serveFlags are the flags of serve and run beyond the configuration: access and limits,
// each defaulting to its environment variable (serveEnv).
type serveFlags struct {
	values map[string]*string
}

// defaultRateLimit is the requests per second per caller of a server reachable from other
// machines (ENTENTE_RATE_LIMIT=auto).
const defaultRateLimit = 20

// serveEnv lists the variables of the HTTP service, with their defaults, for flags and the README.
var serveEnv = []setting{
	{"ENTENTE_API_KEYS_FILE", "", "file of API keys, one \"role sha256hex name\" a line (entente keys new)", false},
	{"ENTENTE_API_KEYS", "", "API key lines as in the file, separated by ;", true},
	{"ENTENTE_OPEN_READS", "auto", "queries without a key: true, false, or auto (true on a loopback address only)", false},
	{"ENTENTE_OPEN_METRICS", "auto", "/metrics without a key: true, false, or auto (true on a loopback address only); else a key of role reader or above", false},
	{"ENTENTE_INTROSPECTION", "auto", "schema introspection: true, false, or auto (true on a loopback address only)", false},
	{"ENTENTE_CORS_ORIGINS", "", "comma-separated origins allowed to call the API from a browser (* for any)", false},
	{"ENTENTE_REQUEST_TIMEOUT", "15s", "longest a request may run; passed to Neo4j as the transaction timeout", false},
	{"ENTENTE_EXPORT_TIMEOUT", "5m", "longest a whole-graph export (/export/...) may stream", false},
	{"ENTENTE_RATE_LIMIT", "auto", "requests per second per API key (per client address without one); 0: off; auto: off on a loopback address, " + strconv.Itoa(defaultRateLimit) + " elsewhere", false},
	{"ENTENTE_RATE_BURST", "40", "requests a caller may send at once above the rate", false},
	{"ENTENTE_TRUSTED_PROXIES", "", "comma-separated addresses or CIDRs of load balancers whose X-Forwarded-For names the client", false},
	{"ENTENTE_MAX_COMPLEXITY", "10000", "largest cost of one GraphQL operation", false},
	{"ENTENTE_MAX_DEPTH", "12", "deepest field nesting of one GraphQL operation", false},
	{"ENTENTE_MAX_BODY", "1048576", "largest request body in bytes (POST /documents has its own)", false},
	{"ENTENTE_MAX_DOCUMENT", "20971520", "largest document in bytes that POST /documents accepts", false},
	{"ENTENTE_INGEST_TIMEOUT", "30s", "longest the extraction of an ingested document may run (ingestDocument, POST /documents)", false},
	{"ENTENTE_WEB", "web/dist", "built network page to serve at / (make web)", false},
	{"OTEL_EXPORTER_OTLP_ENDPOINT", "", "OpenTelemetry collector to send traces to (http://host:4318; http://host:4317 for grpc); empty: no traces", false},
	{"OTEL_EXPORTER_OTLP_PROTOCOL", tracing.DefaultProtocol, "OTLP protocol of the traces: grpc, http/protobuf or http/json", false},
	{"OTEL_SERVICE_NAME", tracing.DefaultServiceName, "service.name of the traces", false},
}

// bindRun registers run's flags: serve's, and the folder of fixtures.
func bindRun(sf *serveFlags, fixtureDir *string) func(fs *flag.FlagSet) {
	return func(fs *flag.FlagSet) {
		bindServe(sf)(fs)
		fs.StringVar(fixtureDir, "fixtures", "fixtures", "folder of fixtures to load before serving")
	}
}

// bindServe registers serve's flags beyond the configuration (serveEnv) on fs.
func bindServe(sf *serveFlags) func(fs *flag.FlagSet) {
	return func(fs *flag.FlagSet) {
		sf.values = map[string]*string{}
		for _, v := range serveEnv {
			def := v.def
			if s, ok := os.LookupEnv(v.name); ok {
				def = s
			}
			sf.values[v.name] = fs.String(flagName(v.name), def, v.help+" ($"+v.name+")")
		}
	}
}

// options turns the flags into server options, naming the variable of the first bad value.
func (sf serveFlags) options(addr string) (server.Options, error) {
	v := func(name string) string { return strings.TrimSpace(*sf.values[name]) }
	host, _, _ := net.SplitHostPort(addr)
	ip := net.ParseIP(host)
	loopback := host == "localhost" || ip != nil && ip.IsLoopback()
	var o server.Options
	var errs []error
	flagBool := func(name string) bool {
		s := v(name)
		if s == "auto" {
			return loopback
		}
		b, err := strconv.ParseBool(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: want true, false or auto", name, s))
		}
		return b
	}
	flagInt := func(name string, least int) int {
		n, err := strconv.Atoi(v(name))
		if err != nil || n < least {
			errs = append(errs, fmt.Errorf("%s=%q: want a whole number of at least %d", name, v(name), least))
		}
		return n
	}
	keys, err := auth.Load(v("ENTENTE_API_KEYS_FILE"), v("ENTENTE_API_KEYS"))
	if err != nil {
		errs = append(errs, err)
	}
	o.Access = &server.Access{Keys: keys, OpenReads: flagBool("ENTENTE_OPEN_READS"), OpenMetrics: flagBool("ENTENTE_OPEN_METRICS")}
	o.Introspection = flagBool("ENTENTE_INTROSPECTION")
	for _, origin := range strings.Split(v("ENTENTE_CORS_ORIGINS"), ",") {
		origin = strings.TrimSpace(origin)
		if origin == "" {
			continue
		}
		if u, err := url.Parse(origin); origin != "*" && (err != nil || u.Host == "" || u.Path != "" || (u.Scheme != "http" && u.Scheme != "https")) {
			errs = append(errs, fmt.Errorf("ENTENTE_CORS_ORIGINS: %q: want scheme://host[:port] or *", origin))
		}
		o.CORSOrigins = append(o.CORSOrigins, origin)
	}
	o.RequestTimeout, err = time.ParseDuration(v("ENTENTE_REQUEST_TIMEOUT"))
	if err != nil || o.RequestTimeout < 100*time.Millisecond {
		errs = append(errs, fmt.Errorf("ENTENTE_REQUEST_TIMEOUT=%q: want a duration of at least 100ms, such as 15s", v("ENTENTE_REQUEST_TIMEOUT")))
	}
	o.ExportTimeout, err = time.ParseDuration(v("ENTENTE_EXPORT_TIMEOUT"))
	if err != nil || o.ExportTimeout < 100*time.Millisecond {
		errs = append(errs, fmt.Errorf("ENTENTE_EXPORT_TIMEOUT=%q: want a duration of at least 100ms, such as 5m", v("ENTENTE_EXPORT_TIMEOUT")))
	}
	if rl := v("ENTENTE_RATE_LIMIT"); rl == "auto" {
		// A notebook on the same machine loops over nodes: nobody else can reach a
		// loopback address, so nobody is to be slowed down there.
		if !loopback {
			o.RateLimit = defaultRateLimit
		}
	} else if o.RateLimit, err = strconv.ParseFloat(rl, 64); err != nil || o.RateLimit < 0 {
		errs = append(errs, fmt.Errorf("ENTENTE_RATE_LIMIT=%q: want requests per second, 0 for no limit", v("ENTENTE_RATE_LIMIT")))
	}
	o.RateBurst = flagInt("ENTENTE_RATE_BURST", 1)
	if o.TrustedProxies, err = server.ParseTrustedProxies(v("ENTENTE_TRUSTED_PROXIES")); err != nil {
		errs = append(errs, fmt.Errorf("ENTENTE_TRUSTED_PROXIES: %w", err))
	}
	o.MaxComplexity = flagInt("ENTENTE_MAX_COMPLEXITY", 10)
	o.MaxDepth = flagInt("ENTENTE_MAX_DEPTH", 2)
	o.MaxBodyBytes = int64(flagInt("ENTENTE_MAX_BODY", 1024))
	o.MaxDocumentBytes = int64(flagInt("ENTENTE_MAX_DOCUMENT", 1024))
	o.IngestTimeout, err = time.ParseDuration(v("ENTENTE_INGEST_TIMEOUT"))
	if err != nil || o.IngestTimeout < 100*time.Millisecond {
		errs = append(errs, fmt.Errorf("ENTENTE_INGEST_TIMEOUT=%q: want a duration of at least 100ms, such as 30s", v("ENTENTE_INGEST_TIMEOUT")))
	}
	o.WebDir = v("ENTENTE_WEB")
	if err := sf.tracing().Validate(); err != nil {
		errs = append(errs, err)
	}
	return o, errors.Join(errs...)
}

// tracing is the tracing configuration of the flags (the standard OTEL_ variables).
func (sf serveFlags) tracing() tracing.Config {
	v := func(name string) string { return strings.TrimSpace(*sf.values[name]) }
	return tracing.Config{Endpoint: v("OTEL_EXPORTER_OTLP_ENDPOINT"), Protocol: v("OTEL_EXPORTER_OTLP_PROTOCOL"), ServiceName: v("OTEL_SERVICE_NAME")}
}

func runServe(ctx context.Context, args []string) error {
	var sf serveFlags
	c, _, err := parse("serve", args, bindServe(&sf))
	if err != nil {
		return err
	}
	if _, err := sf.options(c.addr); err != nil {
		return err
	}
	store, log, err := c.openStore(ctx, "point it at a Neo4j (bolt://127.0.0.1:7687), or use `make run`, which starts one")
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	// An import run that a killed `entente load` left unfinished is undone before serving.
	if err := store.RecoverImports(ctx); err != nil {
		return err
	}
	return serve(ctx, c, sf, store, log)
}

// runRun is `make run`: a local Neo4j (unless NEO4J_URI is set), schema, fixtures, serve.
// Ctrl-C or SIGTERM stops the server first, then the Neo4j it started. That Neo4j is
// restarted when it dies (localdb.DefaultRestarts); if it keeps dying, run gives up and
// fails.
func runRun(ctx context.Context, args []string) error { return runLogging(ctx, args, os.Stderr) }

// runLogging is runRun logging to w.
func runLogging(ctx context.Context, args []string, w io.Writer) (err error) {
	var sf serveFlags
	var fixtureDir string
	c, _, err := parse("run", args, bindRun(&sf, &fixtureDir))
	if err != nil {
		return err
	}
	if _, err := sf.options(c.addr); err != nil {
		return err
	}
	log := c.logger(w)
	began := time.Now()
	// A local database never created is filled by the bulk importer before it starts.
	var filled *bulk.Result
	if files, _ := fixtures.Files(fixtureDir); c.neo4j.URI == "" && len(files) > 0 && !localdb.HasDatabase(c.neo4jHome) {
		res, ok, err := bulkLoad(ctx, c, log, files)
		if err != nil {
			return err
		}
		if ok {
			filled = res
		}
	}
	if c.neo4j.URI == "" {
		db, err := localdb.Supervise(ctx, localdb.Options{LibDir: c.neo4jLib, Home: c.neo4jHome, Heap: c.heap, PageCache: c.pageCache, Log: log},
			localdb.DefaultRestarts)
		if err != nil {
			return err
		}
		defer db.Stop(context.Background())
		c.neo4j = graph.Config{URI: db.URI}
		var cancel context.CancelCauseFunc
		ctx, cancel = context.WithCancelCause(ctx)
		defer cancel(nil)
		go func() {
			select {
			case <-db.Done():
				cancel(db.Err()) // nil when Stop ended the supervision
			case <-ctx.Done():
			}
		}()
		defer func() {
			if gaveUp := db.Err(); gaveUp != nil {
				err = gaveUp
			}
		}()
	}
	store, err := graph.Open(ctx, c.neo4j, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if err := store.EnsureSchema(ctx); err != nil {
		return err
	}
	if filled != nil {
		if err := finishBulk(ctx, store, log, filled, began); err != nil {
			return err
		}
	}
	useGlossary(log)
	if files, _ := fixtures.Files(fixtureDir); len(files) == 0 {
		log.Warn().Str("folder", fixtureDir).Msg("no fixtures to load; `make fixtures` extracts them from the documents")
	} else if err := loadFixtures(ctx, store, log, files, true); err != nil {
		return err
	}
	log.Info().Dur("startup", time.Since(began)).Str("neo4j", c.neo4j.URI).Msg("ready to serve")
	return serve(ctx, c, sf, store, log)
}

// serve runs the HTTP server until ctx is cancelled, then drains requests for up to 15 s.
func serve(ctx context.Context, c *config, sf serveFlags, store *graph.Store, log zerolog.Logger) error {
	o, err := sf.options(c.addr)
	if err != nil {
		return err
	}
	o.Store, o.Log = store, log
	// The graph's size prices whole-graph analytics (server.complexity): count it once now.
	if nodes, edges, err := store.Counts(ctx); err == nil {
		log.Info().Int("nodes", nodes).Int("edges", edges).Msg("graph")
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	log.Info().Int("api_keys", o.Access.Keys.Len()).Bool("open_reads", o.Access.OpenReads).Bool("open_metrics", o.Access.OpenMetrics).
		Bool("introspection", o.Introspection).Strs("cors", o.CORSOrigins).Dur("request_timeout", o.RequestTimeout).Dur("export_timeout", o.ExportTimeout).
		Float64("rate_limit", o.RateLimit).Msg("access")
	if o.Access.Keys.Len() == 0 {
		log.Warn().Msg("no API keys: mutations are refused (entente keys new --role editor makes one)")
		if !o.Access.OpenReads {
			log.Warn().Msg("no API keys and closed reads: every query will be refused (set ENTENTE_API_KEYS_FILE or ENTENTE_OPEN_READS=true)")
		}
	}
	if err := pdftext.Installed(); err != nil {
		log.Warn().Msg("pdftotext is missing: PDFs sent to POST /documents will be answered 503 (apt-get install poppler-utils)")
	}
	tp, err := tracing.Start(ctx, sf.tracing())
	if err != nil {
		ln.Close()
		return err
	}
	if tp != nil {
		o.TracerProvider = tp
		// The exporter's failures (a collector down) are logged, not fatal.
		otel.SetErrorHandler(otel.ErrorHandlerFunc(func(err error) { log.Warn().Err(err).Msg("traces") }))
		log.Info().Str("traces", sf.tracing().String()).Msg("tracing")
	}
	server.TuneGC()
	go reloadKeysOnHangup(ctx, sf, o.Access.Keys, log)
	err = serveOn(ctx, ln, server.New(o), log, 15*time.Second)
	// The spans still buffered are sent before the process ends.
	if terr := tracing.Shutdown(tp, 5*time.Second); terr != nil {
		log.Warn().Err(terr).Msg("traces not all sent at shutdown")
	}
	return err
}

// reloadKeys reads the API keys again (ENTENTE_API_KEYS_FILE and ENTENTE_API_KEYS) into
// keys; on any error keys stay as they were.
func (sf serveFlags) reloadKeys(keys *auth.Keys) (int, error) {
	v := func(name string) string { return strings.TrimSpace(*sf.values[name]) }
	fresh, err := auth.Load(v("ENTENTE_API_KEYS_FILE"), v("ENTENTE_API_KEYS"))
	if err != nil {
		return keys.Len(), err
	}
	keys.Replace(fresh)
	return keys.Len(), nil
}

// reloadKeysOnHangup reloads the API keys at every SIGHUP until ctx ends, so that keys can
// be added or revoked without a restart.
func reloadKeysOnHangup(ctx context.Context, sf serveFlags, keys *auth.Keys, log zerolog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			n, err := sf.reloadKeys(keys)
			if err != nil {
				log.Error().Err(err).Int("api_keys", n).Msg("API keys not reloaded: the previous keys stay in force")
				continue
			}
			log.Info().Int("api_keys", n).Msg("API keys reloaded")
		}
	}
}

// serveOn serves h on ln until ctx is cancelled, then stops accepting connections and
// lets the requests in flight finish for up to drain.
func serveOn(ctx context.Context, ln net.Listener, h http.Handler, log zerolog.Logger, drain time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info().Str("graphql", "http://"+ln.Addr().String()+"/graphql").
		Str("graphiql", "http://"+ln.Addr().String()+"/graphiql").Msg("serving")
	if !graphiql.IsBuilt() {
		log.Warn().Msg("GraphiQL is not built into this binary: /graphiql says so; make web build builds it (needs npm)")
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info().Msg("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	return srv.Shutdown(sctx)
}

// useGlossary gives duplicateCandidates the gazetteer's glossary of Italian and French
// words of agency names (graph cannot import the loaders).
func useGlossary(log zerolog.Logger) {
	g, err := gazetteer.Default()
	if err != nil {
		log.Warn().Err(err).Msg("no glossary for duplicate candidates")
		return
	}
	words := make(map[string]string, len(g.Glossary))
	for w, gloss := range g.Glossary {
		words[w] = gloss.English
	}
	graph.SetGlossary(words)
}
