package graph

import (
	"strings"

	"github.com/entente/entente/fixtures"
)

// The API's vocabulary. Kinds and roles are stored as fixtures write them (UNBody, speaker);
// everything a client reads spells them as the GraphQL enums do (UN_BODY, SPEAKER): the
// API's NodeKind, EdgeKind and role enums, and every export (GraphML, GEXF, CSV, Cytoscape.js
// JSON). These functions are the one mapping between the two spellings.

// kindNames maps stored node kinds to their NodeKind values.
var kindNames = map[string]string{
	fixtures.KindState: "STATE", fixtures.KindAgency: "AGENCY", fixtures.KindUNBody: "UN_BODY",
	fixtures.KindOrganization: "ORGANIZATION", fixtures.KindPerson: "PERSON", fixtures.KindProject: "PROJECT",
	fixtures.KindRoadmap: "ROADMAP", fixtures.KindMeeting: "MEETING", KindDocument: "DOCUMENT",
}

// KindName is the API's spelling of a stored node kind: UNBody is UN_BODY, Document is
// DOCUMENT. A kind it does not know is returned unchanged.
func KindName(kind string) string {
	if name, ok := kindNames[kind]; ok {
		return name
	}
	return kind
}

// KindOf is the stored node kind that the API spells name (UN_BODY: UNBody).
func KindOf(name string) (string, bool) {
	for kind, n := range kindNames {
		if n == name {
			return kind, true
		}
	}
	return "", false
}

// EdgeKindName is the API's spelling of a stored edge kind: the same (PARTICIPATED_IN),
// as fixtures already write edge kinds as the EdgeKind enum does.
func EdgeKindName(kind string) string { return kind }

// RoleName is the API's spelling of a stored role: speaker is SPEAKER (ParticipantRole,
// ImplementerRole and EdgeRole values).
func RoleName(role string) string { return strings.ToUpper(role) }

// RoleOf is the stored role that the API spells name (SPEAKER: speaker), among roles.
func RoleOf(name string, roles []string) (string, bool) {
	for _, r := range roles {
		if RoleName(r) == name {
			return r, true
		}
	}
	return "", false
}

// AllRoles lists every role an edge may have: fixtures.ParticipantRoles, then fixtures.ImplementerRoles.
var AllRoles = append(append([]string{}, fixtures.ParticipantRoles...), fixtures.ImplementerRoles...)
