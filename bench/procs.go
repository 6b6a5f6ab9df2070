package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof" // the Entente child serves profiles on its pprof address
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/server"
)

// child is a server process started by the benchmark: Entente's or the peer's.
type child struct {
	name string
	cmd  *exec.Cmd
	url  string // GraphQL endpoint
	done chan struct{}
}

// pid is the child's process id.
func (c *child) pid() int { return c.cmd.Process.Pid }

// stop ends the child with SIGTERM, then SIGKILL after five seconds.
func (c *child) stop() {
	if c == nil {
		return
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(5 * time.Second):
		_ = c.cmd.Process.Kill()
		<-c.done
	}
}

// rssMB is the child's resident memory now.
func (c *child) rssMB() float64 { return procStatusMB(c.pid(), "VmRSS") }

// start launches cmd with its output in logFile and waits until a POST of {__typename}
// to its GraphQL endpoint url answers 200.
func start(ctx context.Context, name string, cmd *exec.Cmd, logFile, url string) (*child, error) {
	out, err := os.Create(logFile)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	c := &child{name: name, cmd: cmd, url: url, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(c.done) }()
	deadline := time.Now().Add(90 * time.Second)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(`{"query":"{ __typename }"}`))
		req.Header.Set("Content-Type", "application/json")
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return c, nil
			}
		}
		select {
		case <-c.done:
			return nil, fmt.Errorf("%s exited during start-up; see %s", name, logFile)
		case <-ctx.Done():
			c.stop()
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			c.stop()
			return nil, fmt.Errorf("%s did not answer %s within 90 s; see %s", name, url, logFile)
		}
	}
}

// startEntente runs this program again as Entente's server (see serveEntente) over uri.
func startEntente(ctx context.Context, uri, workDir string) (*child, string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, "", err
	}
	port, err := freePort()
	if err != nil {
		return nil, "", err
	}
	pport, err := freePort()
	if err != nil {
		return nil, "", err
	}
	addr, paddr := fmt.Sprintf("127.0.0.1:%d", port), fmt.Sprintf("127.0.0.1:%d", pport)
	cmd := exec.Command(exe, "-serve-entente", addr, "-pprof-addr", paddr, "-neo4j-uri", uri)
	c, err := start(ctx, "entente", cmd, filepath.Join(workDir, "entente.log"), "http://"+addr+"/graphql")
	return c, "http://" + paddr, err
}

// serveEntente is the child mode: server.New over the Neo4j at uri, as `entente serve`
// builds it (request log at info, no API keys on loopback), with pprof on its own address.
func serveEntente(addr, pprofAddr, uri string) error {
	log := zerolog.New(os.Stderr).Level(zerolog.InfoLevel).With().Timestamp().Logger()
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Config{URI: uri}, log)
	if err != nil {
		return err
	}
	defer store.Close(ctx)
	go func() { _ = http.ListenAndServe(pprofAddr, nil) }()
	server.TuneGC()
	srv := &http.Server{Addr: addr, Handler: server.New(server.Options{Store: store, Log: log}),
		ReadHeaderTimeout: 10 * time.Second}
	go func() {
		sig := make(chan os.Signal, 1)
		signalNotify(sig)
		<-sig
		_ = srv.Shutdown(context.Background())
	}()
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// startPeer installs the peer's pinned packages (npm ci, once) and runs it with Node.js.
func startPeer(ctx context.Context, log zerolog.Logger, peerDir, uri, workDir string) (*child, error) {
	if _, err := os.Stat(filepath.Join(peerDir, "node_modules", "@neo4j", "graphql")); err != nil {
		log.Info().Str("dir", peerDir).Msg("npm ci (once): installing @neo4j/graphql and its pinned dependencies")
		cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = peerDir
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("npm ci in %s: %w\n%s", peerDir, err, out)
		}
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("node", "server.mjs")
	cmd.Dir = peerDir
	cmd.Env = append(os.Environ(), "NEO4J_URI="+uri, fmt.Sprintf("PORT=%d", port), "NODE_ENV=production")
	return start(ctx, "peer", cmd, filepath.Join(workDir, "peer.log"), fmt.Sprintf("http://127.0.0.1:%d/graphql", port))
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// versionOf runs a command and returns the first line it prints, or "unknown".
func versionOf(name string, args ...string) string {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil && len(out) == 0 {
		return "unknown"
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return line
}

// cpuSeconds is the user+system CPU time a process has used so far; 0 when unknown.
func cpuSeconds(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// the fields after the command name, which is in parentheses and may hold spaces
	_, rest, ok := strings.Cut(string(b), ") ")
	if !ok {
		return 0
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0
	}
	var utime, stime float64
	fmt.Sscan(f[11], &utime)
	fmt.Sscan(f[12], &stime)
	return (utime + stime) / 100 // USER_HZ is 100 on Linux
}

// findPID returns the process whose command line contains needle (our Neo4j, by its home), or 0.
func findPID(needle string) int {
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		if b, err := os.ReadFile(filepath.Join("/proc", d.Name(), "cmdline")); err == nil && strings.Contains(string(b), needle) {
			return pid
		}
	}
	return 0
}
