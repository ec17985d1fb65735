package store_test

import (
	"context"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func TestCommentRights(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		tk := w.task(w.project(1).ID, w.intern, store.TaskInput{})
		c, err := w.s.AddComment(ctx, w.intern, tk.ID, "mine")
		if err != nil {
			t.Fatal(err)
		}
		_, err = w.s.AddComment(ctx, w.intern2, tk.ID, "not my task")
		wkCode(t, err, tracker.ECodeForbidden)
		_, err = w.s.AddComment(ctx, w.internMC, tk.ID, "hidden task")
		wkCode(t, err, tracker.ECodeNotFound)
		_, err = w.s.UpdateComment(ctx, w.sup, tk.ID, c.ID, 1, "not mine")
		wkCode(t, err, tracker.ECodeForbidden)
		up, err := w.s.UpdateComment(ctx, w.intern, tk.ID, c.ID, 1, "mine, edited")
		if err != nil || up.Version != 2 || up.Body != "mine, edited" {
			t.Fatalf("edit: %+v %v", up, err)
		}
		// Unassigned, the intern still owns the words but may no longer
		// add any.
		if _, err := w.s.UpdateTask(ctx, w.sup, tk.ID, 1, store.TaskInput{AssigneeID: tracker.Nullable[int64]{Set: true}}); err != nil {
			t.Fatal(err)
		}
		_, err = w.s.AddComment(ctx, w.intern, tk.ID, "again")
		wkCode(t, err, tracker.ECodeForbidden)
		wkCode(t, w.s.DeleteComment(ctx, w.intern2, tk.ID, c.ID), tracker.ECodeForbidden)
		if err := w.s.DeleteComment(ctx, w.sup, tk.ID, c.ID); err != nil {
			t.Fatal(err)
		}
		rows := w.activity(tracker.EntityComment, c.ID)
		if len(rows) != 3 || rows[0].Action != tracker.ActionDelete || rows[1].Changes["body"].After != "mine, edited" {
			t.Fatalf("comment rows = %+v", rows)
		}
	})
}
