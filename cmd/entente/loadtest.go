package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
)

func init() {
	commands["loadtest"] = command{summary: "load test: N clients, mixed reads and writes, over a throwaway Neo4j (make loadtest)", run: runLoadtest}
}

// runLoadtest empties the Neo4j at NEO4J_URI, loads fixtures/, serves the API in-process on
// loopback with one API key per client, and runs closed-loop clients for a fixed time. It
// fails on any error, or when goroutines or the heap have grown once the clients are gone.
func runLoadtest(ctx context.Context, args []string) error {
	var clients int
	var duration time.Duration
	var writeShare float64
	var replace bool
	var fixtureDir string
	c, _, err := parse("loadtest", args, func(fs *flag.FlagSet) {
		fs.IntVar(&clients, "clients", 64, "concurrent clients (1 to 256)")
		fs.DurationVar(&duration, "duration", 60*time.Second, "how long the clients run (at most 10m)")
		fs.Float64Var(&writeShare, "writes", 0.05, "share of requests that are mutations")
		fs.BoolVar(&replace, "replace", false, "empty the Neo4j first: required, the load test owns the graph")
		fs.StringVar(&fixtureDir, "fixtures", "fixtures", "fixtures to load before the test")
	})
	if err != nil {
		return err
	}
	switch {
	case c.neo4j.URI == "":
		return errors.New("NEO4J_URI is not set: run `make loadtest`, which starts a throwaway Neo4j")
	case !replace:
		return errors.New("the load test empties and writes the graph: run it on a throwaway Neo4j (make loadtest) with -replace")
	case clients < 1 || clients > 256 || duration <= 0 || duration > 10*time.Minute || writeShare < 0 || writeShare > 1:
		return errors.New("want 1-256 clients, a duration up to 10m and a write share in [0, 1]")
	}
	log := c.logger(os.Stderr)
	store, err := graph.Open(ctx, c.neo4j, log)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if err := store.DeleteAll(ctx); err != nil {
		return err
	}
	if err := store.EnsureSchema(ctx); err != nil {
		return err
	}
	files, err := fixtures.Files(fixtureDir)
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no fixtures in %s (%v)", fixtureDir, err)
	}
	if err := loadFixtures(ctx, store, log, files, false); err != nil {
		return err
	}
	ids, err := sampleIDs(ctx, store)
	if err != nil {
		return err
	}

	tokens := make([]string, clients)
	var lines []string
	for i := range tokens {
		role := auth.Reader
		if i%4 == 0 {
			role = auth.Editor
		}
		token, line, err := auth.New(role, fmt.Sprintf("load-%d", i))
		if err != nil {
			return err
		}
		tokens[i], lines = token, append(lines, line)
	}
	keys, err := auth.Parse(strings.NewReader(strings.Join(lines, "\n")), "loadtest")
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	// The per-key rate limit is on but above what one closed-loop client sends.
	h := server.New(server.Options{Store: store, Log: log.Level(zerolog.WarnLevel), Access: &server.Access{Keys: keys},
		RateLimit: 10000, RateBurst: 10000})
	sctx, stop := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- serveOn(sctx, ln, h, log.Level(zerolog.WarnLevel), 15*time.Second) }()
	url := "http://" + ln.Addr().String() + "/graphql"

	// Every query of the mix must work once before it is measured.
	for _, q := range reads {
		r := runClient(ctx, http.DefaultClient, url, tokens[0], 0, false, 0, ids, time.Now().Add(time.Hour), fill(q, ids[0], ids[1], words[0]))
		if r.errors > 0 {
			stop()
			return fmt.Errorf("the query mix is broken: %s", r.firstErr)
		}
	}
	http.DefaultClient.CloseIdleConnections()
	goroutines0, heap0 := settle()
	log.Info().Int("clients", clients).Dur("duration", duration).Float64("writes", writeShare).
		Int("goroutines", goroutines0).Uint64("heap_kb", heap0>>10).Msg("load test starting")
	transport := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	results := make([]clientResult, clients)
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			results[i] = runClient(ctx, client, url, tokens[i], i, i%4 == 0, writeShare, ids, deadline, "")
		})
	}
	wg.Wait()
	transport.CloseIdleConnections()

	var all []time.Duration
	var errs, writes int
	var firstErr string
	for _, r := range results {
		all = append(all, r.latencies...)
		errs += r.errors
		writes += r.writes
		if firstErr == "" {
			firstErr = r.firstErr
		}
	}
	slices.Sort(all)
	time.Sleep(time.Second) // server-side connection goroutines notice the closed sockets
	goroutines1, heap1 := settle()
	q := func(p float64) time.Duration {
		if len(all) == 0 {
			return 0
		}
		return all[min(len(all)-1, int(p*float64(len(all))))]
	}
	fmt.Printf("requests %d (%.0f/s), writes %d, errors %d\n", len(all), float64(len(all))/duration.Seconds(), writes, errs)
	fmt.Printf("latency p50 %v  p90 %v  p99 %v  max %v\n", q(0.50).Round(10*time.Microsecond), q(0.90).Round(10*time.Microsecond),
		q(0.99).Round(10*time.Microsecond), q(1).Round(10*time.Microsecond))
	fmt.Printf("goroutines %d -> %d, heap %d KiB -> %d KiB\n", goroutines0, goroutines1, heap0>>10, heap1>>10)
	stop()
	if err := <-served; err != nil {
		return err
	}
	var fail []string
	if errs > 0 {
		fail = append(fail, fmt.Sprintf("%d errors (first: %s)", errs, firstErr))
	}
	if goroutines1 > goroutines0+5 {
		fail = append(fail, fmt.Sprintf("goroutines grew from %d to %d", goroutines0, goroutines1))
	}
	if heap1 > 2*heap0+16<<20 {
		fail = append(fail, fmt.Sprintf("the heap grew from %d KiB to %d KiB", heap0>>10, heap1>>10))
	}
	if len(fail) > 0 {
		return errors.New(strings.Join(fail, "; "))
	}
	return nil
}

