package store_test

import (
	"context"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The user rows of the trail follow who may read the user.
func TestActivityUserRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		for _, c := range []struct {
			name string
			who  *tracker.User
			want []*tracker.User
		}{
			{"Admin", w.admin, []*tracker.User{w.admin, w.leader, w.sup, w.supMC, w.intern, w.intern2, w.internMC}},
			{"Leadership", w.leader, []*tracker.User{w.admin, w.leader, w.sup, w.supMC, w.intern, w.intern2, w.internMC}},
			{"Supervisor", w.sup, []*tracker.User{w.sup, w.intern, w.intern2}},
			{"Intern", w.intern, []*tracker.User{w.intern}},
		} {
			t.Run(c.name, func(t *testing.T) {
				rows, total, err := w.s.Activity(ctx, c.who, store.ActivityFilter{EntityType: tracker.EntityUser})
				if err != nil {
					t.Fatal(err)
				}
				seen := map[int64]bool{}
				for _, r := range rows {
					seen[r.EntityID] = true
				}
				if total != int64(len(c.want)) || len(seen) != len(c.want) {
					t.Fatalf("sees %d rows about %d users, want %d", total, len(seen), len(c.want))
				}
				for _, u := range c.want {
					if !seen[u.ID] {
						t.Fatalf("does not see the row of %s", u.Name)
					}
				}
			})
		}
	})
}

func TestActivityNewestFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		p := w.project(1)
		for range 3 {
			w.task(p.ID, nil, store.TaskInput{})
		}
		rows, _, err := w.s.Activity(ctx, w.admin, store.ActivityFilter{EntityType: tracker.EntityTask})
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(rows); i++ {
			if rows[i].CreatedAt.After(rows[i-1].CreatedAt) || (rows[i].CreatedAt.Equal(rows[i-1].CreatedAt) && rows[i].ID > rows[i-1].ID) {
				t.Fatalf("rows not newest first: %d before %d", rows[i-1].ID, rows[i].ID)
			}
		}
		_, _, err = w.s.Activity(ctx, w.admin, store.ActivityFilter{Page: store.Page{Sort: "actor"}})
		wkCode(t, err, tracker.ECodeInvalid)
	})
}
