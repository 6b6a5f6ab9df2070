package graph

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/entente/entente/fixtures"
)

// Merge records and splits (DOMAIN.md, "Entity resolution"). Every merge (MergeNodes)
// leaves one (:MergeRecord {id, survivor, merged, seq, record}) written by its transaction:
// record is JSON (mergeRecord) holding what the merge destroyed or changed, each property
// map written as a backup writes it (backupvalue.go, so that types survive): the merged
// node's labels and properties, every relationship it had (its domain edges, the MENTIONS
// of its documents, the MERGED_INTO of the ids merged into it before), and, for what the
// merge changed at the survivor, the survivor's properties and the relationships it merged
// into (the edge with the moved edge's key, the MENTIONS from the same document) as they
// were before and right after the merge.
//
// SplitNode undoes the merges into a node, newest first (seq). The merged node comes back
// as it was, with its relationships; what the merge changed at the survivor is put back
// property by property (revert): a property the merge changed and nothing changed since
// gets its value of before the merge; a list that changed since (aliases, sources) loses
// only what the merge added to it; anything else written since the merge stays. So edges
// and evidence added after the merge stay with the survivor, and an edge removed after the
// merge stays removed. An end that was merged elsewhere since is followed to its survivor.
// A split takes the locks of the survivor and of the other ends of the restored edges
// (Tx.lock), as every curation does.

// LabelMergeRecord marks what a merge needs to be undone.
const LabelMergeRecord = "MergeRecord"

// ActionSplitNode is the history action of a split: recorded on the survivor and on each node that comes back.
const ActionSplitNode = "splitNode"

// Relationship types besides the edge kinds.
const (
	relMentions   = "MENTIONS"
	relMergedInto = "MERGED_INTO"
)

// mergeRecord is the JSON of a MergeRecord.
type mergeRecord struct {
	Labels []string        `json:"labels"`
	Props  json.RawMessage `json:"props"`
	// The survivor's properties that the merge changed: a list it extended (aliases,
	// refSources) by what it added (aliasText, made of the aliases, then left out), any
	// other by its values before and after (absent: none).
	SurvivorAdded  json.RawMessage `json:"survivorAdded"`
	SurvivorBefore json.RawMessage `json:"survivorBefore"`
	SurvivorAfter  json.RawMessage `json:"survivorAfter"`
	Rels           []mergeRel      `json:"rels"`

	survivor map[string]any // the survivor's properties before the merge, until finishMerge
}

// mergeRel is one relationship of the merged node.
type mergeRel struct {
	Type  string          `json:"type"`
	Out   bool            `json:"out"`   // the merged node is its start
	Class string          `json:"class"` // the other end's class: LabelEntity or LabelRedirect
	Other string          `json:"other"` // the other end's id
	Props json.RawMessage `json:"props"`
	// Moved is a domain edge's key once moved to the survivor; empty when the merge dropped
	// it (it joined the two nodes) and for the other types.
	Moved string `json:"moved,omitempty"`
	// Before and After are the survivor's relationship that this one was merged into (the
	// edge with key Moved, the MENTIONS from the same document) before and right after the
	// merge; no Before: the merge created it.
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}

