package graph

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/entente/entente/fixtures"
)

// Restores. A restore reads the file twice: first whole, to check it (format, version,
// every line, the counts and the checksum of the end line) before anything is written;
// then it writes it, like an import run (importrun.go), in transactions of at most
// RestoreBatch lines that leave nothing when it fails, is cancelled or its process is
// killed:
//
//   - the first transaction checks that the database is empty (only the graph's version
//     node may be there) and writes a RestoreRun node {id, file, host, pid, state:
//     running, started, heartbeat};
//   - each batch creates nodes, then relationships between them, every node tagged with
//     the restore's id (_restore);
//   - the last transaction sets the state committed: the commit point. The tags and the
//     RestoreRun node are then removed;
//   - on failure every node tagged with the restore is deleted, with its relationships,
//     and the RestoreRun node last. A restore left unfinished by a killed process is
//     undone by RecoverImports, which EnsureSchema (every start) calls.

// RestoreBatch is the most lines of a backup that one restore transaction writes.
const RestoreBatch = 1000

// RestoreStats says what a restore wrote.
type RestoreStats struct {
	Nodes, Relationships int
	Writer               string // the Entente that wrote the backup (its header)
}

// ErrNotEmpty is a restore into a database that holds a graph.
var ErrNotEmpty = errors.New("the database is not empty")

// backupHeader is the first line of a backup.
type backupHeader struct {
	Format        string `json:"format"`
	Version       int    `json:"version"`
	Entente       string `json:"entente"`
	Nodes         int    `json:"nodes"`
	Relationships int    `json:"relationships"`
}

// backupLine is any other line of a backup.
type backupLine struct {
	Labels []string        `json:"labels"`
	Type   string          `json:"type"`
	From   []string        `json:"from"`
	To     []string        `json:"to"`
	Props  json.RawMessage `json:"props"`
	End    *struct {
		Nodes         int    `json:"nodes"`
		Relationships int    `json:"relationships"`
		SHA256        string `json:"sha256"`
	} `json:"end"`
}

// restoreNode and restoreRel are decoded lines, ready to be sent.
type restoreNode struct {
	class  string
	labels []string
	props  map[string]any
}

type restoreRel struct {
	typ      string
	from, to [2]string
	props    map[string]any
}

