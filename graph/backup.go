package graph

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/entente/entente/metrics"
)

// Backups. A backup is one gzip file (no name and no time in the gzip header) of JSON
// lines:
//
//	{"format":"entente-backup","version":1,"entente":"v1.2.3 abcdef","nodes":N,"relationships":M}
//	{"labels":["Entity","Person"],"props":{"aliases":[...],"confidence":1.0,"id":"person:x",...}}   N lines
//	{"type":"MENTIONS","from":["Entity","doc:a"],"to":["Entity","person:x"],"props":{...}}           M lines
//	{"end":{"nodes":N,"relationships":M,"sha256":"hex of every byte above"}}
//
// Nodes are those of the classes of BackupClasses: every Entity (documents and every kind,
// with all their labels and properties), the redirects merges leave, the records of the
// fixture files loaded. A node is named by its class and key ["Entity", id]. Nodes come by
// class, then key; relationships by their start node (same order), type, end node and key,
// ties by their bytes; property keys sorted: the same graph gives the same bytes, and
// nothing but the header line depends on the Entente that wrote it. Not in a backup: the
// graph's version node (a restore makes a new one), and the bookkeeping of finished import
// runs and restores; a backup is refused while one is in progress.

// BackupFormat and BackupVersion name the format of the files Backup writes.
const (
	BackupFormat  = "entente-backup"
	BackupVersion = 1
)

// BackupClasses are the labels of the nodes a backup holds, each with the property that
// is its key, in the order the backup writes them. A node with several is of the first.
var BackupClasses = []struct{ Label, Key string }{
	{LabelEntity, "id"},
	{LabelRedirect, "id"},
	{LabelLoadedFixture, "sha256"},
	{LabelChange, "id"},
	{LabelMergeRecord, "id"},
	{LabelJudgement, "id"},
}

// LabelRestoreRun marks a restore in progress (restore.go).
const LabelRestoreRun = "RestoreRun"

// backupSkipped are the labels of nodes a backup leaves out (bookkeeping).
var backupSkipped = []string{LabelVersion, LabelImportRun, LabelImportUndo, LabelRestoreRun, LabelMeetingLock}

// backupSkippedProps are the properties a backup leaves out: the tags of import runs and restores.
var backupSkippedProps = []string{"_run", "_restore"}

// BackupStats says what a backup holds.
type BackupStats struct {
	Nodes         int
	Relationships int
	Bytes         int64 // compressed, as written
	Attempts      int   // reads of the graph: more than one when writes committed during one
}

// ErrBackupRaced is a backup during which a write committed: what it read may not agree.
var ErrBackupRaced = errors.New("the graph changed while it was read")

// BackupAttempts is how many times BackupFile reads the graph before it gives up on a
// graph that keeps changing.
const BackupAttempts = 5

// BackupFile writes a backup of the whole graph to path, through a temporary file in the
// same folder renamed at the end: path is complete or untouched. The graph is read in one
// read transaction; every write of Entente counts in the graph's version (version.go), so
// a backup during which the version changed is read again, BackupAttempts times at most.
// writer names the Entente that writes it, in the header.
func (s *Store) BackupFile(ctx context.Context, path, writer string) (BackupStats, error) {
	dir := filepath.Dir(path)
	for attempt := 1; ; attempt++ {
		tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
		if err != nil {
			return BackupStats{}, err
		}
		counter := &countWriter{w: tmp}
		stats, err := s.Backup(ctx, counter, writer)
		if err == nil {
			err = tmp.Sync()
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp.Name(), path)
		}
		if err != nil {
			os.Remove(tmp.Name())
		}
		stats.Attempts, stats.Bytes = attempt, counter.n
		if errors.Is(err, ErrBackupRaced) && attempt < BackupAttempts {
			s.log.Info().Int("attempt", attempt).Msg("backup: the graph changed while it was read; reading it again")
			continue
		}
		return stats, err
	}
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Backup writes a backup of the whole graph to w (see above), reading it in one read
// transaction that Neo4j streams (StreamFetch records at a time): the memory it holds
// does not grow with the graph. It fails with ErrBackupRaced when a write committed
// while it read, and refuses while an import run or a restore is in progress.
func (s *Store) Backup(ctx context.Context, w io.Writer, writer string) (BackupStats, error) {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return BackupStats{}, err
	}
	sum := sha256.New()
	out := bufio.NewWriterSize(io.MultiWriter(zw, sum), 1<<16)
	stats, err := s.backup(ctx, out, sum, writer)
	if err != nil {
		return stats, err
	}
	if err := zw.Close(); err != nil {
		return stats, err
	}
	return stats, nil
}

