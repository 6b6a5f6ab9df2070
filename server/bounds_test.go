package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
)

// quickly is how long a document refused before any real work may take: such refusals
// take milliseconds, and took 20 s to minutes before the bounds (issue 16), so this bound
// keeps a wide margin on a loaded machine.
const quickly = 2 * time.Second

// timedPost is post that also returns how long the answer took.
func timedPost(t *testing.T, url, token, query string, vars map[string]any) (reply, time.Duration) {
	t.Helper()
	began := time.Now()
	r := post(t, url, token, "application/graphql-response+json", query, vars)
	return r, time.Since(began)
}

// fragmentBomb is a document of n fragments, each spreading the next twice: the cost of
// the last one counted 2^n times when every spread was walked again.
func fragmentBomb(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { actors(first: 1) { totalCount } }\n", n)
	return b.String()
}

func TestFragmentBombRefusedInMilliseconds(t *testing.T) {
	srv, _ := hardened(t, server.Options{})
	r, took := timedPost(t, srv.URL, "", fragmentBomb(24), nil)
	t.Logf("24 fragments spreading the next twice: %d %q in %v", r.status, r.code(), took)
	if r.code() != server.CodeComplexity || r.status != 400 {
		t.Errorf("fragment bomb: %d %q %+v, want 400 %s", r.status, r.code(), r.errors, server.CodeComplexity)
	}
	if took > quickly {
		t.Errorf("fragment bomb refused after %v, want within %v", took, quickly)
	}
	// Fragments spread several times are costed as often as they are spread, no more.
	reused := `{ a: actors(first: 2) { ...A } b: actors(first: 3) { ...A } }
fragment A on ActorConnection { totalCount edges { node { ...N } } }
fragment N on Node { id name }`
	if r := post(t, srv.URL, "", "", reused, nil); len(r.errors) > 0 {
		t.Errorf("reused fragments: %+v", r.errors)
	}
	// Fragments within the depth limit by themselves but not together are refused.
	deep := `{ meetings(first: 1) { edges { node { ...P } } } }
fragment P on Meeting { participants { meeting { participants { meeting { ...Q } } } } }
fragment Q on Meeting { participants { meeting { participants { meeting { participants { meeting { id } } } } } } }`
	if r := post(t, srv.URL, "", "", deep, nil); r.code() != server.CodeComplexity || !strings.Contains(r.errors[0].Message, "deep") {
		t.Errorf("depth through fragments: %d %+v", r.status, r.errors)
	}
}

