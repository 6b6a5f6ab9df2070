package graph

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The status condition is spelled in status.go only: every other query goes through
// acceptedNode and acceptedEdge (and the label constants), so that one change there
// changes every read.
func TestReadsUseTheStatusHelpers(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f == "status.go" || strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, spelled := range []string{".status IS NULL", ":Proposed", ":Rejected", "= 'PROPOSED'", "= 'REJECTED'"} {
			if strings.Contains(string(b), spelled) {
				t.Errorf("%s spells %q: use acceptedNode, acceptedEdge and the constants of status.go", f, spelled)
			}
		}
	}
}
