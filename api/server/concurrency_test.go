package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/api/server"
	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TestNoLostUpdates is the lost-update test (issue 3, point 6), on SQLite
// and on PostgreSQL: through a real HTTP server, 32 clients each send 100
// PATCHes with If-Match to a handful of shared tasks (GET for the ETag,
// PATCH, a 412 counted and read again), while 8 other clients append
// progress logs with unique notes to the same tasks. It verifies:
//
//   - no 5xx, and "database is locked" in no body and no log line;
//   - no two successful PATCHes of one task answered the same version;
//   - for each task, final version = initial version + number of successful
//     PATCHes + number of acknowledged progress logs (every PATCH changes the
//     description, and store.AddProgress bumps the task's version by exactly
//     one), and its description is the one of the successful PATCH that
//     answered the highest version;
//   - every acknowledged progress log is stored exactly once, and no other.
//
// Under -short the clients send 20 PATCHes and 5 logs each.
func TestNoLostUpdates(t *testing.T) {
	size := loadSize{tasks: 4, patchers: 32, patches: 100, loggers: 8, logs: 25}
	if testing.Short() {
		size.patches, size.logs = 20, 5
	}
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		start := time.Now()
		l := newLoad(t, e, size)
		l.run()
		l.verify()
		t.Logf("%s: %d PATCHes sent, %d succeeded, %d answered 412; %d progress logs; %d requests in %s",
			e.DB.Name, size.patchers*size.patches, l.okPatches(), l.stale, l.ackedLogs(), l.requests, time.Since(start).Round(time.Millisecond))
	})
}

// loadSize is how much the load test sends.
type loadSize struct {
	tasks, patchers, patches, loggers, logs int
}

// load drives one server with concurrent clients and keeps what the
// server acknowledged.
type load struct {
	t    *testing.T
	e    *apiEnv
	size loadSize
	srv  *httptest.Server
	hc   *http.Client
	logs *lockedBuffer

	tasks   []int64
	initial map[int64]int64 // task -> version before the load

	mu       sync.Mutex
	patched  map[int64][]ackedPatch // task -> successful PATCHes
	notes    map[int64][]string     // task -> acknowledged progress notes
	stale    int                    // PATCHes answered 412
	requests int
	failures []string
}

// ackedPatch is a PATCH the server answered 200 to.
type ackedPatch struct {
	version     int64
	description string
}

func newLoad(t *testing.T, e *apiEnv, size loadSize) *load {
	t.Helper()
	e = e.on(t)
	k := newWorkKit(t, e)
	p := k.project(uSupCPP, branchCPP, nil)
	l := &load{t: t, e: e, size: size, logs: &lockedBuffer{}, initial: map[int64]int64{},
		patched: map[int64][]ackedPatch{}, notes: map[int64][]string{}}
	for i := range size.tasks {
		task := k.task(p.ID, uInternCPP, map[string]any{"title": fmt.Sprintf("Shared task %d", i)})
		l.tasks = append(l.tasks, task.ID)
		l.initial[task.ID] = e.as(uSupCPP).get(taskPath(task.ID)).want(http.StatusOK).etag()
	}
	// A server of its own on the same store, so that its log lines can be
	// searched; tokens of the env's server are valid here (same secret,
	// same sessions).
	srv, err := server.New(server.Deps{Config: testConfig(e.DB.URL), Store: e.DB.Store, Hasher: auth.FastHasher(),
		Now: e.DB.Clock.Now, Logger: slog.New(slog.NewJSONHandler(l.logs, nil)), Spec: []byte("openapi: 3.1.0\n")})
	if err != nil {
		t.Fatal(err)
	}
	l.srv = httptest.NewServer(srv.Handler())
	t.Cleanup(l.srv.Close)
	l.hc = &http.Client{Timeout: 30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: size.patchers + size.loggers}}
	t.Cleanup(l.hc.CloseIdleConnections)
	return l
}

// run starts every client and waits for them.
func (l *load) run() {
	sup, sup2, intern := l.e.as(uSupCPP).token, l.e.as(uSupCPP2).token, l.e.as(uInternCPP).token
	var wg sync.WaitGroup
	for c := range l.size.patchers {
		wg.Go(func() { l.patcher(c, sup) })
	}
	for c := range l.size.loggers {
		// Half the loggers are the assignee, half a supervisor of the branch.
		tok := sup2
		if c%2 == 0 {
			tok = intern
		}
		wg.Go(func() { l.logger(c, tok) })
	}
	wg.Wait()
	for _, f := range l.failures {
		l.t.Error(f)
	}
	if len(l.failures) == maxLoadFailures {
		l.t.Error("(further failures not shown)")
	}
}

var priorities = []string{"low", "medium", "high", "urgent"}

// patcher sends its PATCHes, each after reading the task's ETag.
func (l *load) patcher(c int, token string) {
	for i := range l.size.patches {
		task := l.tasks[(c+i)%len(l.tasks)]
		code, etag, body := l.send(token, http.MethodGet, taskPath(task), nil, "")
		if code != http.StatusOK {
			l.fail("GET %s: %d %s", taskPath(task), code, body)
			continue
		}
		desc := fmt.Sprintf("patcher %d, edit %d", c, i)
		in := map[string]any{"description": desc, "priority": priorities[i%len(priorities)]}
		code, v, body := l.send(token, http.MethodPatch, taskPath(task), in, etag)
		l.mu.Lock()
		switch code {
		case http.StatusOK:
			l.patched[task] = append(l.patched[task], ackedPatch{version: mustVersion(v), description: desc})
		case http.StatusPreconditionFailed:
			l.stale++
		default:
			l.failLocked("PATCH %s: %d %s", taskPath(task), code, body)
		}
		l.mu.Unlock()
	}
}

