package analysis

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// blocking is a computation that reports when it starts and ends, and returns what it
// is sent (or its context's error).
type blocking struct {
	started, ended chan struct{}
	result         chan any
}

func newBlocking() *blocking {
	return &blocking{started: make(chan struct{}, 100), ended: make(chan struct{}, 100), result: make(chan any)}
}

func (b *blocking) compute(ctx context.Context) (any, error) {
	b.started <- struct{}{}
	defer func() { b.ended <- struct{}{} }()
	select {
	case v := <-b.result:
		return v, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// wait receives from ch, failing the test after a minute (a hang, not a measure of speed).
func wait(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(time.Minute):
		t.Fatalf("%s never happened", what)
	}
}

// Concurrent callers of one key share one computation; the next caller gets its result
// without computing; another version computes again.
func TestCacheSharesAndKeeps(t *testing.T) {
	var c Cache
	b := newBlocking()
	var wg sync.WaitGroup
	results := make([]any, 5)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _ = c.Do(context.Background(), "v1", "k", b.compute)
		}()
	}
	wait(t, b.started, "the computation")
	for c.waiting("k") < len(results) {
		time.Sleep(time.Millisecond)
	}
	b.result <- "answer"
	wg.Wait()
	for i, r := range results {
		if r != "answer" {
			t.Errorf("caller %d got %v", i, r)
		}
	}
	if v, _ := c.Do(context.Background(), "v1", "k", b.compute); v != "answer" || c.Computations() != 1 {
		t.Errorf("asked again: %v after %d computations, want the kept answer after 1", v, c.Computations())
	}
	go func() { b.result <- "new answer" }()
	if v, _ := c.Do(context.Background(), "v2", "k", b.compute); v != "new answer" || c.Computations() != 2 {
		t.Errorf("another version: %v after %d computations", v, c.Computations())
	}
}

// The computation stops when its last caller gives up, not before; failures are not kept.
func TestCacheStopsWhenTheLastCallerLeaves(t *testing.T) {
	var c Cache
	b := newBlocking()
	short, cancelShort := context.WithCancel(context.Background())
	long, cancelLong := context.WithCancel(context.Background())
	errs := make(chan error, 2)
	go func() { _, err := c.Do(short, "v", "k", b.compute); errs <- err }()
	wait(t, b.started, "the computation")
	go func() { _, err := c.Do(long, "v", "k", b.compute); errs <- err }()
	for c.waiting("k") < 2 {
		time.Sleep(time.Millisecond)
	}
	cancelShort()
	if err := <-errs; !errors.Is(err, context.Canceled) {
		t.Fatalf("the caller who gave up got %v", err)
	}
	select {
	case <-b.ended:
		t.Fatal("the computation stopped while a caller still waited")
	default:
	}
	cancelLong()
	if err := <-errs; !errors.Is(err, context.Canceled) {
		t.Fatalf("the last caller got %v", err)
	}
	wait(t, b.ended, "the end of the computation")
	for c.Running() != 0 {
		time.Sleep(time.Millisecond)
	}
	go func() { b.result <- "answer" }()
	if v, err := c.Do(context.Background(), "v", "k", b.compute); v != "answer" || err != nil || c.Computations() != 2 {
		t.Errorf("after a stopped computation: %v, %v after %d computations, want a new one", v, err, c.Computations())
	}
}

// At most MaxComputations run at once, and at most MaxCached results are kept.
func TestCacheBounds(t *testing.T) {
	var c Cache
	b := newBlocking()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for i := range MaxComputations + 1 {
		go func() { _, _ = c.Do(ctx, "v", fmt.Sprint(i), b.compute) }()
	}
	for range MaxComputations {
		wait(t, b.started, "a computation")
	}
	for c.Running() < MaxComputations+1 {
		time.Sleep(time.Millisecond)
	}
	select {
	case <-b.started:
		t.Fatalf("more than %d computations at once", MaxComputations)
	case <-time.After(100 * time.Millisecond):
	}
	cancel()

	var kept Cache
	for i := range MaxCached + 1 {
		_, _ = kept.Do(context.Background(), "v", fmt.Sprint(i), func(context.Context) (any, error) { return i, nil })
	}
	_, _ = kept.Do(context.Background(), "v", "0", func(context.Context) (any, error) { return 0, nil })
	if kept.Computations() != MaxCached+2 {
		t.Errorf("%d computations: the oldest of %d results should have been dropped", kept.Computations(), MaxCached+1)
	}
}

// waiting is the number of callers waiting for key.
func (c *Cache) waiting(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f := c.entries[key]; f != nil {
		return f.waiters
	}
	return 0
}
