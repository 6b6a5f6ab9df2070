package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/server"
	"github.com/entente/entente/server/graphiql"
)

// newServer serves the API over an empty test graph, logging into buf.
func newServer(t *testing.T, buf *bytes.Buffer) *httptest.Server {
	store := graphtest.Open(t)
	srv := httptest.NewServer(server.New(server.Options{Store: store, Log: zerolog.New(buf), Introspection: true}))
	t.Cleanup(srv.Close)
	return srv
}

func TestTypenameProbesAndRequestLog(t *testing.T) {
	var logs bytes.Buffer
	srv := newServer(t, &logs)

	req, _ := http.NewRequest("POST", srv.URL+"/graphql", strings.NewReader(`{"query":"query Probe { __typename }","operationName":"Probe"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-Id", "test-123")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Data struct {
			Typename string `json:"__typename"`
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || body.Data.Typename != "Query" {
		t.Fatalf("status %d, __typename %q", resp.StatusCode, body.Data.Typename)
	}
	if got := resp.Header.Get("X-Request-Id"); got != "test-123" {
		t.Errorf("X-Request-Id echoed as %q", got)
	}
	var line map[string]any
	if err := json.Unmarshal(bytes.SplitN(logs.Bytes(), []byte("\n"), 2)[0], &line); err != nil {
		t.Fatalf("log line: %v in %q", err, logs.String())
	}
	for k, want := range map[string]any{"request_id": "test-123", "method": "POST", "status": float64(200), "operation": "Probe"} {
		if line[k] != want {
			t.Errorf("log %s = %v, want %v (line %v)", k, line[k], want, line)
		}
	}
	if _, ok := line["duration"]; !ok {
		t.Errorf("log line has no duration: %v", line)
	}

	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/graphiql": graphiqlStatus(), "/nope": 404} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, want)
		}
	}
}

// graphiqlStatus is how /graphiql answers: 200 when make web built GraphiQL into the binary,
// else 404 with how to build it (server/graphiql tests both).
func graphiqlStatus() int {
	if !graphiql.IsBuilt() {
		return http.StatusNotFound
	}
	return http.StatusOK
}

func TestBadRequestsGetClearErrors(t *testing.T) {
	srv := newServer(t, &bytes.Buffer{})
	cases := map[string]string{
		`{"query":"{ nosuchfield }"}`:                                                  "Cannot query field",
		`{"query":"{ search(text: \"???\") { score } }"}`:                              "no words",
		`{"query":"{ meetings(after: \"garbage\") { totalCount } }"}`:                  "not a cursor",
		`{"query":"{ meetings(filter: {from: \"2023-13\"}) { totalCount } }"}`:         "not a date",
		`{"query":"{ shortestPath(from: \"a\", to: \"b\", maxHops: 99) { length } }"}`: "maxHops",
	}
	for body, want := range cases {
		resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Errors []struct {
				Message    string
				Extensions map[string]any
			}
		}
		_ = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if len(out.Errors) == 0 || !strings.Contains(out.Errors[0].Message, want) {
			t.Errorf("%s: errors %+v, want one containing %q", body, out.Errors, want)
		}
	}
}
