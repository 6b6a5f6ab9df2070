package server

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	gqlgencost "github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/generated"
	"github.com/entente/entente/server/model"
)

// TestCostOncePerFragmentMatchesEveryWalk checks that pricing each fragment once gives
// the cost gqlgen's walk gives by pricing it again at every spread.
func TestCostOncePerFragmentMatchesEveryWalk(t *testing.T) {
	cfg := generated.Config{}
	cfg.Complexity = complexity(generated.NewExecutableSchema(cfg).Schema(), func() int { return 0 })
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

// chain is n fragments on Query, each spreading the next twice.
func chain(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { actors(first: 1) { totalCount } }\n", n)
	return b.String()
}

// BenchmarkCost prices 16 fragments each spreading the next twice: once per fragment
// (costMeter) and at every spread (gqlgen's walk, which the server used before).
func BenchmarkCost(b *testing.B) {
	cfg := generated.Config{}
	cfg.Complexity = complexity(generated.NewExecutableSchema(cfg).Schema(), func() int { return 0 })
	es := generated.NewExecutableSchema(cfg)
	doc, errs := gqlparser.LoadQueryWithRules(es.Schema(), chain(16), rules.NewDefaultRules())
	if errs != nil {
		b.Fatal(errs)
	}
	op := doc.Operations[0]
	b.Run("once per fragment", func(b *testing.B) {
		for b.Loop() {
			m := costMeter{ctx: context.Background(), es: es, schema: es.Schema(), frags: doc.Fragments, memo: map[string]int{}}
			m.cost(op.SelectionSet)
		}
	})
	b.Run("at every spread", func(b *testing.B) {
		for b.Loop() {
			gqlgencost.Calculate(context.Background(), es, op, nil)
		}
	})
}

// BenchmarkBounds parses and bounds documents refused before validation.
func BenchmarkBounds(b *testing.B) {
	for name, q := range map[string]string{
		"24 fragments":         chain(24),
		"7000 × __typename":    "{" + strings.Repeat(" __typename", 7000) + " }",
		"introspection (kept)": IntrospectionQuery(b),
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: q}, MaxTokens)
				if err != nil {
					b.Fatal(err)
				}
				if e := bounded(doc); (e == nil) != (name == "introspection (kept)") {
					b.Fatal(e)
				}
			}
		})
	}
}

// TestAnalyticsCostFollowsTheGraph prices betweenness and communities with the graph's
// size, so that a request cannot hold dozens of them on a large graph, while degree stays
// cheap and a small graph keeps the old price.
func TestAnalyticsCostFollowsTheGraph(t *testing.T) {
	size := 100
	c := complexity(generated.NewExecutableSchema(generated.Config{}).Schema(), func() int { return size })
	small := c.Query.Centrality(1, model.CentralityMeasureBetweenness, nil, nil, nil)
	size = 20000
	large := c.Query.Centrality(1, model.CentralityMeasureBetweenness, nil, nil, nil)
	degree := c.Query.Centrality(1, model.CentralityMeasureDegree, nil, nil, nil)
	communities := c.Query.Communities(1, nil, nil, nil, nil)
	if small > 130 || large < 1000 || communities < 1000 || degree > 150 {
		t.Errorf("betweenness %d at 100 nodes, %d at 20,000; communities %d, degree %d at 20,000", small, large, communities, degree)
	}
	if per := DefaultMaxComplexity / large; per > 10 {
		t.Errorf("%d betweenness calls fit in one request at 20,000 nodes", per)
	}
}

// IntrospectionQuery is the query GraphiQL sends (graphql-js getIntrospectionQuery), read
// from testdata; exported for the tests outside the package (bounds_test.go).
func IntrospectionQuery(t testing.TB) string {
	t.Helper()
	q, err := os.ReadFile("testdata/introspection.graphql")
	if err != nil {
		t.Fatal(err)
	}
	return string(q)
}

// The page limit lives in graph.MaxPage and each default first in the schema: every
// connection's first says the limit and has a default, and a larger first costs no more
// than the limit (the resolver refuses it with "first must be between 0 and 100").
func TestPageLimitDeclaredOnce(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	for _, f := range schema.Query.Fields {
		a := f.Arguments.ForName("first")
		if a == nil || !strings.HasSuffix(f.Type.Name(), "Connection") {
			continue
		}
		if want := fmt.Sprintf("0 to %d", graph.MaxPage); !strings.Contains(a.Description, want) || a.DefaultValue == nil {
			t.Errorf("%s(first): description %q does not say %q, or no default", f.Name, a.Description, want)
		}
	}
	c := complexity(schema, func() int { return 0 })
	over, most := 500, graph.MaxPage
	if got, want := c.Query.Actors(1, nil, nil, &over, nil), c.Query.Actors(1, nil, nil, &most, nil); got != want {
		t.Errorf("actors(first: 500) costs %d, actors(first: 100) %d", got, want)
	}
	if got, want := c.Query.Agreements(1, nil, nil, nil), 1+argDefault(schema, "agreements", "first"); got != want {
		t.Errorf("agreements(first: null) costs %d, want %d (the declared default)", got, want)
	}
}
