package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

func ptr[T any](v T) *T { return &v }

// nasty is a subgraph whose strings need every kind of escaping.
func nasty() *graph.Subgraph {
	return &graph.Subgraph{
		Nodes: []graph.Node{
			{ID: "agency:it:farnesina", Kind: "Agency", Name: `Ministero degli Affari Esteri "Farnesina" & Cooperazione`,
				Aliases: []string{"MAECI", "L'Italie — ministère des affaires étrangères", "<MFA>"}, Country: ptr("IT"), Confidence: 0.87,
				Sources: []fixtures.Source{{Document: "doc:a", Start: 0, End: 5, Text: "MAECI"}, {Document: "doc:a", Start: 9, End: 14, Text: "MAECI"}, {Reference: "gazetteer"}}},
			{ID: "meeting:2024-04-19:rome:g7", Kind: "Meeting", Name: "G7 Roma/Lyon \"working\" group\nsecond line\ttab",
				StartDate: ptr("2024-04-19"), EndDate: ptr("2024-04"), Place: ptr("Roma, Palazzo d'Italia"), Subtype: ptr("meeting"), Country: ptr("IT"), Confidence: 1},
			{ID: "weird id|with spaces_x41_&<>", Kind: "Person", Name: "Ørjan Ñúñez 𝔘 😀", Title: ptr("Dr. & Prof."), Confidence: 0.5},
			{ID: "agency:it:farnesina", Kind: "Agency", Name: "duplicate, dropped"},
		},
		Edges: []graph.Edge{
			{ID: "PARTICIPATED_IN|agency:it:farnesina|meeting:2024-04-19:rome:g7", Kind: "PARTICIPATED_IN",
				From: "agency:it:farnesina", To: "meeting:2024-04-19:rome:g7", Role: ptr("host"),
				Sources: []fixtures.Source{{Document: "doc:b", Start: 1, End: 3, Text: "ab"}}, Confidence: 0.62},
			{ID: "PARTICIPATED_IN|weird id|with spaces_x41_&<>|meeting:2024-04-19:rome:g7", Kind: "PARTICIPATED_IN",
				From: "weird id|with spaces_x41_&<>", To: "meeting:2024-04-19:rome:g7", Role: ptr("speaker"), Confidence: 1},
			{ID: "FUNDED|agency:it:farnesina|meeting:2024-04-19:rome:g7", Kind: "FUNDED", From: "agency:it:farnesina",
				To: "meeting:2024-04-19:rome:g7", Amount: ptr(1250000.5), Currency: ptr("EUR"), Confidence: 0.9},
			{ID: "MEMORANDUM|agency:it:farnesina|missing|2020", Kind: "MEMORANDUM", From: "agency:it:farnesina", To: "missing", Date: ptr("2020")},
		},
		Truncated: true,
	}
}

// wantNodes and wantEdges are the properties every flat format must carry for nasty().
func wantNodes() map[string]map[string]string {
	return map[string]map[string]string{
		"agency:it:farnesina": {"label": `Ministero degli Affari Esteri "Farnesina" & Cooperazione`, "kind": "AGENCY",
			"name": `Ministero degli Affari Esteri "Farnesina" & Cooperazione`, "country": "IT",
			"aliases":   "MAECI | L'Italie — ministère des affaires étrangères | <MFA>",
			"documents": "doc:a | gazetteer", "confidence": "0.87"},
		"meeting:2024-04-19:rome:g7": {"label": "G7 Roma/Lyon \"working\" group\nsecond line\ttab", "kind": "MEETING",
			"name": "G7 Roma/Lyon \"working\" group\nsecond line\ttab", "startDate": "2024-04-19", "endDate": "2024-04",
			"place": "Roma, Palazzo d'Italia", "subtype": "meeting", "country": "IT", "confidence": "1"},
		"weird id|with spaces_x41_&<>": {"label": "Ørjan Ñúñez 𝔘 😀", "kind": "PERSON", "name": "Ørjan Ñúñez 𝔘 😀", "title": "Dr. & Prof.", "confidence": "0.5"},
	}
}

