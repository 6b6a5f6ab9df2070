package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Targets of the issue.
const (
	targetImport   = 50000 // nodes+edges per second
	targetP50Ratio = 1.3   // Entente p50 / driver p50
	targetRPSRatio = 2.0   // Entente throughput / peer throughput
	targetNbP99    = 50.0  // ms, depth-2 neighbourhood at 1M nodes
	targetPathP99  = 200.0 // ms, shortest path at 1M nodes
	targetRSS      = 200.0 // MB, Entente's server at 32 clients
	largeGraph     = 1000000
	heapGrowth     = 1.25 // largest heap over the whole import / over its first tenth
)

func (r *Results) cell(system, op string, clients int) *Cell {
	for i := range r.Cells {
		c := &r.Cells[i]
		if c.System == system && c.Op == op && c.Clients == clients && c.Requests > 0 {
			return c
		}
	}
	return nil
}

func verdict(ok bool) *bool { return &ok }

// by says how a measure compares with its target, e.g. "1.12x (target 1.3x): met by 14%".
func by(value, target float64, lowerIsBetter bool) string {
	if lowerIsBetter {
		if value <= target {
			return fmt.Sprintf("met with %.0f%% to spare", 100*(target-value)/target)
		}
		return fmt.Sprintf("missed by %.0f%%", 100*(value-target)/target)
	}
	if value >= target {
		return fmt.Sprintf("met with %.0f%% to spare", 100*(value-target)/target)
	}
	return fmt.Sprintf("missed by %.0f%%", 100*(target-value)/target)
}

// evaluate marks each target of the issue met or not, and by how much.
func (r *Results) evaluate() {
	imp := r.Import
	r.Targets = append(r.Targets, Target{
		Target: "import at least 50k nodes+edges per second", Met: verdict(imp.EntitiesPerSec >= targetImport),
		Measure: fmt.Sprintf("%.0f/s (%d nodes + %d edges in %.1f s; %.0f fixture rows/s): %s",
			imp.EntitiesPerSec, imp.Nodes, imp.Edges, imp.Seconds, imp.RowsPerSec, by(imp.EntitiesPerSec, targetImport, false)),
	})
	if imp.EarlyHeapMB == 0 && imp.PeakHeapMB > 0 {
		r.Targets = append(r.Targets, Target{Target: "loader memory does not grow with the input",
			Measure: fmt.Sprintf("peak live heap %.0f MB over %d files (this run has no sample over its first files to compare with)", imp.PeakHeapMB, imp.Files)})
	}
	if imp.EarlyHeapMB > 0 {
		r.Targets = append(r.Targets, Target{
			Target: "loader memory does not grow with the input", Met: verdict(imp.PeakHeapMB <= heapGrowth*imp.EarlyHeapMB+8),
			Measure: fmt.Sprintf("peak live heap %.0f MB over the first tenth of the %d files, %.0f MB over all of them (one decoded file: %.0f MB); files are read one ahead",
				imp.EarlyHeapMB, imp.Files, imp.PeakHeapMB, imp.FileHeapMB),
		})
	}
	maxC := slices.Max(r.Clients)
	for _, op := range r.Ops {
		var parts []string
		ok, any := true, false
		for _, c := range r.Clients {
			e, d := r.cell("entente", op.Name, c), r.cell("driver", op.Name, c)
			if e == nil || d == nil || d.P50ms == 0 {
				continue
			}
			any = true
			ratio := e.P50ms / d.P50ms
			if c == r.Clients[0] {
				ok = ratio <= targetP50Ratio
			}
			parts = append(parts, fmt.Sprintf("%d clients %.2fx", c, ratio))
		}
		if any {
			t := Target{Target: "Entente p50 within 1.3x of the driver: " + op.Name, Met: verdict(ok),
				Measure: strings.Join(parts, ", ") + " (verdict at " + fmt.Sprint(r.Clients[0]) + " client)"}
			if e, d := r.cell("entente", op.Name, r.Clients[0]), r.cell("driver", op.Name, r.Clients[0]); e != nil && d != nil {
				t.Measure += fmt.Sprintf(": %s; Entente adds %.2f ms to the driver's %.2f ms (HTTP, GraphQL, JSON)",
					by(e.P50ms/d.P50ms, targetP50Ratio, true), e.P50ms-d.P50ms, d.P50ms)
			}
			r.Targets = append(r.Targets, t)
		}
	}
	for _, op := range r.Ops {
		var parts []string
		bestE, bestP := 0.0, 0.0
		for _, c := range r.Clients {
			e, p := r.cell("entente", op.Name, c), r.cell("peer", op.Name, c)
			if e == nil || p == nil || p.Throughput == 0 {
				continue
			}
			bestE, bestP = max(bestE, e.Throughput), max(bestP, p.Throughput)
			parts = append(parts, fmt.Sprintf("%d clients %.2fx", c, e.Throughput/p.Throughput))
		}
		if bestP > 0 {
			ratio := bestE / bestP
			m := fmt.Sprintf("best %.0f vs %.0f req/s = %.2fx: %s (%s)", bestE, bestP, ratio, by(ratio, targetRPSRatio, false), strings.Join(parts, ", "))
			if e, p := r.cell("entente", op.Name, maxC), r.cell("peer", op.Name, maxC); e != nil && p != nil && e.ServerCPU+e.Neo4jCPU > 0 {
				cpuE, cpuP := e.ServerCPU+e.Neo4jCPU, p.ServerCPU+p.Neo4jCPU
				m += fmt.Sprintf("; CPU per request (server + Neo4j) at %d clients: %.2f vs %.2f ms, a capacity ratio of %.2fx", maxC, cpuE, cpuP, cpuP/cpuE)
			}
			r.Targets = append(r.Targets, Target{Target: "throughput at least 2x @neo4j/graphql: " + op.Name, Met: verdict(ratio >= targetRPSRatio), Measure: m})
		}
	}
	for _, t := range []struct {
		op     string
		limit  float64
		target string
	}{{"neighbourhood", targetNbP99, "depth-2 neighbourhood p99 under 50 ms at 1M nodes"}, {"shortestPath", targetPathP99, "shortest path p99 under 200 ms at 1M nodes"}} {
		e := r.cell("entente", t.op, r.Clients[0])
		if e == nil {
			continue
		}
		m := fmt.Sprintf("p99 %.1f ms at %d nodes, %d client", e.P99ms, r.Nodes, r.Clients[0])
		if r.Nodes < largeGraph {
			r.Targets = append(r.Targets, Target{Target: t.target, Measure: m + ": not a 1M-node run (see results-1m)"})
			continue
		}
		r.Targets = append(r.Targets, Target{Target: t.target, Met: verdict(e.P99ms < t.limit), Measure: m + ": " + by(e.P99ms, t.limit, true)})
	}
	rss := 0.0
	for _, c := range r.Cells {
		if c.System == "entente" && c.Clients == maxC {
			rss = max(rss, c.ServerRSS)
		}
	}
	switch {
	case rss > 0 && maxC >= 32:
		r.Targets = append(r.Targets, Target{Target: "Entente server under 200 MB RSS at 32 clients", Met: verdict(rss < targetRSS),
			Measure: fmt.Sprintf("largest RSS %.0f MB over the %d-client cells: %s", rss, maxC, by(rss, targetRSS, true))})
	case rss > 0:
		r.Targets = append(r.Targets, Target{Target: "Entente server under 200 MB RSS at 32 clients",
			Measure: fmt.Sprintf("not a 32-client run: largest RSS %.0f MB at %d clients", rss, maxC)})
	}
}

