package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/entente/entente/server"
)

// hostile are strings aimed at Cypher, Lucene's query syntax, JSON and the byte level.
var hostile = []string{
	`' OR 1=1 //`,
	`"}) MATCH (n) DETACH DELETE n //`,
	"x`) DETACH DELETE n RETURN 1 //",
	`$id}) SET n.name = 'pwned' //`,
	`*:*`, `name:* OR id:*`, `a AND (b OR`, `[a TO z]`, `a^9999~2`, `\`, `"`, `/.*/`, `?`, `-`, `&&||!`,
	`CALL db.index.fulltext.drop('x')`,
	"\x00", "\u202e\u0000zero", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷽", `%s%n%x`, `{"$gt": ""}`,
	"INVALID_UTF8", // replaced by raw invalid bytes on the wire
	strings.Repeat("Morocco ", 20000),
}

// every string and ID argument of the schema, each fed $s; mutations point at nodes and
// edges that do not exist, or carry a bad value, so that none may change the graph.
var stringArguments = []string{
	`query($s: ID!) { node(id: $s) { id } }`,
	`query($s: String!) { search(text: $s) { score } }`,
	`query($s: ID!) { shortestPath(from: $s, to: $s) { length } }`,
	`query($s: ID!) { paths(from: $s, to: "state:ma") { length } }`,
	`query($s: ID!) { neighbourhood(id: $s) { truncated } }`,
	`query($s: ID!) { connectors(a: $s, b: $s) { node { id } } }`,
	`query($s: ID!) { coParticipants(id: $s) { weight } }`,
	`query($s: ID!) { timeline(id: $s) { kind } }`,
	`query($s: ID) { cytoscape(around: $s) }`,
	`query($s: String, $i: ID) { actors(filter: {country: $s, nameContains: $s, participantIn: $i}) { totalCount } }`,
	`query($s: String) { actors(filter: {nameContains: $s}) { totalCount } }`,
	`query($s: String) { actors(after: $s) { totalCount } }`,
	`query($s: String, $i: ID) { meetings(filter: {subtype: $s, country: $s, nameContains: $s, participant: $i, heldUnder: $i, funder: $i}) { totalCount } }`,
	`query($s: Date) { meetings(filter: {from: $s, to: $s}) { totalCount } }`,
	`query($s: String, $i: ID) { roadmaps(filter: {subtype: $s, nameContains: $s, party: $i, funder: $i}) { totalCount } }`,
	`query($s: String, $i: ID) { projects(filter: {nameContains: $s, funder: $i, implementer: $i}) { totalCount } }`,
	`query($s: String, $i: ID) { documents(filter: {language: $s, nameContains: $s, mentions: $i}) { totalCount } }`,
	`query($i: ID, $s: Date) { agreements(filter: {party: $i, from: $s}) { totalCount } }`,
	`query($s: String) { documents(after: $s) { totalCount } }`,
	`mutation($i: ID!, $s: String) { addEdge(input: {kind: MEMBER_OF, from: $i, to: $i, role: $s, title: $s, place: $s, currency: $s}) { id } }`,
	`mutation($i: ID!) { removeEdge(id: $i) }`,
	`mutation($i: ID!) { mergeNodes(survivor: $i, merged: $i) { id } }`,
	`mutation($i: ID!, $s: String!) { upsertNode(input: {id: $i, kind: STATE, name: $s, country: $s, startDate: $s}) { id } }`,
	`mutation($i: ID!, $s: String!) { upsertNode(input: {id: $i, kind: PERSON, name: $s, sources: [{document: $i, start: 0, end: 1, text: $s}]}) { id } }`,
}

func TestInjectionChangesNothing(t *testing.T) {
	srv, store := hardened(t, server.Options{})
	before := counts(t, store)
	allowed := map[string]bool{server.CodeBadUserInput: true, server.CodeNotFound: true, "GRAPHQL_VALIDATION_FAILED": true}
	var refused, answered int
	for _, query := range stringArguments {
		for _, s := range hostile {
			body, _ := json.Marshal(map[string]any{"query": query, "variables": map[string]any{"s": s, "i": s}})
			body = bytes.ReplaceAll(body, []byte("INVALID_UTF8"), []byte("a\xff\xfeb\xc3("))
			resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var out struct {
				Errors []gqlError
			}
			if err := json.Unmarshal(raw, &out); err != nil || resp.StatusCode >= 500 {
				t.Fatalf("%s with %.40q: %d %.300s", query, s, resp.StatusCode, raw)
			}
			if len(out.Errors) == 0 {
				answered++
				if strings.HasPrefix(query, "mutation") {
					t.Errorf("%s with %.40q succeeded: %.300s", query, s, raw)
				}
				continue
			}
			refused++
			e := out.Errors[0]
			code, _ := e.Extensions["code"].(string)
			if !allowed[code] || e.Message == "" {
				t.Errorf("%s with %.40q: code %q, message %q", query, s, code, e.Message)
			}
			for _, leak := range []string{"MATCH", "MERGE", "Neo.", "neo4j", ".go:", "goroutine"} {
				if strings.Contains(e.Message, leak) && !strings.Contains(s, leak) { // echoing the input is fine
					t.Errorf("%s with %.40q: the message leaks %q: %s", query, s, leak, e.Message)
				}
			}
		}
	}
	if after := counts(t, store); after != before {
		t.Fatalf("hostile input changed the graph from %v to %v", before, after)
	}
	data := post(t, srv.URL, "", "", `{ search(text: "Morocco") { node { id name } } }`, nil)
	if len(data.errors) > 0 || !strings.Contains(string(data.raw["data"]), "state:") {
		t.Fatalf("after the hostile input, search answers %s %+v", data.raw["data"], data.errors)
	}
	names, err := store.Search(context.Background(), "pwned", nil, 5)
	if err != nil || len(names) > 0 {
		t.Fatalf("a name was overwritten: %v %v", names, err)
	}
	t.Logf("%d requests: %d refused with clear errors, %d answered", refused+answered, refused, answered)
}
