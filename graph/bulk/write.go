package bulk

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// LabelEmptyAliases marks, in the CSV, the nodes whose aliases are an empty list:
// neo4j-admin stores no empty array, and the incremental path stores one. The post-pass
// (graph.Store.FinishBulk) sets it and removes the label.
const LabelEmptyAliases = graph.LabelBulkEmptyAliases

// Files are the CSV files of one import.
type Files struct {
	Nodes         []string
	Relationships []string
	Multiline     []string // those that hold a line break in a value
}

// WriteCSV writes what the plan holds (but the history records, written as the files were
// added to changes, and the records of the files loaded, written by the post-pass: Loaded)
// to dir, and closes changes. Nodes and relationships that a meeting
// merge touched are written as they were then (the post-pass does the rest).
func (p *Plan) WriteCSV(dir string, changes *CSVWriter) (Files, error) {
	var files Files
	var all []*CSVWriter
	open := func(name string, node bool, header ...string) (*CSVWriter, error) {
		w, err := NewCSV(filepath.Join(dir, name), header...)
		if err != nil {
			return nil, err
		}
		all = append(all, w)
		if node {
			files.Nodes = append(files.Nodes, w.Path)
		} else {
			files.Relationships = append(files.Relationships, w.Path)
		}
		return w, nil
	}
	all = append(all, changes)
	files.Nodes = append(files.Nodes, changes.Path)
	err := func() error {
		nodes, err := open("nodes.csv", true, append([]string{"id:ID", ":LABEL", "kind", "name", "aliases:string[]", "aliasText",
			"refSources:string[]", "confidence:double"}, nodePropNames[:]...)...)
		if err != nil {
			return err
		}
		docs, err := open("documents.csv", true, append([]string{"id:ID", ":LABEL", "kind", "name"}, docPropNames[:]...)...)
		if err != nil {
			return err
		}
		edges, err := open("edges.csv", false, append([]string{":START_ID", ":END_ID", ":TYPE", "key", "sources:string[]"},
			append(edgePropNames[:], "amount:double", "confidence:double", "status")...)...)
		if err != nil {
			return err
		}
		mentions, err := open("mentions.csv", false, ":START_ID", ":END_ID", ":TYPE", "sources:string[]")
		if err != nil {
			return err
		}
		for id, d := range p.docs {
			docs.Str(id)
			docs.Strs([]string{graph.LabelEntity, graph.KindDocument})
			docs.Str(graph.KindDocument)
			docs.Str(d.name)
			for i := range docProps {
				docs.Opt(d.props.v[i], d.props.set&(1<<i) != 0)
			}
			docs.End()
		}
		for id, n := range p.nodes {
			if n.frozen != nil {
				n = n.frozen
			}
			labels := []string{graph.LabelEntity, n.kind}
			switch n.status {
			case stProposed:
				labels = append(labels, graph.LabelProposed)
			case stRejected:
				labels = append(labels, graph.LabelRejected)
			}
			if len(n.aliases) == 0 {
				labels = append(labels, LabelEmptyAliases)
			}
			nodes.Str(id)
			nodes.Strs(labels)
			nodes.Str(n.kind)
			nodes.Str(n.name)
			nodes.Strs(n.aliases)
			nodes.Str(joinAliases(n.aliases))
			nodes.Strs(n.refs)
			nodes.Float(n.confidence)
			for i := range nodeProps {
				nodes.Opt(n.prop(i))
			}
			nodes.End()
			for _, m := range n.mentions {
				mentions.Str(m.doc)
				mentions.Str(id)
				mentions.Str("MENTIONS")
				mentions.Strs(m.spans)
				mentions.End()
			}
		}
		for _, e := range p.edges {
			if e.frozen != nil {
				e = e.frozen
			} else if e.absent || e.gone {
				continue
			}
			edges.Str(e.from)
			edges.Str(e.to)
			edges.Str(e.kind)
			edges.Str(e.key)
			edges.Strs(e.sources)
			for i := range edgeProps {
				edges.Opt(e.props.v[i], e.props.set&(1<<i) != 0)
			}
			if e.hasAmount {
				edges.Float(e.amount)
			} else {
				edges.Null()
			}
			edges.Float(e.confidence)
			if e.status == stAccepted {
				edges.Null()
			} else {
				edges.Str(statusName(e.status))
			}
			edges.End()
		}
		return nil
	}()
	for _, w := range all {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if w.Multiline {
			files.Multiline = append(files.Multiline, w.Path)
		}
	}
	if err != nil {
		return Files{}, err
	}
	return files, nil
}

// joinAliases is graph's aliasText: what the full-text index reads besides the name.
func joinAliases(aliases []string) string { return strings.Join(aliases, " | ") }

// errTooLarge is a fixture file the incremental path imports as an import run, whose
// meeting merges are found chunk by chunk: the plan does not reproduce them.
var errTooLarge = errors.New("a fixture file is imported as an import run by the incremental path")

// tooLarge says whether a fixture is imported as an import run.
func tooLarge(f *fixtures.Fixture) bool {
	return len(f.Documents)+len(f.Nodes)+len(f.Edges) > graph.ImportOneTransaction
}
