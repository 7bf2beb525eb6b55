package canvas

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"journeycanvas/data"
)

// One app, many windows. The first process to run the app listens on a loopback port and
// writes the port and a random token into a file only the user can read (instanceFile); a
// later start (a .journey double-clicked in the file manager while the app runs) sends its
// file to that port and exits, and the running app opens the file in a window of its own.
// A loopback port rather than a Unix socket or a named pipe: the one mechanism works alike
// on Linux, macOS, Windows and wine. Without the token, another local user could not open
// windows in this user's app.

// instanceFileName is the file, in data.RuntimeDir, naming the running app's port and token.
const instanceFileName = "instance"

// handOverWait bounds how long a start waits for the running app to take its file; past it
// (an app that hangs, a port now used by another program) the start runs as an app of its own.
const handOverWait = 3 * time.Second

// instanceFile is the path of the file naming the running app.
func instanceFile() (string, error) {
	dir, err := data.RuntimeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, instanceFileName), nil
}

// handOver asks the app already running for this user to open path in a window of its own.
// It returns true when that app took it: this process then has nothing left to do.
func handOver(path string) bool {
	file, err := instanceFile()
	if err != nil {
		return false
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return false
	}
	addr, token, ok := strings.Cut(strings.TrimSpace(string(b)), " ")
	if !ok || !strings.HasPrefix(addr, "127.0.0.1:") {
		return false
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	conn, err := net.DialTimeout("tcp", addr, handOverWait)
	if err != nil {
		return false // no app running: its file is stale
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(handOverWait))
	if _, err := fmt.Fprintf(conn, "%s\t%s\n", token, path); err != nil {
		return false
	}
	reply, err := bufio.NewReader(conn).ReadString('\n')
	return err == nil && reply == "ok\n"
}

// instanceServer is the running app's end: it takes files from later starts.
type instanceServer struct {
	ln    net.Listener
	file  string
	token string
}

// serveInstance makes this process the running app: later starts hand their files to open,
// which is called on the listener's goroutine (open must hand UI work to fyne.Do). It returns
// nil when the folder or the port cannot be had: the app then simply runs on its own.
func serveInstance(open func(path string)) *instanceServer {
	file, err := instanceFile()
	if err != nil {
		return nil
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil
	}
	raw := make([]byte, 16)
	rand.Read(raw)
	s := &instanceServer{ln: ln, file: file, token: hex.EncodeToString(raw)}
	tmp := file + fmt.Sprintf(".%d", os.Getpid())
	if err := os.WriteFile(tmp, []byte(ln.Addr().String()+" "+s.token+"\n"), 0o600); err != nil {
		ln.Close()
		return nil
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		ln.Close()
		return nil
	}
	go s.serve(open)
	return s
}

func (s *instanceServer) serve(open func(path string)) {
	for {
		conn, err := s.ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil {
			continue
		}
		go s.take(conn, open)
	}
}

// take reads one request: the token, a tab, an absolute path, a newline.
func (s *instanceServer) take(conn net.Conn, open func(path string)) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(handOverWait))
	line, err := bufio.NewReader(io.LimitReader(conn, 64<<10)).ReadString('\n')
	if err != nil {
		return
	}
	token, path, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
	if !ok || token != s.token || !filepath.IsAbs(path) {
		return
	}
	open(path)
	io.WriteString(conn, "ok\n")
}

// close stops taking files and removes the instance file, unless a later app has since
// written its own there.
func (s *instanceServer) close() {
	if s == nil {
		return
	}
	s.ln.Close()
	if b, err := os.ReadFile(s.file); err == nil && strings.Contains(string(b), s.token) {
		os.Remove(s.file)
	}
}
