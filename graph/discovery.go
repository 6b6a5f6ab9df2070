package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/entente/entente/fixtures"
)

// MaxPaths is the largest number of paths Paths returns.
const MaxPaths = 10

// pathsCypher[h] finds up to 30 shortest paths of at most h hops; as in ShortestPath the
// hop bound has a fixed statement per value.
var pathsCypher = func() []string {
	qs := make([]string, MaxHops+1)
	for h := 1; h <= MaxHops; h++ {
		qs[h] = fmt.Sprintf(`
			MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
			MATCH p = SHORTEST 30 (a)(()-[r]-(x) WHERE type(r) IN $kinds AND `+acceptedEdge("r")+` AND `+acceptedNode("x")+`){1,%d}(b)
			RETURN [n IN nodes(p) | `+nodeProj("n")+`] AS nodes, [r IN relationships(p) | `+edgeProj("r")+`] AS rels`, h)
	}
	return qs
}()

// Paths returns up to first distinct paths (by node sequence) between two nodes, shortest first.
func (s *Store) Paths(ctx context.Context, from, to string, maxHops, first int, kinds []string) ([]Path, error) {
	if err := within("maxHops", maxHops, 1, MaxHops); err != nil {
		return nil, err
	}
	if err := within("first", first, 1, MaxPaths); err != nil {
		return nil, err
	}
	a, b, kinds, err := s.pair(ctx, from, to, kinds)
	if err != nil {
		return nil, err
	}
	if a.ID == b.ID {
		return []Path{{Nodes: []Node{*a}}}, nil
	}
	recs, err := s.read(ctx, pathsCypher[maxHops], map[string]any{"from": a.ID, "to": b.ID, "kinds": kinds})
	if err != nil {
		return nil, err
	}
	var out []Path
	seen := map[string]bool{}
	for _, rec := range recs {
		nodes, _ := rec.Get("nodes")
		rels, _ := rec.Get("rels")
		var p Path
		var key []string
		for _, n := range nodes.([]any) {
			node := nodeFrom(n)
			p.Nodes = append(p.Nodes, node)
			key = append(key, node.ID)
		}
		if seen[strings.Join(key, "\x00")] {
			continue
		}
		seen[strings.Join(key, "\x00")] = true
		for _, x := range rels.([]any) {
			p.Edges = append(p.Edges, edgeOf(x))
		}
		out = append(out, p)
		if len(out) == first {
			break
		}
	}
	return out, nil
}

// Connector is a common neighbour of two nodes with the edges that join it to each.
type Connector struct {
	Node     Node
	ToA, ToB []Edge
}

// Connectors returns the common neighbours of a and b, most edges first.
func (s *Store) Connectors(ctx context.Context, a, b string, kinds []string, first int) ([]Connector, error) {
	if err := within("first", first, 1, MaxPage); err != nil {
		return nil, err
	}
	na, nb, kinds, err := s.pair(ctx, a, b, kinds)
	if err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `
		MATCH (a:Entity {id: $a})-[r1]-(c:Entity)-[r2]-(b:Entity {id: $b})
		WHERE type(r1) IN $kinds AND type(r2) IN $kinds AND c <> a AND c <> b
		  AND `+acceptedEdge("r1")+` AND `+acceptedEdge("r2")+` AND `+acceptedNode("c")+`
		WITH c, collect(DISTINCT `+edgeProj("r1")+`) AS toA, collect(DISTINCT `+edgeProj("r2")+`) AS toB
		ORDER BY size(toA) + size(toB) DESC, c.id LIMIT $first
		RETURN `+nodeProj("c")+` AS c, toA, toB`,
		map[string]any{"a": na.ID, "b": nb.ID, "kinds": kinds, "first": first})
	if err != nil {
		return nil, err
	}
	out := make([]Connector, 0, len(recs))
	for _, rec := range recs {
		c, _ := rec.Get("c")
		toA, _ := rec.Get("toA")
		toB, _ := rec.Get("toB")
		out = append(out, Connector{Node: nodeFrom(c), ToA: edgesOf(toA), ToB: edgesOf(toB)})
	}
	return out, nil
}

// CoParticipant is someone who met a node, with the meetings they shared.
type CoParticipant struct {
	Node     Node
	Meetings []Node
}

