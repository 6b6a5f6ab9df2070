package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"
	"golang.org/x/text/unicode/norm"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/loaders/extract"
)

func init() {
	commands["resolution-quality"] = command{
		summary: "measure entity resolution on a corpus with gold (duplicates left, precision@20 of duplicateCandidates): resolution-quality [--corpus DIR] [--replace] [--min-score S] [--verbose]",
		run:     runResolutionQuality,
	}
}

// runResolutionQuality implements `entente resolution-quality`: it extracts every document
// of the corpus, merges them into one fixture (extract.Merge: entities resolved across
// documents), imports it into the (empty, throwaway) Neo4j of NEO4J_URI, and scores against
// the corpus gold (docs/quality.md, "Entity resolution"):
//   - duplicates left: for each real-world entity reported by two documents or more, the
//     stored nodes that match it beyond the first (at most one per document);
//   - precision@20: of the first 20 duplicateCandidates, the pairs whose two nodes match
//     one real-world entity.
func runResolutionQuality(ctx context.Context, args []string) error {
	var corpus string
	var replace, verbose bool
	var minScore float64
	c, fs, err := parse("resolution-quality", args, func(fs *flag.FlagSet) {
		fs.StringVar(&corpus, "corpus", filepath.Join("..", "shared", "corpus"), "the corpus: docs/*.txt and gold/*.yaml")
		fs.BoolVar(&replace, "replace", false, "empty the database first (it must be empty otherwise)")
		fs.BoolVar(&verbose, "verbose", false, "list the duplicates left and the candidates judged")
		fs.Float64Var(&minScore, "min-score", 0.5, "the candidates' minimum score (duplicateCandidates' default: 0.5)")
	})
	if err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New("usage: entente resolution-quality [--corpus DIR] [--replace] [--min-score S] [--verbose]")
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "docs", "*.txt"))
	if len(files) == 0 {
		fmt.Printf("resolution-quality: skipped: no corpus at %s (docs/*.txt)\n", corpus)
		return nil
	}
	sort.Strings(files)
	gold, err := readGold(filepath.Join(corpus, "gold"))
	if err != nil {
		return err
	}
	store, log, err := c.openStore(ctx, "run it under `entente neo4j exec --`, which starts a throwaway Neo4j")
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if replace {
		if err := store.DeleteAll(ctx); err != nil {
			return err
		}
	} else if n, _, err := store.Counts(ctx); err != nil {
		return err
	} else if n > 0 {
		return fmt.Errorf("the database holds %d nodes: give --replace to empty it (a throwaway one only)", n)
	}
	if err := store.EnsureSchema(ctx); err != nil {
		return err
	}
	useGlossary(log)
	x, err := extract.New()
	if err != nil {
		return err
	}
	var all []*fixtures.Fixture
	for _, file := range files {
		f, err := x.ExtractFile(file)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		all = append(all, f)
	}
	merged := extract.Merge(all...)
	st, err := store.Import(graph.WithActor(ctx, "cli:resolution-quality"), merged, nil)
	if err != nil {
		return err
	}
	log.Info().Int("documents", st.Documents).Int("nodes", st.Nodes).Int("edges", st.Edges).Msg("corpus imported")
	nodes, err := storedNodes(ctx, store)
	if err != nil {
		return err
	}
	cands, err := store.DuplicateCandidates(ctx, nil, minScore, 20)
	if err != nil {
		return err
	}
	rep := scoreResolution(gold, nodes, cands)
	rep.print(os.Stdout, verbose)
	return nil
}

// goldNode is a node of a corpus gold file (/work/shared/corpus/README.md, "Gold format").
type goldNode struct {
	Key      string   `yaml:"key"`
	Kind     string   `yaml:"kind"`
	Names    []string `yaml:"names"`
	Country  string   `yaml:"country"`
	Date     string   `yaml:"date"`
	End      string   `yaml:"end"`
	Month    string   `yaml:"month"`
	Place    string   `yaml:"place"`
	Optional bool     `yaml:"optional"`
	doc      string   // the gold file's document
	entity   int      // the real-world entity (linkGold)
}

// readGold reads gold/*.yaml: the gold nodes of each document, by document file name.
func readGold(dir string) (map[string][]*goldNode, error) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	out := map[string][]*goldNode{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		var g struct {
			Document string      `yaml:"document"`
			Nodes    []*goldNode `yaml:"nodes"`
		}
		if err := yaml.Unmarshal(data, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		for _, n := range g.Nodes {
			n.doc = g.Document
		}
		out[g.Document] = g.Nodes
	}
	linkGold(out)
	return out, nil
}

var nonAlnum = regexp.MustCompile(`[^a-z0-9]+`)

// articles are the leading words the corpus scorer drops.
var articles = map[string]bool{"the": true, "le": true, "la": true, "les": true, "l": true, "il": true, "lo": true,
	"gli": true, "i": true, "un": true, "une": true, "del": true, "della": true, "dell": true, "de": true, "des": true, "du": true}

