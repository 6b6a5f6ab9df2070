package graph

// These tests are in package graph, not graph_test, because they look at the Store's
// driver (its bookmark manager) and at its read and write paths directly; graphtest
// imports graph, so they cannot use it and read the same environment themselves.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
)

// routingTestConfig is graphtest.Config: the Neo4j at NEO4J_URI, the test skipped when it
// is unset, or failed when ENTENTE_REQUIRE_NEO4J=1.
func routingTestConfig(t *testing.T) Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("ENTENTE_REQUIRE_NEO4J") == "1" {
			t.Fatal("NEO4J_URI is not set but ENTENTE_REQUIRE_NEO4J=1: run the tests with `make test`")
		}
		t.Skip("NEO4J_URI is not set: this test needs a real Neo4j (`make test` starts one)")
	}
	return Config{URI: uri, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
}

// withScheme returns c with its URI's scheme family replaced: "bolt" (direct) or "neo4j"
// (routing), keeping the +s/+ssc suffix, the host and the port.
func withScheme(t *testing.T, c Config, family string) (Config, string) {
	t.Helper()
	u, err := url.Parse(c.URI)
	if err != nil || u.Host == "" {
		t.Fatalf("NEO4J_URI %q is not a URI with a host: %v", c.URI, err)
	}
	suffix := ""
	if i := strings.IndexByte(u.Scheme, '+'); i >= 0 {
		suffix = u.Scheme[i:]
	}
	c.URI = family + suffix + "://" + u.Host
	return c, u.Host
}

// logBuffer collects the JSON lines of a zerolog logger; the driver may log from its own
// goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// driverLine is one message of the Neo4j driver, as driverLog hands it to zerolog.
type driverLine struct {
	Component string `json:"component"`
	Part      string `json:"part"`
	Message   string `json:"message"`
}

// lines returns the driver's messages logged so far.
func (b *logBuffer) lines(t *testing.T) []driverLine {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []driverLine
	for _, raw := range bytes.Split(b.buf.Bytes(), []byte("\n")) {
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		var l driverLine
		if err := json.Unmarshal(raw, &l); err != nil {
			t.Fatalf("log line %q: %v", raw, err)
		}
		if l.Component == "neo4j" {
			out = append(out, l)
		}
	}
	return out
}

