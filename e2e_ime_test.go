package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"journeycanvas/canvas/geometry"
	"journeycanvas/data"
)

// TestE2EVietnameseIME types Telex into a new card's title through a real input method from
// Debian, fcitx5 with its Unikey engine, over XIM (XMODIFIERS=@im=fcitx), in the locale of a
// Debian machine (C.UTF-8): "Vieetj Nam" must arrive as "Việt Nam". Backspaces are typed in
// the middle of each word (while the engine composes it) and after a committed space: each
// takes exactly one letter, none eats a letter already committed.
//
// Without the patched GLFW (third_party/glfw) the title came out "ViệtNam": GLFW 3.3 reported
// the Backspaces that Unikey took for the word being composed as keys too, and each deleted
// the space before that word in the field.
func TestE2EVietnameseIME(t *testing.T) {
	needDisplay(t)
	for _, tool := range []string{"fcitx5", "fcitx5-remote", "dbus-daemon"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing (make deps installs it): %v", tool, err)
			}
			t.Skipf("%s is missing", tool)
		}
	}
	home := t.TempDir()
	conf := filepath.Join(home, ".config", "fcitx5")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		t.Fatal(err)
	}
	profile := "[Groups/0]\nName=Default\nDefault Layout=us\nDefaultIM=unikey\n\n" +
		"[Groups/0/Items/0]\nName=keyboard-us\nLayout=\n\n[Groups/0/Items/1]\nName=unikey\nLayout=\n\n[GroupOrder]\n0=Default\n"
	os.WriteFile(filepath.Join(conf, "profile"), []byte(profile), 0o644)
	os.WriteFile(filepath.Join(conf, "config"), []byte("[Behavior]\nActiveByDefault=True\nShareInputState=All\n"), 0o644)

	// A session bus of its own, and fcitx5 on it. The bus starts no service on demand: with
	// Debian's session configuration, the first fcitx5-remote below, asked before our fcitx5
	// owned its name, had the bus start a second fcitx5 (org.fcitx.Fcitx5.service) in the
	// bus's own environment, with root's profile and no Unikey. When that one won the display's
	// XIM server, every key reached the window untouched ("Vieett Nam"): the failure seen on CI.
	busConf := filepath.Join(home, "bus.conf")
	os.WriteFile(busConf, []byte(`<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=`+home+`</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`), 0o644)
	bus := exec.Command("dbus-daemon", "--config-file="+busConf, "--nofork", "--print-address=1")
	bus.Env = append(os.Environ(), "HOME="+home)
	pipe, _ := bus.StdoutPipe()
	if err := bus.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bus.Process.Kill(); bus.Wait() })
	addr, err := bufio.NewReader(pipe).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	imEnv := append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"DBUS_SESSION_BUS_ADDRESS="+strings.TrimSpace(addr))
	var imLog lockedLog
	im := exec.Command("fcitx5", "-r")
	im.Env, im.Stdout, im.Stderr = imEnv, &imLog, &imLog
	if err := im.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { im.Process.Kill(); im.Wait() })
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(300 * time.Millisecond) {
		q := exec.Command("fcitx5-remote", "-n")
		q.Env = imEnv
		if out, _ := q.Output(); strings.TrimSpace(string(out)) == "unikey" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("fcitx5 did not start with Unikey:\n%s", imLog.String())
		}
	}

	// fcitx5 names Unikey before its XIM server is announced on the display; an app started
	// before the announcement opens no input method and types plain keys.
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		out, _ := exec.Command("xprop", "-root", "XIM_SERVERS").Output()
		if strings.Contains(string(out), "@server=fcitx") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("fcitx5 did not announce its XIM server (xprop -root XIM_SERVERS: %s):\n%s", out, imLog.String())
		}
	}
	ws, id, m := makeWorkspace(t, data.SampleMap("vi"))
	lay := geometry.Compute(m, geometry.Options{Theme: "light"})
	cell := lay.Cell(m.Stages[1].ID, m.Lanes[2].ID) // Cân nhắc × Suy nghĩ, empty
	t.Setenv("XMODIFIERS", "@im=fcitx")
	app := startAppIn(t, home, "C.UTF-8", ws)
	img := screenshot(t, "ime-0-start.png")
	ox, oy := boardOrigin(t, img, lay, m.Stages[0].Colour)
	// Telex, one key at a time as a person types; capitals with Shift held.
	keys := []string{"Shift+v", "i", "e", "e", "t", "j", "BackSpace", "t", "space",
		"Shift+n", "a", "m", "BackSpace", "m", "space", "BackSpace"}
	// typeIn adds a card to an empty cell with a double-click and types the keys into its title,
	// then reads back what the workspace holds in that cell.
	typeIn := func(cell *geometry.CellBox, shot string) []string {
		app.xdo("mousemove", fmt.Sprint(int(ox+cell.Rect.X+cell.Rect.W/2)), fmt.Sprint(int(oy+cell.Rect.Y+cell.Rect.H/2)))
		time.Sleep(400 * time.Millisecond)
		app.xdo("click", "--repeat", "2", "--delay", "80", "1") // a new card, its title open
		time.Sleep(600 * time.Millisecond)
		// The title field's input context must be focused and active in fcitx5 (state 2)
		// before the first key, or the keys go past the engine.
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			q := exec.Command("fcitx5-remote")
			q.Env = imEnv
			out, _ := q.Output()
			if strings.TrimSpace(string(out)) == "2" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("fcitx5 has no active input context in the window (fcitx5-remote: %q):\n%s", out, imLog.String())
			}
		}
		// fcitx5 loads the Unikey engine when an input context first needs it; keys that
		// arrive while it loads pass through untouched.
		for deadline := time.Now().Add(15 * time.Second); !strings.Contains(imLog.String(), "Loaded addon unikey"); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("fcitx5 did not load Unikey:\n%s", imLog.String())
			}
		}
		time.Sleep(300 * time.Millisecond)
		for _, k := range keys {
			if letter, ok := strings.CutPrefix(k, "Shift+"); ok {
				app.xdo("keydown", "Shift_L")
				time.Sleep(100 * time.Millisecond)
				app.xdo("key", letter)
				time.Sleep(100 * time.Millisecond)
				app.xdo("keyup", "Shift_L")
			} else {
				app.xdo("key", k)
			}
			time.Sleep(150 * time.Millisecond)
		}
		screenshot(t, shot)
		app.xdo("key", "Return")
		time.Sleep(700 * time.Millisecond)
		got := mapIn(t, ws, id)
		var titles []string
		for _, c := range got.CellCards(cell.StageID, cell.LaneID) {
			titles = append(titles, c.Title)
		}
		return titles
	}
	titles := typeIn(cell, "ime-1-typed.png")
	app.quit()
	if len(titles) != 1 || titles[0] != "Việt Nam" {
		t.Fatalf("the new card's title is %q, want \"Việt Nam\" (keys %v)\nfcitx5:\n%s", titles, keys, imLog.String())
	}
}

// lockedLog collects a program's output, to be read while the program still writes it.
type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
