package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
)

// pressRelease is a short press release the extractor reads: sure participations (0.95),
// a less sure funding (0.5) and memberships of agencies in their state (0.56).
const pressRelease = `UNICRI and Morocco hold a workshop on violent extremism in Rabat

Rabat, 26 January 2023 – The United Nations Interregional Crime and Justice Research Institute (UNICRI) organised a workshop in Rabat with the Ministry of the Interior of Morocco on the rehabilitation of violent extremist offenders. The workshop was funded by the European Union.

Representatives of the General Directorate for National Security of Morocco, of the Ministry of Justice of Morocco and of INTERPOL took part in the workshop.
`

// pressPage is a press release as a web page: menu, header, footer and scripts around the article.
const pressPage = `<!DOCTYPE html><html lang="fr"><head><title>L'UNICRI et le Maroc organisent un atelier à Rabat</title>
<script>var tracker = "SCRIPT-TEXT";</script><style>body{}</style></head><body>
<nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/news">MENU-ACTUALITES</a></li></ul></nav>
<article><h1>L'UNICRI et le Maroc organisent un atelier à Rabat</h1>
<p>Rabat, le 14 mars 2023 – L'Institut interrégional de recherche des Nations Unies sur la criminalité et la justice (UNICRI)
a organisé un atelier à Rabat avec le Ministère de l'Intérieur du Maroc sur la prévention de l'extrémisme violent.</p>
<p>Des représentants de la Direction générale de la sûreté nationale du Maroc et d'INTERPOL ont participé à l'atelier,
financé par l'Union européenne.</p></article>
<footer class="footer"><p>FOOTER-TEXT © 2023 UNICRI. Tous droits réservés. Mentions légales.</p></footer></body></html>`

const germanText = `Die Vereinten Nationen und die Europäische Union haben in Berlin eine Konferenz über die Prävention von
gewalttätigem Extremismus abgehalten. Die Teilnehmer haben über die Zusammenarbeit der Polizei gesprochen und einen
Aktionsplan für die nächsten Jahre beschlossen, der von den Mitgliedstaaten unterstützt wird.`

// counted is what the store holds, for "nothing was stored".
func counted(t *testing.T, store *graph.Store) string {
	t.Helper()
	n, e, err := store.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(n, " nodes ", e, " relationships")
}

const ingestMutation = `mutation($in: IngestInput!) { ingestDocument(input: $in) {
	alreadyIngested
	document { id title language published url sha256 text }
	nodes { id kind status confidence }
	edges { id kind status confidence from { id status } to { id status } sources { document { id } start end text } } } }`

// ingestData runs ingestDocument and returns its result, failing on an error.
func ingestData(t *testing.T, srvURL, token string, in map[string]any) map[string]any {
	t.Helper()
	r := post(t, srvURL, token, "", ingestMutation, map[string]any{"in": in})
	if r.status != 200 || len(r.errors) > 0 {
		t.Fatalf("ingestDocument: %d %v", r.status, r.errors)
	}
	var d map[string]any
	if err := json.Unmarshal(r.raw["data"], &d); err != nil {
		t.Fatal(err)
	}
	return d["ingestDocument"].(map[string]any)
}

// checkStatuses checks that every edge of an ingestion is ACCEPTED when its confidence is
// at least autoAccept and PROPOSED below, unless it was imported ACCEPTED before (its
// history has an import), and returns the edges' statuses by kind.
func checkStatuses(t *testing.T, store *graph.Store, ing map[string]any, autoAccept float64) map[string][]string {
	t.Helper()
	byKind := map[string][]string{}
	for _, e := range ing["edges"].([]any) {
		e := e.(map[string]any)
		want := "PROPOSED"
		if e["confidence"].(float64) >= autoAccept {
			want = "ACCEPTED"
		} else if h, err := store.History(context.Background(), e["id"].(string)); err != nil {
			t.Fatal(err)
		} else if h[len(h)-1].Action == graph.ActionImport {
			want = "ACCEPTED" // loaded from the test's fixtures before
		}
		if e["status"] != want {
			t.Errorf("edge %v at %v is %v, want %s", e["id"], e["confidence"], e["status"], want)
		}
		byKind[e["kind"].(string)] = append(byKind[e["kind"].(string)], e["status"].(string))
	}
	return byKind
}

