package seed_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/seed"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

var admin = &tracker.User{Role: tracker.RoleAdmin}

func TestDemo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		ctx := context.Background()
		began := time.Now()
		if err := seed.Demo(ctx, db.URL, auth.FastHasher(), storetest.Epoch); err != nil {
			t.Fatalf("Demo: %v", err)
		}
		t.Logf("seeded in %s", time.Since(began).Round(time.Millisecond))
		st := db.Store

		t.Run("ErrNotEmpty", func(t *testing.T) {
			users, acts := countUsers(t, st), len(allActivity(t, st))
			err := seed.Demo(ctx, db.URL, auth.FastHasher(), storetest.Epoch)
			if !errors.Is(err, seed.ErrNotEmpty) {
				t.Fatalf("second Demo: got %v, want ErrNotEmpty", err)
			}
			if u, a := countUsers(t, st), len(allActivity(t, st)); u != users || a != acts {
				t.Errorf("second Demo added rows: users %d -> %d, activity %d -> %d", users, u, acts, a)
			}
		})
		t.Run("Users", func(t *testing.T) { checkUsers(t, st) })
		t.Run("Placements", func(t *testing.T) { checkPlacements(t, st) })
		t.Run("Projects", func(t *testing.T) { checkProjects(t, st) })
		t.Run("Tasks", func(t *testing.T) { checkTasks(t, st) })
		t.Run("ListMatchesOne", func(t *testing.T) { checkListMatchesOne(t, st) })
		t.Run("Activity", func(t *testing.T) { checkActivity(t, st, storetest.Epoch) })
		t.Run("Objectives", func(t *testing.T) { checkObjectives(t, st) })
		t.Run("Reports", func(t *testing.T) { checkReports(t, st) })
	})
}

// TestDemoAnyDay seeds the demo for days whose calendar arithmetic is
// awkward (month ends, a leap day, weekends, new year) and checks that the
// history still replays and the interns are in the months their notes say.
func TestDemoAnyDay(t *testing.T) {
	days := []time.Time{
		time.Date(2026, 8, 31, 8, 0, 0, 0, time.UTC),  // a 31st, early morning
		time.Date(2027, 1, 2, 13, 0, 0, 0, time.UTC),  // a Saturday after new year
		time.Date(2026, 3, 1, 0, 10, 0, 0, time.UTC),  // a Sunday just after midnight
		time.Date(2028, 2, 29, 18, 0, 0, 0, time.UTC), // a leap day
	}
	for _, now := range days {
		t.Run(now.Format("2006-01-02"), func(t *testing.T) {
			db := storetest.New(t, "sqlite")
			db.Clock.Set(now)
			if err := seed.Demo(context.Background(), db.URL, auth.FastHasher(), now); err != nil {
				t.Fatalf("Demo: %v", err)
			}
			checkPlacements(t, db.Store)
			checkActivity(t, db.Store, now)
		})
	}
}

