package graphiql

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func get(h http.Handler, path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

func TestServesThePageAndItsAssets(t *testing.T) {
	files := fstest.MapFS{
		Page:                      {Data: []byte(`<script type="module" src="/graphiql/assets/graphiql-abc.js"></script>`)},
		"assets/graphiql-abc.js":  {Data: []byte("console.log(1)")},
		"assets/graphiql-abc.css": {Data: []byte("body{}")},
	}
	h := Handler(files)
	page := get(h, "/graphiql")
	if page.Code != 200 || !strings.HasPrefix(page.Header().Get("Content-Type"), "text/html") ||
		!strings.Contains(page.Body.String(), "/graphiql/assets/graphiql-abc.js") {
		t.Errorf("page: %d %q %q", page.Code, page.Header().Get("Content-Type"), page.Body.String())
	}
	for name, ctype := range map[string]string{"graphiql-abc.js": "text/javascript", "graphiql-abc.css": "text/css"} {
		rec := get(h, "/graphiql/assets/"+name)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), ctype) ||
			!strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
			t.Errorf("%s: %d %v", name, rec.Code, rec.Header())
		}
	}
	for _, path := range []string{"/graphiql/assets/", "/graphiql/assets/nope.js", "/graphiql/assets/../graphiql.html", "/graphiql/other"} {
		if rec := get(h, path); rec.Code != http.StatusNotFound {
			t.Errorf("%s: %d, want 404 (no listing, nothing outside assets/)", path, rec.Code)
		}
	}
}

func TestNotBuiltSaysHowToBuild(t *testing.T) {
	rec := get(Handler(fstest.MapFS{}), "/graphiql")
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "make web build") {
		t.Errorf("without the built files: %d %q", rec.Code, rec.Body.String())
	}
}

// The page that `make web` built, when it did: everything it loads comes from /graphiql/.
func TestBuiltPageLoadsNothingFromElsewhere(t *testing.T) {
	page, err := fs.ReadFile(Built, Page)
	if err != nil {
		t.Skip("GraphiQL is not built (make web); web/test.sh tests the built one in Chromium")
	}
	for _, attr := range []string{`src="`, `href="`} {
		for _, part := range strings.Split(string(page), attr)[1:] {
			url := part[:strings.IndexByte(part, '"')]
			if !strings.HasPrefix(url, "/graphiql/assets/") && !strings.HasPrefix(url, "data:") {
				t.Errorf("the built page loads %s", url)
			}
		}
	}
}
