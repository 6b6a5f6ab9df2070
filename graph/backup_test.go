package graph_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// loadSeedAndCurate loads the seed fixtures (each recorded as a loaded file), then
// curates: a node upserted, an edge added, two nodes merged (a redirect).
func loadSeedAndCurate(t *testing.T, store *graph.Store) {
	t.Helper()
	ctx := context.Background()
	files, err := filepath.Glob("../fixtures/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed fixtures: %v", err)
	}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(raw)
		if _, err := store.ImportFile(ctx, read(t, file), hex.EncodeToString(sum[:]), file, nil); err != nil {
			t.Fatal(err)
		}
	}
	title := "analyst <b>&</b> \"quoted\" — ünïcode"
	country := "IT"
	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "org:backup-test", Kind: "Organization", Name: "Backup Test Org",
		Aliases: []string{"BTO", "Organisation de test"}, Country: &country, Properties: map[string]any{"description": title}}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddEdge(ctx, fixtures.Edge{Kind: "MEMBER_OF", From: "unbody:unicri", To: "org:backup-test"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "org:backup-dup", Kind: "Organization", Name: "Backup Test Organisation"}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddEdge(ctx, fixtures.Edge{Kind: "PARTICIPATED_IN", From: "org:backup-dup", To: "meeting:2024-04-19:rome:meeting",
		Role: ptr("participant")}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.MergeNodes(ctx, "org:backup-test", "org:backup-dup"); err != nil {
		t.Fatal(err)
	}
}

func ptr(s string) *string { return &s }

// fullSnapshot lists every node (labels, properties with their Go types) and every
// relationship (type, both ends, properties) but the graph's version node and the locks of
// meeting imports (bookkeeping), sorted.
func fullSnapshot(t *testing.T) []string {
	t.Helper()
	return snapshotBut(t, graph.LabelVersion, graph.LabelMeetingLock)
}

// snapshotBut is fullSnapshot without the nodes of the given labels.
func snapshotBut(t *testing.T, labels ...string) []string {
	t.Helper()
	var out []string
	for _, r := range query(t, "MATCH (n) WHERE none(l IN labels(n) WHERE l IN $but) RETURN labels(n), properties(n)", map[string]any{"but": labels}) {
		l := strs(r.Values[0])
		sort.Strings(l)
		out = append(out, fmt.Sprintf("node %v %s", l, typed(r.Values[1])))
	}
	for _, r := range query(t, "MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.sha256), labels(a), type(r), coalesce(b.id, b.sha256), labels(b), properties(r)", nil) {
		la, lb := strs(r.Values[1]), strs(r.Values[4])
		sort.Strings(la)
		sort.Strings(lb)
		out = append(out, fmt.Sprintf("rel %v%v -%v-> %v%v %s", r.Values[0], la, r.Values[2], r.Values[3], lb, typed(r.Values[5])))
	}
	sort.Strings(out)
	return out
}

// typed prints a value with the Go type of every part (fmt prints 1.0 and 1 alike).
func typed(v any) string {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%q=%s", k, typed(x[k]))
		}
		return "{" + strings.Join(parts, " ") + "}"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = typed(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	return fmt.Sprintf("%T(%#v)", v, v)
}

func diffLists(t *testing.T, what string, want, got []string) {
	t.Helper()
	if slices.Equal(want, got) {
		return
	}
	w, g := map[string]bool{}, map[string]bool{}
	for _, x := range want {
		w[x] = true
	}
	for _, x := range got {
		g[x] = true
	}
	shown := 0
	for _, x := range want {
		if !g[x] && shown < 5 {
			shown++
			t.Errorf("%s: missing %s", what, x)
		}
	}
	for _, x := range got {
		if !w[x] && shown < 5 {
			shown++
			t.Errorf("%s: extra %s", what, x)
		}
	}
	t.Errorf("%s: %d elements, want %d", what, len(got), len(want))
}

// decompressed reads a gzip file whole.
func decompressed(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// empty deletes everything and puts the schema back, as a fresh database.
func empty(t *testing.T, store *graph.Store) {
	t.Helper()
	ctx := context.Background()
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
}

// The seed graph with curations, backed up, wiped and restored, is the same graph element
// by element, and its backup is the same bytes once decompressed.
func TestBackupRestoreRoundTrip(t *testing.T) {
	store, ctx := open(t)
	loadSeedAndCurate(t, store)
	want := fullSnapshot(t)
	if !slices.ContainsFunc(want, func(s string) bool { return strings.Contains(s, "MERGED_INTO") }) ||
		!slices.ContainsFunc(want, func(s string) bool { return strings.Contains(s, "LoadedFixture") }) {
		t.Fatal("the test graph lacks a redirect or a loaded-fixture record")
	}
	dir := t.TempDir()
	first := filepath.Join(dir, "first.entente.gz")
	stats, err := store.BackupFile(ctx, first, "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("backup: %d nodes, %d relationships, %d bytes", stats.Nodes, stats.Relationships, stats.Bytes)
	if stats.Nodes+stats.Relationships != len(want) {
		t.Errorf("backup holds %d nodes and %d relationships, the graph %d elements", stats.Nodes, stats.Relationships, len(want))
	}
	empty(t, store)
	if got := fullSnapshot(t); len(got) != 0 {
		t.Fatalf("not empty after DeleteAll: %v", got[:1])
	}
	rs, err := store.RestoreFile(ctx, first, false)
	if err != nil {
		t.Fatal(err)
	}
	if rs.Nodes != stats.Nodes || rs.Relationships != stats.Relationships {
		t.Errorf("restored %d/%d, backed up %d/%d", rs.Nodes, rs.Relationships, stats.Nodes, stats.Relationships)
	}
	diffLists(t, "restored graph", want, fullSnapshot(t))
	second := filepath.Join(dir, "second.entente.gz")
	if _, err := store.BackupFile(ctx, second, "test"); err != nil {
		t.Fatal(err)
	}
	a, b := decompressed(t, first), decompressed(t, second)
	if !bytes.Equal(a, b) {
		la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
		for i := range min(len(la), len(lb)) {
			if la[i] != lb[i] {
				t.Fatalf("the backup of the restored graph differs at line %d:\n%s\n%s", i+1, la[i], lb[i])
			}
		}
		t.Fatalf("the backup of the restored graph has %d lines, the first %d", len(lb), len(la))
	}
	// The restored graph takes curations as the original did (locks, redirects, version).
	if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "org:backup-dup", Kind: "Organization", Name: "x"}); err != nil {
		t.Fatal(err)
	}
	if got := query(t, "MATCH (n:Entity {id: 'org:backup-dup'}) RETURN count(n)", nil)[0].Values[0]; got != int64(0) {
		t.Errorf("an upsert of a merged id made a node again after the restore: %v", got)
	}
}

// A restore into a database that holds a graph is refused and changes nothing, unless
// asked to replace it.
func TestRestoreRefusesNonEmptyDatabase(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, read(t, "../testdata/graph/a.json"), nil); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "b.gz")
	if _, err := store.BackupFile(ctx, file, "test"); err != nil {
		t.Fatal(err)
	}
	want := fullSnapshot(t)
	_, err := store.RestoreFile(ctx, file, false)
	if !errors.Is(err, graph.ErrNotEmpty) {
		t.Fatalf("restore into a graph: %v, want ErrNotEmpty", err)
	}
	diffLists(t, "after a refused restore", want, fullSnapshot(t))
	if _, err := store.RestoreFile(ctx, file, true); err != nil {
		t.Fatalf("restore with replace: %v", err)
	}
	diffLists(t, "after a replacing restore", want, fullSnapshot(t))
}

