// Package graph holds Entente's domain model in Neo4j: the schema (constraints and
// indexes), the idempotent import of fixtures, and the parameterised Cypher that the
// server's resolvers call. Reads run in read transactions, writes in write transactions.
package graph

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/rs/zerolog"
	"go.opentelemetry.io/otel/attribute"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/metrics"
)

// Config says which Neo4j to use.
type Config struct {
	URI      string // bolt://, neo4j:// (routing), or their +s/+ssc variants
	User     string // empty: no authentication
	Password string
	Database string // empty: the server's default database
}

// ErrUnavailable wraps every failure to reach Neo4j, so that callers can tell it from bad input.
var ErrUnavailable = errors.New("neo4j unavailable")

// ErrTimeout marks a transaction that Neo4j stopped because it ran past its timeout.
var ErrTimeout = errors.New("neo4j transaction timed out")

// Store is Entente's handle on Neo4j. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	log    zerolog.Logger
	trips  atomic.Int64
	probe  *prober
	nodes  atomic.Int64 // the nodes last counted or read whole (KnownNodes)
	runs   *runState    // this store's import runs (importrun.go)

	spanAttrs []attribute.KeyValue // of every statement span (trace.go)
}

// KnownNodes is the number of nodes the store last counted (Counts) or read whole
// (Snapshot of every kind), 0 before either: the size that the cost of whole-graph
// analytics follows, known without a round trip.
func (s *Store) KnownNodes() int { return int(s.nodes.Load()) }

// PoolSize is the most connections the driver opens to Neo4j.
const PoolSize = 64

// Open creates the driver and checks that the server answers.
func Open(ctx context.Context, c Config, log zerolog.Logger) (*Store, error) {
	auth := neo4j.NoAuth()
	if c.User != "" {
		auth = neo4j.BasicAuth(c.User, c.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(c.URI, auth, func(cfg *config.Config) {
		cfg.Log = driverLog{log.With().Str("component", "neo4j").Logger()}
		// A Neo4j that hangs is noticed by the checks of watch.go within about
		// ProbeAfter+ProbeTimeout, whatever these say.
		cfg.SocketConnectTimeout = 5 * time.Second
		cfg.ConnectionAcquisitionTimeout = 10 * time.Second
		cfg.MaxConnectionPoolSize = PoolSize
		// The driver retries failed transactions, connectivity failures included, for 30 s
		// by default: with Neo4j down every request would hang that long. It gives up after
		// a second instead; write retries collisions (deadlocks) itself.
		cfg.MaxTransactionRetryTime = time.Second
		// Pooled connections idle for a while are checked before use, so that the first
		// requests after a Neo4j restart do not fail on sockets of the old process.
		cfg.ConnectionLivenessCheckTimeout = 2 * time.Second
	})
	if err != nil {
		return nil, fmt.Errorf("NEO4J_URI %q: %w", c.URI, err)
	}
	probe, err := newProber(c.URI, auth, log.With().Str("component", "neo4j").Logger())
	if err != nil {
		driver.Close(context.Background())
		return nil, fmt.Errorf("NEO4J_URI %q: %w", c.URI, err)
	}
	s := &Store{driver: driver, db: c.Database, log: log, probe: probe, runs: newRunState(), spanAttrs: spanAttrs(c)}
	metrics.PoolSize(PoolSize)
	if err := s.Ping(ctx); err != nil {
		s.Close(context.Background())
		return nil, err
	}
	if err := probe.warm(ctx); err != nil {
		s.Close(context.Background())
		return nil, classify(err)
	}
	return s, nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error {
	return errors.Join(s.driver.Close(ctx), s.probe.close(ctx))
}

// Ping checks that Neo4j answers a query, for /readyz.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.read(ctx, "RETURN 1", nil)
	return err
}

// RoundTrips is the number of Cypher statements sent so far; tests use it to prove batching.
func (s *Store) RoundTrips() int64 { return s.trips.Load() }

// statement counts one Cypher statement of mode (read, write, stream or auto), sent in
// ctx: every statement Entente sends goes through here. The function it returns records
// the statement's time and outcome in the metrics once its records are read, and ends its
// span in a traced request (trace.go).
func (s *Store) statement(ctx context.Context, mode, cypher string) func(error) {
	s.trips.Add(1)
	began := time.Now()
	span := s.statementSpan(ctx, mode, cypher)
	if span == nil {
		return func(err error) { metrics.Statement(mode, time.Since(began), err) }
	}
	return func(err error) {
		metrics.Statement(mode, time.Since(began), err)
		endStatementSpan(span, err)
	}
}

// read runs one parameterised query in a read transaction and returns its records.
func (s *Store) read(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	stmt := s.statement(ctx, "read", cypher)
	ctx, done := s.watch(ctx)
	defer done()
	opts := []neo4j.ExecuteQueryConfigurationOption{neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting()}
	if d, ok := txTimeout(ctx); ok {
		opts = append(opts, neo4j.ExecuteQueryWithTransactionConfig(neo4j.WithTxTimeout(d)))
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer, opts...)
	stmt(err)
	if err != nil {
		return nil, classify(hung(ctx, err))
	}
	return res.Records, nil
}

// readTx runs work in one read transaction, for answers that take several statements:
// they see the same data and pay for one transaction. run sends one statement.
func (s *Store) readTx(ctx context.Context, work func(run func(cypher string, params map[string]any) ([]*neo4j.Record, error)) error) error {
	ctx, done := s.watch(ctx)
	defer done()
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName:    s.db,
		AccessMode:      neo4j.AccessModeRead,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	})
	defer sess.Close(context.Background())
	var conf []func(*neo4j.TransactionConfig)
	if d, ok := txTimeout(ctx); ok {
		conf = append(conf, neo4j.WithTxTimeout(d))
	}
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, work(func(cypher string, params map[string]any) ([]*neo4j.Record, error) {
			stmt := s.statement(ctx, "read", cypher)
			res, err := tx.Run(ctx, cypher, params)
			var recs []*neo4j.Record
			if err == nil {
				recs, err = res.Collect(ctx)
			}
			stmt(err)
			return recs, err
		})
	}, conf...)
	return classify(hung(ctx, err))
}

