package graph

import (
	"context"
	"strings"

	"github.com/entente/entente/fixtures"
)

// Curation: the mutations analysts use to correct the graph. Each one is validated with
// the fixture rules, runs in one write transaction, and writes through the same
// statements as the importer, so a curated node or edge is stored exactly like a loaded one.
// An analyst's word is sure: what they create or upsert gets confidence 1 (a fact without
// a confidence, fixtures.ConfidenceOf).

// CuratorSource is the source recorded when a curation gives none.
var CuratorSource = fixtures.Source{Reference: "curator"}

// UpsertNode creates the node or updates it: non-null fields overwrite, aliases and
// sources are merged, the confidence becomes 1. Document sources must name documents
// already in the graph.
func (s *Store) UpsertNode(ctx context.Context, n fixtures.Node) (*Node, error) {
	n.Confidence = nil
	if len(n.Sources) == 0 {
		n.Sources = []fixtures.Source{CuratorSource}
	}
	if n.Country == nil {
		// An update need not repeat the country an Agency requires.
		if old, err := s.NodesByID(ctx, []string{n.ID}); err == nil && old[0] != nil {
			n.Country = old[0].Country
		}
	}
	docs, err := s.documentsOf(ctx, n.Sources)
	if err != nil {
		return nil, err
	}
	f := &fixtures.Fixture{Format: fixtures.Format, Documents: docs, Nodes: []fixtures.Node{n}}
	if err := check(f); err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *Tx) error {
		resolved, err := tx.resolveIDs(ctx, f)
		if err != nil {
			return err
		}
		im := newImport(f, resolved)
		w := &batchWriter{tx: tx}
		nodes, err := w.nodes(ctx, im)
		if err != nil {
			return err
		}
		return w.mentions(ctx, im.mentions, nil, nodes)
	})
	if err != nil {
		return nil, err
	}
	return s.resolve(ctx, n.ID)
}

