package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/generated"
	"github.com/entente/entente/server/model"
)

// Default limits of a request; Options overrides them.
const (
	DefaultMaxComplexity = 10000
	DefaultMaxDepth      = 12
)

// Limits of a document, checked before it is validated (validation compares fields pairwise).
const (
	MaxTokens    = 15000 // lexical tokens of a document
	MaxAliases   = 200   // aliased fields of a document
	MaxSpreads   = 100   // fragment spreads of a document
	MaxSelection = 10000 // weight of the selections: fields once fragments are expanded, n at one place n²
)

const (
	// listFanout is the assumed length of a list field without a size argument
	// (a meeting's participants, a node's sources).
	listFanout = 10
)

func init() {
	// Operations over the limits are refused like invalid ones: 400 as
	// application/graphql-response+json, 200 as application/json (see strictWriter).
	errcode.RegisterErrorType(CodeComplexity, errcode.KindProtocol)
}

// containers are types whose list fields are already paid for by the query that returns
// them (its first or limit argument multiplies the whole selection).
var containers = map[string]bool{"Subgraph": true, "Path": true}

// analyticsNodesPerCost and cheapAnalyticsNodesPerCost: the graph's nodes that add one to
// the cost of betweenness and communities, and of degree and PageRank.
const (
	analyticsNodesPerCost      = 20
	cheapAnalyticsNodesPerCost = 2000
)

// complexity returns the cost of every field: 1 plus its selection, lists multiplied by
// their size argument (first, limit, top, maxHops) or by listFanout when they have none;
// whole-graph analytics also by the graph's size (nodes, as last known).
// DocumentTextCost is the cost of one Document.text: at most MaxComplexity/DocumentTextCost texts a request.
const DocumentTextCost = 200