// A backup that is corrupt, truncated, of another version or not a backup at all is
// refused before anything is written; one that fails midway (a relationship to a node it
// does not hold) leaves nothing.
func TestRestoreRefusesBadFiles(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, read(t, "../testdata/graph/a.json"), nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.gz")
	if _, err := store.BackupFile(ctx, good, "test"); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	body := decompressed(t, good)
	lines := strings.SplitAfter(string(body), "\n")
	lines = lines[:len(lines)-1] // the empty string after the last newline
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	// resealed rewrites the end line's checksum, as a buggy or hostile writer would.
	resealed := func(ls []string) string {
		body := strings.Join(ls[:len(ls)-1], "")
		sum := sha256.Sum256([]byte(body))
		var n, r int
		for _, l := range ls[1 : len(ls)-1] {
			if strings.HasPrefix(l, `{"labels"`) {
				n++
			} else {
				r++
			}
		}
		return body + fmt.Sprintf(`{"end":{"nodes":%d,"relationships":%d,"sha256":"%s"}}`+"\n", n, r, hex.EncodeToString(sum[:]))
	}
	flipped := []byte(strings.Join(lines, ""))
	flipped[len(flipped)/2] ^= 1
	wrongVersion := slices.Clone(lines)
	wrongVersion[0] = strings.Replace(wrongVersion[0], `"version":1`, `"version":2`, 1)
	// A relationship to a node not in the file: found only once nodes are written.
	var dangling []string
	for _, l := range lines {
		if strings.HasPrefix(l, `{"type":"MENTIONS"`) && len(dangling) == 0 {
			i := strings.Index(l, `"to":["Entity","`) + len(`"to":["Entity","`)
			dangling = append(dangling, l[:i]+"nobody:"+l[i:])
		}
	}
	midway := append(append(slices.Clone(lines[:len(lines)-1]), dangling...), lines[len(lines)-1])
	// The header counts one more relationship.
	midway[0] = strings.Replace(midway[0], fmt.Sprintf(`"relationships":%d`, strings.Count(string(body), `{"type"`)),
		fmt.Sprintf(`"relationships":%d`, strings.Count(string(body), `{"type"`)+1), 1)
	cases := map[string]struct {
		data []byte
		want string
	}{
		"truncated gzip":    {raw[:len(raw)*2/3], "corrupt or truncated"},
		"truncated lines":   {gz(strings.Join(lines[:len(lines)/2], "")), "truncated"},
		"flipped bit":       {gz(string(flipped)), ""},
		"wrong version":     {gz(resealed(wrongVersion)), "version 2"},
		"not gzip":          {[]byte(strings.Join(lines, "")), "not gzip"},
		"not a backup":      {gz(`{"format":"entente-fixture/1"}` + "\n"), "not an Entente backup"},
		"unknown label":     {gz(resealed(append([]string{lines[0], `{"labels":["Entity","Evil"],"props":{"id":"x"}}` + "\n"}, lines[1:]...))), `"Evil"`},
		"dangling (midway)": {gz(resealed(midway)), "does not hold"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			empty(t, store)
			file := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
			if err := os.WriteFile(file, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := store.RestoreFile(ctx, file, false)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("restore: %v, want an error with %q", err, c.want)
			}
			t.Logf("%s: %v", name, err)
			if got := fullSnapshot(t); len(got) != 0 {
				t.Errorf("%d elements written by a refused restore, e.g. %s", len(got), got[0])
			}
		})
	}
}

