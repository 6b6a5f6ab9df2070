package model

import (
	"fmt"
	"io"
	"strconv"
	"strings"

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

// kindNames maps stored kinds to their enum values (UNBody -> UN_BODY).
var kindNames = map[string]string{
	fixtures.KindState: "STATE", fixtures.KindAgency: "AGENCY", fixtures.KindUNBody: "UN_BODY",
	fixtures.KindOrganization: "ORGANIZATION", fixtures.KindPerson: "PERSON", fixtures.KindProject: "PROJECT",
	fixtures.KindRoadmap: "ROADMAP", fixtures.KindMeeting: "MEETING", graph.KindDocument: "DOCUMENT",
}

// MarshalNodeKind writes a stored kind as its enum value.
func MarshalNodeKind(kind string) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { io.WriteString(w, strconv.Quote(kindNames[kind])) })
}

// UnmarshalNodeKind reads an enum value into the stored kind.
func UnmarshalNodeKind(v any) (string, error) {
	s, _ := v.(string)
	for kind, name := range kindNames {
		if name == s {
			return kind, nil
		}
	}
	return "", inputf("%v is not a NodeKind", v)
}

// MarshalParticipantRole writes a stored role ("organiser") as its enum value (ORGANISER).
func MarshalParticipantRole(role string) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { io.WriteString(w, strconv.Quote(strings.ToUpper(role))) })
}

// UnmarshalParticipantRole reads an enum value into the stored role.
func UnmarshalParticipantRole(v any) (string, error) {
	s, _ := v.(string)
	switch s {
	case "ORGANISER", "HOST", "CHAIR", "SPEAKER", "PARTICIPANT":
		return strings.ToLower(s), nil
	}
	return "", inputf("%v is not a ParticipantRole", v)
}

// inputf reports a value the caller got wrong (BAD_USER_INPUT).
func inputf(format string, args ...any) error {
	return &graph.InputError{Msg: fmt.Sprintf(format, args...)}
}
