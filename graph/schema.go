package graph

import (
	"context"
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
		"CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)",
		"CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
		"CREATE INDEX entity_country IF NOT EXISTS FOR (n:Entity) ON (n.country)",
		"CREATE INDEX meeting_start IF NOT EXISTS FOR (n:Meeting) ON (n.startDate)",
		"CREATE INDEX roadmap_start IF NOT EXISTS FOR (n:Roadmap) ON (n.startDate)",
		"CREATE INDEX document_published IF NOT EXISTS FOR (n:Document) ON (n.published)",
	}
	for _, k := range fixtures.NodeKinds {
		stmts = append(stmts, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", strings.ToLower(k), k))
	}
	for _, k := range fixtures.EdgeKinds {
		stmts = append(stmts, fmt.Sprintf("CREATE INDEX %s_key IF NOT EXISTS FOR ()-[r:%s]-() ON (r.key)", strings.ToLower(k), k))
	}
	stmts = append(stmts, fmt.Sprintf(
		"CREATE FULLTEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON EACH [n.name, n.aliasText] "+
			"OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}}",
		FulltextIndex, strings.Join(fixtures.NodeKinds, "|")))
	return stmts
}

// EnsureSchema creates the constraints and indexes that are missing and waits until they are online.
func (s *Store) EnsureSchema(ctx context.Context) error {
	for _, stmt := range schemaStatements() {
		if err := s.runAuto(ctx, stmt); err != nil {
			return fmt.Errorf("schema: %s: %w", stmt, err)
		}
	}
	if err := s.runAuto(ctx, "CALL db.awaitIndexes(300)"); err != nil {
		return fmt.Errorf("schema: waiting for indexes: %w", err)
	}
	s.log.Info().Int("statements", len(schemaStatements())).Msg("schema ready")
	return nil
}

// runAuto runs a schema statement in an auto-commit transaction (schema changes need their own).
func (s *Store) runAuto(ctx context.Context, cypher string) error {
	s.trips.Add(1)
	sess := s.driver.NewSession(ctx, neo4jWriteSession(s))
	defer sess.Close(context.Background())
	res, err := sess.Run(ctx, cypher, nil)
	if err != nil {
		return classify(err)
	}
	_, err = res.Consume(ctx)
	return classify(err)
}
