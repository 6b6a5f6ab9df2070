package graph

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/entente/entente/fixtures"
)

// Curation: the mutations analysts use to correct the graph. Each one is validated with
// the fixture rules, runs in one write transaction, and writes through the same
// statements as the importer, so a curated node or edge is stored exactly like a loaded one.
// An analyst's word is sure: what they create or upsert gets confidence 1 (a fact without
// a confidence, fixtures.ConfidenceOf) and is ACCEPTED (status.go), as are the ends of an
// edge they add (REJECTED ones too: the analyst says they exist). Each curation records its change in the history (history.go)
// in its transaction.
//
// Curations are linearisable: each locks the nodes it works on (Tx.lock) before it reads
// their edges, redirects or lists, so that two curations of the same nodes run one after
// the other, and one that finds its nodes merged away meanwhile starts again on the
// survivor. Collisions are retried by Store.write, then answered with a *ConflictError.

// CuratorSource is the source recorded when a curation gives none.
var CuratorSource = fixtures.Source{Reference: "curator"}

// UpsertNode creates the node or updates it: non-null fields overwrite, aliases and
// sources are merged, the confidence becomes 1. Document sources must name documents
// already in the graph.
func (s *Store) UpsertNode(ctx context.Context, n fixtures.Node) (*Node, error) {
	if err := checkIDs(n.ID); err != nil {
		return nil, err
	}
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
	var stored *Node
	err = s.write(ctx, func(tx *Tx) error {
		if _, err := tx.lock(ctx, n.ID); err != nil {
			return err
		}
		resolved, err := tx.resolveIDs(ctx, f)
		if err != nil {
			return err
		}
		im := newImport(f, resolved)
		curated(im.nodes)
		w := &batchWriter{tx: tx}
		nodes, err := w.nodes(ctx, im)
		if err != nil {
			return err
		}
		// A new node was not there to lock: the node statement locked it. Had a concurrent
		// curation created and merged it away meanwhile, its id would now be a redirect.
		if now, err := tx.targets(ctx, resolveTargetsCypher, []string{n.ID}); err != nil {
			return err
		} else if now[n.ID].id != resolved[n.ID].id {
			return errRaced
		}
		if err := w.mentions(ctx, im.mentions, nil, nodes); err != nil {
			return err
		}
		stored, err = tx.node(ctx, resolved[n.ID].id)
		if err != nil {
			return err
		}
		return tx.record(ctx, nil, []change{{Subject: stored.ID, Action: ActionUpsertNode,
			Detail: map[string]any{"kind": stored.Kind, "name": n.Name, "status": stored.Status}}})
	})
	if err != nil {
		return nil, err
	}
	return stored, nil
}

// AddEdge adds an edge between two existing nodes, or merges sources and properties into
// the edge with the same key; its confidence becomes 1.
func (s *Store) AddEdge(ctx context.Context, e fixtures.Edge) (*Edge, error) {
	if err := checkIDs(e.From, e.To); err != nil {
		return nil, err
	}
	e.Confidence = nil
	if len(e.Sources) == 0 {
		e.Sources = []fixtures.Source{CuratorSource}
	}
	docs, err := s.documentsOf(ctx, e.Sources)
	if err != nil {
		return nil, err
	}
	var edge *Edge
	err = s.write(ctx, func(tx *Tx) error {
		// Locking the ends orders this edge with merges of either: a merge that runs first
		// leaves a redirect that the lock follows, one that runs later moves the edge. The
		// ends are read under the locks: read before, one could be half-deleted by a merge.
		resolved, err := tx.lock(ctx, e.From, e.To)
		if err != nil {
			return err
		}
		f := &fixtures.Fixture{Format: fixtures.Format, Documents: docs, Edges: []fixtures.Edge{e}}
		for _, id := range []string{e.From, e.To} {
			t, ok := resolved[id]
			if !ok {
				return &NotFoundError{ID: id}
			}
			if t.kind == KindDocument {
				return inputf("documents cannot be the ends of an edge")
			}
			end, err := tx.node(ctx, t.id)
			if err != nil {
				return err
			}
			// The ends only let the fixture rules check the edge; they are not written.
			f.Nodes = append(f.Nodes, fixtures.Node{ID: id, Kind: end.Kind, Name: end.Name,
				Country: end.Country, Sources: []fixtures.Source{CuratorSource}})
		}
		if err := check(f); err != nil {
			return err
		}
		im := newImport(f, resolved)
		if len(im.edges[e.Kind]) == 0 {
			return inputf("%s and %s are the same node", e.From, e.To)
		}
		curated(im.edges)
		if err := tx.mergeEdges(ctx, e.Kind, im.edges[e.Kind]); err != nil {
			return err
		}
		key := im.edges[e.Kind][0].(map[string]any)["key"].(string)
		accepted, err := tx.acceptEnds(ctx, e.Kind, []string{key}, true)
		if err != nil {
			return err
		}
		edge, err = tx.edgeByKey(ctx, key)
		if err != nil {
			return err
		}
		cs := []change{{Subject: key, Action: ActionAddEdge, Detail: map[string]any{"kind": e.Kind, "from": edge.From, "to": edge.To, "status": edge.Status}}}
		for _, id := range accepted {
			cs = append(cs, change{Subject: id, Action: ActionAddEdge, Detail: map[string]any{"edge": key, "status": StatusAccepted}})
		}
		return tx.record(ctx, nil, cs)
	})
	if err != nil {
		return nil, err
	}
	return edge, nil
}

