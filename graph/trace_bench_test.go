package graph

import (
	"context"
	"testing"
)

// BenchmarkStatementUntraced is the bookkeeping of one statement (count, metrics, and
// the span check) outside a traced request: with traces off, every statement.
func BenchmarkStatementUntraced(b *testing.B) {
	s := &Store{}
	type key struct{}
	ctx := context.WithValue(context.WithValue(context.Background(), key{}, 1), key{}, 2)
	b.ReportAllocs()
	for b.Loop() {
		s.statement(ctx, "read", "RETURN 1")(nil)
	}
}
