package server_test

import (
	"slices"
	"testing"
)

// TestUpsertKeepsNameAndMergeRenames pins what docs/security.md says of names: upsertNode
// never loses a name (a new one becomes an alias), and a rename is a merge into a new node.
func TestUpsertKeepsNameAndMergeRenames(t *testing.T) {
	a := newAPI(t, "../testdata/server/small.json")
	a.ok(`mutation { upsertNode(input: {id: "state:xx", kind: STATE, name: "Oldland"}) { id } }`, nil)
	d := a.ok(`mutation { upsertNode(input: {id: "state:xx", kind: STATE, name: "Newland"}) { name aliases } }`, nil)
	if at(d, "upsertNode.name") != "Oldland" || !slices.Contains(at(d, "upsertNode.aliases").([]any), any("Newland")) {
		t.Errorf("upsert with another name: %v", d)
	}
	a.ok(`mutation { upsertNode(input: {id: "state:newland", kind: STATE, name: "Newland"}) { id } }`, nil)
	d = a.ok(`mutation { mergeNodes(survivor: "state:newland", merged: "state:xx") { id name aliases } }`, nil)
	if at(d, "mergeNodes.name") != "Newland" || !slices.Contains(at(d, "mergeNodes.aliases").([]any), any("Oldland")) {
		t.Errorf("rename by merge: %v", d)
	}
	if d := a.ok(`{ node(id: "state:xx") { id name } }`, nil); at(d, "node.id") != "state:newland" || at(d, "node.name") != "Newland" {
		t.Errorf("the old id after the rename: %v", d)
	}
}
