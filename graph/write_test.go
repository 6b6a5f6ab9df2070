package graph

import (
	"context"
	"errors"
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
