// Package ingest turns a document sent to the service (plain text, an HTML page or a PDF)
// into the graph: the article of a page is read (loaders/htmltext), the text layer of a PDF
// (loaders/pdftext, within the same bounded time as the extraction), the text extracted by the
// same extractor as `entente extract` (loaders/extract) in a bounded time, each fact
// ACCEPTED at or above the confidence autoAccept and PROPOSED below it, and the fixture
// written with its text through graph.Store.Ingest, all or nothing. GraphQL's
// ingestDocument and POST /documents both call Service.Ingest.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/loaders/extract"
	"github.com/entente/entente/loaders/htmltext"
	"github.com/entente/entente/loaders/pdftext"
	"github.com/entente/entente/loaders/text"
)

// DefaultTimeout is how long the extraction of one document may take.
const DefaultTimeout = 30 * time.Second

// DefaultAutoAccept is the confidence at or above which an ingested fact is ACCEPTED.
const DefaultAutoAccept = 0.8

// MaxTextBytes is the longest text extracted (the extractor's limit).
const MaxTextBytes = extract.MaxBytes

// Input is one document to ingest: Text, HTML or PDF, exactly one.
type Input struct {
	Title      string  // "" : the page's title or the PDF's Title metadata, else the text's first line
	Text       *string // plain text, UTF-8
	HTML       *string // an HTML page, UTF-8; its article is read
	PDF        []byte  // a PDF; its text layer is read (nil: none)
	Language   string  // it, fr or en; "" detects it
	Published  *string // ISO date, possibly partial; nil: as the text says
	URL        string  // where it was published; "" when unknown
	AutoAccept float64 // 0..1
}