func countUsers(t *testing.T, st *store.Store) int64 {
	t.Helper()
	_, n, err := st.Users(context.Background(), admin, store.UserFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func checkUsers(t *testing.T, st *store.Store) {
	users, total, err := st.Users(context.Background(), admin, store.UserFilter{Page: store.Page{PerPage: 100}})
	if err != nil {
		t.Fatal(err)
	}
	roles := map[tracker.Role]int{}
	for _, u := range users {
		roles[u.Role]++
	}
	want := map[tracker.Role]int{tracker.RoleAdmin: 1, tracker.RoleLeadership: 1, tracker.RoleSupervisor: 4, tracker.RoleIntern: 14}
	if total != 20 || fmt.Sprint(roles) != fmt.Sprint(want) {
		t.Errorf("users: %d %v, want 20 %v", total, roles, want)
	}
}

var monthNote = regexp.MustCompile(`month (\d)`)

// checkPlacements checks each intern's placement against the note of the
// demo login: its month, ended or upcoming; and its milestones, done
// exactly when they fell due before today.
func checkPlacements(t *testing.T, st *store.Store) {
	ctx := context.Background()
	notes := map[string]string{}
	for _, l := range seed.DemoLogins() {
		notes[l.Email] = l.Note
	}
	ps, total, err := st.Placements(ctx, admin, store.PlacementFilter{Page: store.Page{PerPage: 100}})
	if err != nil {
		t.Fatal(err)
	}
	if total != 14 {
		t.Errorf("placements: %d, want 14", total)
	}
	today := st.Today()
	seen := map[string]bool{}
	for _, p := range ps {
		u, err := st.User(ctx, admin, p.InternID)
		if err != nil {
			t.Fatal(err)
		}
		note := notes[u.Email]
		want := tracker.PlacementActive
		switch {
		case strings.Contains(note, "ended"):
			want = tracker.PlacementEnded
		case strings.Contains(note, "next month"):
			want = tracker.PlacementUpcoming
		}
		if p.State != want {
			t.Errorf("%s (%s): state %s, want %s", u.Name, note, p.State, want)
		}
		if m := monthNote.FindStringSubmatch(note); m != nil && strconv.Itoa(p.Month) != m[1] {
			t.Errorf("%s (%s): month %d of 6 (start %s)", u.Name, note, p.Month, p.StartDate)
		}
		seen[string(p.State)+strconv.Itoa(p.Month)] = true
		ms, err := st.Milestones(ctx, admin, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 3 {
			t.Errorf("%s: %d milestones, want 3", u.Name, len(ms))
		}
		for _, m := range ms {
			if done := m.DoneAt != nil; done != m.DueDate.Before(today) {
				t.Errorf("%s: %s due %s done=%v on %s", u.Name, m.Kind, m.DueDate, done, today)
			}
		}
	}
	for _, k := range []string{"active1", "active5", "ended6", "upcoming1"} {
		if !seen[k] {
			t.Errorf("no placement %s (state and month)", k)
		}
	}
}

func checkProjects(t *testing.T, st *store.Store) {
	ps, _, err := st.Projects(context.Background(), admin, store.ProjectFilter{Page: store.Page{PerPage: 100}})
	if err != nil {
		t.Fatal(err)
	}
	streams, branches, pairs := map[int64]bool{}, map[int64]bool{}, map[[2]int64]bool{}
	for _, p := range ps {
		streams[p.StreamID], branches[p.BranchID], pairs[[2]int64{p.StreamID, p.BranchID}] = true, true, true
		if len(p.TagIDs) == 0 {
			t.Errorf("project %q has no tags", p.Title)
		}
	}
	if len(streams) != 3 || len(branches) != 2 || len(pairs) != 6 {
		t.Errorf("projects cover %d streams, %d branches, %d stream-branch pairs; want 3, 2, 6", len(streams), len(branches), len(pairs))
	}
}

func allTasks(t *testing.T, st *store.Store) []tracker.Task {
	t.Helper()
	var out []tracker.Task
	for page := 1; ; page++ {
		ts, total, err := st.Tasks(context.Background(), admin, store.TaskFilter{Page: store.Page{Page: page, PerPage: 100}})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ts...)
		if int64(len(out)) >= total || len(ts) == 0 {
			return out
		}
	}
}

// checkTasks checks the spread of the work: every status, overdue and
// blocked tasks, a progress history on what was started and a reason on
// what is blocked.
func checkTasks(t *testing.T, st *store.Store) {
	ctx := context.Background()
	ts := allTasks(t, st)
	if len(ts) < 60 || len(ts) > 80 {
		t.Errorf("%d tasks, want 60 to 80", len(ts))
	}
	byStatus, overdue := map[tracker.Status]int{}, 0
	for _, task := range ts {
		byStatus[task.Status]++
		if task.Overdue {
			overdue++
		}
		logs, n, err := st.ProgressLogs(ctx, admin, task.ID, store.Page{})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case task.Status == tracker.StatusTodo && n != 0:
			t.Errorf("%q: todo with %d progress logs", task.Title, n)
		case task.Status != tracker.StatusTodo && (n < 2 || n > 6):
			t.Errorf("%q: %s with %d progress logs, want 2 to 6", task.Title, task.Status, n)
		case task.Status == tracker.StatusBlocked && !strings.HasPrefix(logs[0].Note, "Blocked:"):
			t.Errorf("%q: blocked, but the last log says %q", task.Title, logs[0].Note)
		case task.Status == tracker.StatusDone && (task.Progress != 100 || task.CompletedAt == nil):
			t.Errorf("%q: done at %d%%, completed %v", task.Title, task.Progress, task.CompletedAt)
		}
		for i := 1; i < len(logs); i++ {
			if logs[i].Progress > logs[i-1].Progress {
				t.Errorf("%q: progress falls from %d to %d", task.Title, logs[i].Progress, logs[i-1].Progress)
			}
		}
	}
	for _, s := range tracker.Statuses {
		if byStatus[s] == 0 {
			t.Errorf("no task in %s (%v)", s, byStatus)
		}
	}
	if overdue == 0 || byStatus[tracker.StatusBlocked] < 2 {
		t.Errorf("%d overdue and %d blocked tasks; want some of each", overdue, byStatus[tracker.StatusBlocked])
	}
	_, comments, err := st.Activity(ctx, admin, store.ActivityFilter{EntityType: tracker.EntityComment})
	if err != nil {
		t.Fatal(err)
	}
	if comments == 0 {
		t.Error("no comments")
	}
}

func allActivity(t *testing.T, st *store.Store) []tracker.Activity {
	t.Helper()
	var out []tracker.Activity
	for page := 1; ; page++ {
		as, total, err := st.Activity(context.Background(), admin, store.ActivityFilter{Page: store.Page{Page: page, PerPage: 100}})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, as...)
		if int64(len(out)) >= total || len(as) == 0 {
			return out
		}
	}
}

