package export

import (
	"encoding/xml"
	"io"

	"github.com/entente/entente/graph"
)

// GEXF 1.3 namespace and schema.
const (
	gexfNS     = "http://gexf.net/1.3"
	gexfSchema = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
)

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	Xmlns          string    `xml:"xmlns,attr"`
	XmlnsXSI       string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	Mode            string           `xml:"mode,attr"`
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           gexfNodes        `xml:"nodes"`
	Edges           gexfEdges        `xml:"edges"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Mode       string          `xml:"mode,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNodes struct {
	Count int        `xml:"count,attr"`
	Nodes []gexfNode `xml:"node"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues *gexfAttValues `xml:"attvalues"`
}

type gexfEdges struct {
	Count int        `xml:"count,attr"`
	Edges []gexfEdge `xml:"edge"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Label     string         `xml:"label,attr"`
	AttValues *gexfAttValues `xml:"attvalues"`
}

type gexfAttValues struct {
	Values []gexfAttValue `xml:"attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// WriteGEXF writes sg as a static, directed GEXF 1.3 document: node and edge ids are the
// graph's ids, labels are node names and edge kinds, and every other property is a typed
// attribute. The description says whether a neighbourhood hit its size limit.
func WriteGEXF(w io.Writer, sg *graph.Subgraph) error {
	nodes, edges := clean(sg)
	desc := "Entente graph export"
	if sg != nil && sg.Truncated {
		desc += " (truncated: the neighbourhood hit its size limit)"
	}
	doc := gexfDoc{Xmlns: gexfNS, XmlnsXSI: xsiNS, SchemaLocation: gexfSchema, Version: "1.3",
		Meta:  gexfMeta{Creator: "Entente", Description: desc},
		Graph: gexfGraph{Mode: "static", DefaultEdgeType: "directed"}}
	nodeAttrs := gexfAttributes{Class: "node", Mode: "static"}
	for _, f := range nodeFields[1:] { // the label is the node's own attribute
		nodeAttrs.Attributes = append(nodeAttrs.Attributes, gexfAttribute{ID: f.name, Title: f.name, Type: xsdType(f.double)})
	}
	edgeAttrs := gexfAttributes{Class: "edge", Mode: "static"}
	for _, f := range edgeFields[1:] {
		edgeAttrs.Attributes = append(edgeAttrs.Attributes, gexfAttribute{ID: f.name, Title: f.name, Type: xsdType(f.double)})
	}
	doc.Graph.Attributes = []gexfAttributes{nodeAttrs, edgeAttrs}
	doc.Graph.Nodes = gexfNodes{Count: len(nodes), Nodes: make([]gexfNode, len(nodes))}
	for i, n := range nodes {
		doc.Graph.Nodes.Nodes[i] = gexfNode{ID: n.ID, Label: n.Name, AttValues: attValues(nodeFields[1:], n)}
	}
	doc.Graph.Edges = gexfEdges{Count: len(edges), Edges: make([]gexfEdge, len(edges))}
	for i, e := range edges {
		doc.Graph.Edges.Edges[i] = gexfEdge{ID: e.ID, Source: e.From, Target: e.To, Label: e.Kind,
			AttValues: attValues(edgeFields[1:], e)}
	}
	return writeXML(w, doc)
}

// attValues lists the present values of fs for x, or nil when there is none.
func attValues[T any](fs []field[T], x T) *gexfAttValues {
	var vs []gexfAttValue
	for _, f := range fs {
		if v, ok := f.value(x); ok {
			vs = append(vs, gexfAttValue{For: f.name, Value: v})
		}
	}
	if vs == nil {
		return nil
	}
	return &gexfAttValues{Values: vs}
}
