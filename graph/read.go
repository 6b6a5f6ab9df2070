package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// EdgeMentions is the relationship from a Document to each node it mentions.
const EdgeMentions = "MENTIONS"

// NodesByID returns the nodes with these ids in the same order, nil where none exists.
// The id of a merged node returns the node it was merged into. One round trip.
func (s *Store) NodesByID(ctx context.Context, ids []string) ([]*Node, error) {
	recs, err := s.read(ctx, `
		UNWIND range(0, size($ids) - 1) AS i
		OPTIONAL MATCH (n:Entity {id: $ids[i]})
		OPTIONAL MATCH (:Redirect {id: $ids[i]})-[:MERGED_INTO]->(m:Entity)
		WITH i, coalesce(n, m) AS n WHERE n IS NOT NULL
		RETURN i, n`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make([]*Node, len(ids))
	for _, r := range recs {
		i, _ := r.Get("i")
		n, _ := r.Get("n")
		node := nodeFrom(n.(dbtype.Node))
		out[i.(int64)] = &node
	}
	return out, nil
}

// EdgeQuery asks for the edges of one kind at one node: outgoing when Out, else incoming.
type EdgeQuery struct {
	ID   string
	Kind string // an edge kind or EdgeMentions
	Out  bool
}

// EdgesOf answers many EdgeQuery at once, in order, each sorted by date then key. One round trip.
func (s *Store) EdgesOf(ctx context.Context, qs []EdgeQuery) ([][]Edge, error) {
	rows := make([]map[string]any, len(qs))
	for i, q := range qs {
		rows[i] = map[string]any{"i": i, "id": q.ID, "kind": q.Kind, "out": q.Out}
	}
	recs, err := s.read(ctx, `
		UNWIND $rows AS q
		MATCH (n:Entity {id: q.id})
		CALL (n, q) {
			MATCH (n)-[r]->(m) WHERE q.out AND type(r) = q.kind
			RETURN r, n.id AS from, m.id AS to
			UNION ALL
			MATCH (n)<-[r]-(m) WHERE NOT q.out AND type(r) = q.kind
			RETURN r, m.id AS from, n.id AS to
		}
		RETURN q.i AS i, r, from, to
		ORDER BY i, r.date, r.key`, map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	out := make([][]Edge, len(qs))
	for _, rec := range recs {
		i, _ := rec.Get("i")
		r, _ := rec.Get("r")
		from, _ := rec.Get("from")
		to, _ := rec.Get("to")
		out[i.(int64)] = append(out[i.(int64)], edgeFrom(r.(dbtype.Relationship), str(from), str(to)))
	}
	return out, nil
}
