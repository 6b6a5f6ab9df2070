package graph

import (
	"encoding/json"
	"fmt"

	"github.com/entente/entente/fixtures"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// How the domain is stored in Neo4j (the importer writes it, the readers read it):
//
//   - A node is (:Entity:<Kind> {id, kind, name, aliases, aliasText, country, startDate,
//     endDate, place, title, subtype, description, refSources, confidence}). kind is the
//     fixture kind ("UNBody"); aliases holds every surface form but the name; aliasText
//     joins them for the full-text index; refSources lists its reference sources (no
//     document, such as {"reference":"gazetteer"}), JSON-encoded fixtures.Source, each once.
//     confidence (0..1) is the highest one it was imported with: it only ever rises.
//   - A document is (:Entity:Document {id, kind: "Document", name, title, language, file,
//     sha256, published, url, text}) (url and text for documents ingested through the
//     service: text is what the spans count in, read only by DocumentText), without a confidence (it reads as 1), with
//     (:Document)-[:MENTIONS {sources}]->(node) for each node it mentions; sources lists
//     the spans of that document that name the node (JSON-encoded fixtures.Source, each
//     once). A node's sources are therefore spread over its MENTIONS and its refSources,
//     so that a hub mentioned by thousands of documents is never rewritten whole: read
//     them with Store.NodeSources.
//   - An edge is a relationship whose type is the edge kind, with {key, role, date, title,
//     place, amount, currency, sources, confidence}; key is fixtures.Edge.Key() and is the
//     edge's id; sources is a list of JSON-encoded fixtures.Source, each once
//     (Store.EdgeSources); confidence is the highest one it was imported with, as a node's.
//   - A missing confidence reads as fixtures.ConfidenceOf(nil), 1; EnsureSchema stores it
//     on the nodes and edges of databases written before confidences were
//     (migrateConfidence).
//   - A node that is not ACCEPTED carries the label Proposed or Rejected, an edge that is
//     not the property status ('PROPOSED' or 'REJECTED'); an accepted fact stores nothing
//     (status.go).
//   - Every import, review and curation leaves (:Change) records (history.go).
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
	URL         *string           // Document only: where it was published (ingested documents)
	Confidence  float64           // 0..1, see fixtures.ConfidenceOf
	Status      string            // StatusAccepted, StatusProposed or StatusRejected (status.go)
	Sources     []fixtures.Source // nil when read from Neo4j: see NodeSources and FillSources
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
	Confidence float64           // 0..1, see fixtures.ConfidenceOf
	Status     string            // StatusAccepted, StatusProposed or StatusRejected (status.go)
	Sources    []fixtures.Source // as Node.Sources: see EdgeSources
}

// Readers return projections, never whole nodes and relationships: the stored sources
// grow with every document that mentions a node, and most questions do not ask for them.

// nodeFields is the projection of the node variable v: every stored property but its
// sources, and its status (status.go), read from its labels.
func nodeFields(v string) string {
	return `{.id, .kind, .name, .aliases, .country, .startDate, .endDate, .place, .title, .subtype, .description, .language, .file, .sha256, .published, .url, .confidence, status: ` +
		nodeStatusCypher(v) + `}`
}

// nodeProj projects the node variable v, e.g. "RETURN " + nodeProj("n") + " AS n".
func nodeProj(v string) string { return v + " " + nodeFields(v) }

// edgeProjFrom projects the relationship variable r, given Cypher expressions for the ids
// of its start and end nodes.
func edgeProjFrom(r, from, to string) string {
	return fmt.Sprintf(`{key: %[1]s.key, kind: type(%[1]s), from: %[2]s, to: %[3]s, role: %[1]s.role, date: %[1]s.date, `+
		`title: %[1]s.title, place: %[1]s.place, amount: %[1]s.amount, currency: %[1]s.currency, confidence: %[1]s.confidence, status: %[1]s.status}`, r, from, to)
}

// edgeProj projects the relationship variable r with the ids of its ends.
func edgeProj(r string) string {
	return edgeProjFrom(r, "startNode("+r+").id", "endNode("+r+").id")
}

// nodeFrom reads a node projection (nodeProj).
func nodeFrom(v any) Node {
	p, _ := v.(map[string]any)
	return Node{
		ID: str(p["id"]), Kind: str(p["kind"]), Name: str(p["name"]), Aliases: strs(p["aliases"]),
		Country: optStr(p["country"]), StartDate: optStr(p["startDate"]), EndDate: optStr(p["endDate"]),
		Place: optStr(p["place"]), Title: optStr(p["title"]), Subtype: optStr(p["subtype"]),
		Description: optStr(p["description"]), Language: optStr(p["language"]), File: optStr(p["file"]),
		SHA256: optStr(p["sha256"]), Published: optStr(p["published"]), URL: optStr(p["url"]),
		Confidence: fixtures.ConfidenceOf(optFloat(p["confidence"])), Status: statusOf(p["status"]),
	}
}

// edgeOf reads an edge projection (edgeProj), or a {r: relationship, from, to} map.
func edgeOf(v any) Edge {
	p, _ := v.(map[string]any)
	kind := str(p["kind"])
	if r, ok := p["r"].(dbtype.Relationship); ok {
		from, to := p["from"], p["to"]
		p, kind = r.Props, r.Type
		p["from"], p["to"] = from, to
	}
	e := Edge{
		ID: str(p["key"]), Kind: kind, From: str(p["from"]), To: str(p["to"]),
		Role: optStr(p["role"]), Date: optStr(p["date"]), Title: optStr(p["title"]), Place: optStr(p["place"]),
		Currency: optStr(p["currency"]), Amount: optFloat(p["amount"]),
		Confidence: fixtures.ConfidenceOf(optFloat(p["confidence"])), Status: statusOf(p["status"]),
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

// optFloat reads a stored number, which Neo4j may hand back as an integer.
func optFloat(v any) *float64 {
	switch x := v.(type) {
	case float64:
		return &x
	case int64:
		f := float64(x)
		return &f
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
