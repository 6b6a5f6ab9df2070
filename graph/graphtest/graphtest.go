// Package graphtest connects tests to the real Neo4j named by NEO4J_URI (make test starts
// a throwaway one) and empties it between tests. There is no mock.
package graphtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph"
)

// Config returns the Neo4j configuration from the environment, skipping the test when
// NEO4J_URI is unset, or failing it when ENTENTE_REQUIRE_NEO4J=1 (as make test sets).
func Config(t testing.TB) graph.Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("ENTENTE_REQUIRE_NEO4J") == "1" {
			t.Fatal("NEO4J_URI is not set but ENTENTE_REQUIRE_NEO4J=1: run the tests with `make test`")
		}
		t.Skip("NEO4J_URI is not set: this test needs a real Neo4j (`make test` starts one)")
	}
	return graph.Config{URI: uri, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
}

// Open connects to the test Neo4j, deletes everything in it, applies the schema,
// and closes the store when the test ends.
func Open(t testing.TB) *graph.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	store, err := graph.Open(ctx, Config(t), zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel))
	if err != nil {
		t.Fatalf("open Neo4j: %v", err)
	}
	t.Cleanup(func() { store.Close(context.Background()) })
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatalf("empty Neo4j: %v", err)
	}
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatalf("schema: %v", err)
	}
	return store
}
