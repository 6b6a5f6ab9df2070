package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/synth"
)

// Op is one measured operation: the same question asked of Entente's GraphQL endpoint,
// of Neo4j through the Go driver with hand-written Cypher (the floor), and of the peer.
type Op struct {
	Name    string
	About   string
	Entente string                                                             // GraphQL document for Entente
	Peer    string                                                             // GraphQL document for @neo4j/graphql
	Args    func(g *synth.Generator, r *rand.Rand) Args                        // one request's arguments
	Driver  func(ctx context.Context, d neo4j.DriverWithContext, a Args) error // the floor
	// EntenteAfter, when set, is a GraphQL document for Entente over the same variables whose
	// answer's only field is a connection: its pageInfo.endCursor becomes the request's after
	// (Entente's cursors hold an item's position, so a client has them from the previous page).
	EntenteAfter string
}

// Args are the arguments of one request; Entente and Peer hold each system's variables.
type Args struct {
	Entente, Peer map[string]any
	Cypher        map[string]any
}

// domainEdges are the relationship types of the domain (MENTIONS excluded), as Entente's
// neighbourhood and shortestPath default to.
var domainEdges = fixtures.EdgeKinds

func same(m map[string]any) Args { return Args{Entente: m, Peer: m, Cypher: m} }

// person is a person drawn uniformly: a typical node, not a hub.
func person(g *synth.Generator, r *rand.Rand) string {
	return g.ID(fixtures.KindPerson, r.IntN(g.Count(fixtures.KindPerson)))
}

// readQuery runs one read query and consumes its records, as a client would.
func readQuery(ctx context.Context, d neo4j.DriverWithContext, cypher string, params map[string]any) error {
	_, err := neo4j.ExecuteQuery(ctx, d, cypher, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithReadersRouting())
	return err
}

