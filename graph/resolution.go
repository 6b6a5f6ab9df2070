package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/entente/entente/fixtures"
)

// Entity resolution (DOMAIN.md, "Entity resolution"): DuplicateCandidates suggests pairs
// of nodes that may be the same, Judge records an analyst's verdict on a pair (same: the
// merge of MergeNodes; not the same: a Judgement), and SplitNode (split.go) undoes merges.
//
// Candidates are found by blocking, never by comparing all pairs: every ACCEPTED node of
// the kinds asked is read once (one statement), given keys in Go (its folded names, its
// acronyms and initials, its words in any order and translated through the glossary, a
// person's surname, a meeting's place and month), and only nodes that share a key, of the
// same kind (and, for agencies, the same state), are compared. A key shared by more than
// maxBlock nodes says nothing about any pair of them and is skipped. Pairs with a
// Judgement, either way, are never suggested again: judgements are kept by id and follow
// merges through the redirects.

// LabelJudgement marks an analyst's verdict that two nodes are not the same.
const LabelJudgement = "Judgement"

// ActionJudge is the history action of a judgement that two nodes are not the same,
// recorded on both (a judgement that they are the same is a merge: ActionMergeNodes).
const ActionJudge = "judge"

// maxBlock is the most nodes that share a key for the key to be used.
const maxBlock = 200

// Candidate is a pair of nodes that may be the same, scored 0..1, with the reasons.
type Candidate struct {
	A, B    *Node
	Score   float64
	Reasons []string
}

// glossaryMu guards glossary.
var glossaryMu sync.RWMutex

// glossary maps folded Italian and French words of agency names to their English.
var glossary map[string]string

// SetGlossary gives entity resolution the words of names in other languages with their
// English (the gazetteer's glossary, which the graph package cannot import).
func SetGlossary(words map[string]string) {
	g := make(map[string]string, len(words))
	for w, en := range words {
		if fw, fe := FoldName(w), FoldName(en); fw != "" && fe != "" && !strings.Contains(fw, " ") {
			g[fw] = fe
		}
	}
	glossaryMu.Lock()
	glossary = g
	glossaryMu.Unlock()
}

// Reasons, with the weight each gives a pair; a pair's score is 1 - Π(1 - weight).
const (
	reasonSameName     = "names equal after folding"
	reasonNameAlias    = "the name of one is an alias of the other"
	reasonSharedAlias  = "a shared alias"
	reasonSameAcronym  = "same acronym"
	reasonAcronymName  = "acronym of the other's name"
	reasonWordOrder    = "same words in another order"
	reasonSurname      = "surname of a person in the same document"
	reasonMeetingSame  = "same meeting date and place"
	reasonMeetingMonth = "same place, and one report gives only the month"
	reasonMeetingDates = "overlapping dates and the same place"
	reasonMeetingType  = "same kind of meeting"
)

var reasonWeight = map[string]float64{
	reasonSameName: 0.9, reasonNameAlias: 0.85, reasonSharedAlias: 0.7, reasonSameAcronym: 0.85,
	reasonAcronymName: 0.75, reasonWordOrder: 0.7, reasonSurname: 0.7, reasonMeetingSame: 0.8,
	reasonMeetingMonth: 0.6, reasonMeetingDates: 0.7, reasonMeetingType: 0.2,
}

// reasonTwoLanguages is the reason of names that translate alike through the glossary.
func reasonTwoLanguages(kind string, country *string) string {
	if kind == fixtures.KindAgency && country != nil {
		return "names in two languages of the same agency of " + *country
	}
	return "names in two languages that translate alike"
}

const weightTwoLanguages = 0.8

// candNode is a node as blocking reads it.
type candNode struct {
	id, kind, name                  string
	aliases                         []string
	country, start, end, place, sub *string
}

// Key roles: what a key says about the node that has it.
const (
	roleName     = 1 << iota // its name folded
	roleAlias                // one of its aliases folded
	roleAcronym              // a name or alias written as an acronym
	roleInitials             // the initials of its name or an alias
	roleWords                // its content words sorted
	roleGloss                // its content words translated and sorted
	roleSurname              // a person's last name, the person named in full
	roleSurOnly              // a person named by one word
	roleMeeting              // a meeting's place and month
)