// EdgeByKey returns the edge with this key (its id), or a NotFoundError.
func (s *Store) EdgeByKey(ctx context.Context, key string) (*Edge, error) {
	kind, _, _ := strings.Cut(key, "|")
	if !fixtures.Contains(fixtures.EdgeKinds, kind) {
		return nil, inputf("%q is not an edge id", key)
	}
	recs, err := s.read(ctx, edgeByKeyCypher(kind), map[string]any{"key": key})
	if err != nil {
		return nil, err
	}
	return edgeFound(recs, key)
}

// edgeByKey is EdgeByKey inside the transaction, for a key already checked.
func (t *Tx) edgeByKey(ctx context.Context, key string) (*Edge, error) {
	kind, _, _ := strings.Cut(key, "|")
	recs, err := t.run(ctx, edgeByKeyCypher(kind), map[string]any{"key": key})
	if err != nil {
		return nil, err
	}
	return edgeFound(recs, key)
}

// edgeByKeyCypher finds the edge with key $key among the edges of one kind, which must
// come from fixtures.EdgeKinds.
func edgeByKeyCypher(kind string) string {
	mustKind(fixtures.EdgeKinds, kind)
	return "MATCH (a)-[r:" + kind + " {key: $key}]->(b) RETURN {r: r, from: a.id, to: b.id} AS e"
}

// edgeFound reads the answer of edgeByKeyCypher.
func edgeFound(recs []*neo4j.Record, key string) (*Edge, error) {
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
		removed = false
		recs, err := tx.run(ctx, "MATCH (a)-[:"+kind+" {key: $key}]->(b) RETURN a.id, b.id", map[string]any{"key": key})
		if err != nil || len(recs) == 0 {
			return err
		}
		// Under the locks of its ends the edge is where it was, or a merge moved it (and
		// its key) before: then there is no edge with this key any more.
		from, _ := recs[0].Values[0].(string)
		to, _ := recs[0].Values[1].(string)
		if _, err := tx.lock(ctx, from, to); err != nil {
			return err
		}
		recs, err = tx.run(ctx, "MATCH ()-[r:"+kind+" {key: $key}]->() DELETE r RETURN count(*) AS n", map[string]any{"key": key})
		if err != nil {
			return err
		}
		n, _ := recs[0].Get("n")
		removed = n.(int64) > 0
		if !removed {
			return nil
		}
		return tx.record(ctx, nil, []change{{Subject: key, Action: ActionRemoveEdge, Detail: map[string]any{"from": from, "to": to}}})
	})
	return removed, err
}

