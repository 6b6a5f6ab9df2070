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
