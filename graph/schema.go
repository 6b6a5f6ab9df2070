package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/entente/entente/fixtures"
)

// Labels used in Neo4j besides the kind labels of fixtures.NodeKinds.
const (
	LabelEntity   = "Entity"   // every node, for lookup by id
	LabelDocument = "Document" // source documents
	LabelRedirect = "Redirect" // the old id of a merged node, pointing to the survivor
)

// FulltextIndex is the name of the full-text index over names and aliases.
const FulltextIndex = "entity_names"

// schemaStatements are idempotent (IF NOT EXISTS); the analyzer folds case and accents.
func schemaStatements() []string {
	stmts := []string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (n:Redirect) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:" + LabelVersion + ") REQUIRE n.id IS UNIQUE",
		"CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)",
		"CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
		"CREATE INDEX entity_country IF NOT EXISTS FOR (n:Entity) ON (n.country)",
		"CREATE INDEX meeting_start IF NOT EXISTS FOR (n:Meeting) ON (n.startDate)",
		"CREATE INDEX meeting_place_start IF NOT EXISTS FOR (n:Meeting) ON (n.place, n.startDate)", // one event, many reports (meetings.go)
		"CREATE CONSTRAINT meeting_lock_key IF NOT EXISTS FOR (n:" + LabelMeetingLock + ") REQUIRE n.key IS UNIQUE",
		"CREATE INDEX roadmap_start IF NOT EXISTS FOR (n:Roadmap) ON (n.startDate)",
		"CREATE INDEX document_published IF NOT EXISTS FOR (n:Document) ON (n.published)",
		"CREATE INDEX document_sha256 IF NOT EXISTS FOR (n:Document) ON (n.sha256)", // ingestion: the same text once (ingest.go)
		// import runs (importrun.go): the runs, the nodes a run holds, its undo records
		"CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:" + LabelImportRun + ") REQUIRE n.id IS UNIQUE",
		"CREATE INDEX entity_run IF NOT EXISTS FOR (n:Entity) ON (n._run)",
		"CREATE INDEX import_undo_run IF NOT EXISTS FOR (n:" + LabelImportUndo + ") ON (n._undo_run)",
		"CREATE INDEX import_undo_of IF NOT EXISTS FOR (n:" + LabelImportUndo + ") ON (n._undo_of, n._undo_to)",
		// history (history.go): by subject, and the records of an import run
		"CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:" + LabelChange + ") REQUIRE n.id IS UNIQUE",
		"CREATE INDEX change_subject IF NOT EXISTS FOR (n:" + LabelChange + ") ON (n.subject)",
		"CREATE INDEX change_run IF NOT EXISTS FOR (n:" + LabelChange + ") ON (n._run)",
		// entity resolution (split.go, resolution.go): merge records by survivor, judgements by node
		"CREATE CONSTRAINT merge_record_id IF NOT EXISTS FOR (n:" + LabelMergeRecord + ") REQUIRE n.id IS UNIQUE",
		"CREATE INDEX merge_record_survivor IF NOT EXISTS FOR (n:" + LabelMergeRecord + ") ON (n.survivor)",
		"CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (n:" + LabelJudgement + ") REQUIRE n.id IS UNIQUE",
	}
	for _, k := range fixtures.NodeKinds {
		stmts = append(stmts, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", strings.ToLower(k), k))
	}
	for _, k := range fixtures.EdgeKinds {
		stmts = append(stmts, fmt.Sprintf("CREATE INDEX %s_key IF NOT EXISTS FOR ()-[r:%s]-() ON (r.key)", strings.ToLower(k), k))
		// Only edges that are not accepted have a status (status.go): the review queue's index.
		stmts = append(stmts, fmt.Sprintf("CREATE INDEX %s_status IF NOT EXISTS FOR ()-[r:%s]-() ON (r.status)", strings.ToLower(k), k))
	}
	stmts = append(stmts, fmt.Sprintf(
		"CREATE FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [n.name, n.aliasText] "+
			"OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}}",
		FulltextIndex, strings.Join(fixtures.NodeKinds, "|")))
	return stmts
}

// EnsureSchema creates the constraints and indexes that are missing and waits until they are
// online, then rolls back the import runs that killed processes left (RecoverImports).
func (s *Store) EnsureSchema(ctx context.Context) error {
	for _, stmt := range schemaStatements() {
		if _, err := s.runAuto(ctx, stmt, nil); err != nil {
			return fmt.Errorf("schema: %s: %w", stmt, err)
		}
	}
	if _, err := s.runAuto(ctx, "CALL db.awaitIndexes(300)", nil); err != nil {
		return fmt.Errorf("schema: waiting for indexes: %w", err)
	}
	// An import run that a killed process left unfinished is undone before anything else.
	if err := s.RecoverImports(ctx); err != nil {
		return fmt.Errorf("schema: undoing unfinished imports: %w", err)
	}
	if err := s.migrateSources(ctx); err != nil {
		return fmt.Errorf("schema: moving node sources to MENTIONS: %w", err)
	}
	if err := s.migrateConfidence(ctx); err != nil {
		return fmt.Errorf("schema: storing the confidence of older facts: %w", err)
	}
	// The migrations may have changed facts outside Store.write: results kept for the
	// graph's version (graph/analysis) are dropped.
	if err := s.write(ctx, func(*Tx) error { return nil }); err != nil {
		return fmt.Errorf("schema: counting a write in the graph's version: %w", err)
	}
	s.log.Info().Int("statements", len(schemaStatements())).Msg("schema ready")
	return nil
}

