package tracker_test

import (
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

func TestPlacementHealthChecklist(t *testing.T) {
	withChecklist := func(in tracker.HealthInput, n int) tracker.HealthInput { in.ChecklistOverdue = n; return in }
	for _, c := range []struct {
		name string
		in   tracker.HealthInput
		want tracker.Health
	}{
		{"NoneOverdue", withChecklist(placementOn(30, 20, 0, 0, 1), 0), tracker.HealthOnTrack},
		{"OneOverdue", withChecklist(placementOn(30, 20, 0, 0, 1), 1), tracker.HealthAtRisk},
		{"TwoOverdueStillAtRisk", withChecklist(placementOn(30, 20, 0, 0, 1), 2), tracker.HealthAtRisk},
		{"ThreeOverdue", withChecklist(placementOn(30, 20, 0, 0, 1), tracker.ChecklistOffTrack), tracker.HealthOffTrack},
		{"UpcomingIgnoresChecklist", withChecklist(placementOn(-3, 0, 0, 0, 0), 5), tracker.HealthOnTrack},
		{"AfterEndStillCounts", withChecklist(placementOn(200, 100, 0, 0, 60), 1), tracker.HealthAtRisk},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tracker.PlacementHealth(c.in); got != c.want {
				t.Fatalf("PlacementHealth(%+v) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestChecklistDue(t *testing.T) {
	p := tracker.Placement{StartDate: d(2026, 3, 16), EndDate: d(2026, 9, 15)}
	for _, c := range []struct {
		anchor string
		offset int
		want   tracker.Date
	}{
		{tracker.AnchorStart, 0, d(2026, 3, 16)},
		{tracker.AnchorStart, 5, d(2026, 3, 21)},
		{tracker.AnchorEnd, -10, d(2026, 9, 5)},
		{tracker.AnchorEnd, 0, d(2026, 9, 15)},
	} {
		if got := p.ChecklistDue(c.anchor, c.offset); got != c.want {
			t.Errorf("ChecklistDue(%s, %d) = %s, want %s", c.anchor, c.offset, got, c.want)
		}
	}
}

func TestCanTickChecklist(t *testing.T) {
	cpp, mc := int64(1), int64(2)
	p := &tracker.Placement{InternID: 10, BranchID: cpp}
	for _, c := range []struct {
		name string
		u    tracker.User
		want bool
	}{
		{"OwnIntern", tracker.User{ID: 10, Role: tracker.RoleIntern, BranchID: &cpp}, true},
		{"OtherIntern", tracker.User{ID: 11, Role: tracker.RoleIntern, BranchID: &cpp}, false},
		{"BranchSupervisor", tracker.User{ID: 20, Role: tracker.RoleSupervisor, BranchID: &cpp}, true},
		{"OtherSupervisor", tracker.User{ID: 21, Role: tracker.RoleSupervisor, BranchID: &mc}, false},
		{"Leadership", tracker.User{ID: 30, Role: tracker.RoleLeadership}, false},
		{"Admin", tracker.User{ID: 40, Role: tracker.RoleAdmin}, true},
	} {
		if got := c.u.CanTickChecklist(p); got != c.want {
			t.Errorf("%s: CanTickChecklist = %v, want %v", c.name, got, c.want)
		}
	}
}
