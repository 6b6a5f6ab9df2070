package graph

import (
	"context"
)

// EdgeMentions is the relationship from a Document to each node it mentions.
const EdgeMentions = "MENTIONS"

// resolveCypher binds v to the node behind the id expression (following a merge), or null;
// null too when that node is not ACCEPTED (status.go): reads see accepted facts only.
func resolveCypher(v, id string) string {
	return `OPTIONAL MATCH (` + v + `0:Entity {id: ` + id + `}) WHERE ` + acceptedNode(v+"0") + `
		OPTIONAL MATCH (:Redirect {id: ` + id + `})-[:MERGED_INTO]->(` + v + `1:Entity) WHERE ` + acceptedNode(v+"1") + `
		WITH *, coalesce(` + v + `0, ` + v + `1) AS ` + v + ` `
}

// NodesByID returns the nodes with these ids in the same order, nil where none exists.
// The id of a merged node returns the node it was merged into. One round trip.
func (s *Store) NodesByID(ctx context.Context, ids []string) ([]*Node, error) {
	nodes, _, err := s.NodesExpanded(ctx, ids, nil)
	return nodes, err
}

// EdgeQuery asks for the edges of one kind at one node: outgoing when Out, else incoming.
type EdgeQuery struct {
	ID   string
	Kind string // an edge kind or EdgeMentions
	Out  bool
}

// EdgesOf answers many EdgeQuery at once, in order, each sorted by date, key and far end, and
// returns the nodes at the far ends too (each once), so that callers need not load them.
// One round trip.
func (s *Store) EdgesOf(ctx context.Context, qs []EdgeQuery) ([][]Edge, []Node, error) {
	rows := make([]map[string]any, len(qs))
	for i, q := range qs {
		rows[i] = map[string]any{"i": i, "id": q.ID, "kind": q.Kind, "out": q.Out}
	}
	recs, err := s.read(ctx, `
		UNWIND $rows AS q
		MATCH (n:Entity {id: q.id})
		CALL (n, q) {
			MATCH (n)-[r]->(m) WHERE q.out AND type(r) = q.kind AND `+acceptedEdge("r")+` AND `+acceptedNode("m")+`
			RETURN r, n.id AS from, m.id AS to, m
			UNION ALL
			MATCH (n)<-[r]-(m) WHERE NOT q.out AND type(r) = q.kind AND `+acceptedEdge("r")+` AND `+acceptedNode("m")+`
			RETURN r, m.id AS from, n.id AS to, m
		}
		WITH q.i AS i, r, from, to, m ORDER BY i, r.date, r.key, m.id
		WITH collect(`+edgeProjFrom("r", "from", "to")+`) AS edges, collect(i) AS is, collect(DISTINCT m) AS ends
		RETURN edges, is, [m IN ends | `+nodeProj("m")+`] AS ends`, map[string]any{"rows": rows})
	if err != nil {
		return nil, nil, err
	}
	out := make([][]Edge, len(qs))
	if len(recs) == 0 {
		return out, nil, nil
	}
	edges, _ := recs[0].Get("edges")
	is, _ := recs[0].Get("is")
	for k, e := range edges.([]any) {
		i := is.([]any)[k].(int64)
		out[i] = append(out[i], edgeOf(e))
	}
	endList, _ := recs[0].Get("ends")
	ends := make([]Node, 0, len(endList.([]any)))
	for _, m := range endList.([]any) {
		ends = append(ends, nodeFrom(m))
	}
	return out, ends, nil
}
