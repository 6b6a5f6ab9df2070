package analysis

import (
	"context"
	"math"
	"math/rand/v2"
)

// Betweenness is exact up to ExactBetweennessNodes nodes; on larger graphs it is estimated
// from BetweennessSources source nodes drawn with BetweennessSeed (networkx's k and seed).
// Exact betweenness takes one breadth-first search per node, O(n·(n+m)): some ten seconds
// at 20 000 nodes on one core; the estimate takes BetweennessSources searches.
const (
	ExactBetweennessNodes = 2000
	BetweennessSources    = 500
	BetweennessSeed       = 1
)

// marginZ is the normal quantile of the 99% confidence intervals reported as margins.
const marginZ = 2.576

// Estimate is a measure by node id; when it was estimated from sampled sources, Sources is
// their number and Margin holds each node's half-width of its 99% confidence interval.
type Estimate struct {
	Value   map[string]float64
	Margin  map[string]float64 // nil when exact
	Sources int                // 0 when exact
}

// Betweenness is networkx's normalised betweenness_centrality of the undirected graph:
// exact up to ExactBetweennessNodes nodes, else SampledBetweenness with BetweennessSources.
func (g *Graph) Betweenness(ctx context.Context) (Estimate, error) {
	if g.Order() <= ExactBetweennessNodes {
		vs, _, err := g.brandes(ctx, nil)
		if err != nil {
			return Estimate{}, err
		}
		return Estimate{Value: g.byID(vs)}, nil
	}
	return g.SampledBetweenness(ctx, BetweennessSources)
}

// SampledBetweenness estimates normalised betweenness from k sources drawn without
// replacement with BetweennessSeed (networkx's betweenness_centrality(k=k)): the
// accumulated dependencies are scaled by n/k. All sources when k >= n (then exact).
// The margin of a node is marginZ standard errors of its estimate, with the finite
// population correction: 0 when every node is a source.
func (g *Graph) SampledBetweenness(ctx context.Context, k int) (Estimate, error) {
	n := g.Order()
	if k >= n {
		vs, _, err := g.brandes(ctx, nil)
		if err != nil {
			return Estimate{}, err
		}
		return Estimate{Value: g.byID(vs), Margin: g.byID(make([]float64, n)), Sources: n}, nil
	}
	// A partial Fisher-Yates shuffle of the node indexes (sorted by id): reproducible.
	r := rand.New(rand.NewPCG(BetweennessSeed, BetweennessSeed))
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	for i := range k {
		j := i + r.IntN(n-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	sum, sq, err := g.brandes(ctx, perm[:k])
	if err != nil {
		return Estimate{}, err
	}
	scale := float64(n) / float64(k)
	fpc := math.Sqrt(float64(n-k) / float64(n-1))
	margin := make([]float64, n)
	for v := range sum {
		mean := sum[v] / float64(k) // of the normalised dependency, per source
		variance := max(sq[v]/float64(k)-mean*mean, 0) * float64(k) / float64(k-1)
		// The estimate is n·mean; its standard error n·sd/√k, shrunk by the correction.
		margin[v] = marginZ * float64(n) * math.Sqrt(variance/float64(k)) * fpc
		sum[v] *= scale
	}
	return Estimate{Value: g.byID(sum), Margin: g.byID(margin), Sources: k}, nil
}

// brandes accumulates Brandes' dependencies from the given sources (every node when nil),
// normalised by (n-1)(n-2) as networkx does for undirected graphs, and their squares (for
// the variance of an estimate). It checks ctx before each source. Memory: O(n + m).
func (g *Graph) brandes(ctx context.Context, sources []int32) (sum, sq []float64, err error) {
	n := g.Order()
	sum, sq = make([]float64, n), make([]float64, n)
	if n <= 2 {
		return sum, sq, nil
	}
	norm := 1 / (float64(n-1) * float64(n-2))
	sigma := make([]float64, n)
	delta := make([]float64, n)
	dist := make([]int32, n)
	for i := range dist {
		dist[i] = -1
	}
	order := make([]int32, 0, n) // breadth-first order: the queue, then the stack
	count := n
	if sources != nil {
		count = len(sources)
	}
	for i := range count {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		s := int32(i)
		if sources != nil {
			s = sources[i]
		}
		for _, v := range order {
			dist[v], sigma[v], delta[v] = -1, 0, 0
		}
		order = append(order[:0], s)
		dist[s], sigma[s] = 0, 1
		for head := 0; head < len(order); head++ {
			v := order[head]
			for _, w := range g.neighbours(v) {
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
				}
			}
		}
		for j := len(order) - 1; j > 0; j-- {
			w := order[j]
			c := (1 + delta[w]) / sigma[w]
			for _, v := range g.neighbours(w) {
				if dist[v] == dist[w]-1 {
					delta[v] += sigma[v] * c
				}
			}
			d := delta[w] * norm
			sum[w] += d
			sq[w] += d * d
		}
	}
	return sum, sq, nil
}
