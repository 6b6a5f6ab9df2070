package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/metrics"
)

// StreamFetch is how many records Neo4j sends at a time to a stream: what the stream holds
// in memory does not grow with the graph.
const StreamFetch = 250

// SnapshotStream asks for what Snapshot reads, with the sources of every node and edge.
type SnapshotStream struct {
	Kinds     []string // node kinds; none: every kind but documents
	EdgeKinds []string // edge kinds among them; none: every domain edge kind
	Limit     int      // the first Limit nodes by id and the edges among them; 0: every node

	Begin func(nodes, edges int) error // the counts of what follows, before the first node
	Node  func(Node) error             // each node, by id; nil: nodes are not read
	Edge  func(Edge) error             // then each edge, by start id, kind and key; nil: not read
}

// Stream reads a snapshot in one read transaction, so that its nodes and edges agree,
// handing over each node and edge as Neo4j sends them (StreamFetch at a time). Begin learns
// the total number of nodes of the kinds even when Limit keeps fewer: more than Limit
// means the stream was truncated. An error of a callback stops the stream and is returned.
func (s *Store) Stream(ctx context.Context, q SnapshotStream) error {
	kinds := q.Kinds
	if len(kinds) == 0 {
		kinds = fixtures.NodeKinds
	}
	for _, k := range kinds {
		if !fixtures.Contains(fixtures.NodeKinds, k) {
			return inputf("%q is not a node kind", k)
		}
	}
	ek, err := edgeKinds(q.EdgeKinds)
	if err != nil {
		return err
	}
	if q.Limit < 0 {
		return inputf("limit must not be negative")
	}
	defer metrics.TransactionBegan()()
	sess := s.streamSession(ctx)
	defer sess.Close(context.Background())
	var conf []func(*neo4j.TransactionConfig)
	if d, ok := txTimeout(ctx); ok {
		conf = append(conf, neo4j.WithTxTimeout(d))
	}
	// An explicit transaction, not ExecuteRead: a stream already handed over cannot be retried.
	tx, err := sess.BeginTransaction(ctx, conf...)
	if err != nil {
		return classify(err)
	}
	defer tx.Close(context.Background())
	params := map[string]any{"kinds": kinds, "edgeKinds": ek, "limit": q.Limit}
	// The nodes of the stream: all of the kinds, or the first $limit by id.
	nodes := `MATCH (n:Entity) WHERE n.kind IN $kinds AND ` + acceptedNode("n") + ` WITH n ORDER BY n.id `
	if q.Limit > 0 {
		nodes += `LIMIT $limit `
	}
	// Edges whose ends are both among the nodes: with a limit, among the first $limit.
	edges := `MATCH (n:Entity)-[r]->(m:Entity) WHERE n.kind IN $kinds AND type(r) IN $edgeKinds AND m.kind IN $kinds AND ` +
		acceptedEdge("r") + ` AND ` + acceptedNode("n") + ` AND ` + acceptedNode("m") + ` `
	if q.Limit > 0 {
		edges = nodes + `WITH collect(n) AS ns UNWIND ns AS n
			MATCH (n)-[r]->(m:Entity) WHERE type(r) IN $edgeKinds AND m IN ns AND ` + acceptedEdge("r") + ` `
	}
	run := func(cypher string, each func(*neo4j.Record) error) error {
		return s.streamRecords(ctx, tx, cypher, params, each)
	}
	if q.Begin != nil {
		err := run(`CALL () { MATCH (n:Entity) WHERE n.kind IN $kinds AND `+acceptedNode("n")+` RETURN count(n) AS nodes }
			CALL () { `+edges+` RETURN count(r) AS edges }
			RETURN nodes, edges`, func(rec *neo4j.Record) error {
			n, _ := rec.Values[0].(int64)
			e, _ := rec.Values[1].(int64)
			return q.Begin(int(n), int(e))
		})
		if err != nil {
			return err
		}
	}
	if q.Node != nil {
		err := run(nodes+`RETURN `+nodeProj("n")+` AS n,
			COLLECT { MATCH (d:Document)-[r:MENTIONS]->(n) WITH d, r ORDER BY d.id RETURN r.sources } AS spans,
			n.refSources AS refs`, func(rec *neo4j.Record) error {
			n := nodeFrom(rec.Values[0])
			n.Sources = nonNilSources(nodeSources(rec.Values[1], rec.Values[2]))
			return q.Node(n)
		})
		if err != nil {
			return err
		}
	}
	if q.Edge != nil {
		err := run(edges+`WITH n, r, m ORDER BY n.id, type(r), r.key
			RETURN `+edgeProjFrom("r", "n.id", "m.id")+` AS e, r.sources AS sources`, func(rec *neo4j.Record) error {
			e := edgeOf(rec.Values[0])
			e.Sources = nonNilSources(sources(strs(rec.Values[1])))
			return q.Edge(e)
		})
		if err != nil {
			return err
		}
	}
	return classify(tx.Commit(ctx))
}

// nodeSources decodes a node's sources: the lists of spans of the documents that mention
// it (a list of lists), then its reference sources.
func nodeSources(spans, refs any) []fixtures.Source {
	var raw []string
	lists, _ := spans.([]any)
	for _, list := range lists {
		raw = append(raw, strs(list)...)
	}
	return sources(append(raw, strs(refs)...))
}

// FirstNodes returns the first limit nodes by id of the given kinds (all but documents when
// none), with their sources and the edges of the given kinds among them; Truncated says
// the graph has more. limit is at most MaxSubgraphNodes, so that the answer stays bounded.
func (s *Store) FirstNodes(ctx context.Context, kinds, edgeKinds []string, limit int) (*Subgraph, error) {
	if err := within("limit", limit, 1, MaxSubgraphNodes); err != nil {
		return nil, err
	}
	g := &Subgraph{}
	err := s.Stream(ctx, SnapshotStream{Kinds: kinds, EdgeKinds: edgeKinds, Limit: limit,
		Begin: func(nodes, _ int) error { g.Truncated = nodes > limit; return nil },
		Node:  func(n Node) error { g.Nodes = append(g.Nodes, n); return nil },
		Edge:  func(e Edge) error { g.Edges = append(g.Edges, e); return nil },
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// streamSession opens a read session that fetches StreamFetch records at a time, for
// statements whose answers are handed on as they arrive.
func (s *Store) streamSession(ctx context.Context) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName:    s.db,
		AccessMode:      neo4j.AccessModeRead,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
		FetchSize:       StreamFetch,
	})
}

// streamRecords runs one statement of a streaming transaction and hands each record to
// each as it arrives, timing and tracing it as every statement is.
func (s *Store) streamRecords(ctx context.Context, tx neo4j.ExplicitTransaction, cypher string, params map[string]any, each func(*neo4j.Record) error) error {
	stmt := s.statement(ctx, "stream", cypher)
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		stmt(err)
		return classify(err)
	}
	for res.Next(ctx) {
		if err := each(res.Record()); err != nil {
			stmt(err)
			return err
		}
	}
	stmt(res.Err())
	return classify(res.Err())
}
