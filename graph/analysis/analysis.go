// Package analysis computes centrality and communities on a graph snapshot with gonum,
// following networkx's conventions so that results can be checked against it: the graph
// is undirected and simple (parallel edges of different kinds count once).
package analysis

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/entente/entente/graph"
)

// Graph is an undirected simple graph over node ids.
type Graph struct {
	g   *simple.UndirectedGraph
	ids []string // gonum id -> node id
}

// New builds the analysis graph of a snapshot; loops and parallel edges are dropped.
func New(sg *graph.Subgraph) *Graph {
	g := &Graph{g: simple.NewUndirectedGraph(), ids: make([]string, 0, len(sg.Nodes))}
	index := make(map[string]int64, len(sg.Nodes))
	for _, n := range sg.Nodes {
		if _, ok := index[n.ID]; ok {
			continue
		}
		index[n.ID] = int64(len(g.ids))
		g.g.AddNode(simple.Node(len(g.ids)))
		g.ids = append(g.ids, n.ID)
	}
	for _, e := range sg.Edges {
		a, okA := index[e.From]
		b, okB := index[e.To]
		if okA && okB && a != b && !g.g.HasEdgeBetween(a, b) {
			g.g.SetEdge(simple.Edge{F: simple.Node(a), T: simple.Node(b)})
		}
	}
	return g
}

// Order is the number of nodes.
func (g *Graph) Order() int { return len(g.ids) }

// Score is a node's value under some measure.
type Score struct {
	ID    string
	Value float64
}

// Degree is networkx's degree_centrality: degree / (n - 1).
func (g *Graph) Degree() map[string]float64 {
	out := make(map[string]float64, len(g.ids))
	n := float64(len(g.ids))
	for i, id := range g.ids {
		d := float64(g.g.From(int64(i)).Len())
		if n > 1 {
			d /= n - 1
		}
		out[id] = d
	}
	return out
}

// Betweenness is networkx's normalised betweenness_centrality of an undirected graph.
func (g *Graph) Betweenness() map[string]float64 {
	raw := network.Betweenness(g.g)
	out := make(map[string]float64, len(g.ids))
	n := float64(len(g.ids))
	for i, id := range g.ids {
		v := raw[int64(i)] // gonum counts each unordered pair from both ends
		if n > 2 {
			v /= (n - 1) * (n - 2)
		} else {
			v = 0
		}
		out[id] = v
	}
	return out
}

// PageRank is networkx's pagerank (alpha 0.85) of the undirected graph seen as directed both ways.
func (g *Graph) PageRank() map[string]float64 {
	d := simple.NewDirectedGraph()
	for i := range g.ids {
		d.AddNode(simple.Node(i))
	}
	edges := g.g.Edges()
	for edges.Next() {
		e := edges.Edge()
		d.SetEdge(simple.Edge{F: e.From(), T: e.To()})
		d.SetEdge(simple.Edge{F: e.To(), T: e.From()})
	}
	raw := network.PageRankSparse(d, 0.85, 1e-10)
	out := make(map[string]float64, len(g.ids))
	for i, id := range g.ids {
		out[id] = raw[int64(i)]
	}
	return out
}

// Top returns the k best scores, highest first, ties by id.
func Top(scores map[string]float64, k int) []Score {
	out := make([]Score, 0, len(scores))
	for id, v := range scores {
		out = append(out, Score{id, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Value != out[j].Value {
			return out[i].Value > out[j].Value
		}
		return out[i].ID < out[j].ID
	})
	if k < len(out) {
		out = out[:k]
	}
	return out
}

// Communities partitions the graph with Louvain modularity optimisation (resolution 1),
// deterministic for a seed; communities are sorted by size, then by first id.
func (g *Graph) Communities(seed uint64) (groups [][]string, modularity float64) {
	if len(g.ids) == 0 {
		return nil, 0
	}
	reduced := community.Modularize(g.g, 1, rand.NewPCG(seed, seed))
	comms := reduced.Communities()
	for _, c := range comms {
		ids := make([]string, len(c))
		for i, n := range c {
			ids[i] = g.ids[n.ID()]
		}
		sort.Strings(ids)
		groups = append(groups, ids)
	}
	sort.Slice(groups, func(i, j int) bool {
		if len(groups[i]) != len(groups[j]) {
			return len(groups[i]) > len(groups[j])
		}
		return groups[i][0] < groups[j][0]
	})
	q := community.Q(g.g, comms, 1)
	if math.IsNaN(q) {
		q = 0 // a graph without edges: modularity is 0/0
	}
	return groups, q
}
