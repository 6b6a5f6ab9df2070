package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/metrics"
)

func init() {
	commands["load"] = command{
		summary: "validate fixtures (files or folders of *.json) and import them into Neo4j: load [--replace] [--bulk auto|on|off] PATH...",
		run:     runLoad,
	}
}

// runLoad implements `entente load [flags] PATH...`.
func runLoad(ctx context.Context, args []string) error {
	var replace bool
	var mode string
	c, fs, err := parse("load", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&replace, "replace", false, "empty the database before loading")
		fs.StringVar(&mode, "bulk", bulkAuto, "auto: fill an empty local database (no NEO4J_URI) with neo4j-admin's bulk importer, "+
			"else import by transactions; on: the same, saying why when it cannot; off: always by transactions")
	})
	if err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("usage: entente load [flags] PATH... (fixture files or folders of *.json)")
	}
	switch mode {
	case bulkAuto, bulkOn, bulkOff:
	case "true":
		mode = bulkOn
	case "false":
		mode = bulkOff
	default:
		return fmt.Errorf("--bulk is auto, on or off, not %q", mode)
	}
	if c.neo4j.URI == "" {
		// The local database Entente manages (ENTENTE_NEO4J_HOME), started for the load.
		return loadLocal(ctx, c, c.logger(os.Stderr), fs.Args(), mode, replace)
	}
	store, log, err := c.openStore(ctx, "")
	if err != nil {
		return err
	}
	if mode != bulkOff {
		log.Info().Str("path", pathIncremental).Str("reason", "NEO4J_URI names a database Entente does not manage: "+
			"the bulk importer needs its files, stopped").Msg("import path: incremental")
	}
	defer store.Close(context.Background())
	if replace {
		if err := store.DeleteAll(ctx); err != nil {
			return fmt.Errorf("emptying the database: %w", err)
		}
		log.Info().Msg("database emptied (--replace)")
	}
	if err := store.EnsureSchema(ctx); err != nil {
		return err
	}
	return loadFixtures(ctx, store, log, fs.Args(), false)
}

// progressEvery is the least time between two progress lines of one fixture.
const progressEvery = 500 * time.Millisecond

// ActorLoad is the actor the history records for fixtures loaded from the command line.
const ActorLoad = "cli:load"

