package store_test

import (
	"context"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// plPeople are the users of the placement store tests.
type plPeople struct {
	admin, sup, intern, other *tracker.User
}

func plUsers(t *testing.T, s *store.Store) plPeople {
	t.Helper()
	cpp := int64(1)
	add := func(email string, role tracker.Role, branch *int64) *tracker.User {
		u, err := s.CreateUserUnchecked(context.Background(), store.NewUser{Email: email, Name: email, Role: role, BranchID: branch, PasswordHash: "x"})
		if err != nil {
			t.Fatalf("add %s: %v", email, err)
		}
		return u
	}
	return plPeople{
		admin: add("admin@example.org", tracker.RoleAdmin, nil), sup: add("sup@example.org", tracker.RoleSupervisor, &cpp),
		intern: add("intern@example.org", tracker.RoleIntern, &cpp), other: add("other@example.org", tracker.RoleIntern, &cpp),
	}
}

func TestPlacementActivity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		ctx, s := context.Background(), db.Store
		u := plUsers(t, s)
		start := s.Today()
		p, err := s.CreatePlacement(ctx, u.sup, store.NewPlacement{InternID: u.intern.ID, SupervisorID: u.sup.ID, StartDate: start})
		if err != nil {
			t.Fatal(err)
		}
		rows := func(entity string) []tracker.Activity {
			t.Helper()
			out, _, err := s.Activity(ctx, u.admin, store.ActivityFilter{EntityType: entity})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range out {
				if a.BranchID == nil || *a.BranchID != p.BranchID || a.SubjectID == nil || *a.SubjectID != u.intern.ID ||
					a.ActorID == nil || *a.ActorID != u.sup.ID {
					t.Fatalf("%s row %+v: want branch %d, subject %d, actor %d", entity, a, p.BranchID, u.intern.ID, u.sup.ID)
				}
			}
			return out
		}
		if n := len(rows(tracker.EntityPlacement)); n != 1 {
			t.Fatalf("%d placement rows after create, want 1", n)
		}
		if n := len(rows(tracker.EntityMilestone)); n != 3 {
			t.Fatalf("%d milestone rows after create, want 3", n)
		}
		// Moving the end re-dates the mid-term and final reviews only.
		end := p.EndDate.AddDays(-30)
		if _, err := s.UpdatePlacement(ctx, u.sup, p.ID, 1, store.PlacementPatch{EndDate: &end}); err != nil {
			t.Fatal(err)
		}
		if n := len(rows(tracker.EntityMilestone)); n != 5 {
			t.Fatalf("%d milestone rows after the move, want 5", n)
		}
		pl := rows(tracker.EntityPlacement)
		if ch, ok := pl[0].Changes["end_date"]; len(pl) != 2 || !ok || ch.After != end.String() {
			t.Fatalf("placement rows after the move = %+v", pl)
		}
		// The intern reads the rows about their placement; another intern
		// does not.
		own, _, _ := s.Activity(ctx, u.intern, store.ActivityFilter{EntityType: tracker.EntityMilestone})
		theirs, _, _ := s.Activity(ctx, u.other, store.ActivityFilter{EntityType: tracker.EntityMilestone})
		if len(own) != 5 || len(theirs) != 0 {
			t.Fatalf("intern reads %d milestone rows, other intern %d; want 5 and 0", len(own), len(theirs))
		}
		if err := s.DeletePlacement(ctx, u.sup, p.ID); err != nil {
			t.Fatal(err)
		}
		if pl := rows(tracker.EntityPlacement); len(pl) != 3 || pl[0].Action != tracker.ActionDelete {
			t.Fatalf("placement rows after delete = %+v", pl)
		}
	})
}

// TestPlacementProgressGroups checks that progress read through grouped
// queries equals tracker.WeightedProgress over the tasks one by one,
// whatever the mix of alike tasks, estimates and statuses.
func TestPlacementProgressGroups(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		ctx, s := context.Background(), db.Store
		u := plUsers(t, s)
		p, err := s.CreatePlacement(ctx, u.admin, store.NewPlacement{InternID: u.intern.ID, SupervisorID: u.sup.ID, StartDate: s.Today().AddDays(-60)})
		if err != nil {
			t.Fatal(err)
		}
		stream, branch := int64(1), p.BranchID
		project, err := s.CreateProject(ctx, u.admin, store.ProjectInput{StreamID: &stream, BranchID: &branch, Title: plPtr("P")})
		if err != nil {
			t.Fatal(err)
		}
		var items []tracker.WorkItem
		add := func(estimate *float64, progress int, done bool) {
			t.Helper()
			task, err := s.CreateTask(ctx, u.admin, store.TaskInput{ProjectID: &project.ID, Title: plPtr("T"),
				AssigneeID: tracker.Of(u.intern.ID), EstimateHours: tracker.Nullable[float64]{Set: estimate != nil, Value: estimate}})
			if err == nil && progress > 0 {
				_, task, err = s.AddProgress(ctx, u.intern, task.ID, store.NewProgress{Progress: &progress})
			}
			for _, st := range []tracker.Status{tracker.StatusInProgress, tracker.StatusInReview, tracker.StatusDone} {
				if err == nil && done && task.Status != st {
					task, err = s.UpdateTask(ctx, u.admin, task.ID, task.Version, store.TaskInput{Status: &st})
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			items = append(items, tracker.WorkItem{Progress: task.Progress, EstimateHours: task.EstimateHours, Done: done})
		}
		for range 3 {
			add(plPtr(2.0), 50, false) // alike: one group of three
		}
		add(plPtr(0.0), 0, false) // no estimate weighs 1
		add(nil, 0, false)
		add(nil, 30, true) // done counts as 100
		add(plPtr(7.5), 20, false)
		add(plPtr(7.5), 20, false)
		got, err := s.Placement(ctx, u.sup, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := tracker.WeightedProgress(items); got.ProgressPct != want || want == 0 {
			t.Fatalf("progress_pct = %d, want %d", got.ProgressPct, want)
		}
	})
}

func plPtr[T any](v T) *T { return &v }
