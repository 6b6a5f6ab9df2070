package server

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"

	semconv "go.opentelemetry.io/otel/semconv/v1.40.0"
)

// Behind a load balancer every request comes from the balancer's address. When that
// address is a trusted proxy, the client is the last address of X-Forwarded-For that is not
// a trusted proxy itself: the one the outermost trusted proxy saw. The header is ignored
// from anybody else, so that a client cannot choose the address its rate is counted by.

type clientKey struct{}

// clientAddress puts the client's address (see above) in the request's context.
func clientAddress(trusted []netip.Prefix, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		addr := peerHost(r)
		if len(trusted) > 0 {
			addr = forwardedClient(addr, r.Header.Values("X-Forwarded-For"), trusted)
		}
		if span := recording(r.Context()); span != nil {
			// otelhttp takes X-Forwarded-For from anybody: the address known here wins.
			span.SetAttributes(semconv.ClientAddress(addr))
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientKey{}, addr)))
	})
}

// forwardedClient walks X-Forwarded-For from the right while the hop is a trusted proxy.
func forwardedClient(peer string, headers []string, trusted []netip.Prefix) string {
	if !isTrusted(peer, trusted) {
		return peer
	}
	var hops []string
	for _, h := range headers {
		for _, hop := range strings.Split(h, ",") {
			hops = append(hops, strings.TrimSpace(hop))
		}
	}
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		ip, err := netip.ParseAddr(hops[i])
		if err != nil {
			break // a malformed hop: stop at the last address known to be good
		}
		client = ip.Unmap().String()
		if !isTrusted(client, trusted) {
			break
		}
	}
	return client
}

func isTrusted(addr string, trusted []netip.Prefix) bool {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	for _, p := range trusted {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// peerHost is the address of the TCP peer.
func peerHost(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// clientHost is the address a request came from: its client's behind a trusted proxy.
func clientHost(r *http.Request) string {
	if addr, ok := r.Context().Value(clientKey{}).(string); ok {
		return addr
	}
	return peerHost(r)
}

// ParseTrustedProxies reads comma-separated addresses and CIDR prefixes.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		ip, err := netip.ParseAddr(f)
		if err != nil {
			return nil, &net.ParseError{Type: "IP address or CIDR prefix", Text: f}
		}
		out = append(out, netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen()))
	}
	return out, nil
}
