package pdftext_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/loaders/pdftext"
	"github.com/entente/entente/loaders/pdftext/pdftest"
)

// needPoppler skips a test on a machine without poppler-utils, or fails it in CI
// (ENTENTE_REQUIRE_NETWORKX=1: every checker must run; .ci/run installs poppler-utils).
func needPoppler(t *testing.T) {
	t.Helper()
	if err := pdftext.Installed(); err != nil {
		skipOrFailTool(t, "pdftotext is not installed: apt-get install poppler-utils")
	}
}

// skipOrFailTool skips a test that needs a program this machine lacks, or fails it in CI.
func skipOrFailTool(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1" {
		t.Fatal(why + " (ENTENTE_REQUIRE_NETWORKX=1: every checker must run)")
	}
	t.Skip(why)
}

var release = []pdftest.Page{{
	"UNICRI and Morocco hold a workshop in Rabat",
	"",
	"Rabat, 26 January 2023 – The United Nations Interregional Crime and Justice Research",
	"Institute (UNICRI) organised a workshop with the Ministry of the Interior of Morocco on",
	"the rehabilitation of violent extremist offenders. The workshop was funded by the Euro-",
	"pean Union.",
}, {
	"Des représentants de la Direction générale de la sûreté nationale du Maroc ont participé",
	"à l’atelier.",
}}

// A text PDF is read in order, its wrapped lines joined into paragraphs, a blank line
// between paragraphs and a form feed line between pages; its Title metadata is read.
func TestReadText(t *testing.T) {
	needPoppler(t)
	doc, err := pdftext.Read(context.Background(), pdftest.Text("Atelier à Rabat – UNICRI", release...), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := "UNICRI and Morocco hold a workshop in Rabat\n\n" +
		"Rabat, 26 January 2023 – The United Nations Interregional Crime and Justice Research Institute (UNICRI) organised a workshop with the Ministry of the Interior of Morocco on the rehabilitation of violent extremist offenders. The workshop was funded by the Euro-pean Union." +
		pdftext.PageBreak +
		"Des représentants de la Direction générale de la sûreté nationale du Maroc ont participé à l’atelier."
	if doc.Text != want || doc.Pages != 2 || doc.Title != "Atelier à Rabat – UNICRI" {
		t.Errorf("got %d pages, title %q, text\n%q\nwant\n%q", doc.Pages, doc.Title, doc.Text, want)
	}
	if doc, err := pdftext.Read(context.Background(), pdftest.Text("", release[1]), 0); err != nil || doc.Title != "" || doc.Pages != 1 {
		t.Errorf("without a title: %+v %v", doc, err)
	}
}

// A long PDF is read in chunks of pages, in order, with its progress in the log.
func TestReadManyPages(t *testing.T) {
	needPoppler(t)
	const n = 2*pdftext.ChunkPages + 5
	pages := make([]pdftest.Page, n)
	for i := range pages {
		pages[i] = pdftest.Page{fmt.Sprintf("This is page %d of the report.", i+1)}
	}
	var logged bytes.Buffer
	ctx := zerolog.New(&logged).Level(zerolog.DebugLevel).WithContext(context.Background())
	doc, err := pdftext.Read(ctx, pdftest.Text("", pages...), 0)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(doc.Text, pdftext.PageBreak)
	if doc.Pages != n || len(got) != n {
		t.Fatalf("%d pages, %d texts", doc.Pages, len(got))
	}
	for i, p := range got {
		if p != fmt.Sprintf("This is page %d of the report.", i+1) {
			t.Errorf("page %d: %q", i+1, p)
		}
	}
	for _, done := range []int{pdftext.ChunkPages, 2 * pdftext.ChunkPages, n} {
		if !strings.Contains(logged.String(), fmt.Sprintf(`"pages_done":%d,"pages":%d`, done, n)) {
			t.Errorf("no progress at %d pages in the log:\n%s", done, logged.String())
		}
	}
}

// Pages without text (a scan) are refused; one such page among others is an empty page.
func TestReadImageOnly(t *testing.T) {
	needPoppler(t)
	if _, err := pdftext.Read(context.Background(), pdftest.ImageOnly(3), 0); !errors.Is(err, pdftext.ErrNoText) || !strings.Contains(err.Error(), "has no text layer; OCR it first") {
		t.Errorf("image-only PDF: %v", err)
	}
}

// What is not a PDF, or a damaged one, is refused with its reason.
func TestReadBadPDFs(t *testing.T) {
	needPoppler(t)
	good := pdftest.Text("", release...)
	for name, c := range map[string]struct {
		data []byte
		want error
	}{
		"text":           {[]byte("UNICRI and Morocco hold a workshop"), pdftext.ErrNotPDF},
		"png":            {[]byte("\x89PNG\r\n\x1a\n\x00\x00"), pdftext.ErrNotPDF},
		"empty":          {nil, pdftext.ErrNotPDF},
		"header only":    {[]byte("%PDF-1.7\n"), pdftext.ErrDamaged},
		"junk":           {[]byte("%PDF-1.4\nthis is not made of PDF objects\n"), pdftext.ErrDamaged},
		"truncated":      {good[:len(good)/3], pdftext.ErrDamaged},
		"locked":         {pdftest.Locked(), pdftext.ErrEncrypted},
		"no xref at all": {bytes.Replace(good, []byte("xref"), []byte("xxxx"), 1)[:len(good)-40], pdftext.ErrDamaged},
	} {
		doc, err := pdftext.Read(context.Background(), c.data, 0)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v %v, want %v", name, doc, err, c.want)
		}
	}
}

