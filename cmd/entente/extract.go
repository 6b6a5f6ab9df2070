package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/loaders/extract"
	"github.com/rs/zerolog"
)

func init() {
	commands["extract"] = command{
		summary: "read plain-text documents (it, fr, en) and print one merged fixture: extract [--out DIR] FILE...",
		run:     runExtract,
	}
}

// runExtract implements `entente extract [--out DIR] FILE...`: one merged fixture on
// stdout, or with --out one fixture per document named after it (<base>.json).
func runExtract(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("entente extract", flag.ContinueOnError)
	out := fs.String("out", "", "write one fixture per document into this folder instead of one merged fixture on stdout")
	logLevel := fs.String("log-level", "info", "debug, info, warn or error (progress goes to stderr)")
	evidence := fs.Bool("evidence", false, "add each fact's evidence class (what its confidence is measured on) as properties.evidence, for make calibrate")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: entente extract [--out DIR] FILE...\n\nReads plain-text documents (Italian, French or English) and prints one merged fixture on stdout.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("no documents given")
	}
	level, err := zerolog.ParseLevel(*logLevel)
	if err != nil {
		return fmt.Errorf("--log-level: %v", err)
	}
	log := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr, TimeFormat: "15:04:05.000"}).Level(level).With().Timestamp().Logger()
	x, err := extract.New()
	if err != nil {
		return err
	}
	if *out != "" {
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
	}
	var all []*fixtures.Fixture
	var failed []string
	for _, file := range fs.Args() {
		if err := ctx.Err(); err != nil {
			return err
		}
		f, err := x.ExtractFile(file)
		if err != nil {
			log.Error().Str("file", file).Msgf("not extracted: %v", err)
			failed = append(failed, fmt.Sprintf("%s: %v", file, err))
			continue
		}
		if *evidence {
			addEvidence(x, f)
		}
		log.Info().Str("file", file).Str("language", f.Documents[0].Language).
			Int("nodes", len(f.Nodes)).Int("edges", len(f.Edges)).Msg("extracted")
		if *out == "" {
			all = append(all, f)
			continue
		}
		base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		if err := fixtures.Write(filepath.Join(*out, base+".json"), f); err != nil {
			return err
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d documents could not be extracted:\n  %s", len(failed), fs.NArg(), strings.Join(failed, "\n  "))
	}
	if *out != "" {
		return nil
	}
	data, err := fixtures.Marshal(extract.Merge(all...))
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(data)
	return err
}

// addEvidence writes the evidence class of each fact read from the text into its properties.
func addEvidence(x *extract.Extractor, f *fixtures.Fixture) {
	nodes, edges := x.Evidence(f)
	for i := range f.Nodes {
		if c, ok := nodes[f.Nodes[i].ID]; ok {
			f.Nodes[i].Properties["evidence"] = c
		}
	}
	for i := range f.Edges {
		if c, ok := edges[f.Edges[i].Key()]; ok {
			f.Edges[i].Properties["evidence"] = c
		}
	}
}
