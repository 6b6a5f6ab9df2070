package graph_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/entente/entente/fixtures"
	"github.com/entente/entente/graph"
	"github.com/entente/entente/graph/graphtest"
)

// BenchmarkImport imports a generated fixture of a few thousand nodes and edges into an
// emptied database, then again (the idempotent re-import), and reports entities/s.
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		f := generate(n)
		entities := len(f.Documents) + len(f.Nodes) + len(f.Edges)
		b.Run(fmt.Sprintf("fresh/%d", n), func(b *testing.B) {
			store := graphtest.Open(b)
			ctx := context.Background()
			var busy time.Duration
			for b.Loop() {
				b.StopTimer()
				if err := store.DeleteAll(ctx); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				began := time.Now()
				if _, err := store.Import(ctx, f, nil); err != nil {
					b.Fatal(err)
				}
				busy += time.Since(began)
			}
			b.ReportMetric(float64(entities*b.N)/busy.Seconds(), "entities/s")
		})
		b.Run(fmt.Sprintf("again/%d", n), func(b *testing.B) {
			store := graphtest.Open(b)
			ctx := context.Background()
			if _, err := store.Import(ctx, f, nil); err != nil {
				b.Fatal(err)
			}
			began := time.Now()
			for b.Loop() {
				if _, err := store.Import(ctx, f, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(entities*b.N)/time.Since(began).Seconds(), "entities/s")
		})
	}
}

// generate builds a valid fixture of one document, n nodes (organisations and people,
// alternately) and n edges: each person AFFILIATED_WITH the organisation before it, each
// organisation MEMBER_OF the next one. Every node is mentioned in the document, and every
// node and edge has a confidence, as the extractor writes them.
func generate(n int) *fixtures.Fixture {
	f := &fixtures.Fixture{
		Format:    fixtures.Format,
		Documents: []fixtures.Document{{ID: "doc:gen", Title: "Generated", Language: "en", File: "gen.txt"}},
	}
	orgs := (n + 1) / 2
	org := func(k int) string { return fmt.Sprintf("org:%d", k%orgs) }
	src := func(at int, text string) []fixtures.Source {
		return []fixtures.Source{{Document: "doc:gen", Start: at, End: at + len(text), Text: text}}
	}
	conf := func(i int) *float64 {
		c := 0.5 + float64(i%5)/10
		return &c
	}
	for i := range n {
		at := i * 40
		if i%2 == 0 {
			name := fmt.Sprintf("Organization %d", i/2)
			f.Nodes = append(f.Nodes, fixtures.Node{ID: org(i / 2), Kind: fixtures.KindOrganization, Name: name,
				Aliases: []string{fmt.Sprintf("Org %d", i/2)}, Sources: src(at, name), Confidence: conf(i)})
			if orgs > 1 {
				f.Edges = append(f.Edges, fixtures.Edge{Kind: fixtures.EdgeMemberOf, From: org(i / 2), To: org(i/2 + 1),
					Sources: src(at, name), Confidence: conf(i + 1)})
			}
			continue
		}
		id, name := fmt.Sprintf("person:%d", i/2), fmt.Sprintf("Person %d", i/2)
		title := "Director"
		f.Nodes = append(f.Nodes, fixtures.Node{ID: id, Kind: fixtures.KindPerson, Name: name,
			Properties: map[string]any{"title": title}, Sources: src(at, name), Confidence: conf(i)})
		f.Edges = append(f.Edges, fixtures.Edge{Kind: fixtures.EdgeAffiliatedWith, From: id, To: org(i / 2),
			Properties: map[string]any{"title": title}, Sources: src(at, name), Confidence: conf(i + 2)})
	}
	return f
}

// BenchmarkImportAliases imports one node with n aliases into an emptied database
// (fresh), then the same node with n aliases of which half are new (merge): the union
// and the aliasText must cost time linear in n.
func BenchmarkImportAliases(b *testing.B) {
	for _, n := range []int{50_000, 200_000} {
		first, second := aliasFixture(0, n), aliasFixture(n/2, n)
		for _, merge := range []bool{false, true} {
			name := fmt.Sprintf("fresh/%d", n)
			if merge {
				name = fmt.Sprintf("merge/%d", n)
			}
			b.Run(name, func(b *testing.B) {
				store := graphtest.Open(b)
				ctx := context.Background()
				var busy time.Duration
				for b.Loop() {
					b.StopTimer()
					if err := store.DeleteAll(ctx); err != nil {
						b.Fatal(err)
					}
					if merge {
						if _, err := store.Import(ctx, first, nil); err != nil {
							b.Fatal(err)
						}
					}
					b.StartTimer()
					f := first
					if merge {
						f = second
					}
					began := time.Now()
					if _, err := store.Import(ctx, f, nil); err != nil {
						b.Fatal(err)
					}
					busy += time.Since(began)
				}
				b.ReportMetric(float64(n*b.N)/busy.Seconds(), "aliases/s")
			})
		}
	}
}

