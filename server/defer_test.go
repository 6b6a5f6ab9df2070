package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/entente/entente/server"
)

// gql posts one operation to the bare GraphQL handler (no graph needed: introspection and
// validation never reach Neo4j) and decodes the answer.
func gql(t *testing.T, h http.Handler, query string) (int, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatalf("%s: %d %q: %v", query, rec.Code, rec.Body.String(), err)
	}
	return rec.Code, out
}

// Entente answers in one response, never incrementally: it must not advertise @defer (nor
// @stream), and an operation that uses it is refused, not silently answered whole.
func TestDeferIsNotAdvertisedNorAccepted(t *testing.T) {
	h := server.GraphQL(server.Options{Introspection: true})
	_, out := gql(t, h, `{ __schema { directives { name } } }`)
	var names []string
	for _, d := range out["data"].(map[string]any)["__schema"].(map[string]any)["directives"].([]any) {
		names = append(names, d.(map[string]any)["name"].(string))
	}
	for _, n := range names {
		if n == "defer" || n == "stream" {
			t.Errorf("introspection lists @%s (directives: %v); Entente has no incremental delivery", n, names)
		}
	}
	if !strings.Contains(strings.Join(names, " "), "skip") {
		t.Errorf("directives %v: the built-in @skip and @include must stay", names)
	}

	for _, q := range []string{
		`{ ... @defer { __typename } }`,
		`query { ...F @defer(label: "x") } fragment F on Query { __typename }`,
	} {
		code, out := gql(t, h, q)
		errs, _ := out["errors"].([]any)
		if code != http.StatusBadRequest || len(errs) == 0 || out["data"] != nil {
			t.Errorf("%s: %d %v, want 400 with a validation error and no data", q, code, out)
			continue
		}
		e := errs[0].(map[string]any)
		msg, _ := e["message"].(string)
		ext, _ := e["extensions"].(map[string]any)
		if !strings.Contains(msg, `"@defer"`) || !strings.Contains(msg, "not supported") || ext["code"] != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("%s: error %v, want a validation error naming @defer", q, e)
		}
	}
}
