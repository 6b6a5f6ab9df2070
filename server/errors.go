package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server/ingest"
)

// Error codes in extensions.code.
const (
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeNotFound        = "NOT_FOUND"
	CodeConflict        = "CONFLICT"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
	CodeComplexity      = "COMPLEXITY_LIMIT_EXCEEDED"
	CodeRateLimited     = "RATE_LIMITED"
	CodeTimeout         = "TIMEOUT"
	CodeUnavailable     = "UNAVAILABLE"
	CodeInternal        = "INTERNAL"

	// CodeValidationFailed is gqlgen's code for a document that does not fit the schema;
	// introspection asked of a server that has it off is answered with it too.
	CodeValidationFailed = "GRAPHQL_VALIDATION_FAILED"
)

// introspectionOff says whether ctx is a __schema or __type field that gqlgen refused
// because introspection is disabled (it reports that as a plain resolver error).
func introspectionOff(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || !graphql.HasOperationContext(ctx) {
		return false
	}
	name := fc.Field.Name
	return (name == "__schema" || name == "__type") && graphql.GetOperationContext(ctx).DisableIntrospection
}

// presentError gives every error a stable code; internal details are logged, never sent.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	e := presented(ctx, err)
	noteCode(ctx, e)
	return e
}

func presented(ctx context.Context, err error) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		// Parse and validation errors from gqlgen already speak GraphQL and carry
		// GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED; the rest are bad requests.
		if _, ok := gqlErr.Extensions["code"]; !ok {
			setCode(gqlErr, CodeBadUserInput)
		}
		if d, ok := strings.CutPrefix(gqlErr.Message, `Unknown directive "@`); ok && (d == `defer".` || d == `stream".`) {
			gqlErr.Message = `Unknown directive "@` + strings.TrimSuffix(d, `".`) +
				`": incremental delivery is not supported; every operation is answered in one response, so leave the directive out`
		}
		return gqlErr
	}
	e := graphql.DefaultErrorPresenter(ctx, err)
	var input *graph.InputError
	var notFound *graph.NotFoundError
	var conflict *graph.ConflictError
	var refused *ingest.Error
	switch {
	case errors.As(err, &refused):
		e.Message = refused.Msg
		setCode(e, CodeBadUserInput)
	case errors.Is(err, ingest.ErrTimeout):
		e.Message = ingestTimeoutMessage
		setCode(e, CodeTimeout)
	case errors.As(err, &input):
		if input.Cause != nil {
			zerolog.Ctx(ctx).Warn().Err(input.Cause).Msg("the graph database refused a value")
		}
		e.Message = input.Msg
		setCode(e, CodeBadUserInput)
	case introspectionOff(ctx):
		e.Message = "introspection is disabled on this server (ENTENTE_INTROSPECTION)"
		setCode(e, CodeValidationFailed)
	case errors.As(err, &notFound):
		e.Message = notFound.Error()
		setCode(e, CodeNotFound)
	case errors.Is(err, graph.ErrTimeout) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		e.Message = "the request took too long and was stopped; ask for less (smaller first, limit, depth or maxHops)"
		setCode(e, CodeTimeout)
	case errors.As(err, &conflict):
		e.Message = conflict.Error()
		setCode(e, CodeConflict)
	case errors.Is(err, graph.ErrUnavailable):
		e.Message = "the graph database is unavailable; try again shortly"
		setCode(e, CodeUnavailable)
	case errors.Is(err, context.DeadlineExceeded):
		e.Message = "the request took too long and was stopped"
		setCode(e, CodeTimeout)
	default:
		zerolog.Ctx(ctx).Error().Err(err).Msg("internal error")
		e.Message = fmt.Sprintf("internal error (request %s)", RequestID(ctx))
		setCode(e, CodeInternal)
	}
	return e
}

// writeError answers a request refused before GraphQL runs, in the GraphQL error shape.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	recordCode(w, code)
	writeJSON(w, status, map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": map[string]any{"code": code}}}})
}

// noteCode records the code of an error answered to the request in ctx (its outcome in
// the metrics, when it is the first).
func noteCode(ctx context.Context, e *gqlerror.Error) {
	if info := infoFrom(ctx); info != nil {
		if code, ok := e.Extensions["code"].(string); ok {
			info.setCode(code)
		}
	}
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// recoverResolver logs a resolver panic with the request id and reports an internal error.
func recoverResolver(ctx context.Context, p any) error {
	zerolog.Ctx(ctx).Error().Interface("panic", p).Bytes("stack", debug.Stack()).Msg("resolver panic")
	return fmt.Errorf("panic: %v", p)
}
