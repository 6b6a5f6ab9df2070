package main

import (
	"context"
	"errors"
	"flag"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/localdb"
	"github.com/entente/entente/server"
)

func init() {
	commands["serve"] = command{summary: "serve the GraphQL API over the Neo4j at NEO4J_URI", run: runServe}
	commands["run"] = command{summary: "start a local Neo4j unless NEO4J_URI is set, load fixtures/, serve (make run)", run: runRun}
}

// serveFlags are the flags of serve and run beyond the configuration.
type serveFlags struct {
	introspection bool
	webDir        string
}

func bindServe(sf *serveFlags) func(fs *flag.FlagSet) {
	return func(fs *flag.FlagSet) {
		fs.BoolVar(&sf.introspection, "introspection", true, "allow schema introspection (GraphiQL needs it)")
		fs.StringVar(&sf.webDir, "web", "web/dist", "built network page to serve at / (make web)")
	}
}

func runServe(ctx context.Context, args []string) error {
	var sf serveFlags
	c, _, err := parse("serve", args, bindServe(&sf))
	if err != nil {
		return err
	}
	if c.neo4j.URI == "" {
		return errors.New("NEO4J_URI is not set: point it at a Neo4j (bolt://127.0.0.1:7687), or use `make run`, which starts one")
	}
	log := c.logger(os.Stderr)
	store, err := graph.Open(ctx, c.neo4j, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	return serve(ctx, c, sf, store, log)
}

// runRun is `make run`: a local Neo4j (unless NEO4J_URI is set), schema, fixtures, serve.
// Ctrl-C or SIGTERM stops the server first, then the Neo4j it started.
func runRun(ctx context.Context, args []string) error {
	var sf serveFlags
	var fixtureDir string
	c, _, err := parse("run", args, func(fs *flag.FlagSet) {
		bindServe(&sf)(fs)
		fs.StringVar(&fixtureDir, "fixtures", "fixtures", "folder of fixtures to load before serving")
	})
	if err != nil {
		return err
	}
	log := c.logger(os.Stderr)
	began := time.Now()
	if c.neo4j.URI == "" {
		db, err := localdb.Start(ctx, localdb.Options{LibDir: c.neo4jLib, Home: c.neo4jHome, Heap: c.heap, PageCache: c.pageCache, Log: log})
		if err != nil {
			return err
		}
		defer db.Stop(context.Background())
		c.neo4j = graph.Config{URI: db.URI}
	}
	store, err := graph.Open(ctx, c.neo4j, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if err := store.EnsureSchema(ctx); err != nil {
		return err
	}
	if files, _ := fixtures.Files(fixtureDir); len(files) == 0 {
		log.Warn().Str("folder", fixtureDir).Msg("no fixtures to load; `make fixtures` extracts them from the documents")
	} else if err := loadFixtures(ctx, store, log, files); err != nil {
		return err
	}
	log.Info().Dur("startup", time.Since(began)).Str("neo4j", c.neo4j.URI).Msg("ready to serve")
	return serve(ctx, c, sf, store, log)
}

// serve runs the HTTP server until ctx is cancelled, then drains requests for up to 15 s.
func serve(ctx context.Context, c *config, sf serveFlags, store *graph.Store, log zerolog.Logger) error {
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           server.New(server.Options{Store: store, Log: log, Introspection: sf.introspection, WebDir: sf.webDir}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info().Str("graphql", "http://"+ln.Addr().String()+"/graphql").
		Str("graphiql", "http://"+ln.Addr().String()+"/graphiql").Msg("serving")
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info().Msg("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}