func complexity(schema *ast.Schema, nodes func() int) generated.ComplexityRoot {
	var c generated.ComplexityRoot
	// fanout builds a cost function of type t (childComplexity first, then the field's arguments).
	fanout := func(t reflect.Type) reflect.Value {
		return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
			return []reflect.Value{reflect.ValueOf(1 + listFanout*int(args[0].Int()))}
		})
	}
	intType := reflect.TypeOf(0)
	root := reflect.ValueOf(&c).Elem()
	for i := range root.NumField() {
		def := typeNamed(schema, root.Type().Field(i).Name)
		if def == nil || containers[def.Name] || strings.HasSuffix(def.Name, "Connection") {
			continue
		}
		fields := root.Field(i)
		for j := range fields.NumField() {
			f := fields.Field(j)
			t := f.Type()
			if t.Kind() != reflect.Func || t.NumIn() == 0 || t.In(0) != intType || t.NumOut() != 1 || t.Out(0) != intType {
				continue
			}
			if fd := fieldNamed(def, fields.Type().Field(j).Name); fd != nil && fd.Type.Elem != nil {
				f.Set(fanout(t))
			}
		}
	}
	q := &c.Query
	// A size argument sent as null counts as the default the schema declares for it (as the
	// resolvers read it): each default is written once, in the schema.
	def := func(field, arg string) int { return argDefault(schema, field, arg) }
	// first counts at most its maximum (a larger one is refused by the resolver with a
	// clear message, not here as too complex).
	firstDefault := map[string]int{}
	for _, f := range schema.Query.Fields {
		if f.Arguments.ForName("first") != nil {
			firstDefault[f.Name] = def(f.Name, "first")
		}
	}
	first := func(p *int, field string, max int) int { return min(n(p, firstDefault[field]), max) }
	q.Search = func(child int, _ string, _ []string, f *int) int { return 5 + first(f, "search", graph.MaxPage)*child }
	shortestHops := def("shortestPath", "maxHops")
	q.ShortestPath = func(child int, _, _ string, maxHops *int, _ []string) int {
		return 10*n(maxHops, shortestHops) + n(maxHops, shortestHops)*child
	}
	pathsHops := def("paths", "maxHops")
	q.Paths = func(child int, _, _ string, maxHops, f *int, _ []string) int {
		k := first(f, "paths", graph.MaxPaths)
		return 10*n(maxHops, pathsHops)*k + k*n(maxHops, pathsHops)*child
	}
	hoodDepth, hoodLimit := def("neighbourhood", "depth"), def("neighbourhood", "limit")
	q.Neighbourhood = func(child int, _ string, depth *int, _ []string, limit *int) int {
		return 10*n(depth, hoodDepth) + n(limit, hoodLimit)*child
	}
	cyDepth, cyLimit := def("cytoscape", "depth"), def("cytoscape", "limit")
	q.Cytoscape = func(child int, _ *string, depth *int, _ []string, limit *int) int {
		return 10*n(depth, cyDepth) + n(limit, cyLimit)
	}
	q.Connectors = func(child int, _, _ string, _ []string, f *int) int {
		return 5 + first(f, "connectors", graph.MaxPage)*child
	}
	q.CoParticipants = func(child int, _ string, _, _ *string, f *int) int {
		return 5 + first(f, "coParticipants", graph.MaxPage)*child
	}
	q.Timeline = func(child int, _ string, _, _ *string) int { return 5 + 2*listFanout*child }
	// A document's text is read from Neo4j per document and may be megabytes long: a hundred
	// documents with their texts are refused as too costly (TestDocumentTextIsCostly).
	c.Document.Text = func(int) int { return DocumentTextCost }
	// Whole-graph analytics cost with the graph: betweenness and communities visit every
	// node from many sources (one per 20 nodes of the graph), degree and PageRank a few
	// times (one per 2000), so that one request cannot ask for dozens of them at 20,000 nodes.
	centralityTop := def("centrality", "top")
	q.Centrality = func(child int, measure model.CentralityMeasure, _, _ []string, top *int) int {
		per := analyticsNodesPerCost
		if measure != model.CentralityMeasureBetweenness {
			per = cheapAnalyticsNodesPerCost
		}
		return 100 + nodes()/per + n(top, centralityTop)*child
	}
	q.Communities = func(child int, _, _ []string, _, _ *int) int { return 100 + nodes()/analyticsNodesPerCost + child }
	q.Actors = func(child int, _ *model.ActorFilter, _ *model.NodeOrder, f *int, _ *string) int {
		return 1 + first(f, "actors", graph.MaxPage)*child
	}
	q.Meetings = func(child int, _ *model.MeetingFilter, _ *model.NodeOrder, f *int, _ *string) int {
		return 1 + first(f, "meetings", graph.MaxPage)*child
	}
	q.Roadmaps = func(child int, _ *model.RoadmapFilter, _ *model.NodeOrder, f *int, _ *string) int {
		return 1 + first(f, "roadmaps", graph.MaxPage)*child
	}
	q.Projects = func(child int, _ *model.ProjectFilter, _ *model.NodeOrder, f *int, _ *string) int {
		return 1 + first(f, "projects", graph.MaxPage)*child
	}
	q.Documents = func(child int, _ *model.DocumentFilter, _ *model.NodeOrder, f *int, _ *string) int {
		return 1 + first(f, "documents", graph.MaxPage)*child
	}
	q.Agreements = func(child int, _ *model.AgreementFilter, f *int, _ *string) int {
		return 1 + first(f, "agreements", graph.MaxPage)*child
	}
	return c
}

// n is a size argument, def when absent, clamped to [0, 10000] so that costs cannot overflow;
// the graph refuses out-of-range sizes itself with a clear message.
func n(p *int, def int) int {
	if p == nil {
		return def
	}
	return min(max(*p, 0), 10000)
}

// argDefault is the integer default the schema declares for argument arg of Query.field.
func argDefault(schema *ast.Schema, field, arg string) int {
	if f := schema.Query.Fields.ForName(field); f != nil {
		if a := f.Arguments.ForName(arg); a != nil && a.DefaultValue != nil {
			if v, err := strconv.Atoi(a.DefaultValue.Raw); err == nil {
				return v
			}
		}
	}
	panic("the schema declares no default for Query." + field + "(" + arg + ")")
}

