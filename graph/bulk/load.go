// Package bulk fills an empty, Entente-managed local Neo4j (graph/localdb) with Neo4j's
// own bulk importer, `neo4j-admin database import full`, from CSV files that it writes
// while it streams the fixture files: the graph that graph.Store.Import, file by file,
// would store (Plan), imported many times faster than by transactions. What the CSV
// importer cannot do is left to a Cypher post-pass (graph.Store.FinishBulk) run once the
// server is up.
package bulk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/localdb"
)

// ErrUnsupported is a load the bulk path cannot reproduce exactly: the caller imports it
// incrementally instead. Nothing was written.
var ErrUnsupported = errors.New("the bulk import cannot load these fixtures")

// Options says where the local database lives and how the import may run.
type Options struct {
	LibDir  string // the Neo4j jars
	Home    string // the local server's home (stopped)
	Heap    string // JVM heap of neo4j-admin (default 1g)
	OffHeap string // neo4j-admin's --max-off-heap-memory (default: the tool's)
	TempDir string // where the CSV files go (default: the system's); removed after
	Actor   string // the history's actor (graph.WithActor)
	Log     zerolog.Logger
	// Skip says which files, by digest, not to load (loaded before); nil: none.
	Skip func(digest string) bool
}

// Result says what a bulk import did.
type Result struct {
	Files       int      // fixture files read
	Loaded      int      // files imported
	Failed      []string // files not loaded (invalid or refused), each logged
	Skipped     int      // files whose digest Skip named
	Sum         graph.ImportStats
	Plan        Stats
	Steps       []graph.BulkStep   // the post-pass: graph.Store.FinishBulk
	LoadedFiles []graph.LoadedFile // the files to record as loaded, by the post-pass
	Read        time.Duration      // reading, validating and planning the fixtures
	Write       time.Duration      // writing the CSV
	Admin       time.Duration      // neo4j-admin
	PeakHeap    uint64             // the largest live Go heap seen while planning (bytes)
	CSVBytes    int64
}

