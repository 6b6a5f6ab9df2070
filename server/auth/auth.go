// Package auth holds Entente's API keys: roles, the hashed key list read from a file or the
// environment, constant-time lookup of a bearer token, and the caller carried in a context.
//
// A key is 32 random bytes, sent as "Authorization: Bearer ent_<base64url>". Only its
// SHA-256 is stored, one key a line: "role sha256hex name" (# starts a comment).
package auth

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
)

// Role is what a caller may do; each role includes the ones below it.
type Role int

// The roles, weakest first.
const (
	Anonymous Role = iota // no key
	Reader                // queries
	Editor                // queries, mutations and imports
	Admin                 // everything
)

var roleNames = map[Role]string{Anonymous: "anonymous", Reader: "reader", Editor: "editor", Admin: "admin"}

func (r Role) String() string { return roleNames[r] }

// ParseRole reads "reader", "editor" or "admin".
func ParseRole(s string) (Role, error) {
	for r, n := range roleNames {
		if r != Anonymous && n == s {
			return r, nil
		}
	}
	return Anonymous, fmt.Errorf("role %q: want reader, editor or admin", s)
}

// Caller is who sent a request: the name and role of their key, or Anonymous.
type Caller struct {
	Name string
	Role Role
}

type callerKey struct{}

// WithCaller returns ctx carrying c.
func WithCaller(ctx context.Context, c Caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

// CallerFrom returns the caller in ctx, Anonymous when there is none.
func CallerFrom(ctx context.Context) Caller {
	c, ok := ctx.Value(callerKey{}).(Caller)
	if !ok {
		return Caller{Name: "anonymous", Role: Anonymous}
	}
	return c
}

type key struct {
	hash [sha256.Size]byte
	Caller
}

// Keys is a set of hashed API keys, safe to Replace while requests use it. The zero value
// holds none.
type Keys struct{ set atomic.Pointer[[]key] }

// newKeys holds list.
func newKeys(list []key) *Keys {
	ks := &Keys{}
	ks.set.Store(&list)
	return ks
}

// list is the current keys.
func (k *Keys) list() []key {
	if k == nil {
		return nil
	}
	if p := k.set.Load(); p != nil {
		return *p
	}
	return nil
}

// Len is the number of keys.
func (k *Keys) Len() int { return len(k.list()) }

// Replace makes k hold the keys of other (a reload); requests already authenticated keep
// their caller.
func (k *Keys) Replace(other *Keys) {
	list := other.list()
	k.set.Store(&list)
}

// Lookup returns the caller owning token. It hashes the token and compares the hash with
// every stored hash in constant time, whatever matches, so timing tells nothing.
func (k *Keys) Lookup(token string) (Caller, bool) {
	keys := k.list()
	h := sha256.Sum256([]byte(token))
	found := -1
	for i := range keys {
		if subtle.ConstantTimeCompare(h[:], keys[i].hash[:]) == 1 {
			found = i
		}
	}
	if found < 0 {
		return Caller{}, false
	}
	return keys[found].Caller, true
}

var goodName = regexp.MustCompile(`^[A-Za-z0-9._@-]{1,64}$`)

// Parse reads key lines ("role sha256hex name"); blank lines and # comments are skipped.
// source names the input in errors.
func Parse(r io.Reader, source string) (*Keys, error) {
	var keys []key
	names := map[string]bool{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want \"role sha256hex name\"", source, n)
		}
		role, err := ParseRole(f[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", source, n, err)
		}
		raw, err := hex.DecodeString(f[1])
		if err != nil || len(raw) != sha256.Size {
			return nil, fmt.Errorf("%s:%d: the hash must be 64 hex digits (entente keys new makes a line)", source, n)
		}
		if !goodName.MatchString(f[2]) {
			return nil, fmt.Errorf("%s:%d: name %q: letters, digits and ._@- only, at most 64", source, n, f[2])
		}
		if names[f[2]] {
			return nil, fmt.Errorf("%s:%d: name %q is used twice", source, n, f[2])
		}
		names[f[2]] = true
		k := key{Caller: Caller{Name: f[2], Role: role}}
		copy(k.hash[:], raw)
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", source, err)
	}
	return newKeys(keys), nil
}

// Load reads the keys of file (when not empty) and of lines, the value of an environment
// variable holding key lines separated by newlines or semicolons.
func Load(file, lines string) (*Keys, error) {
	var keys []key
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("ENTENTE_API_KEYS_FILE: %v", err)
		}
		defer f.Close()
		fk, err := Parse(f, file)
		if err != nil {
			return nil, err
		}
		keys = append(keys, fk.list()...)
	}
	if lines != "" {
		ek, err := Parse(strings.NewReader(strings.ReplaceAll(lines, ";", "\n")), "ENTENTE_API_KEYS")
		if err != nil {
			return nil, err
		}
		for _, k := range ek.list() {
			for _, have := range keys {
				if have.Name == k.Name {
					return nil, fmt.Errorf("ENTENTE_API_KEYS: name %q is also in %s", k.Name, file)
				}
			}
		}
		keys = append(keys, ek.list()...)
	}
	return newKeys(keys), nil
}

// Hash is the stored form of a key: the hex SHA-256 of the token.
func Hash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// New makes a key: the token to give its owner and the line to store.
func New(role Role, name string) (token, line string, err error) {
	if role == Anonymous {
		return "", "", fmt.Errorf("a key needs a role: reader, editor or admin")
	}
	if !goodName.MatchString(name) {
		return "", "", fmt.Errorf("name %q: letters, digits and ._@- only, at most 64", name)
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", err
	}
	token = "ent_" + base64.RawURLEncoding.EncodeToString(b[:])
	return token, fmt.Sprintf("%s %s %s", role, Hash(token), name), nil
}

// Bearer returns the token of an "Authorization: Bearer TOKEN" header value.
func Bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}
