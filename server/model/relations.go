package model

import (
	"context"
	"fmt"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/loader"
)

// The relation types below wrap one stored edge; their node fields load the ends
// through the request's loaders, so lists of them cost one batched read per level.

// Relation is a stored edge as the API serves it.
type Relation struct{ *graph.Edge }

// SourceList is the edge's sources (the field sources), read only when a query asks for them.
func (r Relation) SourceList(ctx context.Context) ([]fixtures.Source, error) {
	return EdgeSources(ctx, r.Edge)
}

// EdgeSources returns an edge's sources: those it was built with, else the stored ones.
func EdgeSources(ctx context.Context, e *graph.Edge) ([]fixtures.Source, error) {
	if e.Sources != nil {
		return e.Sources, nil
	}
	return orEmpty(loader.EdgeSources(ctx, e.Kind, e.ID))
}

// orEmpty turns a nil list into an empty one, as the schema's non-null lists need.
func orEmpty(s []fixtures.Source, err error) ([]fixtures.Source, error) {
	if s == nil && err == nil {
		s = []fixtures.Source{}
	}
	return s, err
}

// Participation is a PARTICIPATED_IN edge.
type Participation struct{ Relation }

// Participant is the actor or person who took part.
func (p Participation) Participant(ctx context.Context) (Node, error) { return nodeAt(ctx, p.From) }

// Meeting is where they took part.
func (p Participation) Meeting(ctx context.Context) (*Meeting, error) {
	return typedAt[*Meeting](ctx, p.To)
}

// Memorandum is a MEMORANDUM edge.
type Memorandum struct{ Relation }

// Parties are the two signatories.
func (m Memorandum) Parties(ctx context.Context) ([]Actor, error) {
	a, err := typedAt[Actor](ctx, m.From)
	if err != nil {
		return nil, err
	}
	b, err := typedAt[Actor](ctx, m.To)
	if err != nil {
		return nil, err
	}
	return []Actor{a, b}, nil
}

// Funding is a FUNDED edge.
type Funding struct{ Relation }

// Funder is who paid.
func (f Funding) Funder(ctx context.Context) (Actor, error) { return typedAt[Actor](ctx, f.From) }

// Target is what was paid for.
func (f Funding) Target(ctx context.Context) (Node, error) { return nodeAt(ctx, f.To) }

// Implementation is an IMPLEMENTS edge.
type Implementation struct{ Relation }

// Implementer is who carries it out.
func (i Implementation) Implementer(ctx context.Context) (Actor, error) {
	return typedAt[Actor](ctx, i.From)
}

// Target is the project or roadmap.
func (i Implementation) Target(ctx context.Context) (Node, error) { return nodeAt(ctx, i.To) }

// PartyTo is a PARTY_TO edge.
type PartyTo struct{ Relation }

// Party is the signatory.
func (p PartyTo) Party(ctx context.Context) (Actor, error) { return typedAt[Actor](ctx, p.From) }

// Roadmap is what was signed.
func (p PartyTo) Roadmap(ctx context.Context) (*Roadmap, error) { return typedAt[*Roadmap](ctx, p.To) }

// Affiliation is an AFFILIATED_WITH edge.
type Affiliation struct{ Relation }

// Person is who works for or represents the actor.
func (a Affiliation) Person(ctx context.Context) (*Person, error) {
	return typedAt[*Person](ctx, a.From)
}

// Actor is whom they work for.
func (a Affiliation) Actor(ctx context.Context) (Actor, error) { return typedAt[Actor](ctx, a.To) }

// Link is a structural edge seen from one end; Other is the id of the far end.
type Link struct {
	Relation
	Other string
}

// Node is the far end.
func (l Link) Node(ctx context.Context) (Node, error) { return nodeAt(ctx, l.Other) }

// nodeAt loads a node that an edge points to; a dangling end is an internal error.
func nodeAt(ctx context.Context, id string) (Node, error) {
	n, err := loader.Node(ctx, id)
	if err != nil {
		return nil, err
	}
	if n == nil {
		return nil, fmt.Errorf("edge end %q not found", id)
	}
	return Wrap(n), nil
}

// typedAt loads a node that must be of GraphQL type T.
func typedAt[T Node](ctx context.Context, id string) (T, error) {
	var zero T
	n, err := nodeAt(ctx, id)
	if err != nil {
		return zero, err
	}
	t, ok := n.(T)
	if !ok {
		return zero, fmt.Errorf("node %q is a %s, not a %T", id, n.Base().Kind, zero)
	}
	return t, nil
}

// edges loads the edges of kind at the node (outgoing when out) and wraps each.
func edges[T any](ctx context.Context, id, kind string, out bool, wrap func(*graph.Edge) T) ([]T, error) {
	es, err := loader.Edges(ctx, id, kind, out)
	if err != nil {
		return nil, err
	}
	res := make([]T, len(es))
	for i := range es {
		res[i] = wrap(&es[i])
	}
	return res, nil
}

// links loads edges of kind at the node as Links to their far ends.
func links(ctx context.Context, id, kind string, out bool) ([]Link, error) {
	return edges(ctx, id, kind, out, func(e *graph.Edge) Link {
		if out {
			return Link{Relation{e}, e.To}
		}
		return Link{Relation{e}, e.From}
	})
}

// Documents lists the documents that mention the node.
func (b base) Documents(ctx context.Context) ([]*Document, error) {
	es, err := loader.Edges(ctx, b.ID, graph.EdgeMentions, false)
	if err != nil {
		return nil, err
	}
	docs := make([]*Document, 0, len(es))
	for _, e := range es {
		d, err := typedAt[*Document](ctx, e.From)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// participations loads PARTICIPATED_IN edges at a node, filtered by role and by the
// meeting's start date (partial dates compare by their known prefix).
func participations(ctx context.Context, id string, out bool, from, to, role *string) ([]Participation, error) {
	ps, err := edges(ctx, id, fixtures.EdgeParticipatedIn, out, func(e *graph.Edge) Participation { return Participation{Relation{e}} })
	if err != nil {
		return nil, err
	}
	kept := ps[:0]
	for _, p := range ps {
		if role != nil && (p.Role == nil || *p.Role != *role) {
			continue
		}
		if from != nil || to != nil {
			m, err := p.Meeting(ctx)
			if err != nil {
				return nil, err
			}
			if !graph.Overlaps(m.StartDate, from, to) {
				continue
			}
		}
		kept = append(kept, p)
	}
	return kept, nil
}
