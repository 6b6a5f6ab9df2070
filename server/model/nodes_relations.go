package model

import (
	"context"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

func memorandum(e *graph.Edge) Memorandum         { return Memorandum{Relation{e}} }
func funding(e *graph.Edge) Funding               { return Funding{Relation{e}} }
func implementation(e *graph.Edge) Implementation { return Implementation{Relation{e}} }
func partyTo(e *graph.Edge) PartyTo               { return PartyTo{Relation{e}} }
func affiliation(e *graph.Edge) Affiliation       { return Affiliation{Relation{e}} }

// Meetings lists the actor's participations, optionally by meeting date and role.
func (a actor) Meetings(ctx context.Context, from, to, role *string) ([]Participation, error) {
	return participations(ctx, a.ID, true, from, to, role)
}

// Memoranda lists the memoranda the actor signed, in either direction.
func (a actor) Memoranda(ctx context.Context) ([]Memorandum, error) {
	out, err := edges(ctx, a.ID, fixtures.EdgeMemorandum, true, memorandum)
	if err != nil {
		return nil, err
	}
	in, err := edges(ctx, a.ID, fixtures.EdgeMemorandum, false, memorandum)
	return append(out, in...), err
}

// Fundings lists what the actor paid for.
func (a actor) Fundings(ctx context.Context) ([]Funding, error) {
	return edges(ctx, a.ID, fixtures.EdgeFunded, true, funding)
}

// Implementations lists what the actor carries out.
func (a actor) Implementations(ctx context.Context) ([]Implementation, error) {
	return edges(ctx, a.ID, fixtures.EdgeImplements, true, implementation)
}

// Roadmaps lists the roadmaps the actor is party to.
func (a actor) Roadmaps(ctx context.Context) ([]PartyTo, error) {
	return edges(ctx, a.ID, fixtures.EdgePartyTo, true, partyTo)
}

// People lists the persons affiliated with the actor.
func (a actor) People(ctx context.Context) ([]Affiliation, error) {
	return edges(ctx, a.ID, fixtures.EdgeAffiliatedWith, false, affiliation)
}

// MemberOf lists the organisations the actor belongs to.
func (a actor) MemberOf(ctx context.Context) ([]Link, error) {
	return links(ctx, a.ID, fixtures.EdgeMemberOf, true)
}

// Members lists the actor's members.
func (a actor) Members(ctx context.Context) ([]Link, error) {
	return links(ctx, a.ID, fixtures.EdgeMemberOf, false)
}

// PartOf lists what the node is part of.
func (b base) PartOf(ctx context.Context) ([]Link, error) {
	return links(ctx, b.ID, fixtures.EdgePartOf, true)
}

// Parts lists what is part of the node.
func (b base) Parts(ctx context.Context) ([]Link, error) {
	return links(ctx, b.ID, fixtures.EdgePartOf, false)
}

// Agencies lists the state's agencies (PART_OF the state).
func (s State) Agencies(ctx context.Context) ([]*Agency, error) {
	parts, err := s.Parts(ctx)
	if err != nil {
		return nil, err
	}
	var out []*Agency
	for _, l := range parts {
		n, err := l.Node(ctx)
		if err != nil {
			return nil, err
		}
		if a, ok := n.(*Agency); ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// State is the state the agency is part of, nil when none is recorded.
func (a Agency) State(ctx context.Context) (*State, error) {
	up, err := a.PartOf(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range up {
		n, err := l.Node(ctx)
		if err != nil {
			return nil, err
		}
		if s, ok := n.(*State); ok {
			return s, nil
		}
	}
	return nil, nil
}

// Affiliations lists whom the person works for or represents.
func (p Person) Affiliations(ctx context.Context) ([]Affiliation, error) {
	return edges(ctx, p.ID, fixtures.EdgeAffiliatedWith, true, affiliation)
}

// Meetings lists the person's participations, optionally by meeting date and role.
func (p Person) Meetings(ctx context.Context, from, to, role *string) ([]Participation, error) {
	return participations(ctx, p.ID, true, from, to, role)
}

// Funders lists who paid for the node.
func (b base) Funders(ctx context.Context) ([]Funding, error) {
	return edges(ctx, b.ID, fixtures.EdgeFunded, false, funding)
}

// Implementers lists who carries out the node.
func (b base) Implementers(ctx context.Context) ([]Implementation, error) {
	return edges(ctx, b.ID, fixtures.EdgeImplements, false, implementation)
}

// HeldMeetings lists the meetings held under the node (schema field "meetings" of Project and Roadmap).
func (b base) HeldMeetings(ctx context.Context) ([]Link, error) {
	return links(ctx, b.ID, fixtures.EdgeHeldUnder, false)
}

// Parties lists the roadmap's signatories.
func (r Roadmap) Parties(ctx context.Context) ([]PartyTo, error) {
	return edges(ctx, r.ID, fixtures.EdgePartyTo, false, partyTo)
}

// AdoptedAt lists the meetings where the roadmap was adopted.
func (r Roadmap) AdoptedAt(ctx context.Context) ([]Link, error) {
	return links(ctx, r.ID, fixtures.EdgeAdoptedAt, true)
}

// Participants lists who took part, optionally with one role.
func (m Meeting) Participants(ctx context.Context, role *string) ([]Participation, error) {
	return participations(ctx, m.ID, false, nil, nil, role)
}

// HeldUnder lists the frameworks of the meeting.
func (m Meeting) HeldUnder(ctx context.Context) ([]Link, error) {
	return links(ctx, m.ID, fixtures.EdgeHeldUnder, true)
}

// Adopted lists the roadmaps adopted at the meeting.
func (m Meeting) Adopted(ctx context.Context) ([]Link, error) {
	return links(ctx, m.ID, fixtures.EdgeAdoptedAt, false)
}

// Mentions lists the nodes the document mentions, optionally of some kinds only.
func (d Document) Mentions(ctx context.Context, kinds []string) ([]Node, error) {
	ls, err := links(ctx, d.ID, graph.EdgeMentions, true)
	if err != nil {
		return nil, err
	}
	var out []Node
	for _, l := range ls {
		n, err := l.Node(ctx)
		if err != nil {
			return nil, err
		}
		if len(kinds) == 0 || fixtures.Contains(kinds, n.Base().Kind) {
			out = append(out, n)
		}
	}
	return out, nil
}
