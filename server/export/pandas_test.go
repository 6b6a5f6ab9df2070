package export

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph/graphtest"
)

// requirePandas skips the test when Python's pandas is missing, unless
// ENTENTE_REQUIRE_NETWORKX=1 (as CI sets for every Python tool of these tests).
func requirePandas(t *testing.T) {
	t.Helper()
	out, err := exec.Command(python(), "-c", "import pandas; print(pandas.__version__)").CombinedOutput()
	if err == nil {
		t.Logf("pandas %s", strings.TrimSpace(string(out)))
		return
	}
	msg := fmt.Sprintf("%s with pandas is needed (make test-tools installs it in .venv): %v: %s", python(), err, out)
	if os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// pandasResult is what testdata/pandas_csv.py prints.
type pandasResult struct {
	Pandas string                         `json:"pandas"`
	Nodes  pandasFile                     `json:"nodes"`
	Edges  pandasFile                     `json:"edges"`
	Srcs   pandasFile                     `json:"sources"`
	Zip    map[string][]map[string]string `json:"zip"`
}

type pandasFile struct {
	Shape   []int               `json:"shape"`
	Columns []string            `json:"columns"`
	Dtypes  map[string]string   `json:"dtypes"`
	Rows    []map[string]string `json:"rows"`
}

// quoted is a span whose text needs every kind of CSV quoting.
const quoted = "il Ministero, detto \"MAECI\";\nseconda riga — è così"

// TestPandasReadsCSV: pandas.read_csv(url) opens /export/csv/nodes, /export/csv/edges and
// /export/csv/sources as they are, with every node and edge, their kinds and roles as the
// API spells them, and each source's document, span and quoted text; the zip at
// /export/csv holds the same three files.
func TestPandasReadsCSV(t *testing.T) {
	requirePandas(t)
	store := graphtest.Open(t)
	f := smallFixture()
	f.Documents = []fixtures.Document{{ID: "doc:roma", Title: "Roma, 2023", Language: "it", File: "roma.txt"}}
	span := fixtures.Source{Document: "doc:roma", Start: 7, End: 7 + utf8.RuneCountInString(quoted), Text: quoted}
	f.Nodes[1].Sources = append(f.Nodes[1].Sources, span) // agency:it:mae
	f.Edges[2].Sources = append(f.Edges[2].Sources, span) // it organised the JUMBO meeting
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := store.Import(ctx, f, nil); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, store)

	cmd := exec.CommandContext(ctx, python(), "testdata/pandas_csv.py", srv.URL)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pandas_csv.py: %v", err)
	}
	var pd pandasResult
	if err := json.Unmarshal(out, &pd); err != nil {
		t.Fatalf("pandas_csv.py printed %q: %v", out, err)
	}

	if got, want := pd.Nodes.Shape, []int{6, 1 + len(nodeFields)}; !reflect.DeepEqual(got, want) {
		t.Errorf("nodes: pandas reads %v rows x columns, want %v", got, want)
	}
	if got, want := pd.Edges.Shape, []int{7, 3 + len(edgeFields)}; !reflect.DeepEqual(got, want) {
		t.Errorf("edges: pandas reads %v, want %v", got, want)
	}
	numeric := func(dtype string) bool { return strings.HasPrefix(dtype, "float") || strings.HasPrefix(dtype, "int") }
	if !numeric(pd.Nodes.Dtypes["confidence"]) || !numeric(pd.Edges.Dtypes["confidence"]) {
		t.Errorf("confidence is not read as a number: %v, %v", pd.Nodes.Dtypes["confidence"], pd.Edges.Dtypes["confidence"])
	}
	kinds := map[string]string{}
	for _, n := range pd.Nodes.Rows {
		kinds[n["id"]] = n["kind"]
	}
	if kinds["agency:it:mae"] != "AGENCY" || kinds["meeting:jumbo"] != "MEETING" {
		t.Errorf("node kinds: %v", kinds)
	}
	roles := map[string]string{}
	for _, e := range pd.Edges.Rows {
		roles[e["id"]] = e["role"]
	}
	if roles["PARTICIPATED_IN|agency:it:mae|meeting:jumbo"] != "ORGANISER" || roles["PARTICIPATED_IN|org:rcc|meeting:jumbo"] != "HOST" {
		t.Errorf("edge roles: %v", roles)
	}

	// sources: one row per source of each node and edge.
	if columns := []string{"element", "id", "document", "start", "end", "text", "reference"}; !reflect.DeepEqual(pd.Srcs.Columns, columns) {
		t.Errorf("sources columns %v, want %v", pd.Srcs.Columns, columns)
	}
	want := []map[string]string{}
	for _, n := range f.Nodes {
		want = append(want, map[string]string{"element": "node", "id": n.ID, "document": "", "start": "", "end": "", "text": "", "reference": "test"})
	}
	for _, e := range f.Edges {
		want = append(want, map[string]string{"element": "edge", "id": e.Key(), "document": "", "start": "", "end": "", "text": "", "reference": "test"})
	}
	spanRow := func(element, id string) map[string]string {
		return map[string]string{"element": element, "id": id, "document": "doc:roma", "start": "7",
			"end": fmt.Sprint(span.End), "text": quoted, "reference": ""}
	}
	want = append(want, spanRow("node", "agency:it:mae"), spanRow("edge", f.Edges[2].Key()))
	if got := rowSet(pd.Srcs.Rows); !reflect.DeepEqual(got, rowSet(want)) {
		t.Errorf("sources read by pandas:\n got %v\nwant %v", got, rowSet(want))
	}
	if pd.Srcs.Shape[0] != len(want) {
		t.Errorf("sources: pandas reads %d rows, want %d", pd.Srcs.Shape[0], len(want))
	}

	// The zip holds the same three files.
	for name, rows := range map[string][]map[string]string{"nodes.csv": pd.Nodes.Rows, "edges.csv": pd.Edges.Rows, "sources.csv": pd.Srcs.Rows} {
		if !reflect.DeepEqual(pd.Zip[name], rows) {
			t.Errorf("%s in the zip differs from its own route:\n got %v\nwant %v", name, pd.Zip[name], rows)
		}
	}
	if len(pd.Zip) != 3 {
		t.Errorf("the zip holds %d files, want nodes.csv, edges.csv and sources.csv", len(pd.Zip))
	}
}

// rowSet is rows as a set of their JSON encodings, to compare rows whatever their order.
func rowSet(rows []map[string]string) map[string]bool {
	set := map[string]bool{}
	for _, r := range rows {
		b, _ := json.Marshal(r)
		set[string(b)] = true
	}
	return set
}
