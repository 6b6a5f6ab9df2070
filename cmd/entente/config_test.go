package main

import (
	"strings"
	"testing"
)

func TestBadConfigNamesTheVariable(t *testing.T) {
	cases := map[string][]string{
		"NEO4J_URI":               {"-neo4j-uri", "http://localhost:7474"},
		"ENTENTE_ADDR":            {"-addr", "8080"},
		"LOG_LEVEL":               {"-log-level", "loud"},
		"LOG_FORMAT":              {"-log-format", "xml"},
		"ENTENTE_NEO4J_HEAP":      {"-neo4j-heap", "lots"},
		"ENTENTE_NEO4J_PAGECACHE": {"-neo4j-pagecache", "12"},
	}
	for name, args := range cases {
		_, _, err := parse("serve", args, nil)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%v: error %v, want one naming %s", args, err, name)
		}
	}
}

func TestEnvironmentIsReadAndFlagsOverrideIt(t *testing.T) {
	t.Setenv("ENTENTE_ADDR", "127.0.0.1:9999")
	t.Setenv("LOG_FORMAT", "json")
	c, _, err := parse("serve", []string{"-log-format", "console"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.addr != "127.0.0.1:9999" || c.logFormat != "console" {
		t.Errorf("addr %q, format %q", c.addr, c.logFormat)
	}
}