// WriteAttempts bounds the tries of a write that collides with concurrent writes: a
// deadlock or another transient error of Neo4j (Neo.TransientError.*), a node deleted by a
// concurrent merge between finding and using it, or a curation whose nodes were merged
// away while it waited for their locks (errRaced).
const WriteAttempts = 8

// write runs work in one write transaction: all of it is committed or none. A write that
// collides with concurrent ones is tried again after a random pause that grows from 20 ms
// to 1 s, WriteAttempts times in all, then fails with a *ConflictError; an unreachable
// Neo4j is reported at once.
func (s *Store) write(ctx context.Context, work func(tx *Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.writeOnce(ctx, work)
		if !collided(err) {
			return classify(err)
		}
		if attempt == WriteAttempts {
			s.log.Warn().Err(err).Int("attempts", attempt).Msg("write gave up on a conflict")
			return &ConflictError{Attempts: attempt}
		}
		s.log.Debug().Err(err).Int("attempt", attempt).Msg("retrying a write")
		select {
		case <-time.After(backoff(attempt)):
		case <-ctx.Done():
			return &ConflictError{Attempts: attempt}
		}
	}
}

// backoff is the pause before try attempt+1: random in [d/2, d), d = 20 ms × 2^(attempt-1), at most 1 s.
func backoff(attempt int) time.Duration {
	d := min(20*time.Millisecond<<(attempt-1), time.Second)
	return d/2 + rand.N(d/2)
}

