package localdb

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// AdminMain is the main class of neo4j-admin in the jars. bin/neo4j-admin starts
// org.neo4j.server.startup.Neo4jAdminBoot, which hands over to Neo4jAdminCommand, a boot
// loader that starts a second JVM running this class; run directly (with NEO4J_HOME and
// NEO4J_CONF set), it is one JVM.
const AdminMain = "org.neo4j.cli.AdminTool"

// Database is the database the local server serves, which Import fills.
const Database = "neo4j"

// ImportOptions says what `neo4j-admin database import full` reads.
type ImportOptions struct {
	LibDir         string   // the Neo4j jars
	Home           string   // the server home (Options.Home) whose database is filled
	Heap           string   // JVM heap of the importer, e.g. "1g"
	OffHeap        string   // --max-off-heap-memory, e.g. "2g" (default: the tool's, 90% of free memory)
	Nodes          []string // CSV files of nodes, each with its header
	Relationships  []string // CSV files of relationships, each with its header
	Multiline      []string // those whose values hold line breaks
	ArrayDelimiter string   // e.g. "U+001F"
}

// ImportResult says how the import went.
type ImportResult struct {
	Took   time.Duration
	Output string // the tool's own summary (its last lines)
}

// Import fills the database of a stopped local server (Home) with neo4j-admin's bulk
// importer. The tool writes into a fresh database directory of a staging home beside
// Home; only once it succeeds are the store and transaction logs moved into Home (the
// database there, empty, set aside and removed), so that a failed import leaves Home as
// it was. It refuses a Home whose server runs.
func Import(ctx context.Context, o ImportOptions) (ImportResult, error) {
	home, err := filepath.Abs(o.Home)
	if err != nil {
		return ImportResult{}, err
	}
	if InUse(home) {
		return ImportResult{}, fmt.Errorf("the Neo4j of %s is running: a bulk import needs it stopped", home)
	}
	if jars, _ := filepath.Glob(filepath.Join(o.LibDir, "neo4j-*.jar")); len(jars) == 0 {
		return ImportResult{}, fmt.Errorf("no Neo4j jars in %s: run `make neo4j` (Maven resolves them from neo4j/pom.xml)", o.LibDir)
	}
	java, err := findJava()
	if err != nil {
		return ImportResult{}, err
	}
	libDir, err := filepath.Abs(o.LibDir)
	if err != nil {
		return ImportResult{}, err
	}
	if err := os.MkdirAll(filepath.Join(home, "data"), 0o755); err != nil {
		return ImportResult{}, err
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	staging := filepath.Join(home, ".bulk-import-"+hex.EncodeToString(b))
	defer os.RemoveAll(staging)
	for _, d := range []string{"conf", "data", "logs"} {
		if err := os.MkdirAll(filepath.Join(staging, d), 0o755); err != nil {
			return ImportResult{}, err
		}
	}
	conf := strings.Join(append([]string{
		"# Written by Entente (graph/localdb) for one bulk import.",
	}, homeDirectories(staging)...), "\n") + "\n"
	if err := os.WriteFile(filepath.Join(staging, "conf", "neo4j.conf"), []byte(conf), 0o644); err != nil {
		return ImportResult{}, err
	}
	heap := o.Heap
	if heap == "" {
		heap = "1g"
	}
	args := []string{"-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-Dfile.encoding=UTF-8",
		"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
		"-cp", filepath.Join(libDir, "*"), AdminMain,
		"database", "import", "full", Database,
		"--report-file=" + filepath.Join(staging, "import.report"),
	}
	if o.ArrayDelimiter != "" {
		args = append(args, "--array-delimiter="+o.ArrayDelimiter)
	}
	if o.OffHeap != "" {
		args = append(args, "--max-off-heap-memory="+o.OffHeap)
	}
	if len(o.Multiline) > 0 {
		args = append(args, "--multiline-fields-format=v2", "--multiline-fields="+strings.Join(o.Multiline, ","))
	}
	for _, f := range o.Nodes {
		args = append(args, "--nodes="+f)
	}
	for _, f := range o.Relationships {
		args = append(args, "--relationships="+f)
	}
	cmd := exec.CommandContext(ctx, java, args...)
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+staging, "NEO4J_CONF="+filepath.Join(staging, "conf"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Dir = staging
	began := time.Now()
	err = cmd.Run()
	said := withoutProgress(out.String())
	res := ImportResult{Took: time.Since(began), Output: tail(said, 12)}
	if err != nil {
		if report, _ := os.ReadFile(filepath.Join(staging, "import.report")); len(report) > 0 {
			said += "\n" + tail(string(report), 10)
		}
		return res, fmt.Errorf("neo4j-admin database import failed (%v); nothing was changed in %s:\n%s", err, home, tail(said, 25))
	}
	if err := swapIn(staging, home); err != nil {
		return res, err
	}
	return res, nil
}

// swapIn moves the database and transaction logs that the import wrote in staging into
// home, setting aside those home has (an empty database) until the move is done.
func swapIn(staging, home string) error {
	parts := []string{filepath.Join("databases", Database), filepath.Join("transactions", Database)}
	old := filepath.Join(staging, "old")
	var setAside, movedIn []string
	undo := func() {
		for _, p := range movedIn {
			_ = os.RemoveAll(filepath.Join(home, "data", p))
		}
		for _, p := range setAside {
			_ = os.RemoveAll(filepath.Join(home, "data", p))
			_ = os.Rename(filepath.Join(old, p), filepath.Join(home, "data", p))
		}
	}
	for _, p := range parts {
		src := filepath.Join(home, "data", p)
		if _, err := os.Stat(src); errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(old, p)), 0o755); err != nil {
			undo()
			return err
		}
		if err := os.Rename(src, filepath.Join(old, p)); err != nil {
			undo()
			return err
		}
		setAside = append(setAside, p)
	}
	for _, p := range parts {
		dst := filepath.Join(home, "data", p)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			undo()
			return err
		}
		if err := os.Rename(filepath.Join(staging, "data", p), dst); err != nil {
			undo()
			return fmt.Errorf("moving the imported database into %s: %w", home, err)
		}
		movedIn = append(movedIn, p)
	}
	return nil
}

// HasDatabase says whether the home's server has ever created its database (a home where
// it has not is empty).
func HasDatabase(home string) bool {
	_, err := os.Stat(filepath.Join(home, "data", "databases", Database))
	return err == nil
}

// withoutProgress is the tool's output without its progress lines (rows of dots).
func withoutProgress(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "..........") && strings.TrimSpace(l) != "" {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func tail(s string, lines int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(ls) > lines {
		ls = ls[len(ls)-lines:]
	}
	return strings.Join(ls, "\n")
}
