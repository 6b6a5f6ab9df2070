package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// Stats counts what was written.
type Stats struct {
	Files, Documents, Nodes, Edges int
	NodeRows                       int   // node entries in the files, copies of shared nodes included
	Bytes                          int64 // size of all files
}

// FileName is the name of file f in the output folder; names sort in generation order.
func FileName(f int) string { return fmt.Sprintf("synth-%05d.json", f) }

// Write generates every file into dir (created if missing), a few at a time, and calls
// progress (if not nil) after each file. Memory holds at most one file per CPU.
func (g *Generator) Write(dir string, progress func(done, total int)) (Stats, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	var (
		mu    sync.Mutex
		st    = Stats{Files: g.files, Nodes: g.o.Nodes}
		first error
		done  int
		next  = make(chan int)
		wg    sync.WaitGroup
	)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				fx := g.Fixture(f)
				n, err := writeFile(filepath.Join(dir, FileName(f)), fx)
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				st.Documents += len(fx.Documents)
				st.Edges += len(fx.Edges)
				st.NodeRows += len(fx.Nodes)
				st.Bytes += n
				done++
				if progress != nil {
					progress(done, g.files)
				}
				mu.Unlock()
			}
		}()
	}
	for f := range g.files {
		next <- f
	}
	close(next)
	wg.Wait()
	return st, first
}

// writeFile writes a fixture as compact JSON (the importer reads either form) and returns its size.
func writeFile(path string, fx any) (int64, error) {
	out, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(out, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(fx); err != nil {
		out.Close()
		return 0, err
	}
	if err := w.Flush(); err != nil {
		out.Close()
		return 0, err
	}
	st, err := out.Stat()
	if err != nil {
		out.Close()
		return 0, err
	}
	return st.Size(), out.Close()
}
