package server_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente/server/export"
)

// TestOneVocabulary reads the same neighbourhood through GraphQL and through every export,
// and requires the exports to spell node kinds, edge kinds and roles exactly as the API's
// enums do (UN_BODY, PARTICIPATED_IN, HOST), and Edge.role and Implementation.role to be
// enums of the schema, not strings.
func TestOneVocabulary(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	const around, depth = "unbody:un", 3
	d := a.ok(`query($id: ID!, $depth: Int) {
		neighbourhood(id: $id, depth: $depth) { nodes { id kind } edges { id kind role } }
		edge: __type(name: "Edge") { fields { name type { kind name } } }
		implementation: __type(name: "Implementation") { fields { name type { kind name } } }
	}`, map[string]any{"id": around, "depth": depth})
	for _, typ := range []string{"edge", "implementation"} {
		fields, _ := at(d, typ+".fields").([]any)
		found := false
		for _, f := range fields {
			if at(f, "name") == "role" {
				found = true
				if at(f, "type.kind") != "ENUM" {
					t.Errorf("%s.role is a %v %v, want an enum", typ, at(f, "type.kind"), at(f, "type.name"))
				}
			}
		}
		if !found {
			t.Errorf("%s has no role field", typ)
		}
	}
	// What the API says: node id -> kind, edge id -> kind and role.
	wantNodes, wantEdges := map[string]string{}, map[string]string{}
	nodes, _ := at(d, "neighbourhood.nodes").([]any)
	for _, n := range nodes {
		wantNodes[at(n, "id").(string)] = at(n, "kind").(string)
	}
	edges, _ := at(d, "neighbourhood.edges").([]any)
	roles := map[string]bool{}
	for _, e := range edges {
		role, _ := at(e, "role").(string)
		roles[strings.ToUpper(role)] = true
		wantEdges[at(e, "id").(string)] = at(e, "kind").(string) + " " + role
	}
	for _, r := range []string{"HOST", "CHAIR", "PARTICIPANT", "LEAD"} {
		if !roles[r] {
			t.Fatalf("the neighbourhood has no %s edge (roles %v): it no longer tests what it should", r, roles)
		}
	}

	query := "?" + url.Values{"around": {around}, "depth": {"3"}}.Encode()
	get := func(format string) []byte {
		t.Helper()
		resp, err := http.Get(a.url + "/export/" + format + query)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("/export/%s: %d %s", format, resp.StatusCode, body)
		}
		return body
	}
	check := func(format string, gotNodes, gotEdges map[string]string) {
		t.Helper()
		for id, want := range wantNodes {
			if gotNodes[id] != want {
				t.Errorf("%s: node %s has kind %q, the API says %q", format, id, gotNodes[id], want)
			}
		}
		for id, want := range wantEdges {
			if gotEdges[id] != want {
				t.Errorf("%s: edge %s has kind and role %q, the API says %q", format, id, gotEdges[id], want)
			}
		}
	}

	// Cytoscape.js JSON.
	var cy struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal(get("cytoscape"), &cy); err != nil {
		t.Fatal(err)
	}
	gotNodes, gotEdges := map[string]string{}, map[string]string{}
	for _, n := range cy.Elements.Nodes {
		gotNodes[n.Data["id"].(string)], _ = n.Data["kind"].(string)
	}
	for _, e := range cy.Elements.Edges {
		kind, _ := e.Data["kind"].(string)
		role, _ := e.Data["role"].(string)
		gotEdges[e.Data["id"].(string)] = kind + " " + role
	}
	check("cytoscape", gotNodes, gotEdges)

	// GraphML: data keyed by the <key>s' attr.name.
	var gml struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			Name string `xml:"attr.name,attr"`
		} `xml:"key"`
		Nodes []xmlElement `xml:"graph>node"`
		Edges []xmlElement `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(get("graphml"), &gml); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, k := range gml.Keys {
		names[k.ID] = k.Name
	}
	gotNodes, gotEdges = map[string]string{}, map[string]string{}
	for _, n := range gml.Nodes {
		gotNodes[export.ParseGraphMLID(n.ID)] = n.data(names)["kind"]
	}
	for _, e := range gml.Edges {
		p := e.data(names)
		gotEdges[export.ParseGraphMLID(e.ID)] = p["kind"] + " " + p["role"]
	}
	check("graphml", gotNodes, gotEdges)

	// GEXF: attvalues keyed by attribute id, which is the property's name.
	var gexf struct {
		Nodes []gexfElement `xml:"graph>nodes>node"`
		Edges []gexfElement `xml:"graph>edges>edge"`
	}
	if err := xml.Unmarshal(get("gexf"), &gexf); err != nil {
		t.Fatal(err)
	}
	gotNodes, gotEdges = map[string]string{}, map[string]string{}
	for _, n := range gexf.Nodes {
		gotNodes[n.ID] = n.value("kind")
	}
	for _, e := range gexf.Edges {
		gotEdges[e.ID] = e.value("kind") + " " + e.value("role")
		if e.Label != e.value("kind") {
			t.Errorf("gexf: edge %s is labelled %q, its kind is %q", e.ID, e.Label, e.value("kind"))
		}
	}
	check("gexf", gotNodes, gotEdges)

	// CSV: the nodes and the edges files.
	gotNodes, gotEdges = map[string]string{}, map[string]string{}
	for _, row := range csvRows(t, get("nodes.csv")) {
		gotNodes[row["id"]] = row["kind"]
	}
	for _, row := range csvRows(t, get("edges.csv")) {
		gotEdges[row["id"]] = row["kind"] + " " + row["role"]
	}
	check("csv", gotNodes, gotEdges)
}

type xmlElement struct {
	ID   string `xml:"id,attr"`
	Data []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

// data is the element's data by property name, given the names of the keys.
func (e xmlElement) data(names map[string]string) map[string]string {
	m := map[string]string{}
	for _, d := range e.Data {
		m[names[d.Key]] = d.Value
	}
	return m
}

type gexfElement struct {
	ID     string `xml:"id,attr"`
	Label  string `xml:"label,attr"`
	Values []struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	} `xml:"attvalues>attvalue"`
}

func (e gexfElement) value(name string) string {
	for _, v := range e.Values {
		if v.For == name {
			return v.Value
		}
	}
	return ""
}

// csvRows reads a CSV file with a header into one map per row.
func csvRows(t *testing.T, data []byte) []map[string]string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, v := range rec {
			row[records[0][i]] = v
		}
		rows = append(rows, row)
	}
	return rows
}

// TestAddEdgeRoles: addEdge takes a role as the API spells it (SPEAKER) or as fixtures do
// (speaker), answers it as an EdgeRole, and refuses a role its edge kind does not have.
func TestAddEdgeRoles(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	add := `mutation($role: String) { addEdge(input: {kind: PARTICIPATED_IN, from: "org:isrs",
		to: "meeting:2024-04-19:rome:g7-roma-lyon", role: $role, sources: [{reference: "curator"}]}) { kind role } }`
	for _, role := range []string{"SPEAKER", "speaker"} {
		d := a.ok(add, map[string]any{"role": role})
		if at(d, "addEdge.role") != "SPEAKER" {
			t.Errorf("addEdge with role %q: %v", role, d)
		}
	}
	if code, msg := a.code(add, map[string]any{"role": "LEAD"}); code != "BAD_USER_INPUT" || !strings.Contains(msg, "not a role of PARTICIPATED_IN") {
		t.Errorf("a role of another edge kind: %s %s", code, msg)
	}
}
