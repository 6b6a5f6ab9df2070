package graph

import (
	"cmp"
	"container/heap"
	"context"
	"crypto/rand"
	"encoding/hex"
	"hash/maphash"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

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
const maxBlock = 64

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
	lastCandidates.Lock()
	lastCandidates.set = nil // its keys were made with the old words
	lastCandidates.Unlock()
}

// Reasons: one bit each in a pair's reasons, with the weight it gives the pair; a pair's
// score is 1 - Π(1 - weight).
const (
	bitSameName uint16 = 1 << iota
	bitNameAlias
	bitSharedAlias
	bitSameAcronym
	bitAcronymName
	bitWordOrder
	bitTwoLanguages
	bitSurname
	bitMeetingSame
	bitMeetingMonth
	bitMeetingDates
	bitMeetingType
	bitYearsApart
	reasonBits = iota
)

// yearsApartFactor scales the score of a pair dated years apart (bitYearsApart): two
// roadmaps or projects of one generic name ("Action Plan") adopted in different years
// are most likely two, whatever else they share.
const yearsApartFactor = 0.2

// reasons are the words and weights of the reason bits, in bit order.
var reasons = [reasonBits]struct {
	text   string // "" for bitTwoLanguages, whose words name the state (reasonTwoLanguages)
	weight float64
}{
	{"names equal after folding", 0.9},
	{"the name of one is an alias of the other", 0.85},
	{"a shared alias", 0.7},
	{"same acronym", 0.85},
	{"acronym of the other's name", 0.75},
	{"same words in another order", 0.7},
	{"", 0.8},
	{"surname of a person in the same document", 0.7},
	{"same meeting date and place", 0.8},
	{"same place, and one report gives only the month", 0.6},
	{"overlapping dates and the same place", 0.7},
	{"same kind of meeting", 0.2},
	{"", 0}, // bitYearsApart: a factor (yearsApartFactor), its words name the years (reasonYearsApart)
}

// bitIndex is the position of a one-bit reason.
func bitIndex(bit uint16) int { return bits.TrailingZeros16(bit) }

// reasonTwoLanguages is the reason of names that translate alike through the glossary.
func reasonTwoLanguages(kind string, country *string) string {
	if kind == fixtures.KindAgency && country != nil {
		return "names in two languages of the same agency of " + *country
	}
	return "names in two languages that translate alike"
}

// reasonYearsApart is the reason of two nodes dated years apart (datedYearsApart).
func reasonYearsApart(a, b *candNode) string {
	ya, yb := yearsOf(a), yearsOf(b)
	if ya[0] > yb[0] {
		ya, yb = yb, ya
	}
	return "dated years apart (" + yearText(ya) + " and " + yearText(yb) + "): most likely two different ones"
}

// yearText is a span of years as a reason writes it: "2019" or "2019-2021".
func yearText(y [2]string) string {
	if y[0] == y[1] {
		return y[0]
	}
	return y[0] + "-" + y[1]
}

// yearsOf is the span of years of a dated node: its start year to its end year (its
// start year when it has no end, or an end before its start).
func yearsOf(n *candNode) [2]string {
	lo := (*n.start)[:4]
	hi := lo
	if n.end != nil && len(*n.end) >= 4 && (*n.end)[:4] > lo {
		hi = (*n.end)[:4]
	}
	return [2]string{lo, hi}
}

// datedYearsApart says whether two nodes other than meetings (roadmaps, projects) are
// both dated, to the year at least, on spans of years that do not overlap.
func datedYearsApart(a, b *candNode) bool {
	if a.kind == fixtures.KindMeeting || a.start == nil || b.start == nil || len(*a.start) < 4 || len(*b.start) < 4 {
		return false
	}
	ya, yb := yearsOf(a), yearsOf(b)
	return ya[1] < yb[0] || yb[1] < ya[0]
}

// scoreOf is the score of a set of reason bits, rounded to 3 decimals.
func scoreOf(set uint16) float64 {
	miss := 1.0
	for i := range reasonBits {
		if set&(1<<i) != 0 && 1<<i != bitYearsApart {
			miss *= 1 - reasons[i].weight
		}
	}
	score := 1 - miss
	if set&bitYearsApart != 0 {
		score *= yearsApartFactor
	}
	return math.Round(score*1000) / 1000
}

