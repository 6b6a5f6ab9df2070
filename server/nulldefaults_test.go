package server_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/entente/entente/server/generated"
)

// TestNullArgumentsTakeDeclaredDefaults asks every Query field with defaulted Int arguments
// twice on the seed graph, once leaving them out (gqlgen fills in the declared defaults) and
// once sending them as null (the resolver reads the declared default, intArg): both answer
// the same.
func TestNullArgumentsTakeDeclaredDefaults(t *testing.T) {
	a := seedAPI(t)
	person, state := a.first("Gambacurta", "PERSON"), a.first("Morocco", "STATE")
	meeting := a.first("JUMBO", "MEETING")
	// Each field with its required arguments and what to select; {} stands for the
	// defaulted Int arguments sent as null.
	calls := map[string]string{
		"search":              `search(text: "unicri"{}) { score node { id } }`,
		"shortestPath":        `shortestPath(from: "` + person + `", to: "` + state + `"{}) { length nodes { id } }`,
		"neighbourhood":       `neighbourhood(id: "` + meeting + `"{}) { truncated nodes { id } edges { id } }`,
		"paths":               `paths(from: "` + person + `", to: "` + state + `"{}) { length nodes { id } }`,
		"connectors":          `connectors(a: "` + person + `", b: "` + meeting + `"{}) { node { id } }`,
		"coParticipants":      `coParticipants(id: "` + person + `"{}) { weight node { id } }`,
		"centrality":          `centrality(measure: DEGREE{}) { score node { id } }`,
		"communities":         `communities({}) { modularity communities { size nodes { id } } }`,
		"cytoscape":           `cytoscape(around: "` + meeting + `"{})`,
		"actors":              `actors({}) { totalCount edges { node { id } } }`,
		"meetings":            `meetings({}) { totalCount edges { node { id } } }`,
		"roadmaps":            `roadmaps({}) { totalCount edges { node { id } } }`,
		"projects":            `projects({}) { totalCount edges { node { id } } }`,
		"documents":           `documents({}) { totalCount edges { node { id } } }`,
		"agreements":          `agreements({}) { totalCount edges { node { edge { id } } } }`,
		"reviewQueue":         `reviewQueue({}) { id confidence }`,
		"duplicateCandidates": `duplicateCandidates({}) { score reasons a { id } b { id } }`,
	}
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	for _, f := range schema.Query.Fields {
		var nulls []string
		for _, arg := range f.Arguments {
			if arg.DefaultValue != nil && arg.Type.Name() == "Int" && !strings.Contains(calls[f.Name], arg.Name+":") {
				nulls = append(nulls, arg.Name+": null")
			}
		}
		if len(nulls) == 0 {
			continue
		}
		call, ok := calls[f.Name]
		if !ok {
			t.Errorf("Query.%s has defaulted Int arguments: add it to this test", f.Name)
			continue
		}
		left := a.ok("{ "+withArgs(call, nil)+" }", nil)
		null := a.ok("{ "+withArgs(call, nulls)+" }", nil)
		if !reflect.DeepEqual(left, null) {
			t.Errorf("Query.%s: %s answers\n%v\nbut left out\n%v", f.Name, strings.Join(nulls, ", "), null, left)
		}
	}
}

// withArgs puts args where call has {} (inside its argument list), dropping the list
// when it is left empty.
func withArgs(call string, args []string) string {
	list := strings.Join(args, ", ")
	if list != "" && !strings.Contains(call, "({}") {
		list = ", " + list
	}
	return strings.Replace(strings.Replace(call, "{}", list, 1), "()", "", 1)
}
