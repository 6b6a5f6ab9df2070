//go:build !unix

package extract

// cpuSeconds is not measured here: the benchmark reports wall-time MB/s only.
func cpuSeconds() float64 { return 0 }