// normName normalises a name as the corpus scorer does: lower case, no accents, runs of
// other characters as one space, leading articles dropped.
func normName(s string) string {
	s = strings.NewReplacer("\u2019", "'", "`", "'").Replace(s)
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	toks := strings.Fields(nonAlnum.ReplaceAllString(b.String(), " "))
	for len(toks) > 0 && articles[toks[0]] {
		toks = toks[1:]
	}
	return strings.Join(toks, " ")
}

// kindClass is a node kind as the scorer compares it: UNBody and Organization are one.
func kindClass(k string) string {
	if k == fixtures.KindUNBody {
		return fixtures.KindOrganization
	}
	return k
}

// goldDates is the interval of a gold meeting's dates, as fixtures.DatesOf reads them.
func goldDates(g *goldNode) (fixtures.MeetingDates, bool) {
	start := g.Date
	if start == "" {
		start = g.Month
	}
	n := fixtures.Node{StartDate: &start}
	if g.End != "" {
		n.EndDate = &g.End
	}
	return fixtures.DatesOf(&n)
}

// sameGoldEntity says how strongly two gold nodes of two documents are one real-world
// entity, 0 when they are not: kinds of one class, agencies of one country, and a shared
// name after normalisation (of two words at least for persons), the more words the
// stronger; meetings instead in the same place with overlapping dates (their names are
// generic).
func sameGoldEntity(a, b *goldNode) int {
	if kindClass(a.Kind) != kindClass(b.Kind) {
		return 0
	}
	if a.Country != "" && b.Country != "" && !strings.EqualFold(a.Country, b.Country) {
		return 0
	}
	if a.Kind == fixtures.KindMeeting {
		da, okA := goldDates(a)
		db, okB := goldDates(b)
		if okA && okB && a.Place != "" && normName(a.Place) == normName(b.Place) && da.Overlap(db) {
			return 100
		}
		return 0
	}
	names := map[string]bool{}
	for _, n := range a.Names {
		names[normName(n)] = true
	}
	best := 0
	for _, n := range b.Names {
		k := normName(n)
		words := len(strings.Fields(k))
		// A person's surname alone ("Rodriguez") may be another person's.
		if k != "" && names[k] && (a.Kind != fixtures.KindPerson || words > 1) && words > best {
			best = words
		}
	}
	return best
}

