package graph

import (
	"os"
	"slices"
	"testing"

	"github.com/entente/entente/fixtures"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// TestVocabularyIsTheSchemas: KindName, EdgeKindName and RoleName give exactly the values of
// the schema's enums, and KindOf and RoleOf read them back.
func TestVocabularyIsTheSchemas(t *testing.T) {
	sdl, err := os.ReadFile("../schema/schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	doc, perr := parser.ParseSchema(&ast.Source{Name: "schema.graphqls", Input: string(sdl)})
	if perr != nil {
		t.Fatal(perr)
	}
	enum := func(name string) []string {
		def := doc.Definitions.ForName(name)
		if def == nil || def.Kind != ast.Enum {
			t.Fatalf("the schema has no enum %s", name)
		}
		var values []string
		for _, v := range def.EnumValues {
			values = append(values, v.Name)
		}
		slices.Sort(values)
		return values
	}
	names := func(list []string, name func(string) string) []string {
		var out []string
		for _, x := range list {
			out = append(out, name(x))
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		enum string
		got  []string
	}{
		{"NodeKind", names(append(slices.Clone(fixtures.NodeKinds), KindDocument), KindName)},
		{"EdgeKind", names(fixtures.EdgeKinds, EdgeKindName)},
		{"ParticipantRole", names(fixtures.ParticipantRoles, RoleName)},
		{"ImplementerRole", names(fixtures.ImplementerRoles, RoleName)},
		{"EdgeRole", names(AllRoles, RoleName)},
	} {
		if want := enum(tc.enum); !slices.Equal(tc.got, want) {
			t.Errorf("%s: the mapping gives %v, the schema says %v", tc.enum, tc.got, want)
		}
	}
	for _, k := range append(slices.Clone(fixtures.NodeKinds), KindDocument) {
		if back, ok := KindOf(KindName(k)); !ok || back != k {
			t.Errorf("KindOf(KindName(%q)) = %q, %v", k, back, ok)
		}
	}
	for _, r := range AllRoles {
		if back, ok := RoleOf(RoleName(r), AllRoles); !ok || back != r {
			t.Errorf("RoleOf(RoleName(%q)) = %q, %v", r, back, ok)
		}
	}
	if _, ok := RoleOf("SPEAKER", fixtures.ImplementerRoles); ok {
		t.Error("SPEAKER read as an implementer's role")
	}
}
