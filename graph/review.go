package graph

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente/fixtures"
)

// ReviewQuery asks for a page of the review queue.
type ReviewQuery struct {
	Document      *string  // only edges with a source in this document
	MinConfidence *float64 // only edges at least this sure
	First         int
	After         *string // a cursor ReviewPage gave, nil: from the start
}

// ReviewPage is a page of the review queue: the edges, with both their ends (whatever
// their status), and each edge's cursor.
type ReviewPage struct {
	Edges   []Edge
	Nodes   []Node // the ends of Edges, each once
	Cursors []string
}

// reviewCursor is the position after an edge of the queue, opaque to clients (base64 JSON).
type reviewCursor struct {
	Confidence float64 `json:"c"`
	Key        string  `json:"k"`
}

func (c reviewCursor) String() string {
	b, _ := json.Marshal(c) // a float and a string always marshal
	return base64.RawURLEncoding.EncodeToString(b)
}

// parseReviewCursor reads a cursor of the review queue.
func parseReviewCursor(s string) (reviewCursor, error) {
	var c reviewCursor
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || c.Key == "" {
		return c, inputf("after: %q is not a cursor of the review queue", s)
	}
	return c, nil
}

// reviewQueueCypher reads the PROPOSED edges of every kind through their status indexes
// (schema.go's <kind>_status, which hold no accepted edge), least sure first, ties by key.
// A relationship type cannot be a parameter: each kind has its branch.
var reviewQueueCypher = func() string {
	branches := make([]string, len(fixtures.EdgeKinds))
	for i, k := range fixtures.EdgeKinds {
		mustKind(fixtures.EdgeKinds, k)
		branches[i] = fmt.Sprintf("MATCH (a)-[r:%[1]s {status: $proposed}]->(b) USING INDEX r:%[1]s(status) RETURN r, a, b", k)
	}
	return `CALL () { ` + strings.Join(branches, " UNION ALL ") + ` }
		WITH r, a, b, coalesce(r.confidence, 1.0) AS c
		WHERE ($min IS NULL OR c >= $min)
		  AND ($doc IS NULL OR any(s IN r.sources WHERE s CONTAINS $docComma OR s CONTAINS $docEnd))
		  AND ($afterKey IS NULL OR c > $afterC OR (c = $afterC AND r.key > $afterKey))
		WITH r, a, b, c ORDER BY c, r.key LIMIT $first
		RETURN ` + edgeProjFrom("r", "a.id", "b.id") + ` AS e, ` + nodeProj("a") + ` AS a, ` + nodeProj("b") + ` AS b`
}()

// reviewFilter is the parameters of the queue's filters (reviewQueueCypher's and
// reviewCountCypher's $proposed, $min, $doc, $docComma and $docEnd), checked.
func reviewFilter(document *string, minConfidence *float64) (map[string]any, error) {
	params := map[string]any{"proposed": StatusProposed, "min": nil, "doc": nil, "docComma": nil, "docEnd": nil}
	if minConfidence != nil {
		if !(*minConfidence >= 0 && *minConfidence <= 1) {
			return nil, inputf("minConfidence must be between 0 and 1")
		}
		params["min"] = *minConfidence
	}
	if document != nil {
		if err := checkIDs(*document); err != nil {
			return nil, err
		}
		// Sources are stored as the JSON of fixtures.Source, whose document comes first
		// and is followed by start: the document's JSON string, quoted as stored.
		id, _ := json.Marshal(*document)
		params["doc"] = *document
		params["docComma"] = `{"document":` + string(id) + `,`
		params["docEnd"] = `{"document":` + string(id) + `}`
	}
	return params, nil
}