func typeNamed(schema *ast.Schema, goName string) *ast.Definition {
	for name, def := range schema.Types {
		if strings.EqualFold(name, goName) {
			return def
		}
	}
	return nil
}

func fieldNamed(def *ast.Definition, goName string) *ast.FieldDefinition {
	for _, f := range def.Fields {
		if strings.EqualFold(f.Name, goName) {
			return f
		}
	}
	return nil
}

// depthLimit refuses operations nested deeper than max fields, introspection included.
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	m := depthMeter{frags: oc.Doc.Fragments, memo: map[string]int{}, limit: d.max}
	if m.depth(oc.Operation.SelectionSet) > d.max {
		e := gqlerror.Errorf("operation is nested more than %d fields deep", d.max)
		setCode(e, CodeComplexity)
		return e
	}
	return nil
}

// depthMeter measures the nesting of selection sets, each fragment once however often
// it is spread.
type depthMeter struct {
	frags ast.FragmentDefinitionList
	memo  map[string]int // nesting of each fragment measured; -1 while it is measured
	limit int
}

// depth is the nesting of set. __typename adds nothing (it is answered without work), and
// neither does __Type.ofType, which unwraps a type reference and is null past the named
// type (GraphiQL asks for seven of them).
func (m *depthMeter) depth(set ast.SelectionSet) int {
	deepest := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			switch {
			case s.Name == "__typename":
			case s.Name == "ofType" && s.ObjectDefinition != nil && s.ObjectDefinition.Name == "__Type":
				d = m.depth(s.SelectionSet)
			default:
				d = 1 + m.depth(s.SelectionSet)
			}
		case *ast.InlineFragment:
			d = m.depth(s.SelectionSet)
		case *ast.FragmentSpread:
			d = m.fragment(s.Name)
		}
		deepest = max(deepest, d)
	}
	return deepest
}

func (m *depthMeter) fragment(name string) int {
	if d, ok := m.memo[name]; ok {
		if d < 0 { // a cycle, which validation refuses
			return m.limit + 1
		}
		return d
	}
	m.memo[name] = -1
	d := 0
	if f := m.frags.ForName(name); f != nil {
		d = m.depth(f.SelectionSet)
	}
	m.memo[name] = d
	return d
}

// costLimit refuses operations costing more than max (see complexity), introspection
// included; it replaces gqlgen's ComplexityLimit, which walks a fragment again at each
// spread (24 fragments spreading the next twice took 20 s).
type costLimit struct {
	max int
	es  graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = costLimit{}

func (costLimit) ExtensionName() string                   { return "CostLimit" }
func (costLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (c costLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	m := costMeter{ctx: ctx, es: c.es, schema: c.es.Schema(), vars: oc.Variables, frags: oc.Doc.Fragments, memo: map[string]int{}}
	if got := m.cost(oc.Operation.SelectionSet); got > c.max {
		e := gqlerror.Errorf("operation has complexity %d, which exceeds the limit of %d", got, c.max)
		if got >= costCap {
			e.Message = fmt.Sprintf("operation has complexity over %d, which exceeds the limit of %d", costCap, c.max)
		}
		setCode(e, CodeComplexity)
		return e
	}
	return nil
}

// costCap bounds every cost computed, so that sizes multiplied along a path cannot
// overflow (a size is at most 10000, see n).
const costCap = 1 << 30

// costMeter prices selection sets, each fragment once however often it is spread.
type costMeter struct {
	ctx    context.Context
	es     graphql.ExecutableSchema
	schema *ast.Schema
	vars   map[string]any
	frags  ast.FragmentDefinitionList
	memo   map[string]int // cost of each fragment priced; -1 while it is priced
}

// cost is the sum of the costs of set's fields.
func (m *costMeter) cost(set ast.SelectionSet) int {
	total := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			total += m.field(s)
		case *ast.InlineFragment:
			total += m.cost(s.SelectionSet)
		case *ast.FragmentSpread:
			total += m.fragment(s.Name)
		}
		total = min(total, costCap)
	}
	return total
}

