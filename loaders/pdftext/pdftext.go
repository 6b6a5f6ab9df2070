// Package pdftext reads the text layer of a PDF as plain text for the extractor, with
// poppler's pdftotext and pdfinfo (Debian package poppler-utils), run as programs without
// a shell on a temporary copy of the PDF that is always removed.
//
// pdftotext -bbox-layout gives the words of each page in reading order (poppler's flows,
// so columns are read one after the other) grouped in blocks and lines; Read writes each
// block as a paragraph (its lines joined by a space, a line ending in a hyphen joined
// without one), paragraphs separated by a blank line and pages by a line holding a form
// feed: "page 1\n\f\npage 2". The extractor closes a sentence at every line end and reads
// a form feed as a space, so a paragraph wrapped over several lines in the PDF is read as
// the sentences it holds, and the text's offsets (code points) are those of the text Read
// returns. Long PDFs are read ChunkPages pages at a time, with progress in the log of the
// context, and the context's deadline stops the programs.
package pdftext

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rs/zerolog"
)

// ChunkPages is how many pages one run of pdftotext reads.
const ChunkPages = 20

// PageBreak separates the text of two pages.
const PageBreak = "\n\f\n"

// maxOutput is the most one run of a program may write (pdftotext's XHTML is about twenty
// times the text it holds): a PDF whose streams inflate past it is refused as too large.
var maxOutput = 64 << 20

// Errors returned by Read; each but ErrNotInstalled is about the PDF sent.
var (
	ErrNotPDF       = errors.New("the body is not a PDF (it does not start with %PDF-)")
	ErrEncrypted    = errors.New("the PDF is encrypted: it needs a password to open; send a copy saved without a password")
	ErrNoText       = errors.New("the PDF has no text layer; OCR it first (for instance with ocrmypdf) and send the result")
	ErrDamaged      = errors.New("the PDF is damaged and could not be read")
	ErrTooLarge     = errors.New("the PDF's text is larger than the limit")
	ErrNotInstalled = errors.New("PDF documents cannot be read on this server: pdftotext and pdfinfo are missing (install the Debian or Ubuntu package poppler-utils: apt-get install poppler-utils; Alpine: apk add poppler-utils)")
)

// Document is the text layer of a PDF.
type Document struct {
	Title string // the PDF's Title metadata, "" when it has none
	Pages int
	Text  string // pages separated by PageBreak, paragraphs by a blank line
}

// IsPDF reports whether data starts as a PDF does (%PDF-, after at most 1 KiB, as readers accept it).
func IsPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// Installed reports whether pdftotext and pdfinfo can be run, or why not (ErrNotInstalled).
func Installed() error {
	for _, p := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(p); err != nil {
			return ErrNotInstalled
		}
	}
	return nil
}

