package data

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// pgChannel is the PostgreSQL notification channel every client of a workspace announces its
// changes on, and listens to.
const pgChannel = "journeycanvas"

// How a client watches a PostgreSQL server: a connection that is lost (the server stopped, the
// network dropped) is noticed by its keep-alive within about pgKeepAlive+3×pgKeepAliveEvery,
// and is made again every pgRetryEvery until the server answers.
const (
	pgKeepAlive      = 5 * time.Second
	pgKeepAliveEvery = 2 * time.Second
	pgRetryEvery     = time.Second
)

// pgLive is what a PostgreSQL store shares with its connections and its listener: the token
// its own notifications carry (so that it does not take its own edits for others'), and
// whether the server can be reached.
type pgLive struct {
	token   string
	cfg     *pgx.ConnConfig // for the listener's own connection
	version atomic.Int64    // others' changes seen, and each loss or return of the server
	changed chan struct{}   // a value after each change of version (at most one waits)
	down    atomic.Pointer[error]
	losses  atomic.Int64  // the times the server was lost: a connection made before a loss is dropped
	ready   chan struct{} // closed once the listener first listens, or first failed to

	start sync.Once
	stop  context.CancelFunc
	done  chan struct{}
}

func newPGLive(cfg *pgx.ConnConfig) *pgLive {
	b := make([]byte, 8)
	rand.Read(b)
	return &pgLive{token: hex.EncodeToString(b), cfg: cfg, changed: make(chan struct{}, 1), ready: make(chan struct{})}
}

// errOffline is what a PostgreSQL store's statements give while its listener knows the server
// is out of reach: an edit is refused at once instead of waiting for a connection to time out.
var errOffline = errors.New("the connection to the server was lost; reconnecting")

// offline is the reason the server is out of reach, or nil when it answers.
func (l *pgLive) offline() error {
	if l == nil {
		return nil
	}
	if e := l.down.Load(); e != nil {
		return *e
	}
	return nil
}

// bump counts one more change and wakes whoever waits on changed.
func (l *pgLive) bump() {
	l.version.Add(1)
	select {
	case l.changed <- struct{}{}:
	default:
	}
}

// listen starts, once, the goroutine that keeps a connection LISTENing to the workspace's
// channel: it counts others' notifications, and the server's losses and returns. The first
// call returns once the listener listens (or could not connect), so that no change made after
// it goes unheard.
func (l *pgLive) listen() {
	l.start.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		l.stop, l.done = cancel, make(chan struct{})
		go l.run(ctx)
		<-l.ready
	})
}

// isReady closes ready, once.
func (l *pgLive) isReady() {
	select {
	case <-l.ready:
	default:
		close(l.ready)
	}
}

func (l *pgLive) run(ctx context.Context) {
	defer close(l.done)
	cfg := l.cfg.Copy()
	d := &net.Dialer{KeepAliveConfig: net.KeepAliveConfig{Enable: true, Idle: pgKeepAlive,
		Interval: pgKeepAliveEvery, Count: 3}, Timeout: cfg.ConnectTimeout}
	cfg.DialFunc = d.DialContext
	for ctx.Err() == nil {
		err := l.session(ctx, cfg)
		if ctx.Err() != nil {
			return
		}
		if l.offline() == nil {
			err = fmt.Errorf("%w: %v", ErrUnreachable, err)
			l.losses.Add(1)
			l.down.Store(&err)
			l.bump()
		}
		l.isReady()
		select {
		case <-ctx.Done():
			return
		case <-time.After(pgRetryEvery):
		}
	}
}

// session connects, listens, and reads notifications until the connection fails.
func (l *pgLive) session(ctx context.Context, cfg *pgx.ConnConfig) error {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+pgChannel); err != nil {
		return err
	}
	l.isReady()
	if l.offline() != nil {
		l.down.Store(nil)
		l.bump() // back: what others did meanwhile is read again
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if n.Payload != l.token {
			l.bump()
		}
	}
}

// close stops the listener, if it was started, and waits for it.
func (l *pgLive) close() {
	if l == nil {
		return
	}
	l.start.Do(func() { l.isReady() }) // never start after this
	if l.stop != nil {
		l.stop()
		<-l.done
	}
}

// Changes gives a value soon after another window or program changed the workspace, and when
// a server's connection is lost or made again: a window waits on it between its looks at
// DataVersion. It is nil for a file (whose data version is cheap to poll).
func (s *Store) Changes() <-chan struct{} {
	if s.live == nil {
		return nil
	}
	s.live.listen()
	return s.live.changed
}

// Remote reports whether the workspace is on a server (PostgreSQL), where each statement is a
// round trip over the network, rather than in a file.
func (s *Store) Remote() bool { return s.pg }

// Reachable is nil while the workspace's server answers, and ErrUnreachable with the reason
// while the connection is lost (a file is always reachable). Edits are then refused at once;
// the store reconnects by itself, and Changes tells when.
func (s *Store) Reachable() error {
	return s.live.offline()
}
