package localdb

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/rs/zerolog"
)

// libDir is where `make neo4j` puts the jars, from this package's folder.
const libDir = "../../.neo4j/lib"

func TestStartWritesConfigAnswersBoltAndStopsCleanly(t *testing.T) {
	if jars, _ := filepath.Glob(filepath.Join(libDir, "neo4j-*.jar")); len(jars) == 0 {
		if os.Getenv("ENTENTE_REQUIRE_NEO4J") == "1" {
			t.Fatal("no Neo4j jars in .neo4j/lib: run make neo4j")
		}
		t.Skip("no Neo4j jars in .neo4j/lib: run make neo4j")
	}
	home := t.TempDir()
	srv, err := Start(context.Background(), Options{LibDir: libDir, Home: home, Heap: "256m", PageCache: "64m", Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	conf, _ := os.ReadFile(filepath.Join(home, "conf", "neo4j.conf"))
	for _, want := range []string{"server.memory.heap.max_size=256m", "server.memory.pagecache.size=64m", "server.bolt.listen_address=127.0.0.1:"} {
		if !strings.Contains(string(conf), want) {
			t.Errorf("neo4j.conf lacks %q", want)
		}
	}
	if !strings.HasPrefix(srv.URI, "bolt://127.0.0.1:") {
		t.Errorf("URI %q", srv.URI)
	}
	pid := srv.cmd.Process.Pid
	if err := srv.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, 0); err == nil {
		t.Errorf("Neo4j (pid %d) still runs after Stop", pid)
	}
}

func TestStartWithoutJarsSaysWhatToRun(t *testing.T) {
	_, err := Start(context.Background(), Options{LibDir: t.TempDir(), Home: t.TempDir(), Log: zerolog.Nop()})
	if err == nil || !strings.Contains(err.Error(), "make neo4j") {
		t.Errorf("error %v, want one naming `make neo4j`", err)
	}
}