// encoded writes a property map as a backup does.
func encoded(props map[string]any) (json.RawMessage, error) {
	var buf bytes.Buffer
	if err := encodeProps(&buf, props); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decoded reads a property map of a mergeRecord; nil for none.
func decoded(raw json.RawMessage) (map[string]any, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	return decodeProps(raw)
}

// survivorRel says where the survivor's relationship merged with r is: for a domain
// edge its kind and key, for MENTIONS the document; ok false when there is none.
func (r *mergeRel) survivorSide() (kind, key string, ok bool) {
	switch {
	case r.Moved != "":
		return r.Type, r.Moved, true
	case r.Type == relMentions && !r.Out && r.Class == LabelEntity:
		return relMentions, r.Other, true
	}
	return "", "", false
}

// survivorRelProps reads the survivor's relationship of survivorSide, nil when there is none.
func (t *Tx) survivorRelProps(ctx context.Context, survivorID, kind, key string) (map[string]any, error) {
	var cypher string
	params := map[string]any{"key": key, "survivor": survivorID}
	if kind == relMentions {
		cypher = "MATCH (:Document:Entity {id: $key})-[r:MENTIONS]->(:Entity {id: $survivor}) RETURN properties(r)"
	} else {
		mustKind(fixtures.EdgeKinds, kind)
		cypher = "MATCH ()-[r:" + kind + " {key: $key}]->() RETURN properties(r)"
	}
	recs, err := t.run(ctx, cypher, params)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	p, _ := recs[0].Values[0].(map[string]any)
	return p, nil
}

// mergeSnapshot reads, before a merge of mergedID into survivorID, what its MergeRecord
// keeps (finishMerge completes it once the merge is done).
func (t *Tx) mergeSnapshot(ctx context.Context, mergedID, survivorID string) (*mergeRecord, error) {
	ids := map[string]any{"merged": mergedID, "survivor": survivorID}
	recs, err := t.run(ctx, `
		MATCH (m:Entity {id: $merged}), (s:Entity {id: $survivor})
		RETURN labels(m), properties(m), properties(s)`, ids)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, errRaced
	}
	rec := &mergeRecord{Labels: strs(recs[0].Values[0])}
	slices.Sort(rec.Labels)
	mp, _ := recs[0].Values[1].(map[string]any)
	sp, _ := recs[0].Values[2].(map[string]any)
	delete(mp, "_run") // an import run's tag (importrun.go): the node comes back untagged
	if rec.Props, err = encoded(mp); err != nil {
		return nil, err
	}
	rec.survivor = sp
	recs, err = t.run(ctx, `
		MATCH (m:Entity {id: $merged})-[r]-(x)
		RETURN type(r), startNode(r) = m, CASE WHEN x:Entity THEN 'Entity' WHEN x:Redirect THEN 'Redirect' END, x.id, properties(r)`, ids)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		rel := mergeRel{Type: str(r.Values[0]), Class: str(r.Values[2]), Other: str(r.Values[3])}
		rel.Out, _ = r.Values[1].(bool)
		if rel.Class == "" || rel.Other == "" || rel.Other == mergedID {
			return nil, fmt.Errorf("merge of %q: a %s relationship to a node that is neither another node nor a redirect", mergedID, rel.Type)
		}
		props, _ := r.Values[4].(map[string]any)
		if rel.Props, err = encoded(props); err != nil {
			return nil, err
		}
		if fixtures.Contains(fixtures.EdgeKinds, rel.Type) && rel.Class == LabelEntity && rel.Other != survivorID {
			e := fixtures.Edge{Kind: rel.Type, From: survivorID, To: rel.Other, Date: optStr(props["date"])}
			if !rel.Out {
				e.From, e.To = rel.Other, survivorID
			}
			rel.Moved = e.Key()
		}
		if kind, key, ok := rel.survivorSide(); ok {
			before, err := t.survivorRelProps(ctx, survivorID, kind, key)
			if err != nil {
				return nil, err
			}
			if before != nil {
				if rel.Before, err = encoded(before); err != nil {
					return nil, err
				}
			}
		}
		rec.Rels = append(rec.Rels, rel)
	}
	return rec, nil
}

// finishMerge reads the survivor as the merge left it and writes the MergeRecord, with
// who merged (by: "import" or "analyst", and the actor of ctx), when, and for an import
// the documents of the report merged.
func (t *Tx) finishMerge(ctx context.Context, rec *mergeRecord, mergedID, survivorID string, by mergeBy) error {
	recs, err := t.run(ctx, "MATCH (s:Entity {id: $survivor}) RETURN properties(s)", map[string]any{"survivor": survivorID})
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return errRaced
	}
	sp, _ := recs[0].Values[0].(map[string]any)
	added, before, after := survivorChanges(rec.survivor, sp)
	if rec.SurvivorAdded, err = encoded(added); err != nil {
		return err
	}
	if rec.SurvivorBefore, err = encoded(before); err != nil {
		return err
	}
	if rec.SurvivorAfter, err = encoded(after); err != nil {
		return err
	}
	for i := range rec.Rels {
		rel := &rec.Rels[i]
		if kind, key, ok := rel.survivorSide(); ok {
			after, err := t.survivorRelProps(ctx, survivorID, kind, key)
			if err != nil {
				return err
			}
			if after != nil {
				if rel.After, err = encoded(after); err != nil {
					return err
				}
			}
		}
	}
	raw, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = t.run(ctx, `
		OPTIONAL MATCH (old:`+LabelMergeRecord+` {survivor: $survivor})
		WITH coalesce(max(old.seq), 0) + 1 AS seq
		CREATE (:`+LabelMergeRecord+` {id: $id, survivor: $survivor, merged: $merged, seq: seq, record: $record,
		  by: $by, actor: $actor, at: $at, documents: $documents})`,
		map[string]any{"id": mergeRecordID(), "survivor": survivorID, "merged": mergedID, "record": string(raw),
			"by": by.who(), "actor": ActorOf(ctx), "at": time.Now().UTC().Format(changeTime), "documents": by.documents})
	return err
}

