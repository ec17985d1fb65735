package main

import (
	"bufio"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// loadConn is one worker's keep-alive connection for the measured
// requests. The generator runs on the server's cores, so it spends as
// little as it can: the request is written as bytes in one call and the
// answer read with http.ReadResponse on the worker's own goroutine.
// net/http's client (two goroutines per connection, a hand-off each way
// for every request) cost about 0.15 ms of CPU per request, as much as a
// fifth of what the server spends on the task list (docs/performance.md).
type loadConn struct {
	scheme, host string // host:port
	token        string
	conn         net.Conn
	br           *bufio.Reader
	buf          []byte
}

func newLoadConn(base, token string) (*loadConn, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), map[string]string{"http": "80", "https": "443"}[u.Scheme])
	}
	return &loadConn{scheme: u.Scheme, host: host, token: token}, nil
}

// loadTimeout bounds one measured request.
const loadTimeout = 30 * time.Second

// roundTrip sends one request and reads its answer to the end; the
// answer's body is kept only when the status is 400 or more. A broken
// connection is closed, and the next request dials a new one.
func (lc *loadConn) roundTrip(method, path string, body []byte, hdr map[string]string) (*http.Response, error) {
	if lc.conn == nil {
		if err := lc.dial(); err != nil {
			return nil, err
		}
	}
	b := append(lc.buf[:0], method...)
	b = append(b, ' ')
	b = append(b, path...)
	b = append(b, " HTTP/1.1\r\nHost: "...)
	b = append(b, lc.host...)
	b = append(b, "\r\nAuthorization: Bearer "...)
	b = append(b, lc.token...)
	b = append(b, "\r\nAccept: application/json\r\n"...)
	for k, v := range hdr {
		b = append(b, k...)
		b = append(b, ": "...)
		b = append(b, v...)
		b = append(b, "\r\n"...)
	}
	if body != nil {
		b = append(b, "Content-Type: application/json\r\nContent-Length: "...)
		b = strconv.AppendInt(b, int64(len(body)), 10)
		b = append(b, "\r\n"...)
	}
	b = append(b, "\r\n"...)
	b = append(b, body...)
	lc.buf = b
	resp, kept, err := lc.exchange(b, method)
	if err != nil {
		lc.close()
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if resp.StatusCode >= 400 {
		return resp, fmt.Errorf("%s %s: %s: %.200s", method, path, resp.Status, kept)
	}
	return resp, nil
}

func (lc *loadConn) exchange(req []byte, method string) (*http.Response, []byte, error) {
	if err := lc.conn.SetDeadline(time.Now().Add(loadTimeout)); err != nil {
		return nil, nil, err
	}
	if _, err := lc.conn.Write(req); err != nil {
		return nil, nil, err
	}
	resp, err := http.ReadResponse(lc.br, &http.Request{Method: method})
	if err != nil {
		return nil, nil, err
	}
	var kept []byte
	if resp.StatusCode >= 400 {
		kept, err = io.ReadAll(resp.Body)
	} else {
		_, err = io.Copy(io.Discard, resp.Body)
	}
	resp.Body.Close()
	if err != nil {
		return nil, nil, err
	}
	if resp.Close {
		lc.close()
	}
	return resp, kept, nil
}

func (lc *loadConn) dial() error {
	var (
		c   net.Conn
		err error
	)
	d := &net.Dialer{Timeout: 5 * time.Second}
	switch lc.scheme {
	case "https":
		host, _, _ := net.SplitHostPort(lc.host)
		c, err = tls.DialWithDialer(d, "tcp", lc.host, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
	case "http":
		c, err = d.Dial("tcp", lc.host)
	default:
		err = errors.New("the URL must be http or https")
	}
	if err != nil {
		return err
	}
	lc.conn = c
	if lc.br == nil {
		lc.br = bufio.NewReaderSize(c, 64<<10)
	} else {
		lc.br.Reset(c)
	}
	return nil
}

func (lc *loadConn) close() {
	if lc.conn != nil {
		lc.conn.Close()
		lc.conn = nil
	}
}
