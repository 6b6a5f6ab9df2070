package export

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"time"

	"github.com/entente/entente/graph"
)

// WriteNodesCSV writes one row per node: id, then nodeFields' columns (empty when absent).
func WriteNodesCSV(w io.Writer, sg *graph.Subgraph) error {
	return writeSubgraph(newNodesCSV(w), sg)
}

// WriteEdgesCSV writes one row per edge: id (the edge key), source, target, then edgeFields' columns.
func WriteEdgesCSV(w io.Writer, sg *graph.Subgraph) error {
	return writeSubgraph(newEdgesCSV(w), sg)
}

// WriteCSVZip writes a zip archive holding nodes.csv and edges.csv.
func WriteCSVZip(w io.Writer, sg *graph.Subgraph) error {
	return writeSubgraph(newCSVZip(w), sg)
}

// csvEncoder writes the rows of nodes.csv (nodes) or edges.csv (!nodes) and ignores the rest.
type csvEncoder struct {
	cw    *csv.Writer
	nodes bool
}

func newNodesCSV(w io.Writer) encoder { return &csvEncoder{cw: csv.NewWriter(w), nodes: true} }
func newEdgesCSV(w io.Writer) encoder { return &csvEncoder{cw: csv.NewWriter(w)} }

func (c *csvEncoder) begin(header) error {
	header := []string{"id", "source", "target"}
	for _, f := range edgeFields {
		header = append(header, f.name)
	}
	if c.nodes {
		header = []string{"id"}
		for _, f := range nodeFields {
			header = append(header, f.name)
		}
	}
	return c.cw.Write(header)
}

func (c *csvEncoder) node(n graph.Node) error {
	if !c.nodes {
		return nil
	}
	row := []string{n.ID}
	for _, f := range nodeFields {
		v, _ := f.value(n)
		row = append(row, v)
	}
	return c.cw.Write(row)
}

func (c *csvEncoder) edge(e graph.Edge) error {
	if c.nodes {
		return nil
	}
	row := []string{e.ID, e.From, e.To}
	for _, f := range edgeFields {
		v, _ := f.value(e)
		row = append(row, v)
	}
	return c.cw.Write(row)
}

func (c *csvEncoder) end() error {
	c.cw.Flush()
	return c.cw.Error()
}

// zipEncoder writes nodes.csv, then edges.csv, into a zip archive.
type zipEncoder struct {
	zw    *zip.Writer
	now   time.Time
	part  encoder // the CSV being written
	edges bool    // part is edges.csv
}

func newCSVZip(w io.Writer) encoder { return &zipEncoder{zw: zip.NewWriter(w), now: time.Now().UTC()} }

// open starts the next file of the archive.
func (z *zipEncoder) open(name string, newPart func(io.Writer) encoder) error {
	fw, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.now})
	if err != nil {
		return err
	}
	z.part = newPart(fw)
	return z.part.begin(header{})
}

func (z *zipEncoder) begin(header) error { return z.open("nodes.csv", newNodesCSV) }

func (z *zipEncoder) node(n graph.Node) error { return z.part.node(n) }

// toEdges ends nodes.csv and starts edges.csv, once.
func (z *zipEncoder) toEdges() error {
	if z.edges {
		return nil
	}
	z.edges = true
	if err := z.part.end(); err != nil {
		return err
	}
	return z.open("edges.csv", newEdgesCSV)
}

func (z *zipEncoder) edge(e graph.Edge) error {
	if err := z.toEdges(); err != nil {
		return err
	}
	return z.part.edge(e)
}

func (z *zipEncoder) end() error {
	if err := z.toEdges(); err != nil {
		return err
	}
	if err := z.part.end(); err != nil {
		return err
	}
	return z.zw.Close()
}
