package server

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/entente/entente/server/generated"
)

// schemaLintDir holds the pinned graphql-schema-linter that `make test-tools` installs there
// (npm ci --prefix server/testdata/schemalint).
const schemaLintDir = "testdata/schemalint"

// schemaLintRules are the graphql-schema-linter rules schema/*.graphqls must pass with no
// error: every type, field, argument, input field and enum value is described, in
// sentences, with the naming and Relay conventions the schema follows.
var schemaLintRules = []string{
	"types-have-descriptions",
	"fields-have-descriptions",
	"arguments-have-descriptions",
	"input-object-values-have-descriptions",
	"enum-values-have-descriptions",
	"descriptions-are-capitalized",
	"deprecations-have-a-reason",
	"defined-types-are-used",
	"types-are-capitalized",
	"fields-are-camel-cased",
	"input-object-values-are-camel-cased",
	"enum-values-all-caps",
	"relay-connection-types-spec",
	"relay-connection-arguments-spec",
	"relay-page-info-spec",
}

// schemaLintMissing says why graphql-schema-linter cannot run here, or "" when it can.
func schemaLintMissing() string {
	if _, err := exec.LookPath("node"); err != nil {
		return "Node.js 20.19+ is needed to run graphql-schema-linter over schema/*.graphqls " +
			"(https://nodejs.org; Debian: apt-get install nodejs npm), then make test-tools"
	}
	if _, err := os.Stat(filepath.Join(schemaLintDir, "node_modules", "graphql-schema-linter", "lib", "cli.js")); err != nil {
		return "graphql-schema-linter is not installed: run make test-tools (npm ci --prefix server/" + schemaLintDir + ")"
	}
	return ""
}

// TestSchemaLint runs graphql-schema-linter's description rules (and the conventions above)
// over schema/*.graphqls and fails on any error. Without Node or the linter it skips, unless
// ENTENTE_REQUIRE_NETWORKX=1 (CI: every checker must run), which makes it fail.
func TestSchemaLint(t *testing.T) {
	if why := schemaLintMissing(); why != "" {
		if os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	files, err := filepath.Glob("../schema/*.graphqls")
	if err != nil || len(files) == 0 {
		t.Fatalf("no schema files in ../schema: %v", err)
	}
	args := append([]string{filepath.Join(schemaLintDir, "node_modules", "graphql-schema-linter", "lib", "cli.js"),
		"--format", "json", "--rules", strings.Join(schemaLintRules, ",")}, files...)
	cmd := exec.Command("node", args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var report struct {
		Errors []struct {
			Message  string `json:"message"`
			Rule     string `json:"rule"`
			Location struct {
				Line   int    `json:"line"`
				Column int    `json:"column"`
				File   string `json:"file"`
			} `json:"location"`
		} `json:"errors"`
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("graphql-schema-linter did not report as JSON (%v; exit: %v): %s%s", jerr, err, out, stderr.String())
	}
	perRule := map[string]int{}
	for _, e := range report.Errors {
		perRule[e.Rule]++
		t.Errorf("%s:%d:%d: %s (%s)", filepath.Base(e.Location.File), e.Location.Line, e.Location.Column, e.Message, e.Rule)
	}
	if len(report.Errors) > 0 {
		var counts []string
		for rule, n := range perRule {
			counts = append(counts, fmt.Sprintf("%s: %d", rule, n))
		}
		sort.Strings(counts)
		t.Errorf("graphql-schema-linter: %d errors in schema/*.graphqls (%s)", len(report.Errors), strings.Join(counts, ", "))
	} else if err != nil {
		t.Fatalf("graphql-schema-linter failed without reporting an error: %v: %s", err, stderr.String())
	}
}

// TestScalarsSpecifiedBy checks that introspection points Date and JSON to their specs
// (@specifiedBy), which GraphiQL and code generators show.
func TestScalarsSpecifiedBy(t *testing.T) {
	h := handler.New(generated.NewExecutableSchema(generated.Config{}))
	h.AddTransport(transport.POST{})
	h.Use(extension.Introspection{})
	var resp struct {
		Date, JSON struct{ SpecifiedByURL *string }
	}
	client.New(h).MustPost(`{ Date: __type(name: "Date") { specifiedByURL } JSON: __type(name: "JSON") { specifiedByURL } }`, &resp)
	for name, got := range map[string]*string{"Date": resp.Date.SpecifiedByURL, "JSON": resp.JSON.SpecifiedByURL} {
		want := map[string]string{"Date": "https://www.iso.org/standard/70907.html", "JSON": "https://www.rfc-editor.org/rfc/rfc8259"}[name]
		if got == nil || *got != want {
			t.Errorf("%s: specifiedByURL %v, want %s", name, got, want)
		}
	}
}
