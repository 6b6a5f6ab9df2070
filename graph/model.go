package graph

import (
	"encoding/json"

	"github.com/entente/entente/fixtures"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// How the domain is stored in Neo4j (the importer writes it, the readers read it):
//
//   - A node is (:Entity:<Kind> {id, kind, name, aliases, aliasText, country, startDate,
//     endDate, place, title, subtype, description, sources, docs}). kind is the fixture
//     kind ("UNBody"); aliases holds every surface form but the name; aliasText joins them
//     for the full-text index; sources is a list of JSON-encoded fixtures.Source, each once;
//     docs lists the ids of the documents that mention it.
//   - A document is (:Entity:Document {id, kind: "Document", name, title, language, file,
//     sha256, published}) with (:Document)-[:MENTIONS]->(node) for each node it mentions.
//   - An edge is a relationship whose type is the edge kind, with {key, role, date, title,
//     place, amount, currency, sources, docs}; key is fixtures.Edge.Key() and is the edge's id.
//   - A merged node leaves (:Redirect {id})-[:MERGED_INTO]->(survivor) behind.

// KindDocument is the kind of Document nodes.
const KindDocument = "Document"

// Node is one node as read from Neo4j.
type Node struct {
	ID          string
	Kind        string // fixtures kind, or KindDocument
	Name        string
	Aliases     []string
	Country     *string
	StartDate   *string
	EndDate     *string
	Place       *string
	Title       *string // Person title; Document title
	Subtype     *string
	Description *string
	Language    *string // Document only
	File        *string
	SHA256      *string
	Published   *string
	Sources     []fixtures.Source // set when built in Go; read from Neo4j, see AllSources
	rawSources  []string          // the stored JSON, decoded only when asked for
}

// AllSources returns the node's sources; those read from Neo4j are decoded on each call,
// so that queries that do not ask for sources do not pay for them.
func (n *Node) AllSources() []fixtures.Source {
	if n.Sources != nil || n.rawSources == nil {
		return n.Sources
	}
	return sources(n.rawSources)
}

// Edge is one relationship as read from Neo4j.
type Edge struct {
	ID         string // the edge key
	Kind       string
	From       string
	To         string
	Role       *string
	Date       *string
	Title      *string
	Place      *string
	Amount     *float64
	Currency   *string
	Sources    []fixtures.Source // as Node.Sources
	rawSources []string
}

// AllSources returns the edge's sources, decoding stored ones on each call.
func (e *Edge) AllSources() []fixtures.Source {
	if e.Sources != nil || e.rawSources == nil {
		return e.Sources
	}
	return sources(e.rawSources)
}

// nodeFrom reads a Neo4j node written by the importer.
func nodeFrom(n dbtype.Node) Node {
	p := n.Props
	return Node{
		ID: str(p["id"]), Kind: str(p["kind"]), Name: str(p["name"]), Aliases: strs(p["aliases"]),
		Country: optStr(p["country"]), StartDate: optStr(p["startDate"]), EndDate: optStr(p["endDate"]),
		Place: optStr(p["place"]), Title: optStr(p["title"]), Subtype: optStr(p["subtype"]),
		Description: optStr(p["description"]), Language: optStr(p["language"]), File: optStr(p["file"]),
		SHA256: optStr(p["sha256"]), Published: optStr(p["published"]), rawSources: strs(p["sources"]),
	}
}

// edgeFrom reads a relationship written by the importer, given its end ids.
func edgeFrom(r dbtype.Relationship, from, to string) Edge {
	p := r.Props
	e := Edge{
		ID: str(p["key"]), Kind: r.Type, From: from, To: to,
		Role: optStr(p["role"]), Date: optStr(p["date"]), Title: optStr(p["title"]), Place: optStr(p["place"]),
		Currency: optStr(p["currency"]), rawSources: strs(p["sources"]),
	}
	switch a := p["amount"].(type) {
	case float64:
		e.Amount = &a
	case int64:
		f := float64(a)
		e.Amount = &f
	}
	return e
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func optStr(v any) *string {
	if s, ok := v.(string); ok {
		return &s
	}
	return nil
}

func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// sources decodes the JSON-encoded sources list; an undecodable entry is skipped.
func sources(raw []string) []fixtures.Source {
	out := make([]fixtures.Source, 0, len(raw))
	for _, s := range raw {
		var src fixtures.Source
		if json.Unmarshal([]byte(s), &src) == nil {
			out = append(out, src)
		}
	}
	return out
}
