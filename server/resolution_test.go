package server_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/server"
	"github.com/entente/entente/server/auth"
)

// Entity resolution over HTTP: a reader sees the candidates but cannot judge or split; an
// editor's "not the same" is remembered (in the history of both, under the key's name, and
// the pair is not suggested again), "the same" merges, and splitNode undoes the merge; bad
// input answers the usual codes.
func TestEntityResolutionOverGraphQL(t *testing.T) {
	tokens, keys := keyring(t)
	srv, store := hardened(t, server.Options{Access: &server.Access{Keys: keys}})
	reader, editor := "Bearer "+tokens[auth.Reader], "Bearer "+tokens[auth.Editor]
	ref := []fixtures.Source{{Reference: "test"}}
	it, fr, es := "IT", "FR", "ES"
	f := &fixtures.Fixture{Format: fixtures.Format, Nodes: []fixtures.Node{
		{ID: "org:zzalpha", Kind: fixtures.KindOrganization, Name: "ZZALPHA", Sources: ref},
		{ID: "org:zzalpha-2", Kind: fixtures.KindOrganization, Name: "Zzalpha", Sources: ref},
		{ID: "org:zzcentre", Kind: fixtures.KindOrganization, Name: "Centre for Zzyzx Studies", Sources: ref},
		{ID: "org:zzcentre-2", Kind: fixtures.KindOrganization, Name: "Zzyzx Studies Centre", Sources: ref},
		{ID: "agency:fr:zz-bureau", Kind: fixtures.KindAgency, Name: "Bureau of Zzyzx Affairs", Country: &fr, Sources: ref},
		{ID: "agency:es:zz-bureau", Kind: fixtures.KindAgency, Name: "Bureau of Zzyzx Affairs", Country: &es, Sources: ref},
		{ID: "state:it", Kind: fixtures.KindState, Name: "Italy", Country: &it, Sources: ref},
	}, Edges: []fixtures.Edge{
		{Kind: fixtures.EdgeMemberOf, From: "state:it", To: "org:zzalpha-2", Sources: ref},
	}}
	if _, err := store.Import(context.Background(), f, nil); err != nil {
		t.Fatal(err)
	}
	pairs := func(token string) [][2]string {
		d := data(t, post(t, srv.URL, token, "", `{ duplicateCandidates(first: 100) { a { id kind } b { id } score reasons } }`, nil))
		var out [][2]string
		for _, c := range at(d, "duplicateCandidates").([]any) {
			out = append(out, [2]string{at(c, "a.id").(string), at(c, "b.id").(string)})
			if s, _ := at(c, "score").(float64); s < 0.5 || len(at(c, "reasons").([]any)) == 0 {
				t.Errorf("candidate %v", c)
			}
		}
		return out
	}
	got := pairs(reader)
	for _, want := range [][2]string{{"org:zzalpha", "org:zzalpha-2"}, {"org:zzcentre", "org:zzcentre-2"}} {
		if !slices.Contains(got, want) {
			t.Errorf("candidates %v lack %v", got, want)
		}
	}
	if slices.Contains(got, [2]string{"agency:fr:zz-bureau", "agency:es:zz-bureau"}) {
		t.Errorf("agencies of two states paired: %v", got)
	}
	d := data(t, post(t, srv.URL, reader, "", `{ duplicateCandidates(kinds: [AGENCY, STATE], minScore: 0.1, first: 100) { a { id kind } b { id } } }`, nil))
	for _, c := range at(d, "duplicateCandidates").([]any) {
		if k := at(c, "a.kind"); k != "AGENCY" && k != "STATE" {
			t.Errorf("kinds AGENCY and STATE answered %v", c)
		}
		if at(c, "a.id") == "agency:es:zz-bureau" || at(c, "a.id") == "agency:fr:zz-bureau" {
			t.Errorf("agencies of two states paired: %v", c)
		}
	}

	for _, m := range []string{
		`mutation { judge(a: "org:zzcentre", b: "org:zzcentre-2", same: false) { id } }`,
		`mutation { splitNode(id: "org:zzalpha") { id } }`,
	} {
		if r := post(t, srv.URL, reader, "", m, nil); r.status != 403 || r.code() != server.CodeForbidden {
			t.Errorf("%s with a reader key: %d %s, want 403 FORBIDDEN", m, r.status, r.code())
		}
	}
	d = data(t, post(t, srv.URL, editor, "", `mutation { judge(a: "org:zzcentre", b: "org:zzcentre-2", same: false) { id } }`, nil))
	if at(d, "judge.id") != "org:zzcentre" {
		t.Errorf("judge not the same: %v", d)
	}
	if slices.Contains(pairs(reader), [2]string{"org:zzcentre", "org:zzcentre-2"}) {
		t.Error("a pair judged not the same is suggested again")
	}
	for _, id := range []string{"org:zzcentre", "org:zzcentre-2"} {
		d = data(t, post(t, srv.URL, reader, "", `query($id: ID!) { history(id: $id) { actor action detail } }`, map[string]any{"id": id}))
		if at(d, "history.0.action") != "judge" || at(d, "history.0.actor") != "test-editor" || at(d, "history.0.detail.same") != false {
			t.Errorf("history of %s: %v", id, d)
		}
	}

	d = data(t, post(t, srv.URL, editor, "", `mutation { judge(a: "org:zzalpha", b: "org:zzalpha-2", same: true) { id aliases } }`, nil))
	if at(d, "judge.id") != "org:zzalpha" || !slices.Contains(at(d, "judge.aliases").([]any), any("Zzalpha")) {
		t.Errorf("judge the same: %v", d)
	}
	d = data(t, post(t, srv.URL, reader, "", `{ node(id: "org:zzalpha-2") { id } }`, nil))
	if at(d, "node.id") != "org:zzalpha" {
		t.Errorf("merged id resolves to %v", d)
	}
	d = data(t, post(t, srv.URL, editor, "", `mutation { splitNode(id: "org:zzalpha") { id aliases } }`, nil))
	if at(d, "splitNode.0.id") != "org:zzalpha" || at(d, "splitNode.1.id") != "org:zzalpha-2" || len(at(d, "splitNode.0.aliases").([]any)) != 0 {
		t.Errorf("split: %v", d)
	}
	d = data(t, post(t, srv.URL, reader, "", `{ node(id: "org:zzalpha-2") { id ... on Organization { members { node { id } } } } }`, nil))
	if at(d, "node.id") != "org:zzalpha-2" || at(d, "node.members.0.node.id") != "state:it" {
		t.Errorf("after the split org:zzalpha-2 resolves to %v", d)
	}

	for q, want := range map[string]string{
		`mutation { judge(a: "org:zzalpha", b: "org:zzalpha", same: false) { id } }`:                server.CodeBadUserInput,
		`mutation { judge(a: "org:zzalpha", b: "no:such", same: true) { id } }`:                     server.CodeNotFound,
		`mutation { judge(a: "org:zzalpha", b: "state:it", same: false) { id } }`:                   server.CodeBadUserInput,
		`mutation { judge(a: "agency:fr:zz-bureau", b: "agency:es:zz-bureau", same: true) { id } }`: server.CodeBadUserInput,
		`mutation { splitNode(id: "org:zzalpha") { id } }`:                                          server.CodeBadUserInput,
		`mutation { splitNode(id: "no:such") { id } }`:                                              server.CodeNotFound,
		`{ duplicateCandidates(first: 0) { score } }`:                                               server.CodeBadUserInput,
		`{ duplicateCandidates(first: 101) { score } }`:                                             server.CodeBadUserInput,
		`{ duplicateCandidates(minScore: 2) { score } }`:                                            server.CodeBadUserInput,
	} {
		if r := post(t, srv.URL, editor, "", q, nil); r.code() != want {
			t.Errorf("%s: %s %v, want %s", q, r.code(), r.errors, want)
		}
	}
}
