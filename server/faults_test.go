package server_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/graph/localdb"
	"github.com/entente/entente/server"
)

// bigFixture is a valid fixture of n persons in one document, several import batches long.
func bigFixture(tag string, n int) *fixtures.Fixture {
	doc := "doc:" + tag
	f := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{{
		ID: doc, Title: "generated " + tag, Language: "en", File: tag + ".txt", SHA256: strings.Repeat("ab", 32),
	}}}
	for i := range n {
		text := fmt.Sprintf("Person %s %d", tag, i)
		f.Nodes = append(f.Nodes, fixtures.Node{
			ID: fmt.Sprintf("person:%s-%05d", tag, i), Kind: fixtures.KindPerson, Name: text,
			Sources: []fixtures.Source{{Document: doc, Start: 0, End: len([]rune(text)), Text: text}},
		})
	}
	return f
}

// counts returns the node and relationship counts, failing the test on error.
func counts(t *testing.T, s *graph.Store) [2]int {
	t.Helper()
	n, e, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return [2]int{n, e}
}

func TestImportCancelledHalfWayWritesNothing(t *testing.T) {
	store := graphtest.Open(t)
	f := bigFixture("cancel", 3*graph.ImportBatch)
	if problems := fixtures.Validate(f); len(problems) > 0 {
		t.Fatalf("generated fixture is invalid: %v", problems)
	}
	before := counts(t, store)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var cancelledAt int
	_, err := store.Import(ctx, f, func(done, total int) {
		if cancelledAt == 0 && done < total {
			cancelledAt = done
			cancel() // the loader is killed after its first batch
		}
	})
	if err == nil || cancelledAt == 0 {
		t.Fatalf("import was not interrupted (err %v, cancelled at %d)", err, cancelledAt)
	}
	if got := counts(t, store); got != before {
		t.Fatalf("cancelled after %d rows, the graph went from %v to %v", cancelledAt, before, got)
	}
	if _, err := store.Import(context.Background(), f, nil); err != nil {
		t.Fatal(err)
	}
	full := counts(t, store)
	if full[0] < before[0]+len(f.Nodes) {
		t.Fatalf("after a full import: %v, want at least %d more nodes than %v", full, len(f.Nodes), before)
	}
	if _, err := store.Import(context.Background(), f, nil); err != nil {
		t.Fatal(err)
	}
	if again := counts(t, store); again != full {
		t.Fatalf("importing again changed the graph from %v to %v", full, again)
	}
}