// readBackup reads the backup at path line by line, checking each, and hands the nodes and
// relationships to each (nil: only checked). It fails on the first problem, naming its line.
func readBackup(path string, node func(restoreNode) error, rel func(restoreRel) error) (backupHeader, error) {
	var h backupHeader
	f, err := os.Open(path)
	if err != nil {
		return h, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return h, fmt.Errorf("%s is not an Entente backup (not gzip): %w", path, err)
	}
	zr.Multistream(false)
	r := bufio.NewReaderSize(zr, 1<<16)
	sum := sha256.New()
	n := 0
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s, line %d: %s", path, n, fmt.Sprintf(format, args...))
	}
	readLine := func() ([]byte, error) {
		l, err := r.ReadBytes('\n')
		n++
		if err == io.EOF {
			if len(l) == 0 {
				return nil, bad("the file ends without its end line: it is truncated")
			}
			return nil, bad("the last line is cut: the file is truncated")
		}
		if err != nil {
			return nil, bad("%v (the file is corrupt or truncated)", err)
		}
		return l, nil
	}
	l, err := readLine()
	if err != nil {
		return h, err
	}
	sum.Write(l)
	if json.Unmarshal(l, &h) != nil || h.Format != BackupFormat {
		return h, bad("not an Entente backup (no %q header)", BackupFormat)
	}
	if h.Version != BackupVersion {
		return h, bad("backup format version %d, written by Entente %s; this Entente reads version %d only",
			h.Version, h.Entente, BackupVersion)
	}
	nodes, rels := 0, 0
	for {
		l, err := readLine()
		if err != nil {
			return h, err
		}
		var bl backupLine
		dec := json.NewDecoder(bytes.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&bl); err != nil {
			return h, bad("not a backup line: %v", err)
		}
		switch {
		case bl.End != nil:
			if bl.End.Nodes != nodes || bl.End.Relationships != rels || h.Nodes != nodes || h.Relationships != rels {
				return h, bad("%d nodes and %d relationships, but the header says %d and %d and the end line %d and %d",
					nodes, rels, h.Nodes, h.Relationships, bl.End.Nodes, bl.End.Relationships)
			}
			if got := hex.EncodeToString(sum.Sum(nil)); got != bl.End.SHA256 {
				return h, bad("checksum %s, but the end line says %s: the file is corrupt", got, bl.End.SHA256)
			}
			if _, err := r.ReadByte(); err != io.EOF {
				return h, bad("data after the end line")
			}
			return h, nil
		case bl.Labels != nil:
			if rels > 0 {
				return h, bad("a node after the relationships")
			}
			props, err := decodeProps(bl.Props)
			if err != nil {
				return h, bad("%v", err)
			}
			rn := restoreNode{labels: bl.Labels, props: props}
			for _, c := range BackupClasses {
				if fixtures.Contains(bl.Labels, c.Label) {
					rn.class = c.Label
					if _, ok := props[c.Key].(string); !ok {
						return h, bad("a %s node without its %s", c.Label, c.Key)
					}
					break
				}
			}
			if rn.class == "" {
				return h, bad("a node with labels %v, none of which the format knows", bl.Labels)
			}
			for _, l := range bl.Labels {
				if !restorable(l) {
					return h, bad("the label %q is not one of Entente's", l)
				}
			}
			nodes++
			if node != nil {
				if err := node(rn); err != nil {
					return h, err
				}
			}
		case bl.Type != "":
			if len(bl.From) != 2 || len(bl.To) != 2 || !isClass(bl.From[0]) || !isClass(bl.To[0]) {
				return h, bad("a relationship whose ends are not [class, key]")
			}
			props, err := decodeProps(bl.Props)
			if err != nil {
				return h, bad("%v", err)
			}
			rels++
			if rel != nil {
				if err := rel(restoreRel{typ: bl.Type, from: [2]string(bl.From), to: [2]string(bl.To), props: props}); err != nil {
					return h, err
				}
			}
		default:
			return h, bad("a line that is neither a node, a relationship nor the end")
		}
		sum.Write(l)
	}
}

// restorable says whether a node label may be restored: a class, Document, a node kind or
// a review status (status.go).
func restorable(label string) bool {
	return isClass(label) || label == LabelDocument || label == LabelProposed || label == LabelRejected ||
		fixtures.Contains(fixtures.NodeKinds, label)
}

func isClass(label string) bool {
	for _, c := range BackupClasses {
		if c.Label == label {
			return true
		}
	}
	return false
}

// CheckBackup reads the whole backup at path and says whether a restore would accept it,
// without touching Neo4j.
func CheckBackup(path string) (nodes, relationships int, writer string, err error) {
	h, err := readBackup(path, nil, nil)
	return h.Nodes, h.Relationships, h.Entente, err
}

