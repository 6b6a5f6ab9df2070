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
	nodes, _ := clean(sg)
	cw := csv.NewWriter(w)
	header := []string{"id"}
	for _, f := range nodeFields {
		header = append(header, f.name)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, n := range nodes {
		row := []string{n.ID}
		for _, f := range nodeFields {
			v, _ := f.value(n)
			row = append(row, v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteEdgesCSV writes one row per edge: id (the edge key), source, target, then edgeFields' columns.
func WriteEdgesCSV(w io.Writer, sg *graph.Subgraph) error {
	_, edges := clean(sg)
	cw := csv.NewWriter(w)
	header := []string{"id", "source", "target"}
	for _, f := range edgeFields {
		header = append(header, f.name)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, e := range edges {
		row := []string{e.ID, e.From, e.To}
		for _, f := range edgeFields {
			v, _ := f.value(e)
			row = append(row, v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSVZip writes a zip archive holding nodes.csv and edges.csv.
func WriteCSVZip(w io.Writer, sg *graph.Subgraph) error {
	zw := zip.NewWriter(w)
	now := time.Now().UTC()
	for _, part := range []struct {
		name  string
		write func(io.Writer, *graph.Subgraph) error
	}{{"nodes.csv", WriteNodesCSV}, {"edges.csv", WriteEdgesCSV}} {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return err
		}
		if err := part.write(fw, sg); err != nil {
			return err
		}
	}
	return zw.Close()
}
