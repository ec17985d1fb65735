// Package mailtest is a tiny SMTP server for tests: it accepts mail on a
// local port and records each message, so that tests check what the
// tracker sent without any outside server.
package mailtest

import (
	"bufio"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// Message is one mail received.
type Message struct {
	From string
	To   []string
	Data string // headers and body, as sent (dot-unstuffed)
}

// Server records the messages it receives.
type Server struct {
	Addr string
	// FailFirst makes the first n DATA commands fail with a temporary
	// error, to exercise retries.
	FailFirst int

	mu   sync.Mutex
	msgs []Message
	ln   net.Listener
	got  chan struct{}
}

// Start listens on 127.0.0.1 until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), ln: ln, got: make(chan struct{}, 100)}
	go s.serve()
	t.Cleanup(func() { ln.Close() })
	return s
}

// Messages returns the messages received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Wait waits until n messages have arrived or d has passed, and returns
// those received.
func (s *Server) Wait(n int, d time.Duration) []Message {
	deadline := time.After(d)
	for len(s.Messages()) < n {
		select {
		case <-s.got:
		case <-deadline:
			return s.Messages()
		}
	}
	return s.Messages()
}

func (s *Server) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.session(c)
	}
}

// session speaks just enough SMTP for net/smtp: EHLO (no extensions, so
// no STARTTLS and no AUTH), MAIL, RCPT, DATA, RSET, NOOP, QUIT.
func (s *Server) session(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(30 * time.Second))
	r, w := bufio.NewReader(c), bufio.NewWriter(c)
	reply := func(line string) { w.WriteString(line + "\r\n"); w.Flush() }
	reply("220 mailtest ready")
	var m Message
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		cmd := strings.ToUpper(line)
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			reply("250 mailtest")
		case strings.HasPrefix(cmd, "MAIL FROM:"):
			m = Message{From: strings.Trim(line[len("MAIL FROM:"):], "<> ")}
			reply("250 ok")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			m.To = append(m.To, strings.Trim(line[len("RCPT TO:"):], "<> "))
			reply("250 ok")
		case cmd == "DATA":
			reply("354 go ahead")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" || l == ".\n" {
					break
				}
				b.WriteString(strings.TrimPrefix(l, "."))
			}
			m.Data = b.String()
			s.mu.Lock()
			fail := s.FailFirst > 0
			if fail {
				s.FailFirst--
			} else {
				s.msgs = append(s.msgs, m)
			}
			s.mu.Unlock()
			if fail {
				reply("451 try again later")
				continue
			}
			reply("250 queued")
			s.got <- struct{}{}
		case cmd == "QUIT":
			reply("221 bye")
			return
		default:
			reply("250 ok")
		}
	}
}
