package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/server/auth"
)

func TestConfigPrintsEverySettingWithSecretsMasked(t *testing.T) {
	_, line, err := auth.New(auth.Reader, "prometheus")
	if err != nil {
		t.Fatal(err)
	}
	hash := strings.Fields(line)[1]
	t.Setenv("NEO4J_URI", "neo4j+s://bob:uri-secret@db.example:7687")
	t.Setenv("NEO4J_PASSWORD", "password-secret")
	t.Setenv("ENTENTE_API_KEYS", line)
	t.Setenv("ENTENTE_RATE_LIMIT", "5")
	var out bytes.Buffer
	if err := printConfig(&out, []string{"-addr", "0.0.0.0:9090"}); err != nil {
		t.Fatalf("a valid configuration: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, secret := range []string{"uri-secret", "password-secret", hash} {
		if strings.Contains(got, secret) {
			t.Errorf("config shows the secret %q:\n%s", secret, got)
		}
	}
	for _, s := range append(append([]setting{}, env...), serveEnv...) {
		if !strings.Contains(got, "\n"+s.name+" ") && !strings.HasPrefix(got, s.name+" ") {
			t.Errorf("config does not show %s", s.name)
		}
	}
	flat := strings.Join(strings.Fields(got), " ")
	for _, want := range []string{"NEO4J_PASSWORD ******** (environment)", "(1 key lines)", "bob:xxxxx@db.example:7687",
		"ENTENTE_ADDR 0.0.0.0:9090 (flag -addr)", "ENTENTE_RATE_LIMIT 5 (environment)", "ENTENTE_MAX_DEPTH 12 (default)",
		"-fixtures fixtures (default)", "GOGC", "open reads false", "1 API keys", "rate limit 5/s", "traces off",
		"OTEL_EXPORTER_OTLP_PROTOCOL http/protobuf (default)"} {
		if !strings.Contains(flat, want) {
			t.Errorf("config output lacks %q:\n%s", want, got)
		}
	}
}

func TestConfigNamesTheFirstInvalidSetting(t *testing.T) {
	cases := map[string]string{
		"NEO4J_URI":                   "localhost:7687",
		"NEO4J_DATABASE":              "my db",
		"ENTENTE_ADDR":                "127.0.0.1:70000",
		"LOG_LEVEL":                   "loud",
		"ENTENTE_NEO4J_HEAP":          "lots",
		"ENTENTE_OPEN_METRICS":        "perhaps",
		"ENTENTE_REQUEST_TIMEOUT":     "soon",
		"ENTENTE_RATE_LIMIT":          "fast",
		"ENTENTE_RATE_BURST":          "-3",
		"ENTENTE_MAX_BODY":            "1k",
		"ENTENTE_TRUSTED_PROXIES":     "10.0.0.0/40",
		"OTEL_EXPORTER_OTLP_ENDPOINT": "collector:4317",
		"OTEL_EXPORTER_OTLP_PROTOCOL": "udp",
		"OTEL_SERVICE_NAME":           " ",
	}
	for name, value := range cases {
		t.Run(name, func(t *testing.T) {
			t.Setenv(name, value)
			if err := printConfig(&bytes.Buffer{}, nil); err == nil || !strings.Contains(err.Error(), name) {
				t.Errorf("%s=%s: error %v, want one naming %s", name, value, err, name)
			}
		})
	}
	t.Run("first", func(t *testing.T) {
		t.Setenv("NEO4J_URI", "bolt://host:99999")
		t.Setenv("ENTENTE_MAX_DEPTH", "deep")
		t.Setenv("ENTENTE_MAX_BODY", "big")
		err := printConfig(&bytes.Buffer{}, nil)
		if err == nil || !strings.Contains(err.Error(), "NEO4J_URI") || strings.Contains(err.Error(), "ENTENTE_MAX") {
			t.Errorf("error %v, want NEO4J_URI's alone", err)
		}
		t.Setenv("NEO4J_URI", "")
		err = printConfig(&bytes.Buffer{}, nil)
		if err == nil || !strings.Contains(err.Error(), "ENTENTE_MAX_DEPTH") || strings.Contains(err.Error(), "ENTENTE_MAX_BODY") {
			t.Errorf("error %v, want ENTENTE_MAX_DEPTH's alone", err)
		}
	})
}

// TestConfigCommandExitCode runs the binary: 0 and masked settings on stdout for a valid
// configuration, 1 and a message naming the setting on stderr for an invalid one.
func TestConfigCommandExitCode(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "entente")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	run := func(env ...string) (int, string, string) {
		cmd := exec.Command(bin, "config")
		cmd.Env = append(os.Environ(), env...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), stdout.String(), stderr.String()
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, stdout.String(), stderr.String()
	}
	code, stdout, _ := run("NEO4J_PASSWORD=hunter2", "NEO4J_URI=bolt://127.0.0.1:7687")
	if code != 0 || strings.Contains(stdout, "hunter2") || !strings.Contains(stdout, "NEO4J_PASSWORD") {
		t.Errorf("valid configuration: exit %d, stdout:\n%s", code, stdout)
	}
	for _, bad := range []string{"NEO4J_URI=http://localhost:7474", "ENTENTE_RATE_LIMIT=many", "ENTENTE_ADDR=:65536"} {
		code, _, stderr := run(bad)
		name := strings.SplitN(bad, "=", 2)[0]
		if code == 0 || !strings.Contains(stderr, name) {
			t.Errorf("%s: exit %d, stderr %q: want non-zero and a message naming %s", bad, code, stderr, name)
		}
	}
}

// TestReadmeListsEverySetting keeps the README's configuration table in step with the
// settings the binary reads.
func TestReadmeListsEverySetting(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(append([]setting{}, env...), serveEnv...) {
		if !strings.Contains(string(readme), "| `"+s.name+"`") && !strings.Contains(string(readme), "/ `"+s.name+"`") {
			t.Errorf("README's configuration table has no row for %s", s.name)
		}
	}
}