// A PDF encrypted by qpdf with a user password is refused as encrypted; one with an owner
// password only (restrictions, no password to open) is read.
func TestReadEncryptedByQpdf(t *testing.T) {
	needPoppler(t)
	if _, err := exec.LookPath("qpdf"); err != nil {
		skipOrFailTool(t, "qpdf is not installed (apt-get install qpdf); the hand-made locked PDF of TestReadBadPDFs stands in")
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.pdf")
	if err := os.WriteFile(plain, pdftest.Text("", release...), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		user string
		want error
	}{"user password": {"secret", pdftext.ErrEncrypted}, "owner password only": {"", nil}} {
		out := filepath.Join(dir, "out.pdf")
		if b, err := exec.Command("qpdf", "--encrypt", c.user, "owner", "256", "--extract=n", "--", plain, out).CombinedOutput(); err != nil {
			t.Fatalf("qpdf: %v %s", err, b)
		}
		data, _ := os.ReadFile(out)
		doc, err := pdftext.Read(context.Background(), data, 0)
		if !errors.Is(err, c.want) || (err == nil && !strings.Contains(doc.Text, "pean Union")) {
			t.Errorf("%s: %v %v, want %v", name, doc, err, c.want)
		}
		if err != nil && !strings.Contains(err.Error(), "encrypted") {
			t.Errorf("%s: %q does not say encrypted", name, err)
		}
	}
}

// Without poppler-utils, Read says which package to install.
func TestReadWithoutPoppler(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := pdftext.Read(context.Background(), pdftest.Text("", release...), 0)
	if !errors.Is(err, pdftext.ErrNotInstalled) || !strings.Contains(err.Error(), "poppler-utils") {
		t.Errorf("%v", err)
	}
	if _, err := pdftext.Read(context.Background(), []byte("not a pdf"), 0); !errors.Is(err, pdftext.ErrNotPDF) {
		t.Errorf("not a PDF, without poppler: %v", err)
	}
}

// The context's deadline stops the reading; a text over the limit is refused; the
// temporary copy of the PDF is removed whatever happens.
func TestReadLimitsAndCleanUp(t *testing.T) {
	needPoppler(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	pdf := pdftest.Text("", release...)
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	if _, err := pdftext.Read(ctx, pdf, 0); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("past the deadline: %v", err)
	}
	if _, err := pdftext.Read(context.Background(), pdf, 100); !errors.Is(err, pdftext.ErrTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := pdftext.Read(context.Background(), pdf, 1000); err != nil {
		t.Errorf("under the limit: %v", err)
	}
	if _, err := pdftext.Read(context.Background(), pdftest.Locked(), 0); err == nil {
		t.Error("locked PDF read")
	}
	restore := pdftext.SetMaxOutput(20000) // pdfinfo writes less, pdftotext's XHTML of the report more
	_, err := pdftext.Read(context.Background(), pdftest.Text("", pdftest.Report(3, "big")...), 0)
	restore()
	if !errors.Is(err, pdftext.ErrTooLarge) {
		t.Errorf("output over the limit: %v", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

// BenchmarkRead10Pages reads a 10-page PDF of about 500 words a page.
func BenchmarkRead10Pages(b *testing.B) {
	if err := pdftext.Installed(); err != nil {
		b.Skip("pdftotext is not installed: apt-get install poppler-utils")
	}
	pdf := pdftest.Text("Report", pdftest.Report(10, "R1")...)
	for b.Loop() {
		if _, err := pdftext.Read(context.Background(), pdf, 0); err != nil {
			b.Fatal(err)
		}
	}
}
