package tracker_test

import (
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TestMoveReport runs every move between report states for every actor:
// the four moves of the workflow succeed for their actor only (403 for the
// others); every other move is an invalid transition for everyone.
func TestMoveReport(t *testing.T) {
	const ok, forbidden, invalid = "", tracker.ECodeForbidden, tracker.ECodeInvalidTransition
	author, reviewer := map[[2]tracker.ReportState]bool{}, map[[2]tracker.ReportState]bool{}
	author[[2]tracker.ReportState{tracker.ReportDraft, tracker.ReportSubmitted}] = true
	author[[2]tracker.ReportState{tracker.ReportNeedsRevision, tracker.ReportSubmitted}] = true
	reviewer[[2]tracker.ReportState{tracker.ReportSubmitted, tracker.ReportAccepted}] = true
	reviewer[[2]tracker.ReportState{tracker.ReportSubmitted, tracker.ReportNeedsRevision}] = true
	actors := map[tracker.ReportActor]string{tracker.ReportReader: "Reader", tracker.ReportAuthor: "Author", tracker.ReportReviewer: "Reviewer"}
	moves := 0
	for _, from := range tracker.ReportStates {
		for _, to := range tracker.ReportStates {
			for a, name := range actors {
				move := [2]tracker.ReportState{from, to}
				want := invalid
				switch {
				case author[move] && a == tracker.ReportAuthor, reviewer[move] && a == tracker.ReportReviewer:
					want = ok
				case author[move], reviewer[move]:
					want = forbidden
				}
				t.Run(string(from)+"To_"+string(to)+"By"+name, func(t *testing.T) {
					err := tracker.MoveReport(from, to, a)
					got := ""
					if err != nil {
						got = tracker.ErrorCode(err)
					}
					if got != want {
						t.Fatalf("MoveReport(%s, %s, %s) = %q, want %q", from, to, name, got, want)
					}
				})
				if want == ok {
					moves++
				}
			}
		}
	}
	if moves != 4 {
		t.Fatalf("%d allowed moves, want 4", moves)
	}
}

func TestReportActorFor(t *testing.T) {
	cpp, mc := int64(1), int64(2)
	p := &tracker.Placement{InternID: 7, BranchID: cpp}
	for _, c := range []struct {
		name string
		u    tracker.User
		want tracker.ReportActor
	}{
		{"OwnIntern", tracker.User{ID: 7, Role: tracker.RoleIntern, BranchID: &cpp}, tracker.ReportAuthor},
		{"OtherIntern", tracker.User{ID: 8, Role: tracker.RoleIntern, BranchID: &cpp}, tracker.ReportReader},
		{"BranchSupervisor", tracker.User{ID: 3, Role: tracker.RoleSupervisor, BranchID: &cpp}, tracker.ReportReviewer},
		{"OtherBranchSupervisor", tracker.User{ID: 4, Role: tracker.RoleSupervisor, BranchID: &mc}, tracker.ReportReader},
		{"Admin", tracker.User{ID: 1, Role: tracker.RoleAdmin}, tracker.ReportReviewer},
		{"Leadership", tracker.User{ID: 2, Role: tracker.RoleLeadership}, tracker.ReportReader},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.u.ReportActorFor(p); got != c.want {
				t.Fatalf("ReportActorFor = %d, want %d", got, c.want)
			}
		})
	}
}

func TestWeekOf(t *testing.T) {
	for day, want := range map[string]string{
		"2026-11-23": "2026-11-23", "2026-11-27": "2026-11-23", "2026-11-29": "2026-11-23", "2026-11-30": "2026-11-30",
		"2027-01-01": "2026-12-28",
	} {
		d, err := tracker.ParseDate(day)
		if err != nil {
			t.Fatal(err)
		}
		if got := tracker.WeekOf(d).String(); got != want {
			t.Errorf("WeekOf(%s) = %s, want %s", day, got, want)
		}
	}
}

// TestPlacementStale checks the edges of staleness: 14 quiet days after
// the grace period, only while active, and never better than at risk.
func TestPlacementStale(t *testing.T) {
	for _, c := range []struct {
		name  string
		in    tracker.HealthInput
		stale bool
		want  tracker.Health
	}{
		{"QuietThirteenDays", placementOn(60, 40, 0, 0, 13), false, tracker.HealthAtRisk},
		{"QuietFourteenDays", placementOn(60, 40, 0, 0, 14), true, tracker.HealthAtRisk},
		{"QuietTwentyTwoDays", placementOn(60, 40, 0, 0, 22), true, tracker.HealthOffTrack},
		{"ReportedYesterday", placementOn(60, 40, 0, 0, 1), false, tracker.HealthOnTrack},
		{"GraceDayFourteen", placementOn(14, 0, 0, 0, 14), false, tracker.HealthOnTrack},
		{"GraceOverOnDayFifteen", placementOn(15, 0, 0, 0, 15), true, tracker.HealthAtRisk},
		{"UpcomingNeverStale", placementOn(-5, 0, 0, 0, 40), false, tracker.HealthOnTrack},
		{"EndedNeverStale", placementOn(190, 100, 0, 0, 100), false, tracker.HealthOnTrack},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.in.Stale(); got != c.stale {
				t.Fatalf("Stale(%+v) = %v, want %v", c.in, got, c.stale)
			}
			if got := tracker.PlacementHealth(c.in); got != c.want {
				t.Fatalf("PlacementHealth(%+v) = %s, want %s", c.in, got, c.want)
			}
		})
	}
	// Whatever the rest, a stale placement is never on track.
	for quiet := tracker.StaleDays; quiet < 40; quiet++ {
		in := placementOn(100, 100, 0, 0, quiet)
		if !in.Stale() || tracker.PlacementHealth(in) == tracker.HealthOnTrack {
			t.Fatalf("%d quiet days: stale %v, health %s", quiet, in.Stale(), tracker.PlacementHealth(in))
		}
	}
}
