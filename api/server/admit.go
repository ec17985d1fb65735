package server

import (
	"bytes"
	"io"
	"runtime"

	"github.com/labstack/echo/v4"
)

// admit runs at most cap(s.slots) API requests at once and queues the
// others in their order of arrival (a full buffered channel wakes its
// waiting senders first come, first served). Without it every request
// waits for a database connection in database/sql's pool, which hands a
// freed connection to a waiter picked at random: under load a few
// requests waited many times over and the slowest hundredth took eight
// times the median (docs/performance.md). Fewer requests at once also
// means fewer threads inside SQLite, fewer context switches: on SQLite one
// request per core gave the same throughput as four and a slowest
// hundredth a third shorter.
//
// The body is read before the request queues, so that a client sending
// slowly never holds a place that others wait for.
func (s *Server) admit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.ContentLength != 0 { // a body, of known length or chunked (-1)
			body, err := io.ReadAll(r.Body)
			r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), failedReader{err}))
		}
		s.metrics.queued.Inc()
		select {
		case s.slots <- struct{}{}:
			s.metrics.queued.Dec()
		case <-r.Context().Done():
			s.metrics.queued.Dec()
			return c.NoContent(statusClientClosed)
		}
		s.metrics.active.Inc()
		defer func() {
			s.metrics.active.Dec()
			<-s.slots
		}()
		return next(c)
	}
}

// statusClientClosed is nginx's "client closed request": the client left
// while its request waited. Nobody reads it; the log and the metrics tell
// it apart from a failure of the server.
const statusClientClosed = 499

// maxActive is TRACKER_MAX_ACTIVE, or as many requests as the store
// serves well at once (store.Parallelism).
func (s *Server) maxActive() int {
	switch {
	case s.cfg.MaxActive > 0:
		return s.cfg.MaxActive
	case s.store != nil:
		return max(1, s.store.Parallelism())
	}
	return 4 * runtime.GOMAXPROCS(0)
}

// failedReader ends a body read ahead of time as the read itself ended:
// at io.EOF, or with the error the handler would have met (too large,
// the client gone).
type failedReader struct{ err error }

func (f failedReader) Read([]byte) (int, error) {
	if f.err == nil {
		return 0, io.EOF
	}
	return 0, f.err
}
