package localdb

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"
)

// syncBuffer is a log sink that the supervisor and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// answers says whether Bolt at uri answers a query.
func answers(uri string) bool {
	d, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		return false
	}
	defer d.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return d.VerifyConnectivity(ctx) == nil
}

// TestSuperviseRestartsThenGivesUp kills Neo4j (SIGKILL): the supervisor logs it and
// starts it again on the same port and data. Killed again with its port taken, so that
// it cannot come back, the supervisor tries as often as its policy allows, then gives up
// and says so.
func TestSuperviseRestartsThenGivesUp(t *testing.T) {
	if jars, _ := filepath.Glob(filepath.Join(libDir, "neo4j-*.jar")); len(jars) == 0 {
		if os.Getenv("ENTENTE_REQUIRE_NEO4J") == "1" {
			t.Fatal("no Neo4j jars in .neo4j/lib: run make neo4j")
		}
		t.Skip("no Neo4j jars in .neo4j/lib: run make neo4j")
	}
	var logs syncBuffer
	policy := RestartPolicy{Restarts: 2, Window: time.Hour, FirstDelay: 100 * time.Millisecond, MaxDelay: time.Second}
	sv, err := Supervise(context.Background(), Options{LibDir: libDir, Home: t.TempDir(), Heap: "256m", PageCache: "64m",
		StartTimeout: 2 * time.Minute, Log: zerolog.New(&logs)}, policy)
	if err != nil {
		t.Fatal(err)
	}
	defer sv.Stop(context.Background())

	first := sv.Pid()
	if err := syscall.Kill(first, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	for sv.Pid() == first || !answers(sv.URI) {
		if time.Since(began) > 3*time.Minute {
			t.Fatalf("Neo4j not back 3 minutes after it was killed; log:\n%s", logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("restarted and answering %v after SIGKILL", time.Since(began).Round(time.Millisecond))
	for _, want := range []string{`"pid":` + strconv.Itoa(first), "Neo4j exited unexpectedly", "Neo4j restarted"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, logs.String())
		}
	}

	// Killed again, with its port taken: every restart fails.
	addr := strings.TrimPrefix(sv.URI, "bolt://")
	if err := syscall.Kill(sv.Pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	var ln net.Listener
	for ln == nil {
		if ln, err = net.Listen("tcp", addr); err != nil && time.Since(began) > 4*time.Minute {
			t.Fatalf("port %s never freed: %v", addr, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	defer ln.Close()
	select {
	case <-sv.Done():
	case <-time.After(5 * time.Minute):
		t.Fatalf("still restarting 5 minutes after the port was taken; log:\n%s", logs.String())
	}
	if err := sv.Err(); err == nil || !strings.Contains(err.Error(), "gave up") {
		t.Fatalf("Err() = %v, want one saying it gave up", err)
	}
	if n := strings.Count(logs.String(), "Neo4j did not restart"); n != 1 {
		t.Errorf("%d failed restarts logged, want 1 (2 restarts allowed, 1 used)", n)
	}
	if !strings.Contains(logs.String(), "gave up restarting it") {
		t.Errorf("the log does not say it gave up:\n%s", logs.String())
	}
}