// writeOnce runs work in one write transaction. The driver only retries failures to reach
// Neo4j: a collision is handed back to write, which retries it with its own count
// (the driver would wait about 2 s, then give up after MaxTransactionRetryTime).
func (s *Store) writeOnce(ctx context.Context, work func(tx *Tx) error) error {
	ctx, done := s.watch(ctx)
	defer done()
	sess := s.driver.NewSession(ctx, neo4jWriteSession(s))
	defer sess.Close(context.Background())
	var conf []func(*neo4j.TransactionConfig)
	if d, ok := txTimeout(ctx); ok {
		conf = append(conf, neo4j.WithTxTimeout(d))
	}
	_, err := sess.ExecuteWrite(ctx, func(mtx neo4j.ManagedTransaction) (any, error) {
		tx := &Tx{mtx: mtx, store: s}
		err := work(tx)
		if err == nil {
			err = tx.bumpVersion(ctx)
		}
		if collided(err) {
			return nil, &collision{err}
		}
		if n := (*neo4j.Neo4jError)(nil); errors.As(err, &n) && outOfMemory(n) {
			return nil, classify(err) // an *InputError: the driver would retry a transient error
		}
		return nil, err
	}, conf...)
	return hung(ctx, err)
}

// errRaced is a curation whose nodes were merged away between reading and locking them.
var errRaced = errors.New("a node was merged away by a concurrent curation")

// collision hides a collision from the driver's retries (it does not unwrap): write retries it.
type collision struct{ err error }

func (c *collision) Error() string { return c.err.Error() }

// collided says whether err is a collision with concurrent writes, worth trying again.
func collided(err error) bool {
	var c *collision
	if errors.As(err, &c) || errors.Is(err, errRaced) || errors.Is(err, errReserved) {
		return true
	}
	var n *neo4j.Neo4jError
	return errors.As(lastCause(err), &n) && !outOfMemory(n) &&
		(n.IsRetriableTransient() || n.Code == "Neo.ClientError.Statement.EntityNotFound")
}

// outOfMemory says whether Neo4j refused a transaction for the memory it needs (a
// transient error to Neo4j, but the same transaction would need as much again).
func outOfMemory(n *neo4j.Neo4jError) bool {
	return strings.Contains(n.Code, "MemoryPoolOutOfMemoryError") || strings.Contains(n.Code, "TransactionMemoryLimit")
}

// ConflictError is a write that kept colliding with concurrent writes to the same nodes.
type ConflictError struct{ Attempts int }

func (e *ConflictError) Error() string {
	return fmt.Sprintf("other requests were changing the same nodes at the same time (tried %d times); retry the request", e.Attempts)
}

// lastCause is the last failure behind the driver's "gave up retrying" error, or err.
func lastCause(err error) error {
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return limit.Errors[len(limit.Errors)-1]
	}
	return err
}

// txTimeout is what is left of ctx's deadline, handed to Neo4j as the transaction timeout
// so that the server stops the work the caller no longer waits for.
func txTimeout(ctx context.Context) (time.Duration, bool) {
	deadline, ok := ctx.Deadline()
	if !ok {
		return 0, false
	}
	// Neo4j counts whole milliseconds and reads 0 as "no timeout".
	return max(time.Until(deadline), time.Millisecond), true
}

// Tx is a write transaction handed to Store.write's work function.
type Tx struct {
	mtx   neo4j.ManagedTransaction
	store *Store
}

// run sends one parameterised statement and collects its records.
func (t *Tx) run(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	stmt := t.store.statement(ctx, "write", cypher)
	res, err := t.mtx.Run(ctx, cypher, params)
	var recs []*neo4j.Record
	if err == nil {
		recs, err = res.Collect(ctx)
	}
	stmt(err)
	return recs, err
}

