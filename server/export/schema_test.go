package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// The XML schemas that testdata/fetch-schemas.sh puts in testdata/schemas: GraphML 1.0
// and GEXF 1.2draft, as JGraphT ships them. No registry we can reach ships the GEXF 1.3
// schema, so GEXF exports are checked against 1.2draft after moving them to its namespace
// and version: 1.3 changed neither the elements nor the attributes that we write.
const (
	schemaDir  = "testdata/schemas"
	graphmlXSD = "graphml.xsd"
	gexf12XSD  = "gexf.xsd"
)

// schemaValidator returns a function validating a file against one of the schemas, or
// a reason why it cannot.
func schemaValidator() (func(xsd, file string) ([]byte, error), string) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		return nil, "xmllint is needed to check exports against their XML schemas (apt-get install libxml2-utils)"
	}
	for _, f := range []string{graphmlXSD, "xlink.xsd", gexf12XSD, "viz.xsd"} {
		if _, err := os.Stat(filepath.Join(schemaDir, f)); err != nil {
			return nil, "the XML schemas are missing: run server/export/testdata/fetch-schemas.sh (" + err.Error() + ")"
		}
	}
	return func(xsd, file string) ([]byte, error) {
		return exec.Command("xmllint", "--nonet", "--noout", "--schema", filepath.Join(schemaDir, xsd), file).CombinedOutput()
	}, ""
}

// gexfAs12 moves a GEXF 1.3 document to the 1.2draft namespace and version.
func gexfAs12(t *testing.T, data []byte) []byte {
	t.Helper()
	for _, r := range [][2]string{{`xmlns="` + gexfNS + `"`, `xmlns="http://www.gexf.net/1.2draft"`}, {` version="1.3"`, ` version="1.2"`}} {
		if bytes.Count(data, []byte(r[0])) != 1 {
			t.Fatalf("the GEXF document has not exactly one %s", r[0])
		}
		data = bytes.Replace(data, []byte(r[0]), []byte(r[1]), 1)
	}
	return data
}

// validateExports checks GraphML and GEXF documents against their schemas; it reports
// false when the schemas or xmllint are missing.
func validateExports(t *testing.T, graphml, gexf []byte) bool {
	t.Helper()
	validate, why := schemaValidator()
	if validate == nil {
		t.Log(why)
		return false
	}
	dir := t.TempDir()
	for _, doc := range []struct {
		xsd, name string
		data      []byte
	}{{graphmlXSD, "export.graphml", graphml}, {gexf12XSD, "export.gexf", gexfAs12(t, gexf)}} {
		file := filepath.Join(dir, doc.name)
		if err := os.WriteFile(file, doc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := validate(doc.xsd, file); err != nil {
			if len(out) > 2000 {
				out = append(out[:2000], "..."...)
			}
			t.Errorf("%s does not validate against %s: %v\n%s", doc.name, doc.xsd, err, out)
		}
	}
	return true
}

func TestSchemaValidity(t *testing.T) {
	if validate, why := schemaValidator(); validate == nil {
		if os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	for name, sg := range map[string]*graph.Subgraph{"nasty": nasty(), "empty": {}, "nil": nil, "generated": fromFixture(generated(300, 3))} {
		t.Run(name, func(t *testing.T) {
			validateExports(t, write(t, WriteGraphML, sg), write(t, WriteGEXF, sg))
		})
	}
}

// TestSchemaValidityCanFail makes sure that the check rejects what the schemas forbid.
func TestSchemaValidityCanFail(t *testing.T) {
	validate, why := schemaValidator()
	if validate == nil {
		t.Skip(why)
	}
	dir := t.TempDir()
	graphml := bytes.Replace(write(t, WriteGraphML, nasty()), []byte(`<node id="agency:it:farnesina">`), []byte(`<node id="agency it">`), 1)
	gexf := bytes.Replace(gexfAs12(t, write(t, WriteGEXF, nasty())), []byte(`type="double"`), []byte(`type="decimal"`), 1)
	for _, doc := range []struct{ xsd, name, data string }{{graphmlXSD, "bad.graphml", string(graphml)}, {gexf12XSD, "bad.gexf", string(gexf)}} {
		file := filepath.Join(dir, doc.name)
		if err := os.WriteFile(file, []byte(doc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := validate(doc.xsd, file); err == nil {
			t.Errorf("%s validates against %s but should not:\n%s", doc.name, doc.xsd, out)
		}
	}
}

// fromFixture is the subgraph that importing f into an empty graph would give, without Neo4j.
func fromFixture(f *fixtures.Fixture) *graph.Subgraph {
	sg := &graph.Subgraph{}
	for _, n := range f.Nodes {
		sg.Nodes = append(sg.Nodes, graph.Node{ID: n.ID, Kind: n.Kind, Name: n.Name, Aliases: n.Aliases, Country: n.Country,
			StartDate: n.StartDate, EndDate: n.EndDate, Place: n.Place, Sources: n.Sources})
	}
	for _, e := range f.Edges {
		sg.Edges = append(sg.Edges, graph.Edge{ID: e.Key(), Kind: e.Kind, From: e.From, To: e.To, Role: e.Role, Date: e.Date, Sources: e.Sources})
	}
	return sg
}