func TestAnonymousRefusedBeforeParsing(t *testing.T) {
	tokens, keys := keyring(t)
	srv, _ := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	dup := "{" + strings.Repeat(" __typename", 20000) + " }"
	r, took := timedPost(t, srv.URL, "", dup, nil)
	t.Logf("anonymous, reads closed, 20000 × __typename: %d %q in %v", r.status, r.code(), took)
	if r.status != 401 || r.code() != server.CodeUnauthenticated {
		t.Errorf("anonymous: %d %q, want 401 %s", r.status, r.code(), server.CodeUnauthenticated)
	}
	if took > quickly {
		t.Errorf("anonymous caller refused after %v, want within %v", took, quickly)
	}
	// With a key, the same document is refused by the token limit, as quickly.
	r, took = timedPost(t, srv.URL, "Bearer "+tokens[auth.Reader], dup, nil)
	t.Logf("reader, 20000 × __typename: %d %q in %v", r.status, r.code(), took)
	if r.code() != "GRAPHQL_PARSE_FAILED" || !strings.Contains(r.errors[0].Message, "token limit") || took > quickly {
		t.Errorf("reader, 20000 fields: %d %+v in %v", r.status, r.errors, took)
	}
	// GraphQL's OPTIONS needs no key.
	req, _ := http.NewRequest("OPTIONS", srv.URL+"/graphql", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode >= 400 {
		t.Errorf("OPTIONS without a key: %d", resp.StatusCode)
	}
}

// nested is k copies of a meeting's participants' meeting, each holding the next level, levels deep.
func nested(k, levels int) string {
	inner := "id"
	for range levels {
		inner = strings.TrimSpace(strings.Repeat("participants { meeting { "+inner+" } } ", k))
	}
	return inner
}

func TestDocumentBoundsBeforeValidation(t *testing.T) {
	srv, _ := hardened(t, server.Options{})
	var aliases, spreads strings.Builder
	aliases.WriteString("{")
	spreads.WriteString("{")
	for i := range 201 {
		fmt.Fprintf(&aliases, " a%d: __typename", i)
		fmt.Fprintf(&spreads, " ...F%d", i)
	}
	aliases.WriteString(" }")
	spreads.WriteString(" }")
	for i := range 201 {
		fmt.Fprintf(&spreads, "\nfragment F%d on Query { __typename }", i)
	}
	cases := []struct{ name, query, code, says string }{
		// Well under the token limit: pairwise validation took 24 s (7000 fields), 28 s (3000 lists).
		{"same field 7000 times", "{" + strings.Repeat(" __typename", 7000) + " }", server.CodeComplexity, "__typename"},
		{"same list 1600 times", "{" + strings.Repeat(" actors(first: 1) { totalCount }", 1600) + " }", server.CodeComplexity, "actors"},
		{"same field through inline fragments", "{" + strings.Repeat(" ... on Query { __typename }", 101) + " }", server.CodeComplexity, "__typename"},
		// Five copies of a list at each of four levels: validation compares 5^4 × 5^4 pairs.
		{"same lists nested", "{ node(id: \"x\") { ... on Meeting { " + nested(5, 4) + " } } }", server.CodeComplexity, "participants"},
		{"201 aliases", aliases.String(), server.CodeComplexity, "aliases"},
		{"201 spreads", spreads.String(), server.CodeComplexity, "spreads"},
		{"16000 tokens", "{" + strings.Repeat(" a: __typename", 16000/3) + " }", "GRAPHQL_PARSE_FAILED", "token limit"},
	}
	for _, c := range cases {
		r, took := timedPost(t, srv.URL, "", c.query, nil)
		t.Logf("%s: %d %q in %v", c.name, r.status, r.code(), took)
		if r.code() != c.code || r.status != 400 || !strings.Contains(r.errors[0].Message, c.says) {
			t.Errorf("%s: %d %+v, want 400 %s saying %q", c.name, r.status, r.errors, c.code, c.says)
		}
		if took > quickly {
			t.Errorf("%s: refused after %v, want within %v", c.name, took, quickly)
		}
	}
	// At the limits, documents run.
	within := "{" + strings.Repeat(" __typename", 10) + " }"
	if r := post(t, srv.URL, "", "", within, nil); len(r.errors) > 0 {
		t.Errorf("10 × __typename: %+v", r.errors)
	}
}

func TestIntrospectionCountsInCostAndDepth(t *testing.T) {
	srv, _ := hardened(t, server.Options{Introspection: true})
	r := post(t, srv.URL, "", "", server.IntrospectionQuery(t), nil)
	if len(r.errors) > 0 || !bytes.Contains(r.raw["data"], []byte(`"Meeting"`)) {
		t.Fatalf("GraphiQL's introspection: %d %+v", r.status, r.errors)
	}
	// Aliases of a deep __schema selection: the answer grew with each alias, uncounted.
	var bomb strings.Builder
	bomb.WriteString("{")
	for i := range 150 {
		fmt.Fprintf(&bomb, " s%d: __schema { types { name fields { name args { name type { name } } type { name kind ofType { name } } } } }", i)
	}
	bomb.WriteString(" }")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	body, _ := json.Marshal(map[string]any{"query": bomb.String()})
	began := time.Now()
	resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(began)
	runtime.ReadMemStats(&after)
	t.Logf("150 aliases of a deep __schema: %d, %d bytes answered, %d MB allocated, in %v",
		resp.StatusCode, len(answer), (after.TotalAlloc-before.TotalAlloc)>>20, took)
	if !bytes.Contains(answer, []byte(server.CodeComplexity)) || len(answer) > 4096 {
		t.Errorf("introspection alias bomb: %d, %d bytes: %.300s", resp.StatusCode, len(answer), answer)
	}
	// The finding's own document: 3000 aliases (30.5 MB answered, 2 GB of memory before).
	bomb.Reset()
	bomb.WriteString("{")
	for i := range 3000 {
		fmt.Fprintf(&bomb, " s%d: __schema { types { name fields { name type { name } } } }", i)
	}
	bomb.WriteString(" }")
	if r, took := timedPost(t, srv.URL, "", bomb.String(), nil); r.status != 400 || r.code() == "" || r.raw["data"] != nil || took > quickly {
		t.Errorf("3000 aliases of __schema: %d %+v in %v", r.status, r.errors, took)
	}
	// Introspection nests like any field (gqlparser's own rule only bounds nested fields lists).
	shallow, _ := hardened(t, server.Options{Introspection: true, MaxDepth: 8})
	deep := `{ __schema { directives { args { type { fields { args { type { fields { args { type { name } } } } } } } } } } }`
	if r := post(t, shallow.URL, "", "", deep, nil); r.code() != server.CodeComplexity || !strings.Contains(r.errors[0].Message, "deep") {
		t.Errorf("11 introspection fields deep, limit 8: %d %+v", r.status, r.errors)
	}
	if r := post(t, shallow.URL, "", "", server.IntrospectionQuery(t), nil); len(r.errors) > 0 {
		t.Errorf("GraphiQL's introspection, depth limit 8: %+v", r.errors)
	}
}

func TestHTTPEdgesOfGraphQL(t *testing.T) {
	tokens, keys := keyring(t)
	web := t.TempDir()
	if err := os.MkdirAll(filepath.Join(web, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"index.html": "<!doctype html>", "assets/app.js": "1"} {
		if err := os.WriteFile(filepath.Join(web, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv, _ := hardened(t, server.Options{Access: &server.Access{Keys: keys, OpenReads: true}, WebDir: web})
	editor := "Bearer " + tokens[auth.Editor]

	// A chunked body (no Content-Length) over the limit is 413, like a declared one.
	big := io.MultiReader(strings.NewReader(`{"query":"{ search(text: \"`), strings.NewReader(strings.Repeat("a", 1<<20)), strings.NewReader(`\") { score } }"}`))
	req, _ := http.NewRequest("POST", srv.URL+"/graphql", io.NopCloser(big))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked body over 1 MiB: %d", resp.StatusCode)
	}
	// A chunked body within the limit still runs.
	req, _ = http.NewRequest("POST", srv.URL+"/graphql", io.NopCloser(strings.NewReader(`{"query":"{ __typename }"}`)))
	req.Header.Set("Content-Type", "application/json")
	if resp, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("small chunked body: %d", resp.StatusCode)
	}

	// Methods /graphql does not serve are 405 with Allow.
	for _, method := range []string{"HEAD", "PUT", "DELETE"} {
		req, _ := http.NewRequest(method, srv.URL+"/graphql", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(resp.Header.Get("Allow"), "POST") {
			t.Errorf("%s /graphql: %d Allow %q", method, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}

	// A mutation sent with GET is 405 with a code, even with an editor's key.
	for _, accept := range []string{"application/json", "application/graphql-response+json"} {
		req, _ = http.NewRequest("GET", srv.URL+"/graphql?query="+strings.ReplaceAll(`mutation{removeEdge(id:"x")}`, " ", "%20"), nil)
		req.Header.Set("Authorization", editor)
		req.Header.Set("Accept", accept)
		if resp, err = http.DefaultClient.Do(req); err != nil {
			t.Fatal(err)
		}
		var got struct{ Errors []gqlError }
		_ = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "POST" || len(got.Errors) == 0 || got.Errors[0].Extensions["code"] != server.CodeBadUserInput {
			t.Errorf("GET mutation as %s: %d Allow %q %+v", accept, resp.StatusCode, resp.Header.Get("Allow"), got.Errors)
		}
	}

	// Int variables that are not whole 32-bit numbers say which value is wrong.
	for _, v := range []string{"1e400", "1.5", "2147483648"} {
		body := `{"query":"query($s: Int) { communities(seed: $s) { modularity } }","variables":{"s":` + v + `}}`
		resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var got struct{ Errors []gqlError }
		_ = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if len(got.Errors) == 0 || got.Errors[0].Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" || !strings.Contains(got.Errors[0].Message, v) {
			t.Errorf("Int variable %s: %d %+v", v, resp.StatusCode, got.Errors)
		}
	}
	// A whole number written with an exponent is an Int.
	if r := post(t, srv.URL, "", "", `query($f: Int) { actors(first: $f) { totalCount } }`, map[string]any{"f": json.Number("1e1")}); len(r.errors) > 0 {
		t.Errorf("Int variable 1e1: %+v", r.errors)
	}

	// The built page's folders are not listed.
	for path, want := range map[string]int{"/": 200, "/assets/app.js": 200, "/assets/": 404, "/assets": 404} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want || bytes.Contains(b, []byte("app.js")) {
			t.Errorf("GET %s: %d %.100s, want %d", path, resp.StatusCode, b, want)
		}
	}
}
