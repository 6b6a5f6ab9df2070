package export

import (
	"bufio"
	"context"
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

// format is one way of writing a graph over HTTP.
type format struct {
	Extension    string // of the downloaded file
	ContentType  string
	encoder      func(io.Writer) encoder
	nodes, edges bool // which of them it writes
}

// Patterns are the routes that Handler serves, as http.ServeMux patterns: GET
// /export/{format}, and GET /export/csv/{part} for the CSV files one by one.
var Patterns = []string{"GET /export/{format}", "GET /export/csv/{part}"}

const csvType = "text/csv; charset=utf-8; header=present"

// formats are the values of {format} in GET /export/{format}, and csv/{part} for GET
// /export/csv/{part}: each CSV file alone, as pandas.read_csv(url) reads it (nodes.csv and
// edges.csv are their older names).
var formats = map[string]format{
	"graphml":     {"graphml", "application/graphml+xml; charset=utf-8", newGraphML, true, true},
	"gexf":        {"gexf", "application/gexf+xml; charset=utf-8", newGEXF, true, true},
	"cytoscape":   {"cytoscape.json", "application/json; charset=utf-8", newCytoscape, true, true},
	"csv":         {"csv.zip", "application/zip", newCSVZip, true, true},
	"csv/nodes":   {"nodes.csv", csvType, newNodesCSV, true, false},
	"csv/edges":   {"edges.csv", csvType, newEdgesCSV, false, true},
	"csv/sources": {"sources.csv", csvType, newSourcesCSV, true, true},
	"nodes.csv":   {"nodes.csv", csvType, newNodesCSV, true, false},
	"edges.csv":   {"edges.csv", csvType, newEdgesCSV, false, true},
}

// HeldBack is how much of an export is held back before its headers are sent: an export
// that fails within it answers a proper error status, and one that fits in it is sent with
// its Content-Length.
const HeldBack = 64 << 10

// Handler serves Patterns, GET /export/{format} and GET /export/csv/{part}: the whole
// graph (Store.Stream, optionally of the node kinds in kinds=K1,K2), or with around=ID the
// neighbourhood of a node (Store.Neighbourhood with depth=N, default 1, and limit=N,
// default 200); edgeKinds=K1,K2 restricts the edges either way. The whole graph streams from Neo4j to the client with
// flat memory. Errors are JSON {"error": "...", "code": "..."}: 400 BAD_USER_INPUT for a
// bad format or parameter, 404 NOT_FOUND for an unknown id, 503 UNAVAILABLE when Neo4j is
// unreachable, 504 TIMEOUT when the request's time ran out. An export that fails after its
// first HeldBack bytes were sent is broken off (the connection is closed without the end of
// the body), so that the client sees a failed transfer, never a short file that looks whole.
func Handler(store *graph.Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("format")
		if part := r.PathValue("part"); part != "" {
			name = "csv/" + part
		}
		if name == "" { // mounted without a wildcard
			name = path.Base(r.URL.Path)
			if path.Base(path.Dir(r.URL.Path)) == "csv" {
				name = "csv/" + name
			}
		}
		f, ok := formats[name]
		if !ok {
			writeError(w, http.StatusBadRequest, codeBadUserInput, fmt.Sprintf("unknown export format %q; use one of %s", name, strings.Join(formatNames(), ", ")))
			return
		}
		q, err := parseQuery(r.URL.Query())
		if err != nil {
			writeError(w, http.StatusBadRequest, codeBadUserInput, err.Error())
			return
		}
		ctx := r.Context()
		log := zerolog.Ctx(ctx)
		out := &download{w: w, headers: func(h http.Header) {
			h.Set("Content-Type", f.ContentType)
			h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": q.filename(f.Extension)}))
			h.Set("X-Content-Type-Options", "nosniff")
		}}
		out.buf = bufio.NewWriterSize(out, HeldBack)
		// Hidden behind an io.Writer: encoding/xml would adopt a *bufio.Writer as its own
		// buffer and flush it, sending the headers, at every element.
		enc := f.encoder(struct{ io.Writer }{out.buf})
		var nodes, edges int
		truncated := false
		if q.around != "" {
			var sg *graph.Subgraph
			sg, err = store.Neighbourhood(ctx, q.around, q.depth, q.edgeKinds, q.limit)
			if err == nil {
				err = store.FillSources(ctx, sg)
			}
			if err == nil {
				truncated, nodes, edges = sg.Truncated, len(sg.Nodes), len(sg.Edges)
				out.truncated = truncated
				err = writeSubgraph(enc, sg)
			}
		} else {
			s := graph.SnapshotStream{Kinds: q.kinds, EdgeKinds: q.edgeKinds,
				Begin: func(n, e int) error { return enc.begin(header{nodes: n, edges: e}) }}
			if f.nodes {
				s.Node = func(n graph.Node) error { nodes++; return enc.node(n) }
			}
			if f.edges {
				s.Edge = func(e graph.Edge) error { edges++; return enc.edge(e) }
			}
			err = store.Stream(ctx, s)
			if err == nil {
				err = enc.end()
			}
		}
		if err == nil {
			err = out.finish()
		}
		if err != nil {
			fail(w, r, out, name, q, err)
			return
		}
		log.Debug().Str("format", name).Str("around", q.around).Int64("bytes", out.sent).
			Int("nodes", nodes).Int("edges", edges).Bool("truncated", truncated).Msg("export")
	})
}