// MergeNodes merges node merged into survivor: its edges move to the survivor (an edge that
// would join the survivor to itself is dropped), its name, aliases and sources become the
// survivor's, and its id keeps resolving to the survivor through a Redirect. The survivor
// keeps the higher of the two confidences, and so does an edge merged into one with the
// same key. A MergeRecord keeps what SplitNode needs to undo it (split.go).
func (s *Store) MergeNodes(ctx context.Context, survivorID, mergedID string) (*Node, error) {
	if err := checkIDs(survivorID, mergedID); err != nil {
		return nil, err
	}
	var stored *Node
	err := s.write(ctx, func(tx *Tx) error {
		// Under the locks of both nodes no edge can be added at the merged node, moved or
		// removed, and no redirect can change, until the merge commits.
		ns, err := tx.lock(ctx, survivorID, mergedID)
		if err != nil {
			return err
		}
		for _, id := range []string{survivorID, mergedID} {
			if _, ok := ns[id]; !ok {
				return &NotFoundError{ID: id}
			}
		}
		survivor, merged := ns[survivorID], ns[mergedID]
		switch {
		case survivor.id == merged.id:
			return inputf("%q and %q are already the same node", survivorID, mergedID)
		case survivor.kind != merged.kind:
			return inputf("cannot merge a %s into a %s", merged.kind, survivor.kind)
		case survivor.kind == KindDocument:
			return inputf("documents cannot be merged")
		}
		if err := tx.mergeInto(ctx, survivor.id, merged.id, mergeBy{}); err != nil {
			return err
		}
		stored, err = tx.node(ctx, survivor.id)
		if err != nil {
			return err
		}
		return tx.record(ctx, nil, []change{{Subject: survivor.id, Action: ActionMergeNodes,
			Detail: map[string]any{"merged": merged.id, "survivor": survivor.id}}})
	})
	if err != nil {
		return nil, err
	}
	return stored, nil
}

// mergeBy says who merged and why, for the MergeRecord and the history: an analyst
// (the zero value: MergeNodes, Judge) or an import that found two reports of one meeting.
type mergeBy struct {
	importer  bool           // an import merged them (meetings.go), not an analyst
	documents []string       // the documents of the merged node's report, for an import
	set       map[string]any // properties the merge then sets on the survivor (null: unchanged)
}

// who is what a MergeRecord says merged: "import" or "analyst".
func (by mergeBy) who() string {
	if by.importer {
		return "import"
	}
	return "analyst"
}

// mergeInto merges mergedID into survivorID, nodes of one kind that the caller has locked
// (MergeNodes) or written (an import), as MergeNodes describes, then sets by.set on the
// survivor, and leaves the MergeRecord that SplitNode undoes. A merge that
// mergeableStatus refuses is an *InputError, before anything is written.
func (t *Tx) mergeInto(ctx context.Context, survivorID, mergedID string, by mergeBy) error {
	// What the merge destroys or changes, so that SplitNode can undo it (split.go).
	rec, err := t.mergeSnapshot(ctx, mergedID, survivorID)
	if err != nil {
		return err
	}
	if err := t.mergeableStatus(ctx, rec, survivorID, mergedID); err != nil {
		return err
	}
	edges, err := t.edgesAt(ctx, mergedID)
	if err != nil {
		return err
	}
	moved := map[string][]any{}
	for _, e := range edges {
		fe := fixtures.Edge{Kind: e.Kind, From: e.From, To: e.To, Date: e.Date}
		if fe.From == mergedID {
			fe.From = survivorID
		}
		if fe.To == mergedID {
			fe.To = survivorID
		}
		if fe.From == fe.To {
			continue
		}
		moved[e.Kind] = append(moved[e.Kind], map[string]any{"key": fe.Key(), "from": fe.From, "to": fe.To,
			"props": e.props, "sources": e.sources, "confidence": e.confidence, "status": e.status})
	}
	for _, kind := range fixtures.EdgeKinds {
		if err := t.mergeEdges(ctx, kind, moved[kind]); err != nil {
			return err
		}
	}
	if err := t.mergeLists(ctx, mergedID, survivorID); err != nil {
		return err
	}
	_, err = t.run(ctx, `
		MATCH (m:Entity {id: $merged}), (s:Entity {id: $survivor})
		CALL (m, s) {
			MATCH (r:Redirect)-[old:MERGED_INTO]->(m)
			DELETE old
			MERGE (r)-[:MERGED_INTO]->(s)
		}
		DETACH DELETE m
		MERGE (r:Redirect {id: $merged})
		MERGE (r)-[:MERGED_INTO]->(s)`,
		map[string]any{"merged": mergedID, "survivor": survivorID})
	if err != nil {
		return err
	}
	if len(by.set) > 0 {
		if _, err := t.run(ctx, "MATCH (s:Entity {id: $survivor}) SET s += $set",
			map[string]any{"survivor": survivorID, "set": by.set}); err != nil {
			return err
		}
	}
	return t.finishMerge(ctx, rec, mergedID, survivorID, by)
}

