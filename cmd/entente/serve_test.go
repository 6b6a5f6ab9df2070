package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/server"
)

// TestShutdownDrainsRequestsInFlight cancels the server while a request is half sent:
// the request still gets its answer, and new connections are refused.
func TestShutdownDrainsRequestsInFlight(t *testing.T) {
	store := graphtest.Open(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serveOn(ctx, ln, server.New(server.Options{Store: store, Log: zerolog.Nop()}), zerolog.Nop(), 10*time.Second)
	}()

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"query":"{ actors(first: 1) { totalCount } }"}`
	half := len(body) / 2
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", addr, len(body), body[:half])
	time.Sleep(100 * time.Millisecond) // the server is reading the body
	cancel()
	// Shutdown closes the listener at once; wait for it, then finish the request.
	for i := 0; ; i++ {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		c.Close()
		if i > 100 {
			t.Fatal("the listener still accepts connections after shutdown began")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, err := io.WriteString(conn, body[half:]); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "totalCount") {
		t.Fatalf("the request in flight: %d %s", resp.StatusCode, b)
	}
	if err := <-done; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
}
