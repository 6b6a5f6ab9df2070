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
	"github.com/entente/entente/metrics"
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
// nothing, aliases and sources are unions, a non-null scalar overwrites while a null one
// keeps the stored value, and a confidence only rises (more evidence never lowers it).
// Ids that were merged away resolve to their survivor. A node whose id is stored with
// another kind makes the whole import fail with an *InputError.
// progress, if not nil, is called after every batch of documents, nodes or edges with the
// rows written so far. It needs the schema (EnsureSchema): its lookups name the indexes.
//
// The statements, in order: documents (which says which ones it created), nodes of each
// kind (which return their element ids), MENTIONS, then edges of each kind. Once written,
// nodes are found again by element id, which is valid for the rest of the transaction
// and costs neither an index seek nor a lock; the node statements have locked them.
func (s *Store) Import(ctx context.Context, f *fixtures.Fixture, progress func(done, total int)) (ImportStats, error) {
	return s.ImportFile(ctx, f, "", "", progress)
}

// ImportFile imports f as Import does and, in the same transaction, records that the
// file with this SHA-256 (hex) was loaded from file (LoadedFixtures): the file is
// recorded if and only if its import committed. An empty digest records nothing.
// A file of more than ImportOneTransaction rows is imported as an import run
// (importrun.go): in transactions of at most ImportChunk rows, undone if it fails,
// recorded with the last.
func (s *Store) ImportFile(ctx context.Context, f *fixtures.Fixture, digest, file string, progress func(done, total int)) (ImportStats, error) {
	began := time.Now()
	stats, err := s.importFile(ctx, f, digest, file, progress)
	countImport(stats, err, began)
	return stats, err
}

// countImport counts one imported file, committed or failed, in the metrics.
func countImport(stats ImportStats, err error, began time.Time) {
	if err != nil {
		metrics.ImportFile("failed")
		metrics.ImportFailed(time.Since(began))
		return
	}
	metrics.ImportFile("committed")
	metrics.Imported(stats.Documents, stats.Nodes, stats.Edges, stats.Created, time.Since(began))
}

func (s *Store) importFile(ctx context.Context, f *fixtures.Fixture, digest, file string, progress func(done, total int)) (ImportStats, error) {
	if f == nil {
		return ImportStats{}, inputf("no fixture to import")
	}
	if ps := fixtures.Validate(f); len(ps) > 0 {
		return ImportStats{}, inputf("invalid fixture: %s (and %d more problems)", ps[0], len(ps)-1)
	}
	s.runs.mu.Lock()
	single := s.runs.single
	s.runs.mu.Unlock()
	if len(f.Documents)+len(f.Nodes)+len(f.Edges) > single {
		return s.importParts(ctx, fixtureParts{f}, digest, file, progress)
	}
	began := time.Now()
	// The rows are built while Neo4j resolves the ids, for the usual case where every id
	// stands for itself; they are built again if one was merged away.
	prepared := make(chan *importRows, 1)
	go func() { prepared <- newImport(f, selfTargets(f)) }()
	var pre *importRows
	prepare := func() *importRows {
		if pre == nil {
			pre = <-prepared
		}
		return pre
	}
	var stats ImportStats
	var written time.Duration
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		stats, err = tx.importFixture(ctx, f, prepare, importMeta{digest: digest, file: file, action: ActionImport}, progress)
		written = time.Since(began)
		return err
	})
	if err != nil {
		return ImportStats{}, err
	}
	s.log.Debug().Dur("written", written).Dur("took", time.Since(began)).Msg("import committed")
	return stats, nil
}

// importMeta is what an import records besides the fixture: the file's digest and name
// (LoadedFixtures; empty: none) and the action of its history records.
type importMeta struct {
	digest, file, action string
}

