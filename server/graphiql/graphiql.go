// Package graphiql serves GraphiQL from the binary: the page, its React and its CSS are
// built by `make web` (web/graphiql.html, web/vite.graphiql.config.ts) into build/dist and
// embedded here, so GraphiQL needs no network but the server's own (no CDN). A binary built
// without them (no npm) answers /graphiql with a page that says how to build them.
package graphiql

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed all:build
var build embed.FS

// Built is what `make web` wrote into build/dist, when it ran before the binary was built.
var Built fs.FS = mustSub(build, "build/dist")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// IsBuilt reports whether GraphiQL was built into this binary.
func IsBuilt() bool {
	_, err := fs.Stat(Built, Page)
	return err == nil
}

// Page is the HTML page that GraphiQL is built into, at the root of the built files.
const Page = "graphiql.html"

// Handler serves GraphiQL from files (Built in the binary): GET /graphiql is the page and
// GET /graphiql/assets/NAME its scripts and styles, whose names carry a hash of their content
// (so they are cached for good). Without the page in files it answers 404 with how to build it.
func Handler(files fs.FS) http.Handler {
	page, err := fs.ReadFile(files, Page)
	if err != nil {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(notBuilt))
		})
	}
	assets := http.StripPrefix("/graphiql", http.FileServerFS(files))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, isAsset := strings.CutPrefix(r.URL.Path, "/graphiql/assets/")
		switch {
		case r.URL.Path == "/graphiql":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			_, _ = w.Write(page)
		case isAsset && name != "" && !strings.Contains(name, "/"):
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			assets.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Entente · GraphiQL not built</title></head>
<body style="font: 16px system-ui, sans-serif; max-width: 40em; margin: 3em auto">
<h1>GraphiQL is not built into this binary</h1>
<p>It is built with the network page, by npm: run <code>make web build</code> (or <code>make run</code>)
in the Entente repository, then start the new <code>./entente</code>.</p>
<p>The API answers at <a href="/graphql?query=%7B__typename%7D">/graphql</a> all the same.</p>
</body></html>
`