// survivorChanges splits the survivor's properties that a merge changed from before to
// after into the lists it extended (what it added to each) and the rest (their values
// before and after, absent where there was none). aliasText follows the aliases.
func survivorChanges(before, after map[string]any) (added, was, is map[string]any) {
	added, was, is = map[string]any{}, map[string]any{}, map[string]any{}
	for k, a := range after {
		b, ok := before[k]
		if ok && sameValue(a, b) {
			continue
		}
		al, alist := a.([]any)
		bl, blist := b.([]any)
		if ok && alist && blist && len(al) >= len(bl) && sameValue(al[:len(bl)], b) {
			added[k] = al[len(bl):]
			continue
		}
		if ok {
			was[k] = b
		}
		is[k] = a
	}
	for k, b := range before {
		if _, ok := after[k]; !ok {
			was[k] = b
		}
	}
	if _, ok := added["aliases"]; ok {
		delete(was, "aliasText")
		delete(is, "aliasText")
	}
	return added, was, is
}

// mergeRecordID is a random id for a MergeRecord (its key in backups).
func mergeRecordID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return "merge:" + hex.EncodeToString(b)
}

// SplitNode undoes every merge into the node id, newest first: each merged node comes back
// with its own id, labels, properties, aliases, sources and edges, and the ids that
// redirected to it resolve to it again; what was added to the survivor since the merges
// stays with it. It returns the survivor, then the nodes that came back.
func (s *Store) SplitNode(ctx context.Context, id string) ([]*Node, error) {
	if err := checkIDs(id); err != nil {
		return nil, err
	}
	var out []*Node
	err := s.write(ctx, func(tx *Tx) error {
		out = nil
		ns, err := tx.lock(ctx, id)
		if err != nil {
			return err
		}
		t, ok := ns[id]
		switch {
		case !ok:
			return &NotFoundError{ID: id}
		case t.id != id:
			return inputf("%q was merged into %q: split %q to bring %q back", id, t.id, t.id, id)
		}
		recs, err := tx.run(ctx, `
			MATCH (r:`+LabelMergeRecord+` {survivor: $id})
			RETURN r.id, r.merged, r.record ORDER BY r.seq DESC`, map[string]any{"id": id})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return inputf("nothing was merged into %q: there is nothing to split", id)
		}
		type undo struct {
			id, merged string
			rec        mergeRecord
		}
		undos := make([]undo, len(recs))
		ends := []string{id}
		for i, r := range recs {
			undos[i] = undo{id: str(r.Values[0]), merged: str(r.Values[1])}
			if err := json.Unmarshal([]byte(str(r.Values[2])), &undos[i].rec); err != nil {
				return fmt.Errorf("merge record %s: %w", undos[i].id, err)
			}
			for _, rel := range undos[i].rec.Rels {
				if rel.Class == LabelEntity {
					ends = append(ends, rel.Other)
				}
			}
		}
		// The other ends of the edges that come back, so that none is merged away meanwhile.
		if _, err := tx.lock(ctx, ends...); err != nil {
			return err
		}
		for _, u := range undos {
			if err := tx.undoMerge(ctx, id, u.merged, &u.rec); err != nil {
				return fmt.Errorf("undoing the merge of %q into %q: %w", u.merged, id, err)
			}
			if _, err := tx.run(ctx, "MATCH (r:"+LabelMergeRecord+" {id: $id}) DELETE r", map[string]any{"id": u.id}); err != nil {
				return err
			}
		}
		survivor, err := tx.node(ctx, id)
		if err != nil {
			return err
		}
		out = append(out, survivor)
		var cs []change
		restored := make([]string, len(undos))
		for i, u := range undos {
			restored[i] = u.merged
			n, err := tx.node(ctx, u.merged)
			if err != nil {
				return err
			}
			out = append(out, n)
			cs = append(cs, change{Subject: u.merged, Action: ActionSplitNode, Detail: map[string]any{"survivor": id, "restored": u.merged}})
		}
		cs = append(cs, change{Subject: id, Action: ActionSplitNode, Detail: map[string]any{"survivor": id, "restored": restored}})
		return tx.record(ctx, nil, cs)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// undoMerge brings the merged node of one record back beside the survivor (see above).
func (t *Tx) undoMerge(ctx context.Context, survivorID, mergedID string, rec *mergeRecord) error {
	for _, l := range rec.Labels {
		if !restorable(l) || isClass(l) && l != LabelEntity {
			return fmt.Errorf("the label %q is not one of a node's", l)
		}
	}
	if !slices.Contains(rec.Labels, LabelEntity) {
		return fmt.Errorf("the merged node was not an entity")
	}
	props, err := decoded(rec.Props)
	if err != nil {
		return err
	}
	// Labels come from the record, checked against Entente's (restorable); values are parameters.
	recs, err := t.run(ctx, `
		OPTIONAL MATCH (x:Entity {id: $merged})
		WITH x WHERE x IS NULL
		OPTIONAL MATCH (r:Redirect {id: $merged})
		DETACH DELETE r
		CREATE (m:`+strings.Join(rec.Labels, ":")+`)
		SET m = $props
		RETURN count(m)`, map[string]any{"merged": mergedID, "props": props})
	if err != nil {
		return err
	}
	if n, _ := recs[0].Values[0].(int64); n != 1 {
		return inputf("%q is a node again already", mergedID)
	}
	// The survivor's properties.
	recs, err = t.run(ctx, "MATCH (s:Entity {id: $id}) RETURN properties(s)", map[string]any{"id": survivorID})
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return errRaced
	}
	current, _ := recs[0].Values[0].(map[string]any)
	sp, err := revertSurvivor(rec, current)
	if err != nil {
		return err
	}
	if _, err := t.run(ctx, "MATCH (s:Entity {id: $id}) SET s = $props", map[string]any{"id": survivorID, "props": sp}); err != nil {
		return err
	}
	for i := range rec.Rels {
		if err := t.undoRel(ctx, survivorID, mergedID, &rec.Rels[i]); err != nil {
			return err
		}
	}
	return nil
}

// revertSurvivor is the survivor's properties once the merge of rec is undone: the lists
// it extended lose what it added, the other properties it changed are reverted (revert),
// and the rest stays as it is now.
func revertSurvivor(rec *mergeRecord, current map[string]any) (map[string]any, error) {
	added, err := decoded(rec.SurvivorAdded)
	if err != nil {
		return nil, err
	}
	before, err := decoded(rec.SurvivorBefore)
	if err != nil {
		return nil, err
	}
	after, err := decoded(rec.SurvivorAfter)
	if err != nil {
		return nil, err
	}
	out := maps.Clone(current)
	changed := map[string]any{}
	for k := range before {
		changed[k] = nil
	}
	for k := range after {
		changed[k] = nil
	}
	now := map[string]any{}
	for k := range changed {
		if v, ok := current[k]; ok {
			now[k] = v
		}
		delete(out, k)
	}
	maps.Copy(out, revert(before, after, now))
	for k, a := range added {
		if v, ok := out[k]; ok {
			out[k] = revert(map[string]any{k: []any{}}, map[string]any{k: a}, map[string]any{k: v})[k]
			if _, isList := out[k].([]any); !isList {
				out[k] = v
			}
		}
	}
	if _, ok := added["aliases"]; ok {
		out["aliasText"] = aliasText(strs(out["aliases"]))
	}
	return out, nil
}

// undoRel puts back one relationship of the merged node and reverts the survivor's
// relationship it was merged into.
func (t *Tx) undoRel(ctx context.Context, survivorID, mergedID string, rel *mergeRel) error {
	props, err := decoded(rel.Props)
	if err != nil {
		return err
	}
	other := rel.Other
	switch {
	case rel.Type == relMergedInto && !rel.Out && rel.Class == LabelRedirect:
		_, err := t.run(ctx, `
			MATCH (x:Redirect {id: $other}), (m:Entity {id: $merged})
			OPTIONAL MATCH (x)-[old:MERGED_INTO]->()
			DELETE old
			CREATE (x)-[r:MERGED_INTO]->(m)
			SET r = $props`, map[string]any{"other": other, "merged": mergedID, "props": props})
		return err
	case rel.Class != LabelEntity:
		return fmt.Errorf("a %s relationship with a %s", rel.Type, rel.Class)
	case rel.Type != relMentions && !fixtures.Contains(fixtures.EdgeKinds, rel.Type):
		return fmt.Errorf("a relationship of type %q", rel.Type)
	}
	if rel.Type != relMentions {
		// The other end may have been merged since: the edge comes back at its survivor.
		now, err := t.targets(ctx, resolveTargetsCypher, []string{other})
		if err != nil {
			return err
		}
		tg, ok := now[other]
		if !ok {
			return nil // gone
		}
		if tg.id != other {
			other = tg.id
			e := fixtures.Edge{Kind: rel.Type, From: mergedID, To: other, Date: optStr(props["date"])}
			if !rel.Out {
				e.From, e.To = other, mergedID
			}
			props["key"] = e.Key()
		}
	}
	if rel.Moved != "" || rel.Type == relMentions {
		kind, key := rel.Type, rel.Moved
		if rel.Type == relMentions {
			key = other
		} else if other != rel.Other {
			e := fixtures.Edge{Kind: rel.Type, From: survivorID, To: other, Date: optStr(props["date"])}
			if !rel.Out {
				e.From, e.To = other, survivorID
			}
			key = e.Key()
		}
		current, err := t.survivorRelProps(ctx, survivorID, kind, key)
		if err != nil {
			return err
		}
		if current == nil && rel.Type != relMentions {
			return nil // the moved edge was removed after the merge: it stays removed
		}
		if current != nil {
			if err := t.revertSurvivorRel(ctx, survivorID, kind, key, rel, current); err != nil {
				return err
			}
		}
	}
	start, end := "m", "o"
	if !rel.Out {
		start, end = "o", "m"
	}
	_, err = t.run(ctx, `
		MATCH (m:Entity {id: $merged}), (o:Entity {id: $other})
		CREATE (`+start+`)-[r:$($type)]->(`+end+`)
		SET r = $props`, map[string]any{"merged": mergedID, "other": other, "type": rel.Type, "props": props})
	return err
}

// revertSurvivorRel reverts the survivor's relationship that rel was merged into; one the
// merge created goes when nothing was added to it since.
func (t *Tx) revertSurvivorRel(ctx context.Context, survivorID, kind, key string, rel *mergeRel, current map[string]any) error {
	before, err := decoded(rel.Before)
	if err != nil {
		return err
	}
	after, err := decoded(rel.After)
	if err != nil {
		return err
	}
	p := revert(before, after, current)
	drop := before == nil && len(strs(p["sources"])) == 0
	if before == nil && !drop {
		for _, k := range []string{"key", "confidence"} {
			if v, ok := current[k]; ok {
				p[k] = v
			}
		}
	}
	params := map[string]any{"key": key, "survivor": survivorID, "props": p}
	var match string
	if kind == relMentions {
		match = "MATCH (:Document:Entity {id: $key})-[r:MENTIONS]->(:Entity {id: $survivor}) "
	} else {
		mustKind(fixtures.EdgeKinds, kind)
		match = "MATCH ()-[r:" + kind + " {key: $key}]->() "
	}
	if drop {
		_, err = t.run(ctx, match+"DELETE r", params)
	} else {
		_, err = t.run(ctx, match+"SET r = $props", params)
	}
	return err
}

// revert is the three-way undo of a change from before to after on current: each property
// the change set and nothing changed since takes its value of before (absent if it had
// none); a list changed since loses what the change added; anything else stays as it is.
func revert(before, after, current map[string]any) map[string]any {
	out := map[string]any{}
	keys := map[string]bool{}
	for _, m := range []map[string]any{before, after, current} {
		for k := range m {
			keys[k] = true
		}
	}
	for k := range keys {
		b, bok := before[k]
		a, aok := after[k]
		c, cok := current[k]
		switch {
		case aok == cok && (!cok || sameValue(a, c)):
			if bok {
				out[k] = b
			}
		case !cok:
			// removed since the change: stays removed
		default:
			cl, clist := c.([]any)
			al, alist := a.([]any)
			if !clist || !alist {
				out[k] = c
				continue
			}
			had := map[string]bool{}
			bl, _ := b.([]any)
			for _, x := range bl {
				had[valueKey(x)] = true
			}
			added := map[string]bool{}
			for _, x := range al {
				if !had[valueKey(x)] {
					added[valueKey(x)] = true
				}
			}
			kept := make([]any, 0, len(cl))
			for _, x := range cl {
				if !added[valueKey(x)] {
					kept = append(kept, x)
				}
			}
			out[k] = kept
		}
	}
	return out
}

// valueKey is a property value's canonical form, which tells values of different types apart.
func valueKey(v any) string {
	var buf bytes.Buffer
	if err := encodeValue(&buf, v); err != nil {
		return fmt.Sprintf("%T %#v", v, v)
	}
	return buf.String()
}

// sameValue says whether two property values are equal, types included.
func sameValue(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return valueKey(a) == valueKey(b)
}
