package seed_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/seed"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TestScale seeds a small synthetic history (N=0.2: five interns, 300
// tasks) and checks that it is what the store itself would have written:
// every task's row is where its trail leaves it, every move is one the
// workflow allows, nothing lies in the future, and the trail's ids follow
// its times.
func TestScale(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		ctx := context.Background()
		var bar strings.Builder
		began := time.Now()
		sum, err := seed.Scale(ctx, db.URL, seed.ScaleOptions{N: 0.2, Now: storetest.Epoch, Hasher: auth.FastHasher(), Progress: seed.Bar(&bar)})
		if err != nil {
			t.Fatalf("Scale: %v", err)
		}
		t.Logf("seeded %+v in %s", *sum, time.Since(began).Round(time.Millisecond))
		if sum.Tasks != 300 || sum.ProgressLogs < 2000 || sum.ProgressLogs > 4000 || sum.Placements != 5 {
			t.Errorf("summary %+v: want 300 tasks, about 3,000 logs, 5 placements", *sum)
		}
		if !strings.Contains(bar.String(), "100%") || !strings.HasSuffix(bar.String(), "\n") {
			t.Errorf("progress bar never reached 100%%: %q", bar.String())
		}
		st := db.Store
		admin := &tracker.User{ID: 1, Role: tracker.RoleAdmin}

		t.Run("ErrNotEmpty", func(t *testing.T) {
			_, err := seed.Scale(ctx, db.URL, seed.ScaleOptions{N: 0.2, Now: storetest.Epoch, Hasher: auth.FastHasher()})
			if !errors.Is(err, seed.ErrNotEmpty) {
				t.Fatalf("second Scale: got %v, want ErrNotEmpty", err)
			}
		})
		t.Run("TasksFollowTheirTrail", func(t *testing.T) { checkScaleTrail(t, st, admin, sum.Tasks) })
		t.Run("SignIn", func(t *testing.T) {
			u, err := st.UserByEmail(ctx, seed.ScaleAdminEmail)
			if err != nil {
				t.Fatal(err)
			}
			if ok, err := auth.FastHasher().Verify(u.PasswordHash, seed.ScalePassword); err != nil || !ok || u.Role != tracker.RoleAdmin {
				t.Errorf("admin %s: role %s, password verifies %v (%v)", u.Email, u.Role, ok, err)
			}
		})
		t.Run("Board", func(t *testing.T) {
			b, err := st.Board(ctx, admin, store.BoardFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var total int64
			for _, c := range b.Cells {
				total += c.Total
			}
			if total != int64(sum.Tasks) || len(b.ActivePlacements) == 0 || len(b.RecentActivity) == 0 {
				t.Errorf("board: %d tasks in cells (want %d), %d active placements, %d activity rows",
					total, sum.Tasks, len(b.ActivePlacements), len(b.RecentActivity))
			}
		})
	})
}

// checkScaleTrail replays the trail of every task and compares it with the
// task's row.
func checkScaleTrail(t *testing.T, st *store.Store, admin *tracker.User, nTasks int) {
	ctx := context.Background()
	now := storetest.Epoch
	type state struct {
		status  tracker.Status
		updates int64
	}
	seen := map[int64]*state{}
	var lastAt time.Time
	for page := 1; ; page++ {
		acts, total, err := st.Activity(ctx, admin, store.ActivityFilter{EntityType: tracker.EntityTask,
			Page: store.Page{Page: page, PerPage: store.MaxPerPage, Sort: "id"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range acts {
			if a.CreatedAt.After(now) || a.CreatedAt.Before(lastAt) {
				t.Fatalf("activity %d at %s: in the future or before the row before it (%s)", a.ID, a.CreatedAt, lastAt)
			}
			lastAt = a.CreatedAt
			s := seen[a.EntityID]
			if a.Action == tracker.ActionCreate {
				seen[a.EntityID] = &state{status: tracker.StatusTodo}
				continue
			}
			if s == nil {
				t.Fatalf("activity %d updates task %d before its creation", a.ID, a.EntityID)
			}
			s.updates++
			if c, ok := a.Changes["status"]; ok {
				from, to := tracker.Status(c.Before.(string)), tracker.Status(c.After.(string))
				if from != s.status || !tracker.CanMove(tracker.MoverReviewer, from, to) && !tracker.CanMove(tracker.MoverAssignee, from, to) {
					t.Fatalf("activity %d moves task %d %s -> %s while it is %s", a.ID, a.EntityID, from, to, s.status)
				}
				s.status = to
			}
		}
		if int64(page*store.MaxPerPage) >= total {
			break
		}
	}
	tasks := map[tracker.Status]int{}
	for page := 1; ; page++ {
		ts, total, err := st.Tasks(ctx, admin, store.TaskFilter{Page: store.Page{Page: page, PerPage: store.MaxPerPage, Sort: "created_at"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range ts {
			s := seen[tk.ID]
			switch {
			case s == nil:
				t.Fatalf("task %d has no creation in the trail", tk.ID)
			case s.status != tk.Status || s.updates+1 != tk.Version:
				t.Fatalf("task %d is %s at version %d; its trail leaves it %s after %d updates", tk.ID, tk.Status, tk.Version, s.status, s.updates)
			case (tk.Status == tracker.StatusDone) != (tk.CompletedAt != nil), tk.Status == tracker.StatusDone && tk.Progress != 100:
				t.Fatalf("task %d: %s with completed_at %v and progress %d", tk.ID, tk.Status, tk.CompletedAt, tk.Progress)
			}
			tasks[tk.Status]++
		}
		if int64(page*store.MaxPerPage) >= total {
			if total != int64(nTasks) {
				t.Errorf("%d tasks listed, want %d", total, nTasks)
			}
			break
		}
	}
	for _, s := range tracker.Statuses {
		if tasks[s] == 0 {
			t.Errorf("no task is %s: %v", s, tasks)
		}
	}
}
