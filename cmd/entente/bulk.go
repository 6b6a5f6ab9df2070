package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/bulk"
	"github.com/entente/entente/graph/localdb"
)

// Bulk modes of `entente load --bulk`.
const (
	bulkAuto = "auto" // bulk when the database is the local one and empty
	bulkOn   = "on"   // bulk, or say why not and import incrementally
	bulkOff  = "off"  // incremental
)

// Import paths, as the log lines name them.
const (
	pathBulk        = "bulk"
	pathIncremental = "incremental"
)

// bulkHeap is the JVM heap of neo4j-admin: the importer works off heap.
const bulkHeap = "1g"

// localEmpty says whether the local database of c (ENTENTE_NEO4J_HOME) is empty: never
// created, or holding no node. To tell the second, it starts the server; when the
// database holds nodes it returns that server still running, for the load to use (a
// start costs seconds), and otherwise stops it.
func localEmpty(ctx context.Context, c *config, log zerolog.Logger) (bool, string, *localdb.Server, error) {
	if localdb.InUse(c.neo4jHome) {
		return false, "the local Neo4j is running (" + c.neo4jHome + ")", nil, nil
	}
	if !localdb.HasDatabase(c.neo4jHome) {
		return true, "", nil, nil
	}
	srv, err := localdb.Start(ctx, localdb.Options{LibDir: c.neo4jLib, Home: c.neo4jHome, Heap: c.heap, PageCache: c.pageCache, Log: log})
	if err != nil {
		return false, "", nil, err
	}
	nodes, err := countNodes(ctx, srv, log)
	if err != nil || nodes == 0 {
		_ = srv.Stop(context.Background())
		return err == nil, "", nil, err
	}
	return false, fmt.Sprintf("the local database holds %d nodes", nodes), srv, nil
}

// countNodes is the number of nodes in the database of the local server srv.
func countNodes(ctx context.Context, srv *localdb.Server, log zerolog.Logger) (int, error) {
	store, err := graph.Open(ctx, graph.Config{URI: srv.URI}, log)
	if err != nil {
		return 0, err
	}
	defer store.Close(context.Background())
	nodes, _, err := store.Counts(ctx)
	return nodes, err
}

// bulkLoad fills the stopped, empty local database of c from the fixtures under paths with
// neo4j-admin (graph/bulk). It returns ok false, having written nothing, when the bulk
// path cannot load these fixtures (the caller imports them incrementally); with ok true,
// the caller starts the server and calls finishBulk.
func bulkLoad(ctx context.Context, c *config, log zerolog.Logger, paths []string) (*bulk.Result, bool, error) {
	files, err := fixtures.Files(paths...)
	if err != nil {
		return nil, false, err
	}
	if len(files) == 0 {
		return nil, false, fmt.Errorf("no fixtures (*.json) in %s", strings.Join(paths, ", "))
	}
	log.Info().Str("path", pathBulk).Str("home", c.neo4jHome).Int("files", len(files)).
		Msg("import path: bulk (neo4j-admin database import into the empty local database)")
	res, err := bulk.Load(ctx, bulk.Options{LibDir: c.neo4jLib, Home: c.neo4jHome, Heap: bulkHeap, Actor: ActorLoad, Log: log}, files)
	if errors.Is(err, bulk.ErrUnsupported) {
		log.Warn().Str("path", pathIncremental).Str("reason", err.Error()).Msg("import path: incremental instead of bulk")
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return res, true, nil
}

// finishBulk runs the post-pass of a bulk import on the server now up (store, schema
// made) and logs the summary, as loadFixtures does for the incremental path.
func finishBulk(ctx context.Context, store *graph.Store, log zerolog.Logger, res *bulk.Result, began time.Time) error {
	ctx = graph.WithActor(ctx, ActorLoad)
	post := time.Now()
	if err := store.FinishBulk(ctx, res.Steps, res.LoadedFiles); err != nil {
		return err
	}
	secs := time.Since(began).Seconds()
	entities := res.Sum.Documents + res.Sum.Nodes + res.Sum.Edges
	ev := log.Info().Str("path", pathBulk).Int("files", res.Files).Int("failed", len(res.Failed)).
		Int("documents", res.Sum.Documents).Int("nodes", res.Sum.Nodes).Int("edges", res.Sum.Edges).
		Int("distinct_nodes", res.Plan.Nodes).Int("distinct_edges", res.Plan.Edges).Int("meeting_merges", res.Plan.Merges).
		Float64("seconds", round(secs)).Float64("entities_per_s", rate(entities, secs)).
		Dur("read", res.Read).Dur("csv", res.Write).Dur("neo4j_admin", res.Admin).Dur("post_pass", time.Since(post)).
		Uint64("peak_heap_mb", res.PeakHeap>>20)
	if nodes, edges, err := store.Counts(ctx); err == nil {
		ev = ev.Int("db_nodes", nodes).Int("db_relationships", edges)
	}
	ev.Msg("load finished (bulk)")
	if len(res.Failed) > 0 {
		return fmt.Errorf("%d of %d fixtures not loaded: %s", len(res.Failed), res.Files, strings.Join(res.Failed, ", "))
	}
	return nil
}

// loadLocal is `entente load` without NEO4J_URI: the local database of c, filled by the
// bulk importer when it is empty (and mode allows), else incrementally, with the server
// started for the time of the load.
func loadLocal(ctx context.Context, c *config, log zerolog.Logger, paths []string, mode string, replace bool) error {
	began := time.Now()
	var res *bulk.Result
	var srv *localdb.Server // the server localEmpty left running, if any
	defer func() {
		if srv != nil {
			srv.Stop(context.Background())
		}
	}()
	if mode != bulkOff {
		empty, why, running, err := localEmpty(ctx, c, log)
		if err != nil {
			return err
		}
		srv = running
		switch {
		case empty || replace:
			if srv != nil { // the bulk importer needs it stopped (localdb.Import says so if not)
				_ = srv.Stop(context.Background())
				srv = nil
			}
			var ok bool
			if res, ok, err = bulkLoad(ctx, c, log, paths); err != nil {
				return err
			} else if !ok {
				res = nil
			}
		default:
			log.Info().Str("path", pathIncremental).Str("reason", why).Msg("import path: incremental (the bulk importer fills only an empty database)")
		}
	} else {
		log.Info().Str("path", pathIncremental).Str("reason", "--bulk=off").Msg("import path: incremental")
	}
	if srv == nil {
		if localdb.InUse(c.neo4jHome) {
			return fmt.Errorf("the local Neo4j of %s is running: stop `entente run`, or point NEO4J_URI at it", c.neo4jHome)
		}
		var err error
		if srv, err = localdb.Start(ctx, localdb.Options{LibDir: c.neo4jLib, Home: c.neo4jHome, Heap: c.heap, PageCache: c.pageCache, Log: log}); err != nil {
			return err
		}
	}
	store, err := graph.Open(ctx, graph.Config{URI: srv.URI}, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if replace && res == nil {
		if err := store.DeleteAll(ctx); err != nil {
			return fmt.Errorf("emptying the database: %w", err)
		}
		log.Info().Msg("database emptied (--replace)")
	}
	if err := store.EnsureSchema(ctx); err != nil {
		return err
	}
	if res != nil {
		return finishBulk(ctx, store, log, res, began)
	}
	return loadFixtures(ctx, store, log, paths, false)
}
