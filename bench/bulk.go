package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/metrics"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/rs/zerolog"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/bulk"
	"github.com/entente/entente/graph/localdb"
	"github.com/entente/entente/loaders/synth"
)

// Import paths of -import.
const (
	importIncremental = "incremental" // graph.Store.Import, one transaction per file, into a running Neo4j
	importBulk        = "bulk"        // graph/bulk: neo4j-admin into the stopped, empty database, then the post-pass
)

// BulkTimes splits the time of a bulk import (seconds).
type BulkTimes struct {
	Plan        float64 `json:"plan"`         // reading, validating and planning the fixtures
	CSV         float64 `json:"csv"`          // writing the CSV
	Admin       float64 `json:"neo4j_admin"`  // neo4j-admin database import
	ServerStart float64 `json:"server_start"` // starting Neo4j on the database (not counted: the incremental path has it started)
	Schema      float64 `json:"schema"`       // EnsureSchema: constraints, indexes and the full-text index built over the data
	PostPass    float64 `json:"post_pass"`    // graph.Store.FinishBulk
	CSVBytes    int64   `json:"csv_bytes"`
	Merges      int     `json:"meeting_merges"`
	Replayed    int     `json:"replayed_rows"`
	// With -post-pass-merges, the post-pass ran only its first steps (PostPassMerges merges):
	// PostPass is then their time scaled to all the merges, and the graph is incomplete.
	PostPassMerges int  `json:"post_pass_merges_run,omitempty"`
	Estimated      bool `json:"post_pass_estimated,omitempty"`
}

// heapSampler records the largest live Go heap until stopped.
type heapSampler struct {
	peak atomic.Uint64
	stop chan struct{}
	done chan struct{}
}

func sampleHeap() *heapSampler {
	h := &heapSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(h.done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > h.peak.Load() {
				h.peak.Store(v)
			}
			select {
			case <-h.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return h
}

// Stop ends the sampling and returns the peak in MB.
func (h *heapSampler) Stop() float64 {
	close(h.stop)
	<-h.done
	return round(float64(h.peak.Load()) / (1 << 20))
}

// childCPU is the CPU seconds of the children this process has waited for.
func childCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// loadBulk fills the empty home with the fixtures of dir by the bulk path, starts Neo4j
// on it, makes the schema and runs the post-pass: what `entente load` does with an empty
// local database. The import's time runs from reading the first fixture to the graph
// queryable with its indexes, the server's start-up apart.
func loadBulk(ctx context.Context, log zerolog.Logger, f flags, home, dir string, st synth.Stats) (ImportResult, *localdb.Server, *graph.Store, error) {
	files, err := fixtures.Files(dir)
	if err != nil {
		return ImportResult{}, nil, nil, err
	}
	res := ImportResult{Path: importBulk, Files: len(files), FixtureBytes: st.Bytes, Nodes: st.Nodes, Edges: st.Edges, NodeRows: st.NodeRows}
	heap := sampleHeap()
	cpu0, child0 := cpuSeconds(os.Getpid()), childCPU()
	began := time.Now()
	br, err := bulk.Load(ctx, bulk.Options{LibDir: f.lib, Home: home, Heap: "1g", TempDir: filepath.Dir(home), Actor: "cli:load", Log: log}, files)
	if err != nil {
		heap.Stop()
		return res, nil, nil, err
	}
	loaded := time.Since(began)
	res.PeakHeapMB = heap.Stop()
	res.PeakRSSMB = round(procStatusMB(os.Getpid(), "VmHWM"))
	res.LoaderCPUSecs = round(cpuSeconds(os.Getpid()) - cpu0)
	adminCPU := childCPU() - child0
	bt := &BulkTimes{Plan: round(br.Read.Seconds()), CSV: round(br.Write.Seconds()), Admin: round(br.Admin.Seconds()),
		CSVBytes: br.CSVBytes, Merges: br.Plan.Merges, Replayed: br.Plan.Replayed}
	started := time.Now()
	db, err := localdb.Start(ctx, localdb.Options{LibDir: f.lib, Home: home, Heap: f.heap, PageCache: f.pagecache, Log: log})
	if err != nil {
		return res, nil, nil, err
	}
	bt.ServerStart = round(time.Since(started).Seconds())
	neo4jPID := findPID(home + "\x00--config-dir")
	db0 := cpuSeconds(neo4jPID)
	store, err := graph.Open(ctx, graph.Config{URI: db.URI}, log.Level(zerolog.WarnLevel))
	if err != nil {
		db.Stop(context.Background())
		return res, nil, nil, err
	}
	fail := func(err error) (ImportResult, *localdb.Server, *graph.Store, error) {
		store.Close(context.Background())
		db.Stop(context.Background())
		return res, nil, nil, err
	}
	schema := time.Now()
	if err := store.EnsureSchema(ctx); err != nil {
		return fail(err)
	}
	bt.Schema = round(time.Since(schema).Seconds())
	post := time.Now()
	steps, merges := br.Steps, 0
	if f.postPassMerges > 0 {
		for i, s := range steps {
			if merges += len(s.Merges); merges >= f.postPassMerges {
				steps = steps[:i+1]
				break
			}
		}
	}
	if err := store.FinishBulk(graph.WithActor(ctx, "cli:load"), steps, br.LoadedFiles); err != nil {
		return fail(err)
	}
	postSecs := time.Since(post).Seconds()
	if len(steps) < len(br.Steps) && merges > 0 {
		bt.PostPassMerges, bt.Estimated = merges, true
		postSecs *= float64(br.Plan.Merges) / float64(merges)
		log.Warn().Int("merges_run", merges).Int("merges", br.Plan.Merges).Float64("post_pass_estimate_s", round(postSecs)).
			Msg("-post-pass-merges: the post-pass ran in part; its time is scaled to all the merges and the graph is incomplete")
	}
	bt.PostPass = round(postSecs)
	res.Seconds = loaded.Seconds() + (post.Sub(schema)).Seconds() + postSecs
	res.Neo4jCPUSecs = round(adminCPU + cpuSeconds(neo4jPID) - db0)
	if res.Neo4jCPUSecs > 0 {
		res.PerNeo4jCPU = round(float64(st.Nodes+st.Edges) / res.Neo4jCPUSecs)
	}
	res.Documents = br.Sum.Documents
	res.Rows = br.Sum.Documents + br.Sum.Nodes + br.Sum.Edges
	res.EntitiesPerSec = round(float64(st.Nodes+st.Edges) / res.Seconds)
	res.RowsPerSec = round(float64(res.Rows) / res.Seconds)
	res.FileHeapMB = largestFileHeap(files)
	res.Bulk = bt
	res.DBNodes, res.DBRels, err = store.Counts(ctx)
	if err != nil {
		return fail(err)
	}
	return res, db, store, nil
}

// writeImport writes the import's result alone (-import-only) to out/import-PATH-NODES.json.
func writeImport(out string, nodes int, started time.Time, m Machine, imp ImportResult) (string, error) {
	b, err := json.MarshalIndent(struct {
		Started time.Time    `json:"started"`
		Machine Machine      `json:"machine"`
		Import  ImportResult `json:"import"`
	}{started, m, imp}, "", "  ")
	if err != nil {
		return "", err
	}
	path := filepath.Join(out, fmt.Sprintf("import-%s-%d.json", imp.Path, nodes))
	return path, os.WriteFile(path, append(b, '\n'), 0o644)
}
