package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/entente/entente/fixtures"
)

// ImportBatch is the number of rows sent in one UNWIND statement.
const ImportBatch = 1000

// ImportStats says what one Import wrote.
type ImportStats struct {
	Documents  int // document rows written
	Nodes      int // node rows written (one per distinct id after redirects)
	Edges      int // edge rows written (one per distinct key)
	Redirected int // fixture node ids that were merged away and now resolve to their survivor
	Loops      int // edges dropped because a redirect made both ends the same node
	Created    int // nodes and relationships that did not exist before (0 on a re-import)
}

// Import writes one validated fixture in a single write transaction (all or nothing):
// documents, nodes and edges are merged by id and key so that importing twice changes
// nothing, aliases and sources are unions, and a non-null scalar overwrites while a null
// one keeps the stored value. Ids that were merged away resolve to their survivor. A node
// whose id is stored with another kind makes the whole import fail with an *InputError.
// progress, if not nil, is called after every batch with the rows written so far.
// It needs the schema (EnsureSchema): its lookups name the indexes.
func (s *Store) Import(ctx context.Context, f *fixtures.Fixture, progress func(done, total int)) (ImportStats, error) {
	if f == nil {
		return ImportStats{}, inputf("no fixture to import")
	}
	if ps := fixtures.Validate(f); len(ps) > 0 {
		return ImportStats{}, inputf("invalid fixture: %s (and %d more problems)", ps[0], len(ps)-1)
	}
	var stats ImportStats
	err := s.write(ctx, func(tx *Tx) error {
		resolved, err := tx.resolveIDs(ctx, f)
		if err != nil {
			return err
		}
		im := newImport(f, resolved)
		stats = ImportStats{Documents: len(im.docs), Nodes: countRows(im.nodes), Edges: countRows(im.edges),
			Redirected: im.redirected, Loops: im.loops}
		w := &batchWriter{tx: tx, total: stats.Documents + stats.Nodes + stats.Edges, progress: progress}
		if err := w.write(ctx, "documents", documentCypher, im.docs, false); err != nil {
			return err
		}
		for _, kind := range fixtures.NodeKinds {
			if err := w.write(ctx, kind, nodeCypher(kind), im.nodes[kind], false); err != nil {
				return err
			}
		}
		for _, kind := range fixtures.EdgeKinds {
			if err := w.write(ctx, kind, edgeCypher(kind), im.edges[kind], true); err != nil {
				return err
			}
		}
		stats.Created = w.created
		return nil
	})
	if err != nil {
		return ImportStats{}, err
	}
	return stats, nil
}

// batchWriter sends rows in batches of ImportBatch and reports progress over a whole import.
type batchWriter struct {
	tx          *Tx
	done, total int
	created     int
	progress    func(done, total int)
}

// write runs cypher once per batch of rows; edge statements return how many rows
// found both ends, which must be all of them.
func (w *batchWriter) write(ctx context.Context, kind, cypher string, rows []any, edges bool) error {
	for start := 0; start < len(rows); start += ImportBatch {
		batch := rows[start:min(start+ImportBatch, len(rows))]
		began := time.Now()
		recs, created, err := w.tx.exec(ctx, cypher, map[string]any{"rows": batch})
		if err != nil {
			return err // unwrapped: the driver's retries and classify look at its type
		}
		w.tx.store.log.Debug().Str("kind", kind).Int("rows", len(batch)).Dur("took", time.Since(began)).Msg("import batch")
		if edges {
			if n, _ := recs[0].Values[0].(int64); int(n) != len(batch) {
				return fmt.Errorf("import %s: %d edges written for %d rows: an end is missing or a key is stored twice", kind, n, len(batch))
			}
		}
		w.created += created
		w.done += len(batch)
		if w.progress != nil {
			w.progress(w.done, w.total)
		}
	}
	return nil
}

// Counts returns the number of nodes and relationships in the database, of every label
// and type (documents, redirects and MENTIONS included).
func (s *Store) Counts(ctx context.Context) (nodes, edges int, err error) {
	recs, err := s.read(ctx, "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS edges } RETURN nodes, edges", nil)
	if err != nil {
		return 0, 0, err
	}
	n, _ := recs[0].Values[0].(int64)
	e, _ := recs[0].Values[1].(int64)
	return int(n), int(e), nil
}

