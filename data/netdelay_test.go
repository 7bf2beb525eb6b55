package data

import (
	"fmt"
	"io"
	"net"
	"net/url"
	"testing"
	"time"
)

// delayProxy listens on a loopback TCP port and forwards every connection to the PostgreSQL
// server's socket in folder host, each byte delayed by oneWay in each direction: a server as far
// away as a hosted one (2×oneWay round trip). It returns the proxy's address.
func delayProxy(tb testing.TB, host string, oneWay time.Duration) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("unix", host+"/.s.PGSQL.5432")
			if err != nil {
				c.Close()
				continue
			}
			go delayCopy(s, c, oneWay)
			go delayCopy(c, s, oneWay)
		}
	}()
	return ln.Addr().String()
}

// delayCopy copies src to dst, each chunk written oneWay after it was read.
func delayCopy(dst, src net.Conn, oneWay time.Duration) {
	type chunk struct {
		at time.Time
		b  []byte
	}
	q := make(chan chunk, 1024)
	go func() {
		defer dst.Close()
		for c := range q {
			time.Sleep(time.Until(c.at))
			if _, err := dst.Write(c.b); err != nil {
				return
			}
		}
	}()
	buf := make([]byte, 64<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			q <- chunk{time.Now().Add(oneWay), append([]byte(nil), buf[:n]...)}
		}
		if err != nil {
			if err != io.EOF {
				src.Close()
			}
			close(q)
			return
		}
	}
}

// BenchmarkEditAcrossNetwork is what a window does for one edit of a card's field (EditCard,
// then reading that card back) with the server 20 ms away (a round trip through a delaying
// proxy), as a hosted server in another region would be; round-trips/edit is the time over the
// round trip, which is what a nearer or farther server multiplies.
func BenchmarkEditAcrossNetwork(b *testing.B) {
	if !onPostgres() {
		b.Skip("a file is on this machine")
	}
	const oneWay = 10 * time.Millisecond
	u, err := url.Parse(newWorkspace(b))
	if err != nil {
		b.Fatal(err)
	}
	addr := delayProxy(b, u.Query().Get("host"), oneWay)
	s, err := Open(fmt.Sprintf("postgres://postgres@%s%s?sslmode=disable", addr, u.Path), OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		b.Fatal(err)
	}
	m, _ := s.LoadMap(id)
	cid := m.Cards[0].ID
	i := 0
	for b.Loop() {
		i++
		if err := s.EditCard(id, cid, func(c *Card) { c.Notes = fmt.Sprint("lần ", i) }); err != nil {
			b.Fatal(err)
		}
		if _, err := s.LoadCard(id, cid); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(2*oneWay), "round-trips/edit")
}
