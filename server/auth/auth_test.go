package auth

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewKeyLooksUpToItsCaller(t *testing.T) {
	token, line, err := New(Editor, "alice")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(line, token) || !strings.HasPrefix(line, "editor "+Hash(token)+" alice") {
		t.Fatalf("line %q should hold the hash, not the key", line)
	}
	other, otherLine, _ := New(Reader, "bob")
	keys, err := Parse(strings.NewReader("# keys\n"+line+"\n\n"+otherLine+"  # bob's\n"), "test")
	if err != nil {
		t.Fatal(err)
	}
	for tok, want := range map[string]Caller{token: {"alice", Editor}, other: {"bob", Reader}} {
		if c, ok := keys.Lookup(tok); !ok || c != want {
			t.Errorf("Lookup: %+v %v, want %+v", c, ok, want)
		}
	}
	for _, bad := range []string{"", token + "x", token[:len(token)-1], Hash(token)} {
		if c, ok := keys.Lookup(bad); ok {
			t.Errorf("Lookup(%q) found %+v", bad, c)
		}
	}
}

func TestParseNamesTheBadLine(t *testing.T) {
	h := Hash("k")
	for text, want := range map[string]string{
		"root " + h + " a":                       "test:1: role \"root\"",
		"reader abc a":                           "test:1: the hash must be 64 hex digits",
		"reader " + h:                            "test:1: want",
		"\nreader " + h + " a b":                 "test:2: want",
		"reader " + h + " a\neditor " + h + " a": "test:2: name \"a\" is used twice",
		"reader " + h + " a/b":                   "test:1: name",
	} {
		_, err := Parse(strings.NewReader(text), "test")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", text, err, want)
		}
	}
}

func TestLoadFileAndEnvironment(t *testing.T) {
	a, lineA, _ := New(Admin, "ops")
	b, lineB, _ := New(Reader, "web")
	file := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(file, []byte(lineA+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	keys, err := Load(file, lineB+";")
	if err != nil {
		t.Fatal(err)
	}
	if keys.Len() != 2 {
		t.Fatalf("%d keys", keys.Len())
	}
	if c, _ := keys.Lookup(a); c.Role != Admin {
		t.Errorf("file key: %+v", c)
	}
	if c, _ := keys.Lookup(b); c.Role != Reader {
		t.Errorf("environment key: %+v", c)
	}
	if _, err := Load(file, strings.Replace(lineB, "web", "ops", 1)); err == nil {
		t.Error("a name in both the file and the environment was accepted")
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing"), ""); err == nil || !strings.Contains(err.Error(), "ENTENTE_API_KEYS_FILE") {
		t.Errorf("missing file: %v", err)
	}
}

func TestBearer(t *testing.T) {
	for h, want := range map[string]string{"Bearer abc": "abc", "bearer  abc ": "abc", "Basic abc": "", "Bearer ": "", "abc": ""} {
		got, ok := Bearer(h)
		if got != want || ok != (want != "") {
			t.Errorf("Bearer(%q) = %q %v", h, got, ok)
		}
	}
}
