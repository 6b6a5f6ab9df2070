package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// echoAccept stands for gqlgen: it answers the Accept it was given and the body it read.
var echoAccept = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.Header().Set("X-Accept", r.Header.Get("Accept"))
	_, _ = w.Write(body)
})

func TestAcceptQualityValues(t *testing.T) {
	for _, c := range []struct{ accept, want string }{
		{"application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json"},
		{"application/graphql-response+json;q=0.2, application/json", "application/json"},
		{"application/json, application/graphql-response+json;q=0", "application/json"},
		{"*/*", "*/*"}, // wildcards alone: gqlgen's default stands
		{"", ""},
	} {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{__typename}"}`))
		req.Header.Set("Content-Type", "application/json")
		if c.accept != "" {
			req.Header.Set("Accept", c.accept)
		}
		rec := httptest.NewRecorder()
		negotiate(echoAccept).ServeHTTP(rec, req)
		if got := rec.Header().Get("X-Accept"); got != c.want || rec.Code != http.StatusOK {
			t.Errorf("Accept %q: %d, gqlgen sees %q, want %q", c.accept, rec.Code, got, c.want)
		}
	}
}

func TestAcceptNeitherGraphQLType(t *testing.T) {
	for _, accept := range []string{"text/html", "application/json;q=0, application/graphql-response+json;q=0"} {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{__typename}"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", accept)
		rec := httptest.NewRecorder()
		negotiate(echoAccept).ServeHTTP(rec, req)
		if rec.Code != http.StatusNotAcceptable || !strings.Contains(rec.Body.String(), "Accept") {
			t.Errorf("Accept %q: %d %s, want 406 saying why", accept, rec.Code, rec.Body.String())
		}
	}
}

func TestBatchRefusedPlainly(t *testing.T) {
	body := ` [{"query":"{__typename}"},{"query":"{secretField}"}]`
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	negotiate(echoAccept).ServeHTTP(rec, req)
	var got struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusBadRequest || len(got.Errors) != 1 {
		t.Fatalf("batch: %d %s", rec.Code, rec.Body.String())
	}
	msg := got.Errors[0].Message
	if !strings.Contains(msg, "not supported") || strings.Contains(msg, "secretField") || strings.Contains(msg, "Go value") {
		t.Errorf("batch message %q: say batching is not supported, no body, no Go internals", msg)
	}
	// One operation still reaches gqlgen whole.
	one := `{"query":"{__typename}"}`
	req = httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(one))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	rec = httptest.NewRecorder()
	negotiate(echoAccept).ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || rec.Body.String() != one {
		t.Errorf("one operation: %d %q", rec.Code, rec.Body.String())
	}
}

func TestRequestErrorHasNoData(t *testing.T) {
	rec := httptest.NewRecorder()
	w := &strictWriter{ResponseWriter: rec}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusUnprocessableEntity) // gqlgen's status for a validation error
	_, _ = w.Write([]byte(`{"errors":[{"message":"Cannot query field \"nope\" on type \"Query\"."}],"data":null}`))
	w.finish()
	var got map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body.String())
	}
	if _, ok := got["data"]; ok || got["errors"] == nil {
		t.Errorf("a request error under application/json: %s, want errors and no data", rec.Body.String())
	}
}

func TestUnsupportedContentTypeIsJSON415(t *testing.T) {
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", ""} {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`query=%7B__typename%7D`))
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		rec := httptest.NewRecorder()
		negotiate(echoAccept).ServeHTTP(rec, req)
		var got struct{ Errors []struct{ Message string } }
		if rec.Code != http.StatusUnsupportedMediaType || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") ||
			json.Unmarshal(rec.Body.Bytes(), &got) != nil || len(got.Errors) != 1 {
			t.Errorf("Content-Type %q: %d %q %s", ct, rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
		}
	}
}

