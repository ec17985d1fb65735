package tracker_test

import (
	"math"
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// placementOn builds the health input of a six-month placement starting on
// 16 March 2026, seen daysIn days after its start, with the given progress
// and task counts and the last progress log daysQuiet days ago.
func placementOn(daysIn, progress, overdue, blocked, daysQuiet int) tracker.HealthInput {
	p := tracker.Placement{StartDate: d(2026, 3, 16)}
	p.EndDate = tracker.DefaultEnd(p.StartDate)
	today := p.StartDate.AddDays(daysIn)
	return tracker.HealthInput{
		State: p.StateOn(today), ElapsedPct: int(math.Round(p.ElapsedOn(today) * 100)), ProgressPct: progress,
		Overdue: overdue, Blocked: blocked, DaysIn: daysIn, DaysSinceLog: daysQuiet,
	}
}

func handedOver(in tracker.HealthInput) tracker.HealthInput {
	in.HandedOver = true
	return in
}

func TestPlacementHealthTimeline(t *testing.T) {
	for _, c := range []struct {
		name string
		in   tracker.HealthInput
		want tracker.Health
	}{
		{"BeforeStart", placementOn(-10, 0, 0, 0, 0), tracker.HealthOnTrack},
		{"BeforeStartEvenWithOverdueWork", placementOn(-1, 0, 5, 2, 0), tracker.HealthOnTrack},
		{"FirstDayNoWork", placementOn(0, 0, 0, 0, 0), tracker.HealthOnTrack},
		{"FirstWeekNoWork", placementOn(6, 0, 0, 0, 6), tracker.HealthOnTrack},
		// 92 of 184 days: elapsed 50%.
		{"MidwayOnTrack", placementOn(92, 45, 0, 0, 2), tracker.HealthOnTrack},
		{"MidwayLagFifteenIsStillOnTrack", placementOn(92, 35, 0, 0, 2), tracker.HealthOnTrack},
		{"MidwaySlightlyBehind", placementOn(92, 34, 0, 0, 2), tracker.HealthAtRisk},
		{"MidwayLagThirtyIsAtRisk", placementOn(92, 20, 0, 0, 2), tracker.HealthAtRisk},
		{"MidwayFarBehind", placementOn(92, 19, 0, 0, 2), tracker.HealthOffTrack},
		{"MidwayAhead", placementOn(92, 90, 0, 0, 2), tracker.HealthOnTrack},
		{"LastDayDone", placementOn(182, 100, 0, 0, 1), tracker.HealthOnTrack},
		{"AfterEndAllDone", placementOn(200, 100, 0, 0, 60), tracker.HealthOnTrack},
		// After the end elapsed is 100%: unfinished work is judged, silence is not.
		{"AfterEndUnfinished", placementOn(200, 60, 0, 0, 60), tracker.HealthOffTrack},
		{"AfterEndNearlyDone", placementOn(200, 80, 0, 0, 60), tracker.HealthAtRisk},
		// Handed over in its last weeks: its work went on, it is closed.
		{"HandedOverWithWorkGone", handedOver(placementOn(175, 0, 4, 2, 30)), tracker.HealthOnTrack},
		{"HandedOverAfterEnd", handedOver(placementOn(200, 60, 0, 0, 60)), tracker.HealthOnTrack},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tracker.PlacementHealth(c.in); got != c.want {
				t.Fatalf("PlacementHealth(%+v) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestPlacementHealthWork(t *testing.T) {
	for _, c := range []struct {
		name string
		in   tracker.HealthInput
		want tracker.Health
	}{
		{"OneOverdue", placementOn(92, 50, 1, 0, 1), tracker.HealthAtRisk},
		{"TwoOverdue", placementOn(92, 50, 2, 0, 1), tracker.HealthAtRisk},
		{"ThreeOverdue", placementOn(92, 50, 3, 0, 1), tracker.HealthOffTrack},
		{"OneBlocked", placementOn(92, 50, 0, 1, 1), tracker.HealthAtRisk},
		{"ManyBlockedIsStillAtRisk", placementOn(92, 50, 0, 5, 1), tracker.HealthAtRisk},
		{"OverdueAndBlocked", placementOn(92, 50, 1, 1, 1), tracker.HealthAtRisk},
		{"OverdueOnFirstDay", placementOn(0, 0, 1, 0, 0), tracker.HealthAtRisk},
		{"BlockedAfterEnd", placementOn(200, 100, 0, 1, 0), tracker.HealthAtRisk},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tracker.PlacementHealth(c.in); got != c.want {
				t.Fatalf("PlacementHealth(%+v) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestPlacementHealthSilence(t *testing.T) {
	for _, c := range []struct {
		name string
		in   tracker.HealthInput
		want tracker.Health
	}{
		{"QuietTenDays", placementOn(60, 40, 0, 0, 10), tracker.HealthOnTrack},
		{"QuietElevenDays", placementOn(60, 40, 0, 0, 11), tracker.HealthAtRisk},
		{"QuietTwentyOneDays", placementOn(60, 40, 0, 0, 21), tracker.HealthAtRisk},
		{"QuietTwentyTwoDays", placementOn(60, 40, 0, 0, 22), tracker.HealthOffTrack},
		// The first 14 days are onboarding: silence is not judged.
		{"GraceDayFourteen", placementOn(14, 0, 0, 0, 14), tracker.HealthOnTrack},
		{"GraceOverOnDayFifteen", placementOn(15, 0, 0, 0, 15), tracker.HealthAtRisk},
		{"GraceOverAndLongQuiet", placementOn(22, 10, 0, 0, 22), tracker.HealthOffTrack},
		{"GraceDoesNotHideLag", placementOn(14, 0, 1, 0, 14), tracker.HealthAtRisk},
		{"NoSilenceAfterEnd", placementOn(190, 100, 0, 0, 100), tracker.HealthOnTrack},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tracker.PlacementHealth(c.in); got != c.want {
				t.Fatalf("PlacementHealth(%+v) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}
