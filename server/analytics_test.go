package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/loaders/synth"
	"github.com/entente/entente/server"
)

// importSynth imports the synthetic graph of the given size, file by file.
func importSynth(t *testing.T, store *graph.Store, nodes int) {
	t.Helper()
	g, err := synth.New(synth.Options{Nodes: nodes, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	for f := range g.Files() {
		if _, err := store.Import(context.Background(), g.Fixture(f), nil); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("imported %d synthetic nodes in %v", nodes, time.Since(began).Round(time.Millisecond))
}

// ask posts a query with client and returns the first error's code ("" when none).
func ask(client *http.Client, url, query string) (string, error) {
	body, _ := json.Marshal(map[string]any{"query": query})
	resp, err := client.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct{ Errors []gqlError }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	if len(out.Errors) == 0 {
		return "", nil
	}
	code, _ := out.Errors[0].Extensions["code"].(string)
	return code, nil
}

// A centrality is computed once per version of the graph: asking again sends only the
// version's read, and a write, from this server or another one on the same database,
// makes the next call compute it again.
func TestAnalyticsKeptUntilAWrite(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	other := graphtest.Open(t) // another server's store (Open empties the graph: import again)
	f, err := fixtures.Read("../testdata/server/small.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Import(context.Background(), f, nil); err != nil {
		t.Fatal(err)
	}
	trips := func(query string) int64 {
		t.Helper()
		before := a.store.RoundTrips()
		a.ok(query, nil)
		return a.store.RoundTrips() - before
	}
	for _, query := range []string{
		`{ centrality(measure: BETWEENNESS, top: 3) { node { id } score } }`,
		`{ communities { modularity communities { size } } }`,
	} {
		first := trips(query)
		if again := trips(query); again >= first {
			t.Errorf("%s: asked again, %d statements; the first time %d", query, again, first)
		}
		if _, err := a.store.UpsertNode(context.Background(), fixtures.Node{ID: "state:atlantis", Kind: fixtures.KindState, Name: "Atlantis"}); err != nil {
			t.Fatal(err)
		}
		if after := trips(query); after != first {
			t.Errorf("%s: after a write, %d statements; the first time %d", query, after, first)
		}
		if _, err := other.UpsertNode(context.Background(), fixtures.Node{ID: "state:lemuria", Kind: fixtures.KindState, Name: "Lemuria"}); err != nil {
			t.Fatal(err)
		}
		if after := trips(query); after != first {
			t.Errorf("%s: after another server's write, %d statements; the first time %d", query, after, first)
		}
	}
}

// Whole-graph analytics on a 20k-node graph stop at the request's deadline: the answer
// (the result, or TIMEOUT) comes within a few times the timeout instead of minutes, and
// the computation ends with the request (the goroutines go back to where they were).
func TestAnalyticsStopAtTheDeadline(t *testing.T) {
	store := graphtest.Open(t)
	importSynth(t, store, 20000)
	// 20 s: long enough to read the graph on a loaded machine, far too short to compute
	// the measures exactly; 1 s: too short even to read it. The bound is wide (5x) so that
	// load does not make it flaky.
	servers := map[time.Duration]string{}
	for _, timeout := range []time.Duration{20 * time.Second, time.Second} {
		srv := httptest.NewServer(server.New(server.Options{Store: store, Log: zerolog.Nop(), RequestTimeout: timeout}))
		defer srv.Close()
		servers[timeout] = srv.URL
	}
	for _, c := range []struct {
		timeout time.Duration
		query   string
		codes   []string // acceptable codes; "" is an answer
	}{
		{20 * time.Second, `{ centrality(measure: BETWEENNESS, top: 5) { score } }`, []string{"", server.CodeTimeout}},
		{20 * time.Second, `{ communities(seed: 7) { modularity } }`, []string{"", server.CodeTimeout}},
		{time.Second, `{ communities(seed: 8) { modularity } }`, []string{server.CodeTimeout}},
	} {
		client := &http.Client{Timeout: 5 * c.timeout, Transport: &http.Transport{DisableKeepAlives: true}}
		if _, err := ask(client, servers[c.timeout], `{ __typename }`); err != nil {
			t.Fatal(err)
		}
		baseline := runtime.NumGoroutine()
		began := time.Now()
		code, err := ask(client, servers[c.timeout], c.query)
		took := time.Since(began)
		if err != nil {
			t.Fatalf("%s: no answer within %v: %v", c.query, client.Timeout, err)
		}
		if !slices.Contains(c.codes, code) {
			t.Errorf("%s: code %q, want one of %q", c.query, code, c.codes)
		}
		t.Logf("%s with %v: %q after %v", c.query, c.timeout, code, took.Round(time.Millisecond))
		// The computation stops: nothing the request started is left running.
		deadline := time.Now().Add(5 * c.timeout)
		for runtime.NumGoroutine() > baseline && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		if n := runtime.NumGoroutine(); n > baseline {
			buf := make([]byte, 1<<20)
			t.Errorf("%s: %d goroutines %v after the answer, %d before:\n%s", c.query, n, 5*c.timeout, baseline, buf[:runtime.Stack(buf, true)])
		}
	}
}
