// Package localdb starts and stops a local Neo4j Community server from the jars
// that `make neo4j` resolves with Maven, for `make run` and for the tests.
package localdb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"
)

// Options says where the server lives and how much memory it may take.
type Options struct {
	LibDir       string        // folder holding the Neo4j jars (e.g. .neo4j/lib)
	Home         string        // server home: conf/, data/, logs/ go under it
	BoltPort     int           // 0 picks a free port
	Heap         string        // JVM heap, e.g. "512m"
	PageCache    string        // page cache, e.g. "256m"
	StartTimeout time.Duration // how long to wait for Bolt to answer
	Log          zerolog.Logger
}

// Server is a running Neo4j process started by Start.
type Server struct {
	URI      string // bolt://127.0.0.1:PORT
	LogFile  string // the server's own log, named in every start-up error
	logStart int64  // its size before this start
	cmd      *exec.Cmd
	exited   chan struct{}
	waitErr  error
	log      zerolog.Logger
}

// Start writes the configuration, launches the server and waits until Bolt answers. With
// no BoltPort it picks a free one, and picks another when the server exits during
// start-up (another process may take a free port between the pick and the bind).
func Start(ctx context.Context, o Options) (*Server, error) {
	if o.BoltPort != 0 {
		return start(ctx, o)
	}
	var err error
	for range 3 {
		var s *Server
		if s, err = start(ctx, o); !errors.Is(err, errExited) {
			return s, err
		}
		o.Log.Warn().Err(err).Msg("Neo4j exited during start-up; trying another port")
	}
	return nil, err
}

// errExited is the error of a server that exited during start-up.
var errExited = errors.New("neo4j exited during start-up")

