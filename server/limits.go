package server

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/entente/entente/server/generated"
	"github.com/entente/entente/server/model"
)

// Default limits of a request; Options overrides them.
const (
	DefaultMaxComplexity = 10000
	DefaultMaxDepth      = 12
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

// complexity returns the cost of every field: 1 plus its selection, lists multiplied by
// their size argument (first, limit, top, maxHops) or by listFanout when they have none.
func complexity(schema *ast.Schema) generated.ComplexityRoot {
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
	q.Search = func(child int, _ string, _ []string, first *int) int { return 5 + n(first, 20)*child }
	q.ShortestPath = func(child int, _, _ string, maxHops *int, _ []string) int {
		return 10*n(maxHops, 6) + n(maxHops, 6)*child
	}
	q.Paths = func(child int, _, _ string, maxHops, first *int, _ []string) int {
		return 10*n(maxHops, 4)*n(first, 5) + n(first, 5)*n(maxHops, 4)*child
	}
	q.Neighbourhood = func(child int, _ string, depth *int, _ []string, limit *int) int {
		return 10*n(depth, 1) + n(limit, 200)*child
	}
	q.Cytoscape = func(child int, _ *string, depth *int, _ []string, limit *int) int {
		return 10*n(depth, 1) + n(limit, 500)
	}
	q.Connectors = func(child int, _, _ string, _ []string, first *int) int { return 5 + n(first, 50)*child }
	q.CoParticipants = func(child int, _ string, _, _ *string, first *int) int { return 5 + n(first, 50)*child }
	q.Timeline = func(child int, _ string, _, _ *string) int { return 5 + 2*listFanout*child }
	q.Centrality = func(child int, _ model.CentralityMeasure, _, _ []string, top *int) int { return 100 + n(top, 20)*child }
	q.Communities = func(child int, _, _ []string, _, _ *int) int { return 100 + child }
	q.Actors = func(child int, _ *model.ActorFilter, _ *model.NodeOrder, first *int, _ *string) int {
		return 1 + n(first, 20)*child
	}
	q.Meetings = func(child int, _ *model.MeetingFilter, _ *model.NodeOrder, first *int, _ *string) int {
		return 1 + n(first, 20)*child
	}
	q.Roadmaps = func(child int, _ *model.RoadmapFilter, _ *model.NodeOrder, first *int, _ *string) int {
		return 1 + n(first, 20)*child
	}
	q.Projects = func(child int, _ *model.ProjectFilter, _ *model.NodeOrder, first *int, _ *string) int {
		return 1 + n(first, 20)*child
	}
	q.Documents = func(child int, _ *model.DocumentFilter, _ *model.NodeOrder, first *int, _ *string) int {
		return 1 + n(first, 20)*child
	}
	q.Agreements = func(child int, _ *model.AgreementFilter, first *int, _ *string) int { return 1 + n(first, 20)*child }
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

// depthLimit refuses operations nested deeper than max fields (introspection excluded).
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
	if got := depth(oc.Operation.SelectionSet, oc.Doc.Fragments, 0, d.max); got > d.max {
		e := gqlerror.Errorf("operation is nested more than %d fields deep", d.max)
		setCode(e, CodeComplexity)
		return e
	}
	return nil
}

// depth is the nesting of set; it stops counting past limit, so fragment cycles end.
func depth(set ast.SelectionSet, frags ast.FragmentDefinitionList, at, limit int) int {
	if at > limit {
		return at
	}
	deepest := at
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = depth(s.SelectionSet, frags, at+1, limit)
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, frags, at, limit)
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				d = depth(f.SelectionSet, frags, at, limit)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
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

// strictWriter holds back a 4xx/5xx response until it is complete, to drop its "data".
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
	if w.info != nil && w.info.status != 0 {
		code = w.info.status
	} else if code == http.StatusUnprocessableEntity && strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		// The spec: a well-formed request answered as application/json gets 200, its
		// parse, validation or coercion errors in the body; gqlgen says 422.
		code = http.StatusOK
	}
	w.status = code
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="entente"`)
	}
	if code >= 400 {
		w.held = &bytes.Buffer{}
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

// int32Args refuses Int arguments outside the 32-bit range the GraphQL spec gives Int;
// gqlgen maps Int to Go's int and would accept them.
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
	for _, v := range oc.Operation.VariableDefinitions {
		if val, ok := oc.Variables[v.Variable]; ok && !c.fits(v.Type, val) {
			e := gqlerror.Errorf("variable $%s: Int cannot represent a value outside -2147483648..2147483647", v.Variable)
			errcode.Set(e, errcode.ValidationFailed)
			return e
		}
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

// fits reports whether a coerced variable value of type t keeps its Ints within int32.
func (c int32Args) fits(t *ast.Type, val any) bool {
	if val == nil || t == nil {
		return true
	}
	if t.Elem != nil {
		list, ok := val.([]any)
		if !ok {
			return c.fits(t.Elem, val)
		}
		for _, x := range list {
			if !c.fits(t.Elem, x) {
				return false
			}
		}
		return true
	}
	if t.NamedType == "Int" {
		var f float64
		switch x := val.(type) {
		case json.Number:
			g, err := x.Float64()
			if err != nil {
				return false
			}
			f = g
		case int64:
			f = float64(x)
		case int:
			f = float64(x)
		case float64:
			f = x
		default:
			return true
		}
		return f >= math.MinInt32 && f <= math.MaxInt32
	}
	def := c.schema.Types[t.NamedType]
	obj, ok := val.(map[string]any)
	if def == nil || def.Kind != ast.InputObject || !ok {
		return true
	}
	for _, f := range def.Fields {
		if !c.fits(f.Type, obj[f.Name]) {
			return false
		}
	}
	return true
}
