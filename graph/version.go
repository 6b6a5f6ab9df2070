package graph

import "context"

// LabelVersion marks the one node that counts the writes to the graph, so that results
// computed from the whole graph (graph/analysis) can be kept until the next write, by
// every server on the database: {id: "graph", epoch, count}. epoch is drawn when the node
// is created (again after DeleteAll), so that a count seen before cannot come back.
const LabelVersion = "GraphVersion"

// Version identifies the committed state of the graph: it changes with every committed
// write transaction (Store.write, DeleteAll, EnsureSchema), from any server. "none" on a
// database that no write of Entente has touched. One round trip.
func (s *Store) Version(ctx context.Context) (string, error) {
	recs, err := s.read(ctx, "OPTIONAL MATCH (v:"+LabelVersion+" {id: 'graph'}) RETURN v.epoch + ':' + toString(v.count)", nil)
	if err != nil {
		return "", err
	}
	if v, ok := recs[0].Values[0].(string); ok {
		return v, nil
	}
	return "none", nil
}

// bumpVersion counts one more write, as the last statement of a write transaction: the
// SET reads the count under the node's write lock (no lost update), which concurrent
// writes wait for only while this one commits. The node is created the first time.
func (t *Tx) bumpVersion(ctx context.Context) error {
	recs, err := t.run(ctx, "OPTIONAL MATCH (v:"+LabelVersion+" {id: 'graph'}) SET v.count = v.count + 1 RETURN v IS NOT NULL", nil)
	if err != nil {
		return err
	}
	if found, _ := recs[0].Values[0].(bool); found {
		return nil
	}
	_, err = t.run(ctx, "MERGE (v:"+LabelVersion+" {id: 'graph'}) ON CREATE SET v.epoch = randomUUID(), v.count = 0 SET v.count = v.count + 1", nil)
	return err
}
