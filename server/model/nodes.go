// Package model holds the Go types behind the GraphQL schema: one type per node kind
// around graph.Node, the enums and scalars with their conversions, and gqlgen's generated
// models (models_gen.go).
package model

import (
	"context"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/loader"
)

// Node is any GraphQL Node; Base gives the stored node behind it.
type Node interface{ Base() *graph.Node }

// Actor is a Node that acts: State, Agency, UNBody, Organization.
type Actor interface {
	Node
	isActor()
}

// base gives every node type its stored fields and its kind.
type base struct{ *graph.Node }

// Base returns the stored node.
func (b base) Base() *graph.Node { return b.Node }

// SourceList is the node's sources (the field sources), read only when a query asks for them.
func (b base) SourceList(ctx context.Context) ([]fixtures.Source, error) {
	if b.Sources != nil {
		return b.Sources, nil
	}
	return orEmpty(loader.NodeSources(ctx, b.ID))
}

// WrapAll wraps nodes that a read returned and puts them in the request's cache
// (loader.Known), unless ctx asked for narrow reads (Narrow): those nodes lack fields.
func WrapAll(ctx context.Context, ns []graph.Node) []Node {
	if !graph.IsNarrow(ctx) {
		loader.Known(ctx, ns)
	}
	out := make([]Node, len(ns))
	for i := range ns {
		out[i] = Wrap(&ns[i])
	}
	return out
}

// Kind is the node's kind in the API's enum form.
func (b base) Kind() string { return b.Node.Kind }

type actor struct{ base }

func (actor) isActor() {}

// State is a sovereign state.
type State struct{ actor }

// Agency is a body of one state.
type Agency struct{ actor }

// UNBody is the United Nations or one of its organs, offices, institutes or centres.
type UNBody struct{ actor }

// Organization is any other international, regional or non-state body.
type Organization struct{ actor }

// Person is a named individual.
type Person struct{ base }

// Project is a project, programme, initiative or numbered action.
type Project struct{ base }

// Roadmap is a roadmap, action plan, strategy, declaration or compact.
type Roadmap struct{ base }

// Meeting is a workshop, conference, meeting, training, exercise, visit or ceremony.
type Meeting struct{ base }

// Document is a source document.
type Document struct{ base }

// Wrap gives the GraphQL type of a stored node, by its kind; nil for nil.
func Wrap(n *graph.Node) Node {
	if n == nil {
		return nil
	}
	b := base{n}
	switch n.Kind {
	case fixtures.KindState:
		return &State{actor{b}}
	case fixtures.KindAgency:
		return &Agency{actor{b}}
	case fixtures.KindUNBody:
		return &UNBody{actor{b}}
	case fixtures.KindOrganization:
		return &Organization{actor{b}}
	case fixtures.KindPerson:
		return &Person{b}
	case fixtures.KindProject:
		return &Project{b}
	case fixtures.KindRoadmap:
		return &Roadmap{b}
	case fixtures.KindMeeting:
		return &Meeting{b}
	default:
		return &Document{b}
	}
}

// Load returns the node with this id (following merges), nil when there is none.
func Load(ctx context.Context, id string) (Node, error) {
	n, err := loader.Node(ctx, id)
	if err != nil || n == nil {
		return nil, err
	}
	return Wrap(n), nil
}