// write saves results.json and results.md (or the given base name) into dir.
func (r *Results) write(dir, name string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, name+".json"), append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name+".md"), []byte(r.markdown()), 0o644)
}

func (r *Results) markdown() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	m := r.Machine
	p("# Entente benchmark: %d nodes\n\n", r.Nodes)
	p("Written by `go run ./bench` (`make bench`). How it measures and what the numbers show: [docs/performance.md](../../docs/performance.md).\n\n")
	p("`go run ./bench -nodes %d -seed %d` (`make bench`), %s to %s UTC. Each cell: %.1f s warm-up, then %.1f s measured, closed-loop clients on loopback; one pool of %s arguments per operation, the same for every system.\n\n",
		r.Nodes, r.Seed, r.Started.Format("2006-01-02 15:04"), r.Finished.Format("15:04"), r.Warmup, r.Duration, "500")
	p("| machine | |\n|---|---|\n| CPU | %s, %d cores (shared by Neo4j, the server under test and the load generator) |\n| memory | %.0f GB |\n| kernel | %s |\n| load average at start | %s |\n| Neo4j | %s, heap %s, page cache %s |\n| Go | %s |\n| Java | %s |\n| Node.js | %s (%s) |\n\n",
		m.CPU, m.Cores, m.MemoryGB, m.Kernel, m.LoadAvg, m.Neo4j, r.Heap, r.PageCache, m.Go, m.Java, m.Node, m.PeerVersion)

	p("## Targets\n\n| target | verdict | measured |\n|---|---|---|\n")
	for _, t := range r.Targets {
		v := "not measured"
		if t.Met != nil {
			v = map[bool]string{true: "**met**", false: "**not met**"}[*t.Met]
		}
		p("| %s | %s | %s |\n", t.Target, v, t.Measure)
	}

	i := r.Import
	p("\n## Import\n\n| | |\n|---|---|\n| graph | %d nodes, %d edges (%d documents) in %d fixture files, %.0f MB |\n| fixture rows sent | %d (node rows %d: hubs repeat in every file that uses them) |\n| generation | %.1f s |\n| import | %.1f s: **%.0f nodes+edges/s**, %.0f rows/s |\n| in Neo4j | %d nodes, %d relationships (documents and MENTIONS included) |\n| loader memory | peak live heap %.0f MB, peak RSS %.0f MB; one file read takes %.0f MB |\n| CPU | Neo4j %.1f s (%.0f nodes+edges per Neo4j CPU second), loader %.1f s |\n\n",
		i.Nodes, i.Edges, i.Documents, i.Files, float64(i.FixtureBytes)/(1<<20), i.Rows, i.NodeRows, i.GenerateSecs,
		i.Seconds, i.EntitiesPerSec, i.RowsPerSec, i.DBNodes, i.DBRels, i.PeakHeapMB, i.PeakRSSMB, i.FileHeapMB,
		i.Neo4jCPUSecs, i.PerNeo4jCPU, i.LoaderCPUSecs)

	p("## Operations\n\nLatency in ms, throughput in requests per second. *E/D p50*: Entente's p50 over the driver's (target ≤ 1.3). *E/P rps*: Entente's throughput over @neo4j/graphql's (target ≥ 2).\n\n")
	p("| operation | clients | Entente p50 | p99 | req/s | driver p50 | p99 | req/s | peer p50 | p99 | req/s | E/D p50 | E/P rps | Entente RSS MB | peer RSS MB |\n")
	p("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, op := range r.Ops {
		for _, c := range r.Clients {
			e, d, pe := r.cell("entente", op.Name, c), r.cell("driver", op.Name, c), r.cell("peer", op.Name, c)
			cols := func(x *Cell) string {
				if x == nil {
					return "– | – | –"
				}
				return fmt.Sprintf("%.2f | %.2f | %.0f", x.P50ms, x.P99ms, x.Throughput)
			}
			ed, ep := "–", "–"
			if e != nil && d != nil {
				ed = fmt.Sprintf("%.2f", e.P50ms/d.P50ms)
			}
			if e != nil && pe != nil {
				ep = fmt.Sprintf("%.2f", e.Throughput/pe.Throughput)
			}
			rss := func(x *Cell) string {
				if x == nil || x.ServerRSS == 0 {
					return "–"
				}
				return fmt.Sprintf("%.0f", x.ServerRSS)
			}
			p("| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n", op.Name, c, cols(e), cols(d), cols(pe), ed, ep, rss(e), rss(pe))
		}
	}
	errs := 0
	for _, c := range r.Cells {
		errs += c.Errors
	}
	if errs > 0 {
		p("\n**%d requests failed**; they are not counted above:\n\n", errs)
		for _, c := range r.Cells {
			if c.Errors > 0 {
				p("- %s %s at %d clients: %d errors, first: `%.200s`\n", c.System, c.Op, c.Clients, c.Errors, strings.ReplaceAll(c.FirstError, "\n", " "))
			}
		}
	}
	p("\n### CPU per request\n\nMilliseconds of CPU per request, over whole cells: unlike latency, this does not depend on what else the machine runs. *server*: the GraphQL server process; *Neo4j*: the database, for that system's queries.\n\n")
	p("| operation | clients | Entente server | Entente's Neo4j | driver's Neo4j | peer server | peer's Neo4j |\n|---|--:|--:|--:|--:|--:|--:|\n")
	for _, op := range r.Ops {
		for _, c := range r.Clients {
			e, d, pe := r.cell("entente", op.Name, c), r.cell("driver", op.Name, c), r.cell("peer", op.Name, c)
			f := func(x *Cell, server bool) string {
				if x == nil {
					return "–"
				}
				if server {
					return fmt.Sprintf("%.2f", x.ServerCPU)
				}
				return fmt.Sprintf("%.2f", x.Neo4jCPU)
			}
			p("| %s | %d | %s | %s | %s | %s | %s |\n", op.Name, c, f(e, true), f(e, false), f(d, false), f(pe, true), f(pe, false))
		}
	}
	p("\n## What each operation asks\n\n")
	for _, op := range r.Ops {
		p("### %s\n\n%s.\n\nEntente:\n\n```graphql\n%s\n```\n\n@neo4j/graphql:\n\n```graphql\n%s\n```\n\n", op.Name, op.About, op.Entente, op.Peer)
	}
	p("The driver's Cypher for each operation is in `bench/ops.go`; the peer's type definitions in `bench/peer/typeDefs.graphql`.\n")
	if len(r.Profiles) > 0 {
		p("\n## CPU profiles of Entente's server (pprof, %d clients)\n\n", r.Profiles[0].Clients)
		for _, pr := range r.Profiles {
			p("<details><summary>%s</summary>\n\n```\n%s\n```\n\n</details>\n\n", pr.Op, pr.Top)
		}
	}
	return b.String()
}