// RestoreFile restores the backup at path into an empty database (see above), which must
// have the schema (EnsureSchema). A database that holds anything but the graph's version
// node is refused with ErrNotEmpty, unless replace: then it is emptied first (DeleteAll),
// and a restore that fails leaves it empty. A file that is not a complete backup of a
// version this Entente reads is refused before anything is written.
func (s *Store) RestoreFile(ctx context.Context, path string, replace bool) (RestoreStats, error) {
	h, err := readBackup(path, nil, nil)
	if err != nil {
		return RestoreStats{}, &InputError{Msg: err.Error()}
	}
	stats := RestoreStats{Writer: h.Entente}
	if err := s.RecoverImports(ctx); err != nil {
		return stats, err
	}
	if replace {
		if err := s.DeleteAll(ctx); err != nil {
			return stats, fmt.Errorf("emptying the database: %w", err)
		}
	}
	run := newRunID()
	host, _ := os.Hostname()
	err = s.write(ctx, func(tx *Tx) error {
		recs, err := tx.run(ctx, "MATCH (n) WHERE NOT n:"+LabelVersion+" AND NOT n:"+LabelMeetingLock+" RETURN labels(n) LIMIT 1", nil)
		if err != nil {
			return err
		}
		if len(recs) > 0 {
			return fmt.Errorf("%w (it holds a node with labels %v): restore into an empty database, or empty it with -force",
				ErrNotEmpty, strs(recs[0].Values[0]))
		}
		_, err = tx.run(ctx, `CREATE (:`+LabelRestoreRun+` {id: $run, file: $file, host: $host, pid: $pid,
			state: 'running', started: datetime(), heartbeat: datetime()})`,
			map[string]any{"run": run, "file": path, "host": host, "pid": os.Getpid()})
		return err
	})
	if err != nil {
		return stats, err
	}
	began := time.Now()
	err = s.restoreBatches(ctx, path, run, &stats)
	if err == nil {
		err = s.write(ctx, func(tx *Tx) error {
			if err := tx.restoreHeartbeat(ctx, run); err != nil {
				return err
			}
			_, err := tx.run(ctx, "MATCH (r:"+LabelRestoreRun+" {id: $run}) SET r.state = 'committed'", map[string]any{"run": run})
			return err
		})
	}
	if errors.Is(err, errKilled) {
		return RestoreStats{}, err
	}
	if err != nil {
		s.log.Warn().Str("file", path).Str("restore", run).Err(err).Msg("restore failed: undoing it")
		if uerr := s.undoRestore(context.WithoutCancel(ctx), run); uerr != nil {
			s.log.Error().Str("restore", run).Err(uerr).Msg("restore: undo interrupted; the next start (RecoverImports) finishes it")
		}
		return RestoreStats{}, err
	}
	if err := s.cleanupRestore(context.WithoutCancel(ctx), run); err != nil {
		s.log.Warn().Str("restore", run).Err(err).Msg("restore: bookkeeping left; the next start removes it")
	}
	s.log.Info().Str("file", path).Int("nodes", stats.Nodes).Int("relationships", stats.Relationships).
		Dur("took", time.Since(began)).Msg("restore committed")
	return stats, nil
}