// reasonTexts are the words of a set of reason bits of the pair a, b, strongest first
// (ties in bit order); dates years apart, which lower the score, come last.
func reasonTexts(set uint16, a, b *candNode) []string {
	var idx []int
	for i := range reasonBits {
		if set&(1<<i) != 0 && 1<<i != bitYearsApart {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return reasons[idx[a]].weight > reasons[idx[b]].weight })
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = reasons[i].text
		if i == bitIndex(bitTwoLanguages) {
			out[k] = reasonTwoLanguages(a.kind, a.country)
		}
	}
	if set&bitYearsApart != 0 {
		out = append(out, reasonYearsApart(a, b))
	}
	return out
}

// candNode is a node as blocking reads it.
type candNode struct {
	id, kind, name                  string
	aliases                         []string
	country, start, end, place, sub *string
}

// Key tags (the first byte of a key) and roles (what a key says about the node that has it).
const (
	tagName    = 'n' // a name or alias folded
	tagAcronym = 'a' // an acronym, or the initials of a name
	tagWords   = 'w' // content words sorted
	tagGloss   = 'g' // content words translated and sorted
	tagSurname = 's' // a person's last name
	tagMeeting = 'm' // a meeting's place and month
)

const (
	roleName     uint8 = 1 << iota // its name
	roleAlias                      // one of its aliases
	roleAcronym                    // a name or alias written as an acronym
	roleInitials                   // the initials of its name or an alias
	roleSurOnly                    // a person named by one word
)

// nodeKey is one blocking key of a node: a hash of its tag, the node's block (kind, and
// an agency's state) and the key's text.
type nodeKey struct {
	hash uint64
	tag  byte
	role uint8
}

// keyed is a key of the node with this index.
type keyed struct {
	nodeKey
	node int32
}

// keyer computes the blocking keys of nodes, reusing its buffer.
type keyer struct {
	seed  maphash.Seed
	gloss map[string]string
	buf   []byte
	out   []nodeKey
}

// add hashes one key of the node n.
func (k *keyer) add(n *candNode, tag byte, role uint8, parts ...string) {
	k.buf = append(k.buf[:0], tag, 0)
	k.buf = append(k.buf, n.kind...)
	k.buf = append(k.buf, 0)
	if n.kind == fixtures.KindAgency && n.country != nil {
		k.buf = append(k.buf, *n.country...)
	}
	k.buf = append(k.buf, 0)
	for i, p := range parts {
		if i > 0 {
			k.buf = append(k.buf, ' ')
		}
		k.buf = append(k.buf, p...)
	}
	h := maphash.Bytes(k.seed, k.buf)
	for i := range k.out {
		if k.out[i].hash == h {
			k.out[i].role |= role
			return
		}
	}
	k.out = append(k.out, nodeKey{h, tag, role})
}

// keys gives the blocking keys of a node: by kind, only those that can say something.
func (k *keyer) keys(n *candNode) []nodeKey {
	k.out = k.out[:0]
	named := n.kind != fixtures.KindPerson && n.kind != fixtures.KindMeeting
	for i := -1; i < len(n.aliases); i++ {
		name, role := n.name, uint8(roleName)
		if i >= 0 {
			name, role = n.aliases[i], roleAlias
		}
		words := foldWords(name)
		if len(words) == 0 || n.kind == fixtures.KindMeeting && len(words) < 2 {
			continue // "the meeting", "training": a noun alone names no meeting in particular
		}
		k.add(n, tagName, role, words...)
		if !named {
			continue
		}
		if ac, ok := acronymOf(name); ok {
			k.add(n, tagAcronym, roleAcronym, ac)
		}
		content := words[:0:0]
		for _, w := range words {
			if !stopWords[w] {
				content = append(content, w)
			}
		}
		if len(content) < 2 {
			continue
		}
		if len(content) <= 12 {
			initials := make([]byte, 0, len(content))
			for _, w := range content {
				initials = append(initials, w[0])
			}
			k.add(n, tagAcronym, roleInitials, string(initials))
		}
		sorted := slices.Clone(content)
		slices.Sort(sorted)
		k.add(n, tagWords, 0, sorted...)
		if k.gloss != nil {
			changed := false
			for j, w := range sorted {
				if en, ok := k.gloss[w]; ok && en != w {
					sorted[j], changed = en, true
				}
			}
			if changed {
				slices.Sort(sorted)
			}
			k.add(n, tagGloss, 0, sorted...)
		}
	}
	switch n.kind {
	case fixtures.KindPerson:
		if words := foldWords(n.name); len(words) == 1 {
			k.add(n, tagSurname, roleSurOnly, words[0])
		} else if len(words) > 1 {
			k.add(n, tagSurname, 0, words[len(words)-1])
		}
	case fixtures.KindMeeting:
		if n.place != nil && n.start != nil && len(*n.start) >= 7 {
			k.add(n, tagMeeting, 0, FoldName(*n.place), (*n.start)[:7])
		}
	}
	return k.out
}

