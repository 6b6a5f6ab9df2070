package server_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/loaders/pdftext"
	"github.com/entente/entente/loaders/pdftext/pdftest"
	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
)

// needPoppler skips a test on a machine without poppler-utils, or fails it in CI
// (ENTENTE_REQUIRE_NETWORKX=1: every checker must run; .ci/run installs poppler-utils).
func needPoppler(t testing.TB) {
	t.Helper()
	if err := pdftext.Installed(); err != nil {
		skipOrFailTool(t, "pdftotext is not installed: apt-get install poppler-utils")
	}
}

// skipOrFailTool skips a test that needs a program this machine lacks, or fails it in CI.
func skipOrFailTool(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1" {
		t.Fatal(why + " (ENTENTE_REQUIRE_NETWORKX=1: every checker must run)")
	}
	t.Skip(why)
}

// pressPDF is pressRelease as a two-page PDF: its lines wrapped as a word processor
// wraps them, the participants on the second page, and a Title in its metadata.
func pressPDF(title string) []byte {
	return pdftest.Text(title, pdftest.Page{
		"UNICRI and Morocco hold a workshop on violent extremism in Rabat",
		"",
		"Rabat, 26 January 2023 – The United Nations Interregional Crime and Justice Research",
		"Institute (UNICRI) organised a workshop in Rabat with the Ministry of the Interior of",
		"Morocco on the rehabilitation of violent extremist offenders. The workshop was funded",
		"by the European Union.",
	}, pdftest.Page{
		"Representatives of the General Directorate for National Security of Morocco, of the",
		"Ministry of Justice of Morocco and of INTERPOL took part in the workshop.",
	})
}

const queueOf = `query($id: ID!) { reviewQueue(document: $id, first: 100) { id kind sources { document { id } start end text } } }`

// POST /documents with a PDF: its text layer is ingested as a text would be, titled by its
// metadata unless the query gives a title, with a page break the spans count across; the
// same PDF again writes nothing; a reader key and no key are refused.
func TestPostPDF(t *testing.T) {
	needPoppler(t)
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	reader, editor := "Bearer "+tokens[auth.Reader], "Bearer "+tokens[auth.Editor]
	pdf := pressPDF("Workshop on violent extremism – Rabat")

	before := counted(t, store)
	for token, want := range map[string]int{"": 401, reader: 403} {
		if code, body := postDocument(t, srv.URL, token, "application/pdf", "", pdf); code != want {
			t.Errorf("token %q: %d %v, want %d", token, code, body, want)
		}
	}
	if counted(t, store) != before {
		t.Fatal("a refused PDF stored something")
	}

	code, ing := postDocument(t, srv.URL, editor, "application/pdf", "autoAccept=1", pdf)
	if code != http.StatusCreated || ing["alreadyIngested"] != false || at(ing, "document.title") != "Workshop on violent extremism – Rabat" ||
		at(ing, "document.language") != "en" || at(ing, "document.published") != "2023-01-26" {
		t.Fatalf("POST a PDF: %d %v", code, ing)
	}
	id := at(ing, "document.id").(string)
	text, err := store.DocumentText(context.Background(), id)
	if err != nil || text == nil {
		t.Fatalf("text of %s: %v %v", id, text, err)
	}
	brk := strings.Index(*text, pdftext.PageBreak)
	if strings.Count(*text, "\f") != 1 || brk < 0 ||
		!strings.Contains(*text, "Research Institute (UNICRI) organised a workshop in Rabat with the Ministry of the Interior of Morocco") {
		t.Errorf("stored text: %q", *text)
	}
	brkRunes := len([]rune((*text)[:brk]))
	runes := []rune(*text)
	d := data(t, post(t, srv.URL, reader, "", queueOf, map[string]any{"id": id}))
	spans, after := 0, 0
	kinds := map[any]int{}
	for _, e := range at(d, "reviewQueue").([]any) {
		kinds[at(e, "kind")]++
		for _, s := range at(e, "sources").([]any) {
			if at(s, "document.id") != id {
				continue
			}
			start, end := int(at(s, "start").(float64)), int(at(s, "end").(float64))
			if end > len(runes) || string(runes[start:end]) != at(s, "text") {
				t.Errorf("span %v does not slice the stored text", s)
			}
			spans++
			if start > brkRunes {
				after++
			}
		}
	}
	if spans == 0 || after == 0 || kinds["PARTICIPATED_IN"] == 0 || kinds["FUNDED"] == 0 {
		t.Errorf("%d spans, %d after the page break; edges by kind %v", spans, after, kinds)
	}

	before = counted(t, store)
	code, again := postDocument(t, srv.URL, editor, "application/pdf", "title=Other", pdf)
	if code != http.StatusOK || again["alreadyIngested"] != true || at(again, "document.id") != id {
		t.Errorf("the same PDF again: %d %v", code, again)
	}
	if counted(t, store) != before {
		t.Error("the same PDF posted twice stored something")
	}

	// A title in the query wins over the metadata; a file name as metadata is no title.
	q := url.Values{"title": {"Rabat workshop (PDF)"}, "url": {"https://unicri.org/rabat.pdf"}}.Encode()
	other := pdftest.Text("Microsoft Word - rabat.docx", pdftest.Report(2, "T")...)
	if code, got := postDocument(t, srv.URL, editor, "application/pdf", q, other); code != http.StatusCreated ||
		at(got, "document.title") != "Rabat workshop (PDF)" || at(got, "document.url") != "https://unicri.org/rabat.pdf" {
		t.Errorf("PDF with a title: %d %v", code, got)
	}
	if code, got := postDocument(t, srv.URL, editor, "application/pdf", "", pdftest.Text("report.docx", pdftest.Report(1, "U")...)); code != http.StatusCreated ||
		at(got, "document.title") != "Meeting report U, page 1" {
		t.Errorf("PDF titled by a file name: %d %v", code, got)
	}
}

