package server

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net/http"
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
		if r.Method == http.MethodPost && r.Body != nil {
			body := bufio.NewReader(r.Body)
			if batch(body) {
				writeError(w, http.StatusBadRequest, CodeBadUserInput,
					"batched requests (a JSON array of operations) are not supported: send one operation per request")
				return
			}
			r.Body = struct {
				io.Reader
				io.Closer
			}{body, r.Body}
		}
		next.ServeHTTP(w, r)
	})
}

// namesGraphQLType reports whether an Accept header names one of the GraphQL response
// types itself; with wildcards alone gqlgen's default answer stands.
func namesGraphQLType(accept string) bool {
	a := strings.ToLower(accept)
	return strings.Contains(a, "application/json") || strings.Contains(a, "application/graphql-response+json")
}

// maxBatchPeek bounds how far the body is read for its first character.
const maxBatchPeek = 512

// batch reports whether the body, past leading white space, opens a JSON array.
func batch(body *bufio.Reader) bool {
	head, _ := body.Peek(maxBatchPeek)
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && head[0] == '['
}
