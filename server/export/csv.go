package export

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/entente/entente/fixtures"
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

// WriteSourcesCSV writes one row per source of each node, then of each edge: sourceColumns.
func WriteSourcesCSV(w io.Writer, sg *graph.Subgraph) error {
	return writeSubgraph(newSourcesCSV(w), sg)
}

// WriteCSVZip writes a zip archive holding nodes.csv, edges.csv and sources.csv.
func WriteCSVZip(w io.Writer, sg *graph.Subgraph) error {
	return writeSubgraph(newCSVZip(w), sg)
}

// sourceColumns are the columns of sources.csv, one row per source of a node or an edge:
// element ("node" or "edge"), id (the node's id or the edge's key, as in nodes.csv and
// edges.csv), and either a document span (document id, start and end in Unicode code
// points, end exclusive, and the quoted text) or a reference (reference data such as
// "gazetteer").
var sourceColumns = []string{"element", "id", "document", "start", "end", "text", "reference"}

// csvPart is which of the three CSV files an encoder writes.
type csvPart int

const (
	csvNodes csvPart = iota
	csvEdges
	csvSources
)

// csvEncoder writes the rows of one CSV file and ignores the rest.
type csvEncoder struct {
	cw   *csv.Writer
	part csvPart
}

func newNodesCSV(w io.Writer) encoder   { return &csvEncoder{cw: csv.NewWriter(w), part: csvNodes} }
func newEdgesCSV(w io.Writer) encoder   { return &csvEncoder{cw: csv.NewWriter(w), part: csvEdges} }
func newSourcesCSV(w io.Writer) encoder { return &csvEncoder{cw: csv.NewWriter(w), part: csvSources} }

func (c *csvEncoder) begin(header) error {
	var header []string
	switch c.part {
	case csvNodes:
		header = []string{"id"}
		for _, f := range nodeFields {
			header = append(header, f.name)
		}
	case csvEdges:
		header = []string{"id", "source", "target"}
		for _, f := range edgeFields {
			header = append(header, f.name)
		}
	case csvSources:
		header = sourceColumns
	}
	return c.cw.Write(header)
}

func (c *csvEncoder) node(n graph.Node) error {
	switch c.part {
	case csvNodes:
		row := []string{n.ID}
		for _, f := range nodeFields {
			v, _ := f.value(n)
			row = append(row, v)
		}
		return c.cw.Write(row)
	case csvSources:
		return c.sources("node", n.ID, n.Sources)
	}
	return nil
}

func (c *csvEncoder) edge(e graph.Edge) error {
	switch c.part {
	case csvEdges:
		row := []string{e.ID, e.From, e.To}
		for _, f := range edgeFields {
			v, _ := f.value(e)
			row = append(row, v)
		}
		return c.cw.Write(row)
	case csvSources:
		return c.sources("edge", e.ID, e.Sources)
	}
	return nil
}

// sources writes a row per source of the node or edge id.
func (c *csvEncoder) sources(element, id string, srcs []fixtures.Source) error {
	for _, s := range srcs {
		row := []string{element, id, "", "", "", "", s.Reference}
		if s.Reference == "" {
			row[2], row[3], row[4], row[5] = s.Document, strconv.Itoa(s.Start), strconv.Itoa(s.End), s.Text
		}
		if err := c.cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}

func (c *csvEncoder) end() error {
	c.cw.Flush()
	return c.cw.Error()
}

// zipEncoder writes nodes.csv, then edges.csv, then sources.csv into a zip archive. The
// entries of a zip follow one another, so the sources, read with each node and edge, wait
// in a temporary file (not in memory) until edges.csv is done.
type zipEncoder struct {
	zw      *zip.Writer
	now     time.Time
	part    encoder // nodes.csv or edges.csv, being written
	edges   bool    // part is edges.csv
	spool   *os.File
	sources encoder // sources.csv, into spool
}

func newCSVZip(w io.Writer) encoder { return &zipEncoder{zw: zip.NewWriter(w), now: time.Now().UTC()} }

// open starts the next file of the archive.
func (z *zipEncoder) open(name string, newPart func(io.Writer) encoder) (encoder, error) {
	fw, err := z.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.now})
	if err != nil {
		return nil, err
	}
	part := newPart(fw)
	return part, part.begin(header{})
}

func (z *zipEncoder) begin(header) error {
	spool, err := os.CreateTemp("", "entente-sources-*.csv")
	if err != nil {
		return err
	}
	// Unlinked at once: the file goes with its descriptor, whichever way the export ends.
	_ = os.Remove(spool.Name())
	z.spool, z.sources = spool, newSourcesCSV(spool)
	if err := z.sources.begin(header{}); err != nil {
		return err
	}
	z.part, err = z.open("nodes.csv", newNodesCSV)
	return err
}

func (z *zipEncoder) node(n graph.Node) error {
	if err := z.sources.node(n); err != nil {
		return err
	}
	return z.part.node(n)
}

// toEdges ends nodes.csv and starts edges.csv, once.
func (z *zipEncoder) toEdges() error {
	if z.edges {
		return nil
	}
	z.edges = true
	if err := z.part.end(); err != nil {
		return err
	}
	var err error
	z.part, err = z.open("edges.csv", newEdgesCSV)
	return err
}

func (z *zipEncoder) edge(e graph.Edge) error {
	if err := z.toEdges(); err != nil {
		return err
	}
	if err := z.sources.edge(e); err != nil {
		return err
	}
	return z.part.edge(e)
}

func (z *zipEncoder) end() error {
	defer z.spool.Close()
	if err := z.toEdges(); err != nil {
		return err
	}
	if err := z.part.end(); err != nil {
		return err
	}
	if err := z.sources.end(); err != nil {
		return err
	}
	fw, err := z.zw.CreateHeader(&zip.FileHeader{Name: "sources.csv", Method: zip.Deflate, Modified: z.now})
	if err != nil {
		return err
	}
	if _, err := z.spool.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(fw, z.spool); err != nil {
		return err
	}
	return z.zw.Close()
}