// aliasFixture is one document naming one organisation known by n aliases, from the
// from-th on.
func aliasFixture(from, n int) *fixtures.Fixture {
	const name = "Hub Organization"
	node := fixtures.Node{ID: "org:hub", Kind: fixtures.KindOrganization, Name: name,
		Sources: []fixtures.Source{{Document: "doc:hub", Start: 0, End: len(name), Text: name}}}
	for i := from; i < from+n; i++ {
		node.Aliases = append(node.Aliases, fmt.Sprintf("Hub alias number %d", i))
	}
	return &fixtures.Fixture{
		Format:    fixtures.Format,
		Documents: []fixtures.Document{{ID: "doc:hub", Title: "Hub", Language: "en", File: "hub.txt"}},
		Nodes:     []fixtures.Node{node},
	}
}

// BenchmarkMergeAliases merges a node known by n aliases into another known by n (half of
// them the same): the union of their aliases and reference sources, and of the spans on
// their MENTIONS, must cost time linear in n.
func BenchmarkMergeAliases(b *testing.B) {
	for _, n := range []int{5_000, 20_000, 80_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			store := graphtest.Open(b)
			ctx := context.Background()
			var busy time.Duration
			for b.Loop() {
				b.StopTimer()
				if err := store.DeleteAll(ctx); err != nil {
					b.Fatal(err)
				}
				f := aliasFixture(0, n)
				other := aliasFixture(n/2, n).Nodes[0]
				other.ID, other.Name = "org:other", "Other Organization"
				f.Nodes = append(f.Nodes, other)
				if _, err := store.Import(ctx, f, nil); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				began := time.Now()
				if _, err := store.MergeNodes(ctx, "org:hub", "org:other"); err != nil {
					b.Fatal(err)
				}
				busy += time.Since(began)
			}
			b.ReportMetric(float64(n*b.N)/busy.Seconds(), "aliases/s")
			b.ReportMetric(busy.Seconds()/float64(b.N), "s/merge")
		})
	}
}

// BenchmarkImportFile imports each fixture file named in ENTENTE_BENCH_FILES (separated
// by spaces; `entente synth --nodes 30000 --file-nodes 30000 --out DIR` writes one file
// owning 30,000 nodes) into an emptied database, read as entente load reads it (whole, or
// piece by piece past fixtures.StreamBytes), and reports the most memory Neo4j's
// transactions held (SHOW TRANSACTIONS, sampled every 50 ms), the Go heap in use at its
// peak (the file read and parsed included), and entities per second.
func BenchmarkImportFile(b *testing.B) {
	files := strings.Fields(os.Getenv("ENTENTE_BENCH_FILES"))
	if len(files) == 0 {
		b.Skip("ENTENTE_BENCH_FILES names no fixture file")
	}
	for _, file := range files {
		b.Run(filepath.Base(file), func(b *testing.B) {
			store := graphtest.Open(b)
			c := graphtest.Config(b)
			driver, err := neo4j.NewDriverWithContext(c.URI, neo4j.NoAuth())
			if err != nil {
				b.Fatal(err)
			}
			defer driver.Close(context.Background())
			ctx := context.Background()
			var txPeak, heapPeak uint64
			var busy time.Duration
			entities := 0
			for b.Loop() {
				b.StopTimer()
				if err := store.DeleteAll(ctx); err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				stop := make(chan struct{})
				sampled := make(chan struct{})
				go func() {
					defer close(sampled)
					var m runtime.MemStats
					for {
						runtime.ReadMemStats(&m)
						heapPeak = max(heapPeak, m.HeapInuse)
						res, err := neo4j.ExecuteQuery(ctx, driver, "SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory "+
							"RETURN max(estimatedUsedHeapMemory)", nil, neo4j.EagerResultTransformer)
						if err == nil && len(res.Records) > 0 {
							if n, ok := res.Records[0].Values[0].(int64); ok {
								txPeak = max(txPeak, uint64(n))
							}
						}
						select {
						case <-stop:
							return
						case <-time.After(50 * time.Millisecond):
						}
					}
				}()
				b.StartTimer()
				began := time.Now()
				var st graph.ImportStats
				info, err := os.Stat(file)
				if err != nil {
					b.Fatal(err)
				}
				if info.Size() > fixtures.StreamBytes { // as entente load reads it
					large, serr := fixtures.Scan(file)
					if serr != nil {
						b.Fatal(serr)
					}
					st, err = store.ImportParts(ctx, large, "", file, nil)
				} else {
					f, rerr := fixtures.Read(file)
					if rerr != nil {
						b.Fatal(rerr)
					}
					st, err = store.ImportFile(ctx, f, "", file, nil)
				}
				busy += time.Since(began)
				close(stop)
				<-sampled
				if err != nil {
					b.Fatal(err)
				}
				entities = st.Documents + st.Nodes + st.Edges
			}
			b.ReportMetric(float64(txPeak)/(1<<20), "neo4j-tx-MiB")
			b.ReportMetric(float64(heapPeak)/(1<<20), "go-heap-MiB")
			b.ReportMetric(float64(entities*b.N)/busy.Seconds(), "entities/s")
		})
	}
}
