package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a log sink that the command and the test share.
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

// pids returns the pid of every log line with this message, in order.
func pids(log, message string) []int {
	var out []int
	for _, line := range strings.Split(log, "\n") {
		var e struct {
			Message string `json:"message"`
			Pid     int    `json:"pid"`
		}
		if json.Unmarshal([]byte(line), &e) == nil && e.Message == message {
			out = append(out, e.Pid)
		}
	}
	return out
}

// TestRunRestartsNeo4jThatDied kills (SIGKILL) the Neo4j that `entente run` started: run
// logs it, starts it again, and /readyz answers 200 again without restarting run.
func TestRunRestartsNeo4jThatDied(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills its own Neo4j")
	}
	lib, _ := filepath.Abs("../../.neo4j/lib")
	if jars, _ := filepath.Glob(filepath.Join(lib, "neo4j-*.jar")); len(jars) == 0 {
		if os.Getenv("ENTENTE_REQUIRE_NEO4J") == "1" {
			t.Fatal("no Neo4j jars in .neo4j/lib: run make neo4j")
		}
		t.Skip("no Neo4j jars in .neo4j/lib: run make neo4j")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- runLogging(ctx, []string{"--neo4j-uri=", "--neo4j-home", t.TempDir(), "--neo4j-lib", lib,
			"--neo4j-heap", "256m", "--neo4j-pagecache", "64m", "--addr", addr, "--fixtures", t.TempDir(),
			"--log-format", "json", "--web", t.TempDir()}, &logs)
	}()
	ready := func() bool {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	}
	waitReady := func(what string) {
		began := time.Now()
		for !ready() {
			select {
			case err := <-done:
				t.Fatalf("run ended %s: %v; log:\n%s", what, err, logs.String())
			default:
			}
			if time.Since(began) > 3*time.Minute {
				t.Fatalf("readyz not 200 3 minutes %s; log:\n%s", what, logs.String())
			}
			time.Sleep(200 * time.Millisecond)
		}
		t.Logf("ready %v %s", time.Since(began).Round(time.Millisecond), what)
	}
	waitReady("after start")
	started := pids(logs.String(), "starting Neo4j")
	if len(started) != 1 {
		t.Fatalf("%d Neo4j started, want 1; log:\n%s", len(started), logs.String())
	}
	if err := syscall.Kill(started[0], syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	for ready() {
		if time.Since(began) > time.Minute {
			t.Fatal("readyz still 200 a minute after Neo4j was killed")
		}
		time.Sleep(50 * time.Millisecond)
	}
	waitReady("after SIGKILL")
	log := logs.String()
	if died := pids(log, "Neo4j exited unexpectedly"); len(died) != 1 || died[0] != started[0] {
		t.Errorf("deaths logged for pids %v, want [%d]", died, started[0])
	}
	if back := pids(log, "Neo4j restarted"); len(back) != 1 || back[0] == started[0] {
		t.Errorf("restarts logged for pids %v, want one new one", back)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("run after Ctrl-C: %v", err)
	}
}