// restoreBatches writes the nodes, then the relationships, of the backup at path, in
// transactions of RestoreBatch lines.
func (s *Store) restoreBatches(ctx context.Context, path, run string, stats *RestoreStats) error {
	s.runs.mu.Lock()
	size, killAfter := s.runs.restoreBatch, s.runs.restoreKillAfter
	s.runs.restoreKillAfter = 0
	s.runs.mu.Unlock()
	var nodes []any
	var rels []restoreRel
	batches := 0
	flushNodes := func() error {
		if len(nodes) == 0 {
			return nil
		}
		if batches++; killAfter > 0 && batches > killAfter {
			return errKilled
		}
		err := s.write(ctx, func(tx *Tx) error {
			if err := tx.restoreHeartbeat(ctx, run); err != nil {
				return err
			}
			recs, err := tx.run(ctx, `
				UNWIND $rows AS row
				CREATE (n:$(row.labels))
				SET n = row.props, n._restore = $run
				RETURN count(n)`, map[string]any{"rows": nodes, "run": run})
			if err != nil {
				return err
			}
			return checkWritten(recs, "restored nodes", len(nodes))
		})
		stats.Nodes += len(nodes)
		nodes = nodes[:0]
		return err
	}
	flushRels := func() error {
		if len(rels) == 0 {
			return nil
		}
		if batches++; killAfter > 0 && batches > killAfter {
			return errKilled
		}
		byEnds := map[[2]string][]any{}
		for _, r := range rels {
			k := [2]string{r.from[0], r.to[0]}
			byEnds[k] = append(byEnds[k], map[string]any{"type": r.typ, "from": r.from[1], "to": r.to[1], "props": r.props})
		}
		err := s.write(ctx, func(tx *Tx) error {
			if err := tx.restoreHeartbeat(ctx, run); err != nil {
				return err
			}
			for _, a := range BackupClasses {
				for _, b := range BackupClasses {
					rows := byEnds[[2]string{a.Label, b.Label}]
					if len(rows) == 0 {
						continue
					}
					// Labels and keys come from BackupClasses; every value is a parameter.
					recs, err := tx.run(ctx, fmt.Sprintf(`
						UNWIND $rows AS row
						MATCH (a:%s {%s: row.from}) WHERE a._restore = $run
						MATCH (b:%s {%s: row.to}) WHERE b._restore = $run
						CREATE (a)-[r:$(row.type)]->(b)
						SET r = row.props
						RETURN count(r)`, a.Label, a.Key, b.Label, b.Key), map[string]any{"rows": rows, "run": run})
					if err != nil {
						return err
					}
					if n, _ := recs[0].Values[0].(int64); int(n) != len(rows) {
						return fmt.Errorf("%d of %d relationships from %s to %s restored: the others name a node the backup does not hold",
							n, len(rows), a.Label, b.Label)
					}
				}
			}
			return nil
		})
		stats.Relationships += len(rels)
		rels = rels[:0]
		return err
	}
	_, err := readBackup(path, func(n restoreNode) error {
		nodes = append(nodes, map[string]any{"labels": n.labels, "props": n.props})
		if len(nodes) == size {
			return flushNodes()
		}
		return nil
	}, func(r restoreRel) error {
		if err := flushNodes(); err != nil {
			return err
		}
		rels = append(rels, r)
		if len(rels) == size {
			return flushRels()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := flushNodes(); err != nil {
		return err
	}
	return flushRels()
}

// restoreHeartbeat says the restore is alive and fails when another process undid it.
func (t *Tx) restoreHeartbeat(ctx context.Context, run string) error {
	recs, err := t.run(ctx, "MATCH (r:"+LabelRestoreRun+" {id: $run}) SET r.heartbeat = datetime() RETURN r.state",
		map[string]any{"run": run})
	if err != nil {
		return err
	}
	if len(recs) == 0 || recs[0].Values[0] != "running" {
		return errors.New("the restore was undone by another process, which took it for abandoned")
	}
	return nil
}

// undoRestore deletes what the restore run wrote, in batches, then its RestoreRun node.
func (s *Store) undoRestore(ctx context.Context, run string) error {
	if _, err := s.runAuto(ctx, "MATCH (n) WHERE n._restore = $run CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS",
		map[string]any{"run": run}); err != nil {
		return err
	}
	return s.write(ctx, func(tx *Tx) error {
		_, err := tx.run(ctx, "MATCH (r:"+LabelRestoreRun+" {id: $run}) DELETE r", map[string]any{"run": run})
		return err
	})
}

// cleanupRestore removes the tags of a committed restore, in batches, then its RestoreRun node.
func (s *Store) cleanupRestore(ctx context.Context, run string) error {
	if _, err := s.runAuto(ctx, "MATCH (n) WHERE n._restore = $run CALL (n) { REMOVE n._restore } IN TRANSACTIONS OF 10000 ROWS",
		map[string]any{"run": run}); err != nil {
		return err
	}
	return s.write(ctx, func(tx *Tx) error {
		_, err := tx.run(ctx, "MATCH (r:"+LabelRestoreRun+" {id: $run}) DELETE r", map[string]any{"run": run})
		return err
	})
}

// recoverRestores finishes what restores left behind, as RecoverImports does for import
// runs: a committed one loses its tags, one whose process is gone is undone.
func (s *Store) recoverRestores(ctx context.Context) error {
	recs, err := s.read(ctx, `
		MATCH (r:`+LabelRestoreRun+`)
		RETURN r.id, r.state, r.host, r.pid, r.file, duration.inSeconds(r.heartbeat, datetime()).seconds`, nil)
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	s.runs.mu.Lock()
	stale := s.runs.stale
	s.runs.mu.Unlock()
	for _, r := range recs {
		run, state := str(r.Values[0]), str(r.Values[1])
		pid, _ := r.Values[3].(int64)
		silent, _ := r.Values[5].(int64)
		ev := s.log.With().Str("restore", run).Str("file", str(r.Values[4])).Logger()
		switch {
		case state == "committed":
			ev.Info().Msg("restore committed earlier: removing its bookkeeping")
			if err := s.cleanupRestore(ctx, run); err != nil {
				return err
			}
		case time.Duration(silent)*time.Second >= stale || str(r.Values[2]) == host && !alive(int(pid)):
			ev.Warn().Msg("rolling back an unfinished restore (its process is gone): nothing of it will be left")
			if err := s.undoRestore(ctx, run); err != nil {
				return err
			}
		}
	}
	return nil
}