// candSep separates the fields of a node as candidateSet reads it.
const candSep = "\x1f"

// candNodeOf reads a node as candidateSet's statement writes it.
func candNodeOf(row string) (candNode, bool) {
	f := strings.Split(row, candSep)
	if len(f) != 5 && len(f) != 9 {
		return candNode{}, false
	}
	n := candNode{id: f[0], kind: f[1], name: f[2], country: nonEmpty(f[3])}
	if f[4] != "" {
		n.aliases = strings.Split(f[4], aliasText([]string{"", ""}))
	}
	if len(f) == 9 {
		n.start, n.end, n.place, n.sub = nonEmpty(f[5]), nonEmpty(f[6]), nonEmpty(f[7]), nonEmpty(f[8])
	}
	return n, true
}

// candidateSet is what DuplicateCandidates computes from the whole graph, kept for the
// graph's version (Version): the nodes read and the reasons of each pair of them.
type candidateSet struct {
	version string
	kinds   string
	nodes   []candNode
	pairs   map[uint64]uint16 // i<<32 | j (node indexes, ids in order) -> reason bits
}

// lastCandidates is the candidate set last computed (one: the kinds asked vary little).
var lastCandidates struct {
	sync.Mutex
	set *candidateSet
}

// DuplicateCandidates returns the pairs of ACCEPTED nodes of the kinds (all when none)
// that may be the same, with a score of at least minScore, best first (ties by ids), at
// most first. The pairs found are kept until the graph changes (Version).
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
	kinds = slices.Clone(kinds)
	slices.Sort(kinds)
	kinds = slices.Compact(kinds)
	set, err := s.candidateSet(ctx, kinds)
	if err != nil {
		return nil, err
	}
	judged, err := s.judgedPairs(ctx)
	if err != nil {
		return nil, err
	}
	nodes := set.nodes
	skip := map[uint64]bool{}
	if len(judged) > 0 {
		index := map[string]uint64{}
		for _, p := range judged {
			index[p[0]], index[p[1]] = math.MaxUint64, math.MaxUint64
		}
		for i := range nodes {
			if _, ok := index[nodes[i].id]; ok {
				index[nodes[i].id] = uint64(i)
			}
		}
		for _, p := range judged {
			a, b := index[p[0]], index[p[1]]
			if a != math.MaxUint64 && b != math.MaxUint64 {
				skip[a<<32|b], skip[b<<32|a] = true, true
			}
		}
	}
	// The best first pairs: a bounded heap, worst on top.
	h := &pairHeap{nodes: nodes}
	for p, bits := range set.pairs {
		if skip[p] {
			continue
		}
		score := scoreOf(bits)
		if score < minScore {
			continue
		}
		e := scoredPair{p, score}
		if h.Len() < first {
			heap.Push(h, e)
		} else if h.better(e, h.list[0]) {
			h.list[0] = e
			heap.Fix(h, 0)
		}
	}
	found := make([]scoredPair, h.Len())
	for i := len(found) - 1; i >= 0; i-- {
		found[i] = heap.Pop(h).(scoredPair)
	}
	ids := make([]string, 0, 2*len(found))
	for _, f := range found {
		ids = append(ids, nodes[f.p>>32].id, nodes[f.p&math.MaxUint32].id)
	}
	read, err := s.NodesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Candidate, 0, len(found))
	for i, f := range found {
		if read[2*i] == nil || read[2*i+1] == nil || read[2*i].ID == read[2*i+1].ID {
			continue // merged or removed since it was read
		}
		out = append(out, Candidate{A: read[2*i], B: read[2*i+1], Score: f.score, Reasons: reasonTexts(set.pairs[f.p], &nodes[f.p>>32], &nodes[f.p&math.MaxUint32])})
	}
	return out, nil
}

// scoredPair is a pair (i<<32 | j) with its score.
type scoredPair struct {
	p     uint64
	score float64
}

// pairHeap keeps the best pairs seen, the worst of them on top.
type pairHeap struct {
	nodes []candNode
	list  []scoredPair
}

