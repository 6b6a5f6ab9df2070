package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Cell is one measurement: one system, one operation, one number of concurrent clients.
type Cell struct {
	System     string  `json:"system"`
	Op         string  `json:"op"`
	Clients    int     `json:"clients"`
	Requests   int     `json:"requests"` // completed in the measured window
	Errors     int     `json:"errors"`
	Seconds    float64 `json:"seconds"`
	P50ms      float64 `json:"p50_ms"`
	P99ms      float64 `json:"p99_ms"`
	Throughput float64 `json:"throughput_rps"`
	ServerRSS  float64 `json:"server_rss_mb,omitempty"`         // largest RSS of the server process during the cell
	ServerCPU  float64 `json:"server_cpu_ms_per_req,omitempty"` // CPU of the server process per request
	Neo4jCPU   float64 `json:"neo4j_cpu_ms_per_req"`            // CPU of Neo4j per request
	FirstError string  `json:"first_error,omitempty"`
}

// system sends one request of an operation.
type system struct {
	name string
	do   func(ctx context.Context, op *Op, a Args) error
	// prepare, when set, completes a request's arguments before any is measured (see Op.EntenteAfter).
	prepare func(ctx context.Context, op *Op, a Args) error
}

// graphqlSystem posts GraphQL requests to url over keep-alive connections.
func graphqlSystem(name, url string, peer bool) system {
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256,
		DisableCompression: true, IdleConnTimeout: time.Minute}, Timeout: 60 * time.Second}
	post := func(ctx context.Context, query string, vars map[string]any) ([]byte, error) {
		body, err := json.Marshal(map[string]any{"query": query, "variables": vars, "operationName": nil})
		if err != nil {
			return nil, err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		out, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusOK || bytes.Contains(out, []byte(`"errors":`)) {
			return nil, fmt.Errorf("%s: status %d: %.300s", name, resp.StatusCode, out)
		}
		return out, nil
	}
	sys := system{name: name, do: func(ctx context.Context, op *Op, a Args) error {
		query, vars := op.Entente, a.Entente
		if peer {
			query, vars = op.Peer, a.Peer
		}
		_, err := post(ctx, query, vars)
		return err
	}}
	if !peer {
		sys.prepare = func(ctx context.Context, op *Op, a Args) error {
			if op.EntenteAfter == "" {
				return nil
			}
			out, err := post(ctx, op.EntenteAfter, a.Entente)
			if err != nil {
				return err
			}
			var page struct {
				Data map[string]struct{ PageInfo struct{ EndCursor *string } }
			}
			if err := json.Unmarshal(out, &page); err != nil {
				return err
			}
			for _, conn := range page.Data {
				a.Entente["after"] = conn.PageInfo.EndCursor
			}
			return nil
		}
	}
	return sys
}

// driverSystem runs the hand-written Cypher through the Go driver.
func driverSystem(d neo4j.DriverWithContext) system {
	return system{name: "driver", do: func(ctx context.Context, op *Op, a Args) error { return op.Driver(ctx, d, a) }}
}

// runCell runs clients closed-loop workers for warm+dur, each sending the next request
// of the shared argument pool as soon as the previous one answered; only requests that
// start and end within the measured window count.
// CPU use per request is measured over the whole cell, warm-up included: it does not
// depend on what else the machine runs.
func runCell(ctx context.Context, sys system, op *Op, pool []Args, clients int, warm, dur time.Duration, rss func() float64, serverPID, neo4jPID int) Cell {
	cell := Cell{System: sys.name, Op: op.Name, Clients: clients}
	cpu0, db0 := cpuSeconds(serverPID), cpuSeconds(neo4jPID)
	var completed atomic.Int64
	var next atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	var errs int
	var firstErr error
	began := time.Now()
	from, until := began.Add(warm), began.Add(warm+dur)
	var wg sync.WaitGroup
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			myErrs := 0
			var myErr error
			for ctx.Err() == nil {
				a := pool[int(next.Add(1)-1)%len(pool)]
				t0 := time.Now()
				if t0.After(until) {
					break
				}
				err := sys.do(ctx, op, a)
				t1 := time.Now()
				completed.Add(1)
				if t0.Before(from) || t1.After(until) {
					continue
				}
				if err != nil {
					myErrs++
					if myErr == nil {
						myErr = err
					}
					continue
				}
				mine = append(mine, t1.Sub(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += myErrs
			if firstErr == nil && myErr != nil {
				firstErr = myErr
			}
			mu.Unlock()
			_ = w
		}()
	}
	var peak float64
	if rss != nil {
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			for {
				peak = max(peak, rss())
				select {
				case <-stop:
					return
				case <-time.After(100 * time.Millisecond):
				}
			}
		}()
		wg.Wait()
		close(stop)
		<-sampled
		cell.ServerRSS = round(peak)
	} else {
		wg.Wait()
	}
	if n := float64(completed.Load()); n > 0 {
		if serverPID != 0 {
			cell.ServerCPU = round2(1000 * (cpuSeconds(serverPID) - cpu0) / n)
		}
		cell.Neo4jCPU = round2(1000 * (cpuSeconds(neo4jPID) - db0) / n)
	}
	slices.Sort(lat)
	cell.Requests, cell.Errors, cell.Seconds = len(lat), errs, dur.Seconds()
	if firstErr != nil {
		cell.FirstError = firstErr.Error()
	}
	if len(lat) > 0 {
		cell.P50ms = ms(percentile(lat, 0.50))
		cell.P99ms = ms(percentile(lat, 0.99))
		cell.Throughput = round(float64(len(lat)) / dur.Seconds())
	}
	return cell
}

// percentile of sorted durations, nearest rank.
func percentile(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted))*p+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }

func ms(d time.Duration) float64 { return float64(d.Microseconds()/10) / 100 }

// argPool draws n requests' arguments for op, the same for every system.
func argPool(op *Op, gen func(r *rand.Rand) Args, seed uint64, n int) []Args {
	r := rand.New(rand.NewPCG(seed, uint64(len(op.Name))<<32|uint64(op.Name[0])))
	pool := make([]Args, n)
	for i := range pool {
		pool[i] = gen(r)
	}
	return pool
}
