package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/entente/entente/fixtures"
)

// Expand says which relations to read along with a node, and, for each, what to read
// along with the nodes at its far end: a GraphQL selection turned into one statement.
type Expand struct {
	Rels []ExpandRel
	// Fields, when not nil, are the only stored node fields to project at every level (of
	// ExpandFields; id, kind, name, dates and status are always read): a caller that
	// knows every node field its request can read says so, and Neo4j reads and the driver
	// decodes a few properties per node instead of eighteen. Only the top Expand's counts.
	Fields []string
	// EdgeFields, when not nil, are likewise the only edge fields of ExpandEdgeFields to
	// project (key, kind, ends, role and date are always read).
	EdgeFields []string
}

// ExpandEdgeFields are the stored edge fields that Expand.EdgeFields may name.
var ExpandEdgeFields = []string{"title", "place", "amount", "currency", "confidence", "status"}

// expandEdgeProj is the projection of relationship variable r, with the fields of
// Expand.EdgeFields (nil: edgeProjFrom).
func expandEdgeProj(r, from, to string, fields []string) string {
	if fields == nil {
		return edgeProjFrom(r, from, to)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "{key: %[1]s.key, kind: type(%[1]s), from: %[2]s, to: %[3]s, role: %[1]s.role, date: %[1]s.date", r, from, to)
	for _, f := range fields {
		if fixtures.Contains(ExpandEdgeFields, f) { // only names from the list are spliced in
			fmt.Fprintf(&b, ", %[1]s: %[2]s.%[1]s", f, r)
		}
	}
	b.WriteString("}")
	return b.String()
}

// ExpandFields are the stored node fields that Expand.Fields may name (GraphQL's names).
var ExpandFields = []string{"aliases", "country", "place", "title", "subtype", "description",
	"language", "file", "sha256", "published", "url", "confidence"}

// expandNodeFields is the projection of node variable v with the fields of Expand.Fields
// (nil: nodeFields).
func expandNodeFields(v string, fields []string) string {
	if fields == nil {
		return nodeFields(v)
	}
	var b strings.Builder
	b.WriteString("{.id, .kind, .name, .startDate, .endDate")
	for _, f := range fields {
		if fixtures.Contains(ExpandFields, f) { // only names from the list are spliced in
			b.WriteString(", ." + f)
		}
	}
	b.WriteString(", status: " + nodeStatusCypher(v) + "}")
	return b.String()
}

// ExpandRel is one relation to read: the edges of one kind in one direction, and the
// expansion of their far ends (nil: only the far ends themselves).
type ExpandRel struct {
	Kind string // an edge kind or EdgeMentions
	Out  bool
	Far  *Expand
}

// MaxExpandDepth is how many levels of relations one statement reads at most; deeper
// levels are left to EdgesOf.
const MaxExpandDepth = 3

// Expanded is what NodesExpanded read besides the nodes asked for: every node reached,
// and the edges of every (node, kind, direction) read, each list in EdgesOf's order.
type Expanded struct {
	Nodes []Node
	Edges map[EdgeQuery][]Edge
}

// NodesExpanded returns the nodes with these ids as NodesByID does (nil x: nothing more),
// and reads the relations x asks for, recursively, in the same statement. One round trip.
func (s *Store) NodesExpanded(ctx context.Context, ids []string, x *Expand) ([]*Node, Expanded, error) {
	got := Expanded{Edges: map[EdgeQuery][]Edge{}}
	cypher, err := expandCypher(x)
	if err != nil {
		return nil, got, err
	}
	recs, err := s.read(ctx, `UNWIND range(0, size($ids) - 1) AS i `+resolveCypher("x", "$ids[i]")+`
		WITH i, x AS n0 WHERE n0 IS NOT NULL
		RETURN i, `+cypher+` AS n`, map[string]any{"ids": ids})
	if err != nil {
		return nil, got, err
	}
	out := make([]*Node, len(ids))
	for _, r := range recs {
		i, _ := r.Get("i")
		n, _ := r.Get("n")
		node := got.add(n, x)
		out[i.(int64)] = &node
	}
	return out, got, nil
}

// expandCypher is the projection of node n0 with the relations of x, nested: relation k
// of a node becomes the entry rk, a list of {e: edge, n: far end}.
func expandCypher(x *Expand) (string, error) {
	var b strings.Builder
	var fields, edgeFields []string
	if x != nil {
		fields, edgeFields = x.Fields, x.EdgeFields
	}
	if err := writeExpand(&b, x, 0, fields, edgeFields); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeExpand(b *strings.Builder, x *Expand, depth int, fields, edgeFields []string) error {
	v := fmt.Sprintf("n%d", depth)
	if x == nil || len(x.Rels) == 0 || depth >= MaxExpandDepth {
		b.WriteString(v + " " + expandNodeFields(v, fields))
		return nil
	}
	b.WriteString(v + " " + strings.TrimSuffix(expandNodeFields(v, fields), "}"))
	for k, rel := range x.Rels {
		// Only kinds from the whitelist are spliced into the statement.
		if rel.Kind != EdgeMentions && !fixtures.Contains(fixtures.EdgeKinds, rel.Kind) {
			return inputf("%q is not an edge kind", rel.Kind)
		}
		e, w := fmt.Sprintf("e%d", depth), fmt.Sprintf("n%d", depth+1)
		pattern, from, to := "("+v+")-["+e+":"+rel.Kind+"]->("+w+")", v+".id", w+".id"
		if !rel.Out {
			pattern, from, to = "("+v+")<-["+e+":"+rel.Kind+"]-("+w+")", w+".id", v+".id"
		}
		fmt.Fprintf(b, ", r%d: COLLECT { MATCH %s WHERE %s AND %s WITH %s, %s ORDER BY %s.date, %s.key, %s.id RETURN {e: %s, n: ",
			k, pattern, acceptedEdge(e), acceptedNode(w), e, w, e, e, w, expandEdgeProj(e, from, to, edgeFields))
		if err := writeExpand(b, rel.Far, depth+1, fields, edgeFields); err != nil {
			return err
		}
		b.WriteString("} }")
	}
	b.WriteString("}")
	return nil
}

// add reads one expanded node projection, recording the edges and far ends it holds.
func (got *Expanded) add(v any, x *Expand) Node {
	node := nodeFrom(v)
	got.Nodes = append(got.Nodes, node)
	m, _ := v.(map[string]any)
	if x == nil {
		return node
	}
	for k, rel := range x.Rels {
		list, ok := m[fmt.Sprintf("r%d", k)].([]any)
		if !ok {
			continue // beyond MaxExpandDepth
		}
		edges := make([]Edge, 0, len(list))
		for _, item := range list {
			pair, _ := item.(map[string]any)
			edges = append(edges, edgeOf(pair["e"]))
			got.add(pair["n"], rel.Far)
		}
		got.Edges[EdgeQuery{ID: node.ID, Kind: rel.Kind, Out: rel.Out}] = edges
	}
	return node
}
