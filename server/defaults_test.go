package server

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	gqlgencost "github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"
	gqlast "github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator/rules"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/export"
	"github.com/entente/entente/server/generated"
)

// Each default of an argument is declared once, in the schema (schema/*.graphqls): the
// resolvers read it with intArg and the cost functions with argDefault when a client sends
// the argument as null; gqlgen fills it in when the argument is left out. The tests below
// fail when a default is written again anywhere else, or differs there.

// intDefaults lists the Int arguments with a declared default: "field.arg" -> default.
func intDefaults(t *testing.T, schema *gqlast.Schema) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, def := range schema.Types {
		for _, f := range def.Fields {
			for _, a := range f.Arguments {
				if a.DefaultValue == nil || a.Type.Name() != "Int" {
					continue
				}
				if def.Name != "Query" {
					t.Errorf("%s.%s(%s) declares a default: only Query's are read (intArg, argDefault)", def.Name, f.Name, a.Name)
					continue
				}
				v, err := strconv.Atoi(a.DefaultValue.Raw)
				if err != nil {
					t.Fatalf("Query.%s(%s): default %q is not an integer", f.Name, a.Name, a.DefaultValue.Raw)
				}
				out[f.Name+"."+a.Name] = v
			}
		}
	}
	return out
}

// callOf is a call of Query.field with arg set to value ("" leaves it out), the other
// required arguments given placeholder values.
func callOf(schema *gqlast.Schema, field *gqlast.FieldDefinition, arg, value string) string {
	var args []string
	for _, a := range field.Arguments {
		switch {
		case a.Name == arg && value != "":
			args = append(args, a.Name+": "+value)
		case a.Type.NonNull && schema.Types[a.Type.Name()].Kind == gqlast.Enum:
			args = append(args, a.Name+": "+schema.Types[a.Type.Name()].EnumValues[0].Name)
		case a.Type.NonNull:
			args = append(args, a.Name+`: "x"`)
		}
	}
	call := field.Name
	if len(args) > 0 {
		call += "(" + strings.Join(args, ", ") + ")"
	}
	if k := schema.Types[field.Type.Name()].Kind; k == gqlast.Object || k == gqlast.Interface {
		call += " { __typename }"
	}
	return "{ " + call + " }"
}

// TestDefaultsCostAsDeclared prices every Query field with each defaulted Int argument left
// out, sent as null and sent as its declared default: a cost function that writes a default
// of its own prices null differently.
func TestDefaultsCostAsDeclared(t *testing.T) {
	cfg := generated.Config{}
	cfg.Complexity = complexity(generated.NewExecutableSchema(cfg).Schema(), func() int { return 1000 })
	es := generated.NewExecutableSchema(cfg)
	schema := es.Schema()
	defaults := intDefaults(t, schema)
	if len(defaults) < 10 {
		t.Fatalf("only %d defaulted Int arguments found: %v", len(defaults), defaults)
	}
	cost := func(q string) int {
		doc, err := gqlparser.LoadQueryWithRules(schema, q, rules.NewDefaultRules())
		if err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
		return gqlgencost.Calculate(context.Background(), es, doc.Operations[0], nil)
	}
	for key, declared := range defaults {
		field, arg, _ := strings.Cut(key, ".")
		fd := schema.Query.Fields.ForName(field)
		omitted := cost(callOf(schema, fd, arg, ""))
		asNull := cost(callOf(schema, fd, arg, "null"))
		given := cost(callOf(schema, fd, arg, strconv.Itoa(declared)))
		if omitted != given || asNull != given {
			t.Errorf("%s(%s): costs %d left out, %d as null, %d as its declared default %d: "+
				"the cost function must take the default from the schema (argDefault)", field, arg, omitted, asNull, given, declared)
		}
	}
}

// readsDefault are the functions that take an argument's default from the schema: intArg,
// and those that call it.
var readsDefault = []string{"intArg", "pageSize", "paginate", "list"}

// TestResolversReadDefaultsFromSchema reads the resolvers' source: every *int argument of a
// Query resolver must have a default in the schema and may only be handed to intArg (or to
// a function that calls it), never compared with nil to write a default of its own.
func TestResolversReadDefaultsFromSchema(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	defaults := intDefaults(t, schema)
	files, err := filepath.Glob("resolver/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no resolver sources: %v", err)
	}
	fset := token.NewFileSet()
	seen := map[string]bool{}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Body == nil || !receiverIs(fn, "queryResolver") {
				continue
			}
			field := string(unicode.ToLower(rune(fn.Name.Name[0]))) + fn.Name.Name[1:]
			for _, p := range fn.Type.Params.List {
				star, ok := p.Type.(*ast.StarExpr)
				if !ok {
					continue
				}
				if id, ok := star.X.(*ast.Ident); !ok || id.Name != "int" {
					continue
				}
				for _, name := range p.Names {
					key := field + "." + name.Name
					seen[key] = true
					if _, ok := defaults[key]; !ok {
						t.Errorf("Query.%s(%s) has no default in the schema, which intArg needs", field, name.Name)
					}
					for _, use := range usesOutsideCalls(fn.Body, name.Name, readsDefault) {
						t.Errorf("%s: Query.%s reads %s itself: hand it to intArg, which takes its default from the schema",
							fset.Position(use), field, name.Name)
					}
				}
			}
		}
	}
	for key := range defaults {
		if !seen[key] {
			t.Errorf("Query.%s has a default in the schema but no *int argument in a resolver", key)
		}
	}
}

