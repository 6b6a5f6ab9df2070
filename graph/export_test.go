package graph

import "time"

// SetImportChunk makes s import a file of more than rows rows as an import run of
// transactions of at most rows rows.
func SetImportChunk(s *Store, rows int) {
	s.runs.mu.Lock()
	defer s.runs.mu.Unlock()
	s.runs.chunk, s.runs.single = rows, rows
}

// KillImportAfter stops s's next import run after chunks chunk transactions, without
// undo, leaving it unfinished as a SIGKILL of its process would.
func KillImportAfter(s *Store, chunks int) {
	s.runs.mu.Lock()
	defer s.runs.mu.Unlock()
	s.runs.killAfter = chunks
}

// SetImportStale sets how long an unfinished run that s does not own must be silent
// before RecoverImports undoes it (0: at once).
func SetImportStale(s *Store, d time.Duration) {
	s.runs.mu.Lock()
	defer s.runs.mu.Unlock()
	s.runs.stale = d
}

// ErrKilled is what an import run stopped by KillImportAfter returns.
var ErrKilled = errKilled

// SetRestoreBatch makes s restore a backup in transactions of at most lines lines.
func SetRestoreBatch(s *Store, lines int) {
	s.runs.mu.Lock()
	defer s.runs.mu.Unlock()
	s.runs.restoreBatch = lines
}

// KillRestoreAfter stops s's next restore after batches write transactions, without
// undo, leaving it unfinished as a SIGKILL of its process would.
func KillRestoreAfter(s *Store, batches int) {
	s.runs.mu.Lock()
	defer s.runs.mu.Unlock()
	s.runs.restoreKillAfter = batches
}

// OnNextBackup makes s's next backup call f once, between reading nodes and relationships.
func OnNextBackup(s *Store, f func()) {
	s.runs.mu.Lock()
	defer s.runs.mu.Unlock()
	s.runs.backupHook = f
}
