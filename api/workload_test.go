package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The write workload of the binary tests (crash safety, online backup,
// several processes on one database) and the ledger of what the server
// acknowledged.

// ackedPatch is a PATCH the server answered 200 to.
type ackedPatch struct {
	Version     int64
	Description string
}

// ledger records the writes the server acknowledged (answered 2xx), and
// counts those that were cut off before an answer.
type ledger struct {
	mu      sync.Mutex
	tasks   []int64                // tasks to work on: the fixture's and every acknowledged creation
	initial map[int64]int64        // task -> its version before the workload touched it, when known
	titles  map[int64]string       // acknowledged created task -> title
	notes   map[string]int64       // acknowledged progress note -> task
	patches map[int64][]ackedPatch // task -> acknowledged PATCHes
	lost    int                    // writes sent without an answer
}

func newLedger(tasks []int64) *ledger {
	return &ledger{tasks: append([]int64(nil), tasks...), initial: map[int64]int64{}, titles: map[int64]string{},
		notes: map[string]int64{}, patches: map[int64][]ackedPatch{}}
}

func (l *ledger) pick(rng *rand.Rand) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.tasks[rng.Intn(len(l.tasks))]
}

func (l *ledger) counts() (acked, lost int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.titles) + len(l.notes)
	for _, ps := range l.patches {
		n += len(ps)
	}
	return n, l.lost
}

// snapshot is a copy of the ledger as it is now.
func (l *ledger) snapshot() *ledger {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := newLedger(l.tasks)
	maps.Copy(c.initial, l.initial)
	maps.Copy(c.titles, l.titles)
	maps.Copy(c.notes, l.notes)
	for k, v := range l.patches {
		c.patches[k] = append([]ackedPatch(nil), v...)
	}
	c.lost = l.lost
	return c
}

// last returns the acknowledged PATCH of task that answered the highest
// version.
func (l *ledger) last(task int64) ackedPatch {
	var last ackedPatch
	for _, p := range l.patches[task] {
		if p.Version > last.Version {
			last = p
		}
	}
	return last
}

func (l *ledger) cut() {
	l.mu.Lock()
	l.lost++
	l.mu.Unlock()
}

// readInitial records the current version of every task of the ledger
// whose initial version is not known yet, read through c.
func (l *ledger) readInitial(t *testing.T, c *apiClient) {
	t.Helper()
	for _, id := range l.tasks {
		if _, ok := l.initial[id]; ok {
			continue
		}
		var tk struct {
			Version int64 `json:"version"`
		}
		c.must(t, "GET", fmt.Sprintf("/api/v1/tasks/%d", id), nil, 200, &tk)
		l.initial[id] = tk.Version
	}
}

// checkExact is the lost-update check of a workload that ran without
// crashes, read through c: no write was cut off; for every task, its
// version is exactly its initial version plus its acknowledged PATCHes
// plus its acknowledged progress logs (each bumps the version by one), no
// two acknowledged PATCHes answered the same version, and its description
// is the one of the PATCH that answered the highest version; its progress
// history holds each acknowledged note exactly once and nothing else; and
// each acknowledged created task is served with its title.
func (l *ledger) checkExact(t *testing.T, c *apiClient) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lost > 0 {
		t.Errorf("%d writes got no answer", l.lost)
	}
	byTask := map[int64][]string{}
	for note, id := range l.notes {
		byTask[id] = append(byTask[id], note)
	}
	for _, id := range l.tasks {
		var tk struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Version     int64  `json:"version"`
		}
		c.must(t, "GET", fmt.Sprintf("/api/v1/tasks/%d", id), nil, 200, &tk)
		init, known := l.initial[id]
		if !known {
			t.Errorf("task %d: initial version unknown", id)
			continue
		}
		oks, notes := l.patches[id], byTask[id]
		if want := init + int64(len(oks)) + int64(len(notes)); tk.Version != want {
			t.Errorf("task %d: version %d, want %d = initial %d + %d successful PATCHes + %d progress logs",
				id, tk.Version, want, init, len(oks), len(notes))
		}
		seen := map[int64]bool{}
		for _, p := range oks {
			if seen[p.Version] {
				t.Errorf("task %d: two successful PATCHes answered version %d", id, p.Version)
			}
			seen[p.Version] = true
		}
		if len(oks) > 0 && tk.Description != l.last(id).Description {
			t.Errorf("task %d: description %q, want %q (the PATCH that answered version %d)",
				id, tk.Description, l.last(id).Description, l.last(id).Version)
		}
		if title, ok := l.titles[id]; ok && tk.Title != title {
			t.Errorf("task %d: title %q, want %q", id, tk.Title, title)
		}
		stored, total := servedNotes(t, c, id), 0
		for _, n := range stored {
			total += n
		}
		for _, n := range notes {
			if stored[n] != 1 {
				t.Errorf("task %d: acknowledged progress note %q served %d times", id, n, stored[n])
			}
		}
		if total != len(notes) {
			t.Errorf("task %d: %d progress logs served, %d acknowledged", id, total, len(notes))
		}
	}
}

// workload drives writes from concurrent clients, as the supervisor, and
// records in its ledger what the server acknowledged.
type workload struct {
	project int64
	apis    []*apiClient // client number c sends through apis[c%len(apis)]
	creates bool         // clients also create tasks; else they all work on the ledger's first tasks, contending
	led     *ledger
	seq     atomic.Int64
	stale   atomic.Int64   // PATCHes answered 412
	acked   []atomic.Int64 // acknowledged writes by api
	unreach atomic.Int64   // requests, reads too, that got no answer (the server was gone)
	errs    errList
}

