package graph

import (
	"fmt"

	"github.com/entente/entente/fixtures"
)

// Review status (DOMAIN.md, "Confidence and review"). Every node and edge is ACCEPTED,
// PROPOSED or REJECTED; only ACCEPTED facts are seen by the read queries.
//
// How it is stored, so that the common all-accepted graph pays (almost) nothing:
//
//   - An ACCEPTED fact stores nothing: absent means accepted, so databases written before
//     statuses existed need no migration, and no read pays for a property that every fact
//     would carry.
//   - A node that is not accepted carries one more label, LabelProposed or LabelRejected.
//     A label is checked in the node record the read has already loaded (no property read,
//     no index): acceptedNode is "NOT (n:Proposed OR n:Rejected)" (not the label expression
//     n:Proposed|Rejected, which Cypher refuses in a statement that matches n:Kind:Entity).
//   - An edge that is not accepted carries status ('PROPOSED' or 'REJECTED'); acceptedEdge
//     is "r.status IS NULL", a property read on the relationships a query traverses, which
//     most of them read anyway to project the edge. A range index per edge kind on status
//     (schema.go) holds only the edges that are not accepted (nulls are not indexed), so
//     that the review queue never scans the accepted ones.
//
// acceptedNode and acceptedEdge are the one source of truth every read query uses; no
// query spells the condition itself (TestReadsUseTheStatusHelpers).
const (
	LabelProposed = "Proposed" // a node waiting for review
	LabelRejected = "Rejected" // a node a reviewer or a fixture rejected
)

// Statuses as the API and the stored edge property spell them (the enum FactStatus).
const (
	StatusAccepted = "ACCEPTED"
	StatusProposed = "PROPOSED"
	StatusRejected = "REJECTED"
)

// acceptedNode is the Cypher condition that the node variable v is ACCEPTED.
func acceptedNode(v string) string {
	return "NOT (" + v + ":" + LabelProposed + " OR " + v + ":" + LabelRejected + ")"
}

// reviewableNode is the Cypher condition that the node variable v is ACCEPTED or PROPOSED
// (not REJECTED): what a document's view shows, a proposed node marked as such.
func reviewableNode(v string) string { return "NOT " + v + ":" + LabelRejected }

// acceptedEdge is the Cypher condition that the relationship variable r is ACCEPTED.
func acceptedEdge(r string) string { return r + ".status IS NULL" }

// nodeStatusCypher is the status of the node variable v, as statusOf reads it.
func nodeStatusCypher(v string) string {
	return fmt.Sprintf("CASE WHEN %[1]s:%[2]s THEN '%[3]s' WHEN %[1]s:%[4]s THEN '%[5]s' END",
		v, LabelProposed, StatusProposed, LabelRejected, StatusRejected)
}

// statusOf reads a stored status: null (nothing stored) is ACCEPTED.
func statusOf(v any) string {
	if s, ok := v.(string); ok && s != "" {
		return s
	}
	return StatusAccepted
}

// storedStatus is what a fixture's status is stored as: nil for accepted (nothing stored).
func storedStatus(fixtureStatus string) any {
	switch fixtureStatus {
	case fixtures.StatusProposed:
		return StatusProposed
	case fixtures.StatusRejected:
		return StatusRejected
	}
	return nil
}

// statusRank orders the statuses of one fact met twice in a fixture: an explicit rejection
// wins, then acceptance, then a proposal.
func statusRank(stored any) int {
	switch stored {
	case StatusRejected:
		return 2
	case nil:
		return 1
	}
	return 0
}

// combineStatus keeps in a row the status that wins (statusRank) over s.
func combineStatus(row map[string]any, s any, first bool) {
	if first || statusRank(s) > statusRank(row["status"]) {
		row["status"] = s
	}
}

// statusMergeCypher is the status a stored fact gets when a write brings the status
// incoming (a Cypher expression, null for accepted) to it, current being its stored one:
// a curation (curated) accepts it; otherwise a REJECTED fact stays rejected (a later
// document only adds its evidence) and an ACCEPTED one stays accepted, while a PROPOSED
// one takes the incoming status.
func statusMergeCypher(current, incoming, curated string) string {
	return fmt.Sprintf("CASE WHEN coalesce(%[3]s, false) THEN null WHEN %[1]s IS NULL OR %[1]s = '%[4]s' THEN %[1]s ELSE %[2]s END",
		current, incoming, curated, StatusRejected)
}
