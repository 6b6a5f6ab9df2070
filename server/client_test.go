package server_test

import (
	"bytes"
	"net/http"
	"net/netip"
	"testing"

	"github.com/entente/entente/server"
)

// anonymousFrom posts an anonymous query with the given X-Forwarded-For header ("" for none).
func anonymousFrom(t *testing.T, url, forwardedFor string) int {
	t.Helper()
	req, _ := http.NewRequest("POST", url+"/graphql", bytes.NewReader([]byte(`{"query":"{ __typename }"}`)))
	req.Header.Set("Content-Type", "application/json")
	if forwardedFor != "" {
		req.Header.Set("X-Forwarded-For", forwardedFor)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestRateLimitBehindTrustedProxy checks that behind a trusted load balancer anonymous
// callers are counted by the client address it forwards (the rightmost hop it did not add,
// whatever the client wrote to the left of it), and that X-Forwarded-For from anybody
// else changes nothing.
func TestRateLimitBehindTrustedProxy(t *testing.T) {
	loopback, err := server.ParseTrustedProxies("127.0.0.1, ::1/128")
	if err != nil {
		t.Fatal(err)
	}
	behind, _ := hardened(t, server.Options{Access: &server.Access{OpenReads: true}, RateLimit: 0.001, RateBurst: 2,
		TrustedProxies: loopback})
	for i := range 2 {
		if got := anonymousFrom(t, behind.URL, "192.0.2.66, 203.0.113.7"); got != 200 {
			t.Fatalf("request %d of the first client: %d", i, got)
		}
	}
	if got := anonymousFrom(t, behind.URL, "203.0.113.7"); got != http.StatusTooManyRequests {
		t.Errorf("the first client past its burst: %d", got)
	}
	if got := anonymousFrom(t, behind.URL, "198.51.100.9"); got != 200 {
		t.Errorf("another client behind the same proxy shares the first one's bucket: %d", got)
	}

	direct, _ := hardened(t, server.Options{Access: &server.Access{OpenReads: true}, RateLimit: 0.001, RateBurst: 2})
	for i, xff := range []string{"203.0.113.1", "203.0.113.2"} {
		if got := anonymousFrom(t, direct.URL, xff); got != 200 {
			t.Fatalf("request %d: %d", i, got)
		}
	}
	if got := anonymousFrom(t, direct.URL, "203.0.113.3"); got != http.StatusTooManyRequests {
		t.Errorf("an untrusted X-Forwarded-For chose the bucket: %d", got)
	}
}

func TestParseTrustedProxies(t *testing.T) {
	got, err := server.ParseTrustedProxies(" 10.0.0.0/8 ,192.168.1.7,,fd00::/8")
	want := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.168.1.7/32"), netip.MustParsePrefix("fd00::/8")}
	if err != nil || len(got) != len(want) {
		t.Fatalf("got %v, %v", got, err)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: %v, want %v", i, got[i], want[i])
		}
	}
	if _, err := server.ParseTrustedProxies("10.0.0.0/33"); err == nil {
		t.Error("a bad prefix was accepted")
	}
	if _, err := server.ParseTrustedProxies("proxy.local"); err == nil {
		t.Error("a host name was accepted")
	}
}
