// Command bench is `make bench`: it starts a throwaway Neo4j, generates and imports a
// synthetic graph (loaders/synth), and measures six operations side by side at 1, 8 and
// 32 concurrent clients: Entente's GraphQL endpoint (server.New, run as a child process),
// the same questions as hand-written Cypher through the Go driver (the floor), and
// @neo4j/graphql with equivalent type definitions (bench/peer, Node.js). It writes
// bench/results/results.md and results.json. Everything listens on loopback only.
//
//	go run ./bench                 # 100k nodes, 3 s per cell
//	go run ./bench -nodes 10000    # quick
//	go run ./bench -nodes 1000000 -ops neighbourhood,shortestPath -systems entente,driver -clients 1,8 -pagecache 4g -name results-1m
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/rs/zerolog"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/localdb"
	"github.com/entente/entente/loaders/synth"
)

// flags of one run.
type flags struct {
	nodes                   int
	seed                    uint64
	warm, dur               time.Duration
	clients                 []int
	systems, only           []string
	heap, pagecache         string
	lib, work, out, peerDir string
	name                    string
	pool                    int
	profile, hold           bool
	importDebug             bool
	importPath              string
	importOnly              bool
	postPassMerges          int
}

func main() {
	var f flags
	var clients, systems, only string
	var child, pprofAddr, uri, render string
	flag.IntVar(&f.nodes, "nodes", 100000, "nodes of the synthetic graph (about 5 edges each): 10000, 100000, 1000000")
	flag.Uint64Var(&f.seed, "seed", 1, "seed of the synthetic graph and of the request arguments")
	flag.DurationVar(&f.warm, "warmup", time.Second, "unmeasured time at the start of each cell")
	flag.DurationVar(&f.dur, "duration", 3*time.Second, "measured time of each cell")
	flag.StringVar(&clients, "clients", "1,8,32", "numbers of concurrent clients")
	flag.StringVar(&systems, "systems", "entente,driver,peer", "systems to measure")
	flag.StringVar(&only, "ops", "", "operations to measure (default all): node,search,list,neighbourhood,shortestPath,timeline")
	flag.StringVar(&f.heap, "heap", "2g", "JVM heap of the throwaway Neo4j")
	flag.StringVar(&f.pagecache, "pagecache", "2g", "page cache of the throwaway Neo4j")
	flag.StringVar(&f.lib, "neo4j-lib", ".neo4j/lib", "the Neo4j jars (make neo4j)")
	flag.StringVar(&f.work, "work", "bench/results/tmp", "scratch folder: fixtures, Neo4j home, logs, profiles (git-ignored)")
	flag.StringVar(&f.out, "out", "bench/results", "folder of the results")
	flag.StringVar(&f.name, "name", "results", "base name of the results files (.md, .json)")
	flag.StringVar(&f.peerDir, "peer", "bench/peer", "the @neo4j/graphql peer (npm ci runs there once)")
	flag.IntVar(&f.pool, "pool", 500, "distinct request arguments per operation")
	flag.BoolVar(&f.profile, "profile", true, "CPU-profile Entente's server during each 32-client cell")
	flag.BoolVar(&f.importDebug, "import-debug", false, "log every import statement with its duration")
	flag.StringVar(&f.importPath, "import", importIncremental, "how the synthetic graph is imported: incremental (graph.Store.Import, "+
		"one transaction per file) or bulk (graph/bulk: neo4j-admin into the empty database, as `entente load` does)")
	flag.IntVar(&f.postPassMerges, "post-pass-merges", 0, "bulk: run the post-pass only until this many meeting merges and scale its time (0: all)")
	flag.BoolVar(&f.importOnly, "import-only", false, "stop after the import, writing only its result (OUT/import-PATH-NODES.json)")
	flag.BoolVar(&f.hold, "hold", false, "after loading, keep Neo4j and both servers up until Ctrl-C (to poke by hand)")
	flag.StringVar(&render, "render", "", "write the results (.md, and .json again) of a results JSON file with the current verdicts, and stop")
	flag.StringVar(&child, "serve-entente", "", "internal: serve Entente on this address (the benchmark's child process)")
	flag.StringVar(&pprofAddr, "pprof-addr", "", "internal: pprof address of the child")
	flag.StringVar(&uri, "neo4j-uri", "", "internal: the Neo4j of the child")
	flag.Parse()
	if child != "" {
		if err := serveEntente(child, pprofAddr, uri); err != nil {
			fmt.Fprintln(os.Stderr, "bench child:", err)
			os.Exit(1)
		}
		return
	}
	if render != "" {
		if err := rerender(render, f.out, f.name); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		return
	}
	for _, c := range strings.Split(clients, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "bench: -clients: %q is not a positive number\n", c)
			os.Exit(2)
		}
		f.clients = append(f.clients, n)
	}
	f.systems = strings.Split(systems, ",")
	if only != "" {
		f.only = strings.Split(only, ",")
	}
	zerolog.DurationFieldUnit = time.Millisecond
	log := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr, TimeFormat: "15:04:05"}).With().Timestamp().Logger()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, log, f); err != nil {
		log.Error().Err(err).Msg("bench failed")
		os.Exit(1)
	}
}

