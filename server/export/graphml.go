package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/entente/entente/graph"
)

// GraphML namespaces and the schema that the documents we write validate against.
const (
	graphmlNS     = "http://graphml.graphdrawing.org/xmlns"
	graphmlSchema = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
	xsiNS         = "http://www.w3.org/2001/XMLSchema-instance"
)

type graphmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphmlData `xml:"data"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// WriteGraphML writes sg as a directed GraphML document. Every property has a typed
// <key>; node and edge ids are the graph's ids (edge keys for edges), escaped by GraphMLID
// where they are not XML name tokens (an edge key joins its kind and ends with "|", which
// reads back with ParseGraphMLID). The graph's "truncated" data says whether a
// neighbourhood hit its size limit.
func WriteGraphML(w io.Writer, sg *graph.Subgraph) error {
	return writeSubgraph(newGraphML(w), sg)
}

// graphmlEncoder writes GraphML one node and one edge at a time.
type graphmlEncoder struct {
	w    io.Writer
	enc  *xml.Encoder
	open []xml.StartElement
}

func newGraphML(w io.Writer) encoder { return &graphmlEncoder{w: w} }

func (g *graphmlEncoder) begin(h header) error {
	g.enc = startXML(g.w)
	if err := g.start("graphml", "xmlns", graphmlNS, "xmlns:xsi", xsiNS, "xsi:schemaLocation", graphmlSchema); err != nil {
		return err
	}
	keys := []graphmlKey{{ID: "g_truncated", For: "graph", Name: "truncated", Type: "boolean"}}
	for _, f := range nodeFields {
		keys = append(keys, graphmlKey{ID: "n_" + f.name, For: "node", Name: f.name, Type: xsdType(f.double)})
	}
	for _, f := range edgeFields {
		keys = append(keys, graphmlKey{ID: "e_" + f.name, For: "edge", Name: f.name, Type: xsdType(f.double)})
	}
	for _, k := range keys {
		if err := g.enc.EncodeElement(k, element("key")); err != nil {
			return err
		}
	}
	if err := g.start("graph", "id", "entente", "edgedefault", "directed"); err != nil {
		return err
	}
	return g.enc.EncodeElement(graphmlData{Key: "g_truncated", Value: fmt.Sprint(h.truncated)}, element("data"))
}

func (g *graphmlEncoder) start(name string, attrs ...string) error {
	e := element(name, attrs...)
	g.open = append(g.open, e)
	return g.enc.EncodeToken(e)
}

func (g *graphmlEncoder) node(n graph.Node) error {
	gn := graphmlNode{ID: GraphMLID(n.ID)}
	for _, f := range nodeFields {
		if v, ok := f.value(n); ok {
			gn.Data = append(gn.Data, graphmlData{Key: "n_" + f.name, Value: v})
		}
	}
	return g.enc.EncodeElement(gn, element("node"))
}

func (g *graphmlEncoder) edge(e graph.Edge) error {
	ge := graphmlEdge{ID: GraphMLID(e.ID), Source: GraphMLID(e.From), Target: GraphMLID(e.To)}
	for _, f := range edgeFields {
		if v, ok := f.value(e); ok {
			ge.Data = append(ge.Data, graphmlData{Key: "e_" + f.name, Value: v})
		}
	}
	return g.enc.EncodeElement(ge, element("edge"))
}

func (g *graphmlEncoder) end() error { return endXML(g.w, g.enc, g.open) }

func xsdType(double bool) string {
	if double {
		return "double"
	}
	return "string"
}

// startXML writes the XML declaration and returns an indenting encoder.
func startXML(w io.Writer) *xml.Encoder {
	_, _ = io.WriteString(w, xml.Header) // an error shows again at the encoder's first flush
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	return enc
}

// endXML closes the elements still open, innermost first, and ends the document with a newline.
func endXML(w io.Writer, enc *xml.Encoder, open []xml.StartElement) error {
	for i := len(open) - 1; i >= 0; i-- {
		if err := enc.EncodeToken(open[i].End()); err != nil {
			return err
		}
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// element is a start tag with attributes given as name, value pairs.
func element(name string, attrs ...string) xml.StartElement {
	e := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		e.Attr = append(e.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	return e
}

// GraphMLID returns id unchanged when it is an XML name token (as GraphML's schema wants
// node ids to be) and otherwise escapes each offending character as _xHHHH_, the way
// .NET's XmlConvert.EncodeNmToken does; "_x" is escaped too so that the mapping is
// reversible (see ParseGraphMLID).
func GraphMLID(id string) string {
	if id != "" && isNmtoken(id) && !strings.Contains(id, "_x") {
		return id
	}
	var b strings.Builder
	for i, r := range id {
		if isNameChar(r) && !(r == '_' && strings.HasPrefix(id[i+1:], "x")) {
			b.WriteRune(r)
			continue
		}
		if r > 0xFFFF {
			fmt.Fprintf(&b, "_x%08X_", r)
		} else {
			fmt.Fprintf(&b, "_x%04X_", r)
		}
	}
	if b.Len() == 0 {
		return "_x_" // the empty id; never produced by the escapes above
	}
	return b.String()
}

// ParseGraphMLID reverses GraphMLID.
func ParseGraphMLID(s string) string {
	if s == "_x_" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '_' && i+1 < len(s) && s[i+1] == 'x' {
			if end := strings.IndexByte(s[i+2:], '_'); end == 4 || end == 8 {
				if r, err := strconv.ParseUint(s[i+2:i+2+end], 16, 32); err == nil {
					b.WriteRune(rune(r))
					i += end + 3
					continue
				}
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += size
	}
	return b.String()
}

func isNmtoken(s string) bool {
	for _, r := range s {
		if !isNameChar(r) {
			return false
		}
	}
	return true
}

// isNameChar reports whether r is an XML 1.0 (fifth edition) NameChar.
func isNameChar(r rune) bool {
	switch {
	case r == ':' || r == '_' || r == '-' || r == '.',
		'A' <= r && r <= 'Z', 'a' <= r && r <= 'z', '0' <= r && r <= '9',
		r == 0xB7,
		0xC0 <= r && r <= 0xD6, 0xD8 <= r && r <= 0xF6, 0xF8 <= r && r <= 0x2FF,
		0x300 <= r && r <= 0x37D, 0x37F <= r && r <= 0x1FFF, 0x200C <= r && r <= 0x200D,
		0x203F <= r && r <= 0x2040, 0x2070 <= r && r <= 0x218F, 0x2C00 <= r && r <= 0x2FEF,
		0x3001 <= r && r <= 0xD7FF, 0xF900 <= r && r <= 0xFDCF, 0xFDF0 <= r && r <= 0xFFFD,
		0x10000 <= r && r <= 0xEFFFF:
		return true
	}
	return false
}
