package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
)

// keyring makes one key per role and the Keys holding their hashes.
func keyring(t testing.TB) (map[auth.Role]string, *auth.Keys) {
	t.Helper()
	tokens := map[auth.Role]string{}
	var lines []string
	for _, r := range []auth.Role{auth.Reader, auth.Editor, auth.Admin} {
		token, line, err := auth.New(r, "test-"+r.String())
		if err != nil {
			t.Fatal(err)
		}
		tokens[r], lines = token, append(lines, line)
	}
	keys, err := auth.Parse(strings.NewReader(strings.Join(lines, "\n")), "test")
	if err != nil {
		t.Fatal(err)
	}
	return tokens, keys
}

// hardened serves the seed fixtures with o (Store and Log filled in).
func hardened(t testing.TB, o server.Options) (*httptest.Server, *graph.Store) {
	t.Helper()
	store := graphtest.Open(t)
	files, err := fixtures.Files(filepath.Join("..", "fixtures"))
	if err != nil || len(files) == 0 {
		t.Fatalf("fixtures: %v (%d files)", err, len(files))
	}
	for _, file := range files[:2] {
		f, err := fixtures.Read(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := store.Import(context.Background(), f, nil); err != nil {
			t.Fatal(err)
		}
	}
	o.Store, o.Log = store, zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
	srv := httptest.NewServer(server.New(o))
	t.Cleanup(srv.Close)
	return srv, store
}

// reply is a decoded HTTP answer of /graphql.
type reply struct {
	status int
	header http.Header
	raw    map[string]json.RawMessage
	errors []gqlError
}

func (r reply) code() string {
	if len(r.errors) == 0 {
		return ""
	}
	c, _ := r.errors[0].Extensions["code"].(string)
	return c
}

// post sends a GraphQL request with an optional bearer token, accepting accept.
func post(t *testing.T, url, token, accept, query string, vars map[string]any) reply {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest("POST", url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, b := send(t, req, token)
	r := reply{status: resp.StatusCode, header: resp.Header}
	if err := json.Unmarshal(b, &r.raw); err != nil {
		t.Fatalf("%d %s: not JSON: %v", resp.StatusCode, b, err)
	}
	_ = json.Unmarshal(r.raw["errors"], &r.errors)
	return r
}

// send does req with an optional bearer token and reads the whole answer.
func send(t testing.TB, req *http.Request, token string) (*http.Response, []byte) {
	t.Helper()
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

const upsert = `mutation($id: ID!) { upsertNode(input: {id: $id, kind: STATE, name: "Atlantis"}) { id } }`

func TestAccessControlByRole(t *testing.T) {
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	bearer := func(r auth.Role) string { return "Bearer " + tokens[r] }
	cases := []struct {
		name, token, query string
		status             int
		code               string
	}{
		{"query without key", "", `{ search(text: "Morocco") { score } }`, 401, server.CodeUnauthenticated},
		{"query with unknown key", "Bearer ent_nope", `{ __typename }`, 401, server.CodeUnauthenticated},
		{"query with basic auth", "Basic " + tokens[auth.Admin], `{ __typename }`, 401, server.CodeUnauthenticated},
		{"query as reader", bearer(auth.Reader), `{ search(text: "Morocco") { score } }`, 200, ""},
		{"mutation without key", "", upsert, 401, server.CodeUnauthenticated},
		{"mutation as reader", bearer(auth.Reader), upsert, 403, server.CodeForbidden},
		{"mutation as editor", bearer(auth.Editor), upsert, 200, ""},
		{"mutation as admin", bearer(auth.Admin), upsert, 200, ""},
	}
	for _, c := range cases {
		nodes, _, _ := store.Counts(context.Background())
		r := post(t, srv.URL, c.token, "application/graphql-response+json", c.query, map[string]any{"id": "state:atlantis-" + strings.ReplaceAll(c.name, " ", "-")})
		if r.status != c.status || r.code() != c.code {
			t.Errorf("%s: %d %q %+v, want %d %q", c.name, r.status, r.code(), r.errors, c.status, c.code)
		}
		after, _, _ := store.Counts(context.Background())
		if wrote := after != nodes; wrote != (c.code == "" && strings.HasPrefix(c.query, "mutation")) {
			t.Errorf("%s: nodes %d -> %d", c.name, nodes, after)
		}
		if c.code != "" {
			if _, ok := r.raw["data"]; ok {
				t.Errorf("%s: a refused request has a data entry", c.name)
			}
		}
		if c.status == 401 && r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: 401 without WWW-Authenticate", c.name)
		}
	}
	resp, err := http.Get(srv.URL + "/export/graphml")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("export without key: %d, want 401", resp.StatusCode)
	}
}

func TestOpenReadsNeverOpenWrites(t *testing.T) {
	tokens, keys := keyring(t)
	srv, _ := hardened(t, server.Options{Access: &server.Access{Keys: keys, OpenReads: true}})
	if r := post(t, srv.URL, "", "", `{ search(text: "Morocco") { score } }`, nil); r.status != 200 || len(r.errors) > 0 {
		t.Errorf("open read: %d %+v", r.status, r.errors)
	}
	if r := post(t, srv.URL, "", "", upsert, map[string]any{"id": "state:x"}); r.status != 401 || r.code() != server.CodeUnauthenticated {
		t.Errorf("anonymous mutation with open reads: %d %q", r.status, r.code())
	}
	if r := post(t, srv.URL, "Bearer "+tokens[auth.Reader]+"x", "", `{ __typename }`, nil); r.status != 401 {
		t.Errorf("a wrong key is refused even when reads are open: %d", r.status)
	}
	resp, err := http.Get(srv.URL + "/export/graphml")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("open export: %d", resp.StatusCode)
	}
}