// fail answers an export that failed: with an error status while nothing was sent, else
// by breaking off the transfer.
func fail(w http.ResponseWriter, r *http.Request, out *download, name string, q query, err error) {
	log := zerolog.Ctx(r.Context())
	ctxErr := r.Context().Err()
	if out.committed {
		ev := log.Warn()
		if errors.Is(ctxErr, context.Canceled) {
			ev = log.Info() // the client went away
		}
		ev.Err(err).Str("format", name).Str("around", q.around).Int64("bytes", out.sent).Msg("export broken off after it started")
		panic(http.ErrAbortHandler)
	}
	if errors.Is(ctxErr, context.Canceled) {
		log.Info().Err(err).Str("format", name).Msg("export abandoned: the client went away")
		return
	}
	status, code, msg := classify(err)
	if errors.Is(ctxErr, context.DeadlineExceeded) || errors.Is(err, graph.ErrTimeout) {
		status, code, msg = http.StatusGatewayTimeout, codeTimeout,
			"the export took too long and was stopped; export less (kinds=, edgeKinds=, or around= with a smaller depth or limit)"
	}
	ev := log.Info()
	if status >= 500 {
		ev = log.Error()
	}
	ev.Err(err).Str("format", name).Str("around", q.around).Int("status", status).Msg("export failed")
	writeError(w, status, code, msg)
}

// download is an export's response. Writes reach the client through buf, which holds back
// the first HeldBack bytes: the headers are sent (committed) only when buf first spills
// over, or by finish.
type download struct {
	w         http.ResponseWriter
	buf       *bufio.Writer
	headers   func(http.Header)
	truncated bool
	committed bool
	sent      int64
}

// Write sends what buf spills over, committing the headers first.
func (d *download) Write(p []byte) (int, error) {
	d.commit(-1)
	n, err := d.w.Write(p)
	d.sent += int64(n)
	return n, err
}

// commit sends the headers once, with a Content-Length unless length is negative.
func (d *download) commit(length int) {
	if d.committed {
		return
	}
	d.committed = true
	h := d.w.Header()
	d.headers(h)
	h.Set("X-Entente-Truncated", strconv.FormatBool(d.truncated))
	if length >= 0 {
		h.Set("Content-Length", strconv.Itoa(length))
	}
	d.w.WriteHeader(http.StatusOK)
}

// finish sends what buf holds: an export that fit in it goes with its Content-Length.
func (d *download) finish() error {
	d.commit(d.buf.Buffered())
	return d.buf.Flush()
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

// Error codes of export errors, as server/errors.go names them for GraphQL.
const (
	codeBadUserInput = "BAD_USER_INPUT"
	codeNotFound     = "NOT_FOUND"
	codeUnavailable  = "UNAVAILABLE"
	codeTimeout      = "TIMEOUT"
	codeInternal     = "INTERNAL"
)

// classify maps a store error to an HTTP status, a code and a message safe to show.
func classify(err error) (int, string, string) {
	var input *graph.InputError
	var notFound *graph.NotFoundError
	switch {
	case errors.As(err, &notFound):
		return http.StatusNotFound, codeNotFound, notFound.Error()
	case errors.As(err, &input):
		return http.StatusBadRequest, codeBadUserInput, input.Msg
	case errors.Is(err, graph.ErrTimeout):
		return http.StatusGatewayTimeout, codeTimeout, "the export took too long and was stopped"
	case errors.Is(err, graph.ErrUnavailable):
		return http.StatusServiceUnavailable, codeUnavailable, "the graph database is unavailable; try again shortly"
	}
	return http.StatusInternalServerError, codeInternal, "internal error"
}

func formatNames() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg, "code": code})
}