// AddEdge adds an edge between two existing nodes, or merges sources and properties into
// the edge with the same key; its confidence becomes 1.
func (s *Store) AddEdge(ctx context.Context, e fixtures.Edge) (*Edge, error) {
	e.Confidence = nil
	if len(e.Sources) == 0 {
		e.Sources = []fixtures.Source{CuratorSource}
	}
	ends, err := s.NodesByID(ctx, []string{e.From, e.To})
	if err != nil {
		return nil, err
	}
	f := &fixtures.Fixture{Format: fixtures.Format}
	for i, id := range []string{e.From, e.To} {
		if ends[i] == nil {
			return nil, &NotFoundError{ID: id}
		}
		// The ends only let the fixture rules check the edge; they are not written.
		f.Nodes = append(f.Nodes, fixtures.Node{ID: id, Kind: ends[i].Kind, Name: ends[i].Name,
			Country: ends[i].Country, Sources: []fixtures.Source{CuratorSource}})
	}
	if ends[0].Kind == KindDocument || ends[1].Kind == KindDocument {
		return nil, inputf("documents cannot be the ends of an edge")
	}
	if f.Documents, err = s.documentsOf(ctx, e.Sources); err != nil {
		return nil, err
	}
	f.Edges = []fixtures.Edge{e}
	if err := check(f); err != nil {
		return nil, err
	}
	var key string
	err = s.write(ctx, func(tx *Tx) error {
		resolved, err := tx.resolveIDs(ctx, f)
		if err != nil {
			return err
		}
		im := newImport(f, resolved)
		if len(im.edges[e.Kind]) == 0 {
			return inputf("%s and %s are the same node", e.From, e.To)
		}
		key = im.edges[e.Kind][0].(map[string]any)["key"].(string)
		_, _, err = tx.exec(ctx, edgeMergeCypher(e.Kind), map[string]any{"rows": im.edges[e.Kind]})
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.EdgeByKey(ctx, key)
}

// EdgeByKey returns the edge with this key (its id), or a NotFoundError.
func (s *Store) EdgeByKey(ctx context.Context, key string) (*Edge, error) {
	kind, _, _ := strings.Cut(key, "|")
	if !fixtures.Contains(fixtures.EdgeKinds, kind) {
		return nil, inputf("%q is not an edge id", key)
	}
	recs, err := s.read(ctx, "MATCH (a)-[r:"+kind+" {key: $key}]->(b) RETURN {r: r, from: a.id, to: b.id} AS e",
		map[string]any{"key": key})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, &NotFoundError{ID: key}
	}
	e, _ := recs[0].Get("e")
	edge := edgeOf(e)
	return &edge, nil
}

// RemoveEdge deletes the edge with this id; false when there was none.
func (s *Store) RemoveEdge(ctx context.Context, key string) (bool, error) {
	kind, _, _ := strings.Cut(key, "|")
	if !fixtures.Contains(fixtures.EdgeKinds, kind) {
		return false, inputf("%q is not an edge id", key)
	}
	var removed bool
	err := s.write(ctx, func(tx *Tx) error {
		recs, err := tx.run(ctx, "MATCH ()-[r:"+kind+" {key: $key}]->() DELETE r RETURN count(*) AS n", map[string]any{"key": key})
		if err != nil {
			return err
		}
		n, _ := recs[0].Get("n")
		removed = n.(int64) > 0
		return nil
	})
	return removed, err
}

// MergeNodes merges node merged into survivor: its edges move to the survivor (an edge that
// would join the survivor to itself is dropped), its name, aliases and sources become the
// survivor's, and its id keeps resolving to the survivor through a Redirect. The survivor
// keeps the higher of the two confidences, and so does an edge merged into one with the
// same key.
func (s *Store) MergeNodes(ctx context.Context, survivorID, mergedID string) (*Node, error) {
	ns, err := s.NodesByID(ctx, []string{survivorID, mergedID})
	if err != nil {
		return nil, err
	}
	for i, id := range []string{survivorID, mergedID} {
		if ns[i] == nil {
			return nil, &NotFoundError{ID: id}
		}
	}
	survivor, merged := ns[0], ns[1]
	switch {
	case survivor.ID == merged.ID:
		return nil, inputf("%q and %q are already the same node", survivorID, mergedID)
	case survivor.Kind != merged.Kind:
		return nil, inputf("cannot merge a %s into a %s", merged.Kind, survivor.Kind)
	case survivor.Kind == KindDocument:
		return nil, inputf("documents cannot be merged")
	}
	err = s.write(ctx, func(tx *Tx) error {
		edges, err := tx.edgesAt(ctx, merged.ID)
		if err != nil {
			return err
		}
		moved := map[string][]any{}
		for _, e := range edges {
			fe := fixtures.Edge{Kind: e.Kind, From: e.From, To: e.To, Date: e.Date}
			if fe.From == merged.ID {
				fe.From = survivor.ID
			}
			if fe.To == merged.ID {
				fe.To = survivor.ID
			}
			if fe.From == fe.To {
				continue
			}
			moved[e.Kind] = append(moved[e.Kind], map[string]any{"key": fe.Key(), "from": fe.From, "to": fe.To,
				"props": e.props, "sources": e.sources, "confidence": e.confidence})
		}
		for _, kind := range fixtures.EdgeKinds {
			if len(moved[kind]) > 0 {
				if _, _, err := tx.exec(ctx, edgeMergeCypher(kind), map[string]any{"rows": moved[kind]}); err != nil {
					return err
				}
			}
		}
		_, err = tx.run(ctx, `
			MATCH (m:Entity {id: $merged}), (s:Entity {id: $survivor})
			WITH m, s, reduce(acc = [], a IN coalesce(s.aliases, []) + [m.name] + coalesce(m.aliases, []) |
			       CASE WHEN a = s.name OR a IN acc THEN acc ELSE acc + a END) AS aliases
			SET s.aliases = aliases,
			    s.aliasText = reduce(t = '', a IN aliases | t + CASE t WHEN '' THEN '' ELSE ' | ' END + a),
			    s.refSources = CASE WHEN m.refSources IS NULL THEN s.refSources
					ELSE reduce(acc = coalesce(s.refSources, []), x IN m.refSources | CASE WHEN x IN acc THEN acc ELSE acc + x END) END
			FOREACH (_ IN CASE WHEN s.confidence < m.confidence THEN [1] ELSE [] END | SET s.confidence = m.confidence)
			WITH m, s
			CALL (m, s) {
				MATCH (d:Document)-[old:MENTIONS]->(m)
				MERGE (d)-[r:MENTIONS]->(s)
				SET r.sources = reduce(acc = coalesce(r.sources, []), x IN coalesce(old.sources, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END)
			}
			CALL (m, s) {
				MATCH (r:Redirect)-[old:MERGED_INTO]->(m)
				DELETE old
				MERGE (r)-[:MERGED_INTO]->(s)
			}
			DETACH DELETE m
			MERGE (r:Redirect {id: $merged})
			MERGE (r)-[:MERGED_INTO]->(s)`,
			map[string]any{"merged": merged.ID, "survivor": survivor.ID})
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.resolve(ctx, survivor.ID)
}

// rawEdge is an edge with its stored sources, as MergeNodes moves it.
type rawEdge struct {
	Kind, From, To string
	Date           *string
	props          map[string]any
	sources        []any
	confidence     float64
}

// edgesAt reads every domain edge at a node with its properties, inside the transaction.
func (t *Tx) edgesAt(ctx context.Context, id string) ([]rawEdge, error) {
	recs, err := t.run(ctx, `
		MATCH (n:Entity {id: $id})-[r]-(x:Entity)
		WHERE type(r) IN $kinds
		RETURN type(r) AS kind, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS p`,
		map[string]any{"id": id, "kinds": fixtures.EdgeKinds})
	if err != nil {
		return nil, err
	}
	out := make([]rawEdge, 0, len(recs))
	for _, r := range recs {
		kind, _ := r.Get("kind")
		from, _ := r.Get("from")
		to, _ := r.Get("to")
		pv, _ := r.Get("p")
		p := pv.(map[string]any)
		e := rawEdge{Kind: kind.(string), From: from.(string), To: to.(string), Date: optStr(p["date"]), props: map[string]any{},
			confidence: fixtures.ConfidenceOf(optFloat(p["confidence"]))}
		e.sources, _ = p["sources"].([]any)
		for k, v := range p {
			// docs: edges stored before sources moved; confidence only rises (edgeMerge)
			if k != "key" && k != "sources" && k != "docs" && k != "confidence" {
				e.props[k] = v
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// documentsOf loads the documents that sources point to, as fixture documents.
func (s *Store) documentsOf(ctx context.Context, srcs []fixtures.Source) ([]fixtures.Document, error) {
	var ids []string
	seen := map[string]bool{}
	for _, src := range srcs {
		if src.Reference == "" && !seen[src.Document] {
			seen[src.Document] = true
			ids = append(ids, src.Document)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	ns, err := s.NodesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]fixtures.Document, len(ids))
	for i, n := range ns {
		if n == nil || n.Kind != KindDocument {
			return nil, inputf("source document %q is not in the graph", ids[i])
		}
		docs[i] = fixtures.Document{ID: n.ID, Title: deref(n.Title), Language: deref(n.Language),
			File: deref(n.File), SHA256: deref(n.SHA256), Published: n.Published}
	}
	return docs, nil
}

// check validates a curation fixture and reports its problems as bad input.
func check(f *fixtures.Fixture) error {
	ps := fixtures.Validate(f)
	if len(ps) == 0 {
		return nil
	}
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = strings.NewReplacer("$.nodes[0].", "", "$.edges[0].", "", "$.nodes[0]", "node", "$.edges[0]", "edge").Replace(p.String())
	}
	return inputf("%s", strings.Join(msgs, "; "))
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
