//go:build !linux

package localdb

import "syscall"

// sysProcAttr puts Neo4j in its own process group, so that Ctrl-C reaches Entente first.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