// linkGold numbers the real-world entities: gold nodes of different documents that
// sameGoldEntity links (transitively) share a number. Links are made strongest first, and
// none that would put two nodes of one document in one entity: a generic name ("Comando
// Generale", of the Carabinieri in one text and of the Guardia di Finanza in another)
// does not chain two entities that another document tells apart.
func linkGold(gold map[string][]*goldNode) {
	var all []*goldNode
	docs := make([]string, 0, len(gold))
	for d := range gold {
		docs = append(docs, d)
	}
	sort.Strings(docs)
	for _, d := range docs {
		all = append(all, gold[d]...)
	}
	type link struct{ i, j, strength int }
	var links []link
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if all[i].doc == all[j].doc {
				continue
			}
			if s := sameGoldEntity(all[i], all[j]); s > 0 {
				links = append(links, link{i, j, s})
			}
		}
	}
	sort.SliceStable(links, func(x, y int) bool { return links[x].strength > links[y].strength })
	parent := make([]int, len(all))
	members := make([]map[string]bool, len(all)) // root -> documents of its nodes
	for i := range parent {
		parent[i] = i
		members[i] = map[string]bool{all[i].doc: true}
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	for _, l := range links {
		a, b := find(l.i), find(l.j)
		if a == b {
			continue
		}
		clash := false
		for d := range members[b] {
			if members[a][d] {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		parent[b] = a
		for d := range members[b] {
			members[a][d] = true
		}
	}
	for i, g := range all {
		g.entity = find(i)
	}
}

// storedNode is a node of the graph with the documents that mention it (their files).
type storedNode struct {
	node *graph.Node
	docs []string
}

// storedNodes reads every node read in a document, with its documents' files.
func storedNodes(ctx context.Context, store *graph.Store) ([]storedNode, error) {
	mentioned, err := store.MentionedFiles(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(mentioned))
	for id := range mentioned {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	files := make([][]string, len(ids))
	for i, id := range ids {
		for _, f := range mentioned[id] {
			files[i] = append(files[i], filepath.Base(f))
		}
	}
	nodes, err := store.NodesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]storedNode, 0, len(nodes))
	for i, n := range nodes {
		if n != nil {
			out = append(out, storedNode{n, files[i]})
		}
	}
	return out, nil
}

// matchGold is the first gold node of a document that a stored node matches, as the corpus
// scorer assigns predictions: kinds of one class, an agency's country when both give one,
// a name (or alias) equal after normalisation or sharing 80% of its words, or a meeting's
// start date equal to the gold date or within the gold month.
func matchGold(n *graph.Node, gold []*goldNode) *goldNode {
	names := map[string]bool{}
	for _, s := range append([]string{n.Name}, n.Aliases...) {
		if k := normName(s); k != "" {
			names[k] = true
		}
	}
	for _, g := range gold {
		if kindClass(n.Kind) != kindClass(g.Kind) {
			continue
		}
		if g.Kind == fixtures.KindAgency && g.Country != "" && n.Country != nil && !strings.EqualFold(*n.Country, g.Country) {
			continue
		}
		for _, gn := range g.Names {
			if nameMatch(names, normName(gn)) {
				return g
			}
		}
		if g.Kind == fixtures.KindMeeting && n.StartDate != nil {
			if g.Date != "" && *n.StartDate == g.Date || len(g.Month) == 7 && strings.HasPrefix(*n.StartDate, g.Month) {
				return g
			}
		}
	}
	return nil
}

// nameMatch says whether a gold name is one of names, or shares 80% of its words with one
// (both of two words or more), as the corpus scorer says.
func nameMatch(names map[string]bool, g string) bool {
	if g == "" {
		return false
	}
	if names[g] {
		return true
	}
	gw := strings.Fields(g)
	if len(gw) < 2 {
		return false
	}
	for n := range names {
		nw := strings.Fields(n)
		if len(nw) < 2 {
			continue
		}
		set := map[string]int{}
		for _, w := range nw {
			set[w] |= 1
		}
		for _, w := range gw {
			set[w] |= 2
		}
		both := 0
		for _, v := range set {
			if v == 3 {
				both++
			}
		}
		if float64(both)/float64(len(set)) >= 0.8 {
			return true
		}
	}
	return false
}

// resolutionReport is what resolution-quality measures.
type resolutionReport struct {
	entities      int      // real-world entities that two documents or more report
	resolved      int      // of them, those that one stored node holds
	duplicatesSum int      // stored nodes beyond the first of those entities
	duplicates    []string // the entities with duplicates left: their nodes
	top           int      // candidates judged (at most 20)
	correct       int      // of them, pairs of one real-world entity
	unmatched     int      // of them, pairs with a node that matches no gold node
	judged        []string
}

// scoreResolution compares the stored nodes and the first candidates with the gold.
func scoreResolution(gold map[string][]*goldNode, nodes []storedNode, cands []graph.Candidate) resolutionReport {
	var rep resolutionReport
	// entity -> documents that report it (gold), and stored node -> entities it matches.
	reported := map[int]map[string]bool{}
	for d, gs := range gold {
		for _, g := range gs {
			if reported[g.entity] == nil {
				reported[g.entity] = map[string]bool{}
			}
			reported[g.entity][d] = true
		}
	}
	entitiesOf := map[string]map[int]bool{}
	holders := map[int][]string{} // entity -> stored node ids, at most one per document
	taken := map[[2]any]bool{}    // (document, gold key) already given a node
	for _, sn := range nodes {
		entitiesOf[sn.node.ID] = map[int]bool{}
		for _, d := range sn.docs {
			g := matchGold(sn.node, gold[d])
			if g == nil {
				continue
			}
			entitiesOf[sn.node.ID][g.entity] = true
			if k := [2]any{d, g.Key}; !taken[k] {
				taken[k] = true
				if !contains(holders[g.entity], sn.node.ID) {
					holders[g.entity] = append(holders[g.entity], sn.node.ID)
				}
			}
		}
	}
	ents := make([]int, 0, len(reported))
	for e, ds := range reported {
		if len(ds) >= 2 {
			ents = append(ents, e)
		}
	}
	sort.Ints(ents)
	for _, e := range ents {
		hs := holders[e]
		if len(hs) == 0 {
			continue // not extracted at all: a recall question, not resolution
		}
		rep.entities++
		if len(hs) == 1 {
			rep.resolved++
			continue
		}
		rep.duplicatesSum += len(hs) - 1
		sort.Strings(hs)
		rep.duplicates = append(rep.duplicates, strings.Join(hs, " = "))
	}
	for _, c := range cands {
		rep.top++
		ea, eb := entitiesOf[c.A.ID], entitiesOf[c.B.ID]
		verdict := "wrong"
		if len(ea) == 0 || len(eb) == 0 {
			rep.unmatched++
			verdict = "wrong (a node matches no gold node)"
		}
		for e := range ea {
			if eb[e] {
				rep.correct++
				verdict = "right"
				break
			}
		}
		rep.judged = append(rep.judged, fmt.Sprintf("%s  %s | %s  %.2f %v", verdict, c.A.ID, c.B.ID, c.Score, c.Reasons))
	}
	return rep
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (r resolutionReport) print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "entities reported by 2+ documents and extracted: %d; held by one node: %d; duplicates left: %d\n",
		r.entities, r.resolved, r.duplicatesSum)
	p := 0.0
	if r.top > 0 {
		p = float64(r.correct) / float64(r.top)
	}
	fmt.Fprintf(w, "duplicateCandidates precision@20: %d/%d = %.2f (%d wrong; %d of them with a node that matches no gold node)\n",
		r.correct, r.top, p, r.top-r.correct, r.unmatched)
	if !verbose {
		return
	}
	fmt.Fprintln(w, "\nduplicates left:")
	for _, d := range r.duplicates {
		fmt.Fprintln(w, "  "+d)
	}
	fmt.Fprintln(w, "\ncandidates:")
	for _, j := range r.judged {
		fmt.Fprintln(w, "  "+j)
	}
}
