package model

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/loader"
)

// A query that asks for a node with its relations, and their relations, is read in one
// statement: the selection is turned into a graph.Expand, and what it reads fills the
// request's cache, so the relation resolvers below find their edges and nodes there.

// relation is the edge kind and direction behind a relation field, and the field of the
// relation type that holds the far end ("" when the field lists the far ends directly).
type relation struct {
	kind string
	out  bool
	far  string
}

// relationFields maps "Type.field" to the edges the field's resolver reads (nodes.go,
// nodes_relations.go); a field missing here is merely read by its own resolver.
var relationFields = func() map[string][]relation {
	m := map[string][]relation{}
	add := func(types []string, field string, rels ...relation) {
		for _, t := range types {
			m[t+"."+field] = rels
		}
	}
	actors := []string{"Actor", "State", "Agency", "UNBody", "Organization"}
	all := append([]string{"Node", "Person", "Project", "Roadmap", "Meeting", "Document"}, actors...)
	add(actors, "meetings", relation{fixtures.EdgeParticipatedIn, true, "meeting"})
	add(actors, "memoranda", relation{fixtures.EdgeMemorandum, true, "parties"}, relation{fixtures.EdgeMemorandum, false, "parties"})
	add(actors, "fundings", relation{fixtures.EdgeFunded, true, "target"})
	add(actors, "implementations", relation{fixtures.EdgeImplements, true, "target"})
	add(actors, "roadmaps", relation{fixtures.EdgePartyTo, true, "roadmap"})
	add(actors, "people", relation{fixtures.EdgeAffiliatedWith, false, "person"})
	add(actors, "memberOf", relation{fixtures.EdgeMemberOf, true, "node"})
	add(actors, "members", relation{fixtures.EdgeMemberOf, false, "node"})
	add(append([]string{"Project"}, actors...), "partOf", relation{fixtures.EdgePartOf, true, "node"})
	add(append([]string{"Project"}, actors...), "parts", relation{fixtures.EdgePartOf, false, "node"})
	add(all, "documents", relation{graph.EdgeMentions, false, ""})
	add([]string{"State"}, "agencies", relation{fixtures.EdgePartOf, false, ""})
	add([]string{"Agency"}, "state", relation{fixtures.EdgePartOf, true, ""})
	add([]string{"Person"}, "affiliations", relation{fixtures.EdgeAffiliatedWith, true, "actor"})
	add([]string{"Person"}, "meetings", relation{fixtures.EdgeParticipatedIn, true, "meeting"})
	add([]string{"Project", "Roadmap", "Meeting"}, "funders", relation{fixtures.EdgeFunded, false, "funder"})
	add([]string{"Project", "Roadmap"}, "implementers", relation{fixtures.EdgeImplements, false, "implementer"})
	add([]string{"Project", "Roadmap"}, "meetings", relation{fixtures.EdgeHeldUnder, false, "node"})
	add([]string{"Roadmap"}, "parties", relation{fixtures.EdgePartyTo, false, "party"})
	add([]string{"Roadmap"}, "adoptedAt", relation{fixtures.EdgeAdoptedAt, true, "node"})
	add([]string{"Meeting"}, "participants", relation{fixtures.EdgeParticipatedIn, false, "participant"})
	add([]string{"Meeting"}, "heldUnder", relation{fixtures.EdgeHeldUnder, true, "node"})
	add([]string{"Meeting"}, "adopted", relation{fixtures.EdgeAdoptedAt, false, "node"})
	add([]string{"Document"}, "mentions", relation{graph.EdgeMentions, true, ""})
	return m
}()

// LoadSelected loads nodes by id, in order, with the relations that the current field's
// selection asks for (nil where there is none).
func LoadSelected(ctx context.Context, ids []string) ([]Node, error) {
	x := expansion(graphql.GetFieldContext(ctx).Field.Selections, 0)
	var nodes []*graph.Node
	var err error
	if x == nil {
		nodes, err = loader.Nodes(ctx, ids)
	} else {
		x.Fields, x.EdgeFields = requestNodeFields(ctx), requestEdgeFields(ctx)
		nodes, err = loader.Expand(ctx, ids, x)
	}
	if err != nil {
		return nil, err
	}
	out := make([]Node, len(nodes))
	for i, n := range nodes {
		if n != nil {
			out[i] = Wrap(n)
		}
	}
	return out, nil
}

// expansion turns the selection of a node into the relations to read with it; nil when
// it selects none.
func expansion(sel ast.SelectionSet, depth int) *graph.Expand {
	if depth >= graph.MaxExpandDepth {
		return nil
	}
	x := &graph.Expand{}
	index := map[relation]int{}
	eachField(sel, func(f *ast.Field) {
		if f.ObjectDefinition == nil {
			return
		}
		rels := relationFields[f.ObjectDefinition.Name+"."+f.Name]
		if len(rels) == 0 {
			return
		}
		far := f.SelectionSet
		if rels[0].far != "" {
			far = nil
			eachField(f.SelectionSet, func(g *ast.Field) {
				if g.Name == rels[0].far {
					far = append(far, g.SelectionSet...)
				}
			})
		}
		farX := expansion(far, depth+1)
		for _, r := range rels {
			key := relation{r.kind, r.out, ""}
			if i, ok := index[key]; ok {
				x.Rels[i].Far = merge(x.Rels[i].Far, farX)
				continue
			}
			index[key] = len(x.Rels)
			x.Rels = append(x.Rels, graph.ExpandRel{Kind: r.kind, Out: r.out, Far: farX})
		}
	})
	if len(x.Rels) == 0 {
		return nil
	}
	return x
}