func (m *costMeter) fragment(name string) int {
	if c, ok := m.memo[name]; ok {
		if c < 0 { // a cycle, which validation refuses
			return costCap
		}
		return c
	}
	m.memo[name] = -1
	c := 0
	if f := m.frags.ForName(name); f != nil {
		c = m.cost(f.SelectionSet)
	}
	m.memo[name] = c
	return c
}

// field is the cost of f: its own cost function when it has one (the dearest of the
// implementations for an interface's field), else 1 plus its selection; the lists of
// __schema (types, directives) count their selection listFanout times.
func (m *costMeter) field(f *ast.Field) int {
	child := m.cost(f.SelectionSet)
	if f.ObjectDefinition == nil || f.Definition == nil {
		return min(1+child, costCap)
	}
	owners := []*ast.Definition{f.ObjectDefinition}
	if f.ObjectDefinition.Kind == ast.Interface {
		owners = m.schema.GetPossibleTypes(f.ObjectDefinition)
	}
	plain := 1 + child
	if f.ObjectDefinition.Name == "__Schema" && f.Definition.Type.Elem != nil {
		plain = 1 + listFanout*child
	}
	args := f.ArgumentMap(m.vars)
	c := 0
	for _, owner := range owners {
		if v, ok := m.es.Complexity(m.ctx, owner.Name, f.Name, child, args); ok && v >= 1 {
			c = max(c, v)
		} else {
			c = max(c, plain)
		}
	}
	return min(max(c, 1), costCap)
}

// documentBounds checks a document's size before gqlgen validates it: validation compares
// the fields answering under one name pairwise (20000 × __typename took 47 s). A document
// already in the query cache passed these checks. It also checks Int variables, whose
// failures gqlgen reports as "cannot use value 0 as Int".
type documentBounds struct {
	cache  graphql.Cache[*ast.QueryDocument]
	schema *ast.Schema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = documentBounds{}

func (documentBounds) ExtensionName() string                   { return "DocumentBounds" }
func (documentBounds) Validate(graphql.ExecutableSchema) error { return nil }
func (b documentBounds) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	doc, cached := b.cache.Get(ctx, p.Query)
	if !cached {
		parsed, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, MaxTokens)
		if err != nil {
			e, ok := err.(*gqlerror.Error)
			if !ok {
				e = gqlerror.Wrap(err)
			}
			errcode.Set(e, errcode.ParseFailed)
			return e
		}
		if e := bounded(parsed); e != nil {
			return e
		}
		doc = parsed
	}
	op := doc.Operations.ForName(p.OperationName)
	if op == nil {
		return nil // gqlgen says which operation is missing
	}
	for _, v := range op.VariableDefinitions {
		val, ok := p.Variables[v.Variable]
		if !ok {
			continue
		}
		fixed, bad := b.ints(v.Type, val)
		if bad != "" {
			e := gqlerror.Errorf("variable $%s: Int cannot represent %s: it takes a whole number within -2147483648..2147483647", v.Variable, bad)
			errcode.Set(e, errcode.ValidationFailed)
			return e
		}
		p.Variables[v.Variable] = fixed
	}
	return nil
}

// bounded refuses a document over MaxAliases, MaxSpreads or MaxSelection.
func bounded(doc *ast.QueryDocument) *gqlerror.Error {
	aliases, spreads := 0, 0
	for _, op := range doc.Operations {
		countIn(op.SelectionSet, &aliases, &spreads)
	}
	for _, f := range doc.Fragments {
		countIn(f.SelectionSet, &aliases, &spreads)
	}
	var bad *gqlerror.Error
	switch {
	case aliases > MaxAliases:
		bad = gqlerror.Errorf("the document has %d aliases, more than %d", aliases, MaxAliases)
	case spreads > MaxSpreads:
		bad = gqlerror.Errorf("the document has %d fragment spreads, more than %d", spreads, MaxSpreads)
	default:
		w := selectionWeigher{frags: doc.Fragments, at: map[string]int{}, open: map[string]bool{}}
		for _, op := range doc.Operations {
			w.weigh(op.SelectionSet, "")
		}
		for _, f := range doc.Fragments {
			w.weigh(f.SelectionSet, "fragment "+f.Name+":")
		}
		if w.heaviest == "" {
			return nil
		}
		bad = gqlerror.Errorf("the selection weighs more than %d (each field and spread once fragments are expanded, n fields at one place n²); it passed that at %s",
			MaxSelection, strings.TrimPrefix(w.heaviest, "."))
	}
	setCode(bad, CodeComplexity)
	return bad
}