func (s *Store) backup(ctx context.Context, out *bufio.Writer, sum hash.Hash, writer string) (BackupStats, error) {
	var stats BackupStats
	defer metrics.TransactionBegan()()
	sess := s.streamSession(ctx)
	defer sess.Close(context.Background())
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return stats, classify(err)
	}
	defer tx.Close(context.Background())
	run := func(cypher string, params map[string]any, each func(*neo4j.Record) error) error {
		began := time.Now()
		defer func() { s.log.Debug().Dur("took", time.Since(began)).Str("cypher", cypher).Msg("backup statement") }()
		return s.streamRecords(ctx, tx, cypher, params, each)
	}
	classes := make([]string, len(BackupClasses))
	for i, c := range BackupClasses {
		classes[i] = c.Label
	}
	params := map[string]any{"classes": classes, "skipped": backupSkipped, "skippedProps": backupSkippedProps}
	version := func() (string, error) {
		v := ""
		err := run("OPTIONAL MATCH (v:"+LabelVersion+" {id: 'graph'}) RETURN coalesce(v.epoch + ':' + toString(v.count), 'none')", nil,
			func(r *neo4j.Record) error { v = str(r.Values[0]); return nil })
		return v, err
	}
	before, err := version()
	if err != nil {
		return stats, err
	}
	// Refusals: work in progress, and nodes the format does not know.
	var refusal error
	err = run(`
		CALL () { OPTIONAL MATCH (r:`+LabelImportRun+`) WHERE r.state <> 'committed' RETURN r.file AS file LIMIT 1 }
		CALL () { OPTIONAL MATCH (r:`+LabelRestoreRun+`) WHERE r.state <> 'committed' RETURN r.file AS restoring LIMIT 1 }
		CALL () { OPTIONAL MATCH (n) WHERE none(l IN labels(n) WHERE l IN $classes OR l IN $skipped)
			RETURN labels(n) AS unknown LIMIT 1 }
		RETURN file, restoring, unknown`, params, func(r *neo4j.Record) error {
		switch {
		case r.Values[0] != nil:
			refusal = fmt.Errorf("an import run (of %q) is in progress: back up once it has finished", str(r.Values[0]))
		case r.Values[1] != nil:
			refusal = fmt.Errorf("a restore (of %q) is in progress: back up once it has finished", str(r.Values[1]))
		case r.Values[2] != nil:
			refusal = fmt.Errorf("the graph holds a node with labels %v, which the backup format does not know: "+
				"add its label to graph.BackupClasses", strs(r.Values[2]))
		}
		return nil
	})
	if err != nil {
		return stats, err
	}
	if refusal != nil {
		return stats, &InputError{Msg: refusal.Error()}
	}
	var nodes, rels int
	err = run(`
		CALL () { MATCH (n) WHERE any(l IN labels(n) WHERE l IN $classes) RETURN count(n) AS nodes }
		CALL () { MATCH (n)-[r]->() WHERE any(l IN labels(n) WHERE l IN $classes) RETURN count(r) AS rels }
		RETURN nodes, rels`, params, func(r *neo4j.Record) error {
		n, _ := r.Values[0].(int64)
		e, _ := r.Values[1].(int64)
		nodes, rels = int(n), int(e)
		return nil
	})
	if err != nil {
		return stats, err
	}
	var line bytes.Buffer
	line.WriteString(`{"format":`)
	writeString(&line, BackupFormat)
	fmt.Fprintf(&line, `,"version":%d,"entente":`, BackupVersion)
	writeString(&line, writer)
	fmt.Fprintf(&line, `,"nodes":%d,"relationships":%d}`+"\n", nodes, rels)
	if _, err := out.Write(line.Bytes()); err != nil {
		return stats, err
	}
	// Nodes, by class and key.
	for i, c := range BackupClasses {
		mustKind(classes, c.Label)
		others := strings.Join(classes[:i], "|")
		where := "n." + c.Key + " IS NOT NULL"
		if others != "" {
			where += " AND NOT n:" + others
		}
		err := run(`MATCH (n:`+c.Label+`) WHERE `+where+` WITH n ORDER BY n.`+c.Key+`
			RETURN labels(n), properties(n)`, params, func(r *neo4j.Record) error {
			labels := strs(r.Values[0])
			sort.Strings(labels)
			props, _ := r.Values[1].(map[string]any)
			for _, p := range backupSkippedProps {
				delete(props, p)
			}
			line.Reset()
			line.WriteString(`{"labels":[`)
			for j, l := range labels {
				if j > 0 {
					line.WriteByte(',')
				}
				writeString(&line, l)
			}
			line.WriteString(`],"props":`)
			if err := encodeProps(&line, props); err != nil {
				return fmt.Errorf("node %s %v: %w", c.Label, props[c.Key], err)
			}
			line.WriteString("}\n")
			stats.Nodes++
			_, err := out.Write(line.Bytes())
			return err
		})
		if err != nil {
			return stats, err
		}
	}
	s.runs.mu.Lock()
	hook := s.runs.backupHook
	s.runs.backupHook = nil
	s.runs.mu.Unlock()
	if hook != nil {
		hook()
	}
	// Relationships, by start node (as the nodes), type, end node and key; ties by bytes.
	classOf := "CASE "
	keyOf := "CASE "
	for i, c := range BackupClasses {
		classOf += fmt.Sprintf("WHEN b:%s THEN %d ", c.Label, i)
		keyOf += fmt.Sprintf("WHEN b:%s THEN b.%s ", c.Label, c.Key)
	}
	classOf += "END"
	keyOf += "END"
	var group [][]byte
	var groupKey string
	flush := func() error {
		sort.Slice(group, func(i, j int) bool { return bytes.Compare(group[i], group[j]) < 0 })
		for _, l := range group {
			if _, err := out.Write(l); err != nil {
				return err
			}
		}
		group = group[:0]
		return nil
	}
	for i, c := range BackupClasses {
		others := strings.Join(classes[:i], "|")
		where := "a." + c.Key + " IS NOT NULL"
		if others != "" {
			where += " AND NOT a:" + others
		}
		err := run(`MATCH (a:`+c.Label+`) WHERE `+where+` WITH a ORDER BY a.`+c.Key+`
			CALL (a) {
				MATCH (a)-[r]->(b)
				WITH r, b, `+classOf+` AS bc, `+keyOf+` AS bk
				RETURN r, b, bc, bk ORDER BY type(r), bc, bk, r.key
			}
			RETURN a.`+c.Key+`, type(r), bc, bk, properties(r), labels(b)`, params, func(r *neo4j.Record) error {
			from, typ := str(r.Values[0]), str(r.Values[1])
			bc, ok := r.Values[2].(int64)
			to, _ := r.Values[3].(string)
			if !ok || to == "" {
				return fmt.Errorf("a %s relationship from %s %q ends at a node with labels %v, which has no key in the backup format",
					typ, c.Label, from, strs(r.Values[5]))
			}
			props, _ := r.Values[4].(map[string]any)
			line.Reset()
			line.WriteString(`{"type":`)
			writeString(&line, typ)
			line.WriteString(`,"from":[`)
			writeString(&line, c.Label)
			line.WriteByte(',')
			writeString(&line, from)
			line.WriteString(`],"to":[`)
			writeString(&line, BackupClasses[bc].Label)
			line.WriteByte(',')
			writeString(&line, to)
			line.WriteString(`],"props":`)
			if err := encodeProps(&line, props); err != nil {
				return fmt.Errorf("%s relationship from %q to %q: %w", typ, from, to, err)
			}
			line.WriteString("}\n")
			stats.Relationships++
			key := fmt.Sprintf("%s\x00%s\x00%d\x00%s\x00%v", from, typ, bc, to, props["key"])
			if key != groupKey {
				if err := flush(); err != nil {
					return err
				}
				groupKey = key
			}
			group = append(group, bytes.Clone(line.Bytes()))
			return nil
		})
		if err != nil {
			return stats, err
		}
		if err := flush(); err != nil {
			return stats, err
		}
		groupKey = ""
	}
	after, err := version()
	if err != nil {
		return stats, err
	}
	if err := classify(tx.Commit(ctx)); err != nil {
		return stats, err
	}
	if after != before {
		return stats, ErrBackupRaced
	}
	if stats.Nodes != nodes || stats.Relationships != rels {
		return stats, fmt.Errorf("%d nodes and %d relationships counted, %d and %d read: a node lacks its key (%v)",
			nodes, rels, stats.Nodes, stats.Relationships, BackupClasses)
	}
	if err := out.Flush(); err != nil {
		return stats, err
	}
	fmt.Fprintf(out, `{"end":{"nodes":%d,"relationships":%d,"sha256":"%s"}}`+"\n", nodes, rels, hex.EncodeToString(sum.Sum(nil)))
	return stats, out.Flush()
}
