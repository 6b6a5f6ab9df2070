package bulk

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// Plan is the graph that a sequence of fixture files makes, built file by file (Add) in
// memory as the incremental import would store it, then written as CSV for neo4j-admin
// (WriteCSV). Its memory grows with the number of distinct node ids, document ids and
// edge keys: docs/performance.md says how much. What the CSV importer cannot do, it
// leaves to Steps: the meeting merges ("one event, many reports", graph/meetings.go) and
// what later files bring to the meetings they touched.
type Plan struct {
	nodes    map[string]*node
	docs     map[string]*document
	edges    map[string]*edge
	redirect map[string]string   // id merged away -> its survivor
	places   map[string][]string // place as written and year of the start date -> meetings (indexMeeting)
	changes  *changeWriter
	loaded   []graph.LoadedFile
	steps    []graph.BulkStep
	stats    Stats
}

// Stats counts what a Plan holds.
type Stats struct {
	Files      int // files added
	Documents  int // distinct documents
	Nodes      int // distinct nodes (merged meetings not counted)
	Edges      int // distinct edge keys
	Mentions   int // MENTIONS relationships
	Changes    int // history records
	Merges     int // meeting merges left to the post-pass
	Replayed   int // node and edge rows of later files left to the post-pass
	NodeRows   int // node rows read (copies included)
	EdgeRows   int // edge rows read
	Redirected int // ids that resolve to another node
}

// NewPlan starts an empty plan whose history records are written to changes as the
// files are added, made by actor.
func NewPlan(changes *CSVWriter, actor string) *Plan {
	return &Plan{
		nodes: map[string]*node{}, docs: map[string]*document{}, edges: map[string]*edge{},
		redirect: map[string]string{}, places: map[string][]string{},
		changes: &changeWriter{w: changes, actor: actor},
	}
}

// Stats says what the plan holds so far.
func (p *Plan) Stats() Stats {
	s := p.stats
	s.Documents, s.Edges = len(p.docs), 0
	s.Nodes, s.Mentions = 0, 0
	for _, n := range p.nodes {
		if !n.gone {
			s.Nodes++
		}
		s.Mentions += len(n.mentions)
	}
	for _, e := range p.edges {
		if !e.gone {
			s.Edges++
		}
	}
	s.Merges, s.Replayed = 0, 0
	for _, st := range p.steps {
		s.Merges += len(st.Merges)
		s.Replayed += len(st.Nodes) + len(st.Edges)
	}
	s.Redirected = len(p.redirect)
	return s
}