// importFixture writes a validated fixture in tx, as one transaction of ImportFile does;
// prepare gives the rows built for ids that all stand for themselves (selfTargets).
func (tx *Tx) importFixture(ctx context.Context, f *fixtures.Fixture, prepare func() *importRows, meta importMeta,
	progress func(done, total int)) (ImportStats, error) {
	began := time.Now()
	resolved, err := tx.resolveIDs(ctx, f)
	pre := prepare()
	if err != nil {
		return ImportStats{}, err
	}
	tx.store.log.Debug().Dur("took", time.Since(began)).Msg("import ids resolved")
	sameMeetings, err := tx.resolveMeetings(ctx, f, resolved, nil)
	if err != nil {
		return ImportStats{}, err
	}
	im := pre
	if !allSelf(resolved) {
		im = newImport(f, resolved)
	}
	stats := ImportStats{Documents: len(im.docs), Nodes: countRows(im.nodes), Edges: countRows(im.edges),
		Redirected: im.redirected, Loops: im.loops}
	w := &batchWriter{tx: tx, total: stats.Documents + stats.Nodes + stats.Edges, progress: progress, action: meta.action}
	docs, err := w.documents(ctx, im.docs)
	if err != nil {
		return stats, err
	}
	nodes, err := w.nodes(ctx, im)
	if err != nil {
		return stats, err
	}
	// The node statements have locked the nodes: none can be merged away any more
	// before this commits. One merged away after resolveIDs read it was written
	// again under its old id, beside its redirect: start again on the survivor.
	if err := tx.checkNotMerged(ctx, nodes); err != nil {
		return stats, err
	}
	if err := w.mentions(ctx, im.mentions, docs, nodes); err != nil {
		return stats, err
	}
	// The node statements have written, so locked, both ends of every edge: a
	// concurrent import that shares an end waits for this one to commit, so the keys
	// looked up below cannot be created by anyone else before then.
	for _, kind := range fixtures.EdgeKinds {
		if err := w.edges(ctx, kind, im.edges[kind], nodes); err != nil {
			return stats, err
		}
	}
	// The meetings that report events stored (or of this fixture) are merged into them,
	// with the edges and MENTIONS just written (meetings.go).
	merged, err := w.mergeMeetings(ctx, sameMeetings)
	if err != nil {
		return stats, err
	}
	stats.Redirected += len(merged)
	stats.Nodes -= len(merged)
	stats.Created = w.created
	if err := tx.record(ctx, nil, withFile(w.changes, meta.file)); err != nil {
		return stats, err
	}
	if meta.digest != "" {
		if err := tx.markLoaded(ctx, meta.digest, meta.file); err != nil {
			return stats, err
		}
	}
	return stats, nil
}

// batchWriter sends rows in batches of ImportBatch and reports progress over a whole import.
type batchWriter struct {
	tx          *Tx
	done, total int
	created     int
	progress    func(done, total int)
	// run is the id of the import run the rows belong to (importrun.go), nil outside one.
	// In a run, what the statements create is recorded for an undo, and what they change
	// is copied first.
	run             any
	createdEdges    []string // keys
	createdMentions []string // document id, node id, document id, ...
	// changes are the documents, nodes and edges written, for the history (history.go).
	changes []change
	// proposed says whether any node is PROPOSED, once asked (nil before).
	proposed *bool
	// action is the action of the history records: ActionImport when empty.
	action string
}

// changed notes that the import wrote subject (a document, node or edge id), with the
// status it brought (nil: accepted), for the history.
func (w *batchWriter) changed(subject, what string, status any) {
	detail := map[string]any{"what": what}
	if what != "document" {
		detail["status"] = statusOf(status)
	}
	action := w.action
	if action == "" {
		action = ActionImport
	}
	w.changes = append(w.changes, change{Subject: subject, Action: action, Detail: detail})
}

// batches calls send with consecutive slices of at most ImportBatch rows.
func batches(rows []any, send func(batch []any) error) error {
	for start := 0; start < len(rows); start += ImportBatch {
		if err := send(rows[start:min(start+ImportBatch, len(rows))]); err != nil {
			return err
		}
	}
	return nil
}

// exec runs one statement of a batch, counting what it created; with progress, the rows
// count towards the total reported.
func (w *batchWriter) exec(ctx context.Context, kind, cypher string, params map[string]any, rows int, progress bool) ([]*neo4j.Record, error) {
	began := time.Now()
	params["run"] = w.run
	recs, created, err := w.tx.exec(ctx, cypher, params)
	if err != nil {
		return nil, err // unwrapped: the driver's retries and classify look at its type
	}
	w.tx.store.log.Debug().Str("kind", kind).Int("rows", rows).Dur("took", time.Since(began)).Msg("import batch")
	w.created += created
	if progress {
		w.done += rows
		if w.progress != nil {
			w.progress(w.done, w.total)
		}
	}
	return recs, nil
}

// checkWritten checks the count an edge or MENTIONS statement returns: every row must have
// found its ends.
func checkWritten(recs []*neo4j.Record, kind string, rows int) error {
	if n, _ := recs[0].Values[0].(int64); int(n) != rows {
		return fmt.Errorf("import %s: %d written for %d rows: an end is missing or a key is stored twice", kind, n, rows)
	}
	return nil
}

// stored is a document or node written by this transaction.
type stored struct {
	eid     string // its element id, valid until the transaction ends
	created bool   // this transaction created it: no relationship can be stored at it yet
}

