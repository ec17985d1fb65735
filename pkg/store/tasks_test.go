package store_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func TestTaskOverdueFilterMatchesIsOverdue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		p := w.project(1)
		today := db.Store.Today()
		var all []int64
		for _, due := range []*tracker.Date{nil, wkPtr(today.AddDays(-1)), wkPtr(today), wkPtr(today.AddDays(1))} {
			in := store.TaskInput{}
			if due != nil {
				in.DueDate = tracker.Of(*due)
			}
			tk := w.task(p.ID, w.intern, in)
			all = append(all, tk.ID)
			for _, to := range []tracker.Status{tracker.StatusInProgress, tracker.StatusInReview, tracker.StatusDone} {
				var err error
				if tk, err = w.s.UpdateTask(ctx, w.admin, tk.ID, tk.Version, store.TaskInput{Status: &to}); err != nil {
					t.Fatal(err)
				}
			}
			if due != nil {
				late := w.task(p.ID, nil, store.TaskInput{DueDate: tracker.Of(*due)})
				all = append(all, late.ID)
			}
		}
		var seen []int64
		for _, overdue := range []bool{true, false} {
			items, total, err := w.s.Tasks(ctx, w.intern, store.TaskFilter{Overdue: &overdue})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				if it.Overdue != overdue || it.IsOverdue(today) != overdue {
					t.Fatalf("filter overdue=%v let through %+v", overdue, it)
				}
				seen = append(seen, it.ID)
			}
			if overdue && total != 1 {
				t.Fatalf("overdue tasks = %d, want 1", total)
			}
		}
		slices.Sort(seen)
		slices.Sort(all)
		if !slices.Equal(seen, all) {
			t.Fatalf("overdue and not overdue give %v, want every task %v", seen, all)
		}
	})
}

func TestTaskConcurrentPatchesOneWins(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		tk := w.task(w.project(1).ID, w.intern, store.TaskInput{})
		const n = 8
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				title := string(rune('a' + i))
				_, errs[i] = w.s.UpdateTask(ctx, w.sup, tk.ID, 1, store.TaskInput{Title: &title})
			})
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case tracker.ErrorCode(err) != tracker.ECodeVersionMismatch:
				t.Fatalf("unexpected error: %v", err)
			}
		}
		got, _ := w.s.Task(ctx, w.admin, tk.ID)
		if won != 1 || got.Version != 2 || len(w.activity(tracker.EntityTask, tk.ID)) != 2 {
			t.Fatalf("%d patches won, version %d", won, got.Version)
		}
	})
}

func TestTaskAssigneeRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		p := w.project(1)
		tk := w.task(p.ID, w.intern, store.TaskInput{})
		// The intern's placement ends: the task keeps its assignee and can
		// still be edited, but nobody new can be given the intern.
		db.Clock.Set(db.Clock.Now().AddDate(1, 0, 0))
		up, err := w.s.UpdateTask(ctx, w.sup, tk.ID, 1, store.TaskInput{Title: wkPtr("Still mine"), AssigneeID: tracker.Of(w.intern.ID)})
		if err != nil || *up.AssigneeID != w.intern.ID {
			t.Fatalf("keeping an ended assignee: %+v %v", up, err)
		}
		_, err = w.s.CreateTask(ctx, w.sup, store.TaskInput{ProjectID: &p.ID, Title: wkPtr("x"), AssigneeID: tracker.Of(w.intern.ID)})
		wkCode(t, err, tracker.ECodeInvalid)
		var e *tracker.Error
		if !errors.As(err, &e) || e.Fields["assignee_id"] == "" {
			t.Fatalf("error %v does not name assignee_id", err)
		}
		// Only status is the assignee's to change, even through the store.
		_, err = w.s.UpdateTask(ctx, w.intern, tk.ID, 2, store.TaskInput{Priority: wkPtr(tracker.PriorityHigh)})
		wkCode(t, err, tracker.ECodeForbidden)
	})
}
