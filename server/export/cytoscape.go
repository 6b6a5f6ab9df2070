package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// CytoscapeGraph is a graph in the JSON that Cytoscape.js's cy.json() and cy.add() accept.
type CytoscapeGraph struct {
	Data     CytoscapeGraphData `json:"data"`
	Elements CytoscapeElements  `json:"elements"`
}

// CytoscapeGraphData is the graph-level data of a CytoscapeGraph.
type CytoscapeGraphData struct {
	Truncated bool `json:"truncated"` // a neighbourhood hit its size limit
}

// CytoscapeElements holds the nodes and edges of a CytoscapeGraph.
type CytoscapeElements struct {
	Nodes []CytoscapeNode `json:"nodes"`
	Edges []CytoscapeEdge `json:"edges"`
}

// CytoscapeNode is one node element.
type CytoscapeNode struct {
	Data CytoscapeNodeData `json:"data"`
}

// CytoscapeNodeData is a node's data: every property of graph.Node, absent ones omitted.
type CytoscapeNodeData struct {
	ID          string            `json:"id"`
	Label       string            `json:"label"` // the name, for styles
	Kind        string            `json:"kind"`  // as the API's NodeKind: UN_BODY
	Name        string            `json:"name"`
	Aliases     []string          `json:"aliases"`
	Country     *string           `json:"country,omitempty"`
	StartDate   *string           `json:"startDate,omitempty"`
	EndDate     *string           `json:"endDate,omitempty"`
	Place       *string           `json:"place,omitempty"`
	Title       *string           `json:"title,omitempty"`
	Subtype     *string           `json:"subtype,omitempty"`
	Description *string           `json:"description,omitempty"`
	Language    *string           `json:"language,omitempty"`
	File        *string           `json:"file,omitempty"`
	SHA256      *string           `json:"sha256,omitempty"`
	Published   *string           `json:"published,omitempty"`
	Confidence  float64           `json:"confidence"`
	Sources     []fixtures.Source `json:"sources"`
}

// CytoscapeEdge is one edge element.
type CytoscapeEdge struct {
	Data CytoscapeEdgeData `json:"data"`
}

// CytoscapeEdgeData is an edge's data: its key as id, its ends, and every property of graph.Edge.
type CytoscapeEdgeData struct {
	ID         string            `json:"id"`
	Source     string            `json:"source"`
	Target     string            `json:"target"`
	Label      string            `json:"label"`          // the kind, for styles
	Kind       string            `json:"kind"`           // as the API's EdgeKind: PARTICIPATED_IN
	Role       *string           `json:"role,omitempty"` // as the API's EdgeRole: SPEAKER
	Date       *string           `json:"date,omitempty"`
	Title      *string           `json:"title,omitempty"`
	Place      *string           `json:"place,omitempty"`
	Amount     *float64          `json:"amount,omitempty"`
	Currency   *string           `json:"currency,omitempty"`
	Confidence float64           `json:"confidence"`
	Sources    []fixtures.Source `json:"sources"`
}

// Cytoscape converts sg to Cytoscape.js elements; lists are never null.
func Cytoscape(sg *graph.Subgraph) CytoscapeGraph {
	nodes, edges := clean(sg)
	g := CytoscapeGraph{Data: CytoscapeGraphData{Truncated: sg != nil && sg.Truncated},
		Elements: CytoscapeElements{Nodes: make([]CytoscapeNode, len(nodes)), Edges: make([]CytoscapeEdge, len(edges))}}
	for i, n := range nodes {
		g.Elements.Nodes[i] = cytoscapeNode(n)
	}
	for i, e := range edges {
		g.Elements.Edges[i] = cytoscapeEdge(e)
	}
	return g
}

func cytoscapeNode(n graph.Node) CytoscapeNode {
	return CytoscapeNode{Data: CytoscapeNodeData{
		ID: n.ID, Label: n.Name, Kind: graph.KindName(n.Kind), Name: n.Name, Aliases: nonNil(n.Aliases),
		Country: n.Country, StartDate: n.StartDate, EndDate: n.EndDate, Place: n.Place, Title: n.Title,
		Subtype: n.Subtype, Description: n.Description, Language: n.Language, File: n.File,
		SHA256: n.SHA256, Published: n.Published, Confidence: n.Confidence, Sources: nonNil(n.Sources),
	}}
}

func cytoscapeEdge(e graph.Edge) CytoscapeEdge {
	return CytoscapeEdge{Data: CytoscapeEdgeData{
		ID: e.ID, Source: e.From, Target: e.To, Label: graph.EdgeKindName(e.Kind), Kind: graph.EdgeKindName(e.Kind),
		Role: role(e.Role), Date: e.Date,
		Title: e.Title, Place: e.Place, Amount: e.Amount, Currency: e.Currency, Confidence: e.Confidence,
		Sources: nonNil(e.Sources),
	}}
}

// WriteCytoscape writes Cytoscape(sg) as JSON.
func WriteCytoscape(w io.Writer, sg *graph.Subgraph) error {
	return writeSubgraph(newCytoscape(w), sg)
}

// cytoscapeEncoder writes the JSON of a CytoscapeGraph one element at a time, byte for
// byte as encoding/json writes the whole (compact, HTML characters as they are).
type cytoscapeEncoder struct {
	w       io.Writer
	buf     bytes.Buffer
	enc     *json.Encoder
	count   int // elements written in the current list
	inEdges bool
}

func newCytoscape(w io.Writer) encoder {
	c := &cytoscapeEncoder{w: w}
	c.enc = json.NewEncoder(&c.buf)
	c.enc.SetEscapeHTML(false)
	return c
}

func (c *cytoscapeEncoder) begin(h header) error {
	_, err := fmt.Fprintf(c.w, `{"data":{"truncated":%t},"elements":{"nodes":[`, h.truncated)
	return err
}

// element writes v after a comma unless it is the first of its list.
func (c *cytoscapeEncoder) element(v any) error {
	c.buf.Reset()
	if c.count > 0 {
		c.buf.WriteByte(',')
	}
	c.count++
	if err := c.enc.Encode(v); err != nil {
		return err
	}
	_, err := c.w.Write(bytes.TrimSuffix(c.buf.Bytes(), []byte("\n")))
	return err
}

func (c *cytoscapeEncoder) node(n graph.Node) error { return c.element(cytoscapeNode(n)) }

// toEdges ends the node list and starts the edge list, once.
func (c *cytoscapeEncoder) toEdges() error {
	if c.inEdges {
		return nil
	}
	c.inEdges, c.count = true, 0
	_, err := io.WriteString(c.w, `],"edges":[`)
	return err
}

func (c *cytoscapeEncoder) edge(e graph.Edge) error {
	if err := c.toEdges(); err != nil {
		return err
	}
	return c.element(cytoscapeEdge(e))
}

func (c *cytoscapeEncoder) end() error {
	if err := c.toEdges(); err != nil {
		return err
	}
	_, err := io.WriteString(c.w, "]}}\n")
	return err
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