// collectStored records the (id, element id, created) records of a node or document
// statement, whose last value is the import run that holds the node (reservedBy): a node
// held by another run than the writer's is an errReserved, and in a run every node
// written must be held by it (one created by a concurrent write after the run reserved
// its nodes is not: errRaced, and the chunk is written again).
func (w *batchWriter) collectStored(recs []*neo4j.Record, out map[string]stored) error {
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		if id == "" {
			// A node a concurrent merge deleted between the MERGE finding it and the SET
			// locking it: the SET did nothing, and its properties read null.
			return errRaced
		}
		eid, _ := r.Values[1].(string)
		created, _ := r.Values[2].(bool)
		out[id] = stored{eid, created}
		if by := r.Values[len(r.Values)-1]; by != w.run {
			if w.run != nil && by == nil {
				return errRaced
			}
			return errReserved
		}
	}
	return nil
}

// documents merges the documents and returns them by id.
func (w *batchWriter) documents(ctx context.Context, rows []any) (map[string]stored, error) {
	out := make(map[string]stored, len(rows))
	err := batches(rows, func(batch []any) error {
		recs, err := w.exec(ctx, "documents", documentCypher, map[string]any{"rows": batch}, len(batch), true)
		if err != nil {
			return err
		}
		for _, r := range batch {
			w.changed(r.(map[string]any)["id"].(string), "document", nil)
		}
		return w.collectStored(recs, out)
	})
	return out, err
}

