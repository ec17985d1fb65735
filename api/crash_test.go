package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestCrashSafety is the crash test (issue 3, point 7): it starts the real
// binary on a SQLite file, drives writes from several clients (task
// creations, progress logs, PATCHes with If-Match), kills the process with
// SIGKILL after a random 50-400 ms, restarts it, and checks the file:
// integrity_check is ok, foreign_key_check is empty, and every write the
// server acknowledged is there (see ledger.checkFile). 20 rounds, 3 under
// -short; the random seed is logged.
func TestCrashSafety(t *testing.T) {
	rounds := 20
	if testing.Short() {
		rounds = 3
	}
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewSource(seed))
	f := newBinFixture(t)
	w := newWorkload(f)
	start := time.Now()
	for round := range rounds {
		ctx, cancel := context.WithCancel(context.Background())
		wait := w.start(ctx, 4, rng.Int63())
		delay := time.Duration(50+rng.Intn(351)) * time.Millisecond
		time.Sleep(delay)
		f.proc.kill()
		cancel()
		wait()
		f.proc.checkLogs()
		f.sup.hc.CloseIdleConnections()
		f.proc = startServe(t, f.vars)
		acked, lost := w.led.counts()
		t.Logf("round %d: killed after %s; so far %d writes acknowledged, %d cut off by a kill", round+1, delay, acked, lost)
		w.led.checkFile(t, f.dbPath)
		w.errs.report(t)
		if t.Failed() {
			t.Fatalf("round %d failed (seed %d)", round+1, seed)
		}
	}
	f.proc.stop()
	t.Logf("%d rounds in %s", rounds, time.Since(start).Round(time.Millisecond))
}

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
	titles  map[int64]string       // acknowledged created task -> title
	notes   map[string]int64       // acknowledged progress note -> task
	patches map[int64][]ackedPatch // task -> acknowledged PATCHes
	lost    int                    // writes sent without an answer
}