// A backup refuses while an import run is in progress, and names the file.
func TestBackupRefusesDuringImportRun(t *testing.T) {
	store, ctx := open(t)
	graph.SetImportChunk(store, 50)
	graph.KillImportAfter(store, 1)
	if _, err := store.Import(ctx, generate(100), nil); !errors.Is(err, graph.ErrKilled) {
		t.Fatalf("import: %v", err)
	}
	dir := t.TempDir()
	_, err := store.BackupFile(ctx, filepath.Join(dir, "b.gz"), "test")
	if err == nil || !strings.Contains(err.Error(), "import run") {
		t.Fatalf("backup during an import run: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("a refused backup left files: %v", entries)
	}
}

// A restore in small batches gives the same graph; one killed midway (its process gone, no
// undo) is rolled back by the next start (RecoverImports), leaving the database empty.
func TestRestoreKilledMidwayIsRolledBack(t *testing.T) {
	store, ctx := open(t)
	loadSeedAndCurate(t, store)
	want := fullSnapshot(t)
	file := filepath.Join(t.TempDir(), "b.gz")
	if _, err := store.BackupFile(ctx, file, "test"); err != nil {
		t.Fatal(err)
	}
	empty(t, store)
	graph.SetRestoreBatch(store, 25)
	graph.KillRestoreAfter(store, 6) // after 4 batches of nodes and 2 of relationships
	if _, err := store.RestoreFile(ctx, file, false); !errors.Is(err, graph.ErrKilled) {
		t.Fatalf("restore: %v, want it killed", err)
	}
	left := fullSnapshot(t)
	if len(left) < 100 || !slices.ContainsFunc(left, func(s string) bool { return strings.Contains(s, "_restore") }) {
		t.Fatalf("the killed restore left %d elements, want the part it wrote, tagged", len(left))
	}
	if _, err := store.BackupFile(ctx, filepath.Join(t.TempDir(), "c.gz"), "test"); err == nil || !strings.Contains(err.Error(), "restore") {
		t.Errorf("a backup during an unfinished restore: %v, want a refusal", err)
	}
	graph.SetImportStale(store, 0) // its process is taken for gone
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if got := fullSnapshot(t); len(got) != 0 {
		t.Fatalf("%d elements left after the next start, e.g. %s", len(got), got[0])
	}
	if _, err := store.RestoreFile(ctx, file, false); err != nil {
		t.Fatal(err)
	}
	diffLists(t, "restored in batches of 25", want, fullSnapshot(t))
}

// A write that commits while a backup reads makes it read again: the file holds the graph
// after the write, nodes and relationships alike.
func TestBackupReadsAgainAfterAConcurrentWrite(t *testing.T) {
	store, ctx := open(t)
	if _, err := store.Import(ctx, read(t, "../testdata/graph/a.json"), nil); err != nil {
		t.Fatal(err)
	}
	graph.OnNextBackup(store, func() {
		if _, err := store.UpsertNode(ctx, fixtures.Node{ID: "org:written-meanwhile", Kind: "Organization", Name: "Written meanwhile"}); err != nil {
			t.Error(err)
		}
	})
	file := filepath.Join(t.TempDir(), "b.gz")
	st, err := store.BackupFile(ctx, file, "test")
	if err != nil {
		t.Fatal(err)
	}
	if st.Attempts != 2 {
		t.Errorf("read %d times, want 2 (the first saw a write commit)", st.Attempts)
	}
	if !strings.Contains(string(decompressed(t, file)), `"id":"org:written-meanwhile"`) {
		t.Error("the backup lacks the node written while the first read ran")
	}
	want := fullSnapshot(t)
	empty(t, store)
	if _, err := store.RestoreFile(ctx, file, false); err != nil {
		t.Fatal(err)
	}
	diffLists(t, "restored", want, fullSnapshot(t))
}