// ops are the six operations of the issue.
var ops = []Op{
	{
		Name:  "node",
		About: "a person by id with two levels of relations: affiliations, and meetings with their participants",
		Entente: `query Node($id: ID!) { node(id: $id) { id name kind ... on Person { title
  affiliations { title actor { id name country } }
  meetings { role meeting { id name startDate participants { role participant { id name kind } } } } } } }`,
		Peer: `query Node($id: ID!) { people(where: {id: {eq: $id}}) { id name kind title
  affiliationsConnection { edges { properties { title } node { id name country } } }
  meetingsConnection { edges { properties { role } node { id name startDate
    participantsConnection { edges { properties { role } node { id name kind } } } } } } } }`,
		Args: func(g *synth.Generator, r *rand.Rand) Args { return same(map[string]any{"id": person(g, r)}) },
		Driver: func(ctx context.Context, d neo4j.DriverWithContext, a Args) error {
			return readQuery(ctx, d, `
				MATCH (p:Entity {id: $id})
				RETURN p {.id, .name, .kind, .title,
				  affiliations: COLLECT { MATCH (p)-[r:AFFILIATED_WITH]->(a:Entity) RETURN {title: r.title, actor: a {.id, .name, .country}} },
				  meetings: COLLECT { MATCH (p)-[r:PARTICIPATED_IN]->(m:Entity)
				    RETURN {role: r.role, meeting: m {.id, .name, .startDate,
				      participants: COLLECT { MATCH (m)<-[q:PARTICIPATED_IN]-(x:Entity) RETURN {role: q.role, participant: x {.id, .name, .kind}} }}} }
				} AS node`, a.Cypher)
		},
	},
	{
		Name:    "search",
		About:   "full-text search of a person's name over names and aliases of every kind, first 20",
		Entente: `query Search($text: String!) { search(text: $text, first: 20) { score node { id name kind } } }`,
		Peer:    `query Search($phrase: String!) { search(phrase: $phrase, first: 20) { score node { id name kind } } }`,
		Args: func(g *synth.Generator, r *rand.Rand) Args {
			n := g.Node(fixtures.KindPerson, r.IntN(g.Count(fixtures.KindPerson)))
			var words []string
			for _, w := range strings.Fields(n.Name) {
				if len([]rune(w)) > 2 {
					words = append(words, w)
				}
			}
			text := strings.Join(words, " ")
			q := luceneQuery(text)
			return Args{Entente: map[string]any{"text": text}, Peer: map[string]any{"phrase": q}, Cypher: map[string]any{"q": q}}
		},
		Driver: func(ctx context.Context, d neo4j.DriverWithContext, a Args) error {
			return readQuery(ctx, d, `
				CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: 200}) YIELD node, score
				RETURN score, node {.id, .name, .kind} AS node ORDER BY score DESC, node.id LIMIT 20`, a.Cypher)
		},
	},
	{
		Name:  "list",
		About: "meetings of a country since a year, newest first, second page of 20, with the total count",
		Entente: `query List($country: String!, $from: Date!, $after: String) {
  meetings(filter: {country: $country, from: $from}, orderBy: {field: DATE, direction: DESC}, first: 20, after: $after) {
    totalCount edges { cursor node { id name startDate } } pageInfo { hasNextPage endCursor } } }`,
		EntenteAfter: `query Page1($country: String!, $from: Date!) {
  meetings(filter: {country: $country, from: $from}, orderBy: {field: DATE, direction: DESC}, first: 20) { pageInfo { endCursor } } }`,
		Peer: `query List($country: String!, $from: String!, $after: String) {
  meetingsConnection(where: {country: {eq: $country}, startDate: {gte: $from}}, sort: [{startDate: DESC}, {id: ASC}], first: 20, after: $after) {
    totalCount edges { cursor node { id name startDate } } pageInfo { hasNextPage endCursor } } }`,
		Args: func(g *synth.Generator, r *rand.Rand) Args {
			country := g.Node(fixtures.KindState, r.IntN(g.Count(fixtures.KindState))).Country
			from := fmt.Sprint(2008 + r.IntN(10))
			return Args{
				Entente: map[string]any{"country": *country, "from": from, "after": nil}, // see EntenteAfter
				Peer:    map[string]any{"country": *country, "from": from, "after": base64.StdEncoding.EncodeToString([]byte("arrayconnection:19"))},
				Cypher:  map[string]any{"country": *country, "from": from},
			}
		},
		Driver: func(ctx context.Context, d neo4j.DriverWithContext, a Args) error {
			return readQuery(ctx, d, `
				MATCH (n:Meeting:Entity) WHERE n.country = $country AND n.startDate >= $from
				WITH n ORDER BY n.startDate DESC, n.id
				WITH collect(n) AS matches
				RETURN size(matches) AS total, [n IN matches[20..40] | n {.id, .name, .startDate}] AS page`, a.Cypher)
		},
	},
	{
		Name:  "neighbourhood",
		About: "depth-2 neighbourhood of a person over the domain edges, at most 200 nodes, with the edges among them",
		Entente: `query Neighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 200) {
  truncated nodes { id name kind } edges { id kind from { id } to { id } } } }`,
		Peer:   `query Neighbourhood($id: ID!) { neighbourhood(id: $id, limit: 200) { nodes { id name kind } edges { id kind from to } } }`,
		Args:   func(g *synth.Generator, r *rand.Rand) Args { return same(map[string]any{"id": person(g, r)}) },
		Driver: neighbourhoodFloor,
	},
	{
		Name:  "shortestPath",
		About: "a shortest path of at most 6 hops between two people, any direction, over the domain edges",
		Entente: `query ShortestPath($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 6) {
  length nodes { id name kind } edges { id kind from { id } to { id } } } }`,
		Peer: `query ShortestPath($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) {
  length nodes { id name kind } edges { id kind from to } } }`,
		Args: func(g *synth.Generator, r *rand.Rand) Args {
			return same(map[string]any{"from": person(g, r), "to": person(g, r), "kinds": domainEdges})
		},
		Driver: func(ctx context.Context, d neo4j.DriverWithContext, a Args) error {
			return readQuery(ctx, d, `
				MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
				MATCH p = shortestPath((a)-[rs*..6]-(b))
				WHERE all(r IN rs WHERE type(r) IN $kinds)
				RETURN length(p) AS length, [n IN nodes(p) | n {.id, .name, .kind}] AS nodes,
				       [r IN rs | {id: r.key, kind: type(r), from: startNode(r).id, to: endNode(r).id}] AS edges`, a.Cypher)
		},
	},
	{
		Name:    "timeline",
		About:   "an agency's meetings, memoranda, fundings, implementations and roadmaps in date order",
		Entente: `query Timeline($id: ID!) { timeline(id: $id) { date kind node { id name kind } edge { id } } }`,
		Peer:    `query Timeline($id: ID!) { timeline(id: $id) { date kind node { id name kind } edge } }`,
		Args: func(g *synth.Generator, r *rand.Rand) Args {
			return same(map[string]any{"id": g.ID(fixtures.KindAgency, r.IntN(g.Count(fixtures.KindAgency)))})
		},
		Driver: func(ctx context.Context, d neo4j.DriverWithContext, a Args) error {
			return readQuery(ctx, d, `
				MATCH (x:Entity {id: $id})-[r:PARTICIPATED_IN|MEMORANDUM|FUNDED|IMPLEMENTS|PARTY_TO|HELD_UNDER|ADOPTED_AT]-(o:Entity)
				RETURN coalesce(r.date, o.startDate) AS date, type(r) AS kind, o {.id, .name, .kind} AS node, r.key AS edge
				ORDER BY date, edge`, a.Cypher)
		},
	},
}

// neighbourhoodFloor is the depth-2 neighbourhood as a careful driver user writes it: one
// read transaction, one statement per level, the same caps as Entente (200 nodes, 4000 rows a level).
func neighbourhoodFloor(ctx context.Context, d neo4j.DriverWithContext, a Args) error {
	sess := d.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	const limit = 200
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		seen := map[string]bool{a.Cypher["id"].(string): true}
		frontier := []string{a.Cypher["id"].(string)}
		for range 2 {
			res, err := tx.Run(ctx, `
				UNWIND $frontier AS id
				MATCH (a:Entity {id: id})-[r]-(b:Entity) WHERE type(r) IN $kinds
				RETURN r.key AS key, type(r) AS kind, startNode(r).id AS from, endNode(r).id AS to, b {.id, .name, .kind} AS b
				ORDER BY b.id LIMIT $cap`, map[string]any{"frontier": frontier, "kinds": domainEdges, "cap": limit * 20})
			if err != nil {
				return nil, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			var next []string
			for _, rec := range recs {
				b, _ := rec.Get("b")
				id, _ := b.(map[string]any)["id"].(string)
				if !seen[id] && len(seen) < limit {
					seen[id] = true
					next = append(next, id)
				}
			}
			frontier = next
		}
		return nil, nil
	})
	return err
}

// luceneQuery is the full-text query Entente builds from free text (graph.searchQuery):
// every word must match, the last one also as a prefix.
func luceneQuery(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		if i == len(words)-1 && len([]rune(w)) > 1 {
			words[i] = "(" + w + " OR " + w + "*)"
		}
	}
	return strings.Join(words, " AND ")
}
