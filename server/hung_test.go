package server_test

import (
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server"
)

// hungBound is how long a request may take to say UNAVAILABLE when Neo4j hangs: the
// docs promise about 3 s (graph.ProbeAfter plus graph.ProbeTimeout); the bound leaves
// twice that for a loaded machine, and stays far below the 10 s and 15 s of before.
const hungBound = 2 * (graph.ProbeAfter + graph.ProbeTimeout)

// TestNeo4jHungAnswersUnavailable freezes Neo4j (SIGSTOP): its sockets still accept
// connections but nothing answers. Requests and /readyz must say UNAVAILABLE within
// hungBound, not wait for the request timeout, and the service recovers once Neo4j runs on.
func TestNeo4jHungAnswersUnavailable(t *testing.T) {
	if testing.Short() {
		t.Skip("freezes its own Neo4j")
	}
	db := ownNeo4j(t, t.TempDir(), 0)
	srv, _, ready := serveOwnNeo4j(t, db, 15*time.Second)
	const query = `{ actors(first: 5) { totalCount } }`
	if r := post(t, srv.URL, "", "", query, nil); len(r.errors) > 0 || ready() != 200 {
		t.Fatalf("before the fault: %+v, readyz %d", r.errors, ready())
	}

	if err := syscall.Kill(db.Pid(), syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	resumed := false
	resume := func() {
		if !resumed {
			resumed = true
			_ = syscall.Kill(db.Pid(), syscall.SIGCONT)
		}
	}
	t.Cleanup(resume) // before ownNeo4j's Stop, which needs a running process

	for i := range 2 { // a pooled connection first, then whatever the first failure left
		began := time.Now()
		r := post(t, srv.URL, "", "", query, nil)
		took := time.Since(began)
		if r.code() != server.CodeUnavailable || took > hungBound {
			t.Fatalf("request %d with Neo4j hung: %s after %v (%+v), want UNAVAILABLE within %v", i+1, r.code(), took, r.errors, hungBound)
		}
		t.Logf("request %d with Neo4j hung: UNAVAILABLE in %v", i+1, took.Round(time.Millisecond))
	}
	began := time.Now()
	if s := ready(); s != http.StatusServiceUnavailable || time.Since(began) > hungBound {
		t.Fatalf("readyz with Neo4j hung: %d after %v", s, time.Since(began))
	}

	resume()
	began = time.Now()
	for ready() != 200 {
		if time.Since(began) > time.Minute {
			t.Fatal("readyz still red a minute after Neo4j resumed")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if r := post(t, srv.URL, "", "", query, nil); len(r.errors) > 0 {
		t.Fatalf("after Neo4j resumed: %+v", r.errors)
	}
}
