package export

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/analysis"
	"github.com/entente/entente/graph/graphtest"
)

// Tolerances of the comparison with networkx.
const (
	tolExact    = 1e-6 // degree and betweenness centrality
	tolPageRank = 1e-4 // PageRank (both sides iterate to 1e-10 or better)
	tolQ        = 1e-9 // modularity of the same partition
	louvainGap  = 0.03 // how far our Louvain's modularity may fall below networkx's own
	samplePairs = 40   // shortest paths compared per graph
)

// requireNetworkx skips the test when Python's networkx (with scipy, which its PageRank
// needs) is missing, unless ENTENTE_REQUIRE_NETWORKX=1 (as CI sets), which makes it fail.
func requireNetworkx(t *testing.T) {
	t.Helper()
	out, err := exec.Command(python(), "-c", "import networkx, scipy; print(networkx.__version__)").CombinedOutput()
	if err == nil {
		t.Logf("networkx %s", strings.TrimSpace(string(out)))
		return
	}
	msg := fmt.Sprintf("%s with networkx and scipy is needed (make test-tools installs them in .venv): %v: %s", python(), err, out)
	if os.Getenv("ENTENTE_REQUIRE_NETWORKX") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// python is the interpreter with the test tools: ENTENTE_PYTHON (make test sets it to the
// project's .venv), else the project's .venv when it exists, else python3 on the PATH.
func python() string {
	if p := os.Getenv("ENTENTE_PYTHON"); p != "" {
		return p
	}
	if p, err := filepath.Abs("../../.venv/bin/python"); err == nil {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "python3"
}

// TestNetworkx exports the seed graph and a generated one as GraphML and GEXF, reads them
// with networkx, and compares counts, centralities, shortest paths and modularity with
// graph/analysis and Store.ShortestPath on the same graph.
func TestNetworkx(t *testing.T) {
	requireNetworkx(t)
	t.Run("seed", func(t *testing.T) {
		files, err := filepath.Glob("../../fixtures/*.json")
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Skip("fixtures/ has no *.json yet: the seed fixtures are extracted by another part of the project")
		}
		store := graphtest.Open(t)
		for _, f := range files {
			fx, err := fixtures.Read(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := store.Import(context.Background(), fx, nil); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
		compareWithNetworkx(t, store)
	})
	t.Run("generated", func(t *testing.T) {
		store := graphtest.Open(t)
		fx := generated(2500, 7)
		if _, err := store.Import(context.Background(), fx, nil); err != nil {
			t.Fatal(err)
		}
		compareWithNetworkx(t, store)
	})
}

// nxResult is what testdata/networkx_compare.py prints.
type nxResult struct {
	Networkx string `json:"networkx"`
	GraphML  struct {
		Directed bool              `json:"directed"`
		Nodes    int               `json:"nodes"`
		Edges    int               `json:"edges"`
		EdgeKeys []string          `json:"edge_keys"`
		Kinds    map[string]string `json:"kinds"`
		Names    map[string]string `json:"names"`
	} `json:"graphml"`
	GEXF struct {
		Directed        bool              `json:"directed"`
		Nodes           int               `json:"nodes"`
		Edges           int               `json:"edges"`
		EdgeIDs         []string          `json:"edge_ids"`
		Names           map[string]string `json:"names"`
		SameSimpleGraph bool              `json:"same_simple_graph"`
	} `json:"gexf"`
	Simple struct {
		Nodes int `json:"nodes"`
		Edges int `json:"edges"`
	} `json:"simple"`
	Degree              map[string]float64 `json:"degree"`
	Betweenness         map[string]float64 `json:"betweenness"`
	PageRank            map[string]float64 `json:"pagerank"`
	Paths               []*int             `json:"paths"`
	IsPartition         bool               `json:"partition_is_partition"`
	PartitionModularity *float64           `json:"partition_modularity"`
	LouvainModularity   float64            `json:"louvain_modularity"`
	LouvainCommunities  int                `json:"louvain_communities"`
}

func compareWithNetworkx(t *testing.T, store *graph.Store) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	srv := serve(t, store)
	dir := t.TempDir()
	for _, format := range []string{"graphml", "gexf"} {
		resp, body := get(t, srv, "/export/"+format)
		if resp.StatusCode != 200 {
			t.Fatalf("/export/%s: %d %s", format, resp.StatusCode, body)
		}
		if err := os.WriteFile(filepath.Join(dir, "graph."+format), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	graphmlData, _ := os.ReadFile(filepath.Join(dir, "graph.graphml"))
	gexfData, _ := os.ReadFile(filepath.Join(dir, "graph.gexf"))
	if validateExports(t, graphmlData, gexfData) {
		t.Logf("the exports validate against the GraphML 1.0 and GEXF 1.2draft schemas")
	}

	// The Go side: the same snapshot the export was made of.
	sg, err := store.Snapshot(ctx, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cytoscapeJSMissing() == "" {
		resp, body := get(t, srv, "/export/cytoscape")
		if resp.StatusCode != 200 {
			t.Fatalf("/export/cytoscape: %d %s", resp.StatusCode, body)
		}
		checkInCytoscapeJS(t, body, sg)
	}
	g := analysis.New(sg)
	groups, q, err := g.Communities(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	pairs := samplePairsOf(sg, samplePairs)

	req := map[string]any{"graphml": filepath.Join(dir, "graph.graphml"), "gexf": filepath.Join(dir, "graph.gexf"),
		"pairs": pairs, "partition": groups, "seed": 1}
	reqFile := filepath.Join(dir, "request.json")
	data, _ := json.Marshal(req)
	if err := os.WriteFile(reqFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	cmd := exec.CommandContext(ctx, python(), "testdata/networkx_compare.py", reqFile)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx_compare.py: %v", err)
	}
	var nx nxResult
	if err := json.Unmarshal(out, &nx); err != nil {
		t.Fatalf("networkx_compare.py printed %q: %v", out, err)
	}
	t.Logf("networkx %s took %v on %d nodes, %d edges (%d simple)", nx.Networkx, time.Since(began).Round(time.Millisecond),
		len(sg.Nodes), len(sg.Edges), nx.Simple.Edges)

	// Counts and identities: the file is the graph, in both formats.
	var keys []string
	names := map[string]string{}
	kinds := map[string]string{}
	for _, e := range sg.Edges {
		keys = append(keys, e.ID)
	}
	for _, n := range sg.Nodes {
		names[n.ID], kinds[n.ID] = n.Name, graph.KindName(n.Kind)
	}
	sort.Strings(keys)
	if !nx.GraphML.Directed || nx.GraphML.Nodes != len(sg.Nodes) || nx.GraphML.Edges != len(sg.Edges) {
		t.Errorf("GraphML read by networkx: directed %v, %d nodes, %d edges; want directed, %d and %d",
			nx.GraphML.Directed, nx.GraphML.Nodes, nx.GraphML.Edges, len(sg.Nodes), len(sg.Edges))
	}
	if !nx.GEXF.Directed || nx.GEXF.Nodes != len(sg.Nodes) || nx.GEXF.Edges != len(sg.Edges) {
		t.Errorf("GEXF read by networkx: directed %v, %d nodes, %d edges; want directed, %d and %d",
			nx.GEXF.Directed, nx.GEXF.Nodes, nx.GEXF.Edges, len(sg.Nodes), len(sg.Edges))
	}
	if strings.Join(nx.GraphML.EdgeKeys, "\n") != strings.Join(keys, "\n") {
		t.Errorf("GraphML edge keys differ from the graph's")
	}
	if strings.Join(nx.GEXF.EdgeIDs, "\n") != strings.Join(keys, "\n") {
		t.Errorf("GEXF edge ids differ from the graph's")
	}
	if !mapsEqual(nx.GraphML.Names, names) || !mapsEqual(nx.GEXF.Names, names) || !mapsEqual(nx.GraphML.Kinds, kinds) {
		t.Errorf("node names or kinds read back by networkx differ from the graph's")
	}
	if !nx.GEXF.SameSimpleGraph {
		t.Errorf("GraphML and GEXF give networkx different graphs")
	}
	if want := simpleEdges(sg); nx.Simple.Nodes != g.Order() || nx.Simple.Edges != want {
		t.Errorf("simple undirected graph: networkx %d nodes, %d edges; want %d and %d", nx.Simple.Nodes, nx.Simple.Edges, g.Order(), want)
	}

	// Centralities, node by node.
	compareScores(t, "degree centrality", g.Degree(), nx.Degree, tolExact)
	betweenness, err := g.SampledBetweenness(ctx, g.Order()) // every node a source: exact
	if err != nil {
		t.Fatal(err)
	}
	pageRank, err := g.PageRank(ctx)
	if err != nil {
		t.Fatal(err)
	}
	compareScores(t, "betweenness centrality", betweenness.Value, nx.Betweenness, tolExact)
	compareScores(t, "PageRank", pageRank, nx.PageRank, tolPageRank)

	// Shortest paths: Store.ShortestPath over every edge kind against networkx's lengths.
	var found, none int
	for i, p := range pairs {
		path, err := store.ShortestPath(ctx, p[0], p[1], graph.MaxHops, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := nx.Paths[i]
		switch {
		case want == nil || *want > graph.MaxHops:
			none++
			if path != nil {
				t.Errorf("shortest path %s - %s: Store found length %d, networkx %v (beyond %d hops or none)", p[0], p[1], len(path.Edges), show(want), graph.MaxHops)
			}
		case path == nil:
			t.Errorf("shortest path %s - %s: Store found none, networkx has length %d", p[0], p[1], *want)
		case len(path.Edges) != *want:
			t.Errorf("shortest path %s - %s: Store length %d, networkx %d", p[0], p[1], len(path.Edges), *want)
		default:
			found++
		}
	}
	t.Logf("shortest paths: %d pairs agree on a length, %d agree there is none within %d hops", found, none, graph.MaxHops)

	// Communities: networkx's modularity of our partition is ours, and close to its own Louvain's.
	switch {
	case !nx.IsPartition:
		t.Errorf("analysis.Communities is not a partition of the graph networkx read")
	case math.Abs(*nx.PartitionModularity-q) > tolQ:
		t.Errorf("modularity of analysis.Communities: ours %.12f, networkx %.12f", q, *nx.PartitionModularity)
	}
	if q < nx.LouvainModularity-louvainGap {
		t.Errorf("Louvain modularity: ours %.4f (%d communities), networkx louvain_communities %.4f (%d): more than %.2f below",
			q, len(groups), nx.LouvainModularity, nx.LouvainCommunities, louvainGap)
	}
	t.Logf("modularity: ours %.6f in %d communities (networkx computes %v for it); networkx louvain %.6f in %d",
		q, len(groups), show(nx.PartitionModularity), nx.LouvainModularity, nx.LouvainCommunities)
}

// compareScores reports every node whose score differs by more than tol, and logs the largest difference.
func compareScores(t *testing.T, what string, ours, theirs map[string]float64, tol float64) {
	t.Helper()
	if len(ours) != len(theirs) {
		t.Errorf("%s: %d nodes here, %d in networkx", what, len(ours), len(theirs))
	}
	worst, worstID, bad := 0.0, "", 0
	ids := make([]string, 0, len(ours))
	for id := range ours {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		want, ok := theirs[id]
		if !ok {
			t.Errorf("%s: networkx has no node %q", what, id)
			continue
		}
		d := math.Abs(ours[id] - want)
		if d > worst {
			worst, worstID = d, id
		}
		if d > tol {
			if bad < 5 {
				t.Errorf("%s of %q: graph/analysis %.10g, networkx %.10g", what, id, ours[id], want)
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d nodes differ by more than %g in all", what, bad, tol)
	}
	if worstID == "" {
		t.Logf("%s: identical on all %d nodes", what, len(ids))
	} else {
		t.Logf("%s: largest difference %.3g (at %q) over %d nodes", what, worst, worstID, len(ids))
	}
}

func show(p any) string {
	switch v := p.(type) {
	case *int:
		if v != nil {
			return fmt.Sprint(*v)
		}
	case *float64:
		if v != nil {
			return fmt.Sprintf("%.6f", *v)
		}
	}
	return "none"
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// simpleEdges counts the distinct unordered pairs of distinct nodes joined by an edge.
func simpleEdges(sg *graph.Subgraph) int {
	pairs := map[[2]string]bool{}
	for _, e := range sg.Edges {
		a, b := e.From, e.To
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		pairs[[2]string{a, b}] = true
	}
	return len(pairs)
}

// samplePairsOf picks n deterministic pairs of distinct nodes.
func samplePairsOf(sg *graph.Subgraph, n int) [][2]string {
	ids := make([]string, len(sg.Nodes))
	for i, node := range sg.Nodes {
		ids[i] = node.ID
	}
	sort.Strings(ids)
	if len(ids) < 2 {
		return nil
	}
	r := rand.New(rand.NewPCG(42, 42))
	pairs := make([][2]string, 0, n)
	for len(pairs) < n {
		a, b := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
		if a != b {
			pairs = append(pairs, [2]string{a, b})
		}
	}
	return pairs
}

// generated builds a deterministic fixture of about n nodes whose degrees are heavy-tailed:
// actors, people, meetings, projects and roadmaps, linked by preferential attachment
// (a new edge picks an end with probability growing with its degree), plus parallel
// edges of different kinds, repeated memoranda, a detached component and isolated nodes.
func generated(n int, seed uint64) *fixtures.Fixture {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	src := []fixtures.Source{{Reference: "generated"}}
	countries := []string{"IT", "FR", "MA", "UZ", "US", "DE", "ES", "GB", "AL", "RS", "TN", "KZ", "NG", "BR", "JP"}
	f := &fixtures.Fixture{Format: fixtures.Format}
	degree := map[string]int{}
	byKind := map[string][]string{}
	add := func(kind, id, name string, country *string) string {
		f.Nodes = append(f.Nodes, fixtures.Node{ID: id, Kind: kind, Name: name, Country: country, Sources: src})
		byKind[kind] = append(byKind[kind], id)
		return id
	}
	edgeSeen := map[string]bool{}
	link := func(kind, from, to string, date *string) {
		e := fixtures.Edge{Kind: kind, From: from, To: to, Date: date, Sources: src}
		if from == to || edgeSeen[e.Key()] {
			return
		}
		edgeSeen[e.Key()] = true
		f.Edges = append(f.Edges, e)
		degree[from]++
		degree[to]++
	}
	// pick chooses among candidates with weight 1 + degree^1.2: preferential attachment.
	pick := func(candidates []string) string {
		total := 0.0
		for _, c := range candidates {
			total += 1 + math.Pow(float64(degree[c]), 1.2)
		}
		x := r.Float64() * total
		for _, c := range candidates {
			x -= 1 + math.Pow(float64(degree[c]), 1.2)
			if x <= 0 {
				return c
			}
		}
		return candidates[len(candidates)-1]
	}
	scale := func(share float64) int { return max(3, int(share*float64(n))) }

	for i := range scale(0.02) {
		c := countries[i%len(countries)]
		add(fixtures.KindState, fmt.Sprintf("state:g%03d", i), fmt.Sprintf("State %d", i), &c)
	}
	for i := range scale(0.02) {
		add(fixtures.KindUNBody, fmt.Sprintf("un:g%03d", i), fmt.Sprintf("UN body %d", i), nil)
	}
	for i := range scale(0.04) {
		add(fixtures.KindOrganization, fmt.Sprintf("org:g%03d", i), fmt.Sprintf("Organisation %d", i), nil)
	}
	for i := range scale(0.15) {
		c := countries[r.IntN(len(countries))]
		id := add(fixtures.KindAgency, fmt.Sprintf("agency:%s:g%03d", strings.ToLower(c), i), fmt.Sprintf("Agency %d of %s", i, c), &c)
		link(fixtures.EdgePartOf, id, pick(byKind[fixtures.KindState]), nil)
	}
	actors := func() []string {
		var a []string
		for _, k := range []string{fixtures.KindState, fixtures.KindAgency, fixtures.KindUNBody, fixtures.KindOrganization} {
			a = append(a, byKind[k]...)
		}
		return a
	}()
	for _, un := range byKind[fixtures.KindUNBody][1:] {
		link(fixtures.EdgePartOf, un, byKind[fixtures.KindUNBody][0], nil)
	}
	for range scale(0.05) {
		link(fixtures.EdgeMemberOf, pick(actors), pick(append(byKind[fixtures.KindOrganization], byKind[fixtures.KindUNBody]...)), nil)
	}
	for i := range scale(0.06) {
		id := add(fixtures.KindProject, fmt.Sprintf("project:g%03d", i), fmt.Sprintf("Project %d", i), nil)
		implementer := pick(actors)
		link(fixtures.EdgeImplements, implementer, id, nil)
		if r.IntN(3) == 0 { // the implementer funds it too: a parallel edge of another kind
			link(fixtures.EdgeFunded, implementer, id, nil)
		} else {
			link(fixtures.EdgeFunded, pick(actors), id, nil)
		}
	}
	for i := range scale(0.02) {
		id := add(fixtures.KindRoadmap, fmt.Sprintf("roadmap:g%03d", i), fmt.Sprintf("Roadmap %d", i), nil)
		for range 1 + r.IntN(6) {
			link(fixtures.EdgePartyTo, pick(actors), id, nil)
		}
	}
	people := scale(0.30)
	for i := range people {
		id := add(fixtures.KindPerson, fmt.Sprintf("person:g%04d", i), fmt.Sprintf("Person %d", i), nil)
		link(fixtures.EdgeAffiliatedWith, id, pick(actors), nil)
	}
	participants := append(append([]string{}, actors...), byKind[fixtures.KindPerson]...)
	for i := range scale(0.32) {
		id := add(fixtures.KindMeeting, fmt.Sprintf("meeting:g%04d", i), fmt.Sprintf("Meeting %d", i), nil)
		for range 2 + int(r.ExpFloat64()*2.5) {
			link(fixtures.EdgeParticipatedIn, pick(participants), id, nil)
		}
		if r.IntN(2) == 0 {
			link(fixtures.EdgeHeldUnder, id, pick(append(byKind[fixtures.KindProject], byKind[fixtures.KindOrganization]...)), nil)
		}
		if r.IntN(20) == 0 {
			link(fixtures.EdgeAdoptedAt, byKind[fixtures.KindRoadmap][r.IntN(len(byKind[fixtures.KindRoadmap]))], id, nil)
		}
	}
	for i := range scale(0.05) { // memoranda, some signed twice: parallel edges of the same kind
		a, b := pick(actors), pick(actors)
		link(fixtures.EdgeMemorandum, a, b, ptr(fmt.Sprint(2000+i%25)))
		if i%4 == 0 {
			link(fixtures.EdgeMemorandum, a, b, ptr(fmt.Sprintf("%d-06", 2000+i%25)))
		}
	}
	// A detached chain (paths into it exist nowhere) and a few isolated nodes.
	chain := make([]string, 5)
	for i := range chain {
		chain[i] = add(fixtures.KindOrganization, fmt.Sprintf("org:island-%d", i), fmt.Sprintf("Island %d", i), nil)
		if i > 0 {
			link(fixtures.EdgeMemberOf, chain[i-1], chain[i], nil)
		}
	}
	for i := range 4 {
		add(fixtures.KindOrganization, fmt.Sprintf("org:isolated-%d", i), fmt.Sprintf("Isolated %d", i), nil)
	}
	return f
}

func TestGeneratedIsHeavyTailed(t *testing.T) {
	f := generated(2500, 7)
	if ps := fixtures.Validate(f); len(ps) > 0 {
		t.Fatalf("invalid generated fixture: %v", ps[:min(len(ps), 5)])
	}
	deg := map[string]int{}
	for _, e := range f.Edges {
		deg[e.From]++
		deg[e.To]++
	}
	var ds []int
	for _, n := range f.Nodes {
		ds = append(ds, deg[n.ID])
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ds)))
	mean := float64(2*len(f.Edges)) / float64(len(f.Nodes))
	t.Logf("%d nodes, %d edges, mean degree %.1f, top degrees %v, median %d", len(f.Nodes), len(f.Edges), mean, ds[:10], ds[len(ds)/2])
	if len(f.Nodes) < 2000 || float64(ds[0]) < 15*mean {
		t.Errorf("want a few thousand nodes and a hub of at least 15 times the mean degree")
	}
}
