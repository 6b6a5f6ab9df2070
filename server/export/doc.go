// Package export writes graph.Subgraphs as GraphML (Gephi, yEd), GEXF 1.3 (Gephi),
// Cytoscape.js JSON and CSV, and serves them over HTTP:
//
//	GET /export/graphml     GraphML, directed, typed <key>s (application/graphml+xml)
//	GET /export/gexf        GEXF 1.3, static, directed (application/gexf+xml)
//	GET /export/cytoscape   Cytoscape.js elements JSON, as cy.json() takes it
//	GET /export/csv         a zip of nodes.csv, edges.csv and sources.csv
//	GET /export/csv/nodes   nodes.csv alone, as text/csv (pandas.read_csv(url) reads it);
//	                        /export/csv/edges and /export/csv/sources the others
//	GET /export/nodes.csv   the same as /export/csv/nodes; /export/edges.csv as /export/csv/edges
//
// Without parameters an export holds the whole graph but documents; kinds=State,Agency
// keeps some node kinds. around=ID exports the neighbourhood of a node instead, with
// depth=1..3 (default 1) and limit=1..2000 nodes (default 200). edgeKinds=K1,K2 keeps
// some edge kinds. Kinds are accepted as in fixtures (UNBody) or as GraphQL enums
// (UN_BODY); every export writes them, and roles, as the GraphQL enums do (UN_BODY,
// PARTICIPATED_IN, SPEAKER: graph.KindName, graph.EdgeKindName, graph.RoleName). The X-Entente-Truncated header says whether a neighbourhood hit its limit.
// Whole-graph exports stream from Neo4j (Store.Stream) with flat memory; see Handler for
// what a client sees when an export fails or runs out of time.
//
// GraphML, GEXF and CSV carry the same properties: the columns of nodes.csv (id, label,
// kind, name, aliases, country, dates, place, title, subtype, description, document
// fields, documents, confidence) and edges.csv (id, source, target, label, kind, role,
// date, title, place, amount, currency, documents, confidence), lists joined with
// ListSeparator; confidence (0..1) is a double. sources.csv has a row per source of each
// node and edge (element, id, document, start, end, text, reference: a document span or
// reference data). The JSON keeps lists as lists and adds the sources of every node and edge.
package export
