package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/elnormous/contenttype"
)

// The media types /graphql answers in, most preferred first.
var graphqlResponseTypes = []contenttype.MediaType{
	contenttype.NewMediaType("application/graphql-response+json"),
	contenttype.NewMediaType("application/json"),
}

// negotiate prepares a /graphql request for gqlgen, which reads neither the quality values
// of Accept nor a batch: an Accept that names the GraphQL types is narrowed to the one its
// q-values prefer ("application/json;q=0.5, application/graphql-response+json" gets the
// latter), one that accepts neither is answered 406, and a JSON array body (a batch of
// operations) is refused with a plain message instead of a decoder error. A POST body that
// is not application/json is answered 415, in JSON like every answer of /graphql.
func negotiate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if accept := r.Header.Get("Accept"); accept != "" {
			chosen, _, err := contenttype.GetAcceptableMediaTypeFromHeader(accept, graphqlResponseTypes)
			switch {
			case errors.Is(err, contenttype.ErrNoAcceptableTypeFound):
				writeError(w, http.StatusNotAcceptable, CodeBadUserInput,
					"/graphql answers application/graphql-response+json or application/json; the Accept header allows neither")
				return
			case err == nil && namesGraphQLType(accept):
				r.Header.Set("Accept", chosen.MIME())
			}
		}
		if r.Method == http.MethodPost {
			if mt, err := contenttype.GetMediaType(r); err != nil || mt.MIME() != "application/json" {
				writeError(w, http.StatusUnsupportedMediaType, CodeBadUserInput,
					"POST /graphql takes a JSON body: Content-Type: application/json")
				return
			}
		}
		switch r.Method {
		case http.MethodPost:
			// limitBody has bounded the body: it is read here whole, to check its shape.
			body, err := io.ReadAll(r.Body)
			if err != nil {
				requestError(w, r, "the request body could not be read")
				return
			}
			if batch(body) {
				requestError(w, r, "batched requests (a JSON array of operations) are not supported: send one operation per request")
				return
			}
			if msg := malformedPost(body); msg != "" {
				requestError(w, r, msg)
				return
			}
			r.Body = struct {
				io.Reader
				io.Closer
			}{bytes.NewReader(body), r.Body}
		case http.MethodGet:
			if msg := malformedGet(r.URL.Query()); msg != "" {
				requestError(w, r, msg)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// requestError answers 400 to a request that is not a well-formed GraphQL-over-HTTP request,
// whatever the Accept (the spec: execution never starts, and the body has no "data"), in
// the GraphQL type the request accepts.
func requestError(w http.ResponseWriter, r *http.Request, msg string) {
	ctype := "application/json"
	if r.Header.Get("Accept") == "application/graphql-response+json" { // narrowed above
		ctype = "application/graphql-response+json"
	}
	w.Header().Set("Content-Type", ctype)
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{
		"message": msg, "extensions": map[string]any{"code": CodeBadUserInput},
	}}})
}

// howToAsk is what every message about a malformed request ends with.
const howToAsk = `send {"query": "{ ... }"} with optional "operationName" (a string), "variables" and "extensions" (objects)`

// malformedPost says what makes a POST body not a GraphQL-over-HTTP request (not a JSON
// object, no query, a parameter of the wrong type), or "" when it is one. The messages name
// the parameter, never the body or the decoder's Go types.
func malformedPost(body []byte) string {
	var params map[string]json.RawMessage
	if err := json.Unmarshal(body, &params); err != nil {
		var syntax *json.SyntaxError
		switch {
		case errors.As(err, &syntax):
			return fmt.Sprintf("the request body is not valid JSON (at byte %d): %s", syntax.Offset, howToAsk)
		case errors.Is(err, io.ErrUnexpectedEOF) || len(bytes.TrimSpace(body)) == 0:
			return "the request body is not valid JSON (it ends too early): " + howToAsk
		default:
			return "the request body must be a JSON object: " + howToAsk
		}
	}
	if params == nil { // the body was null
		return "the request body must be a JSON object: " + howToAsk
	}
	return malformed(func(name string) (json.RawMessage, bool) {
		v, ok := params[name]
		return v, ok && string(v) != "null"
	})
}

// malformedGet is malformedPost for the parameters of a GET: query and operationName are
// strings there already, variables and extensions JSON texts.
func malformedGet(q url.Values) string {
	return malformed(func(name string) (json.RawMessage, bool) {
		v, ok := q[name]
		if !ok || len(v) == 0 {
			return nil, false
		}
		if name == "query" || name == "operationName" {
			quoted, _ := json.Marshal(v[0])
			return quoted, true
		}
		return json.RawMessage(v[0]), true
	})
}

// malformed checks the four parameters of a request, as get finds them (present and not null).
func malformed(get func(string) (json.RawMessage, bool)) string {
	isObject := func(v json.RawMessage) bool {
		var m map[string]json.RawMessage
		return json.Unmarshal(v, &m) == nil && m != nil
	}
	extensions, hasExtensions := get("extensions")
	if hasExtensions && !isObject(extensions) {
		return `"extensions" must be an object or null: ` + howToAsk
	}
	if query, ok := get("query"); !ok {
		// A persisted query (APQ) may be sent by its hash alone.
		var ext struct{ PersistedQuery json.RawMessage }
		if !hasExtensions || json.Unmarshal(extensions, &ext) != nil || ext.PersistedQuery == nil {
			return "the request has no query: " + howToAsk
		}
	} else if !isString(query) {
		return `"query" must be a string (the GraphQL document): ` + howToAsk
	}
	if name, ok := get("operationName"); ok && !isString(name) {
		return `"operationName" must be a string or null: ` + howToAsk
	}
	if vars, ok := get("variables"); ok && !isObject(vars) {
		return `"variables" must be an object (variable names to values) or null: ` + howToAsk
	}
	return ""
}

func isString(v json.RawMessage) bool {
	var s string
	return json.Unmarshal(v, &s) == nil
}

// namesGraphQLType reports whether an Accept header names one of the GraphQL response
// types itself; with wildcards alone gqlgen's default answer stands.
func namesGraphQLType(accept string) bool {
	a := strings.ToLower(accept)
	return strings.Contains(a, "application/json") || strings.Contains(a, "application/graphql-response+json")
}

// batch reports whether the body, past leading white space, opens a JSON array.
func batch(body []byte) bool {
	head := bytes.TrimLeft(body, " \t\r\n")
	return len(head) > 0 && head[0] == '['
}