// exec runs one statement, returning its records and how many nodes and relationships it created.
func (t *Tx) exec(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, int, error) {
	t.store.trips.Add(1)
	res, err := t.mtx.Run(ctx, cypher, params)
	if err != nil {
		return nil, 0, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, 0, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, 0, err
	}
	return recs, sum.Counters().NodesCreated() + sum.Counters().RelationshipsCreated(), nil
}

// target is what a fixture id stands for in the database.
type target struct{ id, kind string }

// resolveIDs maps every id of the fixture to what it stands for in the database: itself,
// or the survivor it was merged into (whose kind wins). It fails with an *InputError when
// an id is stored with another kind than the fixture gives it. Both statements return only
// the exceptions, so that checking a large fixture costs little.
func (t *Tx) resolveIDs(ctx context.Context, f *fixtures.Fixture) (map[string]target, error) {
	out := map[string]target{}
	var nodeIDs []string
	for _, d := range f.Documents {
		out[d.ID] = target{d.ID, KindDocument}
	}
	for _, n := range f.Nodes {
		if prev, ok := out[n.ID]; ok && prev.kind != n.Kind {
			return nil, inputf("id %q is both a %s and a %s in this fixture", n.ID, prev.kind, n.Kind)
		} else if !ok {
			out[n.ID] = target{n.ID, n.Kind}
			nodeIDs = append(nodeIDs, n.ID)
		}
	}
	recs, err := t.run(ctx, `
		UNWIND $ids AS id
		MATCH (r:Redirect {id: id})-[:MERGED_INTO*1..]->(s:Entity) USING INDEX r:Redirect(id)
		RETURN id, s.id, s.kind`, map[string]any{"ids": nodeIDs})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		survivor, _ := r.Values[1].(string)
		kind, _ := r.Values[2].(string)
		out[id] = target{survivor, kind}
	}
	rows := make([]any, 0, len(out))
	for id, to := range out {
		if to.id == id {
			rows = append(rows, map[string]any{"id": id, "kind": to.kind})
		}
	}
	recs, err = t.run(ctx, `
		UNWIND $rows AS row
		MATCH (n:Entity {id: row.id}) USING INDEX n:Entity(id) WHERE n.kind <> row.kind
		RETURN row.id, n.kind, row.kind ORDER BY row.id LIMIT 1`, map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	if len(recs) > 0 {
		v := recs[0].Values
		return nil, inputf("id %q is a %s in the database but a %s in this fixture", v[0], v[1], v[2])
	}
	return out, nil
}

// importRows holds a fixture turned into statement parameters, nodes and edges grouped by kind.
type importRows struct {
	docs       []any
	nodes      map[string][]any // kind -> rows
	edges      map[string][]any // kind -> rows
	redirected int
	loops      int
}

func countRows(m map[string][]any) int {
	n := 0
	for _, rows := range m {
		n += len(rows)
	}
	return n
}

// newImport builds the rows of every statement. Nodes that share an id (after redirects)
// and edges that share a key become one row: the first name wins, the others become
// aliases, lists are unions and the last non-null scalar wins.
func newImport(f *fixtures.Fixture, resolved map[string]target) *importRows {
	im := &importRows{nodes: map[string][]any{}, edges: map[string][]any{}}
	im.addDocuments(f.Documents)
	im.addNodes(f.Nodes, resolved)
	im.addEdges(f.Edges, resolved)
	return im
}

// addDocuments makes one row per document; empty strings count as null.
func (im *importRows) addDocuments(docs []fixtures.Document) {
	for _, d := range docs {
		props := map[string]any{}
		setStr(props, "title", nonEmpty(d.Title))
		setStr(props, "language", nonEmpty(d.Language))
		setStr(props, "file", nonEmpty(d.File))
		setStr(props, "sha256", nonEmpty(d.SHA256))
		setStr(props, "published", d.Published)
		name := d.Title
		if name == "" {
			name = d.File
		}
		im.docs = append(im.docs, map[string]any{"id": d.ID, "name": nonEmpty(name), "props": props})
	}
}

