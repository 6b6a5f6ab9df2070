package server

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/metrics"
)

// requestInfo is filled while a request runs and logged (and counted) when it ends.
type requestInfo struct {
	id        string
	operation string
	opType    string // query, mutation or subscription, once the document parsed; "" before
	status    int    // HTTP status an access check chose for a refused operation; 0: the transport's
	method    string // the request's HTTP method

	mu   sync.Mutex
	code string // extensions.code of the first error answered, "" while none
}

// setCode records code as the request's outcome unless an earlier error did.
func (info *requestInfo) setCode(code string) {
	info.mu.Lock()
	defer info.mu.Unlock()
	if info.code == "" {
		info.code = code
	}
}

// outcome is the request's outcome code for the metrics: the first error's code, else
// OK below status 400 and HTTP_<status> from there.
func (info *requestInfo) outcome(status int) string {
	info.mu.Lock()
	defer info.mu.Unlock()
	switch {
	case info.code != "":
		return info.code
	case status < 400:
		return "OK"
	default:
		return "HTTP_" + strconv.Itoa(status)
	}
}

type infoKey struct{}

func infoFrom(ctx context.Context) *requestInfo {
	info, _ := ctx.Value(infoKey{}).(*requestInfo)
	return info
}

// RequestID returns the id of the request in ctx, or "".
func RequestID(ctx context.Context) string {
	if info := infoFrom(ctx); info != nil {
		return info.id
	}
	return ""
}

var goodID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID takes the caller's X-Request-Id when it is sane or makes one, echoes it, and
// puts a logger carrying it in the request context (zerolog.Ctx).
func requestID(log zerolog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if !goodID.MatchString(id) {
			var b [12]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		lc := log.With().Str("request_id", id)
		if span := recording(r.Context()); span != nil {
			span.SetAttributes(attrRequestID.String(id))
			lc = lc.Str("trace_id", span.SpanContext().TraceID().String())
		}
		l := lc.Logger()
		ctx := context.WithValue(l.WithContext(r.Context()), infoKey{}, &requestInfo{id: id, method: r.Method})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	info   *requestInfo // the request's, for recordCode
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer (flush, deadlines).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// accessLog writes one line per request (id, method, path, status, duration, size,
// operation) and counts it in the metrics.
func accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		began := time.Now()
		sw := &statusWriter{ResponseWriter: w, info: infoFrom(r.Context())}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		ev := zerolog.Ctx(r.Context()).Info()
		if sw.status >= 500 {
			ev = zerolog.Ctx(r.Context()).Error()
		}
		took := time.Since(began)
		info := infoFrom(r.Context())
		ev.Str("method", r.Method).Str("path", r.URL.Path).Int("status", sw.status).
			Dur("duration", took).Int("bytes", sw.bytes).Str("client", clientHost(r)).
			Str("operation", info.operation).Msg("request")
		handler := route(r.URL.Path)
		metrics.Request(handler, r.Method, sw.status, took)
		if handler == "graphql" && r.Method != http.MethodOptions {
			opType := info.opType
			if opType == "" {
				opType = "unknown"
			}
			code := info.outcome(sw.status)
			metrics.GraphQL(metrics.Operation(info.operation, info.opType != ""), opType, code, took)
			if span := recording(r.Context()); span != nil {
				span.SetAttributes(attrGraphQLCode.String(code))
			}
		}
	})
}

// route is the handler label of a path, from a fixed list: never the raw path.
func route(path string) string {
	switch {
	case path == "/graphql":
		return "graphql"
	case path == "/graphiql" || strings.HasPrefix(path, "/graphiql/"):
		return "graphiql"
	case strings.HasPrefix(path, "/export/"):
		return "export"
	case path == "/healthz", path == "/readyz", path == "/metrics":
		return path[1:]
	default:
		return "page"
	}
}

// recordCode records code as the outcome of the request that w answers, when w is (or
// wraps) the access log's writer.
func recordCode(w http.ResponseWriter, code string) {
	for {
		if sw, ok := w.(*statusWriter); ok {
			if sw.info != nil {
				sw.info.setCode(code)
			}
			return
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return
		}
		w = u.Unwrap()
	}
}

// recoverPanics turns a panic outside GraphQL execution into a logged 500.
func recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				zerolog.Ctx(r.Context()).Error().Interface("panic", p).Bytes("stack", debug.Stack()).Msg("panic")
				writeError(w, http.StatusInternalServerError, CodeInternal, "internal error (request "+RequestID(r.Context())+")")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// limitBody refuses request bodies larger than n bytes with 413, whether their length is
// declared or not (a chunked body is read here, up to n bytes); the paths except have
// limits of their own.
func limitBody(n int64, next http.Handler, except ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if slices.Contains(except, r.URL.Path) {
			next.ServeHTTP(w, r) // a route with a limit of its own
			return
		}
		tooLarge := func() {
			writeError(w, http.StatusRequestEntityTooLarge, CodeBadUserInput, fmt.Sprintf("the request body is larger than %d bytes", n))
		}
		if r.ContentLength > n {
			tooLarge()
			return
		}
		if r.ContentLength < 0 {
			body, err := io.ReadAll(io.LimitReader(r.Body, n+1))
			switch {
			case err != nil:
				writeError(w, http.StatusBadRequest, CodeBadUserInput, "the request body could not be read")
				return
			case int64(len(body)) > n:
				tooLarge()
				return
			}
			r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}