// keys gives the blocking keys of a node with their roles.
func (n *candNode) keys(gloss map[string]string) map[string]int {
	out := map[string]int{}
	add := func(k string, role int) {
		if k != "" {
			out[k] |= role
		}
	}
	names := append([]string{n.name}, n.aliases...)
	for i, name := range names {
		role := roleAlias
		if i == 0 {
			role = roleName
		}
		add("n:"+FoldName(name), role)
		if ac, ok := acronymOf(name); ok {
			add("a:"+ac, roleAcronym)
		} else if in, ok := initialsOf(name); ok {
			add("a:"+in, roleInitials)
		}
		if n.kind != fixtures.KindPerson && n.kind != fixtures.KindMeeting {
			add("w:"+wordSetKey(name, nil), roleWords)
			if gloss != nil {
				add("g:"+wordSetKey(name, gloss), roleGloss)
			}
		}
	}
	if n.kind == fixtures.KindPerson {
		if words := foldWords(n.name); len(words) == 1 {
			add("s:"+words[0], roleSurOnly)
		} else if len(words) > 1 {
			add("s:"+words[len(words)-1], roleSurname)
		}
	}
	if n.kind == fixtures.KindMeeting && n.place != nil && n.start != nil && len(*n.start) >= 7 {
		add("m:"+FoldName(*n.place)+"|"+(*n.start)[:7], roleMeeting)
	}
	delete(out, "n:")
	delete(out, "w:")
	delete(out, "g:")
	return out
}

// block is the prefix of every key of a node: its kind, and an agency's state.
func (n *candNode) block() string {
	if n.kind == fixtures.KindAgency && n.country != nil {
		return n.kind + "|" + *n.country + "|"
	}
	return n.kind + "||"
}

