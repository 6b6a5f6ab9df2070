package main

import (
	"context"
	"errors"
	"flag"
	"os"
	"time"

	"github.com/entente/entente/loaders/synth"
)

func init() {
	commands["synth"] = command{
		summary: "write the fixtures of a deterministic synthetic graph: synth --nodes N --seed S --out DIR",
		run:     runSynth,
	}
}

// runSynth implements `entente synth --nodes N --seed S --out DIR [--file-nodes K]`.
func runSynth(ctx context.Context, args []string) error {
	var (
		nodes, fileNodes int
		seed             uint64
		out              string
	)
	c, fs, err := parse("synth", args, func(fs *flag.FlagSet) {
		fs.IntVar(&nodes, "nodes", 100000, "distinct nodes in the graph (10k, 100k, 1M: about 5 edges per node)")
		fs.Uint64Var(&seed, "seed", 1, "the same seed writes the same files")
		fs.StringVar(&out, "out", "", "folder to write the fixtures into (created if missing)")
		fs.IntVar(&fileNodes, "file-nodes", synth.DefaultFileNodes, "nodes owned by each file (bounds the size of a file)")
	})
	if err != nil {
		return err
	}
	if out == "" || fs.NArg() > 0 {
		return errors.New("usage: entente synth --nodes N --seed S --out DIR")
	}
	log := c.logger(os.Stderr)
	g, err := synth.New(synth.Options{Nodes: nodes, Seed: seed, FileNodes: fileNodes})
	if err != nil {
		return err
	}
	began, last := time.Now(), time.Now()
	st, err := g.Write(out, func(done, total int) {
		if time.Since(last) > progressEvery && done < total {
			last = time.Now()
			log.Info().Int("files", done).Int("total", total).Msgf("writing %d/%d", done, total)
		}
	})
	if err != nil {
		return err
	}
	log.Info().Str("out", out).Int("files", st.Files).Int("documents", st.Documents).Int("nodes", st.Nodes).
		Int("edges", st.Edges).Int("node_rows", st.NodeRows).Int64("bytes", st.Bytes).
		Dur("took", time.Since(began)).Msg("synthetic graph written")
	return ctx.Err()
}
