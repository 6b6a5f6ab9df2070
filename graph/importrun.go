package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/metrics"
)

// Import runs. A fixture file of more than ImportOneTransaction rows is not imported in one
// transaction, whose memory would grow with the file (Neo4j refuses a transaction past
// dbms.memory.transaction.total.max), but as an import run: several write transactions
// of at most ImportChunk rows each, which still leave nothing of the file when the run
// fails, is cancelled or its process is killed, and the file recorded (LoadedFixtures) if
// and only if all of it is written:
//
//   - the first transaction writes an ImportRun node {id, digest, file, host, pid,
//     state: running, started, heartbeat};
//   - each chunk transaction (documents, then nodes with their MENTIONS, then edges, in
//     the order of the file) resolves the ids of its chunk, reserves the stored nodes it
//     will change (locks them in id order, copies their properties to an ImportUndo node
//     and tags them with the run's id, _run), tags the nodes it creates, copies the edges
//     and MENTIONS it changes (once a run) to ImportUndo nodes, and lists the edges and
//     MENTIONS it creates on one;
//   - the last transaction writes the "already loaded" record and the state committed:
//     the commit point. The bookkeeping is then removed in batches (cleanupRun);
//   - on failure the run is undone by compensating transactions in batches (undoRun):
//     created edges and MENTIONS deleted, changed ones and changed nodes put back,
//     created nodes deleted, the ImportRun node last. A run left unfinished by a killed
//     process is undone by RecoverImports, which EnsureSchema (every start) calls.
//
// A node tagged by a run that is not committed is held by it: curations (Tx.lock) and
// other imports (reservedBy) that touch it answer errReserved, a collision, retried and
// then answered CONFLICT, so that nothing of theirs lands on what an undo deletes or puts
// back. Readers see the run's chunks as they commit, until it commits or is undone.

// Labels of the import runs' bookkeeping.
const (
	LabelImportRun  = "ImportRun"  // one import run in progress (or committed, until cleaned up)
	LabelImportUndo = "ImportUndo" // what a run changed (a copy) or created (a list), for its undo
)

// ImportChunk is the most rows (documents, nodes, edges) that one transaction of an
// import run writes.
const ImportChunk = 10_000

// ImportOneTransaction is the most rows of a file imported in one transaction; a larger
// file is imported as an import run.
const ImportOneTransaction = 2 * ImportChunk

// ImportStale is how long an unfinished import run of another host must have been silent
// before RecoverImports undoes it (a run of this host is undone as soon as its process is gone).
const ImportStale = 2 * time.Minute

// errReserved is a write that touches a node held by an import run in progress.
var errReserved = errors.New("a node is held by an import run in progress")

// errKilled ends a run as a SIGKILL would (runState.killAfter, tests only).
var errKilled = errors.New("import run stopped without undo (test)")

// reservedBy is the Cypher expression of the import run that holds node v: the run its
// _run tag names, unless that run is committed or gone (then the tag is bookkeeping left
// to clean up), else null.
func reservedBy(v string) string {
	return "CASE WHEN " + v + "._run IS NULL THEN null WHEN EXISTS { MATCH (x:ImportRun {id: " + v +
		"._run}) WHERE x.state <> 'committed' } THEN " + v + "._run END"
}

// runState is what a Store knows of its own import runs.
type runState struct {
	mu        sync.Mutex
	active    map[string]bool
	chunk     int           // rows per transaction of a run (ImportChunk)
	single    int           // rows of a file imported in one transaction (ImportOneTransaction)
	stale     time.Duration // ImportStale
	killAfter int           // tests: stop the next run after this many chunks, without undo

	restoreBatch     int    // lines per transaction of a restore (RestoreBatch)
	restoreKillAfter int    // tests: stop the next restore after this many batches, without undo
	backupHook       func() // tests: called once, by the next backup, between nodes and relationships
}

