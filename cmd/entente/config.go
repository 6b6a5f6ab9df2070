package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/graph"
)

// config is read from the environment; flags of the same meaning override it.
type config struct {
	neo4j     graph.Config
	addr      string
	logLevel  string
	logFormat string
	neo4jHome string // where `run` keeps its local Neo4j
	neo4jLib  string
	heap      string
	pageCache string
}

// setting is one environment variable of the binary, overridden by the flag of the same
// name (flagName): its name, default and help are written here once, for the flags,
// `entente config` and the README; its value is checked by validate or serveFlags.options.
type setting struct {
	name, def, help string
	secret          bool // masked by `entente config`
}

// env lists the variables config reads, with their defaults, for flags and the README.
var env = []setting{
	{"NEO4J_URI", "", "Neo4j to use (bolt:// or neo4j://); empty: `run` starts a local one", false},
	{"NEO4J_USER", "neo4j", "Neo4j user (ignored by a local Neo4j, which has no auth)", false},
	{"NEO4J_PASSWORD", "", "Neo4j password", true},
	{"NEO4J_DATABASE", "", "Neo4j database; empty: the server's default", false},
	{"ENTENTE_ADDR", "127.0.0.1:8080", "HTTP listen address", false},
	{"LOG_LEVEL", "info", "debug, info, warn or error", false},
	{"LOG_FORMAT", "console", "json or console", false},
	{"ENTENTE_NEO4J_HOME", ".neo4j/home", "home and data of the local Neo4j", false},
	{"ENTENTE_NEO4J_LIB", ".neo4j/lib", "folder of the Neo4j jars (make neo4j)", false},
	{"ENTENTE_NEO4J_HEAP", "512m", "JVM heap of the local Neo4j", false},
	{"ENTENTE_NEO4J_PAGECACHE", "256m", "page cache of the local Neo4j", false},
}

// bindConfig registers a flag per variable on fs, defaulting to the environment.
func bindConfig(fs *flag.FlagSet) *config {
	c := &config{}
	targets := map[string]*string{
		"NEO4J_URI": &c.neo4j.URI, "NEO4J_USER": &c.neo4j.User, "NEO4J_PASSWORD": &c.neo4j.Password,
		"NEO4J_DATABASE": &c.neo4j.Database, "ENTENTE_ADDR": &c.addr, "LOG_LEVEL": &c.logLevel,
		"LOG_FORMAT": &c.logFormat, "ENTENTE_NEO4J_HOME": &c.neo4jHome, "ENTENTE_NEO4J_LIB": &c.neo4jLib,
		"ENTENTE_NEO4J_HEAP": &c.heap, "ENTENTE_NEO4J_PAGECACHE": &c.pageCache,
	}
	for _, v := range env {
		def := v.def
		if s, ok := os.LookupEnv(v.name); ok {
			def = s
		}
		fs.StringVar(targets[v.name], flagName(v.name), def, v.help+" ($"+v.name+")")
	}
	return c
}

// flagName is the flag of an environment variable: ENTENTE_RATE_LIMIT is -rate-limit.
func flagName(env string) string {
	return strings.ToLower(strings.NewReplacer("ENTENTE_", "", "_", "-").Replace(env))
}

