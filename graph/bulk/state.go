package bulk

import (
	"github.com/entente/entente/fixtures"
)

// The state of the graph as the incremental import would leave it, kept in memory while
// the fixtures are streamed: one record per distinct node id, document id and edge key
// (the id map). It applies the rules of graph.Store.Import file by file, in the order of
// the files, so that what it writes as CSV is what the incremental path would store.

// Review statuses as stored: accepted stores nothing.
const (
	stAccepted uint8 = iota
	stProposed
	stRejected
)

// statusOf is a fixture's status as stored.
func statusOf(s string) uint8 {
	switch s {
	case fixtures.StatusProposed:
		return stProposed
	case fixtures.StatusRejected:
		return stRejected
	}
	return stAccepted
}

// statusName is the status as the history records it (graph.StatusAccepted...).
func statusName(s uint8) string {
	switch s {
	case stProposed:
		return "PROPOSED"
	case stRejected:
		return "REJECTED"
	}
	return "ACCEPTED"
}

// rank orders the statuses of one fact met twice in one fixture (graph's statusRank):
// a rejection wins, then an acceptance, then a proposal.
func rank(s uint8) int {
	switch s {
	case stRejected:
		return 2
	case stAccepted:
		return 1
	}
	return 0
}

// mergeStatus is the status a stored fact takes when a fixture brings incoming (graph's
// statusMergeCypher, not curated): accepted and rejected stay, a proposal takes it.
func mergeStatus(current, incoming uint8) uint8 {
	if current == stAccepted || current == stRejected {
		return current
	}
	return incoming
}

// Node properties that a fixture's non-null value overwrites, in the order of the CSV.
const (
	pCountry = iota
	pStartDate
	pEndDate
	pPlace
	pTitle
	pSubtype
	pDescription
	nodeProps
)

var nodePropNames = [nodeProps]string{"country", "startDate", "endDate", "place", "title", "subtype", "description"}

// props is a fixed set of optional string properties.
type props[T any] struct {
	v   T
	set uint16
}

// node is one node as stored.
type node struct {
	kind       string
	name       string
	aliases    []string // every surface form but the name, in the order met
	refs       []string // reference sources (JSON), in the order met
	props      props[[nodeProps]string]
	confidence float64
	status     uint8
	mentions   []mention // MENTIONS from documents, with their spans
	// frozen is what the CSV holds of a node that a meeting merge touched (tainted): the
	// node as it was then. What comes later is replayed by the post-pass (graph.BulkStep).
	frozen  *node
	tainted bool
	gone    bool // merged away: its id redirects to its survivor
}

// mention is the MENTIONS of one document, with its spans (JSON) in the order met.
type mention struct {
	doc   string
	spans []string
}

func (n *node) prop(i int) (string, bool) { return n.props.v[i], n.props.set&(1<<i) != 0 }

func (n *node) setProp(i int, v string) {
	n.props.v[i] = v
	n.props.set |= 1 << i
}

// clone is a copy of n that later changes to n do not reach.
func (n *node) clone() *node {
	c := *n
	c.aliases = append([]string(nil), n.aliases...)
	c.refs = append([]string(nil), n.refs...)
	c.mentions = make([]mention, len(n.mentions))
	for i, m := range n.mentions {
		c.mentions[i] = mention{m.doc, append([]string(nil), m.spans...)}
	}
	c.frozen = nil
	return &c
}

// mentionOf returns the MENTIONS of n from doc, created when missing.
func (n *node) mentionOf(doc string) *mention {
	for i := range n.mentions {
		if n.mentions[i].doc == doc {
			return &n.mentions[i]
		}
	}
	n.mentions = append(n.mentions, mention{doc: doc})
	return &n.mentions[len(n.mentions)-1]
}

// document is one document as stored.
type document struct {
	name  string
	props props[[docProps]string]
}

const (
	dTitle = iota
	dLanguage
	dFile
	dSHA256
	dPublished
	dURL
	dText
	docProps
)

var docPropNames = [docProps]string{"title", "language", "file", "sha256", "published", "url", "text"}

// Edge properties that a fixture's non-null value overwrites (amount apart: a number).
const (
	eRole = iota
	eDate
	eTitle
	ePlace
	eCurrency
	edgeProps
)

var edgePropNames = [edgeProps]string{"role", "date", "title", "place", "currency"}

// edge is one relationship as stored.
type edge struct {
	kind, from, to, key string
	props               props[[edgeProps]string]
	amount              float64
	hasAmount           bool
	sources             []string
	confidence          float64
	status              uint8
	// frozen is what the CSV holds of an edge at a node a meeting merge touched, as it was
	// then; absent says the CSV holds none (the post-pass creates it).
	frozen *edge
	absent bool
	gone   bool
}

func (e *edge) clone() *edge {
	c := *e
	c.sources = append([]string(nil), e.sources...)
	c.frozen = nil
	return &c
}

// freeze keeps what the CSV holds of e before a change the post-pass makes.
func (e *edge) freeze() {
	if e.frozen == nil && !e.absent {
		e.frozen = e.clone()
	}
}

// union appends to old the strings of more that are neither in old nor except, each once
// (graph's union).
func union(old, more []string, except string) []string {
	if len(more) == 0 {
		return old
	}
	seen := make(map[string]bool, len(old)+1)
	for _, s := range old {
		seen[s] = true
	}
	seen[except] = true
	for _, s := range more {
		if !seen[s] {
			seen[s] = true
			old = append(old, s)
		}
	}
	return old
}

// orderedSet is an insertion-ordered set of strings.
type orderedSet struct {
	seen map[string]bool
	list []string
}

func (s *orderedSet) add(xs ...string) {
	for _, x := range xs {
		if x == "" || s.seen[x] {
			continue
		}
		if s.seen == nil {
			s.seen = map[string]bool{}
		}
		s.seen[x] = true
		s.list = append(s.list, x)
	}
}