// newWorkload drives the fixture's process: task creations, progress
// logs and PATCHes.
func newWorkload(f *binFixture) *workload { return newWorkloadOn(f, true, f.sup) }

// newWorkloadOn drives the fixture's tasks through apis, each a
// supervisor of the fixture's branch signed in on some process.
func newWorkloadOn(f *binFixture, creates bool, apis ...*apiClient) *workload {
	return &workload{project: f.project, apis: apis, creates: creates, led: newLedger(f.tasks),
		acked: make([]atomic.Int64, len(apis))}
}

// start runs clients until ctx ends; the returned func waits for them. A
// request in flight when ctx ends is not cancelled: it finishes and is
// recorded.
func (w *workload) start(ctx context.Context, clients int, seed int64) (wait func()) {
	var wg sync.WaitGroup
	for c := range clients {
		rng := rand.New(rand.NewSource(seed + int64(c)))
		wg.Go(func() { w.client(ctx, rng, c%len(w.apis)) })
	}
	return wg.Wait
}

func (w *workload) client(ctx context.Context, rng *rand.Rand, api int) {
	rctx := context.WithoutCancel(ctx)
	kinds := 2
	if w.creates {
		kinds = 3
	}
	for ctx.Err() == nil {
		var err error
		var ok bool
		switch rng.Intn(kinds) {
		case 0:
			ok, err = w.addProgress(rctx, rng, w.apis[api])
		case 1:
			ok, err = w.patchTask(rctx, rng, w.apis[api])
		default:
			ok, err = w.createTask(rctx, w.apis[api])
		}
		if ok {
			w.acked[api].Add(1)
		}
		if err != nil { // the server is gone; do not spin
			w.unreach.Add(1)
			select {
			case <-ctx.Done():
			case <-time.After(5 * time.Millisecond):
			}
		}
	}
}

func (w *workload) createTask(ctx context.Context, c *apiClient) (bool, error) {
	title := fmt.Sprintf("Task %d", w.seq.Add(1))
	code, _, body, err := c.call(ctx, "POST", "/api/v1/tasks", map[string]any{"project_id": w.project, "title": title}, "")
	if err != nil {
		w.led.cut()
		return false, err
	}
	var task struct {
		ID      int64 `json:"id"`
		Version int64 `json:"version"`
	}
	if code != 201 || json.Unmarshal(body, &task) != nil {
		w.errs.add("POST /api/v1/tasks: %d %s", code, body)
		return false, nil
	}
	w.led.mu.Lock()
	w.led.titles[task.ID] = title
	w.led.initial[task.ID] = task.Version
	w.led.tasks = append(w.led.tasks, task.ID)
	w.led.mu.Unlock()
	return true, nil
}

func (w *workload) addProgress(ctx context.Context, rng *rand.Rand, c *apiClient) (bool, error) {
	task := w.led.pick(rng)
	note := fmt.Sprintf("Note %d", w.seq.Add(1))
	path := fmt.Sprintf("/api/v1/tasks/%d/progress", task)
	code, _, body, err := c.call(ctx, "POST", path, map[string]any{"note": note, "progress": rng.Intn(100)}, "")
	if err != nil {
		w.led.cut()
		return false, err
	}
	if code != 201 {
		w.errs.add("POST %s: %d %s", path, code, body)
		return false, nil
	}
	w.led.mu.Lock()
	w.led.notes[note] = task
	w.led.mu.Unlock()
	return true, nil
}

func (w *workload) patchTask(ctx context.Context, rng *rand.Rand, c *apiClient) (bool, error) {
	task := w.led.pick(rng)
	path := fmt.Sprintf("/api/v1/tasks/%d", task)
	code, h, body, err := c.call(ctx, "GET", path, nil, "")
	if err != nil {
		return false, err
	}
	if code != 200 {
		w.errs.add("GET %s: %d %s", path, code, body)
		return false, nil
	}
	desc := fmt.Sprintf("Description %d", w.seq.Add(1))
	code, h, body, err = c.call(ctx, "PATCH", path, map[string]any{"description": desc}, h.Get("ETag"))
	if err != nil {
		w.led.cut()
		return false, err
	}
	var v int64
	switch _, serr := fmt.Sscanf(h.Get("ETag"), `"%d"`, &v); {
	case code == 412: // another client was first
		w.stale.Add(1)
	case code != 200 || serr != nil:
		w.errs.add("PATCH %s: %d %s", path, code, body)
	default:
		w.led.mu.Lock()
		w.led.patches[task] = append(w.led.patches[task], ackedPatch{Version: v, Description: desc})
		w.led.mu.Unlock()
		return true, nil
	}
	return false, nil
}

// errList collects unexpected answers from concurrent clients.
type errList struct {
	mu   sync.Mutex
	msgs []string
	n    int
}

func (e *errList) add(format string, args ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.n++
	if len(e.msgs) < 10 {
		e.msgs = append(e.msgs, fmt.Sprintf(format, args...))
	}
}

// report fails the test with the unexpected answers collected since the
// last report, if any.
func (e *errList) report(t *testing.T) {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, m := range e.msgs {
		t.Error("unexpected answer: " + m)
	}
	if e.n > len(e.msgs) {
		t.Errorf("... and %d more unexpected answers", e.n-len(e.msgs))
	}
	e.msgs, e.n = nil, 0
}
