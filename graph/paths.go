package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

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

// shortestPathCypher[h] finds a shortest path of at most h hops; the hop bound cannot be
// a parameter in Cypher, so each allowed value has its own fixed statement.
var shortestPathCypher = func() []string {
	qs := make([]string, MaxHops+1)
	for h := 1; h <= MaxHops; h++ {
		qs[h] = fmt.Sprintf(`
			MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
			MATCH p = shortestPath((a)-[rs*..%d]-(b))
			WHERE all(r IN rs WHERE type(r) IN $kinds)
			RETURN nodes(p) AS nodes, [r IN relationships(p) | {r: r, from: startNode(r).id, to: endNode(r).id}] AS rels`, h)
	}
	return qs
}()

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
// edge kinds, ignoring direction; nil when there is none.
func (s *Store) ShortestPath(ctx context.Context, from, to string, maxHops int, kinds []string) (*Path, error) {
	if err := within("maxHops", maxHops, 1, MaxHops); err != nil {
		return nil, err
	}
	a, b, kinds, err := s.pair(ctx, from, to, kinds)
	if err != nil {
		return nil, err
	}
	if a.ID == b.ID {
		return &Path{Nodes: []Node{*a}}, nil
	}
	recs, err := s.read(ctx, shortestPathCypher[maxHops], map[string]any{"from": a.ID, "to": b.ID, "kinds": kinds})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	nodes, _ := recs[0].Get("nodes")
	rels, _ := recs[0].Get("rels")
	p := &Path{}
	for _, n := range nodes.([]any) {
		p.Nodes = append(p.Nodes, nodeFrom(n.(dbtype.Node)))
	}
	for _, x := range rels.([]any) {
		p.Edges = append(p.Edges, edgeOf(x))
	}
	return p, nil
}

// Neighbourhood returns the nodes within depth hops of id over the given edge kinds, at
// most limit of them, with the edges among them. One round trip per level.
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
	start, err := s.resolve(ctx, id)
	if err != nil {
		return nil, err
	}
	g := &Subgraph{Nodes: []Node{*start}}
	seen := map[string]bool{start.ID: true}
	edgeSeen := map[string]bool{}
	frontier := []string{start.ID}
	for level := 0; level < depth && len(frontier) > 0; level++ {
		recs, err := s.read(ctx, `
			UNWIND $frontier AS id
			MATCH (a:Entity {id: id})
			CALL (a) {
				MATCH (a)-[r]-(b:Entity)
				WHERE type(r) IN $kinds
				RETURN r, b LIMIT $perNode
			}
			RETURN {r: r, from: startNode(r).id, to: endNode(r).id} AS e, b, a.id AS src
			LIMIT $cap`,
			// A hub is read only as far as the answer can use it: at most limit
			// neighbours from each frontier node, with no global sort.
			map[string]any{"frontier": frontier, "kinds": kinds, "perNode": limit, "cap": limit * 20})
		if err != nil {
			return nil, err
		}
		if len(recs) == limit*20 {
			g.Truncated = true
		}
		var next []string
		perNode := map[string]int{}
		for _, rec := range recs {
			src, _ := rec.Get("src")
			if perNode[src.(string)]++; perNode[src.(string)] == limit {
				g.Truncated = true // that node may have more neighbours than were read
			}
			e, _ := rec.Get("e")
			b, _ := rec.Get("b")
			bn := nodeFrom(b.(dbtype.Node))
			if !seen[bn.ID] {
				if len(g.Nodes) >= limit {
					g.Truncated = true
					continue
				}
				seen[bn.ID] = true
				g.Nodes = append(g.Nodes, bn)
				next = append(next, bn.ID)
			}
			edge := edgeOf(e)
			if seen[bn.ID] && !edgeSeen[edge.ID] {
				edgeSeen[edge.ID] = true
				g.Edges = append(g.Edges, edge)
			}
		}
		frontier = next
	}
	return g, nil
}

// edgeOf reads a {r, from, to} map returned by the path queries.
func edgeOf(x any) Edge {
	m := x.(map[string]any)
	return edgeFrom(m["r"].(dbtype.Relationship), str(m["from"]), str(m["to"]))
}

// Snapshot reads the nodes of the given kinds (all but documents when none) and the edges
// of the given kinds among them, for analysis and export of the whole graph.
func (s *Store) Snapshot(ctx context.Context, kinds, edgeKindsWanted []string) (*Subgraph, error) {
	if len(kinds) == 0 {
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
		MATCH (n:Entity) WHERE n.kind IN $kinds
		RETURN n, COLLECT {
			MATCH (n)-[r]->(m:Entity) WHERE type(r) IN $edgeKinds AND m.kind IN $kinds
			RETURN {r: r, from: n.id, to: m.id}
		} AS out
		ORDER BY n.id`, map[string]any{"kinds": kinds, "edgeKinds": ek})
	if err != nil {
		return nil, err
	}
	g := &Subgraph{Nodes: make([]Node, 0, len(recs))}
	for _, rec := range recs {
		n, _ := rec.Get("n")
		out, _ := rec.Get("out")
		g.Nodes = append(g.Nodes, nodeFrom(n.(dbtype.Node)))
		for _, e := range out.([]any) {
			g.Edges = append(g.Edges, edgeOf(e))
		}
	}
	return g, nil
}
