package resolver

import (
	"context"
	"fmt"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
)

// floatArg is a Float argument with a declared default, which an explicit null also
// gets (as intArg for Int arguments).
func floatArg(ctx context.Context, name string, v *float64) float64 {
	if v != nil {
		return *v
	}
	if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Field.Definition != nil {
		if a := fc.Field.Definition.Arguments.ForName(name); a != nil && a.DefaultValue != nil {
			if f, err := strconv.ParseFloat(a.DefaultValue.Raw, 64); err == nil {
				return f
			}
		}
	}
	panic(fmt.Sprintf("the schema declares no default for argument %s here", name))
}
