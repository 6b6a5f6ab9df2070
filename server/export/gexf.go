package export

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/entente/entente/graph"
)

// GEXF 1.3 namespace and schema.
const (
	gexfNS     = "http://gexf.net/1.3"
	gexfSchema = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
)

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
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

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues *gexfAttValues `xml:"attvalues"`
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
	return writeSubgraph(newGEXF(w), sg)
}

// gexfEncoder writes GEXF one node and one edge at a time; the counts come first.
type gexfEncoder struct {
	w       io.Writer
	enc     *xml.Encoder
	h       header
	inEdges bool
	open    []xml.StartElement
}

func newGEXF(w io.Writer) encoder { return &gexfEncoder{w: w} }

func (g *gexfEncoder) begin(h header) error {
	g.h, g.enc = h, startXML(g.w)
	desc := "Entente graph export"
	if h.truncated {
		desc += " (truncated: the neighbourhood hit its size limit)"
	}
	if err := g.start("gexf", "xmlns", gexfNS, "xmlns:xsi", xsiNS, "xsi:schemaLocation", gexfSchema, "version", "1.3"); err != nil {
		return err
	}
	if err := g.enc.EncodeElement(gexfMeta{Creator: "Entente", Description: desc}, element("meta")); err != nil {
		return err
	}
	if err := g.start("graph", "mode", "static", "defaultedgetype", "directed"); err != nil {
		return err
	}
	nodeAttrs := gexfAttributes{Class: "node", Mode: "static"}
	for _, f := range nodeFields[1:] { // the label is the node's own attribute
		nodeAttrs.Attributes = append(nodeAttrs.Attributes, gexfAttribute{ID: f.name, Title: f.name, Type: xsdType(f.double)})
	}
	edgeAttrs := gexfAttributes{Class: "edge", Mode: "static"}
	for _, f := range edgeFields[1:] {
		edgeAttrs.Attributes = append(edgeAttrs.Attributes, gexfAttribute{ID: f.name, Title: f.name, Type: xsdType(f.double)})
	}
	for _, a := range []gexfAttributes{nodeAttrs, edgeAttrs} {
		if err := g.enc.EncodeElement(a, element("attributes")); err != nil {
			return err
		}
	}
	return g.start("nodes", "count", strconv.Itoa(h.nodes))
}

func (g *gexfEncoder) start(name string, attrs ...string) error {
	e := element(name, attrs...)
	g.open = append(g.open, e)
	return g.enc.EncodeToken(e)
}

// toEdges closes <nodes> and opens <edges>, once.
func (g *gexfEncoder) toEdges() error {
	if g.inEdges {
		return nil
	}
	g.inEdges = true
	if err := g.enc.EncodeToken(g.open[len(g.open)-1].End()); err != nil {
		return err
	}
	g.open = g.open[:len(g.open)-1]
	return g.start("edges", "count", strconv.Itoa(g.h.edges))
}

func (g *gexfEncoder) node(n graph.Node) error {
	return g.enc.EncodeElement(gexfNode{ID: n.ID, Label: n.Name, AttValues: attValues(nodeFields[1:], n)}, element("node"))
}

func (g *gexfEncoder) edge(e graph.Edge) error {
	if err := g.toEdges(); err != nil {
		return err
	}
	return g.enc.EncodeElement(gexfEdge{ID: e.ID, Source: e.From, Target: e.To, Label: graph.EdgeKindName(e.Kind),
		AttValues: attValues(edgeFields[1:], e)}, element("edge"))
}

func (g *gexfEncoder) end() error {
	if err := g.toEdges(); err != nil {
		return err
	}
	return endXML(g.w, g.enc, g.open)
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
