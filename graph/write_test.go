package graph

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// A write that keeps colliding is tried WriteAttempts times, within a few seconds, then
// answers a *ConflictError; one that stops colliding commits; other errors are not retried.
func TestWriteRetriesCollisionsBoundedly(t *testing.T) {
	s, _ := openLogged(t, routingTestConfig(t))
	ctx := context.Background()
	deadlock := &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: "deadlock"}
	for _, collision := range []error{errRaced, deadlock} {
		attempts := 0
		began := time.Now()
		err := s.write(ctx, func(*Tx) error { attempts++; return collision })
		var conflict *ConflictError
		if !errors.As(err, &conflict) || conflict.Attempts != WriteAttempts || attempts != WriteAttempts {
			t.Errorf("%v: %d attempts, answer %v; want %d attempts and a ConflictError", collision, attempts, err, WriteAttempts)
		}
		if took := time.Since(began); took > 5*time.Second {
			t.Errorf("%v: gave up after %s", collision, took)
		}
	}
	attempts := 0
	err := s.write(ctx, func(tx *Tx) error {
		if attempts++; attempts < 3 {
			return deadlock
		}
		_, err := tx.run(ctx, "RETURN 1", nil)
		return err
	})
	if err != nil || attempts != 3 {
		t.Errorf("%d attempts, answer %v; want 3 and success", attempts, err)
	}
	attempts = 0
	if err := s.write(ctx, func(*Tx) error { attempts++; return inputf("bad") }); attempts != 1 || err == nil {
		t.Errorf("an input error was tried %d times (answer %v)", attempts, err)
	}
}

// A write that Neo4j refuses for the memory it needs would need as much at every try: it
// is tried once and answers an *InputError that says so, not a ConflictError after
// WriteAttempts tries (a 30,000-node file took eight tries of 45 s each, then "other
// requests were changing the same nodes").
func TestWriteRefusedForMemoryIsNotRetried(t *testing.T) {
	s, _ := openLogged(t, routingTestConfig(t))
	oom := &neo4j.Neo4jError{Code: "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
		Msg: "The allocation of an extra 2.0 MiB would use more than the limit 358.4 MiB."}
	attempts := 0
	err := s.write(context.Background(), func(*Tx) error { attempts++; return oom })
	var input *InputError
	if attempts != 1 || !errors.As(err, &input) || !strings.Contains(input.Msg, "memory") {
		t.Fatalf("%d attempts, answer %v; want 1 attempt and an InputError about memory", attempts, err)
	}
}
