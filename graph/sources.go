package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/entente/entente/fixtures"
)

// Sources are read apart from the nodes and edges they belong to: a hub is mentioned by
// thousands of documents, and most questions do not ask where a fact was read.

// EdgeRef names one stored edge.
type EdgeRef struct {
	Kind string // an edge kind from fixtures.EdgeKinds
	Key  string
}

// NodeSources returns the sources of the nodes with these (resolved) ids, in order; an
// unknown id gets none. A node's document sources come first, by document id and then in
// the order they were read, then its reference sources in the order they were read.
// One round trip.
func (s *Store) NodeSources(ctx context.Context, ids []string) ([][]fixtures.Source, error) {
	recs, err := s.read(ctx, `
		UNWIND range(0, size($ids) - 1) AS i
		MATCH (n:Entity {id: $ids[i]})
		CALL (n) {
			OPTIONAL MATCH (d:Document)-[r:MENTIONS]->(n)
			WITH d, r ORDER BY d.id
			RETURN collect(r.sources) AS spans
		}
		RETURN i, spans, n.refSources AS refs`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make([][]fixtures.Source, len(ids))
	for _, r := range recs {
		i, _ := r.Get("i")
		spans, _ := r.Get("spans")
		refs, _ := r.Get("refs")
		out[i.(int64)] = nodeSources(spans, refs)
	}
	return out, nil
}

// EdgeSources returns the sources of these edges, in order; an unknown edge gets none.
// One round trip.
func (s *Store) EdgeSources(ctx context.Context, refs []EdgeRef) ([][]fixtures.Source, error) {
	rows := make([]map[string]any, len(refs))
	for i, r := range refs {
		rows[i] = map[string]any{"i": i, "kind": r.Kind, "key": r.Key}
	}
	recs, err := s.read(ctx, edgeSourcesCypher, map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	out := make([][]fixtures.Source, len(refs))
	for _, r := range recs {
		i, _ := r.Get("i")
		raw, _ := r.Get("sources")
		out[i.(int64)] = sources(strs(raw))
	}
	return out, nil
}

// edgeSourcesCypher looks each edge up in the key index of its type (schema.go's
// <kind>_key): a relationship type cannot be a parameter, so each kind has its branch.
var edgeSourcesCypher = func() string {
	branches := make([]string, len(fixtures.EdgeKinds))
	for i, k := range fixtures.EdgeKinds {
		mustKind(fixtures.EdgeKinds, k)
		branches[i] = fmt.Sprintf("MATCH ()-[r:%[1]s {key: q.key}]->() WHERE q.kind = '%[1]s' RETURN r", k)
	}
	return "UNWIND $rows AS q CALL (q) { " + strings.Join(branches, " UNION ALL ") +
		" } RETURN q.i AS i, r.sources AS sources"
}()
