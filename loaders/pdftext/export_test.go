package pdftext

// SetMaxOutput sets the most one run of a program may write, for a test, and returns
// what restores it.
func SetMaxOutput(n int) (restore func()) {
	old := maxOutput
	maxOutput = n
	return func() { maxOutput = old }
}
