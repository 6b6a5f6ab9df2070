package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"reflect"
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
	// Refused operations are protocol errors: 400 for application/graphql-response+json
	// (and 422 for application/json, as gqlgen does for validation failures).
	errcode.RegisterErrorType(CodeComplexity, errcode.KindProtocol)
}

// containers are types whose list fields are already paid for by the query that returns
// them (its first or limit argument multiplies the whole selection).
var containers = map[string]bool{"Subgraph": true, "Path": true}

// complexity returns the cost of every field: 1 plus its selection, lists multiplied by
// their size argument (first, limit, top, maxHops) or by listFanout when they have none.
func complexity(schema *ast.Schema) generated.ComplexityRoot {
	var c generated.ComplexityRoot
	fanout := reflect.ValueOf(func(child int) int { return 1 + listFanout*child })
	plain := reflect.TypeOf(func(int) int { return 0 })
	root := reflect.ValueOf(&c).Elem()
	for i := range root.NumField() {
		def := typeNamed(schema, root.Type().Field(i).Name)
		if def == nil || containers[def.Name] || strings.HasSuffix(def.Name, "Connection") {
			continue
		}
		fields := root.Field(i)
		for j := range fields.NumField() {
			f := fields.Field(j)
			if f.Type() != plain {
				continue
			}
			if fd := fieldNamed(def, fields.Type().Field(j).Name); fd != nil && fd.Type.Elem != nil {
				f.Set(fanout)
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
// HTTP spec: the status an access check asked for (401, 403), and no "data" entry in a
// response that never reached execution (4xx).
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
	}
	w.status = code
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