// ingestDocument over GraphQL: only an editor may; facts are ACCEPTED or PROPOSED by
// autoAccept; the document keeps its text, in which the spans count; the same text again
// writes nothing; the history says ingest by the key's name; an HTML page is read without
// its menus, footers and scripts.
func TestIngestDocumentOverGraphQL(t *testing.T) {
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	reader, editor := "Bearer "+tokens[auth.Reader], "Bearer "+tokens[auth.Editor]
	in := map[string]any{"text": pressRelease, "url": "https://unicri.org/news/rabat", "autoAccept": 0.75}
	before := counted(t, store)
	for _, c := range []struct {
		token, code string
		status      int
	}{{"", server.CodeUnauthenticated, 401}, {reader, server.CodeForbidden, 403}} {
		if r := post(t, srv.URL, c.token, "", ingestMutation, map[string]any{"in": in}); r.status != c.status || r.code() != c.code {
			t.Errorf("ingestDocument with token %q: %d %s, want %d %s", c.token, r.status, r.code(), c.status, c.code)
		}
	}
	if counted(t, store) != before {
		t.Fatal("a refused ingestion stored something")
	}

	ing := ingestData(t, srv.URL, editor, in)
	doc := ing["document"].(map[string]any)
	id, _ := doc["id"].(string)
	if ing["alreadyIngested"] != false || !strings.HasPrefix(id, "doc:sha256:") || doc["text"] != pressRelease ||
		doc["title"] != "UNICRI and Morocco hold a workshop on violent extremism in Rabat" || doc["language"] != "en" ||
		doc["published"] != "2023-01-26" || doc["url"] != "https://unicri.org/news/rabat" || len(doc["sha256"].(string)) != 64 {
		t.Errorf("document: %v", doc)
	}
	byKind := checkStatuses(t, store, ing, 0.75)
	if fmt.Sprint(byKind["PARTICIPATED_IN"]) != "[ACCEPTED ACCEPTED ACCEPTED ACCEPTED]" || fmt.Sprint(byKind["FUNDED"]) != "[PROPOSED]" {
		t.Errorf("edges by kind: %v", byKind)
	}
	runes := []rune(pressRelease)
	for _, e := range ing["edges"].([]any) {
		for _, s := range at(e, "sources").([]any) {
			s := s.(map[string]any)
			if at(s, "document.id") != id {
				continue // evidence of a fixture loaded before
			}
			if start, end := int(s["start"].(float64)), int(s["end"].(float64)); string(runes[start:end]) != s["text"] {
				t.Errorf("span %v does not slice the text", s)
			}
		}
	}
	if len(ing["nodes"].([]any)) < 5 {
		t.Errorf("nodes: %v", ing["nodes"])
	}
	d := data(t, post(t, srv.URL, reader, "", `query($id: ID!) { reviewQueue(document: $id) { kind status }
		history(id: $id) { actor action } node(id: $id) { ... on Document { text url } } }`, map[string]any{"id": id}))
	if at(d, "reviewQueue.0.status") != "PROPOSED" || at(d, "history.0.action") != "ingest" || at(d, "history.0.actor") != "test-editor" ||
		at(d, "node.text") != pressRelease {
		t.Errorf("after ingestion: %v", d)
	}
	kinds := map[any]bool{}
	for _, e := range at(d, "reviewQueue").([]any) {
		kinds[at(e, "kind")] = true
	}
	if !kinds["FUNDED"] || kinds["PARTICIPATED_IN"] {
		t.Errorf("review queue kinds %v: want the FUNDED, no PARTICIPATED_IN", kinds)
	}

	before = counted(t, store)
	again := ingestData(t, srv.URL, editor, map[string]any{"text": pressRelease, "autoAccept": 0.0})
	if again["alreadyIngested"] != true || at(again, "document.id") != id || len(again["edges"].([]any)) != len(ing["edges"].([]any)) {
		t.Errorf("again: %v", again)
	}
	checkStatuses(t, store, again, 0.75) // as stored the first time: nothing was written
	if counted(t, store) != before {
		t.Error("the same text ingested twice stored something")
	}

	page := ingestData(t, srv.URL, editor, map[string]any{"html": pressPage, "autoAccept": 0.0})
	text, _ := at(page, "document.text").(string)
	if at(page, "document.title") != "L'UNICRI et le Maroc organisent un atelier à Rabat" || at(page, "document.language") != "fr" ||
		!strings.Contains(text, "a organisé un atelier à Rabat") || !strings.Contains(text, "financé par l'Union européenne") {
		t.Errorf("page: %v", page["document"])
	}
	for _, junk := range []string{"SCRIPT-TEXT", "MENU-ACTUALITES", "FOOTER-TEXT", "Accueil"} {
		if strings.Contains(text, junk) {
			t.Errorf("the page's text keeps %q: %q", junk, text)
		}
	}
	checkStatuses(t, store, page, 0)
	if len(page["edges"].([]any)) == 0 {
		t.Error("nothing was read in the page")
	}

	before = counted(t, store)
	for name, c := range map[string]map[string]any{
		"unknown language":      {"text": pressRelease + " ", "language": "de"},
		"german text":           {"text": germanText},
		"empty text":            {"text": "  \n"},
		"text and html":         {"text": pressRelease, "html": pressPage},
		"neither":               {"title": "nothing"},
		"autoAccept above one":  {"text": pressRelease + "  ", "autoAccept": 1.5},
		"published not a date":  {"text": pressRelease + "   ", "published": "yesterday"},
		"a page without a text": {"html": "<html><body><script>x()</script></body></html>"},
	} {
		r := post(t, srv.URL, editor, "", ingestMutation, map[string]any{"in": c})
		if r.code() != server.CodeBadUserInput && r.code() != server.CodeValidationFailed {
			t.Errorf("%s: %d %s %v, want BAD_USER_INPUT", name, r.status, r.code(), r.errors)
		}
	}
	if counted(t, store) != before {
		t.Error("a refused ingestion stored something")
	}
}

