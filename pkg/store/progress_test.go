package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Concurrent reports on one task each get their log and their own version
// bump: none is lost and none fails on a version it did not send.
func TestProgressConcurrentLogs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		tk := w.task(w.project(1).ID, w.intern, store.TaskInput{})
		const n = 10
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				pct := 10 * i
				who := w.intern
				if i%2 == 1 {
					who = w.sup
				}
				_, _, errs[i] = w.s.AddProgress(ctx, who, tk.ID, store.NewProgress{Progress: &pct})
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("concurrent log failed: %v", err)
			}
		}
		logs, total, err := w.s.ProgressLogs(ctx, w.admin, tk.ID, store.Page{PerPage: 100})
		if err != nil || total != n || len(logs) != n {
			t.Fatalf("logs = %d (%d), err %v", len(logs), total, err)
		}
		got, _ := w.s.Task(ctx, w.admin, tk.ID)
		if got.Version != 1+n || got.Status != tracker.StatusInProgress {
			t.Fatalf("task after %d logs: version %d status %s", n, got.Version, got.Status)
		}
	})
}

func TestProgressRecordsTaskChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		tk := w.task(w.project(1).ID, w.intern, store.TaskInput{})
		pct, hours := 25, 1.5
		log, after, err := w.s.AddProgress(ctx, w.intern, tk.ID, store.NewProgress{Note: "n", Progress: &pct, Hours: &hours})
		if err != nil {
			t.Fatal(err)
		}
		if after.Version != 2 || after.Progress != 25 || after.Status != tracker.StatusInProgress || log.AuthorID != w.intern.ID {
			t.Fatalf("log %+v task %+v", log, after)
		}
		rows := w.activity(tracker.EntityTask, tk.ID)
		if len(rows) != 2 || rows[0].Changes["status"].After != "in_progress" || rows[0].Changes["progress"].After != float64(25) {
			t.Fatalf("task rows = %+v", rows)
		}
		if _, ok := rows[0].Changes["status_since"]; ok {
			t.Fatal("status_since is recorded as a change")
		}
		if rows := w.activity(tracker.EntityProgress, log.ID); len(rows) != 1 || *rows[0].BranchID != 1 || *rows[0].SubjectID != w.intern.ID {
			t.Fatalf("log rows = %+v", rows)
		}
		// A log of a task is not found through another task.
		other := w.task(w.project(1).ID, nil, store.TaskInput{})
		_, err = w.s.ProgressLog(ctx, w.admin, other.ID, log.ID)
		wkCode(t, err, tracker.ECodeNotFound)
	})
}