// classify marks connectivity failures with ErrUnavailable and leaves the rest as they are.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var inputErr *InputError
	if errors.As(err, &inputErr) {
		return err
	}
	var n *neo4j.Neo4jError
	if errors.As(lastCause(err), &n) && strings.Contains(n.Code, "TransactionTimedOut") {
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	if errors.As(lastCause(err), &n) && outOfMemory(n) {
		return inputf("Neo4j refused the transaction: it needs more memory than Neo4j lets one transaction use " +
			"(dbms.memory.transaction.total.max, a share of its heap); nothing of it was written: ask for less, split the file, or give Neo4j more heap")
	}
	var conn *neo4j.ConnectivityError
	if errors.As(lastCause(err), &conn) || errors.Is(err, context.DeadlineExceeded) && !isNeo4jError(err) {
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	if errors.As(lastCause(err), &n) && strings.HasPrefix(n.Code, "Neo.ClientError.") && !statementBug[n.Code] {
		if strings.HasPrefix(n.Code, "Neo.ClientError.Security.") {
			// Entente's own credentials: the database is unusable, whatever was asked.
			return fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
		// The parameterised statements are Entente's: what Neo4j refuses is a value sent.
		return &InputError{Msg: "the graph database refused a value of this request; " +
			"check the length and form of its ids, names and text", Cause: err}
	}
	return err
}

// statementBug lists the refusals that say Entente's own statement is wrong, whatever
// the values sent: left as they are, they answer INTERNAL and are logged.
var statementBug = map[string]bool{
	"Neo.ClientError.Statement.SyntaxError":      true,
	"Neo.ClientError.Statement.AccessMode":       true,
	"Neo.ClientError.Statement.ParameterMissing": true,
}

func isNeo4jError(err error) bool {
	var n *neo4j.Neo4jError
	return errors.As(err, &n)
}

// InputError is a request the graph refuses because of its content (unknown id, bad kind...).
type InputError struct {
	Msg   string
	Cause error // the database's own refusal, for the log; never shown
}

func (e *InputError) Error() string { return e.Msg }

// checkIDs refuses ids longer than fixtures.MaxIDBytes before they reach a query.
func checkIDs(ids ...string) error {
	for _, id := range ids {
		if len(id) > fixtures.MaxIDBytes {
			return inputf("an id of %d bytes is too long; ids may have at most %d bytes", len(id), fixtures.MaxIDBytes)
		}
	}
	return nil
}

// inputf builds an InputError.
func inputf(format string, args ...any) error { return &InputError{Msg: fmt.Sprintf(format, args...)} }

// driverLog routes the driver's own log through zerolog.
type driverLog struct{ l zerolog.Logger }

func (d driverLog) Error(name, id string, err error) {
	d.l.Error().Str("part", name).Str("conn", id).Err(err).Msg("driver")
}
func (d driverLog) Warnf(name, id, msg string, args ...any) {
	d.l.Warn().Str("part", name).Str("conn", id).Msgf(msg, args...)
}
func (d driverLog) Infof(name, id, msg string, args ...any) {
	d.l.Debug().Str("part", name).Str("conn", id).Msgf(msg, args...)
}
func (d driverLog) Debugf(name, id, msg string, args ...any) {
	d.l.Debug().Str("part", name).Str("conn", id).Msgf(msg, args...)
}

// neo4jWriteSession is the session configuration of every write.
func neo4jWriteSession(s *Store) neo4j.SessionConfig {
	return neo4j.SessionConfig{
		DatabaseName:    s.db,
		AccessMode:      neo4j.AccessModeWrite,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	}
}

// DeleteAll removes every node and relationship, in batches; tests and `load --replace` use it.
// Relationships go first, so that a batch of nodes holds no hub's many relationships
// (the 120,000-node synthetic graph ran out of transaction memory). The graph's version
// starts again with a new epoch.
func (s *Store) DeleteAll(ctx context.Context) error {
	if _, err := s.runAuto(ctx, "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS", nil); err != nil {
		return err
	}
	if _, err := s.runAuto(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS", nil); err != nil {
		return err
	}
	return s.write(ctx, func(*Tx) error { return nil })
}

// NotFoundError is a request about an id that is not in the graph.
type NotFoundError struct {
	ID  string
	Msg string // the message, when it is not "no node with id ..."
}

func (e *NotFoundError) Error() string {
	if e.Msg != "" {
		return e.Msg
	}
	return fmt.Sprintf("no node with id %q", e.ID)
}