// curated marks rows as an analyst's: the facts they write are ACCEPTED (statusMergeCypher).
func curated(rows map[string][]any) {
	for _, list := range rows {
		for _, r := range list {
			r.(map[string]any)["curated"] = true
		}
	}
}

// mergeLists gives the survivor the merged node's name and aliases (as aliases), its
// reference sources, the spans on its MENTIONS and its confidence when higher. The unions
// are made in Go (union), in time linear in the lists' lengths: made in Cypher with list
// membership, they cost the product of the lengths (20,000 aliases took over two minutes).
func (t *Tx) mergeLists(ctx context.Context, mergedID, survivorID string) error {
	ids := map[string]any{"merged": mergedID, "survivor": survivorID}
	recs, err := t.run(ctx, `
		MATCH (m:Entity {id: $merged}), (s:Entity {id: $survivor})
		RETURN s.name, s.aliases, s.refSources, m.name, m.aliases, m.refSources`, ids)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return errRaced
	}
	v := recs[0].Values
	aliases := union(strs(v[1]), append([]string{str(v[3])}, strs(v[4])...), str(v[0]))
	refs := v[2]
	if v[5] != nil {
		refs = union(strs(v[2]), strs(v[5]), "")
	}
	_, err = t.run(ctx, `
		MATCH (m:Entity {id: $merged}), (s:Entity {id: $survivor})
		SET s.aliases = $aliases, s.aliasText = $aliasText, s.refSources = $refs
		FOREACH (_ IN CASE WHEN s.confidence < m.confidence THEN [1] ELSE [] END | SET s.confidence = m.confidence)`,
		map[string]any{"merged": mergedID, "survivor": survivorID, "aliases": aliases, "aliasText": aliasText(aliases), "refs": refs})
	if err != nil {
		return err
	}
	// The spans of each document that mentions the merged node join those of its
	// MENTIONS of the survivor (made when there is none).
	recs, err = t.run(ctx, `
		MATCH (d:Document)-[old:MENTIONS]->(:Entity {id: $merged})
		OPTIONAL MATCH (d)-[r:MENTIONS]->(:Entity {id: $survivor})
		RETURN elementId(d), old.sources, r.sources`, ids)
	if err != nil || len(recs) == 0 {
		return err
	}
	rows := make([]any, len(recs))
	for i, r := range recs {
		rows[i] = map[string]any{"d": r.Values[0], "sources": union(strs(r.Values[2]), strs(r.Values[1]), "")}
	}
	_, err = t.run(ctx, `
		MATCH (s:Entity {id: $survivor})
		UNWIND $rows AS row
		MATCH (d) WHERE elementId(d) = row.d
		MERGE (d)-[r:MENTIONS]->(s)
		SET r.sources = row.sources`, map[string]any{"survivor": survivorID, "rows": rows})
	return err
}

// resolveTargetsCypher resolves each of $ids to the live node it stands for: the survivor
// it was merged into, else the node with that id (both exist only when a write brought a
// merged node back, which the redirect then shows). It returns, by node in id order, the
// node's id and kind and the ids that stand for it.
const resolveTargetsCypher = resolveTargets + "RETURN target, kind, ids"

// lockCypher is resolveTargetsCypher that also takes each node's write lock, in id order
// so that curations locking the same nodes wait for each other instead of deadlocking.
// Writing a property takes the lock, held until the transaction ends.
// A node held by an import run in progress (reservedBy) makes the lock fail with errReserved.
var lockCypher = resolveTargets + "SET n._lock = true REMOVE n._lock\nRETURN target, kind, ids, " + reservedBy("n")

// resolveTargets is what resolveTargetsCypher and lockCypher share: the nodes, in id order.
const resolveTargets = `
UNWIND $ids AS id
OPTIONAL MATCH (:Redirect {id: id})-[:MERGED_INTO]->(s:Entity)
OPTIONAL MATCH (n:Entity {id: id})
WITH id, coalesce(s, n) AS n WHERE n IS NOT NULL
WITH n, n.id AS target, n.kind AS kind, collect(id) AS ids ORDER BY target
`