// An extraction past its time is TIMEOUT and stores nothing.
func TestIngestTimeout(t *testing.T) {
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}, IngestTimeout: time.Nanosecond})
	before := counted(t, store)
	r := post(t, srv.URL, "Bearer "+tokens[auth.Editor], "", ingestMutation, map[string]any{"in": map[string]any{"text": pressRelease}})
	if r.code() != server.CodeTimeout || !strings.Contains(r.errors[0].Message, "nothing was stored") {
		t.Errorf("%d %s %v, want TIMEOUT", r.status, r.code(), r.errors)
	}
	code, body := postDocument(t, srv.URL, "Bearer "+tokens[auth.Editor], "text/plain", "", []byte(pressRelease))
	if code != http.StatusGatewayTimeout || errCode(body) != server.CodeTimeout {
		t.Errorf("POST /documents: %d %v, want 504 TIMEOUT", code, body)
	}
	if counted(t, store) != before {
		t.Error("an ingestion past its time stored something")
	}
}

func data(t *testing.T, r reply) map[string]any {
	t.Helper()
	if r.status != 200 || len(r.errors) > 0 {
		t.Fatalf("%d %v", r.status, r.errors)
	}
	var d map[string]any
	if err := json.Unmarshal(r.raw["data"], &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// postDocument sends a raw document to POST /documents with query parameters query.
func postDocument(t testing.TB, srvURL, token, contentType, query string, body []byte) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", srvURL+"/documents?"+query, bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, b := send(t, req, token)
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%d %s: not JSON: %v", resp.StatusCode, b, err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	return resp.StatusCode, out
}

func errCode(body map[string]any) any { return at(body, "errors.0.extensions.code") }

// POST /documents: a raw text or page with query parameters answers the Ingestion as JSON
// (201, then 200 alreadyIngested); every bad request is refused with its status and a
// message, and stores nothing.
func TestPostDocuments(t *testing.T) {
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}, MaxDocumentBytes: 4000})
	reader, editor := "Bearer "+tokens[auth.Reader], "Bearer "+tokens[auth.Editor]
	q := url.Values{"title": {"Workshop in Rabat"}, "published": {"2023-02"}, "url": {"https://unicri.org/x"}, "autoAccept": {"0.75"}}.Encode()

	before := counted(t, store)
	type bad struct {
		token, ct, query string
		body             []byte
		status           int
		code, msg        string
	}
	for name, c := range map[string]bad{
		"no key":              {"", "text/plain", q, []byte(pressRelease), 401, server.CodeUnauthenticated, "editor"},
		"wrong key":           {"Bearer ent_nope", "text/plain", q, []byte(pressRelease), 401, server.CodeUnauthenticated, "API key"},
		"reader key":          {reader, "text/plain", q, []byte(pressRelease), 403, server.CodeForbidden, "editor"},
		"empty body":          {editor, "text/plain", q, nil, 400, server.CodeBadUserInput, "empty"},
		"blank body":          {editor, "text/plain", q, []byte(" \n\t "), 400, server.CodeBadUserInput, "empty"},
		"invalid UTF-8":       {editor, "text/plain", q, []byte("Rabat, caf\xe9 " + pressRelease), 400, server.CodeBadUserInput, "UTF-8"},
		"binary as text":      {editor, "text/plain", q, append([]byte{0, 1, 2, 3, 0, 0, 0, 5, 6, 7, 0, 0}, bytes.Repeat([]byte{0}, 200)...), 415, server.CodeBadUserInput, "binary"},
		"octet-stream":        {editor, "application/octet-stream", q, []byte{0x89, 'P', 'N', 'G', 0, 0}, 415, server.CodeBadUserInput, "text/plain or text/html"},
		"image":               {editor, "image/png", q, []byte{0x89, 'P', 'N', 'G', 0, 0}, 415, server.CodeBadUserInput, "text/plain or text/html"},
		"no content type":     {editor, "", q, []byte(pressRelease), 415, server.CodeBadUserInput, "text/plain or text/html"},
		"not a pdf":           {editor, "application/pdf", q, []byte("%PFD-1.7\n"), 415, server.CodeBadUserInput, "not a PDF"},
		"latin-1":             {editor, "text/plain; charset=iso-8859-1", q, []byte(pressRelease), 415, server.CodeBadUserInput, "UTF-8"},
		"too large":           {editor, "text/plain", q, []byte(strings.Repeat(pressRelease, 8)), 413, server.CodeBadUserInput, "larger than 4000 bytes"},
		"unknown language":    {editor, "text/plain", "language=de", []byte(pressRelease), 400, server.CodeBadUserInput, "it, fr or en"},
		"language not read":   {editor, "text/plain", "", []byte(germanText), 422, server.CodeBadUserInput, "not Italian, French or English"},
		"autoAccept not a nb": {editor, "text/plain", "autoAccept=most", []byte(pressRelease), 400, server.CodeBadUserInput, "autoAccept"},
		"autoAccept above 1":  {editor, "text/plain", "autoAccept=2", []byte(pressRelease), 400, server.CodeBadUserInput, "autoAccept"},
		"bad published":       {editor, "text/plain", "published=soon", []byte(pressRelease), 400, server.CodeBadUserInput, "published"},
		"page without text":   {editor, "text/html", "", []byte("<html><head><title>x</title></head><body><script>x()</script></body></html>"), 422, server.CodeBadUserInput, "no article"},
	} {
		code, body := postDocument(t, srv.URL, c.token, c.ct, c.query, c.body)
		msg, _ := at(body, "errors.0.message").(string)
		if code != c.status || errCode(body) != c.code || !strings.Contains(msg, c.msg) {
			t.Errorf("%s: %d %v %q, want %d %s with %q", name, code, errCode(body), msg, c.status, c.code, c.msg)
		}
	}
	if counted(t, store) != before {
		t.Fatal("a refused document was stored")
	}

	code, ing := postDocument(t, srv.URL, editor, "text/plain; charset=utf-8", q, []byte(pressRelease))
	if code != http.StatusCreated || ing["alreadyIngested"] != false || at(ing, "document.title") != "Workshop in Rabat" ||
		at(ing, "document.published") != "2023-02" || at(ing, "document.url") != "https://unicri.org/x" || at(ing, "document.language") != "en" {
		t.Fatalf("POST /documents: %d %v", code, ing)
	}
	byKind := checkStatuses(t, store, ing, 0.75)
	if fmt.Sprint(byKind["FUNDED"]) != "[PROPOSED]" || len(byKind["PARTICIPATED_IN"]) != 4 {
		t.Errorf("edges by kind: %v", byKind)
	}
	for _, n := range ing["nodes"].([]any) {
		if k := at(n, "kind"); k != "STATE" && k != "AGENCY" && k != "UN_BODY" && k != "ORGANIZATION" && k != "MEETING" {
			t.Errorf("node kind %v", k)
		}
	}
	id := at(ing, "document.id")
	h, err := store.History(context.Background(), id.(string))
	if err != nil || len(h) != 1 || h[0].Action != graph.ActionIngest || h[0].Actor != "test-editor" {
		t.Errorf("history: %+v %v", h, err)
	}
	before = counted(t, store)
	code, again := postDocument(t, srv.URL, editor, "text/plain", "", []byte(pressRelease))
	if code != http.StatusOK || again["alreadyIngested"] != true || at(again, "document.id") != id {
		t.Errorf("again: %d %v", code, again)
	}
	if counted(t, store) != before {
		t.Error("the same text posted twice stored something")
	}

	code, page := postDocument(t, srv.URL, editor, "text/html; charset=UTF-8", "autoAccept=0", []byte(pressPage))
	if code != http.StatusCreated || at(page, "document.title") != "L'UNICRI et le Maroc organisent un atelier à Rabat" ||
		at(page, "document.language") != "fr" || len(page["edges"].([]any)) == 0 {
		t.Errorf("page: %d %v", code, page)
	}
	checkStatuses(t, store, page, 0)
	text, err := store.DocumentText(context.Background(), at(page, "document.id").(string))
	if err != nil || text == nil || strings.Contains(*text, "FOOTER-TEXT") || strings.Contains(*text, "SCRIPT-TEXT") || !strings.Contains(*text, "Direction générale") {
		t.Errorf("page text %v %v", text, err)
	}
}