// settle collects garbage and returns the goroutine count and live heap.
func settle() (int, uint64) {
	var m runtime.MemStats
	for range 3 {
		runtime.GC()
		time.Sleep(50 * time.Millisecond)
	}
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}

// sampleIDs picks existing node ids for the clients' queries.
func sampleIDs(ctx context.Context, store *graph.Store) ([]string, error) {
	var ids []string
	for _, w := range words {
		hits, err := store.Search(ctx, w, nil, 10)
		if err != nil {
			return nil, err
		}
		for _, h := range hits {
			ids = append(ids, h.Node.ID)
		}
	}
	if len(ids) < 2 {
		return nil, fmt.Errorf("the fixtures gave %d nodes to query; want at least 2", len(ids))
	}
	return ids, nil
}

type clientResult struct {
	latencies      []time.Duration
	errors, writes int
	firstErr       string
}

// reads are the query mix; {A} and {B} are node ids, {W} a search word.
var reads = []string{
	`{ search(text: "{W}", first: 10) { score node { id name kind } } }`,
	`{ node(id: "{A}") { id name aliases sources { document { id } text } } }`,
	`{ actors(first: 20) { totalCount edges { node { id name kind } } pageInfo { endCursor } } }`,
	`{ meetings(first: 10, orderBy: {field: DATE, direction: DESC}) { edges { node { id name startDate participants { participant { id name } role } } } } }`,
	`{ neighbourhood(id: "{A}", depth: 2, limit: 100) { truncated nodes { id kind } edges { id kind } } }`,
	`{ shortestPath(from: "{A}", to: "{B}", maxHops: 6) { length nodes { id } } }`,
	`{ timeline(id: "{A}") { date kind node { id } } }`,
	`{ coParticipants(id: "{A}", first: 10) { weight node { id } } }`,
}

// fill puts two node ids and a word into a query of reads.
func fill(query, a, b, word string) string {
	return strings.NewReplacer("{A}", a, "{B}", b, "{W}", word).Replace(query)
}

var words = []string{"Morocco", "police", "ministry", "Italia", "sécurité", "customs", "UNODC", "Tunisie"}

// runClient sends requests one after the other until deadline; only is a single query to
// send once instead.
func runClient(ctx context.Context, client *http.Client, url, token string, n int, editor bool, writeShare float64, ids []string, deadline time.Time, only string) clientResult {
	var r clientResult
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	for i := 0; time.Now().Before(deadline) && ctx.Err() == nil && (only == "" || i == 0); i++ {
		var query string
		var vars map[string]any
		if editor && rng.Float64() < writeShare*4 { // a quarter of the clients are editors
			query = `mutation($id: ID!, $name: String!) { upsertNode(input: {id: $id, kind: PERSON, name: $name, aliases: ["load"]}) { id name } }`
			// A few ids per client, so that writes both create and update, and clients collide.
			vars = map[string]any{"id": fmt.Sprintf("person:load-%d", rng.IntN(32)), "name": fmt.Sprintf("Load Person %d-%d", n, i)}
			r.writes++
		} else if only != "" {
			query = only
		} else {
			query = fill(reads[rng.IntN(len(reads))], ids[rng.IntN(len(ids))], ids[rng.IntN(len(ids))], words[rng.IntN(len(words))])
		}
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		began := time.Now()
		resp, err := client.Do(req)
		var raw []byte
		if err == nil {
			raw, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		r.latencies = append(r.latencies, time.Since(began))
		var out struct {
			Errors []json.RawMessage
		}
		switch {
		case err != nil:
		case resp.StatusCode != 200:
			err = fmt.Errorf("status %d: %.200s", resp.StatusCode, raw)
		case json.Unmarshal(raw, &out) != nil || len(out.Errors) > 0:
			err = fmt.Errorf("%.300s", raw)
		}
		if err != nil {
			r.errors++
			if r.firstErr == "" {
				r.firstErr = fmt.Sprintf("%s: %v", strings.Join(strings.Fields(query), " "), err)
			}
		}
	}
	return r
}