func newLedger(tasks []int64) *ledger {
	return &ledger{tasks: append([]int64(nil), tasks...), titles: map[int64]string{}, notes: map[string]int64{},
		patches: map[int64][]ackedPatch{}}
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

// checkFile opens the SQLite file read-only and checks it: integrity_check
// is ok, foreign_key_check is empty, every acknowledged task exists with
// its title, every progress note is stored at most once and each
// acknowledged one exactly once on its task, and for every task with
// acknowledged PATCHes: its version is at least the highest acknowledged
// one, each acknowledged description is in the activity trail, and the
// task's description is the trail's latest.
func (l *ledger) checkFile(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkPragmas(t, db)
	l.mu.Lock()
	defer l.mu.Unlock()
	type row struct {
		title, description string
		version            int64
	}
	tasks := map[int64]row{}
	query(t, db, "SELECT id, title, description, version FROM tasks", func(s scanner) {
		var id int64
		var r row
		must(t, s.Scan(&id, &r.title, &r.description, &r.version))
		tasks[id] = r
	})
	for id, title := range l.titles {
		if tasks[id].title != title {
			t.Errorf("acknowledged task %d (%q) is missing; stored: %+v", id, title, tasks[id])
		}
	}
	stored := map[string][]int64{}
	query(t, db, "SELECT note, task_id FROM progress_logs", func(s scanner) {
		var note string
		var task int64
		must(t, s.Scan(&note, &task))
		stored[note] = append(stored[note], task)
	})
	for note, on := range stored {
		if len(on) > 1 {
			t.Errorf("progress note %q stored %d times", note, len(on))
		}
	}
	for note, task := range l.notes {
		if on := stored[note]; len(on) != 1 || on[0] != task {
			t.Errorf("acknowledged progress note %q of task %d: stored on %v", note, task, on)
		}
	}
	seen, latest := descriptionTrail(t, db)
	for task, ps := range l.patches {
		last := l.last(task)
		if got := tasks[task].version; got < last.Version {
			t.Errorf("task %d is at version %d, below the acknowledged %d", task, got, last.Version)
		}
		for _, p := range ps {
			if !seen[task][p.Description] {
				t.Errorf("acknowledged PATCH of task %d to %q (version %d) is not in the activity trail", task, p.Description, p.Version)
			}
		}
		if got := tasks[task].description; got != latest[task] {
			t.Errorf("task %d has description %q, the activity trail's latest is %q", task, got, latest[task])
		}
	}
}

// descriptionTrail reads the activity trail of tasks: every description
// each task was given, and the latest one.
func descriptionTrail(t *testing.T, db *sql.DB) (seen map[int64]map[string]bool, latest map[int64]string) {
	t.Helper()
	seen, latest = map[int64]map[string]bool{}, map[int64]string{}
	query(t, db, "SELECT entity_id, changes FROM activities WHERE entity_type = 'task' AND action = 'update' ORDER BY id", func(s scanner) {
		var id int64
		var raw string
		must(t, s.Scan(&id, &raw))
		var ch map[string]struct {
			After any `json:"after"`
		}
		must(t, json.Unmarshal([]byte(raw), &ch))
		if d, ok := ch["description"].After.(string); ok {
			if seen[id] == nil {
				seen[id] = map[string]bool{}
			}
			seen[id][d] = true
			latest[id] = d
		}
	})
	return seen, latest
}

// checkPragmas fails the test unless integrity_check answers exactly "ok"
// and foreign_key_check answers nothing.
func checkPragmas(t *testing.T, db *sql.DB) {
	t.Helper()
	var res []string
	query(t, db, "PRAGMA integrity_check", func(s scanner) {
		var r string
		must(t, s.Scan(&r))
		res = append(res, r)
	})
	if len(res) != 1 || res[0] != "ok" {
		t.Errorf("integrity_check: %v", res)
	}
	n := 0
	query(t, db, "PRAGMA foreign_key_check", func(scanner) { n++ })
	if n > 0 {
		t.Errorf("foreign_key_check: %d violations", n)
	}
}

type scanner interface{ Scan(dest ...any) error }

// query runs q and calls each for every row.
func query(t *testing.T, db *sql.DB, q string, each func(scanner)) {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	for rows.Next() {
		each(rows)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// workload drives writes from concurrent clients, as the supervisor, and
// records in its ledger what the server acknowledged.
type workload struct {
	f    *binFixture
	led  *ledger
	seq  atomic.Int64
	errs errList
}

func newWorkload(f *binFixture) *workload { return &workload{f: f, led: newLedger(f.tasks)} }

// start runs clients until ctx ends; the returned func waits for them.
func (w *workload) start(ctx context.Context, clients int, seed int64) (wait func()) {
	var wg sync.WaitGroup
	for c := range clients {
		rng := rand.New(rand.NewSource(seed + int64(c)))
		wg.Go(func() { w.client(ctx, rng) })
	}
	return wg.Wait
}

func (w *workload) client(ctx context.Context, rng *rand.Rand) {
	for ctx.Err() == nil {
		var err error
		switch rng.Intn(3) {
		case 0:
			err = w.createTask(ctx)
		case 1:
			err = w.addProgress(ctx, rng)
		default:
			err = w.patchTask(ctx, rng)
		}
		if err != nil { // the server is gone; do not spin
			select {
			case <-ctx.Done():
			case <-time.After(5 * time.Millisecond):
			}
		}
	}
}

func (w *workload) createTask(ctx context.Context) error {
	title := fmt.Sprintf("Task %d", w.seq.Add(1))
	code, _, body, err := w.f.sup.call(ctx, "POST", "/api/v1/tasks", map[string]any{"project_id": w.f.project, "title": title}, "")
	if err != nil {
		w.led.cut()
		return err
	}
	var task struct {
		ID int64 `json:"id"`
	}
	if code != 201 || json.Unmarshal(body, &task) != nil {
		w.errs.add("POST /api/v1/tasks: %d %s", code, body)
		return nil
	}
	w.led.mu.Lock()
	w.led.titles[task.ID] = title
	w.led.tasks = append(w.led.tasks, task.ID)
	w.led.mu.Unlock()
	return nil
}

func (w *workload) addProgress(ctx context.Context, rng *rand.Rand) error {
	task := w.led.pick(rng)
	note := fmt.Sprintf("Note %d", w.seq.Add(1))
	path := fmt.Sprintf("/api/v1/tasks/%d/progress", task)
	code, _, body, err := w.f.sup.call(ctx, "POST", path, map[string]any{"note": note, "progress": rng.Intn(100)}, "")
	if err != nil {
		w.led.cut()
		return err
	}
	if code != 201 {
		w.errs.add("POST %s: %d %s", path, code, body)
		return nil
	}
	w.led.mu.Lock()
	w.led.notes[note] = task
	w.led.mu.Unlock()
	return nil
}

func (w *workload) patchTask(ctx context.Context, rng *rand.Rand) error {
	task := w.led.pick(rng)
	path := fmt.Sprintf("/api/v1/tasks/%d", task)
	code, h, body, err := w.f.sup.call(ctx, "GET", path, nil, "")
	if err != nil {
		return err
	}
	if code != 200 {
		w.errs.add("GET %s: %d %s", path, code, body)
		return nil
	}
	desc := fmt.Sprintf("Description %d", w.seq.Add(1))
	code, h, body, err = w.f.sup.call(ctx, "PATCH", path, map[string]any{"description": desc}, h.Get("ETag"))
	if err != nil {
		w.led.cut()
		return err
	}
	var v int64
	switch _, serr := fmt.Sscanf(h.Get("ETag"), `"%d"`, &v); {
	case code == 412: // another client was first
	case code != 200 || serr != nil:
		w.errs.add("PATCH %s: %d %s", path, code, body)
	default:
		w.led.mu.Lock()
		w.led.patches[task] = append(w.led.patches[task], ackedPatch{Version: v, Description: desc})
		w.led.mu.Unlock()
	}
	return nil
}

func (l *ledger) cut() {
	l.mu.Lock()
	l.lost++
	l.mu.Unlock()
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
