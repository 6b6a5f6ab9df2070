package graph

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/rs/zerolog"

	"github.com/entente/entente/metrics"
)

// A Neo4j that hangs (a stopped process, a machine that froze) still accepts connections
// but answers nothing: a statement sent to it would wait for its caller's deadline. So
// every statement that runs longer than ProbeAfter has Neo4j checked on a connection of
// its own; when the check gets no answer within ProbeTimeout the statement is abandoned
// as unavailable. Checks are shared by all the statements waiting at the time.
const (
	ProbeAfter   = 500 * time.Millisecond  // a statement running this long has Neo4j checked
	ProbeTimeout = 2500 * time.Millisecond // a check unanswered this long means Neo4j is unavailable
	probeEvery   = time.Second             // between two checks while a statement still runs
)

// errHung is the cause given to a statement's context when Neo4j did not answer a check.
var errHung = fmt.Errorf("%w: it did not answer a check within %v", ErrUnavailable, ProbeTimeout)

// prober checks that Neo4j answers, on a driver of its own, so that busy connections of
// the store's pool never delay a check. A check is one Bolt RESET on an idle connection
// (or a new connection's handshake): Neo4j's network threads answer it without starting
// a transaction, so a database busy with schema changes or large writes still answers
// at once, while a hung one answers nothing.
type prober struct {
	driver neo4j.DriverWithContext
	log    zerolog.Logger
	mu     sync.Mutex
	run    *probe         // the check in flight, if any
	closed bool           // no check starts once the store closes
	checks sync.WaitGroup // the checks in flight, waited for before the driver closes
}

// probe is one check; err is set when done is closed.
type probe struct {
	done chan struct{}
	err  error
}

func newProber(uri string, auth neo4j.AuthToken, log zerolog.Logger) (*prober, error) {
	d, err := neo4j.NewDriverWithContext(uri, auth, func(cfg *config.Config) {
		cfg.MaxConnectionPoolSize = 2
		cfg.SocketConnectTimeout = ProbeTimeout
		cfg.ConnectionAcquisitionTimeout = ProbeTimeout
	})
	if err != nil {
		return nil, err
	}
	return &prober{driver: d, log: log}, nil
}

// warm opens the checks' connection, so that a first check does not pay for it.
func (p *prober) warm(ctx context.Context) error { return p.driver.VerifyConnectivity(ctx) }

// check returns the check in flight, or starts one.
func (p *prober) check() *probe {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.run != nil {
		return p.run
	}
	r := &probe{done: make(chan struct{})}
	if p.closed {
		close(r.done) // the store is closing: its statements end with the driver
		return r
	}
	p.run = r
	p.checks.Add(1)
	go func() {
		defer p.checks.Done()
		ctx, cancel := context.WithTimeout(context.Background(), ProbeTimeout)
		defer cancel()
		r.err = p.driver.VerifyConnectivity(ctx)
		if r.err != nil {
			p.log.Warn().Err(r.err).Msg("Neo4j did not answer a check: the statements waiting for it are abandoned as unavailable")
		}
		p.mu.Lock()
		p.run = nil
		p.mu.Unlock()
		close(r.done)
	}()
	return r
}

// close waits for the check in flight (at most ProbeTimeout) and closes the checks'
// driver: the driver may not be closed while a check uses it.
func (p *prober) close(ctx context.Context) error {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.checks.Wait()
	return p.driver.Close(ctx)
}

// watch returns a context for one statement or transaction, cancelled with errHung when
// Neo4j stops answering while it runs, and the function that ends the watch (call it
// once the work has returned). Work done within ProbeAfter costs one timer. The
// transaction is counted in flight (metrics) until then.
func (s *Store) watch(ctx context.Context) (context.Context, func()) {
	ended := metrics.TransactionBegan()
	ctx, cancel := context.WithCancelCause(ctx)
	stop := make(chan struct{})
	t := time.AfterFunc(ProbeAfter, func() {
		for {
			r := s.probe.check()
			select {
			case <-stop:
				return
			case <-r.done:
			}
			if r.err != nil {
				cancel(errHung)
				return
			}
			select {
			case <-stop:
				return
			case <-time.After(probeEvery):
			}
		}
	})
	return ctx, func() {
		t.Stop()
		close(stop)
		cancel(nil)
		ended()
	}
}

// hung turns the failure of work whose watched context was cancelled by a check into
// ErrUnavailable, and leaves any other error as it is.
func hung(ctx context.Context, err error) error {
	if err != nil && errors.Is(context.Cause(ctx), errHung) {
		return errHung
	}
	return err
}
