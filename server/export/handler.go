package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// Defaults of a neighbourhood export, as in the GraphQL neighbourhood query.
const (
	DefaultDepth = 1
	DefaultLimit = 200
)

// format is one way of writing a subgraph over HTTP.
type format struct {
	Extension   string // of the downloaded file
	ContentType string
	Write       func(io.Writer, *graph.Subgraph) error
}

// formats are the values of {format} in GET /export/{format}.
var formats = map[string]format{
	"graphml":   {"graphml", "application/graphml+xml; charset=utf-8", WriteGraphML},
	"gexf":      {"gexf", "application/gexf+xml; charset=utf-8", WriteGEXF},
	"cytoscape": {"cytoscape.json", "application/json; charset=utf-8", WriteCytoscape},
	"csv":       {"csv.zip", "application/zip", WriteCSVZip},
	"nodes.csv": {"nodes.csv", "text/csv; charset=utf-8; header=present", WriteNodesCSV},
	"edges.csv": {"edges.csv", "text/csv; charset=utf-8; header=present", WriteEdgesCSV},
}

// Handler serves GET /export/{format}: the whole graph (Store.Snapshot, optionally of the
// node kinds in kinds=K1,K2), or with around=ID the neighbourhood of a node
// (Store.Neighbourhood with depth=N, default 1, and limit=N, default 200); edgeKinds=K1,K2
// restricts the edges either way. Errors are JSON {"error": "..."}: 400 for a bad format
// or parameter, 404 for an unknown id, 503 when Neo4j is unreachable.
func Handler(store *graph.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("format")
		if name == "" { // mounted without a {format} wildcard
			name = path.Base(r.URL.Path)
		}
		f, ok := formats[name]
		if !ok {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown export format %q; use one of %s", name, strings.Join(formatNames(), ", ")))
			return
		}
		q, err := parseQuery(r.URL.Query())
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		var sg *graph.Subgraph
		if q.around != "" {
			sg, err = store.Neighbourhood(r.Context(), q.around, q.depth, q.edgeKinds, q.limit)
		} else {
			sg, err = store.Snapshot(r.Context(), q.kinds, q.edgeKinds)
		}
		if err == nil {
			err = store.FillSources(r.Context(), sg)
		}
		log := zerolog.Ctx(r.Context())
		if err != nil {
			if r.Context().Err() != nil {
				log.Info().Err(err).Str("format", name).Msg("export abandoned: the client went away")
				return
			}
			status, msg := classify(err)
			ev := log.Info()
			if status >= 500 {
				ev = log.Error()
			}
			ev.Err(err).Str("format", name).Str("around", q.around).Int("status", status).Msg("export failed")
			writeError(w, status, msg)
			return
		}
		var buf bytes.Buffer
		if err := f.Write(&buf, sg); err != nil {
			log.Error().Err(err).Str("format", name).Msg("export: writing failed")
			writeError(w, http.StatusInternalServerError, "could not write the export")
			return
		}
		log.Debug().Str("format", name).Str("around", q.around).
			Int("nodes", len(sg.Nodes)).Int("edges", len(sg.Edges)).Bool("truncated", sg.Truncated).Msg("export")
		h := w.Header()
		h.Set("Content-Type", f.ContentType)
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": q.filename(f.Extension)}))
		h.Set("Content-Length", strconv.Itoa(buf.Len()))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Entente-Truncated", strconv.FormatBool(sg.Truncated))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			_, _ = buf.WriteTo(w)
		}
	})
}

// query is a parsed export request.
type query struct {
	around       string
	depth, limit int
	kinds        []string
	edgeKinds    []string
}

var knownParams = map[string]bool{"around": true, "depth": true, "limit": true, "kinds": true, "edgeKinds": true}

func parseQuery(v url.Values) (query, error) {
	for k := range v {
		if !knownParams[k] {
			return query{}, fmt.Errorf("unknown parameter %q; use around, depth, limit, edgeKinds or kinds", k)
		}
	}
	q := query{around: strings.TrimSpace(v.Get("around")), depth: DefaultDepth, limit: DefaultLimit}
	if v.Has("around") && q.around == "" {
		return query{}, errors.New("around must be a node id")
	}
	var err error
	if q.edgeKinds, err = kindList(v.Get("edgeKinds"), fixtures.EdgeKinds, "edge kind"); err != nil {
		return query{}, err
	}
	if q.kinds, err = kindList(v.Get("kinds"), fixtures.NodeKinds, "node kind"); err != nil {
		return query{}, err
	}
	if q.around == "" {
		for _, p := range []string{"depth", "limit"} {
			if v.Has(p) {
				return query{}, fmt.Errorf("%s applies to a neighbourhood: give around=ID too", p)
			}
		}
		return q, nil
	}
	if len(q.kinds) > 0 {
		return query{}, errors.New("kinds applies to whole-graph exports; with around, use edgeKinds")
	}
	if q.depth, err = intParam(v, "depth", DefaultDepth, 1, graph.MaxDepth); err != nil {
		return query{}, err
	}
	if q.limit, err = intParam(v, "limit", DefaultLimit, 1, graph.MaxSubgraphNodes); err != nil {
		return query{}, err
	}
	return q, nil
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s must be an integer between %d and %d, not %q", name, lo, hi, s)
	}
	return n, nil
}

// kindList parses a comma-separated list of kinds, accepting both the fixture spelling
// (UNBody, PARTICIPATED_IN) and GraphQL's enum spelling (UN_BODY), case-insensitively.
func kindList(s string, known []string, what string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []string
	for _, k := range strings.Split(s, ",") {
		k = strings.TrimSpace(k)
		canonical := ""
		for _, c := range known {
			if foldKind(c) == foldKind(k) {
				canonical = c
			}
		}
		if canonical == "" {
			return nil, fmt.Errorf("unknown %s %q; use one of %s", what, k, strings.Join(known, ", "))
		}
		out = append(out, canonical)
	}
	return out, nil
}

func foldKind(k string) string { return strings.ToLower(strings.ReplaceAll(k, "_", "")) }

var unsafeFilename = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// filename names the download: entente-graph.graphml, or entente-<id>-d2.graphml for a neighbourhood.
func (q query) filename(ext string) string {
	if q.around == "" {
		return "entente-graph." + ext
	}
	id := strings.Trim(unsafeFilename.ReplaceAllString(q.around, "-"), "-.")
	if len(id) > 80 {
		id = id[:80]
	}
	return fmt.Sprintf("entente-%s-d%d.%s", id, q.depth, ext)
}

// classify maps a store error to an HTTP status and a message safe to show.
func classify(err error) (int, string) {
	var input *graph.InputError
	var notFound *graph.NotFoundError
	switch {
	case errors.As(err, &notFound):
		return http.StatusNotFound, notFound.Error()
	case errors.As(err, &input):
		return http.StatusBadRequest, input.Msg
	case errors.Is(err, graph.ErrUnavailable):
		return http.StatusServiceUnavailable, "the graph database is unavailable; try again shortly"
	}
	return http.StatusInternalServerError, "internal error"
}

func formatNames() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
