//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package export

import "time"

// cpuTime is not measured here; the benchmarks then report 0 cpu-ms/op.
func cpuTime() time.Duration { return 0 }