// addNodes makes one row per node id, after redirects, grouped by kind.
func (im *importRows) addNodes(fixtureNodes []fixtures.Node, resolved map[string]target) {
	type nodeAcc struct {
		row     map[string]any
		aliases *set
		sources *set
		docs    *set
	}
	nodes := map[string]*nodeAcc{}
	var nodeOrder []string
	redirected := map[string]bool{}
	for _, n := range fixtureNodes {
		t := resolved[n.ID]
		if t.id != n.ID {
			redirected[n.ID] = true
		}
		acc, ok := nodes[t.id]
		if !ok {
			acc = &nodeAcc{
				row:     map[string]any{"id": t.id, "kind": t.kind, "name": n.Name, "props": map[string]any{}},
				aliases: newSet(), sources: newSet(), docs: newSet(),
			}
			nodes[t.id] = acc
			nodeOrder = append(nodeOrder, t.id)
		} else {
			acc.aliases.add(n.Name)
		}
		acc.aliases.add(n.Aliases...)
		props := acc.row["props"].(map[string]any)
		setStr(props, "country", n.Country)
		setStr(props, "startDate", n.StartDate)
		setStr(props, "endDate", n.EndDate)
		setStr(props, "place", n.Place)
		for _, key := range []string{"title", "subtype", "description"} {
			if v, ok := n.Properties[key].(string); ok && v != "" {
				props[key] = v
			}
		}
		addSources(acc.sources, acc.docs, n.Sources)
	}
	im.redirected = len(redirected)
	for _, id := range nodeOrder {
		acc := nodes[id]
		acc.row["aliases"] = acc.aliases.list
		acc.row["sources"] = acc.sources.list
		acc.row["docs"] = acc.docs.list
		kind := acc.row["kind"].(string)
		im.nodes[kind] = append(im.nodes[kind], acc.row)
	}
}

// addEdges makes one row per edge key, after redirects, grouped by kind; an edge that a
// redirect turned into a loop is dropped.
func (im *importRows) addEdges(fixtureEdges []fixtures.Edge, resolved map[string]target) {
	type edgeAcc struct {
		row     map[string]any
		sources *set
		docs    *set
	}
	edges := map[string]*edgeAcc{}
	var edgeOrder []string
	for _, e := range fixtureEdges {
		e.From, e.To = resolved[e.From].id, resolved[e.To].id
		if e.From == e.To {
			im.loops++
			continue
		}
		key := e.Key()
		acc, ok := edges[key]
		if !ok {
			acc = &edgeAcc{
				row:     map[string]any{"key": key, "kind": e.Kind, "from": e.From, "to": e.To, "props": map[string]any{}},
				sources: newSet(), docs: newSet(),
			}
			edges[key] = acc
			edgeOrder = append(edgeOrder, key)
		}
		props := acc.row["props"].(map[string]any)
		setStr(props, "role", e.Role)
		setStr(props, "date", e.Date)
		for _, key := range []string{"title", "place", "currency"} {
			if v, ok := e.Properties[key].(string); ok && v != "" {
				props[key] = v
			}
		}
		if amount, ok := toFloat(e.Properties["amount"]); ok {
			props["amount"] = amount
		}
		addSources(acc.sources, acc.docs, e.Sources)
	}
	for _, key := range edgeOrder {
		acc := edges[key]
		acc.row["sources"] = acc.sources.list
		acc.row["docs"] = acc.docs.list
		kind := acc.row["kind"].(string)
		im.edges[kind] = append(im.edges[kind], acc.row)
	}
}

// addSources adds each source once, JSON-encoded as the model stores it, and its document id.
func addSources(sources, docs *set, srcs []fixtures.Source) {
	for _, src := range srcs {
		b, err := json.Marshal(src)
		if err != nil {
			continue // a Source always marshals
		}
		sources.add(string(b))
		if src.Reference == "" {
			docs.add(src.Document)
		}
	}
}

