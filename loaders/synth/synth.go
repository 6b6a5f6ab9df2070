// Package synth generates a deterministic synthetic Entente graph as fixture files, for
// benchmarks at scale: heavy-tailed degrees, kinds in realistic proportions, memoranda,
// meetings with tens of participants, fundings, dates over twenty years, and names and
// aliases in English, Italian and French (with a few in other scripts).
//
// Every node is a pure function of (seed, kind, index), so any file can carry a copy of
// a node owned by another file: each file is valid on its own (edges connect nodes of the
// same file) and the importer merges the copies. Files are generated one at a time and
// their size is bounded, so memory does not grow with the number of nodes.
package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/gazetteer"
)

// DefaultFileNodes is the number of nodes each file owns unless Options says otherwise.
const DefaultFileNodes = 2000

// Options says what to generate.
type Options struct {
	Nodes     int    // distinct nodes in the whole graph (at least 1000)
	Seed      uint64 // the same seed gives the same files, byte for byte
	FileNodes int    // nodes owned by each file; 0 means DefaultFileNodes
}

// kindShare is the part of the non-reference nodes (all but states and UN bodies) that
// each kind takes: people and meetings dominate, as in the seed documents.
var kindShare = []struct {
	kind  string
	share float64
}{
	{fixtures.KindOrganization, 0.02},
	{fixtures.KindAgency, 0.10},
	{fixtures.KindPerson, 0.42},
	{fixtures.KindProject, 0.10},
	{fixtures.KindRoadmap, 0.04},
	{fixtures.KindMeeting, 0.32},
}

// skew is the exponent of the power law that picks the other end of an edge in each kind:
// index = count * u^skew for a uniform u, so low indexes are hubs (larger skew, bigger hubs).
var skew = map[string]float64{
	fixtures.KindState: 1.6, fixtures.KindUNBody: 1.8, fixtures.KindOrganization: 2.0,
	fixtures.KindAgency: 2.2, fixtures.KindPerson: 1.6, fixtures.KindProject: 1.5,
	fixtures.KindRoadmap: 1.5, fixtures.KindMeeting: 1.2,
}

// Generator writes the files of one synthetic graph. It is safe for concurrent use.
type Generator struct {
	o      Options
	files  int
	count  map[string]int
	prefix map[string]string // "syn:<kind>:" by kind
	gaz    *gazetteer.Gazetteer
	un     []gazetteer.Body
	orgs   []gazetteer.Body
	agency []gazetteer.Agency // kinds of agency every state has
	places map[string][]string
}

// New checks the options and prepares the reference data (states, UN bodies, organisations).
func New(o Options) (*Generator, error) {
	if o.Nodes < 1000 {
		return nil, fmt.Errorf("synth: --nodes must be at least 1000, not %d", o.Nodes)
	}
	if o.FileNodes == 0 {
		o.FileNodes = DefaultFileNodes
	}
	if o.FileNodes < 100 {
		return nil, fmt.Errorf("synth: files must own at least 100 nodes, not %d", o.FileNodes)
	}
	gaz, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	g := &Generator{o: o, gaz: gaz, count: map[string]int{}, prefix: map[string]string{}, places: map[string][]string{}}
	for _, k := range fixtures.NodeKinds {
		g.prefix[k] = "syn:" + strings.ToLower(k) + ":"
	}
	for _, b := range gaz.Bodies {
		switch b.Kind {
		case fixtures.KindUNBody:
			g.un = append(g.un, b)
		case fixtures.KindOrganization:
			g.orgs = append(g.orgs, b)
		}
	}
	for _, a := range gaz.Agencies {
		if a.Country == "" {
			g.agency = append(g.agency, a)
		}
	}
	for _, p := range gaz.Places {
		g.places[p.Country] = append(g.places[p.Country], p.Name)
	}
	g.count[fixtures.KindState] = min(len(gaz.States), o.Nodes/50)
	g.count[fixtures.KindUNBody] = min(len(g.un), o.Nodes/100)
	rest := o.Nodes - g.count[fixtures.KindState] - g.count[fixtures.KindUNBody]
	left := rest
	for i, ks := range kindShare {
		n := int(math.Round(float64(rest) * ks.share))
		if i == len(kindShare)-1 {
			n = left
		}
		g.count[ks.kind] = n
		left -= n
	}
	g.files = (rest + o.FileNodes - 1) / o.FileNodes
	return g, nil
}

// Files is the number of fixture files of the graph.
func (g *Generator) Files() int { return g.files }