// Load reads and validates files in order, plans the graph they make, writes it as CSV
// and runs neo4j-admin on the stopped database of o.Home, which must be empty. An invalid
// or refused file is logged as the incremental path logs it and left out; the others are
// loaded. It returns an error wrapping ErrUnsupported, before anything is written, for
// fixtures it cannot reproduce exactly (then import them incrementally). The caller
// starts the server, makes the schema (graph.Store.EnsureSchema) and runs the post-pass
// (graph.Store.FinishBulk with Result.Steps and Result.LoadedFiles).
func Load(ctx context.Context, o Options, files []string) (*Result, error) {
	dir, err := os.MkdirTemp(o.TempDir, "entente-bulk-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	res := &Result{Files: len(files)}
	began := time.Now()
	changes, err := NewCSV(dir+"/changes.csv", ":LABEL", "id", "at", "actor", "action", "subject", "detail")
	if err != nil {
		return nil, err
	}
	plan := NewPlan(changes, o.Actor)
	var ms runtime.MemStats
	// Files are read, hashed and validated one ahead of the plan, on another core.
	reads := make(chan fileRead, 2)
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(reads)
		for _, file := range files {
			r := readOne(file, o.Skip)
			select {
			case reads <- r:
			case <-rctx.Done():
				return
			}
			if r.stop != nil {
				return
			}
		}
	}()
	i := 0
	for r := range reads {
		i++
		if err := ctx.Err(); err != nil {
			changes.Close()
			return nil, err
		}
		switch {
		case r.stop != nil:
			changes.Close()
			return nil, r.stop
		case r.skip:
			res.Skipped++
			continue
		case r.err != nil:
			o.Log.Error().Str("file", r.file).Msgf("not loaded: %v", r.err)
			res.Failed = append(res.Failed, r.file)
			continue
		}
		fs, err := plan.Add(r.file, r.digest, r.f)
		if err != nil {
			var input *graph.InputError
			if !errors.As(err, &input) {
				changes.Close()
				return nil, err
			}
			o.Log.Error().Str("file", r.file).Msgf("not loaded (nothing of it was written): %v", err)
			res.Failed = append(res.Failed, r.file)
			continue
		}
		res.Loaded++
		res.Sum.Documents += fs.Documents
		res.Sum.Nodes += fs.Nodes
		res.Sum.Edges += fs.Edges
		res.Sum.Created += fs.Created
		res.Sum.Redirected += fs.Redirected
		res.Sum.Loops += fs.Loops
		if i%16 == 0 || i == len(files) {
			runtime.ReadMemStats(&ms)
			res.PeakHeap = max(res.PeakHeap, ms.HeapAlloc)
		}
		o.Log.Debug().Str("file", r.file).Int("documents", fs.Documents).Int("nodes", fs.Nodes).Int("edges", fs.Edges).Msg("planned")
	}
	res.Read = time.Since(began)
	res.Plan = plan.Stats()
	res.Steps, res.LoadedFiles = plan.Steps(), plan.Loaded()
	began = time.Now()
	csv, err := plan.WriteCSV(dir, changes)
	if errors.Is(err, ErrDelimiter) {
		return nil, fmt.Errorf("%w: %w", ErrUnsupported, err)
	}
	if err != nil {
		return nil, err
	}
	res.Write = time.Since(began)
	for _, f := range append(csv.Nodes, csv.Relationships...) {
		if st, err := os.Stat(f); err == nil {
			res.CSVBytes += st.Size()
		}
	}
	runtime.GC() // the plan is dead: what neo4j-admin needs is on disk
	o.Log.Info().Int("files", res.Loaded).Int("nodes", res.Plan.Nodes).Int("documents", res.Plan.Documents).
		Int("edges", res.Plan.Edges).Int("mentions", res.Plan.Mentions).Int("merges", res.Plan.Merges).
		Int("replayed_rows", res.Plan.Replayed).Int64("csv_bytes", res.CSVBytes).Dur("read", res.Read).Dur("write", res.Write).
		Uint64("peak_heap_mb", res.PeakHeap>>20).Msg("bulk import: CSV written; running neo4j-admin database import")
	ir, err := localdb.Import(ctx, localdb.ImportOptions{LibDir: o.LibDir, Home: o.Home, Heap: o.Heap, OffHeap: o.OffHeap,
		Nodes: csv.Nodes, Relationships: csv.Relationships, Multiline: csv.Multiline, ArrayDelimiter: "U+001F"})
	res.Admin = ir.Took
	if err != nil {
		return nil, err
	}
	o.Log.Info().Dur("took", ir.Took).Msg("bulk import: neo4j-admin done")
	o.Log.Debug().Msg(ir.Output)
	return res, nil
}

// fileRead is one fixture file read for Load.
type fileRead struct {
	file, digest string
	f            *fixtures.Fixture
	skip         bool  // its digest is one to skip
	err          error // it is not loaded: logged and listed
	stop         error // the load stops
}

// readOne reads, hashes and validates one fixture file for Load.
func readOne(file string, skip func(string) bool) (r fileRead) {
	r.file = file
	st, err := os.Stat(file)
	if err != nil {
		r.err = err
		return r
	}
	if st.Size() > fixtures.StreamBytes {
		r.stop = fmt.Errorf("%w: %s is larger than %d bytes: %w", ErrUnsupported, file, fixtures.StreamBytes, errTooLarge)
		return r
	}
	data, err := os.ReadFile(file)
	if err != nil {
		r.err = err
		return r
	}
	sum := sha256.Sum256(data)
	r.digest = hex.EncodeToString(sum[:])
	if skip != nil && skip(r.digest) {
		r.skip = true
		return r
	}
	if r.f, r.err = fixtures.Parse(file, data); r.err != nil {
		return r
	}
	if tooLarge(r.f) {
		r.stop = fmt.Errorf("%w: %s has more than %d rows: %w", ErrUnsupported, file, graph.ImportOneTransaction, errTooLarge)
	}
	return r
}