func newRunState() *runState {
	return &runState{active: map[string]bool{}, chunk: ImportChunk, single: ImportOneTransaction, stale: ImportStale,
		restoreBatch: RestoreBatch}
}

func (r *runState) setActive(run string, on bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if on {
		r.active[run] = true
	} else {
		delete(r.active, run)
	}
}

func (r *runState) isActive(run string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.active[run]
}

// FixtureParts is a validated fixture given piece by piece: its documents, then its
// nodes and its edges in chunks of at most size, in the order of the file.
// *fixtures.Large (fixtures.Scan) is one; ImportFile reads a large *fixtures.Fixture as one.
type FixtureParts interface {
	Documents() []fixtures.Document
	Rows() int
	Nodes(size int, each func([]fixtures.Node) error) error
	Edges(size int, each func([]fixtures.Edge) error) error
}

// fixtureParts gives a fixture in memory piece by piece.
type fixtureParts struct{ f *fixtures.Fixture }

func (p fixtureParts) Documents() []fixtures.Document { return p.f.Documents }
func (p fixtureParts) Rows() int                      { return len(p.f.Documents) + len(p.f.Nodes) + len(p.f.Edges) }
func (p fixtureParts) Nodes(size int, each func([]fixtures.Node) error) error {
	return inChunks(p.f.Nodes, size, each)
}
func (p fixtureParts) Edges(size int, each func([]fixtures.Edge) error) error {
	return inChunks(p.f.Edges, size, each)
}

func inChunks[T any](xs []T, size int, each func([]T) error) error {
	for start := 0; start < len(xs); start += size {
		if err := each(xs[start:min(start+size, len(xs))]); err != nil {
			return err
		}
	}
	return nil
}

// ImportParts imports a validated fixture given piece by piece (fixtures.Scan) as an
// import run, whatever its size, and records the file with this digest as ImportFile
// does, in the run's last transaction. Only a chunk of the file (ImportChunk rows) is
// held at a time, with the ids seen so far: its memory, in Go and in Neo4j, does not
// grow with the size of the file. It gives what ImportFile gives for the same fixture.
func (s *Store) ImportParts(ctx context.Context, parts FixtureParts, digest, file string, progress func(done, total int)) (ImportStats, error) {
	began := time.Now()
	stats, err := s.importParts(ctx, parts, digest, file, progress)
	countImport(stats, err, began)
	return stats, err
}

func (s *Store) importParts(ctx context.Context, parts FixtureParts, digest, file string, progress func(done, total int)) (ImportStats, error) {
	if err := s.RecoverImports(ctx); err != nil {
		return ImportStats{}, err
	}
	return s.importRun(ctx, parts, digest, file, progress)
}

func newRunID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// runStats counts what a run wrote as one transaction would: distinct nodes (after
// redirects) and edge keys, redirected ids, loops dropped. It keeps 64-bit hashes of the
// ids and keys, not the strings: for the stats only, 8 bytes a key.
type runStats struct {
	ImportStats
	nodes, edges, redirected map[uint64]bool
}

