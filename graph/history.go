package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/entente/entente/fixtures"
)

// History: every import, review and curation leaves one (:Change {id, at, actor, action,
// subject, detail}) per document, node or edge it wrote, created by the same transaction
// as the write it records, so that a write that fails records nothing and one that
// commits always has its records. subject is the id the write used (an edge's key); a
// merge records the survivor, with the merged id in its detail, and History follows the
// redirects, so that a merged id still finds its history. detail is a JSON object. Nothing
// changes or deletes a Change but the undo of an import run that failed (importrun.go),
// whose records are tagged with the run (_run) until it commits.

// LabelChange marks the history records.
const LabelChange = "Change"

// Actions recorded in the history.
const (
	ActionImport     = "import"
	ActionReview     = "review"
	ActionUpsertNode = "upsertNode"
	ActionAddEdge    = "addEdge"
	ActionRemoveEdge = "removeEdge"
	ActionMergeNodes = "mergeNodes"
)

// ActorUnknown is the actor of a write whose context names none (WithActor).
const ActorUnknown = "unknown"

type actorKey struct{}

// WithActor returns ctx naming who writes: the name of the API key of a request, or
// "cli:load" for the command line. The history records it.
func WithActor(ctx context.Context, actor string) context.Context {
	return context.WithValue(ctx, actorKey{}, actor)
}

// ActorOf is the actor WithActor put in ctx, or ActorUnknown.
func ActorOf(ctx context.Context) string {
	if a, ok := ctx.Value(actorKey{}).(string); ok && a != "" {
		return a
	}
	return ActorUnknown
}

// Change is one history record.
type Change struct {
	At      string         // UTC, RFC 3339 with nanoseconds, fixed width: sorts as it reads
	Actor   string         // WithActor
	Action  string         // one of the Action constants
	Subject string         // the id of the node, document or edge
	Detail  map[string]any // what changed, by action; nil when nothing more
}

// change is a record to write; its time and actor come from the transaction.
type change struct {
	Subject, Action string
	Detail          map[string]any
}

// changeTime is the fixed-width form of Change.At.
const changeTime = "2006-01-02T15:04:05.000000000Z"

// withFile adds the file imported to the detail of import records.
func withFile(cs []change, file string) []change {
	if file == "" {
		return cs
	}
	for i := range cs {
		cs[i].Detail["file"] = file
	}
	return cs
}

// record writes the history records of changes, made by the actor of ctx, in this
// transaction, in batches of ImportBatch; run tags them with an import run (nil: none).
// The time is read here, under the locks the write took, so that the records of writes
// to the same facts sort in the order they committed.
func (t *Tx) record(ctx context.Context, run any, cs []change) error {
	at := time.Now().UTC().Format(changeTime)
	actor := ActorOf(ctx)
	rows := make([]any, len(cs))
	for i, c := range cs {
		var detail any
		if c.Detail != nil {
			b, err := json.Marshal(c.Detail)
			if err != nil {
				return err
			}
			detail = string(b)
		}
		rows[i] = map[string]any{"id": changeID(), "action": c.Action, "subject": c.Subject, "detail": detail}
	}
	return batches(rows, func(batch []any) error {
		_, err := t.run(ctx, `
			CYPHER replan=skip
			UNWIND $rows AS row
			CREATE (c:`+LabelChange+` {id: row.id, at: $at, actor: $actor, action: row.action, subject: row.subject,
			  detail: row.detail, _run: $run})`,
			map[string]any{"rows": batch, "at": at, "actor": actor, "run": run})
		return err
	})
}

// changeID is a random id for a Change (its key in backups).
func changeID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return "change:" + hex.EncodeToString(b)
}

// History returns the changes of the node, document or edge id, newest first: those
// recorded under id, and, for a node, those of every id merged into the same node (a
// merged id finds the history of its survivor, and the survivor the history of what was
// merged into it). An unknown id has none. The records of an import run in progress are
// left out until it commits.
func (s *Store) History(ctx context.Context, id string) ([]Change, error) {
	if err := checkIDs(id); err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `
		OPTIONAL MATCH (:Redirect {id: $id})-[:MERGED_INTO]->(s:Entity)
		WITH coalesce(s.id, $id) AS target
		OPTIONAL MATCH (r:Redirect)-[:MERGED_INTO]->(:Entity {id: target})
		WITH target, collect(r.id) AS merged
		UNWIND [target] + merged AS subject
		MATCH (c:`+LabelChange+` {subject: subject})
		WHERE c._run IS NULL OR NOT EXISTS { MATCH (x:`+LabelImportRun+` {id: c._run}) WHERE x.state <> 'committed' }
		RETURN c.at AS at, c.actor AS actor, c.action AS action, c.subject AS subject, c.detail AS detail
		ORDER BY at DESC, c.id DESC`, map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	out := make([]Change, 0, len(recs))
	for _, r := range recs {
		c := Change{At: str(r.Values[0]), Actor: str(r.Values[1]), Action: str(r.Values[2]), Subject: str(r.Values[3])}
		if d, ok := r.Values[4].(string); ok {
			_ = json.Unmarshal([]byte(d), &c.Detail) // written by record: always an object
		}
		out = append(out, c)
	}
	return out, nil
}

// anyProposed says whether any node is PROPOSED: a probe of the label's lookup index.
func (t *Tx) anyProposed(ctx context.Context) (bool, error) {
	recs, err := t.run(ctx, "MATCH (n:"+LabelProposed+") RETURN n.id LIMIT 1", nil)
	return len(recs) > 0, err
}

// acceptEnds accepts the PROPOSED ends of the ACCEPTED edges of one kind (which must come
// from fixtures.EdgeKinds) with these keys, and returns the ids of the nodes it accepted.
// curated (an analyst's addEdge) accepts REJECTED ends too: the analyst says they exist.
func (t *Tx) acceptEnds(ctx context.Context, kind string, keys []string, curated bool) ([]string, error) {
	mustKind(fixtures.EdgeKinds, kind)
	recs, err := t.run(ctx, `
		CYPHER replan=skip
		UNWIND $keys AS key
		MATCH (a)-[r:`+kind+` {key: key}]->(b) USING INDEX SEEK r:`+kind+`(key)
		WHERE `+acceptedEdge("r")+`
		UNWIND [a, b] AS n
		WITH DISTINCT n WHERE n:`+LabelProposed+` OR ($curated AND n:`+LabelRejected+`)
		REMOVE n:`+LabelProposed+`:`+LabelRejected+`
		RETURN n.id`, map[string]any{"keys": keys, "curated": curated})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = str(r.Values[0])
	}
	return ids, nil
}