// runAuto runs a statement in an auto-commit transaction (schema changes and CALL { } IN
// TRANSACTIONS need one) and returns how many properties it set.
func (s *Store) runAuto(ctx context.Context, cypher string, params map[string]any) (int, error) {
	stmt := s.statement(ctx, "auto", cypher)
	ctx, done := s.watch(ctx)
	defer done()
	sess := s.driver.NewSession(ctx, neo4jWriteSession(s))
	defer sess.Close(context.Background())
	res, err := sess.Run(ctx, cypher, params)
	if err != nil {
		stmt(err)
		return 0, classify(hung(ctx, err))
	}
	sum, err := res.Consume(ctx)
	stmt(err)
	if err != nil {
		return 0, classify(hung(ctx, err))
	}
	return sum.Counters().PropertiesSet(), nil
}

// migrateSources moves the sources of nodes stored before they lived on MENTIONS (a
// sources list of JSON-encoded fixtures.Source and a docs list on the node, model.go) to
// the layout of today: spans on the MENTIONS from their document, reference sources in
// refSources. Edges lose their docs list (their sources say the same). One write
// transaction per 1,000 nodes; nothing to do, it costs one scan of the nodes.
func (s *Store) migrateSources(ctx context.Context) error {
	moved := 0
	for {
		recs, err := s.read(ctx, "MATCH (n:Entity) WHERE n.sources IS NOT NULL OR n.docs IS NOT NULL "+
			"RETURN n.id AS id, n.sources AS sources LIMIT 1000", nil)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			break
		}
		rows := make([]any, 0, len(recs))
		for _, r := range recs {
			id, _ := r.Get("id")
			raw, _ := r.Get("sources")
			var sources Sources
			for _, j := range strs(raw) {
				var src fixtures.Source
				if json.Unmarshal([]byte(j), &src) != nil {
					continue
				}
				sources.Add(src)
			}
			mentions := make([]any, len(sources.Docs()))
			for i, d := range sources.Docs() {
				mentions[i] = map[string]any{"doc": d, "sources": sources.Spans(d)}
			}
			rows = append(rows, map[string]any{"id": id, "refs": sources.Refs(), "mentions": mentions})
		}
		done := 0
		err = s.write(ctx, func(tx *Tx) error {
			recs, err := tx.run(ctx, `
				UNWIND $rows AS row
				MATCH (n:Entity {id: row.id})
				REMOVE n.sources, n.docs
				WITH n, row, coalesce(n.refSources, []) AS old
				SET n.refSources = old + [x IN row.refs WHERE NOT x IN old]
				WITH n, row
				CALL (n, row) {
					UNWIND row.mentions AS m
					MATCH (d:Document:Entity {id: m.doc})
					MERGE (d)-[r:MENTIONS]->(n)
					WITH r, m, coalesce(r.sources, []) AS old
					SET r.sources = old + [x IN m.sources WHERE NOT x IN old]
				}
				RETURN count(*)`, map[string]any{"rows": rows})
			if err == nil {
				n, _ := recs[0].Values[0].(int64)
				done = int(n)
			}
			return err
		})
		if err != nil {
			return err
		}
		if done == 0 {
			return fmt.Errorf("%d nodes with old sources could not be read again", len(rows))
		}
		moved += done
	}
	if moved > 0 {
		if _, err := s.runAuto(ctx, "MATCH ()-[r]->() WHERE r.docs IS NOT NULL CALL (r) { REMOVE r.docs } IN TRANSACTIONS OF 10000 ROWS", nil); err != nil {
			return err
		}
		s.log.Info().Int("nodes", moved).Msg("node sources moved to MENTIONS")
	}
	return nil
}

// migrateConfidence stores confidence 1 (fixtures.ConfidenceOf(nil), what a fact without
// one means) on the nodes and edges written before Entente stored confidences, so that
// every node but a document, and every edge, has one. Batches of 10,000 rows; with
// nothing to do, it costs one scan of the nodes and one of the relationships.
func (s *Store) migrateConfidence(ctx context.Context) error {
	params := map[string]any{"sure": fixtures.ConfidenceOf(nil), "kinds": fixtures.EdgeKinds}
	set := 0
	for _, stmt := range []string{
		"MATCH (n:Entity) WHERE n.confidence IS NULL AND NOT n:Document " +
			"CALL (n) { SET n.confidence = $sure } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH ()-[r]->() WHERE r.confidence IS NULL AND type(r) IN $kinds " +
			"CALL (r) { SET r.confidence = $sure } IN TRANSACTIONS OF 10000 ROWS",
	} {
		n, err := s.runAuto(ctx, stmt, params)
		if err != nil {
			return err
		}
		set += n
	}
	if set > 0 {
		s.log.Info().Int("facts", set).Msg("confidence 1 stored on facts written without one")
	}
	return nil
}
