package extract

import (
	"runtime"
	"testing"
)

// BenchmarkExtract measures throughput on the own test documents: MB/s of wall time
// (b.SetBytes) and, on Unix, MB/cpu-s of process CPU time (user + system, all threads,
// GC included), which a busy machine does not distort.
func BenchmarkExtract(b *testing.B) {
	raw := corpus(b, 64<<10)
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	n := 0
	for b.Loop() {
		if _, err := x.Extract("bench.txt", raw); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n*len(raw))/1e6/cpu, "MB/cpu-s")
	}
}

// TestMemoryDoesNotGrow extracts the same document many times and checks that the heap
// after the run is not larger than after the first extractions: nothing is kept between
// documents.
func TestMemoryDoesNotGrow(t *testing.T) {
	raw := corpus(t, 16<<10)
	x, _ := New()
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for i := 0; i < 20; i++ {
		x.Extract("a.txt", raw)
	}
	before := heap()
	for i := 0; i < 300; i++ {
		x.Extract("a.txt", raw)
	}
	after := heap()
	if after > before+2<<20 {
		t.Errorf("heap grew from %d to %d bytes over 300 documents", before, after)
	}
}
