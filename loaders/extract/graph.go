package extract

import (
	"sort"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/text"
)

// graph collects the nodes and edges of one document with their sources.
type graph struct {
	doc     string
	text    *text.Doc
	nodes   map[string]*fixtures.Node
	edges   map[string]*fixtures.Edge
	sources map[sourceKey]bool // sources already added, so long documents stay linear
	aliases map[[2]string]bool
}

type sourceKey struct {
	owner      string // node id or edge key
	start, end int
}

func newGraph(doc string, d *text.Doc) *graph {
	return &graph{doc: doc, text: d, nodes: map[string]*fixtures.Node{}, edges: map[string]*fixtures.Edge{},
		sources: map[sourceKey]bool{}, aliases: map[[2]string]bool{}}
}

// addSpan adds a span source to a list once.
func (g *graph) addSpan(owner string, list []fixtures.Source, s text.Span) []fixtures.Source {
	k := sourceKey{owner, s.Start, s.End}
	if g.sources[k] {
		return list
	}
	g.sources[k] = true
	return append(list, g.span(s))
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// node returns the node with an id, creating it with a kind and a name.
func (g *graph) node(id, kind, name string) *fixtures.Node {
	n := g.nodes[id]
	if n == nil {
		n = &fixtures.Node{ID: id, Kind: kind, Name: name, Aliases: []string{}, Properties: map[string]any{}}
		g.nodes[id] = n
	}
	return n
}

// mention adds a span of the document as a source of a node and, unless it only refers
// back to the node ("l'Office"), its text as an alias.
func (g *graph) mention(n *fixtures.Node, s text.Span, anaphor bool) {
	n.Sources = g.addSpan(n.ID, n.Sources, s)
	if anaphor {
		return
	}
	alias := g.text.Slice(s)
	if k := [2]string{n.ID, alias}; alias != n.Name && !g.aliases[k] {
		g.aliases[k] = true
		n.Aliases = append(n.Aliases, alias)
	}
}

// reference marks a node or edge as known from the gazetteer.
var reference = fixtures.Source{Reference: "gazetteer"}

func (g *graph) span(s text.Span) fixtures.Source {
	return fixtures.Source{Document: g.doc, Start: s.Start, End: s.End, Text: g.text.Slice(s)}
}

// edge adds an edge, or a source to an existing one. A zero span means the gazetteer.
func (g *graph) edge(kind, from, to string, s text.Span, role string) *fixtures.Edge {
	if from == to || from == "" || to == "" {
		return nil
	}
	e := fixtures.Edge{Kind: kind, From: from, To: to}
	if kind == fixtures.EdgeMemorandum && from > to {
		e.From, e.To = to, from
	}
	key := e.Key()
	if old := g.edges[key]; old != nil {
		e = *old
	} else {
		e.Role, e.Properties = strp(role), map[string]any{}
	}
	if s.End > s.Start {
		e.Sources = g.addSpan(key, e.Sources, s)
	} else {
		e.Sources = addSource(e.Sources, reference)
	}
	g.edges[key] = &e
	return &e
}

func addSource(list []fixtures.Source, s fixtures.Source) []fixtures.Source {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fixture returns the nodes and edges in a stable order: nodes by id, edges by key.
func (g *graph) fixture(doc fixtures.Document) *fixtures.Fixture {
	f := &fixtures.Fixture{Format: fixtures.Format, Documents: []fixtures.Document{doc}}
	for _, n := range g.nodes {
		if len(n.Sources) == 0 {
			n.Sources = []fixtures.Source{reference}
		}
		f.Nodes = append(f.Nodes, *n)
	}
	for _, e := range g.edges {
		f.Edges = append(f.Edges, *e)
	}
	sortFixture(f)
	return f
}

func sortFixture(f *fixtures.Fixture) {
	sort.Slice(f.Nodes, func(i, j int) bool { return f.Nodes[i].ID < f.Nodes[j].ID })
	sort.Slice(f.Edges, func(i, j int) bool { return f.Edges[i].Key() < f.Edges[j].Key() })
	sort.Slice(f.Documents, func(i, j int) bool { return f.Documents[i].ID < f.Documents[j].ID })
}

// Merge combines fixtures into one: one node per id (aliases and sources merged, the
// first non-empty value of each field kept, the higher confidence) and one edge per key.
// Meetings that several documents report under different ids become one
// (fixtures.MeetingRedirects: one event, many reports).
func Merge(fs ...*fixtures.Fixture) *fixtures.Fixture {
	out := mergeByID(fs...)
	if r := fixtures.MeetingRedirects(out.Nodes); len(r) > 0 {
		out = mergeByID(fixtures.ApplyRedirects(out, r))
	}
	return out
}

// mergeByID is Merge without the meetings: nodes are combined by id only.
func mergeByID(fs ...*fixtures.Fixture) *fixtures.Fixture {
	out := &fixtures.Fixture{Format: fixtures.Format}
	nodes := map[string]int{}
	edges := map[string]int{}
	docs := map[string]bool{}
	for _, f := range fs {
		for _, d := range f.Documents {
			if !docs[d.ID] {
				docs[d.ID] = true
				out.Documents = append(out.Documents, d)
			}
		}
		for _, n := range f.Nodes {
			i, ok := nodes[n.ID]
			if !ok {
				nodes[n.ID] = len(out.Nodes)
				n.Aliases = append([]string{}, n.Aliases...)
				n.Sources = append([]fixtures.Source{}, n.Sources...)
				out.Nodes = append(out.Nodes, n)
				continue
			}
			m := &out.Nodes[i]
			for _, a := range n.Aliases {
				if a != m.Name && !contains(m.Aliases, a) {
					m.Aliases = append(m.Aliases, a)
				}
			}
			for _, s := range n.Sources {
				m.Sources = addSource(m.Sources, s)
			}
			m.Confidence = higher(m.Confidence, n.Confidence)
			mergeNodeFields(m, &n)
		}
		for _, e := range f.Edges {
			i, ok := edges[e.Key()]
			if !ok {
				edges[e.Key()] = len(out.Edges)
				e.Sources = append([]fixtures.Source{}, e.Sources...)
				out.Edges = append(out.Edges, e)
				continue
			}
			for _, s := range e.Sources {
				out.Edges[i].Sources = addSource(out.Edges[i].Sources, s)
			}
			out.Edges[i].Confidence = higher(out.Edges[i].Confidence, e.Confidence)
		}
	}
	for i := range out.Nodes {
		out.Nodes[i].Sources = dropRedundantReference(out.Nodes[i].Sources)
	}
	for i := range out.Edges {
		out.Edges[i].Sources = dropRedundantReference(out.Edges[i].Sources)
	}
	sortFixture(out)
	return out
}

// higher is the higher of two confidences (absent is 1): more evidence never lowers one.
func higher(a, b *float64) *float64 {
	if fixtures.ConfidenceOf(a) >= fixtures.ConfidenceOf(b) {
		return a
	}
	return b
}

func mergeNodeFields(m, n *fixtures.Node) {
	for _, p := range []struct{ dst, src **string }{{&m.Country, &n.Country}, {&m.StartDate, &n.StartDate}, {&m.EndDate, &n.EndDate}, {&m.Place, &n.Place}} {
		if *p.dst == nil && *p.src != nil {
			*p.dst = *p.src
		}
	}
	for k, v := range n.Properties {
		if _, ok := m.Properties[k]; !ok {
			if m.Properties == nil {
				m.Properties = map[string]any{}
			}
			m.Properties[k] = v
		}
	}
}

// dropRedundantReference removes the gazetteer source of a node also read in a document.
func dropRedundantReference(list []fixtures.Source) []fixtures.Source {
	if len(list) < 2 {
		return list
	}
	out := list[:0:0]
	for _, s := range list {
		if s.Reference == "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return list[:1]
	}
	return out
}
