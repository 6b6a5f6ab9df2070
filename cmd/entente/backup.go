package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/metrics"
)

func init() {
	commands["backup"] = command{
		summary: "write the whole graph to one compressed, versioned file, while the server runs: backup FILE",
		run:     runBackup,
	}
	commands["restore"] = command{
		summary: "restore a backup into an empty database (-force: empty it first; -check: only check the file): restore FILE",
		run:     runRestore,
	}
}

// writerName is how a backup's header names the Entente that wrote it.
func writerName() string {
	version, revision := metrics.Build()
	return strings.TrimSpace("entente " + version + " " + revision)
}

// runBackup implements `entente backup [flags] FILE`.
func runBackup(ctx context.Context, args []string) error {
	c, fs, err := parse("backup", args, nil)
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: entente backup [flags] FILE (the file to write, e.g. entente-2026-12-05.backup.gz)")
	}
	store, log, err := c.openStore(ctx, "set it (or --neo4j-uri) to the Neo4j to back up")
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	began := time.Now()
	st, err := store.BackupFile(ctx, fs.Arg(0), writerName())
	if err != nil {
		return err
	}
	log.Info().Str("file", fs.Arg(0)).Int("nodes", st.Nodes).Int("relationships", st.Relationships).
		Int64("bytes", st.Bytes).Int("reads", st.Attempts).Dur("took", time.Since(began)).Msg("backup written")
	return nil
}

// runRestore implements `entente restore [flags] FILE`.
func runRestore(ctx context.Context, args []string) error {
	var force, check bool
	c, fs, err := parse("restore", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&force, "force", false, "empty a database that is not empty before restoring (its graph is lost)")
		fs.BoolVar(&check, "check", false, "only check that the file is a complete backup this Entente can restore")
	})
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("usage: entente restore [-force] [-check] FILE")
	}
	file := fs.Arg(0)
	if check {
		nodes, rels, writer, err := graph.CheckBackup(file)
		if err != nil {
			return err
		}
		fmt.Printf("%s: a complete backup (format %s/%d) of %d nodes and %d relationships, written by %s\n",
			file, graph.BackupFormat, graph.BackupVersion, nodes, rels, writer)
		return nil
	}
	// A bad file is refused before Neo4j is even opened.
	if _, _, _, err := graph.CheckBackup(file); err != nil {
		return err
	}
	store, log, err := c.openStore(ctx, "set it (or --neo4j-uri) to the Neo4j to restore into")
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if err := store.EnsureSchema(ctx); err != nil {
		return err
	}
	began := time.Now()
	st, err := store.RestoreFile(ctx, file, force)
	if errors.Is(err, graph.ErrNotEmpty) {
		return fmt.Errorf("%w; nothing was written", err)
	}
	if err != nil {
		return err
	}
	log.Info().Str("file", file).Str("written_by", st.Writer).Int("nodes", st.Nodes).Int("relationships", st.Relationships).
		Dur("took", time.Since(began)).Msg("restored")
	return nil
}
