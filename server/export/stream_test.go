package export

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
	"github.com/entente/entente/loaders/synth"
)

// openSynth imports a generated graph of about nodes nodes (loaders/synth) into a fresh database.
func openSynth(tb testing.TB, nodes int) *graph.Store {
	tb.Helper()
	store := graphtest.Open(tb)
	g, err := synth.New(synth.Options{Nodes: nodes, Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	for f := range g.Files() {
		if _, err := store.Import(context.Background(), g.Fixture(f), nil); err != nil {
			tb.Fatal(err)
		}
	}
	return store
}

// serveWith mounts Handler as serve does, each request's context made by ctx.
func serveWith(tb testing.TB, store *graph.Store, ctx func(http.ResponseWriter, *http.Request) (http.ResponseWriter, context.Context)) *httptest.Server {
	tb.Helper()
	log := zerolog.New(zerolog.NewTestWriter(tb)).Level(zerolog.WarnLevel)
	mux := http.NewServeMux()
	mux.Handle("GET /export/{format}", Handler(store))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w, c := ctx(w, r)
		mux.ServeHTTP(w, r.WithContext(log.WithContext(c)))
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// An export whose time runs out before it sends anything answers 504 with a JSON error
// coded TIMEOUT, never an empty success.
func TestExportTimeoutBeforeFirstByte(t *testing.T) {
	store := graphtest.Open(t)
	if _, err := store.Import(context.Background(), smallFixture(), nil); err != nil {
		t.Fatal(err)
	}
	srv := serveWith(t, store, func(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, context.Context) {
		ctx, cancel := context.WithDeadline(r.Context(), time.Now().Add(-time.Second))
		t.Cleanup(cancel)
		return w, ctx
	})
	for _, path := range []string{"/export/graphml", "/export/csv", "/export/cytoscape?around=state:it"} {
		resp, body := get(t, srv, path)
		var e struct{ Error, Code string }
		if resp.StatusCode != http.StatusGatewayTimeout || json.Unmarshal(body, &e) != nil || e.Code != "TIMEOUT" || e.Error == "" {
			t.Errorf("%s: %d %q %.200s, want 504 and a TIMEOUT error", path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
	}
}

// lateDeadline is a context whose deadline passes when expire is called.
type lateDeadline struct {
	context.Context
	done chan struct{}
	once sync.Once
}

func (c *lateDeadline) expire()                     { c.once.Do(func() { close(c.done) }) }
func (c *lateDeadline) Done() <-chan struct{}       { return c.done }
func (c *lateDeadline) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *lateDeadline) Err() error {
	select {
	case <-c.done:
		return context.DeadlineExceeded
	default:
		return nil
	}
}

// expireOnWrite lets the deadline pass once the response has started.
type expireOnWrite struct {
	http.ResponseWriter
	ctx *lateDeadline
}

func (w expireOnWrite) Write(p []byte) (int, error) {
	defer w.ctx.expire()
	return w.ResponseWriter.Write(p)
}

func (w expireOnWrite) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// An export whose time runs out after its first bytes were sent breaks off the transfer,
// so that the client sees a failed download rather than a short file that looks whole.
func TestExportTimeoutMidStream(t *testing.T) {
	store := openSynth(t, 1000)
	srv := serveWith(t, store, func(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, context.Context) {
		ctx := &lateDeadline{Context: r.Context(), done: make(chan struct{})}
		return expireOnWrite{w, ctx}, ctx
	})
	for _, path := range []string{"/export/graphml", "/export/gexf", "/export/cytoscape", "/export/csv", "/export/nodes.csv"} {
		resp, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil || !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%s: %d, %d bytes read, error %v; want the transfer broken off", path, resp.StatusCode, n, err)
		}
	}
}

// heapObjects is the heap held by objects, live or not yet collected.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// peakHeap runs f and returns the largest growth of the heap while it ran. The collector
// runs at 10% growth meanwhile, so that garbage waiting for it counts little.
func peakHeap(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	base := heapObjects()
	var peak uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if h := heapObjects(); h > base && h-base > peak {
				peak = h - base
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak
}

// fetchAll reads an export to the end and returns its size.
func fetchAll(tb testing.TB, srv *httptest.Server, path string) int64 {
	resp, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil || resp.StatusCode != 200 {
		tb.Fatalf("%s: %d after %d bytes: %v", path, resp.StatusCode, n, err)
	}
	return n
}

// A whole-graph export streams: the server's heap grows by less than what it sends (about
// a third at 2,000 nodes, and no more on larger graphs); before, it held the whole graph
// and grew by six times what it sent.
func TestExportMemoryIsFlat(t *testing.T) {
	store := openSynth(t, 2000)
	srv := serveWith(t, store, func(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, context.Context) {
		return w, r.Context()
	})
	for _, format := range []string{"graphml", "cytoscape"} {
		var size int64
		peak := peakHeap(func() { size = fetchAll(t, srv, "/export/"+format) })
		t.Logf("%s: %d bytes sent, heap grew by at most %d bytes", format, size, peak)
		if peak > uint64(size) {
			t.Errorf("%s: the heap grew by %d bytes to send %d", format, peak, size)
		}
	}
}

// BenchmarkExportWholeGraph exports a generated graph of 20,000 nodes and reports the
// bytes sent and the most the server's heap grew meanwhile (peak-heap-MB).
func BenchmarkExportWholeGraph(b *testing.B) {
	store := openSynth(b, 20000)
	srv := serveWith(b, store, func(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, context.Context) {
		return w, r.Context()
	})
	for _, format := range []string{"graphml", "cytoscape", "csv"} {
		b.Run(format, func(b *testing.B) {
			var size int64
			var peak uint64
			for b.Loop() {
				peak = max(peak, peakHeap(func() { size = fetchAll(b, srv, "/export/"+format) }))
			}
			b.ReportMetric(float64(size)/1e6, "MB-sent")
			b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
		})
	}
	// What GraphQL's cytoscape answers without around, at its default limit.
	b.Run("graphql-cytoscape-500", func(b *testing.B) {
		var size int
		for b.Loop() {
			sg, err := store.FirstNodes(context.Background(), nil, nil, 500)
			if err != nil {
				b.Fatal(err)
			}
			data, err := json.Marshal(Cytoscape(sg))
			if err != nil {
				b.Fatal(err)
			}
			size = len(data)
		}
		b.ReportMetric(float64(size)/1e6, "MB-sent")
	})
}