func start(ctx context.Context, o Options) (*Server, error) {
	if o.Heap == "" {
		o.Heap = "512m"
	}
	if o.PageCache == "" {
		o.PageCache = "256m"
	}
	if o.StartTimeout == 0 {
		o.StartTimeout = 3 * time.Minute // a loaded 2-core machine has taken 90 s
	}
	jars, _ := filepath.Glob(filepath.Join(o.LibDir, "neo4j-*.jar"))
	if len(jars) == 0 {
		return nil, fmt.Errorf("no Neo4j jars in %s: run `make neo4j` (Maven resolves them from neo4j/pom.xml)", o.LibDir)
	}
	java, err := findJava()
	if err != nil {
		return nil, err
	}
	home, err := filepath.Abs(o.Home)
	if err != nil {
		return nil, err
	}
	port := o.BoltPort
	if port == 0 {
		if port, err = freePort(); err != nil {
			return nil, fmt.Errorf("find a free port for Bolt: %w", err)
		}
	}
	if err := writeConf(home, port, o); err != nil {
		return nil, err
	}
	logDir := filepath.Join(home, "logs")
	console, err := os.OpenFile(filepath.Join(logDir, "console.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	defer console.Close()

	libDir, err := filepath.Abs(o.LibDir)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(java,
		"-Xms"+o.Heap, "-Xmx"+o.Heap, "-XX:+UseG1GC", "-Dfile.encoding=UTF-8",
		"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
		"-cp", filepath.Join(libDir, "*"),
		"org.neo4j.server.CommunityEntryPoint", "--home-dir", home, "--config-dir", filepath.Join(home, "conf"))
	cmd.Stdout, cmd.Stderr = console, console
	cmd.SysProcAttr = sysProcAttr()
	logFile := filepath.Join(logDir, "neo4j.log")
	var logStart int64
	if fi, err := os.Stat(logFile); err == nil {
		logStart = fi.Size() // a home used before keeps the log of its earlier runs
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", java, err)
	}
	s := &Server{
		URI:      fmt.Sprintf("bolt://127.0.0.1:%d", port),
		LogFile:  logFile,
		logStart: logStart,
		cmd:      cmd,
		exited:   make(chan struct{}),
		log:      o.Log,
	}
	go func() { s.waitErr = cmd.Wait(); close(s.exited) }()
	o.Log.Info().Str("uri", s.URI).Str("home", home).Str("heap", o.Heap).Str("pagecache", o.PageCache).
		Int("pid", cmd.Process.Pid).Msg("starting Neo4j")

	began := time.Now()
	if err := s.waitReady(ctx, o.StartTimeout); err != nil {
		_ = s.Stop(context.Background())
		return nil, err
	}
	o.Log.Info().Str("uri", s.URI).Dur("took", time.Since(began)).Msg("Neo4j ready")
	return s, nil
}

// waitReady polls Bolt until it answers, the process dies or the timeout passes.
func (s *Server) waitReady(ctx context.Context, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	driver, err := neo4j.NewDriverWithContext(s.URI, neo4j.NoAuth())
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		pctx, pcancel := context.WithTimeout(ctx, 2*time.Second)
		err := driver.VerifyConnectivity(pctx)
		pcancel()
		if err == nil && s.started() {
			return nil // Bolt answers, and it is this server: another one may hold the port it chose
		}
		select {
		case <-s.exited:
			return fmt.Errorf("%w (%v); see %s and %s", errExited, s.waitErr, s.LogFile, s.consoleLog())
		case <-ctx.Done():
			return fmt.Errorf("neo4j did not answer on %s within %s; see %s and %s", s.URI, timeout, s.LogFile, s.consoleLog())
		case <-tick.C:
		}
	}
}

// started reports whether the server's own log says, since this start, that it has
// started: a Bolt port that answers may belong to another server that took the free port
// first.
func (s *Server) started() bool {
	b, err := os.ReadFile(s.LogFile)
	return err == nil && int64(len(b)) > s.logStart && bytes.Contains(b[s.logStart:], []byte(" Started."))
}

func (s *Server) consoleLog() string {
	return filepath.Join(filepath.Dir(s.LogFile), "console.log")
}

// Stop asks the server to shut down (SIGTERM) and kills it if it has not within ctx or 60 s.
func (s *Server) Stop(ctx context.Context) error {
	select {
	case <-s.exited:
		return nil
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	select {
	case <-s.exited:
		s.log.Info().Int("pid", s.cmd.Process.Pid).Msg("Neo4j stopped")
		return nil
	case <-ctx.Done():
		_ = s.cmd.Process.Kill()
		<-s.exited
		return errors.New("neo4j did not stop in time and was killed")
	}
}

// writeConf writes conf/neo4j.conf: loopback only, no HTTP, no auth, explicit memory.
func writeConf(home string, port int, o Options) error {
	for _, d := range []string{"conf", "data", "logs", "run"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			return err
		}
	}
	conf := strings.Join(append([]string{
		"# Written by Entente (graph/localdb) at every start; edit Options, not this file.",
		"server.default_listen_address=127.0.0.1",
		"server.bolt.listen_address=127.0.0.1:" + strconv.Itoa(port),
		"server.bolt.advertised_address=127.0.0.1:" + strconv.Itoa(port),
		"server.http.enabled=false",
		"server.https.enabled=false",
		"dbms.security.auth_enabled=false",
		"dbms.usage_report.enabled=false",
		"server.memory.heap.initial_size=" + o.Heap,
		"server.memory.heap.max_size=" + o.Heap,
		"server.memory.pagecache.size=" + o.PageCache,
		"db.tx_log.rotation.retention_policy=1 files",
		// Bolt's Netty waits out a quiet period of 5 s per connector at shutdown, though its
		// connections are closed by then: a stop took 10 s, now well under one.
		"internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
	}, homeDirectories(home)...), "\n") + "\n"
	return os.WriteFile(filepath.Join(home, "conf", "neo4j.conf"), []byte(conf), 0o644)
}

// homeDirectories are the neo4j.conf lines that put the data, logs and run directories under home.
func homeDirectories(home string) []string {
	return []string{
		"server.directories.data=" + filepath.Join(home, "data"),
		"server.directories.logs=" + filepath.Join(home, "logs"),
		"server.directories.run=" + filepath.Join(home, "run"),
	}
}

// findJava returns $JAVA_HOME/bin/java or java on PATH.
func findJava() (string, error) {
	if h := os.Getenv("JAVA_HOME"); h != "" {
		p := filepath.Join(h, "bin", "java")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	p, err := exec.LookPath("java")
	if err != nil {
		return "", errors.New("java not found: Neo4j 5.26 needs Java 17 or 21 (set JAVA_HOME or put java on PATH)")
	}
	return p, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Pid is the process id of the server's JVM.
func (s *Server) Pid() int { return s.cmd.Process.Pid }