// hashOf is the FNV-1a hash of s.
func hashOf(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// importRun writes one import run, and undoes it on failure.
func (s *Store) importRun(ctx context.Context, parts FixtureParts, digest, file string, progress func(done, total int)) (ImportStats, error) {
	run := newRunID()
	s.runs.setActive(run, true)
	defer s.runs.setActive(run, false)
	began := time.Now()
	host, _ := os.Hostname()
	total := parts.Rows()
	err := s.write(ctx, func(tx *Tx) error {
		_, err := tx.run(ctx, `
			CREATE (:ImportRun {id: $run, digest: $digest, file: $file, host: $host, pid: $pid,
			  state: 'running', started: datetime(), heartbeat: datetime(), done: 0, total: $total})`,
			map[string]any{"run": run, "digest": digest, "file": file, "host": host, "pid": os.Getpid(), "total": total})
		return err
	})
	if err != nil {
		return ImportStats{}, err
	}
	s.runs.mu.Lock()
	size, killAfter := s.runs.chunk, s.runs.killAfter
	s.runs.killAfter = 0
	s.runs.mu.Unlock()
	s.log.Info().Str("file", file).Str("run", run).Int("rows", total).Int("rows_per_transaction", size).
		Msg("import run started: the file is written in several transactions, undone if it fails")
	st := &runStats{nodes: map[uint64]bool{}, edges: map[uint64]bool{}, redirected: map[uint64]bool{}}
	done, chunks := 0, 0
	// The meetings the node chunks found the same as another (meetings.go), merged by the
	// last transaction, once their edges are written: pending maps each to its survivor.
	var sameMeetings []meetingMerge
	pending := map[string]string{}
	// chunk writes one chunk in a transaction of its own.
	chunk := func(write func(w *batchWriter) error) error {
		if killAfter > 0 && chunks == killAfter {
			return errKilled
		}
		var w *batchWriter
		err := s.write(ctx, func(tx *Tx) error {
			w = &batchWriter{tx: tx, done: done, total: total, progress: progress, run: run}
			if err := tx.heartbeat(ctx, run, done); err != nil {
				return err
			}
			if err := write(w); err != nil {
				return err
			}
			// The history records of the chunk are tagged with the run: History leaves
			// them out until it commits, the undo deletes them.
			if err := tx.record(ctx, run, withFile(w.changes, file)); err != nil {
				return err
			}
			return w.recordCreated(ctx)
		})
		if err != nil {
			return err
		}
		chunks++
		done, st.Created = w.done, st.Created+w.created
		s.log.Debug().Str("run", run).Int("chunk", chunks).Int("rows", done).Int("of", total).Msg("import run chunk committed")
		return nil
	}
	err = inChunks(parts.Documents(), size, func(docs []fixtures.Document) error {
		st.Documents += len(docs)
		return chunk(func(w *batchWriter) error { return w.documentChunk(ctx, docs) })
	})
	if err == nil {
		err = parts.Nodes(size, func(ns []fixtures.Node) error {
			var resolved map[string]target
			var merges []meetingMerge
			err := chunk(func(w *batchWriter) error {
				var err error
				resolved, merges, err = w.nodeChunk(ctx, ns, pending)
				return err
			})
			if err == nil {
				for _, m := range merges {
					pending[m.from] = m.to
					sameMeetings = append(sameMeetings, m)
				}
			}
			for id, t := range resolved {
				st.nodes[hashOf(t.id)] = true
				if t.id != id {
					st.redirected[hashOf(id)] = true
				}
			}
			return err
		})
	}
	if err == nil {
		err = parts.Edges(size, func(es []fixtures.Edge) error {
			var im *importRows
			err := chunk(func(w *batchWriter) error {
				var err error
				im, err = w.edgeChunk(ctx, es)
				return err
			})
			if err == nil {
				st.Loops += im.loops
				for _, rows := range im.edges {
					for _, r := range rows {
						st.edges[hashOf(r.(map[string]any)["key"].(string))] = true
					}
				}
			}
			return err
		})
	}
	if errors.Is(err, errKilled) {
		return ImportStats{}, err
	}
	if err == nil {
		err = s.write(ctx, func(tx *Tx) error {
			if err := tx.heartbeat(ctx, run, done); err != nil {
				return err
			}
			if digest != "" {
				if err := tx.markLoaded(ctx, digest, file); err != nil {
					return err
				}
			}
			if _, err := tx.run(ctx, "MATCH (r:ImportRun {id: $run}) SET r.state = 'committed'", map[string]any{"run": run}); err != nil {
				return err
			}
			// Committed, the run holds its nodes no more: the merges are an analyst's would be,
			// all or nothing with the run.
			w := &batchWriter{tx: tx}
			merged, err := w.mergeMeetings(ctx, sameMeetings)
			if err != nil {
				return err
			}
			for _, id := range merged {
				delete(st.nodes, hashOf(id))
				st.redirected[hashOf(id)] = true
			}
			return tx.record(ctx, nil, withFile(w.changes, file))
		})
	}
	stats := st.ImportStats
	stats.Nodes, stats.Edges, stats.Redirected = len(st.nodes), len(st.edges), len(st.redirected)
	if err != nil {
		s.log.Warn().Str("file", file).Str("run", run).Err(err).Msg("import run failed: undoing it")
		committed, uerr := s.undoRun(context.WithoutCancel(ctx), run)
		if uerr != nil {
			s.log.Error().Str("file", file).Str("run", run).Err(uerr).
				Msg("import run: undo interrupted; the next start (RecoverImports) finishes it")
		}
		if !committed {
			metrics.ImportRun("undone")
			return ImportStats{}, err
		}
	}
	metrics.ImportRun("committed")
	s.log.Info().Str("file", file).Str("run", run).Int("rows", total).Int("transactions", chunks+2).
		Dur("took", time.Since(began)).Msg("import run committed")
	if err := s.cleanupRun(context.WithoutCancel(ctx), run); err != nil {
		s.log.Warn().Str("run", run).Err(err).Msg("import run: bookkeeping left; the next start removes it")
	}
	return stats, nil
}

// heartbeat says the run is alive (RecoverImports) and fails when it is no longer
// running: another process took it for abandoned and undid it.
func (t *Tx) heartbeat(ctx context.Context, run string, done int) error {
	recs, err := t.run(ctx, "MATCH (r:ImportRun {id: $run}) SET r.heartbeat = datetime(), r.done = $done RETURN r.state",
		map[string]any{"run": run, "done": done})
	if err != nil {
		return err
	}
	if len(recs) == 0 || recs[0].Values[0] != "running" {
		return errors.New("the import run was undone by another process, which took it for abandoned")
	}
	return nil
}

// documentChunk writes documents of the run w.run.
func (w *batchWriter) documentChunk(ctx context.Context, docs []fixtures.Document) error {
	im := &importRows{}
	im.addDocuments(docs)
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	if err := w.tx.reserve(ctx, w.run, ids); err != nil {
		return err
	}
	_, err := w.documents(ctx, im.docs)
	return err
}

// nodeChunk writes nodes, with their MENTIONS, of the run w.run: their ids are resolved
// (redirects), the stored nodes reserved, and, once all are written and so locked, none
// may have been merged away meanwhile (errRaced: the chunk is written again). It returns
// the ids resolved and the new meetings of the chunk that report a stored one, or one of
// the chunk (resolveMeetings; pending: those of earlier chunks, to their survivors), which
// the run merges in its last transaction, once their edges are written, as one
// transaction's import does (meetings.go); the meetings they go into are reserved now.
func (w *batchWriter) nodeChunk(ctx context.Context, ns []fixtures.Node, pending map[string]string) (map[string]target, []meetingMerge, error) {
	sub := &fixtures.Fixture{Nodes: ns}
	resolved, err := w.tx.resolveIDs(ctx, sub)
	if err != nil {
		return nil, nil, err
	}
	merges, err := w.tx.resolveMeetings(ctx, sub, resolved, pending)
	if err != nil {
		return nil, nil, err
	}
	im := newImport(sub, resolved)
	var ids []string
	for _, rows := range im.nodes {
		for _, r := range rows {
			ids = append(ids, r.(map[string]any)["id"].(string))
		}
	}
	for _, m := range merges {
		ids = append(ids, m.to)
	}
	if err := w.tx.reserve(ctx, w.run, ids); err != nil {
		return nil, nil, err
	}
	nodes, err := w.nodes(ctx, im)
	if err != nil {
		return nil, nil, err
	}
	if err := w.tx.checkNotMerged(ctx, nodes); err != nil {
		return nil, nil, err
	}
	return resolved, merges, w.mentions(ctx, im.mentions, nil, nodes)
}

// edgeChunk writes edges of the run w.run between nodes that its earlier chunks wrote
// and hold (so that no merge can move them), found through redirects.
func (w *batchWriter) edgeChunk(ctx context.Context, es []fixtures.Edge) (*importRows, error) {
	seen := map[string]bool{}
	var ids []string
	for _, e := range es {
		for _, id := range []string{e.From, e.To} {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	resolved, err := w.tx.targets(ctx, resolveTargetsCypher, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if _, ok := resolved[id]; !ok {
			return nil, fmt.Errorf("import run: node %q, written by an earlier chunk, is gone", id)
		}
	}
	im := &importRows{edges: map[string][]any{}}
	im.addEdges(es, resolved)
	var rows []any
	for _, kind := range fixtures.EdgeKinds {
		rows = append(rows, im.edges[kind]...)
	}
	nodes, err := w.tx.runNodes(ctx, w.run, rows)
	if err != nil {
		return nil, err
	}
	for _, kind := range fixtures.EdgeKinds {
		if err := w.edges(ctx, kind, im.edges[kind], nodes); err != nil {
			return nil, err
		}
	}
	return im, nil
}

// recordCreated lists, for the undo, the edges and MENTIONS the chunk created.
func (w *batchWriter) recordCreated(ctx context.Context) error {
	if len(w.createdEdges) == 0 && len(w.createdMentions) == 0 {
		return nil
	}
	_, err := w.tx.run(ctx, `CREATE (:ImportUndo {_undo_run: $run, _undo_kind: 'created', edges: $edges, mentions: $mentions})`,
		map[string]any{"run": w.run, "edges": w.createdEdges, "mentions": w.createdMentions})
	return err
}

// reserveCypher locks the stored nodes among $ids in id order and reserves for the run
// $run those that no run holds: their properties, and their review status (a label,
// status.go), are copied to an ImportUndo node, and they are tagged with $run. It returns
// the other runs that hold some of them.
var reserveCypher = `
CYPHER replan=skip
UNWIND $ids AS id
MATCH (n:Entity {id: id}) USING INDEX n:Entity(id)
WITH n ORDER BY n.id
SET n._lock = true
REMOVE n._lock
WITH n, ` + reservedBy("n") + ` AS by
FOREACH (_ IN CASE WHEN by IS NULL THEN [1] ELSE [] END |
  CREATE (u:ImportUndo)
  SET u = properties(n), u._undo_run = $run, u._undo_kind = 'node', u._undo_of = n.id,
    u._undo_status = ` + nodeStatusCypher("n") + `
  REMOVE u._run
  SET n._run = $run)
RETURN [b IN collect(by) WHERE b <> $run]`

// reserve runs reserveCypher: a node held by another run is an errReserved.
func (t *Tx) reserve(ctx context.Context, run any, ids []string) error {
	recs, err := t.run(ctx, reserveCypher, map[string]any{"ids": ids, "run": run})
	if err != nil {
		return err
	}
	if busy, _ := recs[0].Values[0].([]any); len(busy) > 0 {
		return errReserved
	}
	return nil
}

// runNodes finds the ends of a chunk of edges, which earlier chunks of the run wrote and
// reserved, by element id.
func (t *Tx) runNodes(ctx context.Context, run any, edges []any) (map[string]stored, error) {
	seen := map[string]bool{}
	var ids []string
	for _, r := range edges {
		row := r.(map[string]any)
		for _, id := range []string{row["from"].(string), row["to"].(string)} {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	recs, err := t.run(ctx, `
		CYPHER replan=skip
		UNWIND $ids AS id
		MATCH (n:Entity {id: id}) USING INDEX n:Entity(id)
		RETURN n.id, elementId(n), n._run`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string]stored, len(recs))
	for _, r := range recs {
		if r.Values[2] != run {
			return nil, fmt.Errorf("import run: node %q is not held by the run", r.Values[0])
		}
		out[str(r.Values[0])] = stored{eid: str(r.Values[1])}
	}
	if len(out) != len(ids) {
		return nil, fmt.Errorf("import run: %d of the %d ends of a chunk of edges are gone", len(ids)-len(out), len(ids))
	}
	return out, nil
}

// undoBatch is how many ImportUndo nodes or created nodes one transaction of an undo or a
// cleanup handles.
const undoBatch = 2000

// undoRun undoes the import run run, in batches of compensating transactions, each of
// which can be interrupted and done again: the edges and MENTIONS it created are deleted,
// those it changed and the nodes it changed put back as they were, the nodes it created
// deleted, and the ImportRun node last. A run found committed (its commit went through
// although its caller saw an error) is cleaned up instead, and committed is true.
func (s *Store) undoRun(ctx context.Context, run string) (committed bool, err error) {
	var state string
	err = s.write(ctx, func(tx *Tx) error {
		recs, err := tx.run(ctx, `
			MATCH (r:ImportRun {id: $run})
			WITH r, r.state AS was
			SET r.state = CASE was WHEN 'committed' THEN was ELSE 'undoing' END
			RETURN was`, map[string]any{"run": run})
		if err != nil || len(recs) == 0 {
			return err
		}
		state = str(recs[0].Values[0])
		return nil
	})
	switch {
	case err != nil:
		return false, err
	case state == "":
		return false, nil
	case state == "committed":
		return true, s.cleanupRun(ctx, run)
	}
	began := time.Now()
	p := map[string]any{"run": run}
	// The edges and MENTIONS it created, one chunk's list a transaction.
	for {
		found := false
		err := s.write(ctx, func(tx *Tx) error {
			recs, err := tx.run(ctx, `
				MATCH (u:ImportUndo {_undo_run: $run}) WHERE u._undo_kind = 'created'
				RETURN elementId(u), u.edges, u.mentions LIMIT 1`, p)
			if err != nil || len(recs) == 0 {
				return err
			}
			found = true
			byKind := map[string][]string{}
			for _, key := range strs(recs[0].Values[1]) {
				kind, _, _ := strings.Cut(key, "|")
				byKind[kind] = append(byKind[kind], key)
			}
			for _, kind := range fixtures.EdgeKinds {
				if len(byKind[kind]) == 0 {
					continue
				}
				if _, err := tx.run(ctx, fmt.Sprintf(`
					UNWIND $keys AS key
					MATCH ()-[r:%[1]s {key: key}]->() USING INDEX SEEK r:%[1]s(key)
					DELETE r`, kind), map[string]any{"keys": byKind[kind]}); err != nil {
					return err
				}
			}
			pairs := strs(recs[0].Values[2])
			var rows []any
			for i := 0; i+1 < len(pairs); i += 2 {
				rows = append(rows, map[string]any{"doc": pairs[i], "node": pairs[i+1]})
			}
			if _, err := tx.run(ctx, `
				UNWIND $rows AS row
				MATCH (d:Entity {id: row.doc})
				MATCH (n:Entity {id: row.node})
				MATCH (d)-[r:MENTIONS]->(n)
				DELETE r`, map[string]any{"rows": rows}); err != nil {
				return err
			}
			_, err = tx.run(ctx, "MATCH (u) WHERE elementId(u) = $u DELETE u", map[string]any{"u": recs[0].Values[0]})
			return err
		})
		if err != nil {
			return false, err
		}
		if !found {
			break
		}
	}
	// What it changed, as it was before: edges, MENTIONS, then nodes (which untags them).
	for _, kind := range []string{"edge", "mention", "node"} {
		for {
			n := 0
			err := s.write(ctx, func(tx *Tx) error {
				var err error
				n, err = tx.restore(ctx, run, kind)
				return err
			})
			if err != nil {
				return false, err
			}
			if n == 0 {
				break
			}
		}
	}
	// What is still tagged with the run, it created, its history records included.
	if err := s.batches(ctx, `
		MATCH (n:Entity) WHERE n._run = $run
		WITH n LIMIT $limit
		DETACH DELETE n
		RETURN count(*)`, p); err != nil {
		return false, err
	}
	if err := s.batches(ctx, `
		MATCH (c:`+LabelChange+`) WHERE c._run = $run
		WITH c LIMIT $limit
		DELETE c
		RETURN count(*)`, p); err != nil {
		return false, err
	}
	if err := s.write(ctx, func(tx *Tx) error {
		_, err := tx.run(ctx, "MATCH (r:ImportRun {id: $run}) DELETE r", p)
		return err
	}); err != nil {
		return false, err
	}
	s.log.Info().Str("run", run).Dur("took", time.Since(began)).Msg("import run undone: nothing of it is left")
	return false, nil
}

// restore puts back up to undoBatch copies of one kind (edge, mention, node) that the run
// took, deletes them, and returns how many it put back.
func (t *Tx) restore(ctx context.Context, run, kind string) (int, error) {
	recs, err := t.run(ctx, `
		MATCH (u:ImportUndo {_undo_run: $run}) WHERE u._undo_kind = $kind
		WITH u LIMIT $limit
		RETURN elementId(u), properties(u)`, map[string]any{"run": run, "kind": kind, "limit": undoBatch})
	if err != nil || len(recs) == 0 {
		return 0, err
	}
	eids := make([]string, len(recs))
	byType := map[string][]any{}
	for i, r := range recs {
		eids[i] = str(r.Values[0])
		u := r.Values[1].(map[string]any)
		props := map[string]any{}
		for k, v := range u {
			if !strings.HasPrefix(k, "_undo_") {
				props[k] = v
			}
		}
		typ := str(u["_undo_type"])
		byType[typ] = append(byType[typ], map[string]any{"of": u["_undo_of"], "to": u["_undo_to"], "props": props,
			"status": u["_undo_status"]})
	}
	for typ, rows := range byType {
		var cypher string
		switch kind {
		case "edge":
			if !fixtures.Contains(fixtures.EdgeKinds, typ) {
				return 0, fmt.Errorf("import run %s: an undo record names the edge kind %q", run, typ)
			}
			cypher = fmt.Sprintf(`
				UNWIND $rows AS row
				MATCH ()-[r:%[1]s {key: row.of}]->() USING INDEX SEEK r:%[1]s(key)
				SET r = row.props`, typ)
		case "mention":
			cypher = `
				UNWIND $rows AS row
				MATCH (d:Entity {id: row.of})
				MATCH (n:Entity {id: row.to})
				MATCH (d)-[r:MENTIONS]->(n)
				SET r = row.props`
		default:
			cypher = `
				UNWIND $rows AS row
				MATCH (n:Entity {id: row.of}) USING INDEX n:Entity(id)
				SET n = row.props
				REMOVE n:` + LabelProposed + `:` + LabelRejected + `
				FOREACH (_ IN CASE WHEN row.status = '` + StatusProposed + `' THEN [1] ELSE [] END | SET n:` + LabelProposed + `)
				FOREACH (_ IN CASE WHEN row.status = '` + StatusRejected + `' THEN [1] ELSE [] END | SET n:` + LabelRejected + `)`
		}
		if _, err := t.run(ctx, cypher, map[string]any{"rows": rows}); err != nil {
			return 0, err
		}
	}
	_, err = t.run(ctx, "UNWIND $eids AS eid MATCH (u) WHERE elementId(u) = eid DELETE u", map[string]any{"eids": eids})
	return len(recs), err
}

// batches runs a statement that handles at most $limit items and returns how many it
// handled, each time in a write transaction of its own, until it handles none.
func (s *Store) batches(ctx context.Context, cypher string, params map[string]any) error {
	p := map[string]any{"limit": undoBatch}
	for k, v := range params {
		p[k] = v
	}
	for {
		var n int64
		err := s.write(ctx, func(tx *Tx) error {
			recs, err := tx.run(ctx, cypher, p)
			if err != nil {
				return err
			}
			n, _ = recs[0].Values[0].(int64)
			return nil
		})
		if err != nil || n == 0 {
			return err
		}
	}
}

// cleanupRun removes the bookkeeping of a committed run: its ImportUndo nodes, the tags
// of its nodes and history records, then its ImportRun node. Each step can be
// interrupted and done again.
func (s *Store) cleanupRun(ctx context.Context, run string) error {
	p := map[string]any{"run": run}
	if err := s.batches(ctx, `
		MATCH (u:ImportUndo {_undo_run: $run})
		WITH u LIMIT $limit
		DELETE u
		RETURN count(*)`, p); err != nil {
		return err
	}
	if err := s.batches(ctx, `
		MATCH (n:Entity) WHERE n._run = $run
		WITH n LIMIT $limit
		REMOVE n._run
		RETURN count(*)`, p); err != nil {
		return err
	}
	if err := s.batches(ctx, `
		MATCH (c:`+LabelChange+`) WHERE c._run = $run
		WITH c LIMIT $limit
		REMOVE c._run
		RETURN count(*)`, p); err != nil {
		return err
	}
	return s.write(ctx, func(tx *Tx) error {
		_, err := tx.run(ctx, "MATCH (r:ImportRun {id: $run}) DELETE r", p)
		return err
	})
}

// RecoverImports finishes what import runs left behind, and logs each: the bookkeeping of
// a committed run is removed, and a run whose process is gone is undone (on this host, as
// soon as its pid no longer runs; from another host, once silent for ImportStale). Runs of
// this Store in progress, and those of live processes, are left alone. Restores
// (restore.go) left behind are finished the same way. EnsureSchema calls it.
func (s *Store) RecoverImports(ctx context.Context) error {
	if err := s.recoverRestores(ctx); err != nil {
		return fmt.Errorf("finishing an earlier restore: %w", err)
	}
	recs, err := s.read(ctx, `
		MATCH (r:ImportRun)
		RETURN r.id, r.state, r.host, r.pid, r.file, r.done, r.total,
		  duration.inSeconds(r.heartbeat, datetime()).seconds`, nil)
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	s.runs.mu.Lock()
	stale := s.runs.stale
	s.runs.mu.Unlock()
	for _, r := range recs {
		run, state, file := str(r.Values[0]), str(r.Values[1]), str(r.Values[4])
		pid, _ := r.Values[3].(int64)
		silent, _ := r.Values[7].(int64)
		ev := s.log.With().Str("run", run).Str("file", file).Str("host", str(r.Values[2])).Int64("pid", pid).Logger()
		switch {
		case s.runs.isActive(run):
			continue
		case state == "committed":
			ev.Info().Msg("import run committed earlier: removing its bookkeeping")
			if err := s.cleanupRun(ctx, run); err != nil {
				return err
			}
		case time.Duration(silent)*time.Second >= stale || str(r.Values[2]) == host && !alive(int(pid)):
			ev.Warn().Any("done", r.Values[5]).Any("total", r.Values[6]).
				Msg("rolling back an unfinished import run (its process is gone): nothing of its file will be left")
			if _, err := s.undoRun(ctx, run); err != nil {
				return fmt.Errorf("undoing the unfinished import of %s: %w", file, err)
			}
		default:
			ev.Info().Int64("silent_s", silent).Msg("import run in progress in another process: left alone")
		}
	}
	return nil
}

// alive says whether a process with this pid runs on this host.
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