// Count is the number of nodes of a kind in the whole graph.
func (g *Generator) Count(kind string) int { return g.count[kind] }

// ID is the id of the k-th node of a kind (0 <= k < Count(kind)); low k are the hubs.
func (g *Generator) ID(kind string, k int) string {
	if kind == fixtures.KindState {
		return "syn:state:" + g.gaz.States[k].Code
	}
	return g.prefix[kind] + strconv.Itoa(k) // not Sprintf: ids are most of the generator's work
}

// owned is the range of indexes of a kind that file f owns.
func (g *Generator) owned(kind string, f int) (lo, hi int) {
	c := g.count[kind]
	if kind == fixtures.KindState || kind == fixtures.KindUNBody {
		// reference nodes go round the files; lo/hi select them by k % files in ownedRef
		return 0, c
	}
	return c * f / g.files, c * (f + 1) / g.files
}

// local is the chance that a person, agency, project, roadmap or meeting at the other end
// of an edge comes from the same file: regional communities, as people who meet once meet again.
const local = 0.7

// pick returns the index of a node of a kind drawn by the power law (hubs often).
func (g *Generator) pick(r *rand.Rand, kind string) int {
	c := g.count[kind]
	k := int(float64(c) * math.Pow(r.Float64(), skew[kind]))
	return min(k, c-1)
}

// pickNear is pick, but most often among the nodes that file f owns (the same power law
// within them), so that files are communities linked by shared hubs.
func (g *Generator) pickNear(r *rand.Rand, kind string, f int) int {
	if kind == fixtures.KindState || kind == fixtures.KindUNBody || kind == fixtures.KindOrganization || r.Float64() >= local {
		return g.pick(r, kind)
	}
	lo, hi := g.owned(kind, f)
	if hi <= lo {
		return g.pick(r, kind)
	}
	k := lo + int(float64(hi-lo)*math.Pow(r.Float64(), skew[kind]))
	return min(k, hi-1)
}

// lognormal draws exp(N(mu, sigma)) rounded down: heavy-tailed counts.
func lognormal(r *rand.Rand, mu, sigma float64) int {
	return int(math.Exp(mu + sigma*r.NormFloat64()))
}

// nodeRand is the random source of one node's attributes: a function of seed, kind and index only.
func (g *Generator) nodeRand(kind string, k int) *rand.Rand {
	ki := 0
	for i, n := range fixtures.NodeKinds {
		if n == kind {
			ki = i
		}
	}
	return rand.New(rand.NewPCG(g.o.Seed^0x9e3779b97f4a7c15, uint64(ki)<<40|uint64(k)))
}

// Fixture generates file f (0 <= f < Files()).
func (g *Generator) Fixture(f int) *fixtures.Fixture {
	b := &builder{g: g, r: rand.New(rand.NewPCG(g.o.Seed, uint64(f)+1)), file: f,
		included: map[string]bool{}, keys: map[string]bool{}}
	b.documents()
	for _, kind := range fixtures.NodeKinds {
		lo, hi := g.owned(kind, f)
		for k := lo; k < hi; k++ {
			if (kind == fixtures.KindState || kind == fixtures.KindUNBody) && k%g.files != f {
				continue
			}
			b.node(kind, k)
			b.edgesOf(kind, k)
		}
	}
	return &b.fx
}

// builder accumulates one file.
type builder struct {
	g        *Generator
	r        *rand.Rand
	file     int
	fx       fixtures.Fixture
	included map[string]bool // node ids already in the file
	keys     map[string]bool // edge keys already in the file
	offsets  []int           // next free offset in each document
}

// documents creates one document for every 40 owned nodes or so.
func (b *builder) documents() {
	n := max(1, b.g.o.FileNodes/40)
	b.fx.Format = fixtures.Format
	b.offsets = make([]int, n)
	for j := range n {
		id := fmt.Sprintf("syn:doc:%d:%d", b.file, j)
		sum := sha256.Sum256([]byte(id))
		lang := gazetteer.Languages[(b.file+j)%len(gazetteer.Languages)]
		pub := date(b.r)
		title := map[string]string{"en": "Cooperation report", "it": "Rapporto sulla cooperazione", "fr": "Rapport sur la coopération"}[lang]
		b.fx.Documents = append(b.fx.Documents, fixtures.Document{
			ID: id, Title: fmt.Sprintf("%s %d/%d", title, b.file, j), Language: lang,
			File: fmt.Sprintf("synth/%05d/%03d.txt", b.file, j), SHA256: hex.EncodeToString(sum[:]), Published: &pub,
		})
	}
}