// logger appends its progress logs, each with a note of its own.
func (l *load) logger(c int, token string) {
	for i := range l.size.logs {
		task := l.tasks[(c+i)%len(l.tasks)]
		note := fmt.Sprintf("logger %d, note %d", c, i)
		in := map[string]any{"note": note, "progress": (c*7 + i) % 100}
		code, _, body := l.send(token, http.MethodPost, taskPath(task)+"/progress", in, "")
		l.mu.Lock()
		if code == http.StatusCreated {
			l.notes[task] = append(l.notes[task], note)
		} else {
			l.failLocked("POST %s/progress: %d %s", taskPath(task), code, body)
		}
		l.mu.Unlock()
	}
}

// send makes one request; it answers the status, the ETag and the body,
// and records a failure for any 5xx or "database is locked".
func (l *load) send(token, method, path string, body any, ifMatch string) (int, string, string) {
	var rd io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	}
	req, _ := http.NewRequestWithContext(context.Background(), method, l.srv.URL+path, rd)
	req.Header.Set("Authorization", "Bearer "+token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	l.mu.Lock()
	l.requests++
	l.mu.Unlock()
	res, err := l.hc.Do(req)
	if err != nil {
		l.fail("%s %s: %v", method, path, err)
		return 0, "", ""
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 500 || strings.Contains(string(raw), "database is locked") {
		l.fail("%s %s: %d %s", method, path, res.StatusCode, raw)
	}
	return res.StatusCode, res.Header.Get("ETag"), string(raw)
}

const maxLoadFailures = 20

func (l *load) fail(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.failLocked(format, args...)
}

func (l *load) failLocked(format string, args ...any) {
	if len(l.failures) < maxLoadFailures {
		l.failures = append(l.failures, fmt.Sprintf(format, args...))
	}
}

func mustVersion(etag string) int64 {
	var v int64
	if _, err := fmt.Sscanf(strings.Trim(etag, `"`), "%d", &v); err != nil {
		return -1
	}
	return v
}

// verify checks the final state of every task against what was
// acknowledged.
func (l *load) verify() {
	t := l.t
	if strings.Contains(l.logs.String(), "database is locked") {
		t.Error(`the server logged "database is locked"`)
	}
	if l.stale == 0 {
		t.Error("no PATCH was answered 412: the clients did not contend")
	}
	e := l.e.on(t)
	for _, id := range l.tasks {
		t.Run(fmt.Sprintf("task%d", id), func(t *testing.T) {
			e := e.on(t)
			var task tracker.Task
			final := e.as(uSupCPP).get(taskPath(id)).want(http.StatusOK).decode(&task).etag()
			oks, notes := l.patched[id], l.notes[id]
			want := l.initial[id] + int64(len(oks)) + int64(len(notes))
			if final != want {
				t.Errorf("version %d, want %d = initial %d + %d successful PATCHes + %d progress logs",
					final, want, l.initial[id], len(oks), len(notes))
			}
			last, seen, twice := ackedPatch{}, map[int64]bool{}, 0
			for _, p := range oks {
				if seen[p.version] {
					twice++
				}
				seen[p.version] = true
				if p.version > last.version {
					last = p
				}
			}
			if twice > 0 {
				t.Errorf("%d successful PATCHes answered a version that another one answered too", twice)
			}
			if len(oks) == 0 {
				t.Error("no PATCH of this task succeeded")
			} else if task.Description != last.description {
				t.Errorf("description %q, want %q (the PATCH that answered version %d)", task.Description, last.description, last.version)
			}
			l.verifyNotes(e, id, notes)
		})
	}
}

// verifyNotes checks that the task's progress history holds each
// acknowledged note exactly once, and nothing else.
func (l *load) verifyNotes(e *apiEnv, task int64, acked []string) {
	stored := map[string]int{}
	total := 0
	for page := 1; ; page++ {
		var list server.List[tracker.ProgressLog]
		e.as(uSupCPP).get(fmt.Sprintf("%s/progress?per_page=100&page=%d", taskPath(task), page)).want(http.StatusOK).decode(&list)
		for _, p := range list.Items {
			stored[p.Note]++
			total++
		}
		if len(list.Items) == 0 || int64(total) >= list.Total {
			break
		}
	}
	for _, n := range acked {
		if stored[n] != 1 {
			e.t.Errorf("acknowledged progress note %q stored %d times", n, stored[n])
		}
	}
	if total != len(acked) {
		e.t.Errorf("%d progress logs stored, %d acknowledged", total, len(acked))
	}
}

func (l *load) okPatches() (n int) {
	for _, p := range l.patched {
		n += len(p)
	}
	return n
}

func (l *load) ackedLogs() (n int) {
	for _, p := range l.notes {
		n += len(p)
	}
	return n
}

// lockedBuffer is a buffer that concurrent log writers may share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