// nodes merges the nodes of every kind and returns their element ids by id. The nodes
// it finds stored get the surface forms and reference sources they lack in a second
// statement, the unions made here in time linear in the lists' lengths.
func (w *batchWriter) nodes(ctx context.Context, im *importRows) (map[string]stored, error) {
	out := make(map[string]stored, countRows(im.nodes))
	for _, kind := range fixtures.NodeKinds {
		err := batches(im.nodes[kind], func(batch []any) error {
			recs, err := w.exec(ctx, kind, nodeCypher, map[string]any{"rows": batch}, len(batch), true)
			if err != nil {
				return err
			}
			if err := w.collectStored(recs, out); err != nil {
				return err
			}
			for _, r := range batch {
				row := r.(map[string]any)
				w.changed(row["id"].(string), "node", row["status"])
			}
			var lists []any
			for _, r := range recs {
				if created, _ := r.Values[2].(bool); created {
					continue
				}
				id, _ := r.Values[0].(string)
				if row := im.listUpdate(id, r.Values[1], str(r.Values[3]), strs(r.Values[4]), strs(r.Values[5])); row != nil {
					lists = append(lists, row)
				}
			}
			if len(lists) == 0 {
				return nil
			}
			_, err = w.exec(ctx, kind+" lists", nodeListsCypher, map[string]any{"rows": lists}, len(lists), false)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// listUpdate is the row of nodeListsCypher for the stored node id (element id eid) whose
// name, aliases and reference sources are given: the forms and sources of the fixture it
// lacks, appended in the order read, or nil when it lacks none.
func (im *importRows) listUpdate(id string, eid any, name string, aliases, refs []string) map[string]any {
	row := map[string]any{"n": eid, "aliases": nil, "aliasText": nil, "refs": nil}
	if added := union(aliases, im.forms[id], name); len(added) > len(aliases) {
		row["aliases"], row["aliasText"] = added, aliasText(added)
	}
	if added := union(refs, im.refs[id], ""); len(added) > len(refs) {
		row["refs"] = added
	}
	if row["aliases"] == nil && row["refs"] == nil {
		return nil
	}
	return row
}

// union is old followed by the strings of more that are neither in old nor except, each once.
func union(old, more []string, except string) []string {
	seen := make(map[string]bool, len(old)+1)
	for _, s := range old {
		seen[s] = true
	}
	seen[except] = true
	out := old
	for _, s := range more {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// aliasText is what the full-text index reads besides the name: the aliases joined by " | ".
func aliasText(aliases []string) string { return strings.Join(aliases, " | ") }

// mentions writes a MENTIONS relationship, with its spans, per (document, node): created
// when this transaction created the document or the node, since none can exist yet, else
// merged.
func (w *batchWriter) mentions(ctx context.Context, ms []mention, docs, nodes map[string]stored) error {
	var fresh, old []any
	for _, m := range ms {
		n := nodes[m.node]
		if d, ok := docs[m.doc]; ok && (d.created || n.created) {
			fresh = append(fresh, map[string]any{"d": d.eid, "n": n.eid, "sources": m.sources})
		} else {
			old = append(old, map[string]any{"doc": m.doc, "n": n.eid, "sources": m.sources})
		}
	}
	for _, part := range []struct {
		cypher string
		rows   []any
	}{{mentionCreateCypher, fresh}, {mentionMergeCypher, old}} {
		err := batches(part.rows, func(batch []any) error {
			recs, err := w.exec(ctx, "MENTIONS", part.cypher, map[string]any{"rows": batch}, len(batch), false)
			if err != nil {
				return err
			}
			if len(recs[0].Values) > 1 && w.run != nil {
				// Made in a run between stored nodes: the undo deletes them. The copies
				// kept for the undo are not the import's.
				for _, pair := range recs[0].Values[1].([]any) {
					w.createdMentions = append(w.createdMentions, strs(pair)...)
				}
				kept, _ := recs[0].Values[2].(int64)
				w.created -= int(kept)
			}
			return checkWritten(recs, "MENTIONS", len(batch))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// edges writes the edges of one kind: per batch, one statement finds which keys are
// stored (of the edges between two nodes that were already stored), one creates the
// others between their ends' element ids and, when some keys were found, one merges
// into those.
func (w *batchWriter) edges(ctx context.Context, kind string, rows []any, nodes map[string]stored) error {
	lookup, create, update := edgeLookupCypher(kind), edgeCreateCypher, edgeUpdateCypher(kind)
	return batches(rows, func(batch []any) error {
		// An edge with an end this transaction created is new; the others are looked up.
		var keys []string
		for _, r := range batch {
			row := r.(map[string]any)
			if !nodes[row["from"].(string)].created && !nodes[row["to"].(string)].created {
				keys = append(keys, row["key"].(string))
			}
		}
		found := map[string]bool{}
		if len(keys) > 0 {
			recs, err := w.exec(ctx, kind+" lookup", lookup, map[string]any{"keys": keys}, len(keys), false)
			if err != nil {
				return err
			}
			for _, r := range recs {
				k, _ := r.Values[0].(string)
				found[k] = true
			}
		}
		var fresh, old []any
		for _, r := range batch {
			row := r.(map[string]any)
			if found[row["key"].(string)] {
				old = append(old, row)
			} else {
				fresh = append(fresh, map[string]any{"kind": kind, "key": row["key"], "a": nodes[row["from"].(string)].eid,
					"b": nodes[row["to"].(string)].eid, "sources": row["sources"], "props": row["props"], "confidence": row["confidence"],
					"status": row["status"]})
			}
		}
		if w.run != nil {
			// In a run, the undo deletes the edges it creates and puts back those it changes.
			for _, r := range fresh {
				w.createdEdges = append(w.createdEdges, r.(map[string]any)["key"].(string))
			}
			if len(old) > 0 {
				keys := make([]string, len(old))
				for i, r := range old {
					keys[i] = r.(map[string]any)["key"].(string)
				}
				if _, err := w.tx.run(ctx, edgeUndoCypher(kind), map[string]any{"keys": keys, "run": w.run}); err != nil {
					return err
				}
			}
		}
		n := 0
		for _, part := range []struct {
			cypher string
			rows   []any
		}{{create, fresh}, {update, old}} {
			if len(part.rows) == 0 {
				continue
			}
			recs, err := w.exec(ctx, kind, part.cypher, map[string]any{"rows": part.rows}, len(part.rows), true)
			if err != nil {
				return err
			}
			c, _ := recs[0].Values[0].(int64)
			n += int(c)
		}
		if n != len(batch) {
			return fmt.Errorf("import %s: %d edges written for %d rows: an end is missing or a key is stored twice", kind, n, len(batch))
		}
		// An accepted edge accepts its PROPOSED ends (status.go); the edges are read again,
		// since a REJECTED edge stays rejected whatever this import says.
		var accepted []string
		for _, r := range batch {
			row := r.(map[string]any)
			w.changed(row["key"].(string), "edge", row["status"])
			if row["status"] == nil {
				accepted = append(accepted, row["key"].(string))
			}
		}
		if len(accepted) == 0 {
			return nil
		}
		if w.proposed == nil {
			any, err := w.tx.anyProposed(ctx)
			if err != nil {
				return err
			}
			w.proposed = &any
		}
		if !*w.proposed {
			return nil // no node waits for review: none to accept
		}
		_, err := w.tx.acceptEnds(ctx, kind, accepted, false)
		return err
	})
}

// Counts returns the number of nodes and relationships in the database, of every label
// and type (documents, redirects and MENTIONS included) but the version node (LabelVersion),
// the locks of meeting imports (LabelMeetingLock) and the history (LabelChange).
func (s *Store) Counts(ctx context.Context) (nodes, edges int, err error) {
	recs, err := s.read(ctx, "CALL () { MATCH (n) RETURN count(n) AS total } "+
		"CALL () { MATCH (v:"+LabelVersion+") RETURN count(v) AS meta } CALL () { MATCH (l:"+LabelMeetingLock+") RETURN count(l) AS locks } CALL () { MATCH (c:"+LabelChange+") RETURN count(c) AS history } "+
		"CALL () { MATCH ()-[r]->() RETURN count(r) AS edges } RETURN total - meta - locks - history AS nodes, edges", nil)
	if err != nil {
		return 0, 0, err
	}
	n, _ := recs[0].Values[0].(int64)
	e, _ := recs[0].Values[1].(int64)
	s.nodes.Store(n)
	return int(n), int(e), nil
}

// exec runs one statement, returning its records and how many nodes and relationships it created.
func (t *Tx) exec(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, int, error) {
	stmt := t.store.statement(ctx, "write", cypher)
	res, err := t.mtx.Run(ctx, cypher, params)
	if err != nil {
		stmt(err)
		return nil, 0, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		stmt(err)
		return nil, 0, err
	}
	sum, err := res.Consume(ctx)
	stmt(err)
	if err != nil {
		return nil, 0, err
	}
	return recs, sum.Counters().NodesCreated() + sum.Counters().RelationshipsCreated(), nil
}

// checkNotMerged fails with errRaced when one of the nodes written is the old id of a
// merged node (a Redirect): a curation merged it away after the import resolved its ids.
func (t *Tx) checkNotMerged(ctx context.Context, written map[string]stored) error {
	ids := make([]string, 0, len(written))
	for id := range written {
		ids = append(ids, id)
	}
	recs, err := t.run(ctx, `
		CYPHER replan=skip
		UNWIND $ids AS id
		MATCH (r:Redirect {id: id}) USING INDEX r:Redirect(id)
		RETURN id LIMIT 1`, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	if len(recs) > 0 {
		return errRaced
	}
	return nil
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
		CYPHER replan=skip
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
		CYPHER replan=skip
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

// selfTargets resolves every id of a valid fixture to itself, with the kind it gives.
func selfTargets(f *fixtures.Fixture) map[string]target {
	out := make(map[string]target, len(f.Documents)+len(f.Nodes))
	for _, d := range f.Documents {
		out[d.ID] = target{d.ID, KindDocument}
	}
	for _, n := range f.Nodes {
		out[n.ID] = target{n.ID, n.Kind}
	}
	return out
}

// allSelf says whether resolveIDs resolved every id to itself. The kinds are then the
// fixture's: resolveIDs refuses any other.
func allSelf(resolved map[string]target) bool {
	for id, t := range resolved {
		if t.id != id {
			return false
		}
	}
	return true
}

// importRows holds a fixture turned into statement parameters, nodes and edges grouped by kind.
type importRows struct {
	docs       []any
	nodes      map[string][]any    // kind -> rows
	forms      map[string][]string // node id -> its surface forms, the name first
	refs       map[string][]string // node id -> its reference sources
	mentions   []mention
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
// aliases, lists are unions, the last non-null scalar wins and the highest confidence wins;
// of their statuses a rejection wins, then an acceptance (statusRank).
func newImport(f *fixtures.Fixture, resolved map[string]target) *importRows {
	im := &importRows{nodes: map[string][]any{}, forms: map[string][]string{}, refs: map[string][]string{}, edges: map[string][]any{}}
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
		setStr(props, "url", nonEmpty(d.URL))
		if d.Text != "" {
			props["text"] = d.Text
		}
		name := d.Title
		if name == "" {
			name = d.File
		}
		im.docs = append(im.docs, map[string]any{"id": d.ID, "name": nonEmpty(name), "props": props})
	}
}

// addNodes makes one row per node id, after redirects, grouped by kind. A row carries
// its surface forms (the name first), its reference sources, and its document sources
// grouped by document (mentions), each once and in the order read.
func (im *importRows) addNodes(fixtureNodes []fixtures.Node, resolved map[string]target) {
	type nodeAcc struct {
		row     map[string]any
		forms   *set
		sources Sources
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
				row:   map[string]any{"id": t.id, "kind": t.kind, "name": n.Name, "props": map[string]any{}, "confidence": 0.0},
				forms: newSet(),
			}
			nodes[t.id] = acc
			nodeOrder = append(nodeOrder, t.id)
		}
		combineStatus(acc.row, storedStatus(n.Status), !ok)
		acc.forms.add(n.Name)
		acc.forms.add(n.Aliases...)
		raise(acc.row, n.Confidence)
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
		acc.sources.Add(n.Sources...)
	}
	im.redirected = len(redirected)
	for _, id := range nodeOrder {
		acc := nodes[id]
		im.forms[id], im.refs[id] = acc.forms.list, acc.sources.Refs()
		// What a node created by this import stores; a stored one gets listUpdate's.
		aliases := union(nil, acc.forms.list, acc.row["name"].(string))
		acc.row["aliases"], acc.row["aliasText"] = aliases, aliasText(aliases)
		acc.row["refs"] = acc.sources.Refs()
		for _, d := range acc.sources.Docs() {
			im.mentions = append(im.mentions, mention{doc: d, node: id, sources: acc.sources.Spans(d)})
		}
		kind := acc.row["kind"].(string)
		im.nodes[kind] = append(im.nodes[kind], acc.row)
	}
}

// mention is a MENTIONS relationship to write: the spans of one document that name a node.
type mention struct {
	doc, node string
	sources   []string
}

// addEdges makes one row per edge key, after redirects, grouped by kind; an edge that a
// redirect turned into a loop is dropped.
func (im *importRows) addEdges(fixtureEdges []fixtures.Edge, resolved map[string]target) {
	type edgeAcc struct {
		row     map[string]any
		sources *set
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
				row: map[string]any{"key": key, "kind": e.Kind, "from": e.From, "to": e.To, "props": map[string]any{},
					"confidence": 0.0},
				sources: newSet(),
			}
			edges[key] = acc
			edgeOrder = append(edgeOrder, key)
		}
		combineStatus(acc.row, storedStatus(e.Status), !ok)
		raise(acc.row, e.Confidence)
		props := acc.row["props"].(map[string]any)
		setStr(props, "role", e.Role)
		setStr(props, "date", e.Date)
		for _, key := range []string{"title", "place", "currency"} {
			if v, ok := e.Properties[key].(string); ok && v != "" {
				props[key] = v
			}
		}
		if amount, ok := Amount(e.Properties["amount"]); ok {
			props["amount"] = amount
		}
		for _, src := range e.Sources {
			acc.sources.add(SourceJSON(src))
		}
	}
	for _, key := range edgeOrder {
		acc := edges[key]
		acc.row["sources"] = acc.sources.list
		kind := acc.row["kind"].(string)
		im.edges[kind] = append(im.edges[kind], acc.row)
	}
}

// SourceJSON is a source as stored: the JSON of fixtures.Source.
func SourceJSON(src fixtures.Source) string {
	b, _ := json.Marshal(src) // a Source always marshals
	return string(b)
}

// Sources gathers the sources of one node as imports store them: reference sources, and the spans of each document that mentions it, each once, in the order met.
type Sources struct {
	refs  set
	docs  []string
	spans map[string]*set
}

// Add gathers srcs.
func (s *Sources) Add(srcs ...fixtures.Source) {
	for _, src := range srcs {
		j := SourceJSON(src)
		if src.Reference != "" {
			s.refs.add(j)
			continue
		}
		spans, ok := s.spans[src.Document]
		if !ok {
			if s.spans == nil {
				s.spans = map[string]*set{}
			}
			spans = &set{}
			s.spans[src.Document] = spans
			s.docs = append(s.docs, src.Document)
		}
		spans.add(j)
	}
}

// Refs are the reference sources (SourceJSON), an empty list when there are none.
func (s *Sources) Refs() []string {
	if s.refs.list == nil {
		return []string{}
	}
	return s.refs.list
}

// Docs are the documents that mention the node, in the order met.
func (s *Sources) Docs() []string { return s.docs }

// Spans are the sources (SourceJSON) of doc that mention the node.
func (s *Sources) Spans(doc string) []string { return s.spans[doc].list }

// set is an insertion-ordered set of strings.
type set struct {
	seen map[string]bool
	list []string
}

func newSet() *set { return &set{seen: map[string]bool{}, list: []string{}} }

func (s *set) add(xs ...string) {
	for _, x := range xs {
		if x != "" && !s.seen[x] {
			if s.seen == nil {
				s.seen = map[string]bool{}
			}
			s.seen[x] = true
			s.list = append(s.list, x)
		}
	}
}

// raise keeps in a row (whose confidence starts at 0) the highest of its confidence and c.
func raise(row map[string]any, c *float64) {
	row["confidence"] = max(row["confidence"].(float64), fixtures.ConfidenceOf(c))
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

// Amount reads an amount written as a JSON number or a numeric string ("1,500,000").
func Amount(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(strings.ReplaceAll(x, ",", ""), 64)
		return f, err == nil
	}
	return 0, false
}

// The import statements start with CYPHER replan=skip: the graph grows fast during a
// load, so Neo4j would otherwise throw their plans away as stale and plan them again every
// few seconds, which took a quarter of its CPU. Their plans do not depend on statistics:
// every lookup is by a unique constraint, an element id or a hinted index.

// documentCypher merges documents and returns each one's id, element id, whether it
// was created (every stored document has a kind; MERGE creates it with its id only) and
// the import run that holds it (reservedBy). Names come from the title, else the file,
// else the id. A document it creates is tagged with $run (null outside an import run).
var documentCypher = `
CYPHER replan=skip
UNWIND $rows AS row
MERGE (d:Entity {id: row.id})
WITH d, row, d.kind IS NULL AS created
SET d:Document, d.kind = 'Document', d += row.props,
    d.name = coalesce(row.name, d.name, row.id)
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET d._run = $run)
RETURN d.id, elementId(d), created, ` + reservedBy("d")

// nodeCypher merges nodes, whose kinds must come from fixtures.NodeKinds (Import and the
// curations validate them first), and returns their ids, element ids, whether they were
// created and, for those that were not, their name, aliases and reference sources: the
// stored name stays, non-null scalars (row.props) overwrite, and the confidence rises to
// the row's when that is higher (a node stored without one reads as 1 and keeps it). A
// node it creates gets the row's aliases (every form but the name), aliasText and
// reference sources, made in Go; a stored one gets the forms and sources it lacks from
// nodeListsCypher, the unions made in Go (listUpdate), since a list union in Cypher costs
// the product of the lists' lengths. The SET of kind, done on every row, locks the node,
// so the lists returned cannot be changed by a concurrent import before this one commits.
// A node that a concurrent merge deleted after the MERGE found it reads with a null id
// (collectStored: errRaced).
// Every stored node has an aliasText (set on creation), so a node without one was created.
// A node it creates is tagged with $run (null outside an import run); the last value is
// the import run that holds the node (reservedBy). A node created gets the row's status
// (a label, status.go); a stored one the status statusMergeCypher gives.
var nodeCypher = `
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:$(row.kind), n.name = row.name, n.confidence = row.confidence, n._run = $run
SET n.kind = row.kind, n += row.props
FOREACH (_ IN CASE WHEN n.confidence < row.confidence THEN [1] ELSE [] END | SET n.confidence = row.confidence)
WITH n, row, n.aliasText IS NULL AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  SET n.aliases = row.aliases, n.aliasText = row.aliasText,
      n.refSources = CASE WHEN size(row.refs) > 0 THEN row.refs END)
WITH n, row, created, CASE WHEN created AND NOT coalesce(row.curated, false) THEN row.status
  ELSE ` + statusMergeCypher(nodeStatusCypher("n"), "row.status", "row.curated") + ` END AS status
FOREACH (_ IN CASE WHEN status IS NULL AND (n:` + LabelProposed + ` OR n:` + LabelRejected + `) THEN [1] ELSE [] END |
  REMOVE n:` + LabelProposed + `:` + LabelRejected + `)
FOREACH (_ IN CASE WHEN status = '` + StatusProposed + `' AND NOT n:` + LabelProposed + ` THEN [1] ELSE [] END | SET n:` + LabelProposed + `)
FOREACH (_ IN CASE WHEN status = '` + StatusRejected + `' AND NOT n:` + LabelRejected + ` THEN [1] ELSE [] END |
  REMOVE n:` + LabelProposed + ` SET n:` + LabelRejected + `)
RETURN n.id, elementId(n), created,
  CASE WHEN NOT created THEN n.name END, CASE WHEN NOT created THEN n.aliases END,
  CASE WHEN NOT created THEN n.refSources END, ` + reservedBy("n")

// nodeListsCypher sets, by element id, the lists listUpdate made of stored nodes that
// lacked forms or sources; a null list leaves the stored one.
const nodeListsCypher = `
CYPHER replan=skip
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.n
SET n.aliases = coalesce(row.aliases, n.aliases), n.aliasText = coalesce(row.aliasText, n.aliasText),
    n.refSources = coalesce(row.refs, n.refSources)`

// mentionCreateCypher creates MENTIONS from documents this transaction created, with
// their spans, between element ids; it returns how many it wrote.
const mentionCreateCypher = `
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d) WHERE elementId(d) = row.d
MATCH (n) WHERE elementId(n) = row.n
CREATE (d)-[r:MENTIONS {sources: row.sources}]->(n)
RETURN count(r)`

// mentionMergeCypher merges MENTIONS from stored documents, adding the spans they lack;
// it returns how many rows found their document and the (document, node) ids of the
// MENTIONS it created. In an import run ($run not null) a MENTIONS it changes is copied to an ImportUndo first,
// unless an earlier chunk of the run did; the last value counts those copies.
const mentionMergeCypher = `
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Entity {id: row.doc})
MATCH (n) WHERE elementId(n) = row.n
MERGE (d)-[r:MENTIONS]->(n)
ON CREATE SET r._created = true
WITH r, row, n, r._created IS NOT NULL AS created, coalesce(r.sources, []) AS old
REMOVE r._created
WITH r, row, n, created, old, [s IN row.sources WHERE NOT s IN old] AS added
WITH r, row, n, created, old, added, CASE WHEN $run IS NULL OR created OR size(added) = 0 THEN false
  ELSE NOT EXISTS { MATCH (x:ImportUndo {_undo_of: row.doc, _undo_to: n.id}) WHERE x._undo_run = $run } END AS keep
FOREACH (_ IN CASE WHEN keep THEN [1] ELSE [] END |
  CREATE (u:ImportUndo) SET u = properties(r), u._undo_run = $run, u._undo_kind = 'mention',
    u._undo_of = row.doc, u._undo_to = n.id)
FOREACH (_ IN CASE WHEN r.sources IS NULL OR size(added) > 0 THEN [1] ELSE [] END | SET r.sources = old + added)
RETURN count(r), collect(CASE WHEN created THEN [row.doc, n.id] END), sum(CASE WHEN keep THEN 1 ELSE 0 END)`

// edgeLookupCypher returns which of $keys are stored as edges of one kind, which must come
// from fixtures.EdgeKinds. It seeks the relationship key index (schema.go's <kind>_key):
// the planner may otherwise scan the whole index for every row, as it did for a MERGE.
func edgeLookupCypher(kind string) string {
	mustKind(fixtures.EdgeKinds, kind)
	return fmt.Sprintf(`
CYPHER replan=skip
UNWIND $keys AS key
MATCH ()-[r:%[1]s {key: key}]->() USING INDEX SEEK r:%[1]s(key)
RETURN key`, kind)
}

// edgeUndoCypher copies the stored edges of one kind with $keys, which an import run is
// about to change, to ImportUndo nodes of the run $run, unless an earlier chunk of the
// run did (the copy is of the edge before the run).
func edgeUndoCypher(kind string) string {
	mustKind(fixtures.EdgeKinds, kind)
	return fmt.Sprintf(`
CYPHER replan=skip
UNWIND $keys AS key
MATCH ()-[r:%[1]s {key: key}]->() USING INDEX SEEK r:%[1]s(key)
WHERE NOT EXISTS { MATCH (x:ImportUndo {_undo_of: key, _undo_to: ''}) WHERE x._undo_run = $run }
CREATE (u:ImportUndo)
SET u = properties(r), u._undo_run = $run, u._undo_kind = 'edge', u._undo_type = '%[1]s', u._undo_of = key, u._undo_to = ''`, kind)
}

// edgeCreateCypher creates edges, whose kinds must come from fixtures.EdgeKinds, whose
// keys are not stored, between the element ids of their ends, and returns how many rows found both ends, which must be all
// of them. Every property is set in the CREATE (a null one is not stored), so that the
// plan needs no Eager.
const edgeCreateCypher = `
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
CREATE (a)-[r:$(row.kind) {key: row.key, sources: row.sources, role: row.props.role, date: row.props.date,
  title: row.props.title, place: row.props.place, amount: row.props.amount, currency: row.props.currency,
  confidence: row.confidence, status: row.status}]->(b)
RETURN count(r) AS written`

// edgeMerge adds a row's sources and non-null scalars to the stored edge r, raises its
// confidence to the row's when that is higher (as nodeCypher does), and gives it the
// status statusMergeCypher says: a REJECTED edge stays rejected, with the new evidence.
var edgeMerge = `
WITH r, row, coalesce(r.sources, []) AS old
WITH r, row, old, [s IN row.sources WHERE NOT s IN old] AS added,
  ` + statusMergeCypher("r.status", "row.status", "row.curated") + ` AS status
SET r += row.props
FOREACH (_ IN CASE WHEN r.sources IS NULL OR size(added) > 0 THEN [1] ELSE [] END | SET r.sources = old + added)
FOREACH (_ IN CASE WHEN r.confidence < row.confidence THEN [1] ELSE [] END | SET r.confidence = row.confidence)
FOREACH (_ IN CASE WHEN coalesce(status, '') <> coalesce(r.status, '') THEN [1] ELSE [] END | SET r.status = status)
RETURN count(r) AS written`

// edgeUpdateCypher merges rows into the stored edges of one kind with their keys, and
// returns how many it found.
func edgeUpdateCypher(kind string) string {
	mustKind(fixtures.EdgeKinds, kind)
	return fmt.Sprintf(`
CYPHER replan=skip
UNWIND $rows AS row
MATCH ()-[r:%[1]s {key: row.key}]->() USING INDEX SEEK r:%[1]s(key)`, kind) + edgeMerge
}

// edgeMergeCypher creates or merges edges of one kind between existing nodes, for the
// curation mutations, which do not write the ends first as Import does (a merge moves
// edges to neighbours it has not locked): MERGE locks both ends before it looks, so
// concurrent curations cannot create the same edge twice.
// It returns how many rows found both ends.
func edgeMergeCypher(kind string) string {
	mustKind(fixtures.EdgeKinds, kind)
	return fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:%s {key: row.key}]->(b)
ON CREATE SET r.confidence = row.confidence, r.status = row.status`, kind) + edgeMerge
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
