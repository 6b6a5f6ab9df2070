package analysis

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
)

// MaxCached bounds the results a Cache keeps (each O(nodes) at most); MaxComputations
// bounds the computations that run at once (each O(nodes + edges)), whatever the keys.
const (
	MaxCached       = 16
	MaxComputations = 2
)

// Cache computes whole-graph results once per graph version and key and keeps them until
// the version changes. Callers of the same key and version share one computation, which
// runs for as long as one of them waits: when the last one gives up (its context ends),
// the computation is cancelled. Failures are not kept. The zero value is ready to use.
type Cache struct {
	mu      sync.Mutex
	version string
	entries map[string]*flight
	recent  []string // keys of finished entries, least recently used first
	slots   chan struct{}

	started atomic.Int64
	running atomic.Int64
}

// flight is one result, being computed until done is closed.
type flight struct {
	done    chan struct{}
	val     any
	err     error
	waiters int
	cancel  context.CancelFunc
}

// Do returns the result of key at version: kept, being computed by another caller, or
// computed now by compute. It returns ctx's error as soon as ctx ends.
func (c *Cache) Do(ctx context.Context, version, key string, compute func(context.Context) (any, error)) (any, error) {
	c.mu.Lock()
	if c.entries == nil || version != c.version {
		// A write made every kept result stale; computations of the old version run on
		// for their waiters, who get their (old) answer, but are not kept.
		c.entries, c.recent, c.version = map[string]*flight{}, nil, version
	}
	if c.slots == nil {
		c.slots = make(chan struct{}, MaxComputations)
	}
	f, ok := c.entries[key]
	if !ok {
		// The computation keeps ctx's values (the logger) but not its end: it ends when
		// its last waiter leaves.
		cctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		f = &flight{done: make(chan struct{}), cancel: cancel}
		c.entries[key] = f
		c.started.Add(1)
		c.running.Add(1)
		go c.run(cctx, version, key, f, compute)
	} else if i := slices.Index(c.recent, key); i >= 0 {
		c.recent = append(slices.Delete(c.recent, i, i+1), key)
	}
	f.waiters++
	c.mu.Unlock()

	select {
	case <-f.done:
		c.mu.Lock()
		f.waiters--
		c.mu.Unlock()
		return f.val, f.err
	case <-ctx.Done():
		c.mu.Lock()
		if f.waiters--; f.waiters == 0 {
			select {
			case <-f.done:
			default:
				f.cancel()
				if c.version == version && c.entries[key] == f {
					delete(c.entries, key)
				}
			}
		}
		c.mu.Unlock()
		return nil, ctx.Err()
	}
}

// run computes f once a slot is free, then keeps it if it succeeded and is still wanted.
func (c *Cache) run(ctx context.Context, version, key string, f *flight, compute func(context.Context) (any, error)) {
	defer c.running.Add(-1)
	defer f.cancel()
	select {
	case c.slots <- struct{}{}:
		f.val, f.err = compute(ctx)
		<-c.slots
	case <-ctx.Done():
		f.err = ctx.Err()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	close(f.done)
	if c.version != version || c.entries[key] != f {
		return
	}
	if f.err != nil {
		delete(c.entries, key)
		return
	}
	c.recent = append(c.recent, key)
	if len(c.recent) > MaxCached {
		delete(c.entries, c.recent[0])
		c.recent = c.recent[1:]
	}
}

// Computations is the number of computations started so far (cached answers start none).
func (c *Cache) Computations() int64 { return c.started.Load() }

// Running is the number of computations under way or waiting for a slot.
func (c *Cache) Running() int64 { return c.running.Load() }