// source is a span of one of the file's documents whose text is text.
func (b *builder) source(text string) []fixtures.Source {
	j := b.r.IntN(len(b.offsets))
	start := b.offsets[j] + 1 + b.r.IntN(200)
	end := start + utf8.RuneCountInString(text)
	b.offsets[j] = end
	return []fixtures.Source{{Document: b.fx.Documents[j].ID, Start: start, End: end, Text: text}}
}

// node adds the node once to the file, with a source in one of its documents, and returns its id.
func (b *builder) node(kind string, k int) string {
	id := b.g.ID(kind, k)
	if b.included[id] {
		return id
	}
	b.included[id] = true
	n := b.g.Node(kind, k)
	n.Sources = b.source(n.Name)
	b.fx.Nodes = append(b.fx.Nodes, n)
	return id
}

// edge adds an edge once (by key) between two nodes that are already in the file.
func (b *builder) edge(kind, from, to string, role, date *string, props map[string]any) {
	if from == to {
		return
	}
	e := fixtures.Edge{Kind: kind, From: from, To: to, Role: role, Date: date, Properties: props}
	if b.keys[e.Key()] {
		return
	}
	b.keys[e.Key()] = true
	e.Sources = b.source(edgeText[kind])
	if e.Properties == nil {
		e.Properties = map[string]any{}
	}
	b.fx.Edges = append(b.fx.Edges, e)
}

// edgeText is the text of an edge's source span, as a document would state it.
var edgeText = map[string]string{
	fixtures.EdgeMemorandum: "signed a memorandum of understanding", fixtures.EdgeParticipatedIn: "took part",
	fixtures.EdgeFunded: "funded by", fixtures.EdgeImplements: "implemented by", fixtures.EdgePartyTo: "adopted",
	fixtures.EdgePartOf: "part of", fixtures.EdgeMemberOf: "member of", fixtures.EdgeAffiliatedWith: "representing",
	fixtures.EdgeHeldUnder: "in the framework of", fixtures.EdgeAdoptedAt: "adopted at",
}

// pick draws the other end of an edge of this file.
func (b *builder) pick(kind string) int { return b.g.pickNear(b.r, kind, b.file) }

// some adds a node of kind drawn by pick, and returns its id.
func (b *builder) some(kind string) string { return b.node(kind, b.pick(kind)) }

// actor picks an actor: agencies and states most often.
func (b *builder) actor() string {
	x := b.r.Float64()
	switch {
	case x < 0.45:
		return b.some(fixtures.KindAgency)
	case x < 0.70:
		return b.some(fixtures.KindState)
	case x < 0.87:
		return b.some(fixtures.KindOrganization)
	default:
		return b.some(fixtures.KindUNBody)
	}
}

func ptr(s string) *string { return &s }

// roles of the participants of a meeting after the organiser and the host.
var roles = []string{"chair", "speaker", "speaker", "participant", "participant", "participant", "participant", "participant"}

