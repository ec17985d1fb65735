package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/intern-tracker/tracker/pkg/config"
	"github.com/intern-tracker/tracker/pkg/storetest"
)

// admitEnv is a server with n places whose one route records the order in
// which requests are let in and waits for the test to finish each by name.
type admitEnv struct {
	srv    *httptest.Server
	s      *Server
	finish sync.Map // who → chan struct{}, closed to let that request answer
	mu     sync.Mutex
	order  []string
	bodies map[string]string
}

func (a *admitEnv) gate(who string) chan struct{} {
	ch, _ := a.finish.LoadOrStore(who, make(chan struct{}))
	return ch.(chan struct{})
}

// let lets request who answer.
func (a *admitEnv) let(who string) { close(a.gate(who)) }

func newAdmitEnv(t *testing.T, n int) *admitEnv {
	a := &admitEnv{s: &Server{slots: make(chan struct{}, n), metrics: newMetrics(nil)}, bodies: map[string]string{}}
	e := echo.New()
	e.Any("/x", func(c echo.Context) error {
		who := c.QueryParam("who")
		body, err := io.ReadAll(c.Request().Body)
		if err != nil {
			return err
		}
		a.mu.Lock()
		a.order, a.bodies[who] = append(a.order, who), string(body)
		a.mu.Unlock()
		<-a.gate(who)
		return c.NoContent(http.StatusNoContent)
	}, a.s.admit)
	a.srv = httptest.NewServer(e)
	t.Cleanup(a.srv.Close)
	return a
}

// waitFor polls cond (a state of the server's gauges) for up to 10 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
	}
}

func (a *admitEnv) queued() int { return gaugeValue(a.s.metrics.queued) }
func (a *admitEnv) active() int { return gaugeValue(a.s.metrics.active) }

func gaugeValue(g prometheus.Gauge) int {
	var m dto.Metric
	if err := g.Write(&m); err != nil {
		panic(err)
	}
	return int(m.GetGauge().GetValue())
}

// send starts a request in the background; the returned channel gets its
// status.
func (a *admitEnv) send(ctx context.Context, who string, body io.Reader) chan int {
	done := make(chan int, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, a.srv.URL+"/x?who="+who, body)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			done <- 0
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	return done
}

// TestAdmitInOrder checks that no more requests than places run at once
// and that the waiting ones are let in in their order of arrival.
func TestAdmitInOrder(t *testing.T) {
	a := newAdmitEnv(t, 2)
	var done []chan int
	names := []string{"a", "b", "c", "d", "e", "f", "g"}
	for i, who := range names {
		done = append(done, a.send(context.Background(), who, nil))
		// The next request is sent once this one is in or queued.
		waitFor(t, who+" arrives", func() bool { return a.active()+a.queued() == i+1 })
	}
	if a.active() != 2 || a.queued() != len(names)-2 {
		t.Fatalf("active %d, queued %d; want 2 and %d", a.active(), a.queued(), len(names)-2)
	}
	for i, who := range names {
		a.let(who)
		if code := <-done[i]; code != http.StatusNoContent {
			t.Fatalf("%s answered %d", names[i], code)
		}
		// The place goes to the first in line at once, but its goroutine
		// may run later: wait until it is in before freeing the next.
		in := min(i+3, len(names))
		waitFor(t, "the next one is in", func() bool { a.mu.Lock(); defer a.mu.Unlock(); return len(a.order) == in })
	}
	if got := strings.Join(a.order, ""); got != strings.Join(names, "") {
		t.Errorf("let in in the order %q, want %q", got, strings.Join(names, ""))
	}
	waitFor(t, "all places free", func() bool { return a.active() == 0 && a.queued() == 0 && len(a.s.slots) == 0 })
}

// TestAdmitSlowBodyHoldsNoPlace checks that a client still sending its
// body does not hold the only place, and that its body arrives whole.
func TestAdmitSlowBodyHoldsNoPlace(t *testing.T) {
	a := newAdmitEnv(t, 1)
	pr, pw := io.Pipe()
	slow := a.send(context.Background(), "slow", pr)
	if _, err := pw.Write([]byte(`{"half":`)); err != nil {
		t.Fatal(err)
	}
	fast := a.send(context.Background(), "fast", strings.NewReader(`{"all":1}`))
	waitFor(t, "the fast request is in", func() bool { return a.active() == 1 })
	a.let("fast")
	if code := <-fast; code != http.StatusNoContent {
		t.Fatalf("fast answered %d", code)
	}
	pw.Write([]byte(`1}`))
	pw.Close()
	a.let("slow")
	if code := <-slow; code != http.StatusNoContent {
		t.Fatalf("slow answered %d", code)
	}
	if a.order[0] != "fast" || a.bodies["slow"] != `{"half":1}` || a.bodies["fast"] != `{"all":1}` {
		t.Errorf("order %v, bodies %v", a.order, a.bodies)
	}
}

// TestAdmitClientLeavesQueue checks that a request whose client leaves
// while it waits gives up its turn and is never handled.
func TestAdmitClientLeavesQueue(t *testing.T) {
	a := newAdmitEnv(t, 1)
	first := a.send(context.Background(), "first", nil)
	waitFor(t, "first is in", func() bool { return a.active() == 1 })
	ctx, cancel := context.WithCancel(context.Background())
	gone := a.send(ctx, "gone", nil)
	waitFor(t, "gone is queued", func() bool { return a.queued() == 1 })
	cancel()
	<-gone
	waitFor(t, "gone left the queue", func() bool { return a.queued() == 0 })
	third := a.send(context.Background(), "third", nil)
	waitFor(t, "third is queued", func() bool { return a.queued() == 1 })
	a.let("first")
	<-first
	a.let("third")
	<-third
	if got := strings.Join(a.order, ","); got != "first,third" {
		t.Errorf("handled %q, want first,third", got)
	}
}

// TestMaxActive checks where the number of places comes from: the
// setting, else the store (one per core on SQLite, the pool on
// PostgreSQL).
func TestMaxActive(t *testing.T) {
	if got := (&Server{cfg: config.Config{MaxActive: 7}}).maxActive(); got != 7 {
		t.Errorf("TRACKER_MAX_ACTIVE=7 gives %d places", got)
	}
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		want := max(2, runtime.GOMAXPROCS(0))
		if db.Name == "postgres" {
			want = 20
		}
		if got := (&Server{store: db.Store}).maxActive(); got != want {
			t.Errorf("%s: %d places, want %d", db.Name, got, want)
		}
	})
}
