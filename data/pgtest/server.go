package pgtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is one private PostgreSQL server: its folder (which holds its data and its socket),
// and its process while it runs. The package's shared server is one; a test that must stop and
// start a server (to see what clients do while it is gone) has one of its own (Own).
type Server struct {
	dir    string // the folder, also the socket's
	bin    string // initdb's and postgres's folder
	cred   *syscall.Credential
	proc   *exec.Cmd
	exited chan struct{}
}

// Own starts a server of the test's own, stopped and removed when the test ends. It skips the
// test when no server can run here, or fails it when CI=true.
func Own(t testing.TB) *Server {
	t.Helper()
	s := &Server{}
	err := s.init()
	if err == nil {
		err = s.Start()
	}
	t.Cleanup(func() {
		s.Stop()
		if s.dir != "" {
			os.RemoveAll(s.dir)
		}
	})
	if err != nil {
		Unavailable(t, err)
	}
	return s
}

// URL is the connection URL of database db as role, through the server's socket.
func (s *Server) URL(role, db string) string {
	return "postgres://" + role + "@/" + db + "?host=" + s.dir + "&sslmode=disable"
}

// DB creates a fresh, empty database on the server and returns its URL (as the superuser).
func (s *Server) DB(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("jc_%d_%d", os.Getpid(), nextDB.Add(1))
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, s.URL(Superuser, "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE DATABASE `+name+` TEMPLATE template0 ENCODING 'UTF8'`); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	return s.URL(Superuser, name)
}

// init makes the server's folder and its database cluster (initdb). PostgreSQL refuses to run
// as root: as root, the server runs as the postgres user, who owns the folder.
func (s *Server) init() error {
	bin, err := binDir()
	if err != nil {
		return err
	}
	s.bin = bin
	d, err := os.MkdirTemp("", "jc-pg-")
	if err != nil {
		return fmt.Errorf("make the server's folder: %w", err)
	}
	s.dir = d
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("running as root, the server must run as the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(d, uid, gid); err != nil {
			return fmt.Errorf("give %s to the postgres user: %w", d, err)
		}
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", filepath.Join(d, "data"), "-U", Superuser,
		"--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
	initdb.Dir = d
	initdb.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %v: %s", err, lastLines(string(out), 5))
	}
	// Members of PasswordGroup give their password; every other role is trusted (the first
	// line that matches decides).
	hba := filepath.Join(d, "data", "pg_hba.conf")
	conf, err := os.ReadFile(hba)
	if err != nil {
		return fmt.Errorf("read %s: %w", hba, err)
	}
	if err := os.WriteFile(hba, append([]byte("local all +"+PasswordGroup+" scram-sha-256\n"), conf...), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", hba, err)
	}
	return nil
}

// Start runs the server (again, after Stop) on its socket, without a TCP port, and waits until
// it accepts connections.
func (s *Server) Start() error {
	logPath := filepath.Join(s.dir, "server.log")
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	if s.cred != nil {
		os.Chown(logPath, int(s.cred.Uid), int(s.cred.Gid))
	}
	srv := exec.Command(filepath.Join(s.bin, "postgres"), "-D", filepath.Join(s.dir, "data"), "-k", s.dir,
		"-c", "listen_addresses=", "-c", "max_connections=200", "-c", "shared_buffers=32MB")
	srv.Dir = s.dir
	srv.Stdout, srv.Stderr = logf, logf
	// The server goes when the tests go, even when they are killed.
	srv.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred, Pdeathsig: syscall.SIGINT, Setpgid: true}
	if err := srv.Start(); err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	s.proc, s.exited = srv, make(chan struct{})
	exited := s.exited
	go func() { srv.Wait(); close(exited) }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn, err := pgx.Connect(ctx, s.URL(Superuser, "postgres"))
		cancel()
		if err == nil {
			conn.Close(context.Background())
			return nil
		}
		select {
		case <-exited:
			b, _ := os.ReadFile(logPath)
			s.proc = nil
			return fmt.Errorf("postgres stopped at start: %s", lastLines(string(b), 5))
		default:
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(logPath)
			return fmt.Errorf("postgres did not accept connections within 30 s: %v: %s", err, lastLines(string(b), 5))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Stop shuts the server down fast (its clients are cut off) and waits until it is gone.
func (s *Server) Stop() {
	if s.proc == nil {
		return
	}
	s.proc.Process.Signal(syscall.SIGINT)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		s.proc.Process.Kill()
		<-s.exited
	}
	s.proc = nil
}