func TestSecurityHeadersAndCORS(t *testing.T) {
	srv, _ := hardened(t, server.Options{CORSOrigins: []string{"https://app.example.org"}, Introspection: true})
	for _, path := range []string{"/graphql?query={__typename}", "/graphiql", "/healthz", "/readyz", "/nope"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if got := resp.Header.Get(h); got != want {
				t.Errorf("%s: %s = %q, want %q", path, h, got, want)
			}
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		// GraphiQL is served from the binary: its policy allows no other site and no inline script.
		if path == "/graphiql" && (strings.Contains(csp, "http") || !strings.Contains(csp, "script-src 'self';")) {
			t.Errorf("GraphiQL CSP allows scripts from elsewhere: %q", csp)
		}
	}
	preflight := func(origin string) *http.Response {
		req, _ := http.NewRequest("OPTIONS", srv.URL+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	ok := preflight("https://app.example.org")
	if ok.StatusCode != 204 || ok.Header.Get("Access-Control-Allow-Origin") != "https://app.example.org" ||
		!strings.Contains(ok.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("allowed preflight: %d %v", ok.StatusCode, ok.Header)
	}
	if bad := preflight("https://evil.example.com"); bad.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("preflight from another origin allowed: %v", bad.Header)
	}
}

func TestLimitsAnswerWithStableCodes(t *testing.T) {
	srv, store := hardened(t, server.Options{MaxComplexity: 2000, MaxDepth: 8, MaxBodyBytes: 64 << 10})
	deep := `{ meetings(first: 1) { edges { node { participants { meeting { participants { meeting { participants { meeting { id } } } } } } } } } }`
	wide := `{ meetings(first: 100) { edges { node { id participants { participant { id name } role } funders { edge { id } } } } } }`
	cases := []struct {
		name, query string
		code        string
		status      int // as application/graphql-response+json
	}{
		{"depth", deep, server.CodeComplexity, 400},
		{"complexity", wide, server.CodeComplexity, 400},
		{"page size", `{ actors(first: 1000) { totalCount } }`, server.CodeBadUserInput, 200},
		{"hops", `{ shortestPath(from: "a", to: "b", maxHops: 11) { length } }`, server.CodeBadUserInput, 200},
		{"subgraph", `{ neighbourhood(id: "state:ma", depth: 9) { truncated } }`, server.CodeBadUserInput, 200},
		{"int32", `{ communities(seed: 103580700531779) { modularity } }`, "GRAPHQL_VALIDATION_FAILED", 400},
		{"parse", `{ meetings(`, "GRAPHQL_PARSE_FAILED", 400},
	}
	for _, c := range cases {
		r := post(t, srv.URL, "", "application/graphql-response+json", c.query, nil)
		if r.code() != c.code || r.status != c.status {
			t.Errorf("%s: %d %q %+v, want %d %q", c.name, r.status, r.code(), r.errors, c.status, c.code)
		}
		if strings.Contains(string(r.raw["errors"]), "MATCH") || strings.Contains(string(r.raw["errors"]), ".go:") {
			t.Errorf("%s: the error leaks internals: %s", c.name, r.raw["errors"])
		}
	}
	// As application/json, refused operations are 200 with the same code.
	if r := post(t, srv.URL, "", "application/json", wide, nil); r.code() != server.CodeComplexity || r.status != 200 {
		t.Errorf("complexity as application/json: %d %q", r.status, r.code())
	}
	// Variables are checked like literals.
	if r := post(t, srv.URL, "", "", `query($s: Int) { communities(seed: $s) { modularity } }`, map[string]any{"s": 1 << 40}); r.code() != "GRAPHQL_VALIDATION_FAILED" || r.status != 200 {
		t.Errorf("int32 variable: %d %q", r.status, r.code())
	}
	// A query within the limits still runs.
	if r := post(t, srv.URL, "", "", `{ meetings(first: 5) { edges { node { id participants { participant { id } } } } } }`, nil); len(r.errors) > 0 {
		t.Errorf("a modest query was refused: %+v", r.errors)
	}
	big := `{"query":"{ search(text: \"` + strings.Repeat("a", 70<<10) + `\") { score } }"}`
	resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d", resp.StatusCode)
	}
	if _, _, err := store.Counts(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestRateLimitPerKey(t *testing.T) {
	tokens, keys := keyring(t)
	srv, _ := hardened(t, server.Options{Access: &server.Access{Keys: keys, OpenReads: true}, RateLimit: 0.001, RateBurst: 3})
	reader, editor := "Bearer "+tokens[auth.Reader], "Bearer "+tokens[auth.Editor]
	for i := range 3 {
		if r := post(t, srv.URL, reader, "", `{ __typename }`, nil); r.status != 200 {
			t.Fatalf("request %d within the burst: %d %+v", i, r.status, r.errors)
		}
	}
	r := post(t, srv.URL, reader, "", `{ __typename }`, nil)
	if r.status != http.StatusTooManyRequests || r.code() != server.CodeRateLimited || r.header.Get("Retry-After") == "" {
		t.Errorf("past the burst: %d %q %v", r.status, r.code(), r.header)
	}
	if r := post(t, srv.URL, editor, "", `{ __typename }`, nil); r.status != 200 {
		t.Errorf("another key shares the bucket: %d", r.status)
	}
	if r := post(t, srv.URL, "", "", `{ __typename }`, nil); r.status != 200 {
		t.Errorf("anonymous callers share the key's bucket: %d", r.status)
	}
	// Wrong keys use up the address's bucket (one request of it is spent above).
	for i := range 2 {
		if r := post(t, srv.URL, "Bearer ent_guess", "", `{ __typename }`, nil); r.status != 401 {
			t.Fatalf("wrong key %d: %d", i, r.status)
		}
	}
	if r := post(t, srv.URL, "Bearer ent_guess", "", `{ __typename }`, nil); r.status != http.StatusTooManyRequests {
		t.Errorf("guessing keys is not rate-limited: %d", r.status)
	}
}

func TestRequestTimeoutIsTIMEOUT(t *testing.T) {
	srv, _ := hardened(t, server.Options{RequestTimeout: time.Nanosecond})
	r := post(t, srv.URL, "", "", `{ search(text: "Morocco") { score } }`, nil)
	if r.code() != server.CodeTimeout {
		t.Errorf("%d %+v %s, want TIMEOUT", r.status, r.errors, r.raw["data"])
	}
}

// TestExportsHaveTheirOwnTime lets a whole-graph export stream past the request time of
// queries: exports answer within ENTENTE_EXPORT_TIMEOUT, queries within the request time.
func TestExportsHaveTheirOwnTime(t *testing.T) {
	srv, _ := hardened(t, server.Options{RequestTimeout: time.Nanosecond, ExportTimeout: time.Minute})
	if r := post(t, srv.URL, "", "", `{ search(text: "Morocco") { score } }`, nil); r.code() != server.CodeTimeout {
		t.Fatalf("query: %d %+v, want TIMEOUT", r.status, r.errors)
	}
	resp, err := http.Get(srv.URL + "/export/graphml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("<node ")) {
		t.Errorf("export under its own time: %d, %d bytes, %v", resp.StatusCode, len(body), err)
	}
}
