package graph

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/entente/entente/fixtures"
)

// Limits of the path queries.
const (
	MaxHops          = 10
	MaxDepth         = 3
	MaxSubgraphNodes = 2000
)

// Path is a chain of nodes and the edges between them; len(Edges) is its length.
type Path struct {
	Nodes []Node
	Edges []Edge
}

// Subgraph is a set of nodes and the edges among them.
type Subgraph struct {
	Nodes     []Node
	Edges     []Edge
	Truncated bool
}

// shortestPathCypher resolves both ends (following merges) and finds a shortest path of at
// most h hops over kinds between them, in one statement. Neither the hop bound nor the
// relationship types can be parameters in Cypher: h is a checked integer and kinds are
// checked edge kinds (edgeKinds), and naming the types in the pattern lets Neo4j follow
// only those relationships instead of reading every one and filtering (MENTIONS included).
func shortestPathCypher(ctx context.Context, h int, kinds []string) string {
	return resolveCypher("a", "$from") + resolveCypher("b", "$to") + fmt.Sprintf(`
			OPTIONAL CALL (a, b) {
				UNWIND CASE WHEN a IS NOT NULL AND b IS NOT NULL AND a <> b THEN [1] ELSE [] END AS go
				MATCH p = shortestPath((a)-[rs%s*..%d]-(b))
				WHERE all(r IN rs WHERE %s) AND all(n IN nodes(p) WHERE %s)
				RETURN p
			}
			RETURN %s AS a, %s AS b, [n IN nodes(p) | %s] AS nodes, [r IN relationships(p) | %s] AS rels`,
		relTypes(kinds), h, acceptedEdge("r"), acceptedNode("n"), nodeProjIn(ctx, "a"), nodeProjIn(ctx, "b"), nodeProjIn(ctx, "n"), edgeProjIn(ctx, "r"))
}

// relTypes is the relationship types of a pattern over kinds, ":A|B|C". Every kind must
// have been checked (edgeKinds, or a list of this package): types cannot be parameters,
// so they are spliced into the statement.
func relTypes(kinds []string) string { return ":" + strings.Join(kinds, "|") }

// edgeKinds checks requested edge kinds; none means every domain edge kind.
func edgeKinds(kinds []string) ([]string, error) {
	if len(kinds) == 0 {
		return fixtures.EdgeKinds, nil
	}
	for _, k := range kinds {
		if !fixtures.Contains(fixtures.EdgeKinds, k) {
			return nil, inputf("%q is not an edge kind", k)
		}
	}
	return kinds, nil
}

// resolve returns the node behind an id (following merges) or a NotFoundError.
func (s *Store) resolve(ctx context.Context, id string) (*Node, error) {
	ns, err := s.NodesByID(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if ns[0] == nil {
		return nil, &NotFoundError{ID: id}
	}
	return ns[0], nil
}

// pair checks the edge kinds and resolves two ends (following merges) in one round trip.
func (s *Store) pair(ctx context.Context, from, to string, kinds []string) (a, b *Node, ks []string, err error) {
	if ks, err = edgeKinds(kinds); err != nil {
		return nil, nil, nil, err
	}
	ns, err := s.NodesByID(ctx, []string{from, to})
	if err != nil {
		return nil, nil, nil, err
	}
	for i, id := range []string{from, to} {
		if ns[i] == nil {
			return nil, nil, nil, &NotFoundError{ID: id}
		}
	}
	return ns[0], ns[1], ks, nil
}

// within checks that an integer argument lies in [lo, hi].
func within(name string, v, lo, hi int) error {
	if v < lo || v > hi {
		return inputf("%s must be between %d and %d", name, lo, hi)
	}
	return nil
}

// ShortestPath finds a shortest path of at most maxHops between two nodes over the given
// edge kinds, ignoring direction; nil when there is none. One round trip.
func (s *Store) ShortestPath(ctx context.Context, from, to string, maxHops int, kinds []string) (*Path, error) {
	if err := within("maxHops", maxHops, 1, MaxHops); err != nil {
		return nil, err
	}
	kinds, err := edgeKinds(kinds)
	if err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, shortestPathCypher(ctx, maxHops, kinds), map[string]any{"from": from, "to": to})
	if err != nil {
		return nil, err
	}
	rec := recs[0].AsMap()
	for _, end := range []struct{ v, id string }{{"a", from}, {"b", to}} {
		if rec[end.v] == nil {
			return nil, &NotFoundError{ID: end.id}
		}
	}
	if a, b := nodeFrom(rec["a"]), nodeFrom(rec["b"]); a.ID == b.ID {
		return &Path{Nodes: []Node{a}}, nil
	}
	if rec["nodes"] == nil {
		return nil, nil
	}
	p := &Path{}
	for _, n := range rec["nodes"].([]any) {
		p.Nodes = append(p.Nodes, nodeFrom(n))
	}
	for _, x := range rec["rels"].([]any) {
		p.Edges = append(p.Edges, edgeOf(x))
	}
	return p, nil
}