// set is an insertion-ordered set of strings.
type set struct {
	seen map[string]bool
	list []string
}

func newSet() *set { return &set{seen: map[string]bool{}, list: []string{}} }

func (s *set) add(xs ...string) {
	for _, x := range xs {
		if x != "" && !s.seen[x] {
			s.seen[x] = true
			s.list = append(s.list, x)
		}
	}
}

func setStr(props map[string]any, key string, v *string) {
	if v != nil {
		props[key] = *v
	}
}

func nonEmpty(s string) *string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return &s
}

// toFloat reads an amount written as a JSON number or a numeric string.
func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(strings.ReplaceAll(x, ",", ""), 64)
		return f, err == nil
	}
	return 0, false
}

// documentCypher merges documents. Names come from the title, else the file, else the id.
const documentCypher = `
UNWIND $rows AS row
MERGE (d:Entity {id: row.id})
SET d:Document, d.kind = 'Document', d += row.props,
    d.name = coalesce(row.name, d.name, row.id)`

// nodeCypher merges the nodes of one kind, which must come from fixtures.NodeKinds: the
// stored name stays, another name becomes an alias, aliases, sources and docs are unions,
// non-null scalars (row.props) overwrite, and each document gets a MENTIONS edge to the node.
// Lookups by id name their index, so that the plan cannot turn into a scan per row.
// The first SET locks the node, so the lists read next cannot be changed by a concurrent import.
func nodeCypher(kind string) string {
	mustKind(fixtures.NodeKinds, kind)
	return fmt.Sprintf(`
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:%s, n.kind = row.kind, n.name = coalesce(n.name, row.name)
WITH n, row, reduce(acc = [], a IN coalesce(n.aliases, []) + [row.name] + row.aliases |
       CASE WHEN a = n.name OR a IN acc THEN acc ELSE acc + a END) AS aliases
SET n.aliases = aliases,
    n.aliasText = reduce(t = '', a IN aliases | t + CASE t WHEN '' THEN '' ELSE ' | ' END + a),
    n.sources = reduce(acc = coalesce(n.sources, []), s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    n.docs = reduce(acc = coalesce(n.docs, []), d IN row.docs | CASE WHEN d IN acc THEN acc ELSE acc + d END),
    n += row.props
WITH n, row
UNWIND row.docs AS doc
MATCH (d:Document:Entity {id: doc}) USING INDEX d:Entity(id)
MERGE (d)-[:MENTIONS]->(n)`, kind)
}

// edgeCypher merges the edges of one kind, which must come from fixtures.EdgeKinds, by key,
// and returns how many rows found both ends. It looks the key up in the relationship index
// (schema.go's <kind>_key) and creates the edge when it is missing, rather than using
// MERGE: the planner may choose to scan the whole index for every row of a MERGE or of an
// unhinted MATCH, which made a re-import of 5,000 edges take seconds. Concurrent imports
// cannot both create an edge: its two ends were written, so locked, by this transaction's
// node statements, and the second import waits for the first one to commit.
func edgeCypher(kind string) string {
	mustKind(fixtures.EdgeKinds, kind)
	return fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
OPTIONAL MATCH ()-[old:%[1]s {key: row.key}]->() USING INDEX SEEK old:%[1]s(key)
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END | CREATE (a)-[:%[1]s {key: row.key}]->(b))
WITH row
MATCH ()-[r:%[1]s {key: row.key}]->() USING INDEX SEEK r:%[1]s(key)
SET r.sources = reduce(acc = coalesce(r.sources, []), s IN row.sources | CASE WHEN s IN acc THEN acc ELSE acc + s END),
    r.docs = reduce(acc = coalesce(r.docs, []), d IN row.docs | CASE WHEN d IN acc THEN acc ELSE acc + d END),
    r += row.props
RETURN count(r) AS written`, kind)
}

// mustKind guards the only values spliced into Cypher: labels and types from a whitelist.
func mustKind(whitelist []string, kind string) {
	for _, k := range whitelist {
		if k == kind {
			return
		}
	}
	panic(fmt.Sprintf("graph: %q is not a whitelisted kind", kind))
}
