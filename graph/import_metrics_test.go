package graph_test

import (
	"testing"

	dto "github.com/prometheus/client_model/go"

	"github.com/entente/entente/graph"
	"github.com/entente/entente/metrics"
)

// counted is the sum of the samples of the metric family name whose labels include want.
func counted(t *testing.T, name string, want map[string]string) float64 {
	t.Helper()
	families, err := metrics.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
	next:
		for _, m := range f.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			for k, v := range want {
				if labels[k] != v {
					continue next
				}
			}
			sum += value(m)
		}
	}
	return sum
}

func value(m *dto.Metric) float64 {
	switch {
	case m.Counter != nil:
		return m.Counter.GetValue()
	case m.Gauge != nil:
		return m.Gauge.GetValue()
	case m.Histogram != nil:
		return float64(m.Histogram.GetSampleCount())
	}
	return 0
}

// TestImportsAreCountedInMetrics imports one file in one transaction and one as an import
// run, and checks the files, runs, rows and statements counted.
func TestImportsAreCountedInMetrics(t *testing.T) {
	store, ctx := open(t)
	type counts struct{ files, runs, docs, nodes, edges, created, writes float64 }
	now := func() counts {
		return counts{
			files:   counted(t, "entente_import_files_total", map[string]string{"outcome": "committed"}),
			runs:    counted(t, "entente_import_runs_total", map[string]string{"outcome": "committed"}),
			docs:    counted(t, "entente_import_rows_total", map[string]string{"kind": "document"}),
			nodes:   counted(t, "entente_import_rows_total", map[string]string{"kind": "node"}),
			edges:   counted(t, "entente_import_rows_total", map[string]string{"kind": "edge"}),
			created: counted(t, "entente_import_created_total", nil),
			writes:  counted(t, "entente_neo4j_statement_duration_seconds", map[string]string{"mode": "write", "outcome": "ok"}),
		}
	}
	before := now()
	st, err := store.Import(ctx, read(t, fixtureA), nil)
	if err != nil {
		t.Fatal(err)
	}
	graph.SetImportChunk(store, 150)
	run, err := store.Import(ctx, runFile(), nil)
	if err != nil {
		t.Fatal(err)
	}
	after := now()
	want := counts{files: 2, runs: 1, docs: float64(st.Documents + run.Documents), nodes: float64(st.Nodes + run.Nodes),
		edges: float64(st.Edges + run.Edges), created: float64(st.Created + run.Created)}
	got := counts{files: after.files - before.files, runs: after.runs - before.runs, docs: after.docs - before.docs,
		nodes: after.nodes - before.nodes, edges: after.edges - before.edges, created: after.created - before.created}
	if got != want {
		t.Errorf("import metrics went up by %+v, want %+v", got, want)
	}
	if want.nodes < 1000 || want.created == 0 {
		t.Errorf("the imports wrote too little to tell: %+v", want)
	}
	if after.writes-before.writes < 10 {
		t.Errorf("write statements went up by %v, want one per batch at least", after.writes-before.writes)
	}
	if inFlight := counted(t, "entente_neo4j_transactions_in_flight", nil); inFlight != 0 {
		t.Errorf("%v transactions still counted in flight after the imports", inFlight)
	}
}
