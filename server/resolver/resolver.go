// Package resolver implements the GraphQL schema over the graph package.
package resolver

//go:generate sh -c "cd ../.. && go tool gqlgen generate --config gqlgen.yml"

import (
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/analysis"
	"github.com/entente/entente/server/ingest"
)

// Resolver is the root resolver; it holds the store every query reads.
type Resolver struct {
	Store    *graph.Store
	Ingester *ingest.Service // ingestDocument

	analytics analysis.Cache // whole-graph centralities and communities, per graph version
}