// neighbourCypher reads, for each frontier node a, at most $perNode of its edges over
// kinds (checked edge kinds, named in the pattern: see shortestPathCypher) with the id of
// the node at the other end: a hub is read only as far as the answer
// can use it, with no global sort; $cap bounds the rows of a level. It returns one record:
// the rows, and the projections of the first $room nodes not in $seen, in the order the
// rows reach them, which are the nodes Neighbourhood keeps. At 1M nodes a level reads up
// to thousands of rows for a few dozen new nodes: the others are never projected.
func neighbourCypher(ctx context.Context, kinds []string) string {
	return `
	CALL (a) {
		MATCH (a)-[r` + relTypes(kinds) + `]-(b:Entity)
		WHERE ` + acceptedEdge("r") + ` AND ` + acceptedNode("b") + `
		RETURN r, b LIMIT $perNode
	}
	WITH a, r, b LIMIT $cap
	WITH collect({e: ` + edgeProjIn(ctx, "r") + `, b: b.id, src: a.id}) AS rows, collect(DISTINCT b) AS reached
	RETURN rows, [b IN [b IN reached WHERE NOT b.id IN $seen][..$room] | ` + nodeProjIn(ctx, "b") + `] AS nodes`
}

// Neighbourhood returns the nodes within depth hops of id over the given edge kinds, at
// most limit of them, with the edges among them. One read transaction, one statement per
// level; the first also resolves id.
func (s *Store) Neighbourhood(ctx context.Context, id string, depth int, kinds []string, limit int) (*Subgraph, error) {
	if err := within("depth", depth, 1, MaxDepth); err != nil {
		return nil, err
	}
	if err := within("limit", limit, 1, MaxSubgraphNodes); err != nil {
		return nil, err
	}
	kinds, err := edgeKinds(kinds)
	if err != nil {
		return nil, err
	}
	var g *Subgraph
	err = s.readTx(ctx, func(run func(string, map[string]any) ([]*neo4j.Record, error)) error {
		hop := neighbourCypher(ctx, kinds)
		params := map[string]any{"id": id, "perNode": limit, "cap": limit * 20,
			"seen": []string{id}, "room": limit - 1}
		recs, err := run(resolveCypher("a", "$id")+`
			OPTIONAL CALL (a) {`+hop+` }
			RETURN `+nodeProjIn(ctx, "a")+` AS start, rows, nodes`, params)
		if err != nil {
			return err
		}
		if len(recs) == 0 || recs[0].Values[0] == nil {
			return &NotFoundError{ID: id}
		}
		start := nodeFrom(recs[0].Values[0])
		g = &Subgraph{Nodes: []Node{start}}
		seen := map[string]bool{start.ID: true}
		edgeSeen := map[string]bool{}
		rows, projected := recs[0].Values[1], recs[0].Values[2]
		for level := 0; ; level++ {
			var next []string
			levelStart := len(g.Nodes)
			perNode := map[string]int{}
			rowList, _ := rows.([]any)
			if len(rowList) == limit*20 {
				g.Truncated = true
			}
			byID := map[string]any{}
			nodeList, _ := projected.([]any)
			for _, n := range nodeList {
				byID[str(n.(map[string]any)["id"])] = n
			}
			for _, row := range rowList {
				m := row.(map[string]any)
				src := str(m["src"])
				if perNode[src]++; perNode[src] == limit {
					g.Truncated = true // that node may have more neighbours than were read
				}
				b := str(m["b"])
				if !seen[b] {
					if len(g.Nodes) >= limit {
						g.Truncated = true
						continue
					}
					if byID[b] == nil {
						return fmt.Errorf("neighbourhood: node %q was reached but not projected", b)
					}
					seen[b] = true
					g.Nodes = append(g.Nodes, nodeFrom(byID[b]))
					next = append(next, b)
				}
				if edge := edgeOf(m["e"]); !edgeSeen[edge.ID] {
					edgeSeen[edge.ID] = true
					g.Edges = append(g.Edges, edge)
				}
			}
			// Each level's nodes by id, so that the same graph gives the same answer.
			slices.SortFunc(g.Nodes[levelStart:], func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
			slices.Sort(next)
			if level+1 >= depth || len(next) == 0 {
				return nil
			}
			params["frontier"], params["seen"], params["room"] = next, slices.Collect(maps.Keys(seen)), limit-len(g.Nodes)
			recs, err := run(`UNWIND $frontier AS id MATCH (a:Entity {id: id})`+hop, params)
			if err != nil {
				return err
			}
			rows, projected = recs[0].Values[0], recs[0].Values[1]
		}
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// Snapshot reads the nodes of the given kinds (all but documents when none) and the edges
// of the given kinds among them, for analysis and export of the whole graph.
func (s *Store) Snapshot(ctx context.Context, kinds, edgeKindsWanted []string) (*Subgraph, error) {
	whole := len(kinds) == 0
	if whole {
		kinds = fixtures.NodeKinds
	}
	for _, k := range kinds {
		if !fixtures.Contains(fixtures.NodeKinds, k) {
			return nil, inputf("%q is not a node kind", k)
		}
	}
	ek, err := edgeKinds(edgeKindsWanted)
	if err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `
		MATCH (n:Entity) WHERE n.kind IN $kinds AND `+acceptedNode("n")+`
		RETURN `+nodeProj("n")+` AS n, COLLECT {
			MATCH (n)-[r]->(m:Entity) WHERE type(r) IN $edgeKinds AND m.kind IN $kinds AND `+acceptedEdge("r")+` AND `+acceptedNode("m")+`
			RETURN `+edgeProjFrom("r", "n.id", "m.id")+`
		} AS out
		ORDER BY n.id`, map[string]any{"kinds": kinds, "edgeKinds": ek})
	if err != nil {
		return nil, err
	}
	g := &Subgraph{Nodes: make([]Node, 0, len(recs))}
	for _, rec := range recs {
		n, _ := rec.Get("n")
		out, _ := rec.Get("out")
		g.Nodes = append(g.Nodes, nodeFrom(n))
		for _, e := range out.([]any) {
			g.Edges = append(g.Edges, edgeOf(e))
		}
	}
	if whole {
		s.nodes.Store(int64(len(g.Nodes)))
	}
	return g, nil
}

// FillSources reads the sources of every node and edge of g, for exports that carry them.
// Two round trips.
func (s *Store) FillSources(ctx context.Context, g *Subgraph) error {
	ids := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = n.ID
	}
	ns, err := s.NodeSources(ctx, ids)
	if err != nil {
		return err
	}
	for i := range g.Nodes {
		g.Nodes[i].Sources = nonNilSources(ns[i])
	}
	refs := make([]EdgeRef, len(g.Edges))
	for i, e := range g.Edges {
		refs[i] = EdgeRef{Kind: e.Kind, Key: e.ID}
	}
	es, err := s.EdgeSources(ctx, refs)
	if err != nil {
		return err
	}
	for i := range g.Edges {
		g.Edges[i].Sources = nonNilSources(es[i])
	}
	return nil
}

func nonNilSources(s []fixtures.Source) []fixtures.Source {
	if s == nil {
		return []fixtures.Source{}
	}
	return s
}
