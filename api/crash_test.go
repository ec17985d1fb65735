package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"math/rand"
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