// better orders pairs best first: higher score, then ids.
func (h *pairHeap) better(a, b scoredPair) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	ai, bi := h.nodes[a.p>>32].id, h.nodes[b.p>>32].id
	if ai != bi {
		return ai < bi
	}
	return h.nodes[a.p&math.MaxUint32].id < h.nodes[b.p&math.MaxUint32].id
}

func (h *pairHeap) Len() int           { return len(h.list) }
func (h *pairHeap) Less(i, j int) bool { return h.better(h.list[j], h.list[i]) }
func (h *pairHeap) Swap(i, j int)      { h.list[i], h.list[j] = h.list[j], h.list[i] }
func (h *pairHeap) Push(x any)         { h.list = append(h.list, x.(scoredPair)) }
func (h *pairHeap) Pop() any {
	x := h.list[len(h.list)-1]
	h.list = h.list[:len(h.list)-1]
	return x
}

// candidateSet reads the nodes of the kinds (sorted) and finds the pairs that share a
// key, or returns the set kept for the graph's version. The version is read in the same
// transaction as the nodes.
func (s *Store) candidateSet(ctx context.Context, kinds []string) (*candidateSet, error) {
	began := time.Now()
	glossaryMu.RLock()
	gloss := glossary
	glossaryMu.RUnlock()
	kindsKey := strings.Join(kinds, ",")
	var set *candidateSet
	err := s.readTx(ctx, func(run func(string, map[string]any) ([]*neo4j.Record, error)) error {
		recs, err := run("OPTIONAL MATCH (v:"+LabelVersion+" {id: 'graph'}) RETURN v.epoch + ':' + toString(v.count)", nil)
		if err != nil {
			return err
		}
		version, _ := recs[0].Values[0].(string)
		lastCandidates.Lock()
		if c := lastCandidates.set; c != nil && version != "" && c.version == version && c.kinds == kindsKey {
			set = c
		}
		lastCandidates.Unlock()
		if set != nil {
			return nil
		}
		// One record of one string per node: decoding 100,000 records of lists took most
		// of the time. The aliases come joined as the full-text index reads them (aliasText).
		recs, err = run(`
			MATCH (n:Entity) WHERE n.kind IN $kinds AND `+acceptedNode("n")+`
			RETURN collect(n.id + $sep + n.kind + $sep + coalesce(n.name, '') + $sep + coalesce(n.country, '') + $sep +
			  coalesce(n.aliasText, reduce(t = '', a IN coalesce(n.aliases, []) | t + CASE WHEN t = '' THEN '' ELSE $join END + a)) +
			  CASE WHEN n:Meeting OR n.startDate IS NOT NULL THEN $sep + coalesce(n.startDate, '') + $sep + coalesce(n.endDate, '') + $sep +
			    coalesce(n.place, '') + $sep + coalesce(n.subtype, '') ELSE '' END)`,
			map[string]any{"kinds": kinds, "sep": candSep, "join": aliasText([]string{"", ""})})
		if err != nil {
			return err
		}
		rows, _ := recs[0].Values[0].([]any)
		set = &candidateSet{version: version, kinds: kindsKey, nodes: make([]candNode, 0, len(rows))}
		for _, r := range rows {
			if n, ok := candNodeOf(str(r)); ok {
				set.nodes = append(set.nodes, n)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if set.pairs != nil {
		return set, nil
	}
	read := time.Since(began)
	nodes := set.nodes
	// The keys of each node, computed on every CPU (folding is most of the work), then
	// sorted by hash: a run of one hash is a block, the nodes that share that key.
	seed := maphash.MakeSeed()
	workers := max(1, min(runtime.GOMAXPROCS(0), len(nodes)/1000))
	parts := make([][]keyed, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := &keyer{seed: seed, gloss: gloss}
			out := make([]keyed, 0, 8*len(nodes)/workers)
			for i := w; i < len(nodes); i += workers {
				for _, key := range k.keys(&nodes[i]) {
					out = append(out, keyed{key, int32(i)})
				}
			}
			parts[w] = out
		}()
	}
	wg.Wait()
	all := slices.Concat(parts...)
	parts = nil
	slices.SortFunc(all, func(a, b keyed) int {
		if c := cmp.Compare(a.hash, b.hash); c != 0 {
			return c
		}
		return cmp.Compare(a.node, b.node)
	})
	keyedAt := time.Since(began)
	pairs := make(map[uint64]uint16, 8*len(nodes))
	var surnames []uint64
	skipped, blocks := 0, 0
	for start := 0; start < len(all); {
		end := start + 1
		for end < len(all) && all[end].hash == all[start].hash {
			end++
		}
		ms, tag := all[start:end], all[start].tag
		start = end
		blocks++
		if len(ms) < 2 {
			continue
		}
		if len(ms) > maxBlock {
			skipped++
			continue
		}
		for i := range ms {
			for j := i + 1; j < len(ms); j++ {
				x, y := ms[i], ms[j]
				a, b := &nodes[x.node], &nodes[y.node]
				if a.country != nil && b.country != nil && *a.country != *b.country {
					continue // agencies (or meetings, organisations) of two states
				}
				if a.kind == fixtures.KindMeeting && !meetingsMayMatch(a, b) {
					continue // meetings in two places, or on dates that do not overlap
				}
				p := uint64(x.node)<<32 | uint64(y.node)
				if a.id > b.id {
					p = uint64(y.node)<<32 | uint64(x.node)
				}
				both := x.role | y.role
				var bit uint16
				switch tag {
				case tagName:
					switch {
					case x.role&roleName != 0 && y.role&roleName != 0:
						bit = bitSameName
					case both&roleName != 0:
						bit = bitNameAlias
					default:
						bit = bitSharedAlias
					}
				case tagAcronym:
					switch {
					case x.role&roleAcronym != 0 && y.role&roleAcronym != 0:
						bit = bitSameAcronym
					case both&roleAcronym != 0:
						bit = bitAcronymName
					}
				case tagWords:
					bit = bitWordOrder
				case tagGloss:
					bit = bitTwoLanguages
				case tagSurname:
					if both&roleSurOnly != 0 {
						surnames = append(surnames, p)
					}
				case tagMeeting:
					bit = meetingReason(a, b)
					if bit != 0 && a.sub != nil && b.sub != nil && FoldName(*a.sub) == FoldName(*b.sub) {
						bit |= bitMeetingType
					}
				}
				if bit != 0 {
					if datedYearsApart(a, b) {
						bit |= bitYearsApart
					}
					pairs[p] |= bit
				}
			}
		}
	}
	// The words of two names that translate alike are also the same words: one reason.
	for p, bits := range pairs {
		if bits&bitWordOrder != 0 && bits&bitTwoLanguages != 0 {
			pairs[p] = bits &^ bitTwoLanguages
		}
	}
	// A surname alone is the person named in full only when a document names both.
	if len(surnames) > 0 {
		rows := make([]any, len(surnames))
		for i, p := range surnames {
			rows[i] = []any{nodes[p>>32].id, nodes[p&math.MaxUint32].id, i}
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
				pairs[surnames[i]] |= bitSurname
			}
		}
	}
	set.pairs = pairs
	if set.version != "" {
		lastCandidates.Lock()
		lastCandidates.set = set
		lastCandidates.Unlock()
	}
	s.log.Debug().Int("nodes", len(nodes)).Int("blocks", blocks).Int("skipped", skipped).Int("pairs", len(pairs)).
		Dur("read", read).Dur("keyed", keyedAt).Dur("took", time.Since(began)).Msg("duplicate candidates computed")
	return set, nil
}

// meetingReason says why two meetings in the same place and month may be one: the same
// start, one dated by its month only, or overlapping dates; 0 when they are not.
func meetingReason(a, b *candNode) uint16 {
	sa, sb := *a.start, *b.start
	switch {
	case sa == sb:
		return bitMeetingSame
	case len(sa) == 7 || len(sb) == 7:
		return bitMeetingMonth
	}
	ea, eb := sa, sb
	if a.end != nil && len(*a.end) == len(sa) {
		ea = *a.end
	}
	if b.end != nil && len(*b.end) == len(sb) {
		eb = *b.end
	}
	if sa <= eb && sb <= ea {
		return bitMeetingDates
	}
	return 0
}

// judgedPairs are the pairs of live node ids with a Judgement, each id followed through
// the redirects of later merges.
func (s *Store) judgedPairs(ctx context.Context) ([][2]string, error) {
	recs, err := s.read(ctx, `
		MATCH (j:`+LabelJudgement+`)
		OPTIONAL MATCH (:Redirect {id: j.a})-[:MERGED_INTO]->(sa:Entity)
		OPTIONAL MATCH (:Redirect {id: j.b})-[:MERGED_INTO]->(sb:Entity)
		RETURN coalesce(sa.id, j.a), coalesce(sb.id, j.b)`, nil)
	if err != nil {
		return nil, err
	}
	out := make([][2]string, len(recs))
	for i, r := range recs {
		out[i] = [2]string{str(r.Values[0]), str(r.Values[1])}
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
