package data

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Two clients (two stores, each with its own connection) edit different cards of one map at the
// same time: every edit of both is kept, and each client's undo takes back only its own.
func TestTwoClientsEditDifferentCardsAtOnce(t *testing.T) {
	s1, where := openTemp(t)
	s1.SetAuthor("Lan", "w1")
	s2, err := Open(where, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	s2.SetAuthor("Minh", "w2")
	id, err := s1.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s1.LoadMap(id)
	const edits = 40
	var wg sync.WaitGroup
	errs := make(chan error, 2*edits)
	for i, s := range []*Store{s1, s2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := m.Cards[i]
			for k := range edits {
				c.Notes = fmt.Sprintf("%s lần %d", s.author, k)
				if err := s.UpdateCard(c); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, _ := s2.LoadMap(id)
	if a, b := got.Card(m.Cards[0].ID).Notes, got.Card(m.Cards[1].ID).Notes; a != fmt.Sprintf("Lan lần %d", edits-1) || b != fmt.Sprintf("Minh lần %d", edits-1) {
		t.Fatalf("after both clients' edits: %q, %q", a, b)
	}
	// Lan's undo takes back her last edit only.
	if _, ok, err := s1.Undo(id); !ok || err != nil {
		t.Fatalf("undo: %v %v", ok, err)
	}
	got, _ = s2.LoadMap(id)
	if a, b := got.Card(m.Cards[0].ID).Notes, got.Card(m.Cards[1].ID).Notes; a != fmt.Sprintf("Lan lần %d", edits-2) || b != fmt.Sprintf("Minh lần %d", edits-1) {
		t.Fatalf("after Lan's undo: %q, %q", a, b)
	}
}

// Two programs edit one workspace at once (adding cards, undoing and redoing their own adds,
// moving cards) and are then killed with SIGKILL: every edit either acknowledged is there, and
// every cell's cards are numbered 0, 1, 2… without gaps or repeats.
func TestTwoProcessesEditAtOnce(t *testing.T) {
	s, where := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	type child struct {
		cmd   *exec.Cmd
		lines chan string
	}
	var children []child
	for i, who := range []string{"Lan", "Minh"} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "JC_CRASH_FILE="+where, "JC_CRASH_START="+strconv.Itoa(i*1_000_000), "JC_CRASH_AUTHOR="+who)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		c := child{cmd, make(chan string, 100000)}
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				c.lines <- sc.Text()
			}
			close(c.lines)
		}()
		children = append(children, c)
	}
	time.Sleep(1500 * time.Millisecond)
	for _, c := range children {
		c.cmd.Process.Signal(syscall.SIGKILL)
		c.cmd.Wait()
	}
	acked := map[string]bool{}
	for i, c := range children {
		n := 0
		for l := range c.lines {
			if strings.HasPrefix(l, "error") {
				t.Fatalf("child %d: %s", i, l)
			}
			if v, ok := strings.CutPrefix(l, "ack "); ok {
				acked["edit "+v] = true
				n++
			}
		}
		if n < 5 {
			t.Fatalf("child %d acknowledged only %d edits: it hardly ran", i, n)
		}
	}
	st, err := Open(where, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := st.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	cells := map[[2]int64]int{}
	for _, c := range m.Cards {
		have[c.Title] = true
		cell := [2]int64{c.StageID, c.LaneID}
		if c.Position != cells[cell] {
			t.Fatalf("card %q at position %d, expected %d", c.Title, c.Position, cells[cell])
		}
		cells[cell]++
	}
	for e := range acked {
		if !have[e] {
			t.Fatalf("acknowledged %s is missing", e)
		}
	}
	t.Logf("%d acknowledged edits from two programs at once, all present", len(acked))
}