// loadFixtures reads, validates and imports every fixture found under paths, one
// transaction per file (an import run of several for a large one: graph.ImportOneTransaction),
// which also records the file's digest in the graph. With skipLoaded,
// files whose exact bytes were imported before are skipped (`entente run` at every
// start). An invalid or refused fixture is logged and skipped, and the others are still
// loaded; the error at the end names the files that failed. Losing Neo4j stops the load
// at once.
func loadFixtures(ctx context.Context, store *graph.Store, log zerolog.Logger, paths []string, skipLoaded bool) error {
	if graph.ActorOf(ctx) == graph.ActorUnknown {
		ctx = graph.WithActor(ctx, ActorLoad) // the history's actor of what it imports
	}
	files, err := fixtures.Files(paths...)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no fixtures (*.json) in %s", strings.Join(paths, ", "))
	}
	loaded := map[string]bool{}
	if skipLoaded {
		if loaded, err = store.LoadedFixtures(ctx); err != nil {
			return err
		}
	}
	began := time.Now()
	var sum graph.ImportStats
	var failed []string
	skipped := 0
	for _, file := range files {
		digest, read, err := readFixture(file, func(digest string) bool { return loaded[digest] })
		if err != nil {
			log.Error().Str("file", file).Msgf("not loaded: %v", err)
			failed = append(failed, file)
			continue
		}
		if read == nil {
			skipped++
			metrics.ImportFile("skipped")
			continue
		}
		fileBegan := time.Now()
		lastLine := fileBegan
		progress := func(done, total int) {
			if time.Since(lastLine) < progressEvery || done == total {
				return // the "loaded" line below ends every file
			}
			lastLine = time.Now()
			secs := time.Since(fileBegan).Seconds()
			log.Info().Str("file", file).Int("rows", done).Int("total", total).
				Float64("rows_per_s", rate(done, secs)).Msgf("importing %d/%d", done, total)
		}
		st, err := read(ctx, store, digest, file, progress)
		if err != nil {
			if errors.Is(err, graph.ErrUnavailable) || ctx.Err() != nil {
				return fmt.Errorf("%s: %w", file, err)
			}
			log.Error().Str("file", file).Msgf("not loaded (nothing of it was written): %v", err)
			failed = append(failed, file)
			continue
		}
		log.Info().Str("file", file).Int("documents", st.Documents).Int("nodes", st.Nodes).Int("edges", st.Edges).
			Int("created", st.Created).Int("redirected", st.Redirected).Dur("took", time.Since(fileBegan)).Msg("loaded")
		sum.Documents += st.Documents
		sum.Nodes += st.Nodes
		sum.Edges += st.Edges
		sum.Created += st.Created
	}
	secs := time.Since(began).Seconds()
	entities := sum.Documents + sum.Nodes + sum.Edges
	ev := log.Info().Str("path", pathIncremental).Int("files", len(files)).Int("already_loaded", skipped).Int("failed", len(failed)).Int("documents", sum.Documents).
		Int("nodes", sum.Nodes).Int("edges", sum.Edges).Int("created", sum.Created).
		Float64("seconds", round(secs)).Float64("entities_per_s", rate(entities, secs))
	if nodes, edges, err := store.Counts(ctx); err == nil {
		ev = ev.Int("db_nodes", nodes).Int("db_relationships", edges)
	}
	ev.Msg("load finished")
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d fixtures not loaded: %s", len(failed), len(files), strings.Join(failed, ", "))
	}
	return nil
}

// importer imports a fixture file that was read and validated.
type importer func(ctx context.Context, store *graph.Store, digest, file string, progress func(done, total int)) (graph.ImportStats, error)

// readFixture computes the SHA-256 of a fixture file and, unless skip says a file with
// that digest is loaded (then the importer is nil), reads and validates it: whole
// (fixtures.Parse, graph.Store.ImportFile) up to fixtures.StreamBytes, past that piece by
// piece (fixtures.Scan, graph.Store.ImportParts), so that loading a file of any size holds
// a bounded part of it in memory.
func readFixture(file string, skip func(digest string) bool) (string, importer, error) {
	st, err := os.Stat(file)
	if err != nil {
		return "", nil, err
	}
	if st.Size() > fixtures.StreamBytes {
		r, err := os.Open(file)
		if err != nil {
			return "", nil, err
		}
		h := sha256.New()
		_, err = io.Copy(h, r)
		r.Close()
		if err != nil {
			return "", nil, err
		}
		digest := hex.EncodeToString(h.Sum(nil))
		if skip(digest) {
			return digest, nil, nil
		}
		large, err := fixtures.Scan(file)
		if err != nil {
			return "", nil, err
		}
		return digest, func(ctx context.Context, store *graph.Store, digest, file string, progress func(done, total int)) (graph.ImportStats, error) {
			return store.ImportParts(ctx, large, digest, file, progress)
		}, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", nil, err
	}
	sum256 := sha256.Sum256(data)
	digest := hex.EncodeToString(sum256[:])
	if skip(digest) {
		return digest, nil, nil
	}
	f, err := fixtures.Parse(file, data)
	if err != nil {
		return "", nil, err
	}
	return digest, func(ctx context.Context, store *graph.Store, digest, file string, progress func(done, total int)) (graph.ImportStats, error) {
		return store.ImportFile(ctx, f, digest, file, progress)
	}, nil
}

// rate is n per second, rounded, or 0 for no time.
func rate(n int, secs float64) float64 {
	if secs <= 0 {
		return 0
	}
	return round(float64(n) / secs)
}

func round(x float64) float64 { return float64(int64(x*10+0.5)) / 10 }