// signalNotify relays the signals that stop the child server.
func signalNotify(c chan os.Signal) { signal.Notify(c, os.Interrupt, syscall.SIGTERM) }

// run is one whole benchmark.
func run(ctx context.Context, log zerolog.Logger, f flags) error {
	if err := os.MkdirAll(f.work, 0o755); err != nil {
		return err
	}
	work, err := filepath.Abs(f.work)
	if err != nil {
		return err
	}
	res := &Results{Started: time.Now().UTC(), Machine: machine(), Nodes: f.nodes, Seed: f.seed,
		Heap: f.heap, PageCache: f.pagecache, Warmup: f.warm.Seconds(), Duration: f.dur.Seconds(), Clients: f.clients}
	log.Info().Str("cpu", res.Machine.CPU).Int("cores", res.Machine.Cores).Str("loadavg", res.Machine.LoadAvg).Msg("machine")

	g, err := synth.New(synth.Options{Nodes: f.nodes, Seed: f.seed})
	if err != nil {
		return err
	}
	fixDir := filepath.Join(work, fmt.Sprintf("fixtures-%d-%d", f.nodes, f.seed))
	st, genSecs, err := generate(log, g, fixDir)
	if err != nil {
		return err
	}

	// A throwaway database: every run starts empty and removes it at the end.
	home := filepath.Join(work, fmt.Sprintf("neo4j-%d", f.nodes))
	_ = os.RemoveAll(home)
	var db *localdb.Server
	var store *graph.Store
	var imp ImportResult
	switch f.importPath {
	case importBulk:
		log.Info().Int("files", st.Files).Int("nodes", st.Nodes).Int("edges", st.Edges).Msg("importing the synthetic graph (bulk)")
		imp, db, store, err = loadBulk(ctx, log, f, home, fixDir, st)
		if err != nil {
			return err
		}
		defer store.Close(context.Background())
	case importIncremental:
		db, err = localdb.Start(ctx, localdb.Options{LibDir: f.lib, Home: home, Heap: f.heap, PageCache: f.pagecache, Log: log})
		if err != nil {
			return err
		}
	default:
		return fmt.Errorf("-import: %q is neither %s nor %s", f.importPath, importIncremental, importBulk)
	}
	defer func() {
		if err := db.Stop(context.Background()); err != nil {
			log.Warn().Err(err).Msg("stopping Neo4j")
		}
		_ = os.RemoveAll(filepath.Join(home, "data"))
	}()
	res.Machine.Neo4j = neo4jVersion(ctx, db.URI)
	neo4jPID := findPID(home + "\x00--config-dir")

	if f.importPath == importIncremental {
		storeLog := log.Level(zerolog.WarnLevel)
		if f.importDebug {
			storeLog = log.Level(zerolog.DebugLevel)
		}
		store, err = graph.Open(ctx, graph.Config{URI: db.URI}, storeLog)
		if err != nil {
			return err
		}
		defer store.Close(context.Background())
		if err := store.EnsureSchema(ctx); err != nil {
			return err
		}
		log.Info().Int("files", st.Files).Int("nodes", st.Nodes).Int("edges", st.Edges).Msg("importing the synthetic graph")
		if imp, err = importAll(ctx, log, store, fixDir, st, neo4jPID); err != nil {
			return err
		}
	}
	imp.GenerateSecs = round(genSecs)
	res.Import = imp
	log.Info().Float64("entities_per_s", imp.EntitiesPerSec).Float64("rows_per_s", imp.RowsPerSec).
		Float64("seconds", imp.Seconds).Float64("peak_heap_mb", imp.PeakHeapMB).Int("db_nodes", imp.DBNodes).
		Int("db_relationships", imp.DBRels).Str("path", imp.Path).Any("bulk", imp.Bulk).Msg("import finished")
	if f.importOnly {
		path, err := writeImport(f.out, f.nodes, res.Started, res.Machine, imp)
		if err == nil {
			log.Info().Str("file", path).Msg("import result written (-import-only)")
		}
		return err
	}

	driver, err := neo4j.NewDriverWithContext(db.URI, neo4j.NoAuth(), func(c *config.Config) { c.MaxConnectionPoolSize = 64 })
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())

	var ent, peer *child
	var pprofURL string
	defer func() { ent.stop(); peer.stop() }()
	var systems []system
	for _, name := range f.systems {
		switch name {
		case "entente":
			if ent, pprofURL, err = startEntente(ctx, db.URI, work); err != nil {
				return err
			}
			systems = append(systems, graphqlSystem("entente", ent.url, false))
			log.Info().Str("url", ent.url).Int("pid", ent.pid()).Msg("Entente serving")
		case "none", "":
		case "driver":
			systems = append(systems, driverSystem(driver))
		case "peer":
			if peer, err = startPeer(ctx, log, f.peerDir, db.URI, work); err != nil {
				return err
			}
			systems = append(systems, graphqlSystem("peer", peer.url, true))
			log.Info().Str("url", peer.url).Int("pid", peer.pid()).Msg("@neo4j/graphql serving")
		default:
			return fmt.Errorf("-systems: unknown system %q (entente, driver, peer)", name)
		}
	}
	res.Machine.PeerVersion = peerVersion(f.peerDir)
	if f.hold {
		log.Info().Msg("holding: Ctrl-C to stop")
		<-ctx.Done()
		return nil
	}

	for i := range ops {
		op := &ops[i]
		if len(f.only) > 0 && !slices.Contains(f.only, op.Name) {
			continue
		}
		pool := argPool(op, func(r *rand.Rand) Args { return op.Args(g, r) }, f.seed, f.pool)
		res.Ops = append(res.Ops, OpInfo{Name: op.Name, About: op.About, Entente: op.Entente, Peer: op.Peer})
		for _, sys := range systems {
			for _, a := range pool {
				if sys.prepare == nil {
					break
				}
				if err := sys.prepare(ctx, op, a); err != nil {
					return fmt.Errorf("%s: preparing %s: %w", sys.name, op.Name, err)
				}
			}
		}
		for _, sys := range systems { // plans, JIT and caches: 20 requests before any measure
			for _, a := range pool[:min(20, len(pool))] {
				if err := sys.do(ctx, op, a); err != nil {
					log.Warn().Str("system", sys.name).Str("op", op.Name).Err(err).Msg("warm-up request failed")
					break
				}
			}
		}
		for _, c := range f.clients {
			for _, sys := range systems {
				var rss func() float64
				serverPID := 0
				switch sys.name {
				case "entente":
					rss, serverPID = ent.rssMB, ent.pid()
				case "peer":
					rss, serverPID = peer.rssMB, peer.pid()
				}
				var prof chan string
				if sys.name == "entente" && f.profile && c == slices.Max(f.clients) {
					prof = profile(ctx, log, pprofURL, filepath.Join(work, "entente-"+op.Name+".pprof"), f.warm, f.dur)
				}
				cell := runCell(ctx, sys, op, pool, c, f.warm, f.dur, rss, serverPID, neo4jPID)
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if prof != nil {
					if top := <-prof; top != "" {
						res.Profiles = append(res.Profiles, Profile{Op: op.Name, Clients: c, Top: top})
					}
				}
				ev := log.Info()
				if cell.Errors > 0 {
					ev = log.Warn().Int("errors", cell.Errors).Str("first_error", cell.FirstError)
				}
				ev.Str("system", sys.name).Str("op", op.Name).Int("clients", c).Float64("p50_ms", cell.P50ms).
					Float64("p99_ms", cell.P99ms).Float64("rps", cell.Throughput).Float64("rss_mb", cell.ServerRSS).
					Float64("server_cpu_ms", cell.ServerCPU).Float64("neo4j_cpu_ms", cell.Neo4jCPU).Msg("measured")
				res.Cells = append(res.Cells, cell)
			}
		}
	}
	res.Finished = time.Now().UTC()
	res.evaluate()
	return res.write(f.out, f.name)
}

// rerender reads a results JSON file and writes it again with the current verdicts and report.
func rerender(file, out, name string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var r Results
	if err := json.Unmarshal(b, &r); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	r.Targets = nil
	r.evaluate()
	return r.write(out, name)
}
