package graph

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Every refusal of Neo4j's client (Neo.ClientError.*) that no validation caught first is
// bad input with a message that names no Cypher and no driver detail; Entente's own
// credentials refused mean the database is unusable; a database failure stays internal.
func TestClassifyClientErrors(t *testing.T) {
	clientErr := func(code string) error {
		return fmt.Errorf("search: %w", &neo4j.Neo4jError{Code: code, Msg: "Failed to invoke procedure `db.index.fulltext.queryNodes`"})
	}
	for _, code := range []string{
		"Neo.ClientError.Procedure.ProcedureCallFailed",
		"Neo.ClientError.Statement.ArgumentError",
		"Neo.ClientError.Schema.ConstraintValidationFailed",
		"Neo.ClientError.Statement.TypeError",
	} {
		var input *InputError
		err := classify(clientErr(code))
		if !errors.As(err, &input) || input.Cause == nil {
			t.Errorf("%s: %v, want an *InputError keeping its cause", code, err)
			continue
		}
		if msg := input.Msg; msg == "" || strings.Contains(msg, "Neo.") || strings.Contains(msg, "db.index") {
			t.Errorf("%s: message %q", code, msg)
		}
	}
	for code := range statementBug {
		var input *InputError
		if err := classify(clientErr(code)); errors.As(err, &input) {
			t.Errorf("%s is Entente's own mistake, not the caller's: %v", code, err)
		}
	}
	if err := classify(clientErr("Neo.ClientError.Security.Unauthorized")); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Security.Unauthorized: %v, want ErrUnavailable", err)
	}
	if err := classify(clientErr("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration")); !errors.Is(err, ErrTimeout) {
		t.Errorf("TransactionTimedOut: %v, want ErrTimeout", err)
	}
	var input *InputError
	if err := classify(clientErr("Neo.DatabaseError.Statement.ExecutionFailed")); errors.As(err, &input) || errors.Is(err, ErrUnavailable) {
		t.Errorf("DatabaseError: %v, want it left as it is (internal)", err)
	}
}