// Bad PDFs are refused with their reason, and nothing is stored.
func TestPostPDFRefused(t *testing.T) {
	needPoppler(t)
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	editor := "Bearer " + tokens[auth.Editor]
	type bad struct {
		body   []byte
		status int
		msg    string
	}
	cases := map[string]bad{
		"empty":             {nil, 400, "empty"},
		"text as a PDF":     {[]byte(pressRelease), 415, "not a PDF"},
		"PNG as a PDF":      {[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 415, "not a PDF"},
		"header only":       {[]byte("%PDF-1.7\n"), 422, "damaged"},
		"broken":            {[]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R\nthis is broken"), 422, "damaged"},
		"truncated":         {pressPDF("")[:500], 422, "damaged"},
		"image only":        {pdftest.ImageOnly(2), 422, "has no text layer; OCR it first"},
		"locked (by hand)":  {pdftest.Locked(), 422, "encrypted"},
		"no text, one page": {pdftest.Text("", pdftest.Page{"", "", "– – –"}), 422, "has no text layer"},
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		dir := t.TempDir()
		plain, locked := filepath.Join(dir, "plain.pdf"), filepath.Join(dir, "locked.pdf")
		if err := os.WriteFile(plain, pressPDF(""), 0o600); err != nil {
			t.Fatal(err)
		}
		if b, err := exec.Command("qpdf", "--encrypt", "user-password", "owner-password", "256", "--", plain, locked).CombinedOutput(); err != nil {
			t.Fatalf("qpdf: %v %s", err, b)
		}
		data, _ := os.ReadFile(locked)
		cases["encrypted by qpdf"] = bad{data, 422, "encrypted"}
	} else if os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1" {
		t.Fatal("qpdf is not installed (apt-get install qpdf; .ci/run does) and every checker must run in CI")
	} else {
		t.Log("qpdf is not installed (apt-get install qpdf): only the hand-made encrypted PDF is tried")
	}
	before := counted(t, store)
	for name, c := range cases {
		code, body := postDocument(t, srv.URL, editor, "application/pdf", "", c.body)
		msg, _ := at(body, "errors.0.message").(string)
		if code != c.status || errCode(body) != server.CodeBadUserInput || !strings.Contains(msg, c.msg) {
			t.Errorf("%s: %d %v %q, want %d BAD_USER_INPUT with %q", name, code, errCode(body), msg, c.status, c.msg)
		}
	}
	if counted(t, store) != before {
		t.Error("a refused PDF stored something")
	}
}

// Without poppler-utils, a PDF is answered 503 UNAVAILABLE naming the package, and a text
// is still ingested.
func TestPostPDFWithoutPoppler(t *testing.T) {
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	editor := "Bearer " + tokens[auth.Editor]
	t.Setenv("PATH", t.TempDir())
	before := counted(t, store)
	code, body := postDocument(t, srv.URL, editor, "application/pdf", "", pressPDF(""))
	msg, _ := at(body, "errors.0.message").(string)
	if code != http.StatusServiceUnavailable || errCode(body) != server.CodeUnavailable || !strings.Contains(msg, "poppler-utils") {
		t.Errorf("%d %v %q, want 503 UNAVAILABLE naming poppler-utils", code, errCode(body), msg)
	}
	if counted(t, store) != before {
		t.Error("a PDF not read stored something")
	}
	if code, body := postDocument(t, srv.URL, editor, "text/plain", "", []byte(pressRelease)); code != http.StatusCreated {
		t.Errorf("a text without poppler: %d %v", code, body)
	}
}

// A 300-page PDF read past ENTENTE_INGEST_TIMEOUT is refused as TIMEOUT, with nothing
// stored and no temporary file left.
func TestPostPDFTimeout(t *testing.T) {
	needPoppler(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}, IngestTimeout: 300 * time.Millisecond})
	editor := "Bearer " + tokens[auth.Editor]
	pdf := pdftest.Text("", pdftest.Report(300, "long")...)
	before := counted(t, store)
	began := time.Now()
	code, body := postDocument(t, srv.URL, editor, "application/pdf", "", pdf)
	msg, _ := at(body, "errors.0.message").(string)
	if code != http.StatusGatewayTimeout || errCode(body) != server.CodeTimeout || !strings.Contains(msg, "nothing was stored") {
		t.Errorf("%d %v %q, want 504 TIMEOUT", code, errCode(body), msg)
	}
	if took := time.Since(began); took > 5*time.Second {
		t.Errorf("the refusal took %v", took)
	}
	if counted(t, store) != before {
		t.Error("a PDF past its time stored something")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

// BenchmarkIngest measures POST /documents end to end against the real Neo4j (read,
// extract, write in one transaction), each iteration a document the server has not seen:
// a 10-page PDF, a 300-page PDF and a 2,000-word HTML page with menus and a footer.
//
//	go run ./cmd/entente neo4j exec -- go test -p 1 -run '^$' -bench Ingest -benchtime 5x ./server/
func BenchmarkIngest(b *testing.B) {
	tokens, keys := keyring(b)
	srv, _ := hardened(b, server.Options{Access: &server.Access{Keys: keys}})
	editor := "Bearer " + tokens[auth.Editor]
	if code, body := postDocument(b, srv.URL, editor, "text/plain", "", []byte(pressRelease)); code != http.StatusCreated {
		b.Fatalf("warm-up: %d %v", code, body) // the first ingestion builds the extractor
	}
	run := 0
	post := func(b *testing.B, contentType string, document func(tag string) []byte) {
		for range b.N {
			b.StopTimer()
			run++
			doc := document(fmt.Sprint("run ", run))
			b.StartTimer()
			if code, body := postDocument(b, srv.URL, editor, contentType, "", doc); code != http.StatusCreated || len(body["edges"].([]any)) == 0 {
				b.Fatalf("%s: %d %v", contentType, code, body)
			}
		}
	}
	pdf := func(pages int) func(string) []byte {
		return func(tag string) []byte { return pdftest.Text("Report", pdftest.Report(pages, tag)...) }
	}
	b.Run("pdf-10-pages", func(b *testing.B) { needPoppler(b); post(b, "application/pdf", pdf(10)) })
	b.Run("pdf-300-pages", func(b *testing.B) { needPoppler(b); post(b, "application/pdf", pdf(300)) })
	b.Run("html-2000-words", func(b *testing.B) { post(b, "text/html", htmlPage) })
}

// htmlPage is a news page of at least 2,000 words in its article, with the menus, footer
// and script a real page has around it.
func htmlPage(tag string) []byte {
	var article strings.Builder
	words := 0
	for _, page := range pdftest.Report(40, tag) {
		for _, line := range page {
			if words >= 2000 {
				break
			}
			if line == "" {
				article.WriteString("</p>\n<p>")
				continue
			}
			article.WriteString(html.EscapeString(line) + " ")
			words += len(strings.Fields(line))
		}
	}
	return []byte(`<!doctype html><html><head><title>Meeting report ` + html.EscapeString(tag) + `</title><script>var x = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact</a></nav>
<article><h1>Meeting report</h1><p>` + article.String() + `</p></article>
<footer>Copyright. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>`)
}
