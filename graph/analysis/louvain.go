package analysis

import (
	"context"
	"math/rand/v2"
	"slices"
	"sort"
)

// louvainThreshold is networkx's: a level that raises modularity by no more ends the search.
const louvainThreshold = 1e-7

// checkEvery is how many node visits a sweep makes between two looks at its context.
const checkEvery = 1024

// level is a weighted graph of one Louvain level: node i stands for a set of nodes of the
// graph below, self[i] is the weight inside it and deg[i] its total degree (self twice).
type level struct {
	off  []int32
	adj  []int32
	w    []float64
	self []float64
	deg  []float64
}

// Communities partitions the graph with Louvain modularity optimisation (resolution 1) as
// networkx's louvain_communities does, deterministic for a seed; communities are sorted by
// size, then by first id, and modularity is that of the partition. It checks ctx every
// checkEvery node visits. Memory: O(n + m).
func (g *Graph) Communities(ctx context.Context, seed uint64) (groups [][]string, modularity float64, err error) {
	n := g.Order()
	if n == 0 {
		return nil, 0, nil
	}
	lv := &level{off: g.off, adj: g.adj, w: make([]float64, len(g.adj)), self: make([]float64, n), deg: make([]float64, n)}
	for i := range lv.w {
		lv.w[i] = 1
	}
	for i := range n {
		lv.deg[i] = float64(g.off[i+1] - g.off[i])
	}
	m := float64(g.Size())
	member := make([]int32, n) // original node -> node of the current level
	for i := range member {
		member[i] = int32(i)
	}
	r := rand.New(rand.NewPCG(seed, seed))
	if m > 0 {
		q := lv.modularity(identity(n), m)
		for {
			com, moved, err := lv.oneLevel(ctx, m, r)
			if err != nil {
				return nil, 0, err
			}
			for i, c := range member {
				member[i] = com[c]
			}
			newQ := lv.modularity(com, m)
			if !moved || newQ-q <= louvainThreshold {
				break
			}
			q = newQ
			lv = lv.aggregate(com)
		}
	}
	byCom := map[int32][]string{}
	for i, c := range member {
		byCom[c] = append(byCom[c], g.ids[i]) // ids ascending: each group sorted
	}
	for _, grp := range byCom {
		groups = append(groups, grp)
	}
	sort.Slice(groups, func(i, j int) bool {
		if len(groups[i]) != len(groups[j]) {
			return len(groups[i]) > len(groups[j])
		}
		return groups[i][0] < groups[j][0]
	})
	return groups, g.modularityOf(member, m), nil
}

// identity is the partition of n nodes into singletons.
func identity(n int) []int32 {
	com := make([]int32, n)
	for i := range com {
		com[i] = int32(i)
	}
	return com
}

// oneLevel moves nodes, visited in a random order, to the neighbouring community that
// raises modularity most, until a sweep moves none (networkx's _one_level). It returns
// each node's community, numbered from 0, and whether any node moved.
func (lv *level) oneLevel(ctx context.Context, m float64, r *rand.Rand) (com []int32, moved bool, err error) {
	n := len(lv.deg)
	com = identity(n)
	tot := slices.Clone(lv.deg)
	order := identity(n)
	r.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	weightTo := make([]float64, n) // weight from the visited node to each community
	touched := make([]int32, 0, 64)
	visits := 0
	for moves := 1; moves > 0; {
		moves = 0
		for _, u := range order {
			if visits++; visits%checkEvery == 0 {
				if err := ctx.Err(); err != nil {
					return nil, false, err
				}
			}
			touched = touched[:0]
			for k := lv.off[u]; k < lv.off[u+1]; k++ {
				c := com[lv.adj[k]]
				if weightTo[c] == 0 {
					touched = append(touched, c)
				}
				weightTo[c] += lv.w[k]
			}
			own, d := com[u], lv.deg[u]
			tot[own] -= d
			best, bestGain := own, 0.0
			remove := -weightTo[own]/m + tot[own]*d/(2*m*m)
			for _, c := range touched {
				if gain := remove + weightTo[c]/m - tot[c]*d/(2*m*m); gain > bestGain {
					best, bestGain = c, gain
				}
			}
			tot[best] += d
			if best != own {
				com[u] = best
				moves++
				moved = true
			}
			for _, c := range touched {
				weightTo[c] = 0
			}
		}
	}
	// Number the communities from 0, in order of their first node.
	renum := make([]int32, n)
	for i := range renum {
		renum[i] = -1
	}
	next := int32(0)
	for i, c := range com {
		if renum[c] < 0 {
			renum[c] = next
			next++
		}
		com[i] = renum[c]
	}
	return com, moved, nil
}

// modularity of a partition of the level's nodes, on a graph of m edges.
func (lv *level) modularity(com []int32, m float64) float64 {
	in := make([]float64, len(com))
	tot := make([]float64, len(com))
	for u, c := range com {
		tot[c] += lv.deg[u]
		in[c] += lv.self[u]
		for k := lv.off[u]; k < lv.off[u+1]; k++ {
			if v := lv.adj[k]; v > int32(u) && com[v] == c {
				in[c] += lv.w[k]
			}
		}
	}
	q := 0.0
	for c := range com {
		q += in[c]/m - (tot[c]/(2*m))*(tot[c]/(2*m))
	}
	return q
}

// aggregate builds the next level: one node per community, with the weights between them.
func (lv *level) aggregate(com []int32) *level {
	k := int(slices.Max(com)) + 1
	next := &level{off: make([]int32, k+1), self: make([]float64, k), deg: make([]float64, k)}
	// Members of each community, to visit them together.
	start := make([]int32, k+1)
	for _, c := range com {
		start[c+1]++
	}
	for c := range k {
		start[c+1] += start[c]
	}
	members := make([]int32, len(com))
	fill := slices.Clone(start[:k])
	for u, c := range com {
		members[fill[c]] = int32(u)
		fill[c]++
	}
	weightTo := make([]float64, k)
	touched := make([]int32, 0, 64)
	for c := range k {
		touched = touched[:0]
		for _, u := range members[start[c]:start[c+1]] {
			next.self[c] += lv.self[u]
			next.deg[c] += lv.deg[u]
			for e := lv.off[u]; e < lv.off[u+1]; e++ {
				d := com[lv.adj[e]]
				if d == int32(c) {
					next.self[c] += lv.w[e] / 2 // seen from both ends
					continue
				}
				if weightTo[d] == 0 {
					touched = append(touched, d)
				}
				weightTo[d] += lv.w[e]
			}
		}
		slices.Sort(touched)
		for _, d := range touched {
			next.adj = append(next.adj, d)
			next.w = append(next.w, weightTo[d])
			weightTo[d] = 0
		}
		next.off[c+1] = int32(len(next.adj))
	}
	return next
}

// modularityOf is the modularity of a partition of the graph (community by node), as
// networkx's modularity computes it; 0 for a graph without edges.
func (g *Graph) modularityOf(member []int32, m float64) float64 {
	if m == 0 {
		return 0
	}
	lv := &level{off: g.off, adj: g.adj, w: make([]float64, len(g.adj)), self: make([]float64, len(member)), deg: make([]float64, len(member))}
	for i := range lv.w {
		lv.w[i] = 1
	}
	for i := range member {
		lv.deg[i] = float64(g.off[i+1] - g.off[i])
	}
	return lv.modularity(member, m)
}
