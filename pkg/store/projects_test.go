package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// wkWorld is the people of the work tests: an admin, a leader, a
// supervisor and two placed interns in CPP (branch 1), a supervisor and a
// placed intern in MC (branch 2).
type wkWorld struct {
	t                                          *testing.T
	s                                          *store.Store
	admin, leader, sup, intern, intern2, supMC *tracker.User
	internMC                                   *tracker.User
}

func wkSetup(t *testing.T, db *storetest.DB) *wkWorld {
	t.Helper()
	w := &wkWorld{t: t, s: db.Store}
	cpp, mc := int64(1), int64(2)
	add := func(name string, role tracker.Role, branch *int64) *tracker.User {
		u, err := db.Store.CreateUserUnchecked(context.Background(), store.NewUser{Email: name + "@example.org", Name: name,
			Role: role, BranchID: branch, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	w.admin, w.leader = add("admin", tracker.RoleAdmin, nil), add("leader", tracker.RoleLeadership, nil)
	w.sup, w.supMC = add("sup", tracker.RoleSupervisor, &cpp), add("supmc", tracker.RoleSupervisor, &mc)
	w.intern, w.intern2 = add("intern", tracker.RoleIntern, &cpp), add("intern2", tracker.RoleIntern, &cpp)
	w.internMC = add("internmc", tracker.RoleIntern, &mc)
	start := db.Store.Today().AddDays(-30)
	for _, p := range []struct{ intern, sup *tracker.User }{{w.intern, w.sup}, {w.intern2, w.sup}, {w.internMC, w.supMC}} {
		_, err := db.Store.CreatePlacement(context.Background(), w.admin, store.NewPlacement{InternID: p.intern.ID, SupervisorID: p.sup.ID, StartDate: start})
		if err != nil {
			t.Fatal(err)
		}
	}
	return w
}

func wkPtr[T any](v T) *T { return &v }

// project creates a project of stream 1 in branch, with tags.
func (w *wkWorld) project(branch int64, tags ...int64) *tracker.Project {
	w.t.Helper()
	in := store.ProjectInput{StreamID: wkPtr(int64(1)), BranchID: &branch, Title: wkPtr("Project")}
	if tags != nil {
		in.TagIDs = &tags
	}
	p, err := w.s.CreateProject(context.Background(), w.admin, in)
	if err != nil {
		w.t.Fatal(err)
	}
	return p
}

// task creates a task in project, assigned to assignee (nil for none).
func (w *wkWorld) task(project int64, assignee *tracker.User, in store.TaskInput) *tracker.Task {
	w.t.Helper()
	in.ProjectID = &project
	if in.Title == nil {
		in.Title = wkPtr("Task")
	}
	if assignee != nil {
		in.AssigneeID = tracker.Of(assignee.ID)
	}
	t, err := w.s.CreateTask(context.Background(), w.admin, in)
	if err != nil {
		w.t.Fatal(err)
	}
	return t
}

// activity returns the trail of one entity as an admin, newest first.
func (w *wkWorld) activity(entity string, id int64) []tracker.Activity {
	w.t.Helper()
	out, _, err := w.s.Activity(context.Background(), w.admin, store.ActivityFilter{EntityType: entity, EntityID: id})
	if err != nil {
		w.t.Fatal(err)
	}
	return out
}

func wkCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := tracker.ErrorCode(err); got != code {
		t.Fatalf("error %v has code %q, want %q", err, got, code)
	}
}

func TestProjectStreamChangeCarriesTasks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		p := w.project(1)
		other := w.project(1)
		a := w.task(p.ID, w.intern, store.TaskInput{})
		b := w.task(p.ID, nil, store.TaskInput{})
		c := w.task(other.ID, nil, store.TaskInput{})
		if _, err := w.s.UpdateProject(ctx, w.sup, p.ID, 1, store.ProjectInput{StreamID: wkPtr(int64(3))}); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			task            *tracker.Task
			stream, version int64
			rows            int
		}{{a, 3, 2, 2}, {b, 3, 2, 2}, {c, 1, 1, 1}} {
			got, err := w.s.Task(ctx, w.admin, tc.task.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.StreamID != tc.stream || got.Version != tc.version {
				t.Fatalf("task %d: stream %d version %d, want %d and %d", got.ID, got.StreamID, got.Version, tc.stream, tc.version)
			}
			rows := w.activity(tracker.EntityTask, tc.task.ID)
			if len(rows) != tc.rows {
				t.Fatalf("task %d has %d activity rows, want %d", got.ID, len(rows), tc.rows)
			}
			if tc.rows == 2 && (rows[0].Changes["stream_id"].After != float64(3) || *rows[0].ActorID != w.sup.ID || *rows[0].BranchID != 1) {
				t.Fatalf("stream row = %+v", rows[0])
			}
		}
		if rows := w.activity(tracker.EntityTask, a.ID); rows[0].SubjectID == nil || *rows[0].SubjectID != w.intern.ID {
			t.Fatalf("assigned task's stream row lacks its assignee: %+v", rows[0])
		}
	})
}

func TestProjectTagsAndDelete(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		w, ctx := wkSetup(t, db), context.Background()
		p := w.project(1, 3, 1, 3)
		if !slices.Equal(p.TagIDs, []int64{1, 3}) {
			t.Fatalf("tags = %v, want [1 3]", p.TagIDs)
		}
		// The same set in another order changes nothing.
		same, err := w.s.UpdateProject(ctx, w.sup, p.ID, 1, store.ProjectInput{TagIDs: &[]int64{3, 1}})
		if err != nil || same.Version != 1 {
			t.Fatalf("same tags: version %v err %v", same, err)
		}
		up, err := w.s.UpdateProject(ctx, w.sup, p.ID, 1, store.ProjectInput{TagIDs: &[]int64{2}})
		if err != nil || up.Version != 2 || !slices.Equal(up.TagIDs, []int64{2}) {
			t.Fatalf("new tags: %+v err %v", up, err)
		}
		rows := w.activity(tracker.EntityProject, p.ID)
		if len(rows) != 2 || rows[0].Changes["tag_ids"].Before == nil || rows[0].Changes["updated_at"] != (tracker.Change{}) {
			t.Fatalf("tag change rows = %+v", rows)
		}
		_, err = w.s.UpdateProject(ctx, w.sup, p.ID, 1, store.ProjectInput{Title: wkPtr("stale")})
		wkCode(t, err, tracker.ECodeVersionMismatch)
		_, err = w.s.UpdateProject(ctx, w.sup, p.ID, 2, store.ProjectInput{BranchID: wkPtr(int64(2))})
		wkCode(t, err, tracker.ECodeInvalid)

		w.task(p.ID, nil, store.TaskInput{})
		wkCode(t, w.s.DeleteProject(ctx, w.sup, p.ID), tracker.ECodeConflict)
		empty := w.project(1, 4)
		wkCode(t, w.s.DeleteProject(ctx, w.supMC, empty.ID), tracker.ECodeForbidden)
		if err := w.s.DeleteProject(ctx, w.sup, empty.ID); err != nil {
			t.Fatal(err)
		}
		_, err = w.s.Project(ctx, w.admin, empty.ID)
		wkCode(t, err, tracker.ECodeNotFound)
		if rows := w.activity(tracker.EntityProject, empty.ID); len(rows) != 2 || rows[0].Action != tracker.ActionDelete || *rows[0].BranchID != 1 {
			t.Fatalf("delete rows = %+v", rows)
		}
	})
}