// lock resolves ids to the live nodes they stand for (following merges) and locks those
// nodes until the transaction ends, then resolves the ids again: a node merged away after
// it was read and before its lock was granted (a lock granted on a deleted node) shows as
// another answer, and fails with errRaced, which write retries. Ids of no node are left out.
func (t *Tx) lock(ctx context.Context, ids ...string) (map[string]target, error) {
	locked, err := t.targets(ctx, lockCypher, ids)
	if err != nil {
		return nil, err
	}
	now, err := t.targets(ctx, resolveTargetsCypher, ids)
	if err != nil {
		return nil, err
	}
	if !maps.Equal(locked, now) {
		return nil, errRaced
	}
	return now, nil
}

// targets runs resolveTargetsCypher or lockCypher and maps each id to its node.
func (t *Tx) targets(ctx context.Context, cypher string, ids []string) (map[string]target, error) {
	recs, err := t.run(ctx, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := map[string]target{}
	for _, r := range recs {
		if len(r.Values) > 3 && r.Values[3] != nil {
			return nil, errReserved
		}
		id, _ := r.Values[0].(string)
		kind, _ := r.Values[1].(string)
		for _, x := range r.Values[2].([]any) {
			out[x.(string)] = target{id, kind}
		}
	}
	return out, nil
}

// node reads a node inside the transaction, as NodesByID does.
func (t *Tx) node(ctx context.Context, id string) (*Node, error) {
	recs, err := t.run(ctx, "MATCH (n:Entity {id: $id}) RETURN "+nodeProj("n"), map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, &NotFoundError{ID: id}
	}
	n := nodeFrom(recs[0].Values[0])
	return &n, nil
}

// mergeEdges creates or merges edge rows of one kind between existing nodes; an end that
// is gone was merged away under the caller, who had not locked it.
func (t *Tx) mergeEdges(ctx context.Context, kind string, rows []any) error {
	if len(rows) == 0 {
		return nil
	}
	recs, _, err := t.exec(ctx, edgeMergeCypher(kind), map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	if n, _ := recs[0].Values[0].(int64); int(n) != len(rows) {
		return errRaced
	}
	return nil
}

// mergeableStatus refuses to merge an accepted node into one waiting for review or
// rejected: its accepted facts would disappear from every read. Merging the other way, or
// reviewing the survivor first, keeps them. rec holds the merged node's labels.
func (t *Tx) mergeableStatus(ctx context.Context, rec *mergeRecord, survivorID, mergedID string) error {
	if slices.Contains(rec.Labels, LabelProposed) || slices.Contains(rec.Labels, LabelRejected) {
		return nil
	}
	recs, err := t.run(ctx, "MATCH (s:Entity {id: $id}) RETURN s:"+LabelProposed+" AS proposed, s:"+LabelRejected+" AS rejected",
		map[string]any{"id": survivorID})
	if err != nil || len(recs) == 0 {
		return err
	}
	status := ""
	if v, _ := recs[0].Get("proposed"); v == true {
		status = "PROPOSED"
	} else if v, _ := recs[0].Get("rejected"); v == true {
		status = "REJECTED"
	}
	if status == "" {
		return nil
	}
	return inputf("%q is %s and %q is ACCEPTED: merge %q into %q instead, or review %q first", survivorID, status, mergedID, survivorID, mergedID, survivorID)
}

// rawEdge is an edge with its stored sources, as MergeNodes moves it.
type rawEdge struct {
	Kind, From, To string
	Date           *string
	props          map[string]any
	sources        []any
	confidence     float64
	status         any // as stored: nil (accepted), StatusProposed or StatusRejected
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
			confidence: fixtures.ConfidenceOf(optFloat(p["confidence"])), status: p["status"]}
		e.sources, _ = p["sources"].([]any)
		for k, v := range p {
			// docs: edges stored before sources moved; confidence only rises and status
			// merges (edgeMerge)
			if k != "key" && k != "sources" && k != "docs" && k != "confidence" && k != "status" {
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
