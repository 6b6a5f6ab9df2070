package graph

import (
	"context"
	"fmt"

	"github.com/entente/entente/fixtures"
)

// The post-pass of a bulk import (graph/bulk). neo4j-admin fills an empty database from
// CSV that graph/bulk computes as the incremental import (Import, file by file) would store
// it, but two things the CSV importer cannot do are left to Cypher, run here once the
// server is up and the schema made (EnsureSchema):
//
//   - empty aliases lists (neo4j-admin stores no empty array): the nodes carry the label
//     LabelBulkEmptyAliases instead, replaced by an empty list;
//   - meeting merges ("one event, many reports", meetings.go), which graph/bulk finds as
//     the incremental import would, file by file, and which are made here by the same
//     merge (mergeMeetings) with their history records. So that each merge finds its two
//     meetings as the incremental import had them, the CSV holds them as they were when
//     their file was imported, and the rows of later files that reach them are replayed
//     here, file by file, by the statements of the incremental import (BulkStep).

// LabelBulkEmptyAliases marks, until FinishBulk, a bulk-imported node whose aliases are
// an empty list.
const LabelBulkEmptyAliases = "BulkEmptyAliases"

// BulkStep is what the post-pass does for one fixture file, in the order of the files:
// write its rows that reach a meeting merged (or kept) by an earlier file's merge, as its
// incremental import would (history apart: the CSV holds it), then make its merges.
type BulkStep struct {
	File   string
	Nodes  []fixtures.Node
	Edges  []fixtures.Edge
	Merges []BulkMerge
}

// BulkMerge is a meeting merge found by the bulk import: From is merged into To, which
// takes Set (its dating, when From is dated more exactly); Documents are From's report.
type BulkMerge struct {
	From, To  string
	Set       map[string]any
	Documents []string
}

// LoadedFile is a fixture file a bulk import loaded: its SHA-256 (hex) and name.
type LoadedFile struct{ Digest, File string }

// FinishBulk does the post-pass of a bulk import on the database it filled, once the
// schema is made: the empty aliases lists, then each step in a write transaction of its
// own, in order, and last the records of the files loaded (LoadedFixtures), so that files
// whose post-pass did not finish are imported again by the next `entente run`.
func (s *Store) FinishBulk(ctx context.Context, steps []BulkStep, loaded []LoadedFile) error {
	if err := s.batches(ctx, `
		MATCH (n:`+LabelBulkEmptyAliases+`)
		WITH n LIMIT $limit
		SET n.aliases = []
		REMOVE n:`+LabelBulkEmptyAliases+`
		RETURN count(*)`, nil); err != nil {
		return fmt.Errorf("bulk import: empty aliases: %w", err)
	}
	// Steps go in transactions of up to bulkStepsPerTx merges and replayed rows: a commit
	// per file cost more than the merges themselves.
	for start := 0; start < len(steps); {
		end, size := start, 0
		for end < len(steps) && (end == start || size+stepSize(steps[end]) <= bulkStepsPerTx) {
			size += stepSize(steps[end])
			end++
		}
		if err := s.write(ctx, func(tx *Tx) error {
			for _, step := range steps[start:end] {
				if err := tx.applyBulkStep(ctx, step); err != nil {
					return fmt.Errorf("bulk import: post-pass of %s: %w", step.File, err)
				}
			}
			return nil
		}); err != nil {
			return err
		}
		start = end
	}
	return s.write(ctx, func(tx *Tx) error {
		for _, l := range loaded {
			if err := tx.markLoaded(ctx, l.Digest, l.File); err != nil {
				return err
			}
		}
		return nil
	})
}

// bulkStepsPerTx is the most merges and replayed rows of one transaction of the post-pass.
const bulkStepsPerTx = 2000

func stepSize(s BulkStep) int { return len(s.Nodes) + len(s.Edges) + 20*len(s.Merges) }

// applyBulkStep writes one step in tx: as the import of its file would, the rows, then the
// merges and their history records.
func (t *Tx) applyBulkStep(ctx context.Context, step BulkStep) error {
	if len(step.Nodes)+len(step.Edges) > 0 {
		if err := t.replay(ctx, step); err != nil {
			return err
		}
	}
	if len(step.Merges) == 0 {
		return nil
	}
	merges := make([]meetingMerge, len(step.Merges))
	for i, m := range step.Merges {
		merges[i] = meetingMerge{from: m.From, to: m.To, set: m.Set, documents: m.Documents}
	}
	w := &batchWriter{tx: t}
	if _, err := w.mergeMeetings(ctx, merges); err != nil {
		return err
	}
	return t.record(ctx, nil, withFile(w.changes, step.File))
}

// replay writes the nodes and edges of a step as the incremental import of its file
// does, between nodes that are stored (their ids resolved through the merges made).
func (t *Tx) replay(ctx context.Context, step BulkStep) error {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, n := range step.Nodes {
		add(n.ID)
	}
	for _, e := range step.Edges {
		add(e.From)
		add(e.To)
	}
	resolved, err := t.targets(ctx, resolveTargetsCypher, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, ok := resolved[id]; !ok {
			return fmt.Errorf("node %q is not stored", id)
		}
	}
	im := &importRows{nodes: map[string][]any{}, forms: map[string][]string{}, refs: map[string][]string{}, edges: map[string][]any{}}
	im.addNodes(step.Nodes, resolved)
	im.addEdges(step.Edges, resolved)
	w := &batchWriter{tx: t}
	nodes, err := w.nodes(ctx, im)
	if err != nil {
		return err
	}
	var ends []string
	for _, r := range resolved {
		if _, ok := nodes[r.id]; !ok && !seen[r.id+"\x00"] {
			seen[r.id+"\x00"] = true
			ends = append(ends, r.id)
		}
	}
	if len(ends) > 0 {
		recs, err := t.run(ctx, `
			UNWIND $ids AS id
			MATCH (n:Entity {id: id})
			RETURN n.id, elementId(n)`, map[string]any{"ids": ends})
		if err != nil {
			return err
		}
		for _, r := range recs {
			nodes[str(r.Values[0])] = stored{eid: str(r.Values[1])}
		}
	}
	if err := w.mentions(ctx, im.mentions, nil, nodes); err != nil {
		return err
	}
	for _, kind := range fixtures.EdgeKinds {
		if err := w.edges(ctx, kind, im.edges[kind], nodes); err != nil {
			return err
		}
	}
	return nil
}
