package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

// TestPanicIsLoggedWithRequestID: a panic outside GraphQL execution becomes a coded 500
// whose message names the request, and a log line with the id, the value and the stack.
func TestPanicIsLoggedWithRequestID(t *testing.T) {
	var logs bytes.Buffer
	h := requestID(zerolog.New(&logs), accessLog(recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("boom")
	}))))
	req := httptest.NewRequest("GET", "/x", nil)
	req.Header.Set("X-Request-Id", "req-42")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != 500 || len(out.Errors) != 1 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if e := out.Errors[0]; e.Extensions["code"] != CodeInternal || !strings.Contains(e.Message, "req-42") || strings.Contains(e.Message, "boom") {
		t.Errorf("answer %+v", e)
	}
	var line map[string]any
	if err := json.Unmarshal(bytes.SplitN(logs.Bytes(), []byte("\n"), 2)[0], &line); err != nil {
		t.Fatal(err)
	}
	if line["request_id"] != "req-42" || line["panic"] != "boom" || !strings.Contains(line["stack"].(string), "middleware_test.go") {
		t.Errorf("log line %v", line)
	}
}