func wantEdges() map[string]map[string]string {
	return map[string]map[string]string{
		"PARTICIPATED_IN|agency:it:farnesina|meeting:2024-04-19:rome:g7": {"source": "agency:it:farnesina", "target": "meeting:2024-04-19:rome:g7",
			"label": "PARTICIPATED_IN", "kind": "PARTICIPATED_IN", "role": "HOST", "documents": "doc:b", "confidence": "0.62"},
		"PARTICIPATED_IN|weird id|with spaces_x41_&<>|meeting:2024-04-19:rome:g7": {"source": "weird id|with spaces_x41_&<>",
			"target": "meeting:2024-04-19:rome:g7", "label": "PARTICIPATED_IN", "kind": "PARTICIPATED_IN", "role": "SPEAKER", "confidence": "1"},
		"FUNDED|agency:it:farnesina|meeting:2024-04-19:rome:g7": {"source": "agency:it:farnesina", "target": "meeting:2024-04-19:rome:g7",
			"label": "FUNDED", "kind": "FUNDED", "amount": "1.2500005e+06", "currency": "EUR", "confidence": "0.9"},
	}
}

func checkProps(t *testing.T, what string, got, want map[string]map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d, want %d: %v", what, len(got), len(want), got)
	}
	for id, w := range want {
		if !reflect.DeepEqual(got[id], w) {
			t.Errorf("%s %q:\n got %q\nwant %q", what, id, got[id], w)
		}
	}
}

func write(t *testing.T, f func(io.Writer, *graph.Subgraph) error, sg *graph.Subgraph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf, sg); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wellFormed checks that data is one XML document with the given root element.
func wellFormed(t *testing.T, data []byte, ns, root string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, data)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if el.Name.Space != ns || el.Name.Local != root {
					t.Errorf("root is {%s}%s, want {%s}%s", el.Name.Space, el.Name.Local, ns, root)
				}
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		t.Errorf("%d root elements", roots)
	}
}

