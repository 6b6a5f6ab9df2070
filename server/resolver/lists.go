package resolver

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/model"
)

// Cursors are opaque to clients: base64 of "o:" and the offset of the item.
func cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

// window reads first/after into an offset and a limit, refusing bad values.
func window(first *int, after *string) (offset, limit int, err error) {
	limit = 20
	if first != nil {
		limit = *first
	}
	if limit < 0 || limit > graph.MaxPage {
		return 0, 0, &graph.InputError{Msg: fmt.Sprintf("first must be between 0 and %d", graph.MaxPage)}
	}
	if after != nil {
		raw, err := base64.RawURLEncoding.DecodeString(*after)
		n, convErr := strconv.Atoi(strings.TrimPrefix(string(raw), "o:"))
		if err != nil || convErr != nil || !strings.HasPrefix(string(raw), "o:") || n < 0 {
			return 0, 0, &graph.InputError{Msg: fmt.Sprintf("after: %q is not a cursor from this API", *after)}
		}
		offset = n + 1
	}
	return offset, limit, nil
}

// pageInfo describes a page of n items starting at offset out of total.
func pageInfo(offset, n, total int) *model.PageInfo {
	info := &model.PageInfo{HasPreviousPage: offset > 0, HasNextPage: offset+n < total}
	if n > 0 {
		start, end := cursor(offset), cursor(offset+n-1)
		info.StartCursor, info.EndCursor = &start, &end
	}
	return info
}

// order reads a NodeOrder, defaulting to name ascending.
func order(o *model.NodeOrder) graph.Order {
	if o == nil {
		return graph.Order{Field: "name"}
	}
	return graph.Order{Field: strings.ToLower(string(o.Field)), Desc: o.Direction != nil && *o.Direction == model.OrderDirectionDesc}
}

// list fetches one page of nodes and wraps each as an edge of a connection.
func list[E any](ctx context.Context, r *queryResolver, label string, f graph.Filter, o *model.NodeOrder,
	first *int, after *string, edge func(cursor string, n model.Node) E) ([]E, *model.PageInfo, int, error) {
	offset, limit, err := window(first, after)
	if err != nil {
		return nil, nil, 0, err
	}
	nodes, total, err := r.Store.List(ctx, label, f, order(o), offset, limit)
	if err != nil {
		return nil, nil, 0, err
	}
	if err := model.ExpandPage(ctx, nodes); err != nil {
		return nil, nil, 0, err
	}
	wrapped := model.WrapAll(ctx, nodes)
	edges := make([]E, len(nodes))
	for i := range nodes {
		edges[i] = edge(cursor(offset+i), wrapped[i])
	}
	return edges, pageInfo(offset, len(nodes), total), total, nil
}
