package bulk

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestCSVQuotesWhatNeo4jAdminReads writes values that need quoting and reads them back as
// RFC 4180 (which neo4j-admin follows, with --legacy-style-quoting off): quotes doubled,
// commas and line breaks inside quotes, backslashes literal, arrays joined by the
// delimiter, absent values empty and unquoted, empty strings quoted.
func TestCSVQuotesWhatNeo4jAdminReads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "n.csv")
	w, err := NewCSV(path, "id:ID", "name", "aliases:string[]", "x")
	if err != nil {
		t.Fatal(err)
	}
	values := []string{`O'Brien, "Jim"`, "two\nlines\r\nand a \\ backslash", "Žižek 李 — été", ""}
	for i, v := range values {
		w.Str(string(rune('a' + i)))
		w.Str(v)
		w.Strs([]string{v, "x,y", `q"q`})
		w.Null()
		w.End()
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !w.Multiline {
		t.Error("a value with a line break did not mark the file multiline")
	}
	raw, _ := os.ReadFile(path)
	if !strings.Contains(string(raw), `,"",`) || !strings.HasSuffix(strings.Split(string(raw), "\n")[1], ",") {
		t.Errorf("an empty string must be quoted and an absent value empty:\n%s", raw)
	}
	r := csv.NewReader(strings.NewReader(string(raw)))
	r.FieldsPerRecord = 4
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range values {
		row := rows[i+1]
		if row[1] != strings.ReplaceAll(v, "\r\n", "\n") && row[1] != v {
			t.Errorf("row %d: name %q, want %q", i, row[1], v)
		}
		want := []string{v, "x,y", `q"q`}
		if v == "" {
			want = want[1:] // an empty element is dropped by the writer's caller (sets skip it)
		}
		got := strings.Split(row[2], string(ArrayDelimiter))
		if v != "" && !reflect.DeepEqual(got, []string{strings.ReplaceAll(v, "\r\n", "\n"), "x,y", `q"q`}) && !reflect.DeepEqual(got, want) {
			t.Errorf("row %d: aliases %q, want %q", i, got, want)
		}
		if row[3] != "" {
			t.Errorf("row %d: absent value read as %q", i, row[3])
		}
	}
}

// TestCSVRefusesTheDelimiter: an array element holding the delimiter is an error.
func TestCSVRefusesTheDelimiter(t *testing.T) {
	w, err := NewCSV(filepath.Join(t.TempDir(), "n.csv"), "a:string[]")
	if err != nil {
		t.Fatal(err)
	}
	w.Strs([]string{"a\x1fb"})
	w.End()
	if err := w.Close(); !errors.Is(err, ErrDelimiter) {
		t.Errorf("error %v, want ErrDelimiter", err)
	}
}