// edgesOf adds the edges that the k-th node of a kind owns, with the other ends.
func (b *builder) edgesOf(kind string, k int) {
	g, r := b.g, b.r
	id := g.ID(kind, k)
	nr := g.nodeRand(kind, k)
	switch kind {
	case fixtures.KindUNBody:
		if k > 0 {
			b.edge(fixtures.EdgePartOf, id, b.node(fixtures.KindUNBody, 0), nil, nil, nil)
		}
	case fixtures.KindState: // memberships are written by the organisations (one owner per edge key)
		for range lognormal(r, 1.0, 1.0) {
			d := date(r)
			to := b.some(fixtures.KindState)
			b.edge(fixtures.EdgeMemorandum, id, to, nil, &d, map[string]any{
				"title": "Agreement on " + themes[r.IntN(len(themes))].en, "place": g.place(r)})
		}
	case fixtures.KindAgency:
		b.edge(fixtures.EdgePartOf, id, b.node(fixtures.KindState, g.agencyState(k)), nil, nil, nil)
		for range lognormal(r, -0.7, 0.8) { // about half an agreement each, a few with many
			d := date(r)
			b.edge(fixtures.EdgeMemorandum, id, b.actor(), nil, &d, map[string]any{
				"title": "Memorandum of Understanding on " + themes[r.IntN(len(themes))].en, "place": g.place(r)})
		}
	case fixtures.KindOrganization:
		for range 1 + lognormal(r, 1.6, 0.8) {
			from := b.some(fixtures.KindState)
			if r.Float64() < 0.3 {
				from = b.some(fixtures.KindAgency)
			}
			b.edge(fixtures.EdgeMemberOf, from, id, nil, nil, nil)
		}
		if k > 0 && r.Float64() < 0.15 {
			b.edge(fixtures.EdgePartOf, id, b.node(fixtures.KindOrganization, r.IntN(k)), nil, nil, nil)
		}
	case fixtures.KindPerson:
		x := r.Float64()
		var to string
		switch {
		case x < 0.7:
			to = b.some(fixtures.KindAgency)
		case x < 0.85:
			to = b.some(fixtures.KindOrganization)
		case x < 0.95:
			to = b.some(fixtures.KindUNBody)
		default:
			to = b.some(fixtures.KindState)
		}
		b.edge(fixtures.EdgeAffiliatedWith, id, to, nil, nil, map[string]any{"title": titles[nr.IntN(len(titles))]})
	case fixtures.KindProject:
		for range 1 + r.IntN(4) {
			b.edge(fixtures.EdgeImplements, b.actor(), id, ptr([]string{"lead", "partner", "partner"}[r.IntN(3)]), nil, nil)
		}
		for range 1 + r.IntN(3) {
			b.edge(fixtures.EdgeFunded, b.actor(), id, nil, nil, funding(r))
		}
		if k > 0 && r.Float64() < 0.2 {
			b.edge(fixtures.EdgePartOf, id, b.some(fixtures.KindRoadmap), nil, nil, nil)
		}
	case fixtures.KindRoadmap:
		start := g.Node(kind, k).StartDate
		for range 2 + lognormal(r, 1.4, 0.9) {
			b.edge(fixtures.EdgePartyTo, b.actor(), id, nil, start, nil)
		}
		for range r.IntN(3) {
			b.edge(fixtures.EdgeImplements, b.actor(), id, ptr("partner"), nil, nil)
		}
		if r.Float64() < 0.4 {
			b.edge(fixtures.EdgeAdoptedAt, id, b.some(fixtures.KindMeeting), nil, nil, nil)
		}
	case fixtures.KindMeeting:
		n := min(120, 2+lognormal(r, 2.0, 0.7)) // median 9, tens for one meeting in five
		for i := range n {
			var from string
			if r.Float64() < 0.5 {
				from = b.some(fixtures.KindPerson)
			} else {
				from = b.actor()
			}
			role := "organiser"
			switch {
			case i == 1:
				role = "host"
			case i > 1:
				role = roles[r.IntN(len(roles))]
			}
			b.edge(fixtures.EdgeParticipatedIn, from, id, &role, nil, nil)
		}
		if x := r.Float64(); x < 0.5 {
			var to string
			switch {
			case x < 0.25:
				to = b.some(fixtures.KindProject)
			case x < 0.4:
				to = b.some(fixtures.KindRoadmap)
			case x < 0.45:
				to = b.some(fixtures.KindUNBody)
			default:
				to = b.some(fixtures.KindOrganization)
			}
			b.edge(fixtures.EdgeHeldUnder, id, to, nil, nil, nil)
		}
		if r.Float64() < 0.3 {
			b.edge(fixtures.EdgeFunded, b.actor(), id, nil, nil, funding(r))
		}
	}
}

// funding is the properties of a FUNDED edge: an amount in euros or dollars.
func funding(r *rand.Rand) map[string]any {
	amount := math.Round(math.Exp(11+1.5*r.NormFloat64())/1000) * 1000
	return map[string]any{"amount": max(amount, 1000), "currency": []string{"EUR", "USD", "EUR"}[r.IntN(3)]}
}

// date is a day between 2005 and 2024; one in ten is known only to the month, one in twenty to the year.
func date(r *rand.Rand) string {
	y, m, d := 2005+r.IntN(20), 1+r.IntN(12), 1+r.IntN(28)
	switch x := r.Float64(); {
	case x < 0.05:
		return fmt.Sprintf("%04d", y)
	case x < 0.15:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// place is a city of a random state with places in the gazetteer.
func (g *Generator) place(r *rand.Rand) string {
	for range 8 {
		s := g.gaz.States[r.IntN(len(g.gaz.States))]
		if ps := g.places[s.Code]; len(ps) > 0 {
			return ps[r.IntN(len(ps))]
		}
	}
	return "Vienna"
}