// Read returns the text layer of a PDF, refusing one whose text is over maxText bytes
// (0: no limit). An error is one of the package's, or the context's error (wrapped) when
// it ended first.
func Read(ctx context.Context, pdf []byte, maxText int) (*Document, error) {
	if !IsPDF(pdf) {
		return nil, ErrNotPDF
	}
	if err := Installed(); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp("", "entente-*.pdf")
	if err != nil {
		return nil, fmt.Errorf("pdftext: temporary file: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(pdf); err != nil {
		f.Close()
		return nil, fmt.Errorf("pdftext: temporary file: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("pdftext: temporary file: %w", err)
	}

	log := zerolog.Ctx(ctx)
	began := time.Now()
	out, err := run(ctx, "pdfinfo", "-enc", "UTF-8", f.Name())
	if err != nil {
		return nil, err
	}
	doc := &Document{}
	for _, line := range strings.Split(out, "\n") {
		k, v, _ := strings.Cut(line, ":")
		v = strings.TrimSpace(v)
		switch k {
		case "Title":
			doc.Title = strings.Join(strings.Fields(v), " ")
		case "Pages":
			doc.Pages, _ = strconv.Atoi(v)
		}
	}
	if doc.Pages <= 0 {
		return nil, fmt.Errorf("%w (it has no pages)", ErrDamaged)
	}
	pages := make([]string, 0, doc.Pages)
	size := 0
	for first := 1; first <= doc.Pages; first += ChunkPages {
		last := min(first+ChunkPages-1, doc.Pages)
		out, err := run(ctx, "pdftotext", "-bbox-layout", "-enc", "UTF-8", "-eol", "unix", "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), f.Name(), "-")
		if err != nil {
			return nil, err
		}
		got, err := pageTexts(out)
		if err != nil {
			return nil, err
		}
		for _, p := range got {
			size += len(p) + len(PageBreak)
		}
		if maxText > 0 && size > maxText {
			return nil, fmt.Errorf("%w (%d MiB)", ErrTooLarge, maxText>>20)
		}
		pages = append(pages, got...)
		ev := log.Debug()
		if doc.Pages > ChunkPages {
			ev = log.Info()
		}
		ev.Int("pages_done", last).Int("pages", doc.Pages).Dur("took", time.Since(began)).Msg("reading a PDF")
	}
	doc.Text = strings.Join(pages, PageBreak)
	if !hasText(doc.Text) {
		return nil, ErrNoText
	}
	return doc, nil
}

// run runs a poppler program and returns its output, or the error it means.
func run(ctx context.Context, name string, args ...string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("pdftext: %w", err)
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.WaitDelay = time.Second
	var stdout, stderr bytes.Buffer
	out := &capped{w: &stdout, n: maxOutput}
	cmd.Stdout, cmd.Stderr = out, &limited{w: &stderr, n: 4096}
	err := cmd.Run()
	if ctx.Err() != nil {
		return "", fmt.Errorf("pdftext: %s: %w", name, ctx.Err())
	}
	var exit *exec.ExitError
	switch {
	case out.over:
		return "", fmt.Errorf("%w (%s wrote more than %d MiB)", ErrTooLarge, name, maxOutput>>20)
	case err == nil:
		return stdout.String(), nil
	case errors.Is(err, exec.ErrNotFound):
		return "", ErrNotInstalled
	case !errors.As(err, &exit):
		return "", fmt.Errorf("pdftext: %s: %w", name, err)
	case strings.Contains(stderr.String(), "Incorrect password"):
		return "", ErrEncrypted
	}
	return "", fmt.Errorf("%w (%s)", ErrDamaged, firstLine(stderr.String(), exit))
}

// firstLine is the first line poppler wrote on its error output, else how it exited.
func firstLine(stderr string, exit *exec.ExitError) string {
	for _, l := range strings.Split(stderr, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return strings.ToValidUTF8(l, "?")
		}
	}
	return exit.String()
}

// limited keeps the first n bytes written to it and discards the rest.
type limited struct {
	w io.Writer
	n int
}

func (l *limited) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		l.w.Write(p[:k])
		l.n -= k
	}
	return len(p), nil
}

// capped passes on the first n bytes written to it, then fails, which stops the copy
// from the program (whose output pipe is then closed: it ends).
type capped struct {
	w    io.Writer
	n    int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if len(p) > c.n {
		c.over = true
		return 0, ErrTooLarge
	}
	c.n -= len(p)
	return c.w.Write(p)
}

// pageTexts reads the XHTML of pdftotext -bbox-layout into the text of each page.
func pageTexts(out string) ([]string, error) {
	d := xml.NewDecoder(strings.NewReader(clean(out)))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var (
		pages             []string
		page, block, line []string
		inWord            bool
		word              strings.Builder
	)
	endLine := func() {
		if len(line) > 0 {
			block = append(block, strings.Join(line, " "))
		}
		line = nil
	}
	endBlock := func() {
		endLine()
		if len(block) > 0 {
			var b strings.Builder
			for i, l := range block {
				if i > 0 && !hyphenated(block[i-1]) {
					b.WriteByte(' ')
				}
				b.WriteString(l)
			}
			page = append(page, b.String())
		}
		block = nil
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w (pdftotext's output could not be read: %v)", ErrDamaged, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "page":
				page = nil
			case "word":
				inWord = true
				word.Reset()
			}
		case xml.CharData:
			if inWord {
				word.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "word":
				inWord = false
				if w := strings.TrimSpace(word.String()); w != "" {
					line = append(line, w)
				}
			case "line":
				endLine()
			case "block":
				endBlock()
			case "page":
				endBlock()
				pages = append(pages, strings.Join(page, "\n\n"))
			}
		}
	}
	return pages, nil
}

// hyphenated reports whether a line ends in a hyphen after a letter ("coopera-"), which
// joins it to the next line without a space.
func hyphenated(line string) bool {
	s, ok := strings.CutSuffix(line, "-")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

// clean makes pdftotext's output valid UTF-8 XML text: control characters (which a PDF's
// fonts can map glyphs to) and U+FFFD become spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// hasText reports whether s has a letter or a digit.
func hasText(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