// A body over the server's general limit (ENTENTE_MAX_BODY) is still accepted by
// POST /documents, whose limit is its own; /graphql keeps the general one.
func TestPostDocumentsHasItsOwnBodyLimit(t *testing.T) {
	tokens, keys := keyring(t)
	srv, _ := hardened(t, server.Options{Access: &server.Access{Keys: keys}, MaxBodyBytes: 300})
	editor := "Bearer " + tokens[auth.Editor]
	if code, body := postDocument(t, srv.URL, editor, "text/plain", "autoAccept=0", []byte(pressRelease)); code != http.StatusCreated {
		t.Errorf("a document larger than the general limit: %d %v", code, body)
	}
	if r := post(t, srv.URL, editor, "", ingestMutation, map[string]any{"in": map[string]any{"text": pressRelease + "\n"}}); r.status != 413 {
		t.Errorf("/graphql with a body over its limit: %d, want 413", r.status)
	}
}

// A document's text may be megabytes long: a hundred of them in one request are refused as
// too costly, a few are answered.
func TestDocumentTextIsCostly(t *testing.T) {
	tokens, keys := keyring(t)
	srv, _ := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	reader := "Bearer " + tokens[auth.Reader]
	if r := post(t, srv.URL, reader, "", `{ documents(first: 100) { edges { node { id text } } } }`, nil); r.code() != server.CodeComplexity {
		t.Errorf("a hundred texts: %d %s, want %s", r.status, r.code(), server.CodeComplexity)
	}
	d := data(t, post(t, srv.URL, reader, "", `{ documents(first: 5) { edges { node { id text url } } } }`, nil))
	if at(d, "documents.edges.0.node.id") == nil || at(d, "documents.edges.0.node.text") != nil {
		t.Errorf("documents loaded from fixtures have no text: %v", d)
	}
}

// The same document posted four times at once is stored once: one 201, three 200
// alreadyIngested, one document.
func TestPostDocumentsConcurrently(t *testing.T) {
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	editor := "Bearer " + tokens[auth.Editor]
	const n = 4
	codes := make([]int, n)
	ids := make([]any, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, body := postDocument(t, srv.URL, editor, "text/plain", "", []byte(pressRelease))
			codes[i], ids[i] = code, at(body, "document.id")
		}()
	}
	wg.Wait()
	created := 0
	for i := range n {
		switch {
		case codes[i] == http.StatusCreated:
			created++
		case codes[i] != http.StatusOK:
			t.Errorf("posting %d: %d", i, codes[i])
		}
		if ids[i] != ids[0] || ids[i] == nil {
			t.Errorf("document ids %v", ids)
		}
	}
	if created != 1 {
		t.Errorf("%d posts stored the document (codes %v), want 1", created, codes)
	}
	h, err := store.History(context.Background(), fmt.Sprint(ids[0]))
	if err != nil || len(h) != 1 {
		t.Errorf("history of the document: %v %v", h, err)
	}
}