// ReviewQueue returns the PROPOSED edges, least sure first (ties by id), with their ends.
func (s *Store) ReviewQueue(ctx context.Context, q ReviewQuery) (*ReviewPage, error) {
	if err := within("first", q.First, 1, MaxPage); err != nil {
		return nil, err
	}
	params, err := reviewFilter(q.Document, q.MinConfidence)
	if err != nil {
		return nil, err
	}
	params["first"], params["afterKey"], params["afterC"] = q.First, nil, nil
	if q.After != nil {
		c, err := parseReviewCursor(*q.After)
		if err != nil {
			return nil, err
		}
		params["afterKey"], params["afterC"] = c.Key, c.Confidence
	}
	recs, err := s.read(ctx, reviewQueueCypher, params)
	if err != nil {
		return nil, err
	}
	page := &ReviewPage{}
	seen := map[string]bool{}
	for _, r := range recs {
		e := edgeOf(r.Values[0])
		page.Edges = append(page.Edges, e)
		page.Cursors = append(page.Cursors, ReviewCursor(e))
		for _, v := range r.Values[1:] {
			n := nodeFrom(v)
			if !seen[n.ID] {
				seen[n.ID] = true
				page.Nodes = append(page.Nodes, n)
			}
		}
	}
	return page, nil
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

// Review accepts and rejects edges by id, all or nothing, in one write transaction:
// an accepted edge becomes ACCEPTED with its PROPOSED ends, a rejected one REJECTED (its
// ends stay as they are). An unknown id, or one in both lists, changes nothing. Each edge
// reviewed, and each node accepted with one, gets a history record with the status it had
// and the one it has. Returns the edges reviewed, accepted ones first, each list in the
// order given, with their ends (ReviewPage.Nodes); Cursors is empty.
func (s *Store) Review(ctx context.Context, accept, reject []string) (*ReviewPage, error) {
	if len(accept)+len(reject) == 0 {
		return nil, inputf("name at least one edge to accept or reject")
	}
	if len(accept)+len(reject) > MaxPage {
		return nil, inputf("review at most %d edges at once", MaxPage)
	}
	want := map[string]string{}
	var ids []string
	for _, list := range []struct {
		ids    []string
		status string
	}{{accept, StatusAccepted}, {reject, StatusRejected}} {
		for _, id := range list.ids {
			if prev, ok := want[id]; ok {
				if prev != list.status {
					return nil, inputf("edge %q is both accepted and rejected", id)
				}
				continue
			}
			kind, _, _ := strings.Cut(id, "|")
			if !fixtures.Contains(fixtures.EdgeKinds, kind) {
				return nil, inputf("%q is not an edge id", id)
			}
			want[id] = list.status
			ids = append(ids, id)
		}
	}
	var page *ReviewPage
	err := s.write(ctx, func(tx *Tx) error {
		page = &ReviewPage{}
		// The ends, locked in id order (Tx.lock), order this review with concurrent
		// reviews, curations and merges of the same edges.
		ends := map[string][2]string{}
		var unknown []string
		var endIDs []string
		for _, id := range ids {
			e, err := tx.edgeByKey(ctx, id)
			var nf *NotFoundError
			if errors.As(err, &nf) {
				unknown = append(unknown, id)
				continue
			}
			if err != nil {
				return err
			}
			ends[id] = [2]string{e.From, e.To}
			endIDs = append(endIDs, e.From, e.To)
		}
		if len(unknown) > 0 {
			return &NotFoundError{ID: unknown[0],
				Msg: fmt.Sprintf("no edge has the id %s: nothing was reviewed", strings.Join(quoteAll(unknown), ", "))}
		}
		slices.Sort(endIDs)
		if _, err := tx.lock(ctx, slices.Compact(endIDs)...); err != nil {
			return err
		}
		var cs []change
		seen := map[string]bool{}
		for _, id := range ids {
			kind, _, _ := strings.Cut(id, "|")
			// Read again under the locks: a merge may have moved the edge meanwhile.
			recs, err := tx.run(ctx, "MATCH (a)-[r:"+kind+" {key: $key}]->(b) WITH r, a, b, r.status AS was "+
				"SET r.status = $status RETURN was, a.id, b.id", map[string]any{"key": id, "status": storedOf(want[id])})
			if err != nil {
				return err
			}
			if len(recs) == 0 {
				return errRaced
			}
			cs = append(cs, change{Subject: id, Action: ActionReview,
				Detail: map[string]any{"from": statusOf(recs[0].Values[0]), "to": want[id]}})
			if want[id] != StatusAccepted {
				continue
			}
			accepted, err := tx.acceptEnds(ctx, kind, []string{id}, false)
			if err != nil {
				return err
			}
			for _, n := range accepted {
				cs = append(cs, change{Subject: n, Action: ActionReview,
					Detail: map[string]any{"from": StatusProposed, "to": StatusAccepted, "edge": id}})
			}
		}
		if err := tx.record(ctx, nil, cs); err != nil {
			return err
		}
		for _, id := range ids {
			e, err := tx.edgeByKey(ctx, id)
			if err != nil {
				return err
			}
			page.Edges = append(page.Edges, *e)
			for _, end := range []string{e.From, e.To} {
				if seen[end] {
					continue
				}
				seen[end] = true
				n, err := tx.node(ctx, end)
				if err != nil {
					return err
				}
				page.Nodes = append(page.Nodes, *n)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// storedOf is a status as an edge stores it: nil for accepted.
func storedOf(status string) any {
	if status == StatusAccepted {
		return nil
	}
	return status
}

// ReviewCursor is the position of e in the review queue, opaque: ReviewQuery.After.
func ReviewCursor(e Edge) string {
	return reviewCursor{Confidence: e.Confidence, Key: e.ID}.String()
}
