package export

import (
	"strconv"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// ListSeparator joins list values (aliases, documents) in the flat formats: GraphML, GEXF and CSV.
const ListSeparator = " | "

// field is one exported property of a node or an edge; value reports false when it is absent.
type field[T any] struct {
	name   string
	double bool // a number (GraphML and GEXF "double"); a string otherwise
	value  func(T) (string, bool)
}

// nodeFields are the properties of a node in every flat format, in column order. Kinds and
// roles are spelled as the API's enums (graph.KindName, graph.RoleName), in every format.
// The id is not among them: each format writes it in its own place.
var nodeFields = []field[graph.Node]{
	{name: "label", value: func(n graph.Node) (string, bool) { return n.Name, true }},
	{name: "kind", value: func(n graph.Node) (string, bool) { return graph.KindName(n.Kind), true }},
	{name: "name", value: func(n graph.Node) (string, bool) { return n.Name, true }},
	{name: "aliases", value: func(n graph.Node) (string, bool) { return joined(n.Aliases) }},
	{name: "country", value: func(n graph.Node) (string, bool) { return opt(n.Country) }},
	{name: "startDate", value: func(n graph.Node) (string, bool) { return opt(n.StartDate) }},
	{name: "endDate", value: func(n graph.Node) (string, bool) { return opt(n.EndDate) }},
	{name: "place", value: func(n graph.Node) (string, bool) { return opt(n.Place) }},
	{name: "title", value: func(n graph.Node) (string, bool) { return opt(n.Title) }},
	{name: "subtype", value: func(n graph.Node) (string, bool) { return opt(n.Subtype) }},
	{name: "description", value: func(n graph.Node) (string, bool) { return opt(n.Description) }},
	{name: "language", value: func(n graph.Node) (string, bool) { return opt(n.Language) }},
	{name: "file", value: func(n graph.Node) (string, bool) { return opt(n.File) }},
	{name: "sha256", value: func(n graph.Node) (string, bool) { return opt(n.SHA256) }},
	{name: "published", value: func(n graph.Node) (string, bool) { return opt(n.Published) }},
	{name: "documents", value: func(n graph.Node) (string, bool) { return joined(documents(n.Sources)) }},
	{name: "confidence", double: true, value: func(n graph.Node) (string, bool) { return number(&n.Confidence) }},
}

// edgeFields are the properties of an edge in every flat format, in column order. The
// edge's id (its key), source and target are not among them.
var edgeFields = []field[graph.Edge]{
	{name: "label", value: func(e graph.Edge) (string, bool) { return graph.EdgeKindName(e.Kind), true }},
	{name: "kind", value: func(e graph.Edge) (string, bool) { return graph.EdgeKindName(e.Kind), true }},
	{name: "role", value: func(e graph.Edge) (string, bool) { return opt(role(e.Role)) }},
	{name: "date", value: func(e graph.Edge) (string, bool) { return opt(e.Date) }},
	{name: "title", value: func(e graph.Edge) (string, bool) { return opt(e.Title) }},
	{name: "place", value: func(e graph.Edge) (string, bool) { return opt(e.Place) }},
	{name: "amount", double: true, value: func(e graph.Edge) (string, bool) { return number(e.Amount) }},
	{name: "currency", value: func(e graph.Edge) (string, bool) { return opt(e.Currency) }},
	{name: "documents", value: func(e graph.Edge) (string, bool) { return joined(documents(e.Sources)) }},
	{name: "confidence", double: true, value: func(e graph.Edge) (string, bool) { return number(&e.Confidence) }},
}

// role is a stored role as the API spells it (speaker: SPEAKER), or nil.
func role(r *string) *string {
	if r == nil {
		return nil
	}
	name := graph.RoleName(*r)
	return &name
}

func opt(s *string) (string, bool) {
	if s == nil {
		return "", false
	}
	return *s, true
}

// number writes a double as briefly as it reads back exactly.
func number(f *float64) (string, bool) {
	if f == nil {
		return "", false
	}
	return strconv.FormatFloat(*f, 'g', -1, 64), true
}

func joined(list []string) (string, bool) {
	if len(list) == 0 {
		return "", false
	}
	return strings.Join(list, ListSeparator), true
}

// documents lists, in first-seen order, the distinct documents (or reference data such as
// "gazetteer") that a node or edge was read from.
func documents(sources []fixtures.Source) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range sources {
		d := s.Document
		if s.Reference != "" {
			d = s.Reference
		}
		if d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// clean drops repeated nodes and edges and the edges whose ends are not in the subgraph,
// so that every writer gets a graph that its format can express.
func clean(sg *graph.Subgraph) (nodes []graph.Node, edges []graph.Edge) {
	if sg == nil {
		return nil, nil
	}
	seen := make(map[string]bool, len(sg.Nodes))
	for _, n := range sg.Nodes {
		if !seen[n.ID] {
			seen[n.ID] = true
			nodes = append(nodes, n)
		}
	}
	edgeSeen := make(map[string]bool, len(sg.Edges))
	for _, e := range sg.Edges {
		if seen[e.From] && seen[e.To] && !edgeSeen[e.ID] {
			edgeSeen[e.ID] = true
			edges = append(edges, e)
		}
	}
	return nodes, edges
}
