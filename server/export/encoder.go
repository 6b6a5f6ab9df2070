package export

import "github.com/entente/entente/graph"

// encoder writes one export as it is read: begin once, then every node, then every edge,
// then end. Nothing but a bounded buffer is held between calls, so that a whole graph
// streams through with flat memory.
type encoder interface {
	begin(header) error
	node(graph.Node) error
	edge(graph.Edge) error
	end() error
}

// header is what an encoder learns before the first node.
type header struct {
	truncated    bool // a neighbourhood hit its size limit
	nodes, edges int  // how many follow, for formats that state it (GEXF)
}

// writeSubgraph writes sg, cleaned (see clean), through enc.
func writeSubgraph(enc encoder, sg *graph.Subgraph) error {
	nodes, edges := clean(sg)
	if err := enc.begin(header{truncated: sg != nil && sg.Truncated, nodes: len(nodes), edges: len(edges)}); err != nil {
		return err
	}
	for _, n := range nodes {
		if err := enc.node(n); err != nil {
			return err
		}
	}
	for _, e := range edges {
		if err := enc.edge(e); err != nil {
			return err
		}
	}
	return enc.end()
}
