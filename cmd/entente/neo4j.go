package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/entente/entente/graph/localdb"
)

func init() {
	commands["neo4j"] = command{
		summary: "run a command against a throwaway local Neo4j (make test): neo4j exec -- CMD...",
		run:     runNeo4j,
	}
}

// runNeo4j implements `entente neo4j exec -- CMD ARGS...`: with NEO4J_URI set it runs CMD
// as it is; otherwise it starts Neo4j on a free port in a temporary home, runs CMD with
// NEO4J_URI pointing at it, and stops and removes it afterwards, passing on CMD's status.
func runNeo4j(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "exec" {
		return errors.New("usage: entente neo4j exec [flags] -- CMD [ARGS...]")
	}
	c, fs, err := parse("neo4j exec", args[1:], nil)
	if err != nil {
		return err
	}
	argv := fs.Args()
	if len(argv) == 0 {
		return errors.New("usage: entente neo4j exec [flags] -- CMD [ARGS...]")
	}
	log := c.logger(os.Stderr)
	uri := c.neo4j.URI
	if uri == "" {
		home, err := os.MkdirTemp("", "entente-neo4j-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(home)
		began := time.Now()
		srv, err := localdb.Start(ctx, localdb.Options{LibDir: c.neo4jLib, Home: home, Heap: c.heap, PageCache: c.pageCache, Log: log})
		if err != nil {
			return err
		}
		defer srv.Stop(context.Background())
		log.Info().Dur("start", time.Since(began)).Str("uri", srv.URI).Msg("throwaway Neo4j up")
		uri = srv.URI
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "NEO4J_URI="+uri, "ENTENTE_REQUIRE_NEO4J=1")
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exitCode(exit.ExitCode())
	}
	if err != nil {
		return fmt.Errorf("%s: %w", argv[0], err)
	}
	return nil
}