// countIn adds the aliased fields and the fragment spreads written in set to the counts.
func countIn(set ast.SelectionSet, aliases, spreads *int) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != s.Name {
				*aliases++
			}
			countIn(s.SelectionSet, aliases, spreads)
		case *ast.InlineFragment:
			countIn(s.SelectionSet, aliases, spreads)
		case *ast.FragmentSpread:
			*spreads++
		}
	}
}

// selectionWeigher weighs a parsed document's selections the way validation works on them:
// it compares each pair of fields answering at the same place (response path), so n of them
// weigh n². Fragments are expanded where they are spread, and the walk stops once the
// weight passes MaxSelection, so a fragment bomb or cycle costs at most that much.
type selectionWeigher struct {
	frags    ast.FragmentDefinitionList
	at       map[string]int  // fields counted at each place
	open     map[string]bool // fragments being expanded (a cycle is skipped; validation refuses it)
	weight   int
	heaviest string // the place where the weight passed MaxSelection
}

func (w *selectionWeigher) weigh(set ast.SelectionSet, path string) {
	for _, sel := range set {
		if w.heaviest != "" {
			return
		}
		switch s := sel.(type) {
		case *ast.Field:
			place := path + "." + s.Alias
			w.weight += 2*w.at[place] + 1 // n² becomes (n+1)²
			w.at[place]++
			if w.weight > MaxSelection {
				w.heaviest = place
				return
			}
			w.weigh(s.SelectionSet, place)
		case *ast.InlineFragment:
			w.weigh(s.SelectionSet, path)
		case *ast.FragmentSpread:
			if w.weight++; w.weight > MaxSelection {
				w.heaviest = path + ".(..." + s.Name + ")"
				return
			}
			f := w.frags.ForName(s.Name)
			if f == nil || w.open[s.Name] {
				continue
			}
			w.open[s.Name] = true
			w.weigh(f.SelectionSet, path)
			w.open[s.Name] = false
		}
	}
}

// ints checks the Ints in a variable's value of type t: whole numbers within int32,
// returned as plain integers (1e1 becomes 10), or the first bad one as sent.
func (b documentBounds) ints(t *ast.Type, val any) (any, string) {
	if val == nil || t == nil {
		return val, ""
	}
	if t.Elem != nil {
		list, ok := val.([]any)
		if !ok {
			return b.ints(t.Elem, val)
		}
		for i, x := range list {
			fixed, bad := b.ints(t.Elem, x)
			if bad != "" {
				return val, bad
			}
			list[i] = fixed
		}
		return list, ""
	}
	if t.NamedType == "Int" {
		var f float64
		switch x := val.(type) {
		case json.Number:
			if _, err := strconv.ParseInt(string(x), 10, 32); err == nil {
				return x, ""
			}
			g, err := strconv.ParseFloat(string(x), 64)
			if err != nil || g != math.Trunc(g) || g < math.MinInt32 || g > math.MaxInt32 {
				return val, string(x)
			}
			return json.Number(strconv.FormatInt(int64(g), 10)), ""
		case int64:
			f = float64(x)
		case int:
			f = float64(x)
		case float64:
			f = x
		default:
			return val, "" // not a number: gqlgen says so
		}
		if f != math.Trunc(f) || f < math.MinInt32 || f > math.MaxInt32 {
			return val, strconv.FormatFloat(f, 'g', -1, 64)
		}
		return val, ""
	}
	def := b.schema.Types[t.NamedType]
	obj, ok := val.(map[string]any)
	if def == nil || def.Kind != ast.InputObject || !ok {
		return val, ""
	}
	for _, f := range def.Fields {
		if x, ok := obj[f.Name]; ok {
			fixed, bad := b.ints(f.Type, x)
			if bad != "" {
				return val, bad
			}
			obj[f.Name] = fixed
		}
	}
	return obj, ""
}

