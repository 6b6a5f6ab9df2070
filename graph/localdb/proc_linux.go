package localdb

import "syscall"

// sysProcAttr puts Neo4j in its own process group, so that Ctrl-C reaches Entente first
// and Entente stops Neo4j in order, and makes the kernel stop Neo4j if Entente dies.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