// ownNeo4j starts a Neo4j for this test alone, since the test stops it.
// serveOwnNeo4j serves the API over a store on db, with its schema, and returns the
// server, the store and a probe of /readyz's status; all are closed when the test ends.
func serveOwnNeo4j(t *testing.T, db *localdb.Server, timeout time.Duration) (*httptest.Server, *graph.Store, func() int) {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{URI: db.URI}, zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.ErrorLevel))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(ctx) })
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Options{Store: store, Log: zerolog.Nop(), RequestTimeout: timeout}))
	t.Cleanup(srv.Close)
	ready := func() int {
		resp, err := http.Get(srv.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	return srv, store, ready
}

func ownNeo4j(t *testing.T, home string, port int) *localdb.Server {
	t.Helper()
	lib := os.Getenv("ENTENTE_NEO4J_LIB")
	if lib == "" {
		lib, _ = filepath.Abs(filepath.Join("..", ".neo4j", "lib"))
	}
	if jars, _ := filepath.Glob(filepath.Join(lib, "*.jar")); len(jars) == 0 {
		if os.Getenv("ENTENTE_REQUIRE_NEO4J") == "1" {
			t.Fatalf("no Neo4j jars in %s (make neo4j) but ENTENTE_REQUIRE_NEO4J=1", lib)
		}
		t.Skipf("no Neo4j jars in %s: make neo4j fetches them", lib)
	}
	db, err := localdb.Start(context.Background(), localdb.Options{
		LibDir: lib, Home: home, BoltPort: port, Heap: "256m", PageCache: "64m",
		StartTimeout: 2 * time.Minute, Log: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Stop(context.Background()) })
	return db
}

func TestNeo4jStoppedAndRestarted(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and stops its own Neo4j")
	}
	home := t.TempDir()
	db := ownNeo4j(t, home, 0)
	u, _ := url.Parse(db.URI)
	port, _ := strconv.Atoi(u.Port())
	ctx := context.Background()
	srv, store, ready := serveOwnNeo4j(t, db, 20*time.Second)
	const query = `{ actors(first: 5) { totalCount } }`
	if r := post(t, srv.URL, "", "", query, nil); len(r.errors) > 0 || ready() != 200 {
		t.Fatalf("before the fault: %+v, readyz %d", r.errors, ready())
	}
	before := counts(t, store)

	// Neo4j goes down in the middle of an import.
	f := bigFixture("fault", 3*graph.ImportBatch)
	stopped := false
	_, err := store.Import(ctx, f, func(done, total int) {
		if !stopped && done < total {
			stopped = true
			if err := db.Stop(ctx); err != nil {
				t.Error(err)
			}
		}
	})
	if !errors.Is(err, graph.ErrUnavailable) || !stopped {
		t.Fatalf("import with Neo4j stopped half-way: %v, want ErrUnavailable", err)
	}

	began := time.Now()
	r := post(t, srv.URL, "", "", query, nil)
	took := time.Since(began)
	if r.code() != server.CodeUnavailable {
		t.Fatalf("with Neo4j down: %d %+v, want UNAVAILABLE", r.status, r.errors)
	}
	began = time.Now()
	if s := ready(); s != http.StatusServiceUnavailable {
		t.Fatalf("readyz with Neo4j down: %d", s)
	}
	t.Logf("Neo4j down: UNAVAILABLE in %v, readyz 503 in %v", took, time.Since(began))

	// Neo4j comes back on the same port and data; the service recovers without restarting.
	ownNeo4j(t, home, port)
	began = time.Now()
	for ready() != 200 {
		if time.Since(began) > time.Minute {
			t.Fatal("readyz still red a minute after Neo4j came back")
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("recovered %v after Neo4j answered again", time.Since(began))
	if r := post(t, srv.URL, "", "", query, nil); len(r.errors) > 0 {
		t.Fatalf("after recovery: %+v", r.errors)
	}
	if got := counts(t, store); got != before {
		t.Fatalf("the interrupted import left %v, want %v", got, before)
	}
	if _, err := store.Import(ctx, f, nil); err != nil {
		t.Fatal(err)
	}
	full := counts(t, store)
	if _, err := store.Import(ctx, f, nil); err != nil {
		t.Fatal(err)
	}
	if again := counts(t, store); again != full || full[0] < before[0]+len(f.Nodes) {
		t.Fatalf("re-import: %v then %v, from %v", full, again, before)
	}
}

// TestDeadlineBecomesTransactionTimeout stalls an import inside its transaction past the
// caller's deadline and watches from another connection: Neo4j ends the transaction by
// itself, because the deadline was handed to it as the transaction timeout.
func TestDeadlineBecomesTransactionTimeout(t *testing.T) {
	store := graphtest.Open(t)
	cfg := graphtest.Config(t)
	token := neo4j.NoAuth()
	if cfg.User != "" {
		token = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, token)
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())
	// open lists the statuses of the transactions other than this query.
	open := func() []string {
		res, err := neo4j.ExecuteQuery(context.Background(), driver,
			"SHOW TRANSACTIONS YIELD currentQuery, status WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN status",
			nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, rec := range res.Records {
			out = append(out, fmt.Sprint(rec.Values[0]))
		}
		return out
	}
	before := counts(t, store)
	const deadline = 2 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	began := time.Now()
	var during []string
	ended := time.Duration(0)
	_, err = store.Import(ctx, bigFixture("deadline", 2*graph.ImportBatch), func(done, total int) {
		if during != nil || done == total {
			return
		}
		during = open()
		// The loader stalls; only Neo4j can end the transaction now.
		for time.Since(began) < deadline+15*time.Second {
			alive := false
			for _, s := range open() {
				alive = alive || !strings.HasPrefix(s, "Terminated")
			}
			if !alive {
				ended = time.Since(began)
				return
			}
			time.Sleep(200 * time.Millisecond)
		}
	})
	if len(during) == 0 {
		t.Fatal("the import's transaction was not visible while it ran")
	}
	if ended == 0 {
		t.Fatalf("Neo4j kept the stalled transaction open %v past the deadline", 15*time.Second)
	}
	if err == nil {
		t.Fatal("the import succeeded after its transaction was ended")
	}
	if got := counts(t, store); got != before {
		t.Fatalf("the timed-out import left %v, want %v", got, before)
	}
	t.Logf("deadline %v: Neo4j ended the transaction after %v (%v)", deadline, ended.Round(time.Millisecond), err)
}
