package model

import (
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
)

// MarshalDate writes a (possibly partial) ISO date.
func MarshalDate(s string) graphql.Marshaler { return graphql.MarshalString(s) }

// UnmarshalDate accepts YYYY, YYYY-MM or YYYY-MM-DD and nothing else.
func UnmarshalDate(v any) (string, error) {
	s, ok := v.(string)
	if !ok || !fixtures.ValidDate(s) {
		return "", inputf("%v is not a date: want YYYY, YYYY-MM or YYYY-MM-DD", v)
	}
	return s, nil
}

// MarshalNodeKind writes a stored kind as its enum value (graph.KindName: UNBody is UN_BODY).
func MarshalNodeKind(kind string) graphql.Marshaler { return quoted(graph.KindName(kind)) }

// UnmarshalNodeKind reads an enum value into the stored kind.
func UnmarshalNodeKind(v any) (string, error) {
	s, _ := v.(string)
	if kind, ok := graph.KindOf(s); ok {
		return kind, nil
	}
	return "", inputf("%v is not a NodeKind", v)
}

// MarshalParticipantRole writes a stored role ("organiser") as its enum value (ORGANISER).
func MarshalParticipantRole(role string) graphql.Marshaler { return quoted(graph.RoleName(role)) }

// UnmarshalParticipantRole reads an enum value into the stored role.
func UnmarshalParticipantRole(v any) (string, error) {
	return unmarshalRole(v, fixtures.ParticipantRoles, "ParticipantRole")
}

// MarshalImplementerRole writes a stored role ("partner") as its enum value (PARTNER).
func MarshalImplementerRole(role string) graphql.Marshaler { return quoted(graph.RoleName(role)) }

// UnmarshalImplementerRole reads an enum value into the stored role.
func UnmarshalImplementerRole(v any) (string, error) {
	return unmarshalRole(v, fixtures.ImplementerRoles, "ImplementerRole")
}

// MarshalEdgeRole writes any stored role as its enum value (speaker: SPEAKER).
func MarshalEdgeRole(role string) graphql.Marshaler { return quoted(graph.RoleName(role)) }

// UnmarshalEdgeRole reads an enum value into the stored role.
func UnmarshalEdgeRole(v any) (string, error) { return unmarshalRole(v, graph.AllRoles, "EdgeRole") }

func unmarshalRole(v any, roles []string, enum string) (string, error) {
	s, _ := v.(string)
	if role, ok := graph.RoleOf(s, roles); ok {
		return role, nil
	}
	return "", inputf("%v is not a value of %s", v, enum)
}

func quoted(s string) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { io.WriteString(w, strconv.Quote(s)) })
}

// inputf reports a value the caller got wrong (BAD_USER_INPUT).
func inputf(format string, args ...any) error {
	return &graph.InputError{Msg: fmt.Sprintf(format, args...)}
}