// checkActivity checks that the history was written forwards (in the
// order of the rows, their times never go back) and never in the future,
// and that every created task has its row in the trail.
func checkActivity(t *testing.T, st *store.Store, now time.Time) {
	as := allActivity(t, st)
	sort.Slice(as, func(i, j int) bool { return as[i].ID < as[j].ID })
	created := map[string]int{}
	for i, a := range as {
		if i > 0 && a.CreatedAt.Before(as[i-1].CreatedAt) {
			t.Errorf("activity %d (%s %s) at %s is before activity %d at %s",
				a.ID, a.Action, a.EntityType, a.CreatedAt, as[i-1].ID, as[i-1].CreatedAt)
		}
		if a.CreatedAt.After(now) {
			t.Errorf("activity %d (%s %s) in the future: %s", a.ID, a.Action, a.EntityType, a.CreatedAt)
		}
		if a.Action == tracker.ActionCreate {
			created[a.EntityType]++
		}
	}
	if tasks := len(allTasks(t, st)); created[tracker.EntityTask] != tasks {
		t.Errorf("%d task creations in the trail for %d tasks", created[tracker.EntityTask], tasks)
	}
	if created[tracker.EntityProgress] == 0 || created[tracker.EntityPlacement] != 14 {
		t.Errorf("trail: %v", created)
	}
}

// checkListMatchesOne checks that the task list, which scans its page in
// one hand-written query, says of every task exactly what GET /tasks/{id}
// says: tags in order, assignee name, overdue, every time and date.
func checkListMatchesOne(t *testing.T, st *store.Store) {
	ctx, multi := context.Background(), 0
	for page := 1; ; page++ {
		items, total, err := st.Tasks(ctx, admin, store.TaskFilter{Page: store.Page{Page: page, PerPage: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range items {
			want, err := st.Task(ctx, admin, got.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(&got, want) {
				t.Errorf("task %d:\n list %+v\n  one %+v", got.ID, got, *want)
			}
			if len(got.TagIDs) > 1 {
				multi++
			}
		}
		if int64(page*100) >= total {
			break
		}
	}
	if multi == 0 {
		t.Error("no task with several tags: the demo no longer covers the tag order")
	}
}
