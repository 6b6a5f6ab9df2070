package graph

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/entente/entente/fixtures"
)

// Ingestion (DOMAIN.md, "Ingesting documents through the service"): a document sent to the
// service is extracted (server/ingest) into a fixture of one document that carries its
// full text, and Ingest writes that fixture through the import path of `entente load`
// (importFixture), in one write transaction whose history records say ingest. A text is
// stored once: the document's id is made from the SHA-256 of its text, the transaction
// first merges the document by that id (which, under the uniqueness constraint of
// Entity.id, makes a concurrent ingestion of the same text wait for this one and then find
// it), and a text already stored, under that id or as a document loaded from a fixture
// with the same SHA-256, writes nothing.

// ActionIngest is the action of the history records of a document ingested through the service.
const ActionIngest = "ingest"

// Ingestion is what an ingestion stored, or found stored before.
type Ingestion struct {
	Document        Node
	AlreadyIngested bool   // the text was stored before: nothing was written
	Nodes           []Node // the nodes the document mentions and the ends of Edges, each once, whatever their status
	Edges           []Edge // the edges with a source in the document, whatever their status
}

// alreadyIngested rolls back an ingestion whose text is stored as the document id.
type alreadyIngested struct{ id string }

func (a *alreadyIngested) Error() string { return "document " + a.id + " is stored already" }

// Ingest writes a fixture of one document with its text and SHA-256 (as server/ingest
// makes it), in one transaction, all or nothing, recording ActionIngest changes under the
// actor of ctx. When a document with the same SHA-256 is stored, nothing is written and the
// stored document is answered with AlreadyIngested.
func (s *Store) Ingest(ctx context.Context, f *fixtures.Fixture) (*Ingestion, error) {
	if f == nil || len(f.Documents) != 1 {
		return nil, inputf("an ingestion writes exactly one document")
	}
	d := f.Documents[0]
	if d.SHA256 == "" || d.Text == "" {
		return nil, inputf("an ingested document needs its text and its SHA-256")
	}
	if ps := fixtures.Validate(f); len(ps) > 0 {
		return nil, inputf("invalid fixture: %s (and %d more problems)", ps[0], len(ps)-1)
	}
	s.runs.mu.Lock()
	single := s.runs.single
	s.runs.mu.Unlock()
	if rows := len(f.Documents) + len(f.Nodes) + len(f.Edges); rows > single {
		return nil, inputf("the document gives %d facts, more than the %d written at once; split it", rows, single)
	}
	if found, err := s.IngestedText(ctx, d.SHA256); err != nil || found != nil {
		return found, err
	}
	im := newImport(f, selfTargets(f))
	var out *Ingestion
	err := s.write(ctx, func(tx *Tx) error {
		// The MERGE takes the id's lock first: a concurrent ingestion of the same text
		// waits here until this one commits or rolls back.
		recs, err := tx.run(ctx, `MERGE (d:Entity {id: $id}) RETURN d.kind IS NULL`, map[string]any{"id": d.ID})
		if err != nil {
			return err
		}
		if fresh, _ := recs[0].Values[0].(bool); !fresh {
			return &alreadyIngested{d.ID}
		}
		recs, err = tx.run(ctx, `MATCH (o:Document {sha256: $sha}) WHERE o.id <> $id RETURN o.id ORDER BY o.id LIMIT 1`,
			map[string]any{"sha": d.SHA256, "id": d.ID})
		if err != nil {
			return err
		}
		if len(recs) > 0 {
			return &alreadyIngested{str(recs[0].Values[0])}
		}
		if _, err := tx.importFixture(ctx, f, func() *importRows { return im }, importMeta{action: ActionIngest}, nil); err != nil {
			return err
		}
		out, err = documentFacts(ctx, tx.run, d.ID)
		return err
	})
	var already *alreadyIngested
	if errors.As(err, &already) {
		return s.ingestedAs(ctx, already.id)
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// IngestedText returns the stored document whose text has this SHA-256 (hex), with
// AlreadyIngested, or nil when there is none.
func (s *Store) IngestedText(ctx context.Context, sha string) (*Ingestion, error) {
	recs, err := s.read(ctx, `MATCH (d:Document {sha256: $sha}) RETURN d.id ORDER BY d.id LIMIT 1`, map[string]any{"sha": sha})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return s.ingestedAs(ctx, str(recs[0].Values[0]))
}

// ingestedAs answers the stored document id as an ingestion that wrote nothing.
func (s *Store) ingestedAs(ctx context.Context, id string) (*Ingestion, error) {
	out, err := documentFacts(ctx, s.read, id)
	if err != nil {
		return nil, err
	}
	out.AlreadyIngested = true
	return out, nil
}

// documentFacts reads the document id with the nodes it mentions and the edges with a
// source in it, with their ends, whatever their status, through run (a read, or a
// transaction's statement).
func documentFacts(ctx context.Context, run func(context.Context, string, map[string]any) ([]*neo4j.Record, error), id string) (*Ingestion, error) {
	params := map[string]any{"id": id}
	recs, err := run(ctx, `MATCH (d:Document:Entity {id: $id}) RETURN `+nodeProj("d"), params)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, &NotFoundError{ID: id}
	}
	out := &Ingestion{Document: nodeFrom(recs[0].Values[0])}
	seen := map[string]bool{}
	add := func(v any) {
		n := nodeFrom(v)
		if !seen[n.ID] {
			seen[n.ID] = true
			out.Nodes = append(out.Nodes, n)
		}
	}
	recs, err = run(ctx, `MATCH (:Document:Entity {id: $id})-[:MENTIONS]->(n) RETURN `+nodeProj("n")+` ORDER BY n.id`, params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		add(r.Values[0])
	}
	// Sources are stored as the JSON of fixtures.Source, whose document comes first.
	doc, _ := json.Marshal(id)
	params["prefix"] = `{"document":` + string(doc) + `,`
	params["kinds"] = fixtures.EdgeKinds
	recs, err = run(ctx, `
		MATCH (:Document:Entity {id: $id})-[:MENTIONS]->()-[r]-()
		WHERE type(r) IN $kinds AND any(s IN r.sources WHERE s STARTS WITH $prefix)
		WITH DISTINCT r
		MATCH (a)-[r]->(b)
		RETURN `+edgeProjFrom("r", "a.id", "b.id")+`, `+nodeProj("a")+`, `+nodeProj("b")+` ORDER BY r.key`, params)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		out.Edges = append(out.Edges, edgeOf(r.Values[0]))
		add(r.Values[1])
		add(r.Values[2])
	}
	return out, nil
}

// DocumentText returns the full text of the document id, the one its spans count in, or
// nil when it has none stored (documents loaded from fixtures) or does not exist.
func (s *Store) DocumentText(ctx context.Context, id string) (*string, error) {
	if err := checkIDs(id); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `MATCH (d:Document:Entity {id: $id}) RETURN d.text`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return optStr(recs[0].Values[0]), nil
}