func receiverIs(fn *ast.FuncDecl, typ string) bool {
	t := fn.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	id, ok := t.(*ast.Ident)
	return ok && id.Name == typ
}

// usesOutsideCalls returns the positions where the identifier name appears in body other
// than as a direct argument of a call of one of funcs.
func usesOutsideCalls(body *ast.BlockStmt, name string, funcs []string) []token.Pos {
	allowed := map[*ast.Ident]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fun, ok := call.Fun.(*ast.Ident); ok && slices.Contains(funcs, fun.Name) {
				for _, a := range call.Args {
					if id, ok := a.(*ast.Ident); ok && id.Name == name {
						allowed[id] = true
					}
				}
			}
		}
		return true
	})
	var out []token.Pos
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name && !allowed[id] {
			out = append(out, id.Pos())
		}
		return true
	})
	return out
}

// TestLimitsDescribedAsEnforced checks that each size argument's description states the
// range the graph enforces (its Go constant), and that its default lies in that range.
func TestLimitsDescribedAsEnforced(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	defaults := intDefaults(t, schema)
	for key, r := range map[string][2]int{
		"search.first":         {1, graph.MaxPage},
		"shortestPath.maxHops": {1, graph.MaxHops},
		"neighbourhood.depth":  {1, graph.MaxDepth},
		"neighbourhood.limit":  {1, graph.MaxSubgraphNodes},
		"paths.maxHops":        {1, graph.MaxHops},
		"paths.first":          {1, graph.MaxPaths},
		"connectors.first":     {1, graph.MaxPage},
		"coParticipants.first": {1, graph.MaxPage},
		"centrality.top":       {1, graph.MaxPage},
		"cytoscape.depth":      {1, graph.MaxDepth},
		"cytoscape.limit":      {1, graph.MaxSubgraphNodes},
	} {
		field, arg, _ := strings.Cut(key, ".")
		a := schema.Query.Fields.ForName(field).Arguments.ForName(arg)
		if want := fmt.Sprintf("%d to %d", r[0], r[1]); !strings.Contains(a.Description, want) {
			t.Errorf("Query.%s(%s): description %q does not say %q", field, arg, a.Description, want)
		}
		if d := defaults[key]; d < r[0] || d > r[1] {
			t.Errorf("Query.%s(%s): default %d is outside %d to %d", field, arg, d, r[0], r[1])
		}
	}
	text := schema.Query.Fields.ForName("search").Arguments.ForName("text").Description
	for _, want := range []string{fmt.Sprintf("%d characters", graph.MaxSearchChars), fmt.Sprintf("%d words", graph.MaxSearchWords)} {
		if !strings.Contains(text, want) {
			t.Errorf("Query.search(text): description %q does not say %q", text, want)
		}
	}
	for _, filter := range []string{"ActorFilter", "MeetingFilter", "RoadmapFilter", "ProjectFilter", "DocumentFilter"} {
		d := schema.Types[filter].Fields.ForName("nameContains").Description
		if want := fmt.Sprintf("%d characters and %d words", graph.MaxSearchChars, graph.MaxSearchWords); !strings.Contains(d, want) {
			t.Errorf("%s.nameContains: description %q does not say %q", filter, d, want)
		}
	}
}

// TestExportDefaultsAreNeighbourhoods checks that GET /export/...?around= takes the depth
// and limit neighbourhood declares, as its documentation says.
func TestExportDefaultsAreNeighbourhoods(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	if d, l := argDefault(schema, "neighbourhood", "depth"), argDefault(schema, "neighbourhood", "limit"); export.DefaultDepth != d || export.DefaultLimit != l {
		t.Errorf("export.DefaultDepth, DefaultLimit = %d, %d; neighbourhood declares depth = %d, limit = %d",
			export.DefaultDepth, export.DefaultLimit, d, l)
	}
}

// TestContractDefaults checks the defaults DOMAIN.md fixes for the clients (the GraphQL
// surface clients rely on): search first 20, shortestPath maxHops 6, neighbourhood depth 1
// and limit 200.
func TestContractDefaults(t *testing.T) {
	defaults := intDefaults(t, generated.NewExecutableSchema(generated.Config{}).Schema())
	for key, want := range map[string]int{"search.first": 20, "shortestPath.maxHops": 6, "neighbourhood.depth": 1, "neighbourhood.limit": 200} {
		if got := defaults[key]; got != want {
			t.Errorf("Query.%s defaults to %d; DOMAIN.md's contract says %d", key, got, want)
		}
	}
}
