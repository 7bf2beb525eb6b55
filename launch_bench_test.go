package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"journeycanvas/canvas/geometry/testmaps"
	"journeycanvas/data"
)

// BenchmarkLaunch1000 starts the real app on a workspace holding a map of 1,000 cards over
// 12 stages and 6 lanes, in an X display (make bench runs under Xvfb), and measures how long
// until its window is on screen (budget 1.5 s) and its resident memory once the board is
// built and painted (budget 300 MB).
func BenchmarkLaunch1000(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Skip("needs an X display: xvfb-run go test -bench Launch1000 .")
	}
	if _, err := exec.LookPath("xdotool"); err != nil {
		b.Skip("needs xdotool")
	}
	dir := b.TempDir()
	ws := filepath.Join(dir, "big.journey")
	s, err := data.Open(ws, data.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.CreateMap(testmaps.Big(1000, 12, 6)); err != nil {
		b.Fatal(err)
	}
	s.Close()
	var shown time.Duration
	var rss int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		home := b.TempDir()
		cmd := exec.Command(binPath, ws)
		cmd.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"),
			"XDG_CONFIG_HOME="+filepath.Join(home, "config"), "LANG=en_US.UTF-8")
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		for {
			found, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Journey Canvas").Output()
			if len(strings.TrimSpace(string(found))) > 0 {
				break
			}
			if time.Since(start) > 20*time.Second {
				cmd.Process.Kill()
				cmd.Wait()
				b.Fatalf("the window did not appear in 20 s:\n%s", out.String())
			}
			time.Sleep(5 * time.Millisecond)
		}
		shown += time.Since(start)
		b.StopTimer()
		time.Sleep(2 * time.Second) // the board is built and painted
		rss = max(rss, residentKB(cmd.Process.Pid))
		cmd.Process.Kill()
		cmd.Wait()
		b.StartTimer()
	}
	b.ReportMetric(float64(shown.Milliseconds())/float64(b.N), "ms-to-window")
	b.ReportMetric(float64(rss)/1024, "MB-resident")
}

// residentKB reads VmRSS of a process from /proc.
func residentKB(pid int) int {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	return 0
}
