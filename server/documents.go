package server

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/auth"
	"github.com/entente/entente/server/ingest"
)

// DefaultMaxDocumentBytes is the largest body POST /documents accepts.
const DefaultMaxDocumentBytes = 20 << 20

// documents answers POST /documents: the raw body is a document (text/plain or text/html
// in UTF-8, or application/pdf, whose text layer is read), the query parameters title,
// language, published, url and autoAccept say how to read it, and the answer is the Ingestion as JSON (201 when stored, 200 when its text was
// stored before). It needs an editor key; its body limit is its own (the server's body
// limit does not apply to it).
func documents(a *Access, ing *ingest.Service, maxBytes int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		caller := auth.CallerFrom(r.Context())
		if a != nil && caller.Role < auth.Editor {
			if caller.Role == auth.Anonymous {
				w.Header().Set("WWW-Authenticate", `Bearer realm="entente"`)
				writeError(w, http.StatusUnauthorized, CodeUnauthenticated, "POST /documents needs an API key with role editor or above (send Authorization: Bearer <key>)")
				return
			}
			writeError(w, http.StatusForbidden, CodeForbidden, "POST /documents needs role editor or above; key \""+caller.Name+"\" has role "+caller.Role.String())
			return
		}
		in, ok := documentInput(w, r)
		if !ok {
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBytes))
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			writeError(w, http.StatusRequestEntityTooLarge, CodeBadUserInput, "the document is larger than "+strconv.FormatInt(maxBytes, 10)+" bytes")
			return
		case err != nil:
			writeError(w, http.StatusBadRequest, CodeBadUserInput, "the request body could not be read")
			return
		case len(strings.TrimSpace(string(body))) == 0:
			writeError(w, http.StatusBadRequest, CodeBadUserInput, "the document is empty: send it as the request body")
			return
		}
		s := string(body)
		switch {
		case in.PDF != nil:
			in.PDF = body
		case in.HTML != nil:
			in.HTML = &s
		default:
			in.Text = &s
		}
		got, err := ing.Ingest(r.Context(), in)
		if err != nil {
			ingestFailed(r.Context(), w, err)
			return
		}
		status := http.StatusCreated
		if got.AlreadyIngested {
			status = http.StatusOK
		}
		writeJSON(w, status, ingestionJSON(got))
	})
}

// documentInput reads the type and the query parameters of POST /documents, or answers
// what is wrong with them. Of the returned input, HTML is non-nil for an HTML page, PDF
// for a PDF.
func documentInput(w http.ResponseWriter, r *http.Request) (ingest.Input, bool) {
	in := ingest.Input{AutoAccept: ingest.DefaultAutoAccept}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeError(w, http.StatusMethodNotAllowed, CodeBadUserInput, "/documents answers POST only")
		return in, false
	}
	ct := r.Header.Get("Content-Type")
	media, params, err := mime.ParseMediaType(ct)
	if err != nil {
		media = ""
	}
	unsupported := func(msg string) (ingest.Input, bool) {
		writeError(w, http.StatusUnsupportedMediaType, CodeBadUserInput, msg)
		return in, false
	}
	switch media {
	case "text/plain":
	case "text/html":
		in.HTML = new(string)
	case "application/pdf":
		in.PDF = []byte{}
	default:
		return unsupported("Content-Type " + strconv.Quote(ct) + " is not accepted: send text/plain or text/html, in UTF-8, or application/pdf")
	}
	if cs := strings.ToLower(params["charset"]); in.PDF == nil && cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii" {
		return unsupported("charset " + strconv.Quote(cs) + " is not accepted: send the document in UTF-8")
	}
	q := r.URL.Query()
	in.Title, in.Language, in.URL = q.Get("title"), q.Get("language"), q.Get("url")
	if p := q.Get("published"); p != "" {
		in.Published = &p
	}
	if v := q.Get("autoAccept"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			writeError(w, http.StatusBadRequest, CodeBadUserInput, "autoAccept "+strconv.Quote(v)+" is not a number between 0 and 1")
			return in, false
		}
		in.AutoAccept = f
	}
	return in, true
}

// ingestFailed answers an ingestion that stored nothing, in the shape of writeError, with
// the codes GraphQL gives the same errors (presented).
func ingestFailed(ctx context.Context, w http.ResponseWriter, err error) {
	var refused *ingest.Error
	var input *graph.InputError
	var conflict *graph.ConflictError
	switch {
	case errors.As(err, &refused):
		writeError(w, refused.Status, CodeBadUserInput, refused.Msg)
	case errors.As(err, &input):
		writeError(w, http.StatusBadRequest, CodeBadUserInput, input.Msg)
	case errors.Is(err, ingest.ErrTimeout):
		writeError(w, http.StatusGatewayTimeout, CodeTimeout, ingestTimeoutMessage)
	case errors.Is(err, ingest.ErrNoPDFReader):
		zerolog.Ctx(ctx).Warn().Msg("a PDF was sent, and pdftotext is not installed: apt-get install poppler-utils")
		writeError(w, http.StatusServiceUnavailable, CodeUnavailable, err.Error())
	case errors.Is(err, graph.ErrTimeout) || errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, CodeTimeout, "the request took too long and was stopped; nothing was stored")
	case errors.As(err, &conflict):
		writeError(w, http.StatusConflict, CodeConflict, conflict.Error())
	case errors.Is(err, graph.ErrUnavailable):
		writeError(w, http.StatusServiceUnavailable, CodeUnavailable, "the graph database is unavailable; try again shortly")
	default:
		zerolog.Ctx(ctx).Error().Err(err).Msg("ingestion failed")
		writeError(w, http.StatusInternalServerError, CodeInternal, "internal error (request "+RequestID(ctx)+")")
	}
}

// ingestTimeoutMessage says that an extraction took longer than it may.
const ingestTimeoutMessage = "the extraction took longer than the server allows (ENTENTE_INGEST_TIMEOUT; over GraphQL also ENTENTE_REQUEST_TIMEOUT); nothing was stored: send a shorter document, or POST it to /documents"

// ingestionJSON is an Ingestion as POST /documents answers it: the fields of the GraphQL
// type, with kinds and roles spelt as the API's enums.
func ingestionJSON(got *graph.Ingestion) map[string]any {
	d := got.Document
	nodes := make([]any, len(got.Nodes))
	for i, n := range got.Nodes {
		nodes[i] = map[string]any{"id": n.ID, "kind": graph.KindName(n.Kind), "name": n.Name, "aliases": orNone(n.Aliases),
			"confidence": n.Confidence, "status": n.Status}
	}
	edges := make([]any, len(got.Edges))
	for i, e := range got.Edges {
		var role any
		if e.Role != nil {
			role = graph.RoleName(*e.Role)
		}
		edges[i] = map[string]any{"id": e.ID, "kind": e.Kind, "from": e.From, "to": e.To, "role": role, "date": e.Date,
			"confidence": e.Confidence, "status": e.Status}
	}
	return map[string]any{
		"document": map[string]any{"id": d.ID, "kind": graph.KindName(d.Kind), "name": d.Name, "title": d.Title,
			"language": d.Language, "sha256": d.SHA256, "published": d.Published, "url": d.URL},
		"alreadyIngested": got.AlreadyIngested,
		"nodes":           nodes,
		"edges":           edges,
	}
}

func orNone(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