// Error is an ingestion refused for what was sent: nothing was stored. Status is the HTTP
// status POST /documents answers (GraphQL answers BAD_USER_INPUT).
type Error struct {
	Status int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

func refuse(status int, format string, args ...any) error {
	return &Error{Status: status, Msg: fmt.Sprintf(format, args...)}
}

// ErrTimeout is an extraction that took longer than the Service's timeout: nothing was stored.
var ErrTimeout = errors.New("the extraction took too long")

// ErrNoPDFReader is a PDF sent to a server without pdftotext (poppler-utils): nothing was stored.
var ErrNoPDFReader = pdftext.ErrNotInstalled

// Service ingests documents into a store. It is safe for concurrent use.
type Service struct {
	store   *graph.Store
	timeout time.Duration
	slots   chan struct{} // extractions running at once: one per CPU

	once sync.Once
	x    *extract.Extractor
	err  error
}

// New returns a Service writing into store, whose extractions may take timeout (0: DefaultTimeout).
func New(store *graph.Store, timeout time.Duration) *Service {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Service{store: store, timeout: timeout, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// Timeout is how long one extraction may take.
func (s *Service) Timeout() time.Duration { return s.timeout }

// extractor builds the extractor (its gazetteer indexes) once, on first use.
func (s *Service) extractor() (*extract.Extractor, error) {
	s.once.Do(func() { s.x, s.err = extract.New() })
	return s.x, s.err
}

// Ingest stores one document and what the extractor reads in it, or, when its text is
// stored already, answers that with nothing written. A refusal of what was sent is an
// *Error, an extraction past the timeout ErrTimeout; either way nothing is stored.
func (s *Service) Ingest(ctx context.Context, in Input) (*graph.Ingestion, error) {
	log := zerolog.Ctx(ctx)
	if !(in.AutoAccept >= 0 && in.AutoAccept <= 1) {
		return nil, refuse(http.StatusBadRequest, "autoAccept must be between 0 and 1")
	}
	switch in.Language {
	case "", "it", "fr", "en":
	default:
		return nil, refuse(http.StatusBadRequest, "language %q is not one Entente reads: it, fr or en (or leave it out to detect it)", in.Language)
	}
	if in.Published != nil && !fixtures.ValidDate(*in.Published) {
		return nil, refuse(http.StatusBadRequest, "published %q is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", *in.Published)
	}
	if utf8.RuneCountInString(in.Title) > fixtures.MaxNameChars || utf8.RuneCountInString(in.URL) > fixtures.MaxNameChars {
		return nil, refuse(http.StatusBadRequest, "title and url may have at most %d characters", fixtures.MaxNameChars)
	}
	// The extraction, with the reading of a PDF, has the Service's timeout (from when the
	// extractor is built: the first ingestion builds it).
	if _, err := s.extractor(); err != nil {
		return nil, err
	}
	xctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	var raw []byte
	title := strings.TrimSpace(in.Title)
	switch {
	case count(in.Text != nil, in.HTML != nil, in.PDF != nil) != 1:
		return nil, refuse(http.StatusBadRequest, "send the document as text or as html, exactly one of them")
	case in.Text != nil:
		raw = []byte(*in.Text)
	case in.PDF != nil:
		doc, err := s.readPDF(xctx, in.PDF)
		if err != nil {
			return nil, err
		}
		raw = []byte(doc.Text)
		if title == "" && !fileName(doc.Title) {
			title = doc.Title
		}
	default:
		page, err := htmltext.Article([]byte(*in.HTML), in.URL)
		switch {
		case errors.Is(err, htmltext.ErrEmptyPage):
			return nil, refuse(http.StatusBadRequest, "the document is empty")
		case errors.Is(err, htmltext.ErrNotUTF8):
			return nil, refuse(http.StatusBadRequest, "the page is not valid UTF-8 (send it in UTF-8)")
		case err != nil:
			return nil, refuse(http.StatusUnprocessableEntity, "%v", err)
		}
		raw = []byte(page.Text)
		if title == "" {
			title = page.Title
		}
	}
	if len(raw) > MaxTextBytes {
		return nil, refuse(http.StatusRequestEntityTooLarge, "the document's text is larger than %d MiB; split it", MaxTextBytes>>20)
	}
	sum := sha256.Sum256(raw)
	sha := hex.EncodeToString(sum[:])
	// A text stored before is answered at once, without extracting it again.
	if found, err := s.store.IngestedText(ctx, sha); err != nil || found != nil {
		return found, err
	}
	began := time.Now()
	f, err := s.extract(xctx, sha, raw, in.Language)
	if err != nil {
		return nil, err
	}
	log.Debug().Dur("took", time.Since(began)).Int("nodes", len(f.Nodes)).Int("edges", len(f.Edges)).Msg("document extracted")
	d := &f.Documents[0]
	d.File = ""
	d.URL = in.URL
	if title != "" {
		d.Title = title
		if utf8.RuneCountInString(d.Title) > fixtures.MaxNameChars {
			d.Title = string([]rune(d.Title)[:fixtures.MaxNameChars])
		}
	}
	if in.Published != nil {
		d.Published = in.Published
	}
	setStatuses(f, in.AutoAccept)
	got, err := s.store.Ingest(ctx, f)
	if err != nil {
		return nil, err
	}
	log.Info().Str("document", got.Document.ID).Bool("already_ingested", got.AlreadyIngested).
		Int("nodes", len(got.Nodes)).Int("edges", len(got.Edges)).Dur("took", time.Since(began)).Msg("document ingested")
	return got, nil
}

// readPDF reads the text layer of a PDF within ctx, in one of the slots, and says what
// is wrong with it as an *Error (ErrNoPDFReader without pdftotext, ErrTimeout past the
// deadline).
func (s *Service) readPDF(ctx context.Context, pdf []byte) (*pdftext.Document, error) {
	if !pdftext.IsPDF(pdf) {
		return nil, refuse(http.StatusUnsupportedMediaType, "the body is not a PDF: it does not start with %%PDF- (send a PDF file as application/pdf, a text as text/plain)")
	}
	if err := s.slot(ctx); err != nil {
		return nil, err
	}
	defer func() { <-s.slots }()
	began := time.Now()
	doc, err := pdftext.Read(ctx, pdf, MaxTextBytes)
	switch {
	case err == nil:
		zerolog.Ctx(ctx).Debug().Int("pages", doc.Pages).Int("bytes", len(doc.Text)).Dur("took", time.Since(began)).Msg("PDF read")
		return doc, nil
	case ctx.Err() != nil:
		return nil, timeoutOf(ctx)
	case errors.Is(err, pdftext.ErrNotInstalled):
		return nil, ErrNoPDFReader
	case errors.Is(err, pdftext.ErrEncrypted), errors.Is(err, pdftext.ErrNoText), errors.Is(err, pdftext.ErrDamaged):
		return nil, refuse(http.StatusUnprocessableEntity, "%v", err)
	case errors.Is(err, pdftext.ErrTooLarge):
		return nil, refuse(http.StatusRequestEntityTooLarge, "the document's text is larger than %d MiB; split it", MaxTextBytes>>20)
	}
	return nil, err
}

// slot takes one of the slots, or answers the timeout when ctx ends first.
func (s *Service) slot(ctx context.Context) error {
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return timeoutOf(ctx)
	}
	if ctx.Err() != nil {
		<-s.slots
		return timeoutOf(ctx)
	}
	return nil
}

// fileName reports whether a PDF's Title metadata is a file's name, as word processors
// write it ("Microsoft Word - report.docx", "report.pdf"), not a title.
func fileName(title string) bool {
	t := strings.ToLower(title)
	if strings.HasPrefix(t, "microsoft word - ") {
		return true
	}
	for _, ext := range []string{".doc", ".docx", ".odt", ".pdf", ".rtf", ".indd"} {
		if strings.HasSuffix(t, ext) {
			return true
		}
	}
	return false
}

func count(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// extract runs the extractor on raw within ctx (which bounds it by the Service's
// timeout), in one of the slots (so that extractions abandoned at their deadline, which
// run to their end, hold the CPUs they use and no more are started meanwhile). The
// document's id is made from its SHA-256.
func (s *Service) extract(ctx context.Context, sha string, raw []byte, lang string) (*fixtures.Fixture, error) {
	x, err := s.extractor()
	if err != nil {
		return nil, err
	}
	if err := s.slot(ctx); err != nil {
		return nil, err
	}
	type result struct {
		f   *fixtures.Fixture
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-s.slots }()
		f, err := x.ExtractText("sha256:"+sha, raw, lang)
		done <- result{f, err}
	}()
	select {
	case r := <-done:
		if ctx.Err() != nil {
			return nil, timeoutOf(ctx) // finished, but past its time
		}
		if r.err != nil {
			return nil, extractError(r.err)
		}
		return r.f, nil
	case <-ctx.Done():
		return nil, timeoutOf(ctx)
	}
}

// timeoutOf is the error of an extraction whose context ended: ErrTimeout at a deadline,
// else the context's error (the client went away).
func timeoutOf(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrTimeout
	}
	return ctx.Err()
}

// extractError says what the extractor refused, as an *Error.
func extractError(err error) error {
	switch {
	case errors.Is(err, text.ErrEmpty):
		return refuse(http.StatusBadRequest, "the document is empty")
	case errors.Is(err, text.ErrNotUTF8):
		return refuse(http.StatusBadRequest, "the document is not valid UTF-8 text (send it in UTF-8)")
	case errors.Is(err, text.ErrBinary):
		return refuse(http.StatusUnsupportedMediaType, "the document looks binary, not text: send text/plain or text/html")
	case errors.Is(err, text.ErrNoLanguage):
		return refuse(http.StatusUnprocessableEntity, "the document's language is not Italian, French or English (or too little text to tell); give language: it, fr or en if it is one of them")
	case errors.Is(err, extract.ErrTooLarge):
		return refuse(http.StatusRequestEntityTooLarge, "the document's text is larger than %d MiB; split it", MaxTextBytes>>20)
	}
	return err
}

// setStatuses makes each node and edge ACCEPTED when its confidence is at least
// autoAccept, else PROPOSED. (A fact stored as REJECTED stays so: graph's import keeps it.)
func setStatuses(f *fixtures.Fixture, autoAccept float64) {
	status := func(c *float64) string {
		if fixtures.ConfidenceOf(c) >= autoAccept {
			return fixtures.StatusAccepted
		}
		return fixtures.StatusProposed
	}
	for i := range f.Nodes {
		f.Nodes[i].Status = status(f.Nodes[i].Confidence)
	}
	for i := range f.Edges {
		f.Edges[i].Status = status(f.Edges[i].Confidence)
	}
}
