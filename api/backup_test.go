package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
)

// TestBackupWhileWriting is the backup test (issue 3, point 9): while
// clients keep writing to a running tracker, `tracker backup FILE` runs as
// a process of its own against the same SQLite file. The copy must pass
// integrity_check and foreign_key_check, hold every write acknowledged
// before the backup process started (ledger.checkFile on the copy), and a
// tracker started on the copy must serve each of those writes through the
// API. Writes must also have been acknowledged while the backup ran, or
// the test proves nothing about an online backup.
func TestBackupWhileWriting(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	f := newBinFixture(t)
	w := newWorkload(f)
	ctx, cancel := context.WithCancel(context.Background())
	wait := w.start(ctx, 3, seed)
	time.Sleep(300 * time.Millisecond)

	file := filepath.Join(t.TempDir(), "backup.db")
	before := w.led.snapshot()
	start := time.Now()
	out, stderr, err := runCLI(t, f.vars, "", "backup", file)
	took := time.Since(start)
	during := w.led.snapshot()
	time.Sleep(100 * time.Millisecond)
	cancel()
	wait()
	w.errs.report(t)
	if err != nil {
		t.Fatalf("tracker backup: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "integrity_check ok") {
		t.Errorf("tracker backup printed %q", out)
	}
	if st, err := os.Stat(file); err != nil {
		t.Fatal(err)
	} else if st.Mode().Perm() != 0o600 {
		t.Errorf("the backup file has mode %v, want 0600 (it holds password hashes)", st.Mode().Perm())
	}
	nBefore, _ := before.counts()
	nDuring, _ := during.counts()
	t.Logf("backup took %s; %d writes acknowledged before it began, %d while it ran", took.Round(time.Millisecond), nBefore, nDuring-nBefore)
	if nDuring == nBefore {
		t.Error("no write was acknowledged while the backup ran")
	}
	f.proc.stop()
	f.proc.checkLogs()

	before.checkFile(t, file)
	vars := maps.Clone(f.vars)
	vars["TRACKER_DATABASE_URL"] = "sqlite:" + file
	vars["TRACKER_ADDR"] = freeAddr(t)
	p := startServe(t, vars)
	before.checkServed(t, newAPIClient(p.base).login(t, "sup@example.org"), w.led)
	p.stop()
}

// checkServed fetches every write of the ledger through the API of a
// running tracker: each acknowledged task with its title, each
// acknowledged progress note exactly once on its task, and for each task
// with acknowledged PATCHes a version at least the highest of them and a
// description that is the last of them or one acknowledged later (in
// full, the ledger of the whole run).
func (l *ledger) checkServed(t *testing.T, c *apiClient, full *ledger) {
	t.Helper()
	type task struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		Version     int64  `json:"version"`
	}
	get := func(id int64) task {
		var tk task
		c.must(t, "GET", fmt.Sprintf("/api/v1/tasks/%d", id), nil, 200, &tk)
		return tk
	}
	for id, title := range l.titles {
		if got := get(id).Title; got != title {
			t.Errorf("task %d: title %q, want %q", id, got, title)
		}
	}
	byTask := map[int64][]string{}
	for note, id := range l.notes {
		byTask[id] = append(byTask[id], note)
	}
	for id, notes := range byTask {
		stored := servedNotes(t, c, id)
		for _, n := range notes {
			if stored[n] != 1 {
				t.Errorf("task %d: acknowledged progress note %q served %d times", id, n, stored[n])
			}
		}
	}
	for id := range l.patches {
		last := l.last(id)
		later := map[string]bool{last.Description: true}
		for _, p := range full.patches[id] {
			if p.Version > last.Version {
				later[p.Description] = true
			}
		}
		tk := get(id)
		if tk.Version < last.Version || !later[tk.Description] {
			t.Errorf("task %d: version %d, description %q; acknowledged before the backup: version %d, %q",
				id, tk.Version, tk.Description, last.Version, last.Description)
		}
	}
}

// servedNotes counts the notes of task id's progress history, all pages.
func servedNotes(t *testing.T, c *apiClient, id int64) map[string]int {
	t.Helper()
	out := map[string]int{}
	for page, seen := 1, 0; ; page++ {
		var list struct {
			Items []struct {
				Note string `json:"note"`
			} `json:"items"`
			Total int `json:"total"`
		}
		c.must(t, "GET", fmt.Sprintf("/api/v1/tasks/%d/progress?per_page=100&page=%d", id, page), nil, 200, &list)
		for _, it := range list.Items {
			out[it.Note]++
		}
		seen += len(list.Items)
		if len(list.Items) == 0 || seen >= list.Total {
			return out
		}
	}
}

// TestBackupPostgres checks that `tracker backup` on a PostgreSQL database
// exits 1 with the message that points to pg_dump, and writes nothing.
func TestBackupPostgres(t *testing.T) {
	if os.Getenv(storetest.PostgresEnv) == "" {
		t.Skipf("%s is not set", storetest.PostgresEnv)
	}
	vars := map[string]string{"TRACKER_DATABASE_URL": storetest.URL(t, "postgres")}
	file := filepath.Join(t.TempDir(), "backup.db")
	_, stderr, err := runCLI(t, vars, "", "backup", file)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("tracker backup on PostgreSQL: %v, want exit status 1\n%s", err, stderr)
	}
	if !strings.Contains(stderr, store.ErrBackupPostgres.Error()) {
		t.Errorf("tracker backup on PostgreSQL said %q, want %q", stderr, store.ErrBackupPostgres.Error())
	}
	if _, err := os.Stat(file); err == nil {
		t.Errorf("tracker backup on PostgreSQL wrote %s", file)
	}
}
