//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package export

import (
	"syscall"
	"time"
)

// cpuTime is the processor time (user and system, every thread) the process has used: unlike
// the wall clock, other programs running on the machine hardly change it.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