// Steps are what the post-pass does after the CSV import, in the order of the files:
// for each file from the first that merged meetings on, its rows that reach a merged
// meeting or its survivor, then the merges it makes (graph.Store.ApplyBulkStep).
func (p *Plan) Steps() []graph.BulkStep {
	var out []graph.BulkStep
	for _, s := range p.steps {
		if len(s.Nodes)+len(s.Edges)+len(s.Merges) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// Loaded are the files added, for the post-pass to record (graph.Store.FinishBulk).
func (p *Plan) Loaded() []graph.LoadedFile { return p.loaded }

// target is what a fixture id stands for: itself or the survivor it was merged into.
type target struct{ id, kind string }

// resolve follows the redirects of id.
func (p *Plan) resolve(id string) (string, bool) {
	to, ok := p.redirect[id]
	for ok {
		id = to
		to, ok = p.redirect[id]
	}
	return id, id != ""
}

// FileStats is what one file brought, as graph.ImportStats counts it.
type FileStats = graph.ImportStats

// Add applies one validated fixture, read from file with this SHA-256 (recorded as the
// incremental path records loaded files), after those added before. A fixture that the
// incremental path would refuse as a whole (an id stored with another kind) is refused
// with a *graph.InputError and changes nothing.
func (p *Plan) Add(file, digest string, f *fixtures.Fixture) (FileStats, error) {
	resolved, err := p.resolveIDs(f)
	if err != nil {
		return FileStats{}, err
	}
	merges := p.resolveMeetings(f, resolved)
	step := graph.BulkStep{File: file}
	fs := FileStats{}
	cw := p.changes.file(file)

	// Documents, one row each (graph's documentCypher).
	for _, d := range f.Documents {
		doc, ok := p.docs[d.ID]
		if !ok {
			doc = &document{}
			p.docs[d.ID] = doc
			fs.Created++
		}
		setDoc := func(i int, v string) {
			doc.props.v[i] = v
			doc.props.set |= 1 << i
		}
		for i, v := range []string{d.Title, d.Language, d.File, d.SHA256} {
			if v = trim(v); v != "" {
				setDoc([]int{dTitle, dLanguage, dFile, dSHA256}[i], v)
			}
		}
		if d.Published != nil {
			setDoc(dPublished, *d.Published)
		}
		if v := trim(d.URL); v != "" {
			setDoc(dURL, v)
		}
		if d.Text != "" {
			setDoc(dText, d.Text)
		}
		name := d.Title
		if name == "" {
			name = d.File
		}
		if name = trim(name); name != "" {
			doc.name = name
		} else if doc.name == "" {
			doc.name = d.ID
		}
		cw.record(d.ID, "document", 0)
		fs.Documents++
	}

	// Nodes, one row per id after redirects (graph's addNodes and nodeCypher).
	type nodeAcc struct {
		id, kind, name string
		forms          orderedSet
		props          props[[nodeProps]string]
		confidence     float64
		status         uint8
		sources        graph.Sources
	}
	accs := map[string]*nodeAcc{}
	var order []string
	redirected := map[string]bool{}
	for _, n := range f.Nodes {
		p.stats.NodeRows++
		t := resolved[n.ID]
		if t.id != n.ID {
			redirected[n.ID] = true
		}
		acc, ok := accs[t.id]
		if !ok {
			acc = &nodeAcc{id: t.id, kind: t.kind, name: n.Name}
			accs[t.id] = acc
			order = append(order, t.id)
			acc.status = statusOf(n.Status)
		} else if s := statusOf(n.Status); rank(s) > rank(acc.status) {
			acc.status = s
		}
		if live := p.nodes[t.id]; live != nil && live.tainted {
			step.Nodes = append(step.Nodes, n)
		}
		acc.forms.add(n.Name)
		acc.forms.add(n.Aliases...)
		acc.confidence = max(acc.confidence, fixtures.ConfidenceOf(n.Confidence))
		for i, v := range []*string{n.Country, n.StartDate, n.EndDate, n.Place} {
			if v != nil {
				acc.props.v[i] = *v
				acc.props.set |= 1 << i
			}
		}
		for i, key := range []string{"title", "subtype", "description"} {
			if v, ok := n.Properties[key].(string); ok && v != "" {
				acc.props.v[pTitle+i] = v
				acc.props.set |= 1 << (pTitle + i)
			}
		}
		acc.sources.Add(n.Sources...)
	}
	fs.Redirected = len(redirected)
	for _, id := range order {
		acc := accs[id]
		n, stored := p.nodes[id]
		if !stored {
			n = &node{kind: acc.kind, name: acc.name, confidence: acc.confidence, status: acc.status}
			n.aliases = union(nil, acc.forms.list, acc.name)
			n.refs = acc.sources.Refs()
			p.nodes[id] = n
			fs.Created++
		} else {
			n.aliases = union(n.aliases, acc.forms.list, n.name)
			n.refs = union(n.refs, acc.sources.Refs(), "")
			n.confidence = max(n.confidence, acc.confidence)
			n.status = mergeStatus(n.status, acc.status)
		}
		for i := range nodeProps {
			if acc.props.set&(1<<i) != 0 {
				n.setProp(i, acc.props.v[i])
			}
		}
		if n.kind == fixtures.KindMeeting {
			p.indexMeeting(id, n)
		}
		for _, d := range acc.sources.Docs() {
			m := n.mentionOf(d)
			if len(m.spans) == 0 {
				fs.Created++
			}
			m.spans = union(m.spans, acc.sources.Spans(d), "")
		}
		cw.record(id, "node", acc.status)
		fs.Nodes++
	}

	// Edges, one row per key after redirects (graph's addEdges, edgeCreateCypher, edgeMerge).
	type edgeAcc struct {
		e       *edge
		sources orderedSet
	}
	eaccs := map[string]*edgeAcc{}
	var eorder []string
	for _, fe := range f.Edges {
		p.stats.EdgeRows++
		from, to := resolved[fe.From].id, resolved[fe.To].id
		if from == to {
			fs.Loops++
			continue
		}
		if a, b := p.nodes[from], p.nodes[to]; a.tainted || b.tainted {
			step.Edges = append(step.Edges, fe)
		}
		k := fe
		k.From, k.To = from, to
		key := k.Key()
		acc, ok := eaccs[key]
		if !ok {
			acc = &edgeAcc{e: &edge{kind: fe.Kind, from: from, to: to, key: key, status: statusOf(fe.Status)}}
			eaccs[key] = acc
			eorder = append(eorder, key)
		} else if s := statusOf(fe.Status); rank(s) > rank(acc.e.status) {
			acc.e.status = s
		}
		e := acc.e
		e.confidence = max(e.confidence, fixtures.ConfidenceOf(fe.Confidence))
		for i, v := range []*string{fe.Role, fe.Date} {
			if v != nil {
				e.props.v[i] = *v
				e.props.set |= 1 << i
			}
		}
		for i, key := range []string{"title", "place", "currency"} {
			if v, ok := fe.Properties[key].(string); ok && v != "" {
				e.props.v[eTitle+i] = v
				e.props.set |= 1 << (eTitle + i)
			}
		}
		if amount, ok := graph.Amount(fe.Properties["amount"]); ok {
			e.amount, e.hasAmount = amount, true
		}
		for _, src := range fe.Sources {
			acc.sources.add(graph.SourceJSON(src))
		}
	}
	for _, key := range eorder {
		acc := eaccs[key]
		row := acc.e
		row.sources = acc.sources.list
		if row.sources == nil {
			row.sources = []string{}
		}
		tainted := p.nodes[row.from].tainted || p.nodes[row.to].tainted
		p.mergeEdge(row, tainted, &fs)
		cw.record(key, "edge", row.status)
		fs.Edges++
		// An accepted edge accepts its PROPOSED ends (graph's acceptEnds), as stored now.
		if row.status == stAccepted && p.edges[key].status == stAccepted {
			for _, end := range []string{row.from, row.to} {
				if n := p.nodes[end]; n.status == stProposed {
					n.status = stAccepted
				}
			}
		}
	}

	// The meetings that report an event stored, or one of this file, are merged into it.
	var adjacent map[string][]string // meeting merged away -> the keys of its edges in this file
	if len(merges) > 0 {
		adjacent = map[string][]string{}
		for _, m := range merges {
			adjacent[m.From] = nil
		}
		for _, key := range eorder {
			e := p.edges[key]
			for _, end := range []string{e.from, e.to} {
				if l, ok := adjacent[end]; ok {
					adjacent[end] = append(l, key)
				}
			}
		}
	}
	for _, m := range merges {
		if p.mergeMeeting(m, adjacent[m.From]) {
			fs.Redirected++
			fs.Nodes--
		}
		step.Merges = append(step.Merges, m)
	}
	if err := cw.err(); err != nil {
		return FileStats{}, err
	}
	p.steps = append(p.steps, step)
	if digest != "" {
		p.loaded = append(p.loaded, graph.LoadedFile{Digest: digest, File: file})
	}
	p.stats.Files++
	return fs, nil
}

// mergeEdge brings row, an edge of one file, to the stored edge with its key: created, or
// merged (graph's edgeMerge). tainted: an end is a meeting a merge touched, so what the
// CSV holds of the edge stays as it was (the post-pass replays the row).
func (p *Plan) mergeEdge(row *edge, tainted bool, fs *FileStats) {
	e, ok := p.edges[row.key]
	if !ok || e.gone {
		row.absent = tainted
		p.edges[row.key] = row
		fs.Created++
		return
	}
	if tainted {
		e.freeze()
	}
	e.sources = union(e.sources, row.sources, "")
	for i := range edgeProps {
		if row.props.set&(1<<i) != 0 {
			e.props.v[i] = row.props.v[i]
			e.props.set |= 1 << i
		}
	}
	if row.hasAmount {
		e.amount, e.hasAmount = row.amount, true
	}
	e.confidence = max(e.confidence, row.confidence)
	e.status = mergeStatus(e.status, row.status)
}

// resolveIDs maps every id of f to what it stands for, and refuses f as graph's
// resolveIDs does when an id is stored with another kind.
func (p *Plan) resolveIDs(f *fixtures.Fixture) (map[string]target, error) {
	out := make(map[string]target, len(f.Documents)+len(f.Nodes))
	for _, d := range f.Documents {
		out[d.ID] = target{d.ID, graph.KindDocument}
	}
	for _, n := range f.Nodes {
		if prev, ok := out[n.ID]; ok && prev.kind != n.Kind {
			return nil, &graph.InputError{Msg: fmt.Sprintf("id %q is both a %s and a %s in this fixture", n.ID, prev.kind, n.Kind)}
		} else if !ok {
			out[n.ID] = target{n.ID, n.Kind}
		}
	}
	var clash []string
	stored := map[string]string{}
	for id, t := range out {
		if to, ok := p.resolve(id); ok && to != id && t.kind != graph.KindDocument {
			out[id] = target{to, p.nodes[to].kind}
			continue
		}
		kind := ""
		if n := p.nodes[id]; n != nil && !n.gone {
			kind = n.kind
		} else if p.docs[id] != nil {
			kind = graph.KindDocument
		}
		if kind != "" && kind != t.kind {
			clash = append(clash, id)
			stored[id] = kind
		}
	}
	if len(clash) > 0 {
		sort.Strings(clash)
		id := clash[0]
		return nil, &graph.InputError{Msg: fmt.Sprintf("id %q is a %s in the database but a %s in this fixture", id, stored[id], out[id].kind)}
	}
	return out, nil
}

// changeWriter writes history records (graph's record) as the CSV of Change nodes.
type changeWriter struct {
	w     *CSVWriter
	actor string
	n     int
}

// fileChanges writes the history records of one file.
type fileChanges struct {
	c        *changeWriter
	at, file string // file as JSON
}

// changeTime is the fixed-width form of graph.Change.At.
const changeTime = "2006-01-02T15:04:05.000000000Z"

func (c *changeWriter) file(file string) *fileChanges {
	b, _ := json.Marshal(file)
	return &fileChanges{c: c, at: time.Now().UTC().Format(changeTime), file: string(b)}
}

// record writes the import's record of subject (a document, node or edge id), with the
// status the file brought: its detail is what graph's record writes, keys sorted.
func (f *fileChanges) record(subject, what string, status uint8) {
	detail := `{"file":` + f.file
	if what != "document" {
		detail += `,"status":"` + statusName(status) + `"`
	}
	detail += `,"what":"` + what + `"}`
	f.c.n++
	f.c.w.Row(graph.LabelChange, changeID(), f.at, f.c.actor, graph.ActionImport, subject, detail)
}

func (f *fileChanges) err() error { return f.c.w.Err() }

// changeID is a random id for a Change, as graph's.
func changeID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return "change:" + hex.EncodeToString(b)
}
