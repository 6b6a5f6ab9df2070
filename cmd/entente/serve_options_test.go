package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/server/auth"
)

// serveOptions parses serve's flags as `entente serve args...` would.
func serveOptions(t *testing.T, args ...string) (*config, serveFlags, error) {
	t.Helper()
	var sf serveFlags
	c, _, err := parse("serve", args, bindServe(&sf))
	if err != nil {
		t.Fatal(err)
	}
	_, err = sf.options(c.addr)
	return c, sf, err
}

func TestBadServeSettingNamesTheVariable(t *testing.T) {
	cases := map[string][]string{
		"ENTENTE_OPEN_READS":      {"-open-reads", "maybe"},
		"ENTENTE_INTROSPECTION":   {"-introspection", "yes please"},
		"ENTENTE_OPEN_METRICS":    {"-open-metrics", "sometimes"},
		"ENTENTE_CORS_ORIGINS":    {"-cors-origins", "example.org"},
		"ENTENTE_REQUEST_TIMEOUT": {"-request-timeout", "1ms"},
		"ENTENTE_EXPORT_TIMEOUT":  {"-export-timeout", "soon"},
		"ENTENTE_RATE_LIMIT":      {"-rate-limit", "-1"},
		"ENTENTE_RATE_BURST":      {"-rate-burst", "0"},
		"ENTENTE_MAX_COMPLEXITY":  {"-max-complexity", "lots"},
		"ENTENTE_MAX_DEPTH":       {"-max-depth", "1"},
		"ENTENTE_MAX_BODY":        {"-max-body", "1k"},
		"ENTENTE_API_KEYS_FILE":   {"-api-keys-file", filepath.Join(t.TempDir(), "missing")},
		"ENTENTE_API_KEYS":        {"-api-keys", "editor nothex alice"},
		"ENTENTE_TRUSTED_PROXIES": {"-trusted-proxies", "10.0.0.0/8,lb.local"},
	}
	for name, args := range cases {
		if _, _, err := serveOptions(t, args...); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%v: error %v, want one naming %s", args, err, name)
		}
	}
}

func TestServeDefaultsOpenReadsOnLoopbackOnly(t *testing.T) {
	_, line, _ := auth.New(auth.Editor, "alice")
	file := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(file, []byte(line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ENTENTE_API_KEYS_FILE", file)
	for addr, open := range map[string]bool{"127.0.0.1:8080": true, "localhost:8080": true, "[::1]:8080": true, "0.0.0.0:8080": false, "10.1.2.3:80": false} {
		c, sf, err := serveOptions(t, "-addr", addr)
		if err != nil {
			t.Fatal(err)
		}
		o, _ := sf.options(c.addr)
		if o.Access.OpenReads != open || o.Introspection != open || o.Access.OpenMetrics != open {
			t.Errorf("%s: open reads %v, introspection %v, want %v", addr, o.Access.OpenReads, o.Introspection, open)
		}
		rate := float64(defaultRateLimit)
		if open {
			rate = 0 // loopback: not rate-limited by default
		}
		if o.Access.Keys.Len() != 1 || o.RequestTimeout != 15*time.Second || o.RateLimit != rate {
			t.Errorf("%s: defaults %d keys, %v, %v", addr, o.Access.Keys.Len(), o.RequestTimeout, o.RateLimit)
		}
	}
	c, sf, err := serveOptions(t, "-addr", "0.0.0.0:8080", "-open-reads", "true", "-cors-origins", "https://a.example, http://b.example:8000")
	if err != nil {
		t.Fatal(err)
	}
	if o, _ := sf.options(c.addr); !o.Access.OpenReads || len(o.CORSOrigins) != 2 {
		t.Errorf("explicit settings: %+v %v", o.Access, o.CORSOrigins)
	}
}

// TestKeysReloadKeepsOldKeysOnError checks the SIGHUP reload: a new key works and a removed
// one stops at once, and a broken file leaves the keys in force as they were.
func TestKeysReloadKeepsOldKeysOnError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "keys.txt")
	line := func(role auth.Role, name string) (token, entry string) {
		token, entry, err := auth.New(role, name)
		if err != nil {
			t.Fatal(err)
		}
		return token, entry
	}
	aliceToken, alice := line(auth.Editor, "alice")
	bobToken, bob := line(auth.Reader, "bob")
	if err := os.WriteFile(file, []byte(alice+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, sf, err := serveOptions(t, "-api-keys-file", file)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := auth.Load(file, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(bob+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if n, err := sf.reloadKeys(keys); err != nil || n != 1 {
		t.Fatalf("reload: %d keys, %v", n, err)
	}
	if _, ok := keys.Lookup(aliceToken); ok {
		t.Error("a revoked key still works")
	}
	if c, ok := keys.Lookup(bobToken); !ok || c.Name != "bob" {
		t.Errorf("the new key does not work: %v %v", c, ok)
	}
	if err := os.WriteFile(file, []byte("editor nothex carol\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := sf.reloadKeys(keys); err == nil {
		t.Error("a broken keys file was accepted")
	}
	if _, ok := keys.Lookup(bobToken); !ok {
		t.Error("a failed reload dropped the keys in force")
	}
}