// A request that is not a well-formed GraphQL-over-HTTP request (no query, a query that is
// not a string, variables that are not a map...) is answered 400 whatever the Accept, with a
// message that says what is wrong and neither Go internals nor the body; a well-formed one
// that fails to parse or validate keeps 200 under application/json (the graphql-http audit's
// MAY 8764 and 3E3A, its SHOULD 572B).
func TestMalformedRequestsAre400(t *testing.T) {
	h := negotiate(GraphQL(Options{}))
	send := func(method, accept, body string) *httptest.ResponseRecorder {
		var req *http.Request
		if method == http.MethodGet {
			req = httptest.NewRequest(method, "/graphql?"+body, nil)
		} else {
			req = httptest.NewRequest(method, "/graphql", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
		}
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	type answer struct {
		Data   json.RawMessage
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	for _, c := range []struct{ method, body, want string }{
		{"POST", `{"qeury":"{ __typename }"}`, "no query"},
		{"POST", `{}`, "no query"},
		{"POST", `{"query":null}`, "no query"},
		{"POST", `{"query":1}`, `"query" must be a string`},
		{"POST", `{"query":["{ __typename }"]}`, `"query" must be a string`},
		{"POST", `{"query":"{ __typename }","variables":1}`, `"variables" must be`},
		{"POST", `{"query":"{ __typename }","variables":"{}"}`, `"variables" must be`},
		{"POST", `{"query":"{ __typename }","operationName":2}`, `"operationName" must be`},
		{"POST", `{"query":"{ __typename }","extensions":[]}`, `"extensions" must be`},
		{"POST", `"{ __typename }"`, "JSON object"},
		{"POST", `{"query":`, "not valid JSON"},
		{"GET", `qeury=%7B__typename%7D`, "no query"},
		{"GET", ``, "no query"},
		{"GET", `query=%7B__typename%7D&variables=1`, `"variables" must be`},
		{"GET", `query=%7B__typename%7D&variables=abc`, `"variables" must be`},
		{"GET", `query=%7B__typename%7D&extensions=abc`, `"extensions" must be`},
	} {
		for _, accept := range []string{"", "application/json", "application/graphql-response+json"} {
			rec := send(c.method, accept, c.body)
			var got answer
			ctype := rec.Header().Get("Content-Type")
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusBadRequest || len(got.Errors) != 1 || got.Data != nil {
				t.Errorf("%s %s (Accept %q): %d %s, want 400 with one error and no data", c.method, c.body, accept, rec.Code, rec.Body.String())
				continue
			}
			msg := got.Errors[0].Message
			if !strings.Contains(msg, c.want) || strings.Contains(msg, "Go ") || strings.Contains(msg, "RawParams") ||
				strings.Contains(msg, "__typename") || strings.Contains(msg, "qeury") || got.Errors[0].Extensions["code"] != CodeBadUserInput {
				t.Errorf("%s %s: %q %v, want %q, no Go internals nor the body", c.method, c.body, msg, got.Errors[0].Extensions, c.want)
			}
			if want := "application/json"; accept == "application/graphql-response+json" && !strings.HasPrefix(ctype, accept) ||
				accept != "application/graphql-response+json" && !strings.HasPrefix(ctype, want) {
				t.Errorf("%s %s (Accept %q): Content-Type %q", c.method, c.body, accept, ctype)
			}
		}
	}
	// Well-formed requests still reach gqlgen: a document that does not parse is 200 under
	// application/json, a persisted query without its text is looked up.
	for _, c := range []struct{ method, body string }{
		{"POST", `{"query":"{"}`},
		{"POST", `{"query":""}`},
		{"POST", `{"query":"{ __typename }","variables":null,"operationName":null,"extensions":null}`},
		{"POST", `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}`},
		{"GET", `extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22abc%22%7D%7D`},
		{"GET", `query=%7B__typename%7D`},
	} {
		if rec := send(c.method, "application/json", c.body); rec.Code != http.StatusOK {
			t.Errorf("%s %s: %d %s, want 200", c.method, c.body, rec.Code, rec.Body.String())
		}
	}
	if rec := send("POST", "", `{"query":"{ __typename }"}`); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"Query"`) {
		t.Errorf("a plain query: %d %s", rec.Code, rec.Body.String())
	}
}