// strictTransport wraps a gqlgen HTTP transport so that failures follow the GraphQL over
// HTTP spec: the status an access check asked for (401, 403), 200 rather than 422 for
// application/json, and no "data" entry in a response that never reached execution (4xx).
type strictTransport struct{ graphql.Transport }

func (t strictTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	sw := &strictWriter{ResponseWriter: w, info: infoFrom(r.Context())}
	t.Transport.Do(sw, r, exec)
	sw.finish()
}

// strictWriter holds back a response that never reached execution (4xx/5xx, or a 422 that
// application/json answers as 200) until it is complete, to drop its "data".
type strictWriter struct {
	http.ResponseWriter
	info   *requestInfo
	status int
	held   *bytes.Buffer
}

func (w *strictWriter) WriteHeader(code int) {
	if w.status != 0 {
		return
	}
	notExecuted := code >= 400
	if w.info != nil && w.info.status != 0 {
		code = w.info.status
	} else if code == http.StatusUnprocessableEntity && strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		// The spec: a well-formed request answered as application/json gets 200, its
		// parse, validation or coercion errors in the body; gqlgen says 422.
		code = http.StatusOK
	}
	w.status = code
	switch code {
	case http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="entente"`)
	case http.StatusMethodNotAllowed:
		w.Header().Set("Allow", "POST")
	}
	if notExecuted || code >= 400 {
		w.held = &bytes.Buffer{} // execution never started: the answer has no "data"
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *strictWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if w.held != nil {
		return w.held.Write(b)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *strictWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *strictWriter) finish() {
	if w.held == nil {
		return
	}
	body := w.held.Bytes()
	var resp map[string]json.RawMessage
	if json.Unmarshal(body, &resp) == nil {
		if _, ok := resp["data"]; ok {
			delete(resp, "data")
			if b, err := json.Marshal(resp); err == nil {
				body = b
			}
		}
	}
	w.ResponseWriter.WriteHeader(w.status)
	_, _ = w.ResponseWriter.Write(body)
}

// int32Args refuses Int literals outside the 32-bit range the GraphQL spec gives Int;
// gqlgen maps Int to Go's int and would accept them (documentBounds checks variables).
type int32Args struct{ schema *ast.Schema }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = int32Args{}

func (int32Args) ExtensionName() string                   { return "Int32Arguments" }
func (int32Args) Validate(graphql.ExecutableSchema) error { return nil }
func (c int32Args) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	var bad *ast.Value
	var walk func(set ast.SelectionSet, seen map[string]bool)
	walk = func(set ast.SelectionSet, seen map[string]bool) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				for _, a := range s.Arguments {
					if b := outOfRange(a.Value); b != nil && bad == nil {
						bad = b
					}
				}
				walk(s.SelectionSet, seen)
			case *ast.InlineFragment:
				walk(s.SelectionSet, seen)
			case *ast.FragmentSpread:
				if f := oc.Doc.Fragments.ForName(s.Name); f != nil && !seen[s.Name] {
					seen[s.Name] = true
					walk(f.SelectionSet, seen)
				}
			}
		}
	}
	walk(oc.Operation.SelectionSet, map[string]bool{})
	if bad != nil {
		e := gqlerror.ErrorPosf(bad.Position, "Int cannot represent %s: the range is -2147483648..2147483647", bad.Raw)
		errcode.Set(e, errcode.ValidationFailed)
		return e
	}
	return nil
}

// outOfRange finds an Int literal outside int32 in v.
func outOfRange(v *ast.Value) *ast.Value {
	if v == nil {
		return nil
	}
	if v.Kind == ast.IntValue {
		if _, err := strconv.ParseInt(v.Raw, 10, 32); err != nil {
			return v
		}
	}
	for _, ch := range v.Children {
		if b := outOfRange(ch.Value); b != nil {
			return b
		}
	}
	return nil
}