type graphmlIn struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string        `xml:"edgedefault,attr"`
		Data        []graphmlData `xml:"data"`
		Nodes       []struct {
			ID   string        `xml:"id,attr"`
			Data []graphmlData `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string        `xml:"id,attr"`
			Source string        `xml:"source,attr"`
			Target string        `xml:"target,attr"`
			Data   []graphmlData `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func TestGraphML(t *testing.T) {
	data := write(t, WriteGraphML, nasty())
	wellFormed(t, data, graphmlNS, "graphml")
	var doc graphmlIn
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{} // key id -> for/name/type
	for _, k := range doc.Keys {
		if !isNmtoken(k.ID) || !isNmtoken(k.Name) {
			t.Errorf("key %q (%q) is not an NMTOKEN", k.ID, k.Name)
		}
		if k.Type != "string" && k.Type != "double" && k.Type != "boolean" {
			t.Errorf("key %q has type %q", k.ID, k.Type)
		}
		keys[k.ID] = k.For + "/" + k.Name + "/" + k.Type
	}
	if keys["e_amount"] != "edge/amount/double" || keys["n_kind"] != "node/kind/string" || keys["g_truncated"] != "graph/truncated/boolean" ||
		keys["n_confidence"] != "node/confidence/double" || keys["e_confidence"] != "edge/confidence/double" {
		t.Errorf("keys: %v", keys)
	}
	props := func(what string, ds []graphmlData) map[string]string {
		m := map[string]string{}
		for _, d := range ds {
			k, ok := keys[d.Key]
			if !ok || !strings.HasPrefix(k, what+"/") {
				t.Errorf("data refers to %q, not a declared %s key", d.Key, what)
			}
			m[strings.Split(k, "/")[1]] = d.Value
		}
		return m
	}
	if doc.Graph.EdgeDefault != "directed" || !reflect.DeepEqual(props("graph", doc.Graph.Data), map[string]string{"truncated": "true"}) {
		t.Errorf("graph: %+v", doc.Graph.Data)
	}
	nodes := map[string]map[string]string{}
	for _, n := range doc.Graph.Nodes {
		if !isNmtoken(n.ID) {
			t.Errorf("node id %q is not an NMTOKEN", n.ID)
		}
		nodes[ParseGraphMLID(n.ID)] = props("node", n.Data)
	}
	checkProps(t, "node", nodes, wantNodes())
	edges := map[string]map[string]string{}
	for _, e := range doc.Graph.Edges {
		// The edge's own id is its graph id (escaped as node ids are), not a number
		// with the id in some data.
		if !isNmtoken(e.ID) {
			t.Errorf("edge id %q is not an NMTOKEN", e.ID)
		}
		p := props("edge", e.Data)
		p["source"], p["target"] = ParseGraphMLID(e.Source), ParseGraphMLID(e.Target)
		edges[ParseGraphMLID(e.ID)] = p
	}
	checkProps(t, "edge", edges, wantEdges())
}

func TestGraphMLID(t *testing.T) {
	for _, id := range []string{"", "agency:it:farnesina", "a b", "a|b", "_x", "_x0041_", "a_x0041_b", "_x_", "x_", "日本:省", "𝔘😀", "a/b?c=d&e", "\x01\u00a0", "9abc"} {
		enc := GraphMLID(id)
		if enc == "" || !isNmtoken(enc) {
			t.Errorf("GraphMLID(%q) = %q: not an NMTOKEN", id, enc)
		}
		if got := ParseGraphMLID(enc); got != id {
			t.Errorf("ParseGraphMLID(GraphMLID(%q) = %q) = %q", id, enc, got)
		}
	}
	if got := GraphMLID("agency:it:farnesina"); got != "agency:it:farnesina" {
		t.Errorf("a plain id changed: %q", got)
	}
}

type gexfIn struct {
	Version string `xml:"version,attr"`
	Graph   struct {
		Mode            string `xml:"mode,attr"`
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Attributes      []struct {
			Class      string          `xml:"class,attr"`
			Attributes []gexfAttribute `xml:"attribute"`
		} `xml:"attributes"`
		Nodes struct {
			Count int `xml:"count,attr"`
			Nodes []struct {
				ID     string         `xml:"id,attr"`
				Label  string         `xml:"label,attr"`
				Values []gexfAttValue `xml:"attvalues>attvalue"`
			} `xml:"node"`
		} `xml:"nodes"`
		Edges struct {
			Count int `xml:"count,attr"`
			Edges []struct {
				ID     string         `xml:"id,attr"`
				Source string         `xml:"source,attr"`
				Target string         `xml:"target,attr"`
				Label  string         `xml:"label,attr"`
				Values []gexfAttValue `xml:"attvalues>attvalue"`
			} `xml:"edge"`
		} `xml:"edges"`
	} `xml:"graph"`
}

func TestGEXF(t *testing.T) {
	data := write(t, WriteGEXF, nasty())
	wellFormed(t, data, gexfNS, "gexf")
	var doc gexfIn
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "1.3" || doc.Graph.Mode != "static" || doc.Graph.DefaultEdgeType != "directed" {
		t.Errorf("header: %+v", doc)
	}
	declared := map[string]string{}
	for _, as := range doc.Graph.Attributes {
		for _, a := range as.Attributes {
			declared[as.Class+"/"+a.ID] = a.Type
		}
	}
	if declared["edge/amount"] != "double" || declared["node/kind"] != "string" ||
		declared["node/confidence"] != "double" || declared["edge/confidence"] != "double" {
		t.Errorf("attributes: %v", declared)
	}
	props := func(class, label string, vs []gexfAttValue) map[string]string {
		m := map[string]string{"label": label}
		for _, v := range vs {
			if _, ok := declared[class+"/"+v.For]; !ok {
				t.Errorf("attvalue for undeclared %s attribute %q", class, v.For)
			}
			m[v.For] = v.Value
		}
		return m
	}
	nodes := map[string]map[string]string{}
	for _, n := range doc.Graph.Nodes.Nodes {
		nodes[n.ID] = props("node", n.Label, n.Values)
	}
	checkProps(t, "node", nodes, wantNodes())
	edges := map[string]map[string]string{}
	for _, e := range doc.Graph.Edges.Edges {
		p := props("edge", e.Label, e.Values)
		p["source"], p["target"] = e.Source, e.Target
		edges[e.ID] = p
	}
	checkProps(t, "edge", edges, wantEdges())
	if doc.Graph.Nodes.Count != 3 || doc.Graph.Edges.Count != 3 {
		t.Errorf("counts: %d nodes, %d edges", doc.Graph.Nodes.Count, doc.Graph.Edges.Count)
	}
}

func TestXMLReplacesCharactersXMLCannotHold(t *testing.T) {
	sg := &graph.Subgraph{Nodes: []graph.Node{{ID: "n\x01", Kind: "Person", Name: "bell\x07 and nul\x00"}}}
	for name, f := range map[string]func(io.Writer, *graph.Subgraph) error{"graphml": WriteGraphML, "gexf": WriteGEXF} {
		data := write(t, f, sg)
		if err := xml.Unmarshal(data, new(struct{})); err != nil {
			t.Errorf("%s: %v\n%s", name, err, data)
		}
	}
}

func TestCytoscape(t *testing.T) {
	g := Cytoscape(nasty())
	data, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Data     map[string]any `json:"data"`
		Elements struct {
			Nodes []struct {
				Data map[string]any `json:"data"`
			} `json:"nodes"`
			Edges []struct {
				Data map[string]any `json:"data"`
			} `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Data["truncated"] != true || len(back.Elements.Nodes) != 3 || len(back.Elements.Edges) != 3 {
		t.Fatalf("got %s", data)
	}
	ids := map[string]bool{}
	for _, n := range back.Elements.Nodes {
		ids[n.Data["id"].(string)] = true
		if _, ok := n.Data["aliases"].([]any); !ok {
			t.Errorf("node %v: aliases is not a list", n.Data["id"])
		}
	}
	for _, e := range back.Elements.Edges {
		if !ids[e.Data["source"].(string)] || !ids[e.Data["target"].(string)] {
			t.Errorf("edge %v dangles", e.Data["id"])
		}
		if _, ok := e.Data["sources"].([]any); !ok {
			t.Errorf("edge %v: sources is not a list", e.Data["id"])
		}
	}
	f := back.Elements.Nodes[0].Data
	if f["name"] != `Ministero degli Affari Esteri "Farnesina" & Cooperazione` || f["kind"] != "AGENCY" || f["country"] != "IT" ||
		len(f["sources"].([]any)) != 3 {
		t.Errorf("first node: %v", f)
	}
	if _, ok := f["startDate"]; ok {
		t.Errorf("absent startDate written: %v", f)
	}
	if f["confidence"] != 0.87 {
		t.Errorf("first node confidence: %v", f["confidence"])
	}
	if e := back.Elements.Edges[2].Data; e["amount"] != 1250000.5 || e["currency"] != "EUR" || e["confidence"] != 0.9 {
		t.Errorf("FUNDED edge: %v", e)
	}
	empty, _ := json.Marshal(Cytoscape(nil))
	if string(empty) != `{"data":{"truncated":false},"elements":{"nodes":[],"edges":[]}}` {
		t.Errorf("empty graph: %s", empty)
	}
}

// readCSV parses a CSV export into id -> column -> value, keeping only non-empty values.
func readCSV(t *testing.T, r io.Reader, columns []string) map[string]map[string]string {
	t.Helper()
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], columns) {
		t.Fatalf("header %q, want %q", rows[0], columns)
	}
	out := map[string]map[string]string{}
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, v := range row[1:] {
			if v != "" {
				m[columns[i+1]] = v
			}
		}
		out[row[0]] = m
	}
	return out
}

func TestCSV(t *testing.T) {
	nodeColumns := []string{"id"}
	for _, f := range nodeFields {
		nodeColumns = append(nodeColumns, f.name)
	}
	edgeColumns := []string{"id", "source", "target"}
	for _, f := range edgeFields {
		edgeColumns = append(edgeColumns, f.name)
	}
	checkProps(t, "node", readCSV(t, bytes.NewReader(write(t, WriteNodesCSV, nasty())), nodeColumns), wantNodes())
	checkProps(t, "edge", readCSV(t, bytes.NewReader(write(t, WriteEdgesCSV, nasty())), edgeColumns), wantEdges())

	data := write(t, WriteCSVZip, nasty())
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]byte{"nodes.csv": write(t, WriteNodesCSV, nasty()), "edges.csv": write(t, WriteEdgesCSV, nasty()),
			"sources.csv": write(t, WriteSourcesCSV, nasty())}[f.Name]
		if got, _ := io.ReadAll(rc); !bytes.Equal(got, want) {
			t.Errorf("%s in the zip differs from its own export", f.Name)
		}
		rc.Close()
	}
	if !reflect.DeepEqual(names, []string{"nodes.csv", "edges.csv", "sources.csv"}) {
		t.Errorf("zip holds %v", names)
	}

	// sources.csv: a row per source of each node, then of each edge, in order.
	rows, err := csv.NewReader(bytes.NewReader(write(t, WriteSourcesCSV, nasty()))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{sourceColumns,
		{"node", "agency:it:farnesina", "doc:a", "0", "5", "MAECI", ""},
		{"node", "agency:it:farnesina", "doc:a", "9", "14", "MAECI", ""},
		{"node", "agency:it:farnesina", "", "", "", "", "gazetteer"},
		{"edge", "PARTICIPATED_IN|agency:it:farnesina|meeting:2024-04-19:rome:g7", "doc:b", "1", "3", "ab", ""},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("sources.csv:\n got %q\nwant %q", rows, want)
	}
}
