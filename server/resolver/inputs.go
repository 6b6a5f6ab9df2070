package resolver

import (
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/model"
)

// nodeFromInput turns a NodeInput into the fixture node the graph validates and writes.
func nodeFromInput(in model.NodeInput) (fixtures.Node, error) {
	srcs, err := sourcesFromInput(in.Sources)
	if err != nil {
		return fixtures.Node{}, err
	}
	props := map[string]any{}
	for k, v := range map[string]*string{"title": in.Title, "subtype": in.Subtype, "description": in.Description} {
		if v != nil {
			props[k] = *v
		}
	}
	return fixtures.Node{ID: in.ID, Kind: in.Kind, Name: in.Name, Aliases: in.Aliases, Country: in.Country,
		StartDate: in.StartDate, EndDate: in.EndDate, Place: in.Place, Properties: props, Sources: srcs}, nil
}

// edgeFromInput turns an EdgeInput into a fixture edge.
func edgeFromInput(in model.EdgeInput) (fixtures.Edge, error) {
	srcs, err := sourcesFromInput(in.Sources)
	if err != nil {
		return fixtures.Edge{}, err
	}
	props := map[string]any{}
	for k, v := range map[string]*string{"title": in.Title, "place": in.Place, "currency": in.Currency} {
		if v != nil {
			props[k] = *v
		}
	}
	if in.Amount != nil {
		props["amount"] = *in.Amount
	}
	return fixtures.Edge{Kind: in.Kind, From: in.From, To: in.To, Role: storedRole(in.Role), Date: in.Date,
		Properties: props, Sources: srcs}, nil
}

// storedRole reads a role given as the API spells it (SPEAKER) or as fixtures do (speaker)
// into the stored spelling; a role it does not know is left for validation to refuse.
func storedRole(role *string) *string {
	if role == nil {
		return nil
	}
	if r, ok := graph.RoleOf(strings.ToUpper(*role), graph.AllRoles); ok {
		return &r
	}
	return role
}

// sourcesFromInput requires either a reference or a whole span (document, start, end, text).
func sourcesFromInput(in []model.SourceInput) ([]fixtures.Source, error) {
	out := make([]fixtures.Source, 0, len(in))
	for _, s := range in {
		switch {
		case s.Reference != nil && *s.Reference != "":
			out = append(out, fixtures.Source{Reference: *s.Reference})
		case s.Document != nil && s.Start != nil && s.End != nil && s.Text != nil:
			out = append(out, fixtures.Source{Document: *s.Document, Start: *s.Start, End: *s.End, Text: *s.Text})
		default:
			return nil, &graph.InputError{Msg: "a source needs a reference, or a document with start, end and text"}
		}
	}
	return out, nil
}
