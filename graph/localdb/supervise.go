package localdb

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// RestartPolicy says how a Supervisor restarts a Neo4j that died.
type RestartPolicy struct {
	Restarts   int           // restarts allowed within Window; one more death and the Supervisor gives up
	Window     time.Duration // restarts older than this no longer count
	FirstDelay time.Duration // pause before a first restart, doubled at each restart within Window
	MaxDelay   time.Duration // longest pause before a restart
}

// DefaultRestarts is the policy of `entente run`: five restarts in ten minutes, after
// pauses of 1, 2, 4, 8 and 16 s, then give up.
var DefaultRestarts = RestartPolicy{Restarts: 5, Window: 10 * time.Minute, FirstDelay: time.Second, MaxDelay: 30 * time.Second}

// Supervisor keeps a local Neo4j running: when the process dies it is logged and started
// again, on the same port and data, after a pause that grows with each restart; after
// Policy.Restarts restarts within Policy.Window it gives up, logs why and closes Done.
type Supervisor struct {
	URI  string // bolt://127.0.0.1:PORT, the same across restarts
	opts Options
	pol  RestartPolicy

	mu   sync.Mutex
	srv  *Server // the process running now, or the last one
	err  error   // why it gave up
	stop chan struct{}
	done chan struct{} // closed when the supervision ends: given up or stopped
	ctx  context.Context
	quit context.CancelFunc
}

// Supervise starts Neo4j as Start does and keeps it running until Stop.
func Supervise(ctx context.Context, o Options, p RestartPolicy) (*Supervisor, error) {
	srv, err := Start(ctx, o)
	if err != nil {
		return nil, err
	}
	u, err := url.Parse(srv.URI)
	if err != nil {
		_ = srv.Stop(context.Background())
		return nil, err
	}
	o.BoltPort, _ = strconv.Atoi(u.Port()) // restarts keep the port that clients know
	sctx, quit := context.WithCancel(context.Background())
	sv := &Supervisor{URI: srv.URI, opts: o, pol: p, srv: srv, stop: make(chan struct{}), done: make(chan struct{}), ctx: sctx, quit: quit}
	go sv.watch()
	return sv, nil
}

// Done is closed when the Supervisor gave up (Err says why) or was stopped.
func (sv *Supervisor) Done() <-chan struct{} { return sv.done }

// Err says why the Supervisor gave up, or nil.
func (sv *Supervisor) Err() error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.err
}

// Pid is the process id of the Neo4j running now (or of the last one).
func (sv *Supervisor) Pid() int {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	return sv.srv.Pid()
}

// Stop ends the supervision and stops Neo4j (as Server.Stop does).
func (sv *Supervisor) Stop(ctx context.Context) error {
	sv.quit() // a restart under way gives up
	<-sv.done
	sv.mu.Lock()
	srv := sv.srv
	sv.mu.Unlock()
	return srv.Stop(ctx)
}

// watch waits for the process to die and starts it again, as the policy says.
func (sv *Supervisor) watch() {
	defer close(sv.done)
	log := sv.opts.Log
	var restarts []time.Time
	for {
		sv.mu.Lock()
		srv := sv.srv
		sv.mu.Unlock()
		select {
		case <-sv.ctx.Done():
			return
		case <-srv.exited:
		}
		log.Error().Int("pid", srv.Pid()).Str("exit", fmt.Sprint(srv.waitErr)).Str("log", srv.LogFile).
			Msg("Neo4j exited unexpectedly")
		for {
			now := time.Now()
			for len(restarts) > 0 && now.Sub(restarts[0]) > sv.pol.Window {
				restarts = restarts[1:]
			}
			if len(restarts) >= sv.pol.Restarts {
				sv.mu.Lock()
				sv.err = fmt.Errorf("neo4j died %d times within %v: gave up restarting it; see %s and %s",
					len(restarts)+1, sv.pol.Window, srv.LogFile, srv.consoleLog())
				sv.mu.Unlock()
				log.Error().Int("restarts", len(restarts)).Dur("window", sv.pol.Window).Msg("Neo4j keeps dying: gave up restarting it")
				return
			}
			delay := min(sv.pol.FirstDelay<<len(restarts), sv.pol.MaxDelay)
			log.Warn().Int("restart", len(restarts)+1).Int("of", sv.pol.Restarts).Dur("in", delay).Msg("restarting Neo4j")
			select {
			case <-sv.ctx.Done():
				return
			case <-time.After(delay):
			}
			restarts = append(restarts, time.Now())
			next, err := Start(sv.ctx, sv.opts)
			if err == nil {
				sv.mu.Lock()
				sv.srv = next // Stop stops it, even if it came up as Stop was called
				sv.mu.Unlock()
			}
			if sv.ctx.Err() != nil {
				return
			}
			if err != nil {
				log.Error().Err(err).Msg("Neo4j did not restart")
				continue
			}
			log.Warn().Int("pid", next.Pid()).Str("uri", next.URI).Msg("Neo4j restarted")
			break
		}
	}
}
