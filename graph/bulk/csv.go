package bulk

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// ArrayDelimiter separates the elements of an array field (neo4j-admin's
// --array-delimiter): the unit separator, which no name, alias or source of a valid
// fixture holds; a value that does makes WriteCSV fail (ErrDelimiter), and the load falls
// back to the incremental path.
const ArrayDelimiter = '\x1f'

// ErrDelimiter is a value that holds ArrayDelimiter: it cannot be written as CSV.
var ErrDelimiter = errors.New("a value holds the CSV array delimiter (U+001F)")

// CSVWriter writes one CSV file for neo4j-admin: every string quoted (quotes doubled, as
// RFC 4180 and neo4j-admin read them), an absent value as an empty field, arrays as one
// quoted field of elements separated by ArrayDelimiter.
type CSVWriter struct {
	Path      string
	Multiline bool // a value holds a line break: neo4j-admin must be told (--multiline-fields)
	Rows      int
	f         *os.File
	b         *bufio.Writer
	first     bool
	err       error
}

// NewCSV creates the file path with its header line.
func NewCSV(path string, header ...string) (*CSVWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	w := &CSVWriter{Path: path, f: f, b: bufio.NewWriterSize(f, 1<<20), first: true}
	for _, h := range header {
		w.raw(h)
	}
	w.End()
	w.Rows = 0
	return w, nil
}

func (w *CSVWriter) sep() {
	if !w.first {
		w.b.WriteByte(',')
	}
	w.first = false
}

func (w *CSVWriter) raw(s string) {
	w.sep()
	w.b.WriteString(s)
}

// quote writes s between quotes, doubling the quotes it holds.
func (w *CSVWriter) quote(s string) {
	if strings.ContainsAny(s, "\n\r") {
		w.Multiline = true
	}
	w.b.WriteByte('"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		w.b.WriteString(s[:i+1])
		w.b.WriteByte('"')
		s = s[i+1:]
	}
	w.b.WriteString(s)
	w.b.WriteByte('"')
}

// Str writes a string value.
func (w *CSVWriter) Str(s string) {
	w.sep()
	w.quote(s)
}

// Opt writes s when ok, else an absent value.
func (w *CSVWriter) Opt(s string, ok bool) {
	if ok {
		w.Str(s)
	} else {
		w.Null()
	}
}

// Null writes an absent value.
func (w *CSVWriter) Null() { w.sep() }

// Float writes a number exactly.
func (w *CSVWriter) Float(f float64) {
	w.sep()
	w.b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
}

// Strs writes a string array; an empty one is absent (neo4j-admin stores no empty array).
func (w *CSVWriter) Strs(xs []string) {
	w.sep()
	if len(xs) == 0 {
		return
	}
	for _, x := range xs {
		if strings.IndexByte(x, ArrayDelimiter) >= 0 && w.err == nil {
			w.err = fmt.Errorf("%s: %w: %q", w.Path, ErrDelimiter, x)
		}
	}
	w.quote(strings.Join(xs, string(ArrayDelimiter)))
}

// Row writes a row of strings, every one present.
func (w *CSVWriter) Row(fields ...string) {
	for _, f := range fields {
		w.Str(f)
	}
	w.End()
}

// End ends a row.
func (w *CSVWriter) End() {
	w.b.WriteByte('\n')
	w.first = true
	w.Rows++
}

// Err is the first error met.
func (w *CSVWriter) Err() error { return w.err }

// Close flushes and closes the file.
func (w *CSVWriter) Close() error {
	err := w.b.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if w.err != nil {
		return w.err
	}
	return err
}
