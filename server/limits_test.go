package server

import (
	"context"
	"testing"

	gqlgencost "github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"github.com/entente/entente/server/generated"
)

// TestCostOncePerFragmentMatchesEveryWalk checks that pricing each fragment once gives
// the cost gqlgen's walk gives by pricing it again at every spread.
func TestCostOncePerFragmentMatchesEveryWalk(t *testing.T) {
	cfg := generated.Config{}
	cfg.Complexity = complexity(generated.NewExecutableSchema(cfg).Schema())
	es := generated.NewExecutableSchema(cfg)
	docs := []string{
		`{ a: actors(first: 20) { ...A } b: actors(first: 30) { ...A } }
		 fragment A on ActorConnection { totalCount edges { node { ...N } } }
		 fragment N on Node { id name sources { text } }`,
		`{ meetings(first: 7) { edges { node { ...M participants { meeting { ...M } } } } } }
		 fragment M on Meeting { id participants { participant { ...N } } }
		 fragment N on Node { id name }`,
		`query($f: Int) { search(text: "x", first: $f) { score node { ...N } } node(id: "x") { ...N ... on Meeting { participants { role } } } }
		 fragment N on Node { id name aliases }`,
	}
	for _, q := range docs {
		doc, err := gqlparser.LoadQueryWithRules(es.Schema(), q, rules.NewDefaultRules())
		if err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		vars := map[string]any{"f": 9}
		want := gqlgencost.Calculate(context.Background(), es, doc.Operations[0], vars)
		m := costMeter{ctx: context.Background(), es: es, schema: es.Schema(), vars: vars, frags: doc.Fragments, memo: map[string]int{}}
		if got := m.cost(doc.Operations[0].SelectionSet); got != want || got < 50 {
			t.Errorf("cost %d, gqlgen's walk %d:\n%s", got, want, q)
		}
	}
}
