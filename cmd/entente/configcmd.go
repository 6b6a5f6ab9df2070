package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/server"
)

func init() {
	commands["config"] = command{summary: "print the effective settings, secrets masked; fail naming the first invalid one", run: runConfig}
}

// otherEnv lists variables the binary reads that are not its settings: they are printed,
// not checked.
var otherEnv = []struct{ name, help string }{
	{"GOGC", "Go's garbage collector target; unset: serve sets " + strconv.Itoa(server.ServerGCPercent) + " (server.TuneGC)"},
	{"JAVA_HOME", "the Java that runs the local Neo4j; unset: java on PATH"},
}

func runConfig(_ context.Context, args []string) error { return printConfig(os.Stdout, args) }

// printConfig writes every setting of `entente run` (and so of serve, a subset) with its
// value and where it came from (flag, environment or default), secrets masked, then checks
// them with the code that run and serve use: the first invalid one is the error.
func printConfig(w io.Writer, args []string) error {
	var sf serveFlags
	var fixtureDir string
	c, fs, err := parseFlags("config", args, bindRun(&sf, &fixtureDir))
	if err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	shown := map[string]bool{}
	for _, s := range append(append([]setting{}, env...), serveEnv...) {
		f := fs.Lookup(flagName(s.name))
		shown[f.Name] = true
		source := "default"
		if given[f.Name] {
			source = "flag -" + f.Name
		} else if _, ok := os.LookupEnv(s.name); ok {
			source = "environment"
		}
		fmt.Fprintf(tw, "%s\t%s\t(%s)\n", s.name, display(s, f.Value.String()), source)
	}
	// Flags without a variable (run's -fixtures), so that a new one cannot be left out.
	fs.VisitAll(func(f *flag.Flag) {
		if shown[f.Name] {
			return
		}
		source := "default"
		if given[f.Name] {
			source = "flag"
		}
		fmt.Fprintf(tw, "-%s\t%s\t(%s)\n", f.Name, quoted(f.Value.String()), source)
	})
	for _, o := range otherEnv {
		v, ok := os.LookupEnv(o.name)
		if !ok {
			v = "(unset)"
		}
		fmt.Fprintf(tw, "%s\t%s\t(read, not checked: %s)\n", o.name, quoted(v), o.help)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := c.validate(); err != nil {
		return err
	}
	o, err := sf.options(c.addr)
	if err != nil {
		return firstError(err)
	}
	neo4j := "local (run starts one; serve refuses to start)"
	if c.neo4j.URI != "" {
		neo4j = maskURI(c.neo4j.URI)
	}
	rate := "off"
	if o.RateLimit > 0 {
		rate = strconv.FormatFloat(o.RateLimit, 'f', -1, 64) + "/s, burst " + strconv.Itoa(o.RateBurst)
	}
	fmt.Fprintf(w, "# valid. Effective: neo4j %s; listen %s; %d API keys; open reads %v; open /metrics %v; introspection %v; rate limit %s; traces %s\n",
		neo4j, c.addr, o.Access.Keys.Len(), o.Access.OpenReads, o.Access.OpenMetrics, o.Introspection, rate, sf.tracing())
	return nil
}

// display is how config prints the value v of setting s: secrets masked, URIs without
// their password, empty values as "".
func display(s setting, v string) string {
	switch {
	case s.secret && v != "":
		n := len(strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '\n' }))
		if s.name == "ENTENTE_API_KEYS" {
			return fmt.Sprintf("******** (%d key lines)", n)
		}
		return "********"
	case s.name == "NEO4J_URI":
		return quoted(maskURI(v))
	}
	return quoted(v)
}

// quoted is v, or v quoted when it is empty or holds spaces.
func quoted(v string) string {
	if v == "" || strings.ContainsAny(v, " \t\n\"") {
		return strconv.Quote(v)
	}
	return v
}

// firstError is the first of the errors joined in err (errors.Join), or err.
func firstError(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		return j.Unwrap()[0]
	}
	return err
}
