package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"journeycanvas/data"
)

// TestE2EOpenInRunningApp is a .journey opened from the file manager while the app runs: a
// second process started on another file hands it to the running app and exits at once, and
// the running app shows that file in a window of its own (its window, by its process id).
func TestE2EOpenInRunningApp(t *testing.T) {
	needDisplay(t)
	home := t.TempDir()
	first, _, _ := makeWorkspace(t, data.SampleMap("en"))
	dir := filepath.Join(t.TempDir(), "Bản đồ của Hương")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	second := filepath.Join(dir, "Khách hàng mới.journey")
	m := data.SampleMap("vi")
	m.Title = "Hành trình thứ hai"
	s, err := data.Open(second, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateMap(m); err != nil {
		t.Fatal(err)
	}
	s.Close()

	app := startAppIn(t, home, "en_US.UTF-8", first)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binPath, "Khách hàng mới.journey") // relative, from its folder
	cmd.Dir = dir
	cmd.Env = app.cmd.Env
	started := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the second start: %v\n%s", err, out)
	}
	t.Logf("the second start handed its file over and exited in %v", time.Since(started).Round(time.Millisecond))
	win, err := findWindow("Hành trình thứ hai — Khách hàng mới.journey — Journey Canvas", 10*time.Second)
	if err != nil {
		t.Fatalf("no window on the second file: %v\n%s", err, app.out.String())
	}
	pid, err := exec.Command("xdotool", "getwindowpid", win).Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(pid)); got != strconv.Itoa(app.cmd.Process.Pid) {
		t.Fatalf("the second file's window belongs to process %s, not to the running app %d", got, app.cmd.Process.Pid)
	}
	// The first window is still on its own file.
	if _, err := findWindow(data.SampleMap("en").Title+" — e2e.journey — Journey Canvas", time.Second); err != nil {
		t.Fatalf("the first window left its file: %v", err)
	}
	time.Sleep(time.Second)
	screenshot(t, "instance-two-windows.png")
	app.quit()
}

// findWindow waits for a visible window whose title is name and returns its id. The titles
// are compared here, not by xdotool's pattern, which does not match Vietnamese letters.
func findWindow(name string, wait time.Duration) (string, error) {
	var seen []string
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Journey Canvas").Output()
		seen = seen[:0]
		for _, w := range strings.Fields(string(out)) {
			title, err := exec.Command("xdotool", "getwindowname", w).Output()
			if err != nil {
				continue
			}
			got := strings.TrimSpace(string(title))
			if got == name {
				return w, nil
			}
			seen = append(seen, got)
		}
	}
	return "", fmt.Errorf("no window %q in %v (windows: %q)", name, wait, seen)
}