// CoParticipants returns who took part in the same meetings as id (meetings whose start
// date overlaps [from, to] when given), most shared meetings first.
func (s *Store) CoParticipants(ctx context.Context, id string, from, to *string, first int) ([]CoParticipant, error) {
	if err := within("first", first, 1, MaxPage); err != nil {
		return nil, err
	}
	n, err := s.resolve(ctx, id)
	if err != nil {
		return nil, err
	}
	recs, err := s.read(ctx, `
		MATCH (x:Entity {id: $id})-[r1:PARTICIPATED_IN]->(m:Meeting)<-[r2:PARTICIPATED_IN]-(y:Entity)
		WHERE y <> x AND `+acceptedEdge("r1")+` AND `+acceptedEdge("r2")+` AND `+acceptedNode("m")+` AND `+acceptedNode("y")+`
		  AND `+overlapsCypher("m.startDate")+`
		WITH y, collect(DISTINCT m) AS meetings
		ORDER BY size(meetings) DESC, y.id LIMIT $first
		RETURN `+nodeProj("y")+` AS y, [m IN meetings | `+nodeProj("m")+`] AS meetings`,
		dateParams(map[string]any{"id": n.ID, "first": first}, from, to))
	if err != nil {
		return nil, err
	}
	out := make([]CoParticipant, 0, len(recs))
	for _, rec := range recs {
		y, _ := rec.Get("y")
		ms, _ := rec.Get("meetings")
		cp := CoParticipant{Node: nodeFrom(y)}
		for _, m := range ms.([]any) {
			cp.Meetings = append(cp.Meetings, nodeFrom(m))
		}
		sort.Slice(cp.Meetings, func(i, j int) bool {
			a, b := cp.Meetings[i], cp.Meetings[j]
			if c := compareDates(a.StartDate, b.StartDate); c != 0 {
				return c < 0
			}
			return a.ID < b.ID
		})
		out = append(out, cp)
	}
	return out, nil
}

// Event is one dated relation of a node: the edge, the node at its other end, and the date
// (the edge's own, else the other node's start date), possibly partial or unknown.
type Event struct {
	Date, EndDate *string
	Edge          Edge
	Other         Node
}

// timelineKinds are the edges that make a node's history.
var timelineKinds = []string{fixtures.EdgeParticipatedIn, fixtures.EdgeMemorandum, fixtures.EdgeFunded,
	fixtures.EdgeImplements, fixtures.EdgePartyTo, fixtures.EdgeHeldUnder, fixtures.EdgeAdoptedAt}

// Timeline returns the node behind id and its events in date order (partial dates before
// the days they contain, undated last), those overlapping [from, to] when bounds are given.
func (s *Store) Timeline(ctx context.Context, id string, from, to *string) (*Node, []Event, error) {
	// One record: the node and its events (typed pattern: see shortestPathCypher).
	recs, err := s.read(ctx, resolveCypher("x", "$id")+`
		RETURN `+nodeProj("x")+` AS self, COLLECT {
			MATCH (x)-[r`+relTypes(timelineKinds)+`]-(o:Entity)
			WHERE `+acceptedEdge("r")+` AND `+acceptedNode("o")+`
			RETURN {e: `+edgeProjIn(ctx, "r")+`, o: `+nodeProjIn(ctx, "o")+`}
		} AS events`,
		map[string]any{"id": id})
	if err != nil {
		return nil, nil, err
	}
	if len(recs) == 0 || recs[0].Values[0] == nil {
		return nil, nil, &NotFoundError{ID: id}
	}
	self := nodeFrom(recs[0].Values[0])
	events, _ := recs[0].Values[1].([]any)
	var out []Event
	for _, x := range events {
		m, _ := x.(map[string]any)
		ev := Event{Edge: edgeOf(m["e"]), Other: nodeFrom(m["o"])}
		ev.Date, ev.EndDate = ev.Edge.Date, nil
		if ev.Date == nil {
			ev.Date, ev.EndDate = ev.Other.StartDate, ev.Other.EndDate
		}
		if !Overlaps(ev.Date, from, to) {
			continue
		}
		out = append(out, ev)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := compareDates(out[i].Date, out[j].Date); c != 0 {
			return c < 0
		}
		return out[i].Edge.ID < out[j].Edge.ID
	})
	return &self, out, nil
}

func edgesOf(v any) []Edge {
	list, _ := v.([]any)
	out := make([]Edge, 0, len(list))
	for _, x := range list {
		out = append(out, edgeOf(x))
	}
	return out
}