// validate checks every value and names the variable of the first bad one.
func (c *config) validate() error {
	if c.neo4j.URI != "" {
		u, err := url.Parse(c.neo4j.URI)
		ok := err == nil && u.Host != ""
		if ok {
			switch u.Scheme {
			case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
			default:
				ok = false
			}
		}
		if !ok {
			return fmt.Errorf("NEO4J_URI=%s: want bolt://host:port or neo4j://host:port", maskURI(c.neo4j.URI))
		}
		if p := u.Port(); p != "" && !validPort(p, 1) {
			return fmt.Errorf("NEO4J_URI=%s: port %s is not a port (1 to 65535)", maskURI(c.neo4j.URI), p)
		}
	}
	if !validDatabase(c.neo4j.Database) {
		return fmt.Errorf("NEO4J_DATABASE=%q: want a database name (letters, digits, '.', '-' and '_', at most 63)", c.neo4j.Database)
	}
	if _, port, err := net.SplitHostPort(c.addr); err != nil {
		return fmt.Errorf("ENTENTE_ADDR=%q: want host:port (%v)", c.addr, err)
	} else if !validPort(port, 0) {
		return fmt.Errorf("ENTENTE_ADDR=%q: port %q is not a port (0 to 65535; 0 picks a free one)", c.addr, port)
	}
	if _, err := zerolog.ParseLevel(c.logLevel); err != nil || c.logLevel == "" {
		return fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", c.logLevel)
	}
	if c.logFormat != "json" && c.logFormat != "console" {
		return fmt.Errorf("LOG_FORMAT=%q: want json or console", c.logFormat)
	}
	for name, v := range map[string]string{"ENTENTE_NEO4J_HEAP": c.heap, "ENTENTE_NEO4J_PAGECACHE": c.pageCache} {
		if !validMemory(v) {
			return fmt.Errorf("%s=%q: want a size such as 512m or 2g", name, v)
		}
	}
	return nil
}

// validPort says whether p is a port number from least to 65535.
func validPort(p string, least int) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n >= least && n <= 65535 && strconv.Itoa(n) == p
}

// validDatabase says whether name can name a Neo4j database ("": the server's default).
func validDatabase(name string) bool {
	if len(name) > 63 {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// maskURI is uri with any password in it masked, for messages and `entente config`.
func maskURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		// Whatever stands between the scheme and the last @ may hold a password.
		if at, scheme := strings.LastIndex(uri, "@"), strings.Index(uri, "://"); at >= 0 && scheme >= 0 && scheme+3 <= at {
			return uri[:scheme+3] + "xxxxx" + uri[at:]
		}
		return uri
	}
	if u.User == nil {
		return uri
	}
	if _, has := u.User.Password(); !has {
		return uri
	}
	return u.Redacted()
}

func validMemory(s string) bool {
	if len(s) < 2 || !strings.ContainsAny(s[len(s)-1:], "kmgKMG") {
		return false
	}
	for _, r := range s[:len(s)-1] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// logger builds the process logger from the configuration; w is stderr outside tests.
// openStore opens the Neo4j the settings name; without one it says what to set, and hint
// what for. The caller closes the store.
func (c *config) openStore(ctx context.Context, hint string) (*graph.Store, zerolog.Logger, error) {
	if c.neo4j.URI == "" {
		return nil, zerolog.Logger{}, errors.New("NEO4J_URI is not set: " + hint)
	}
	log := c.logger(os.Stderr)
	store, err := graph.Open(ctx, c.neo4j, log)
	return store, log, err
}

func (c *config) logger(w io.Writer) zerolog.Logger {
	level, _ := zerolog.ParseLevel(c.logLevel)
	zerolog.DurationFieldUnit = time.Millisecond
	zerolog.TimeFieldFormat = "2006-01-02T15:04:05.000Z07:00"
	if c.logFormat == "console" {
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: "15:04:05.000"}
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger()
}

// parse parses args into a fresh flag set bound to the configuration and validates it.
func parse(name string, args []string, extra func(fs *flag.FlagSet)) (*config, *flag.FlagSet, error) {
	c, fs, err := parseFlags(name, args, extra)
	if err != nil {
		return nil, nil, err
	}
	if err := c.validate(); err != nil {
		return nil, nil, err
	}
	return c, fs, nil
}

// parseFlags parses args into a fresh flag set bound to the configuration, unchecked.
func parseFlags(name string, args []string, extra func(fs *flag.FlagSet)) (*config, *flag.FlagSet, error) {
	fs := flag.NewFlagSet("entente "+name, flag.ContinueOnError)
	c := bindConfig(fs)
	if extra != nil {
		extra(fs)
	}
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	return c, fs, nil
}