// merge joins two expansions of the same relation (a field selected twice, under aliases).
func merge(a, b *graph.Expand) *graph.Expand {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	out := &graph.Expand{Rels: append([]graph.ExpandRel{}, a.Rels...)}
	for _, r := range b.Rels {
		found := false
		for i := range out.Rels {
			if out.Rels[i].Kind == r.Kind && out.Rels[i].Out == r.Out {
				out.Rels[i].Far, found = merge(out.Rels[i].Far, r.Far), true
			}
		}
		if !found {
			out.Rels = append(out.Rels, r)
		}
	}
	return out
}

// eachField calls fn for every field of sel, looking into fragments of any type: fields
// of types the node turns out not to have just read nothing.
func eachField(sel ast.SelectionSet, fn func(*ast.Field)) {
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			fn(s)
		case *ast.InlineFragment:
			eachField(s.SelectionSet, fn)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				eachField(s.Definition.SelectionSet, fn)
			}
		}
	}
}

// ExpandPage reads the relations that a connection's `edges { node { ... } }` selection
// asks for, for all the nodes of the page in one statement; nothing when it asks for none.
func ExpandPage(ctx context.Context, nodes []graph.Node) error {
	var sel ast.SelectionSet
	eachField(graphql.GetFieldContext(ctx).Field.Selections, func(f *ast.Field) {
		if f.Name == "edges" {
			eachField(f.SelectionSet, func(g *ast.Field) {
				if g.Name == "node" {
					sel = append(sel, g.SelectionSet...)
				}
			})
		}
	})
	x := expansion(sel, 0)
	if x == nil || len(nodes) == 0 {
		return nil
	}
	ids := make([]string, len(nodes))
	for i := range nodes {
		ids[i] = nodes[i].ID
	}
	_, err := loader.Expand(ctx, ids, x)
	return err
}

// requestNodeFields is every stored node field (graph.ExpandFields) that the request's
// operation selects anywhere, on any type of node, or nil (every field) when it selects a
// node field that is not a stored one (a document's text, say): the nodes an expansion
// reads go into the request's cache, so they must carry whatever any field of the request
// may read of them. Relation fields and sources are read by their own resolvers.
func requestNodeFields(ctx context.Context) []string {
	return selectedStored(ctx, graph.ExpandFields, func(f *ast.Field) (bool, bool) {
		d := f.ObjectDefinition
		if d == nil || !isNodeType(d) {
			return false, false
		}
		skip := cheapNodeFields[f.Name] || f.Name == "sources" || relationFields[d.Name+"."+f.Name] != nil
		return true, skip
	})
}

// cheapNodeFields are read by every expansion (graph.Expand.Fields).
var cheapNodeFields = map[string]bool{"__typename": true, "id": true, "kind": true, "name": true,
	"startDate": true, "endDate": true, "status": true}

// relationTypes are the types whose leaf fields are stored edge fields.
var relationTypes = map[string]bool{"Edge": true, "Participation": true, "Memorandum": true, "Funding": true,
	"Implementation": true, "PartyTo": true, "Affiliation": true, "Link": true}

// requestEdgeFields is, as requestNodeFields for nodes, every stored edge field
// (graph.ExpandEdgeFields) that the request selects on an edge or a relation, or nil
// (every field) when it selects a leaf of theirs that is not one: the edges an expansion
// reads go into the request's cache too.
func requestEdgeFields(ctx context.Context) []string {
	return selectedStored(ctx, graph.ExpandEdgeFields, func(f *ast.Field) (bool, bool) {
		d := f.ObjectDefinition
		if d == nil || !relationTypes[d.Name] || len(f.SelectionSet) != 0 {
			return false, false
		}
		return true, cheapEdgeFields[f.Name]
	})
}

// selectedStored walks the request's operation and returns the stored fields (of stored)
// that the fields it is asked about select, in the order first met, or nil when one of
// them selects a field that is not stored. about tells whether a field is one of those
// and whether every expansion reads it anyway.
func selectedStored(ctx context.Context, stored []string, about func(*ast.Field) (bool, bool)) []string {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil {
		return nil
	}
	fields := []string{}
	whole := false
	var walk func(sel ast.SelectionSet)
	walk = func(sel ast.SelectionSet) {
		eachField(sel, func(f *ast.Field) {
			switch ours, cheap := about(f); {
			case !ours, cheap:
			case slices.Contains(stored, f.Name):
				if !slices.Contains(fields, f.Name) {
					fields = append(fields, f.Name)
				}
			default:
				whole = true
			}
			walk(f.SelectionSet)
		})
	}
	walk(oc.Operation.SelectionSet)
	if whole {
		return nil
	}
	return fields
}

// cheapEdgeFields are read by every expansion (graph.Expand.EdgeFields).
var cheapEdgeFields = map[string]bool{"__typename": true, "id": true, "kind": true, "role": true, "date": true}

// isNodeType reports whether d is Node, Actor, or a type that implements either.
func isNodeType(d *ast.Definition) bool {
	return d.Name == "Node" || d.Name == "Actor" || slices.Contains(d.Interfaces, "Node") || slices.Contains(d.Interfaces, "Actor")
}