// DuplicateCandidates returns the pairs of ACCEPTED nodes of the kinds (all when none)
// that may be the same, with a score of at least minScore, best first, at most first.
func (s *Store) DuplicateCandidates(ctx context.Context, kinds []string, minScore float64, first int) ([]Candidate, error) {
	if len(kinds) == 0 {
		kinds = fixtures.NodeKinds
	}
	for _, k := range kinds {
		if !fixtures.Contains(fixtures.NodeKinds, k) {
			return nil, inputf("%q is not a node kind", k)
		}
	}
	if err := within("first", first, 1, MaxPage); err != nil {
		return nil, err
	}
	if !(minScore >= 0 && minScore <= 1) {
		return nil, inputf("minScore must be between 0 and 1")
	}
	began := time.Now()
	recs, err := s.read(ctx, `
		MATCH (n:Entity) WHERE n.kind IN $kinds AND `+acceptedNode("n")+`
		RETURN [n.id, n.kind, n.name, n.country, n.startDate, n.endDate, n.place, n.subtype], n.aliases`,
		map[string]any{"kinds": kinds})
	if err != nil {
		return nil, err
	}
	nodes := make([]candNode, len(recs))
	for i, r := range recs {
		v, _ := r.Values[0].([]any)
		nodes[i] = candNode{id: str(v[0]), kind: str(v[1]), name: str(v[2]), country: optStr(v[3]),
			start: optStr(v[4]), end: optStr(v[5]), place: optStr(v[6]), sub: optStr(v[7]), aliases: strs(r.Values[1])}
	}
	glossaryMu.RLock()
	gloss := glossary
	glossaryMu.RUnlock()
	// Blocks: the nodes of each key, with the role the key has for each.
	type member struct {
		node int32
		role int
	}
	type blockT struct {
		tag string // the key's kind: "n:", "a:", ...
		ms  []member
	}
	blocks := map[string]*blockT{}
	for i := range nodes {
		prefix := nodes[i].block()
		for k, role := range nodes[i].keys(gloss) {
			b := blocks[prefix+k]
			if b == nil {
				b = &blockT{tag: k[:2]}
				blocks[prefix+k] = b
			}
			b.ms = append(b.ms, member{int32(i), role})
		}
	}
	type pairKey [2]int32
	pairs := map[pairKey]map[string]bool{}
	var surnames []pairKey
	addReason := func(p pairKey, reason string) {
		if pairs[p] == nil {
			pairs[p] = map[string]bool{}
		}
		pairs[p][reason] = true
	}
	skipped := 0
	for _, blk := range blocks {
		ms := blk.ms
		if len(ms) < 2 {
			continue
		}
		if len(ms) > maxBlock {
			skipped++
			continue
		}
		kind := blk.tag
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				x, y := ms[i], ms[j]
				a, b := &nodes[x.node], &nodes[y.node]
				if a.country != nil && b.country != nil && *a.country != *b.country {
					continue // agencies (or meetings, organisations) of two states
				}
				p := pairKey{x.node, y.node}
				if a.id > b.id {
					p = pairKey{y.node, x.node}
				}
				both := x.role | y.role
				switch kind {
				case "n:":
					switch {
					case x.role&roleName != 0 && y.role&roleName != 0:
						addReason(p, reasonSameName)
					case both&roleName != 0:
						addReason(p, reasonNameAlias)
					default:
						addReason(p, reasonSharedAlias)
					}
				case "a:":
					switch {
					case x.role&roleAcronym != 0 && y.role&roleAcronym != 0:
						addReason(p, reasonSameAcronym)
					case both&roleAcronym != 0:
						addReason(p, reasonAcronymName)
					}
				case "w:":
					addReason(p, reasonWordOrder)
				case "g:":
					addReason(p, reasonTwoLanguages(a.kind, a.country))
				case "s:":
					if both&roleSurOnly != 0 {
						surnames = append(surnames, p)
					}
				case "m:":
					if r := meetingReason(a, b); r != "" {
						addReason(p, r)
						if a.sub != nil && b.sub != nil && FoldName(*a.sub) == FoldName(*b.sub) {
							addReason(p, reasonMeetingType)
						}
					}
				}
			}
		}
	}
	// A surname alone is the person named in full only when a document names both.
	if len(surnames) > 0 {
		rows := make([]any, len(surnames))
		for i, p := range surnames {
			rows[i] = []any{nodes[p[0]].id, nodes[p[1]].id, i}
		}
		recs, err := s.read(ctx, `
			UNWIND $rows AS row
			MATCH (:Entity {id: row[0]})<-[:MENTIONS]-(d:Document)
			WHERE EXISTS { MATCH (d)-[:MENTIONS]->(:Entity {id: row[1]}) }
			RETURN DISTINCT row[2]`, map[string]any{"rows": rows})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			if i, ok := r.Values[0].(int64); ok {
				addReason(surnames[i], reasonSurname)
			}
		}
	}
	judged, err := s.judgedPairs(ctx)
	if err != nil {
		return nil, err
	}
	type scored struct {
		p       pairKey
		score   float64
		reasons []string
	}
	var found []scored
	for p, reasons := range pairs {
		a, b := nodes[p[0]].id, nodes[p[1]].id
		if judged[[2]string{a, b}] {
			continue
		}
		miss := 1.0
		list := make([]string, 0, len(reasons))
		for r := range reasons {
			w, ok := reasonWeight[r]
			if !ok {
				w = weightTwoLanguages
			}
			miss *= 1 - w
			list = append(list, r)
		}
		score := math.Round((1-miss)*1000) / 1000
		if score < minScore {
			continue
		}
		sort.Slice(list, func(i, j int) bool {
			wi, wj := reasonWeight[list[i]], reasonWeight[list[j]]
			if wi != wj {
				return wi > wj
			}
			return list[i] < list[j]
		})
		found = append(found, scored{p, score, list})
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].score != found[j].score {
			return found[i].score > found[j].score
		}
		ai, aj := nodes[found[i].p[0]].id, nodes[found[j].p[0]].id
		if ai != aj {
			return ai < aj
		}
		return nodes[found[i].p[1]].id < nodes[found[j].p[1]].id
	})
	if len(found) > first {
		found = found[:first]
	}
	ids := make([]string, 0, 2*len(found))
	for _, f := range found {
		ids = append(ids, nodes[f.p[0]].id, nodes[f.p[1]].id)
	}
	read, err := s.NodesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Candidate, 0, len(found))
	for i, f := range found {
		if read[2*i] == nil || read[2*i+1] == nil {
			continue // merged or removed since it was read
		}
		out = append(out, Candidate{A: read[2*i], B: read[2*i+1], Score: f.score, Reasons: f.reasons})
	}
	s.log.Debug().Int("nodes", len(nodes)).Int("blocks", len(blocks)).Int("skipped", skipped).
		Int("pairs", len(pairs)).Dur("took", time.Since(began)).Msg("duplicate candidates")
	return out, nil
}

// meetingReason says why two meetings in the same place and month may be one: the same
// start, one dated by its month only, or overlapping dates; "" when they are not.
func meetingReason(a, b *candNode) string {
	sa, sb := *a.start, *b.start
	switch {
	case sa == sb:
		return reasonMeetingSame
	case len(sa) == 7 || len(sb) == 7:
		return reasonMeetingMonth
	}
	ea, eb := sa, sb
	if a.end != nil && len(*a.end) == len(sa) {
		ea = *a.end
	}
	if b.end != nil && len(*b.end) == len(sb) {
		eb = *b.end
	}
	if sa <= eb && sb <= ea {
		return reasonMeetingDates
	}
	return ""
}

