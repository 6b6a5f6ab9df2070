package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

func TestBadInput(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		raw  []byte
		want error
	}{
		{"empty", nil, text.ErrEmpty},
		{"blank", []byte(" \n\t\n"), text.ErrEmpty},
		{"binary", []byte("\x00\x01\x02\x03PK\x03\x04 some zip"), text.ErrBinary},
		{"latin1", []byte("Il Ministero dell'Interno ha partecipato alla riunione di Parigi \xe0 Roma."), text.ErrNotUTF8},
		{"german", []byte("Die Konferenz der Innenminister hat heute in Berlin über die Zusammenarbeit der Polizeibehörden beraten und einen Aktionsplan beschlossen."), text.ErrNoLanguage},
		{"too large", bytes.Repeat([]byte("a "), MaxBytes/2+1), ErrTooLarge},
	} {
		_, err := x.Extract(c.name+".txt", c.raw)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

// TestExtractFile checks the file-level refusals: a missing file, a folder, and a
// sparse 100 MB file, refused from its size without being read.
func TestExtractFile(t *testing.T) {
	x, _ := New()
	dir := t.TempDir()
	if _, err := x.ExtractFile(filepath.Join(dir, "missing.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := x.ExtractFile(dir); err == nil {
		t.Error("a folder was accepted")
	}
	big := filepath.Join(dir, "big.txt")
	fh, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := fh.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	if _, err := x.ExtractFile(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("100 MB file: %v", err)
	}
	ok := filepath.Join(dir, "ok.txt")
	os.WriteFile(ok, []byte("Il 3 luglio 2023 il Ministero dell'Interno e l'UNODC hanno firmato a Vienna un memorandum d'intesa."), 0o644)
	if f, err := x.ExtractFile(ok); err != nil || f.Documents[0].ID != "doc:ok" {
		t.Errorf("ok.txt: %v", err)
	}
}

// TestNoPunctuation checks that text without punctuation, built to make names and
// cue lists run on, is read in bounded time (it took minutes before names and
// sentences were bounded).
func TestNoPunctuation(t *testing.T) {
	x, _ := New()
	for _, unit := range []string{"per il ministero dell'Interno e il progetto ATLAS organizzato da UNICRI ",
		"ufficio di coordinamento e pianificazione ", "Mario Rossi, direttore del Ministero, "} {
		raw := []byte("Il progetto è della Polizia. " + strings.Repeat(unit, (256<<10)/len(unit)))
		start := time.Now()
		if _, err := x.Extract("p.txt", raw); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%q repeated over 256 KiB took %v", unit, d)
		}
	}
}

// TestLargeDocument checks that a document near the size limit is read in bounded time
// and gives a valid fixture.
func TestLargeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("large document")
	}
	raw := corpus(t, 4<<20)
	x, _ := New()
	f, err := x.Extract("large.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Nodes) == 0 {
		t.Fatal("no nodes in a large document")
	}
}

// corpus concatenates the test documents up to n bytes.
func corpus(t testing.TB, n int) []byte {
	files, _ := filepath.Glob("../../testdata/loaders/own/*.txt")
	var b bytes.Buffer
	for b.Len() < n {
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(raw)
			b.WriteString("\n\n")
		}
	}
	return b.Bytes()[:n]
}

// FuzzExtract checks that no input makes Extract panic, and that what it returns is a
// valid fixture whose sources quote the text exactly.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/loaders/own/*.txt")
	for _, file := range files {
		raw, _ := os.ReadFile(file)
		f.Add(raw)
	}
	for _, s := range []string{"", "\x00", "Il 26 e 27 gennaio 2023 a Rabat", "(UNICRI)", "Stefano GAMBACURTA,", "“Roadmap”",
		"les 18 et 7 novembre", "19/04/2024", "dal 25 al 28 gennaio 2022 ((( ;;; ", "M. A B, directeur de la (X)"} {
		f.Add([]byte(s))
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		fx, err := x.Extract("fuzz.txt", raw)
		if err != nil {
			return
		}
		if ps := fixtures.Validate(fx); len(ps) > 0 {
			t.Fatalf("invalid fixture: %v", ps[0])
		}
		runes := []rune(string(raw))
		if utf8.Valid(raw) {
			runes = []rune(fxText(raw))
		}
		for _, n := range fx.Nodes {
			for _, s := range n.Sources {
				if s.Reference == "" && string(runes[s.Start:s.End]) != s.Text {
					t.Fatalf("source %+v does not quote the text", s)
				}
			}
		}
	})
}

// fxText is the text offsets count in: the NFC form without a byte-order mark.
func fxText(raw []byte) string {
	d, _ := text.Analyse(raw)
	if d == nil {
		return strings.TrimPrefix(string(raw), "\ufeff")
	}
	return d.Text
}

// TestPluralTitleBeforeAList checks that a subject list read backwards past a plural title
// ends: "The ministers Italy and France joined X" once looped for ever.
func TestPluralTitleBeforeAList(t *testing.T) {
	x, _ := New()
	done := make(chan error, 1)
	go func() {
		_, err := x.Extract("titles.txt", []byte("Vienna, 3 May 2019 – The meeting was held in Vienna. The ministers Italy and France joined INTERPOL.\n"))
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("extraction does not end on a list after a plural title")
	}
}
