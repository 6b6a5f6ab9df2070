package localdb

import (
	"os"
	"path/filepath"
	"syscall"
)

// InUse says whether a process holds the store lock of the home's databases: its server
// runs. Neo4j takes a POSIX record lock (FileChannel.tryLock) on data/databases/store_lock
// and on each database's database_lock.
func InUse(home string) bool {
	for _, p := range []string{filepath.Join(home, "data", "databases", "store_lock"),
		filepath.Join(home, "data", "databases", Database, "database_lock")} {
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: 0, Start: 0, Len: 0}
		err = syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk)
		f.Close()
		if err == nil && lk.Type != syscall.F_UNLCK {
			return true
		}
	}
	return false
}
