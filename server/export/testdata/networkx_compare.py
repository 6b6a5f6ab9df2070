"""Read Entente's GraphML and GEXF exports with networkx and compute what the Go tests compare.

Usage: python3 networkx_compare.py REQUEST.json, where the request is
  {"graphml": PATH, "gexf": PATH, "pairs": [[ID, ID], ...], "partition": [[ID, ...], ...], "seed": N}
Prints one JSON object on standard output (see result below). The measures follow
graph/analysis: the graph is made undirected and simple with nx.Graph, without self-loops.
"""

import json
import re
import sys

import networkx as nx

ESCAPE = re.compile(r"_x([0-9A-F]{4}|[0-9A-F]{8})_")


def entente_id(graphml_id):
    """Reverses export.GraphMLID: _xHHHH_ stands for one character."""
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), graphml_id)


def graphml_edge_ids(g):
    """The ids of the edges of a GraphML export: networkx keeps them as the keys of a
    multigraph, and in each edge's "id" of a graph without parallel edges."""
    if g.is_multigraph():
        return [k for _, _, k in g.edges(keys=True)]
    return [d.get("id", "") for _, _, d in g.edges(data=True)]


def simple(g):
    h = nx.Graph(g)
    h.remove_edges_from(list(nx.selfloop_edges(h)))
    return h


def edge_set(h):
    return {tuple(sorted(e)) for e in h.edges()}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        req = json.load(f)

    gml = nx.read_graphml(req["graphml"])
    gml = nx.relabel_nodes(gml, {n: entente_id(n) for n in gml.nodes})
    gexf = nx.read_gexf(req["gexf"], version="1.3")
    h = simple(gml)
    hx = simple(gexf)

    paths = []
    for a, b in req["pairs"]:
        try:
            paths.append(nx.shortest_path_length(h, a, b))
        except nx.NetworkXNoPath:
            paths.append(None)

    partition = [set(c) for c in req["partition"]]
    is_partition = nx.community.is_partition(h, partition)
    louvain = nx.community.louvain_communities(h, seed=req.get("seed", 1))

    result = {
        "networkx": nx.__version__,
        "graphml": {
            "directed": gml.is_directed(),
            "nodes": gml.number_of_nodes(),
            "edges": gml.number_of_edges(),
            "edge_keys": sorted(entente_id(i) for i in graphml_edge_ids(gml)),
            "kinds": {n: d.get("kind") for n, d in gml.nodes(data=True)},
            "names": {n: d.get("name") for n, d in gml.nodes(data=True)},
        },
        "gexf": {
            "directed": gexf.is_directed(),
            "nodes": gexf.number_of_nodes(),
            "edges": gexf.number_of_edges(),
            "edge_ids": sorted(d.get("id", "") for _, _, d in gexf.edges(data=True)),
            "names": {n: d.get("label") for n, d in gexf.nodes(data=True)},
            "same_simple_graph": set(hx.nodes) == set(h.nodes) and edge_set(hx) == edge_set(h),
        },
        "simple": {"nodes": h.number_of_nodes(), "edges": h.number_of_edges()},
        "degree": nx.degree_centrality(h),
        "betweenness": nx.betweenness_centrality(h, normalized=True),
        "pagerank": nx.pagerank(h, alpha=0.85, tol=1e-12, max_iter=10000),
        "paths": paths,
        "partition_is_partition": is_partition,
        "partition_modularity": nx.community.modularity(h, partition) if is_partition else None,
        "louvain_modularity": nx.community.modularity(h, louvain),
        "louvain_communities": len(louvain),
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