// judgedPairs are the pairs of live node ids (in id order) with a Judgement, each id
// followed through the redirects of later merges.
func (s *Store) judgedPairs(ctx context.Context) (map[[2]string]bool, error) {
	recs, err := s.read(ctx, `
		MATCH (j:`+LabelJudgement+`)
		OPTIONAL MATCH (:Redirect {id: j.a})-[:MERGED_INTO]->(sa:Entity)
		OPTIONAL MATCH (:Redirect {id: j.b})-[:MERGED_INTO]->(sb:Entity)
		RETURN coalesce(sa.id, j.a), coalesce(sb.id, j.b)`, nil)
	if err != nil {
		return nil, err
	}
	out := map[[2]string]bool{}
	for _, r := range recs {
		a, b := str(r.Values[0]), str(r.Values[1])
		if a > b {
			a, b = b, a
		}
		out[[2]string{a, b}] = true
	}
	return out, nil
}

// Judge records an analyst's verdict on nodes a and b. same: b is merged into a, as
// MergeNodes does, and the survivor is returned; not the same: a Judgement {a, b, actor,
// at} is kept, recorded in the history of both, the pair is never suggested again, and a
// is returned. The nodes must be of the same kind, and agencies of the same state.
func (s *Store) Judge(ctx context.Context, a, b string, same bool) (*Node, error) {
	if err := checkIDs(a, b); err != nil {
		return nil, err
	}
	if a == b {
		return nil, inputf("a and b are the same id %q: judge two different nodes", a)
	}
	if same {
		ns, err := s.NodesByID(ctx, []string{a, b})
		if err != nil {
			return nil, err
		}
		for i, id := range []string{a, b} {
			if ns[i] == nil {
				return nil, &NotFoundError{ID: id}
			}
		}
		if err := judgeable(ns[0], ns[1]); err != nil {
			return nil, err
		}
		return s.MergeNodes(ctx, a, b)
	}
	var out *Node
	err := s.write(ctx, func(tx *Tx) error {
		ns, err := tx.lock(ctx, a, b)
		if err != nil {
			return err
		}
		for _, id := range []string{a, b} {
			if _, ok := ns[id]; !ok {
				return &NotFoundError{ID: id}
			}
		}
		if ns[a].id == ns[b].id {
			return inputf("%q and %q are already the same node (split %q to undo the merge)", a, b, ns[a].id)
		}
		na, err := tx.node(ctx, ns[a].id)
		if err != nil {
			return err
		}
		nb, err := tx.node(ctx, ns[b].id)
		if err != nil {
			return err
		}
		if err := judgeable(na, nb); err != nil {
			return err
		}
		at := time.Now().UTC().Format(changeTime)
		if _, err := tx.run(ctx, `
			CREATE (:`+LabelJudgement+` {id: $id, a: $a, b: $b, same: false, actor: $actor, at: $at})`,
			map[string]any{"id": judgementID(), "a": na.ID, "b": nb.ID, "actor": ActorOf(ctx), "at": at}); err != nil {
			return err
		}
		out = na
		detail := map[string]any{"a": na.ID, "b": nb.ID, "same": false}
		return tx.record(ctx, nil, []change{{Subject: na.ID, Action: ActionJudge, Detail: detail},
			{Subject: nb.ID, Action: ActionJudge, Detail: detail}})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// judgeable refuses pairs that can never be the same node.
func judgeable(a, b *Node) error {
	switch {
	case a.ID == b.ID:
		return inputf("%q and %q are already the same node", a.ID, b.ID)
	case a.Kind == KindDocument || b.Kind == KindDocument:
		return inputf("documents are not judged: judge the nodes they mention")
	case a.Kind != b.Kind:
		return inputf("%q is a %s and %q a %s: only nodes of the same kind can be judged", a.ID, a.Kind, b.ID, b.Kind)
	case a.Kind == fixtures.KindAgency && a.Country != nil && b.Country != nil && *a.Country != *b.Country:
		return inputf("%q is an agency of %s and %q one of %s: agencies of two states are never the same", a.ID, *a.Country, b.ID, *b.Country)
	}
	return nil
}

// judgementID is a random id for a Judgement (its key in backups).
func judgementID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return "judgement:" + hex.EncodeToString(b)
}
