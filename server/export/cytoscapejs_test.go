package export

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/entente/entente/graph"
)

// cytoscapeDir holds load.js and the pinned Cytoscape.js that `npm ci` installs there.
const cytoscapeDir = "testdata/cytoscape"

// cyResult is what testdata/cytoscape/load.js prints.
type cyResult struct {
	Version   string         `json:"version"`
	Nodes     int            `json:"nodes"`
	Edges     int            `json:"edges"`
	Truncated bool           `json:"truncated"`
	Degrees   map[string]int `json:"degrees"`
}

// cytoscapeJSMissing says why Cytoscape.js cannot run here, or "" when it can.
func cytoscapeJSMissing() string {
	if _, err := exec.LookPath("node"); err != nil {
		return "Node.js is needed to load exports into Cytoscape.js"
	}
	if _, err := os.Stat(filepath.Join(cytoscapeDir, "node_modules", "cytoscape")); err != nil {
		return "Cytoscape.js is not installed: run npm ci --prefix server/export/testdata/cytoscape"
	}
	return ""
}

// loadInCytoscapeJS loads a Cytoscape.js export into headless Cytoscape.js.
func loadInCytoscapeJS(t *testing.T, data []byte) cyResult {
	t.Helper()
	file := filepath.Join(t.TempDir(), "export.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", filepath.Join(cytoscapeDir, "load.js"), file)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("Cytoscape.js refused the export: %v", err)
	}
	var r cyResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("load.js printed %q: %v", out, err)
	}
	return r
}

// checkInCytoscapeJS loads the Cytoscape.js export of sg into Cytoscape.js and compares
// what it holds with sg.
func checkInCytoscapeJS(t *testing.T, export []byte, sg *graph.Subgraph) {
	t.Helper()
	r := loadInCytoscapeJS(t, export)
	nodes, edges := clean(sg)
	degrees := map[string]int{}
	for _, n := range nodes {
		degrees[n.ID] = 0
	}
	for _, e := range edges {
		degrees[e.From]++
		degrees[e.To]++
	}
	if r.Nodes != len(nodes) || r.Edges != len(edges) || r.Truncated != (sg != nil && sg.Truncated) {
		t.Errorf("Cytoscape.js %s holds %d nodes, %d edges, truncated %v; want %d, %d, %v",
			r.Version, r.Nodes, r.Edges, r.Truncated, len(nodes), len(edges), sg != nil && sg.Truncated)
	}
	for id, d := range degrees {
		if r.Degrees[id] != d {
			t.Errorf("Cytoscape.js: degree of %q is %d, want %d", id, r.Degrees[id], d)
		}
	}
}

func TestCytoscapeJS(t *testing.T) {
	if why := cytoscapeJSMissing(); why != "" {
		if os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	for name, sg := range map[string]*graph.Subgraph{"nasty": nasty(), "empty": {}, "generated": fromFixture(generated(2500, 7))} {
		t.Run(name, func(t *testing.T) { checkInCytoscapeJS(t, write(t, WriteCytoscape, sg), sg) })
	}
}