// openLogged opens a Store whose driver log, debug level included, goes to the returned buffer.
func openLogged(t *testing.T, c Config) (*Store, *logBuffer) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	buf := &logBuffer{}
	s, err := Open(ctx, c, zerolog.New(buf).Level(zerolog.DebugLevel))
	if err != nil {
		t.Fatalf("open %s: %v", c.URI, err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s, buf
}

// routerMessages are the driver's messages from its routing-table logic (part "router").
func routerMessages(lines []driverLine) []string {
	var out []string
	for _, l := range lines {
		if l.Part == "router" {
			out = append(out, l.Message)
		}
	}
	return out
}

func hasPrefix(msgs []string, prefix string) bool {
	for _, m := range msgs {
		if strings.HasPrefix(m, prefix) {
			return true
		}
	}
	return false
}

// TestRoutingTableFetchedOnlyForNeo4jURI shows, from the driver's own log, that a neo4j://
// URI puts the driver in routing mode (it asks the server for a routing table before the
// first query, and borrows connections from the servers the table lists), and that a
// bolt:// URI to the same server does not.
func TestRoutingTableFetchedOnlyForNeo4jURI(t *testing.T) {
	base := routingTestConfig(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// The server's own answer to ROUTE: a single Community server names itself as router,
	// reader and writer, so routed reads and writes both land on it here.
	direct, host := withScheme(t, base, "bolt")
	ds, dlog := openLogged(t, direct)
	recs, err := ds.read(ctx, "CALL dbms.routing.getRoutingTable({}, $db) YIELD servers RETURN servers",
		map[string]any{"db": nilIfEmpty(base.Database)})
	if err != nil {
		t.Fatalf("dbms.routing.getRoutingTable: %v", err)
	}
	roles := map[string][]any{}
	for _, r := range recs {
		servers, _ := r.Get("servers")
		for _, srv := range servers.([]any) {
			m := srv.(map[string]any)
			roles[m["role"].(string)] = m["addresses"].([]any)
		}
	}
	t.Logf("server's routing table: %v", roles)
	for _, role := range []string{"ROUTE", "READ", "WRITE"} {
		if len(roles[role]) == 0 {
			t.Errorf("the server's routing table has no %s servers: %v", role, roles)
		}
	}

	// A write and a read, which change nothing in the graph.
	probe := func(s *Store, scheme string) {
		t.Helper()
		if err := s.write(ctx, func(tx *Tx) error {
			_, err := tx.run(ctx, "CREATE (p:RoutingProbe) DELETE p", nil)
			return err
		}); err != nil {
			t.Fatalf("write over %s: %v", scheme, err)
		}
		if _, err := s.NodesByID(ctx, []string{"state:IT"}); err != nil {
			t.Fatalf("read over %s: %v", scheme, err)
		}
	}

	// bolt://: a direct driver; Open's ping, a write and a read run without any routing table.
	probe(ds, "bolt://")
	if msgs := routerMessages(dlog.lines(t)); len(msgs) != 0 {
		t.Errorf("bolt:// driver logged routing-table messages, want none: %q", msgs)
	}

	// neo4j://: Open's ping (a read) makes the driver read a routing table from the
	// initial router, the host:port of the URI, and store it.
	routed, _ := withScheme(t, base, "neo4j")
	rs, rlog := openLogged(t, routed)
	probe(rs, "neo4j://")
	msgs := routerMessages(rlog.lines(t))
	t.Logf("neo4j:// driver's router messages: %q", msgs)
	for _, want := range []string{
		"Reading routing table from initial router: " + host,
		"New routing table for '",
	} {
		if !hasPrefix(msgs, want) {
			t.Errorf("neo4j:// driver did not log %q; router messages: %q", want, msgs)
		}
	}
	// and borrows its connections from the servers in that table (the server's
	// advertised Bolt address).
	var borrows []string
	for _, l := range rlog.lines(t) {
		if l.Part == "pool" && strings.HasPrefix(l.Message, "Trying to borrow connection from ") {
			borrows = append(borrows, l.Message)
		}
	}
	if len(borrows) == 0 {
		t.Errorf("neo4j:// driver logged no connection borrow; driver log: %v", rlog.lines(t))
	}
	for _, b := range borrows {
		for _, role := range []string{"READ", "WRITE"} {
			for _, a := range roles[role] {
				if !strings.Contains(b, a.(string)) {
					t.Errorf("neo4j:// driver %q, not from the routing table's %s server %v", b, role, a)
				}
			}
		}
	}
}

// TestRoutingReadsAndWritesWithBookmarks shows, over a neo4j:// Store, that the read path
// asks for read access (the server refuses a write sent through it: with routing it is
// what sends the query to a reader) while the write path asks for write access, and that
// a write's bookmark goes to the bookmark manager the reads use, so that the read that
// follows a write sees it (read-your-writes).
func TestRoutingReadsAndWritesWithBookmarks(t *testing.T) {
	base := routingTestConfig(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	routed, _ := withScheme(t, base, "neo4j")
	s, _ := openLogged(t, routed)
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatalf("empty Neo4j: %v", err)
	}
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatalf("schema: %v", err)
	}

	countProbes := func() int64 {
		t.Helper()
		recs, err := s.read(ctx, "MATCH (p:RoutingProbe) RETURN count(p) AS n", nil)
		if err != nil {
			t.Fatalf("count probes: %v", err)
		}
		n, _ := recs[0].Get("n")
		return n.(int64)
	}

	// Read path: read access mode, which the server enforces.
	_, err := s.read(ctx, "CREATE (:RoutingProbe) RETURN 1", nil)
	var neoErr *neo4j.Neo4jError
	if !errors.As(err, &neoErr) || neoErr.Code != "Neo.ClientError.Statement.AccessMode" {
		t.Fatalf("a write through the read path: err = %v, want Neo.ClientError.Statement.AccessMode", err)
	}
	if n := countProbes(); n != 0 {
		t.Fatalf("the write refused in read mode left %d probe nodes", n)
	}

	// Write path: write access mode; the statement the read path refused commits, and its
	// bookmark goes to the bookmark manager that ExecuteQuery (the read path) uses. (Taken
	// right after the write: a read would also move the manager, to the server's latest.)
	bm := s.driver.ExecuteQueryBookmarkManager()
	before, err := bm.GetBookmarks(ctx)
	if err != nil {
		t.Fatalf("bookmarks: %v", err)
	}
	if err := s.write(ctx, func(tx *Tx) error {
		_, err := tx.run(ctx, "CREATE (:RoutingProbe)", nil)
		return err
	}); err != nil {
		t.Fatalf("a write through the write path: %v", err)
	}
	after, err := bm.GetBookmarks(ctx)
	if err != nil {
		t.Fatalf("bookmarks: %v", err)
	}
	t.Logf("shared bookmarks before the write %q, after %q", before, after)
	if len(after) == 0 || strings.Join(after, ",") == strings.Join(before, ",") {
		t.Errorf("the write left the shared bookmark manager at %q (before: %q), want the write's bookmark", after, before)
	}
	if n := countProbes(); n != 1 {
		t.Fatalf("after one write, the next read sees %d probe nodes, want 1", n)
	}

	// Read-your-writes through the curation API: the node written is read back.
	if _, err := s.UpsertNode(ctx, fixtures.Node{ID: "state:FR", Kind: fixtures.KindState, Name: "France", Country: ptr("FR")}); err != nil {
		t.Fatalf("UpsertNode over neo4j://: %v", err)
	}
	got, err := s.NodesByID(ctx, []string{"state:FR"})
	if err != nil {
		t.Fatalf("NodesByID over neo4j://: %v", err)
	}
	if got[0] == nil || got[0].Name != "France" {
		t.Fatalf("the read after the write got %+v, want state:FR named France", got[0])
	}
}

func ptr(s string) *string { return &s }

// nilIfEmpty is nil for the empty string (the server's default database), else s.
func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
