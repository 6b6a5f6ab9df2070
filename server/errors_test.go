package server

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente/graph"
)

// A write that kept colliding with concurrent ones answers CONFLICT and says to retry.
func TestConflictIsCoded(t *testing.T) {
	e := presentError(context.Background(), fmt.Errorf("merge: %w", &graph.ConflictError{Attempts: graph.WriteAttempts}))
	if e.Extensions["code"] != CodeConflict || !strings.Contains(e.Message, "retry") {
		t.Errorf("answer %q %v", e.Message, e.Extensions)
	}
}
