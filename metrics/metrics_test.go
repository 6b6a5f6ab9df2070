package metrics

import (
	"strconv"
	"strings"
	"testing"
)

func TestOperationLabelsAreBounded(t *testing.T) {
	if got := Operation("", false); got != "unknown" {
		t.Errorf("no operation reached: %q", got)
	}
	if got := Operation("", true); got != "anonymous" {
		t.Errorf("an operation without a name: %q", got)
	}
	if got := Operation(strings.Repeat("a", MaxOperationName+1), true); got != "other" {
		t.Errorf("a name of %d bytes: %q", MaxOperationName+1, got)
	}
	if got := Operation("Known", true); got != "Known" {
		t.Errorf("a name: %q", got)
	}
	for i := range 2 * MaxOperations {
		Operation("Op"+strconv.Itoa(i), true)
	}
	if got := Operation("OneMore", true); got != "other" {
		t.Errorf("a new name past %d: %q", MaxOperations, got)
	}
	if got := Operation("Known", true); got != "Known" {
		t.Errorf("a name seen before the cap: %q", got)
	}
	operations.Lock()
	n := len(operations.seen)
	operations.Unlock()
	if n != MaxOperations {
		t.Errorf("%d names kept, want %d", n, MaxOperations)
	}
}

func TestBuildInfoHasTheGoVersion(t *testing.T) {
	version, _ := Build()
	if version == "" {
		t.Error("no version")
	}
}
