package resolver

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/model"
)

// listQuery is what a cursor depends on: the list, its order, and its filter (as a digest).
type listQuery struct {
	List, Order, Filter string
}

// newListQuery describes a request of list (the field's name) in order o under filter.
func newListQuery(list string, o graph.Order, filter any) listQuery {
	b, err := json.Marshal(filter)
	if err != nil {
		panic(fmt.Sprintf("filter of %s: %v", list, err))
	}
	sum := sha256.Sum256(b)
	dir := "ASC"
	if o.Desc {
		dir = "DESC"
	}
	return listQuery{List: list, Order: strings.ToUpper(o.Field) + " " + dir, Filter: hex.EncodeToString(sum[:8])}
}

// cursorData is a cursor: opaque to clients (base64url of this as JSON), it names the query it
// was made for and a position in it: an item's sort value and id, or no id for the start.
type cursorData struct {
	List   string  `json:"l"`
	Order  string  `json:"o"`
	Filter string  `json:"f"`
	Value  *string `json:"v,omitempty"`
	ID     string  `json:"i,omitempty"`
}

// cursor is the cursor of position k (nil: the start) in q.
func (q listQuery) cursor(k *graph.Key) string {
	c := cursorData{List: q.List, Order: q.Order, Filter: q.Filter}
	if k != nil {
		c.Value, c.ID = k.Value, k.ID
	}
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// position reads after, a cursor that must have been made for q, into a position (nil: the start).
func (q listQuery) position(after *string) (*graph.Key, error) {
	if after == nil {
		return nil, nil
	}
	var c cursorData
	raw, err := base64.RawURLEncoding.DecodeString(*after)
	if err == nil {
		err = json.Unmarshal(raw, &c)
	}
	if err != nil || c.List == "" || c.Order == "" || c.Filter == "" {
		return nil, &graph.InputError{Msg: fmt.Sprintf("after: %q is not a cursor from this API", *after)}
	}
	switch {
	case c.List != q.List:
		return nil, &graph.InputError{Msg: fmt.Sprintf("after: this cursor pages %s, not %s", c.List, q.List)}
	case c.Order != q.Order:
		return nil, &graph.InputError{Msg: fmt.Sprintf("after: this cursor was made for orderBy %s, not %s: "+
			"go on with the orderBy it was made for, or start again without after", orderArg(c.Order), orderArg(q.Order))}
	case c.Filter != q.Filter:
		return nil, &graph.InputError{Msg: "after: this cursor was made under another filter: " +
			"go on with the filter it was made for, or start again without after"}
	case c.ID == "":
		return nil, nil
	}
	return &graph.Key{Value: c.Value, ID: c.ID}, nil
}

// orderArg writes "NAME ASC" as the orderBy argument it comes from.
func orderArg(order string) string {
	field, dir, _ := strings.Cut(order, " ")
	return "{field: " + field + ", direction: " + dir + "}"
}

// intArg is the value of the current field's integer argument name: v, or when the client
// sent null, the default the schema declares (the one place each default is written).
func intArg(ctx context.Context, name string, v *int) int {
	if v != nil {
		return *v
	}
	if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Field.Definition != nil {
		if a := fc.Field.Definition.Arguments.ForName(name); a != nil && a.DefaultValue != nil {
			if n, err := strconv.Atoi(a.DefaultValue.Raw); err == nil {
				return n
			}
		}
	}
	panic(fmt.Sprintf("the schema declares no default for argument %s here", name))
}

// pageSize is the first argument of a connection: 0 to graph.MaxPage.
func pageSize(ctx context.Context, first *int) (int, error) {
	n := intArg(ctx, "first", first)
	if n < 0 || n > graph.MaxPage {
		return 0, &graph.InputError{Msg: fmt.Sprintf("first must be between 0 and %d", graph.MaxPage)}
	}
	return n, nil
}

// paginate reads first and after for q, fetches the page they ask for, and returns the page
// with the cursor of each item and the pageInfo. With no items (first: 0, or past the end),
// both cursors of the pageInfo are the position asked for, so that a client goes on from
// there; hasNextPage says whether items follow it.
func paginate[T any](ctx context.Context, q listQuery, first *int, after *string,
	fetch func(after *graph.Key, limit int) (*graph.Page[T], error)) (*graph.Page[T], []string, *model.PageInfo, error) {
	limit, err := pageSize(ctx, first)
	if err != nil {
		return nil, nil, nil, err
	}
	pos, err := q.position(after)
	if err != nil {
		return nil, nil, nil, err
	}
	page, err := fetch(pos, limit)
	if err != nil {
		return nil, nil, nil, err
	}
	cursors := make([]string, len(page.Items))
	for i := range page.Keys {
		cursors[i] = q.cursor(&page.Keys[i])
	}
	info := &model.PageInfo{HasNextPage: page.More, HasPreviousPage: pos != nil}
	if len(cursors) > 0 {
		info.StartCursor, info.EndCursor = &cursors[0], &cursors[len(cursors)-1]
	} else {
		here := q.cursor(pos)
		info.StartCursor, info.EndCursor = &here, &here
	}
	return page, cursors, info, nil
}

// order reads a NodeOrder, defaulting to name ascending.
func order(o *model.NodeOrder) graph.Order {
	if o == nil {
		return graph.Order{Field: "name"}
	}
	return graph.Order{Field: strings.ToLower(string(o.Field)), Desc: o.Direction != nil && *o.Direction == model.OrderDirectionDesc}
}

// list fetches one page of the nodes with label and wraps each as an edge of a connection.
func list[E any](ctx context.Context, r *queryResolver, label string, f graph.Filter, o *model.NodeOrder,
	first *int, after *string, edge func(cursor string, n model.Node) E) ([]E, *model.PageInfo, int, error) {
	ctx = model.Narrow(ctx)
	ord := order(o)
	q := newListQuery(graphql.GetFieldContext(ctx).Field.Name, ord, f)
	page, cursors, info, err := paginate(ctx, q, first, after, func(after *graph.Key, limit int) (*graph.Page[graph.Node], error) {
		return r.Store.List(ctx, label, f, ord, after, limit)
	})
	if err != nil {
		return nil, nil, 0, err
	}
	if err := model.ExpandPage(ctx, page.Items); err != nil {
		return nil, nil, 0, err
	}
	wrapped := model.WrapAll(ctx, page.Items)
	edges := make([]E, len(wrapped))
	for i := range wrapped {
		edges[i] = edge(cursors[i], wrapped[i])
	}
	return edges, info, page.Total, nil
}

// reviewEdges are the edges of the review surface with their ends, which may be PROPOSED or
// REJECTED: the ends come with the page and are not put in the request's node cache, so
// that node(id) in the same request still sees accepted nodes only.
func reviewEdges(page *graph.ReviewPage) ([]model.Edge, error) {
	byID := make(map[string]model.Node, len(page.Nodes))
	for i := range page.Nodes {
		byID[page.Nodes[i].ID] = model.Wrap(&page.Nodes[i])
	}
	out := make([]model.Edge, len(page.Edges))
	for i := range page.Edges {
		e := &page.Edges[i]
		from, to := byID[e.From], byID[e.To]
		if from == nil || to == nil {
			return nil, fmt.Errorf("edge %q: an end was not read", e.ID)
		}
		out[i] = model.Edge{Relation: model.Relation{Edge: e}, FromNode: from, ToNode: to}
	}
	return out, nil
}

// ingestion is what an ingestion stored, with the edges' ends, which may be PROPOSED or
// REJECTED: as reviewEdges, they are not put in the request's node cache.
func ingestion(got *graph.Ingestion) (*model.Ingestion, error) {
	edges, err := reviewEdges(&graph.ReviewPage{Edges: got.Edges, Nodes: got.Nodes})
	if err != nil {
		return nil, err
	}
	nodes := make([]model.Node, len(got.Nodes))
	for i := range got.Nodes {
		nodes[i] = model.Wrap(&got.Nodes[i])
	}
	doc, _ := model.Wrap(&got.Document).(*model.Document)
	if doc == nil {
		return nil, fmt.Errorf("ingested document %q is not a document", got.Document.ID)
	}
	return &model.Ingestion{Document: doc, AlreadyIngested: got.AlreadyIngested, Nodes: nodes, Edges: edges}, nil
}
