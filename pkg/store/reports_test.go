package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/storetest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TestReportsFeedStaleness follows a placement through silence: stale
// after 14 quiet days past the grace period, fresh again the day a weekly
// report is submitted (a draft does not count), and stale again 14 days
// later; a progress log counts alike.
func TestReportsFeedStaleness(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		ctx, s := context.Background(), db.Store
		u := plUsers(t, s)
		// Without a checklist: its items falling due would move the
		// health this test follows.
		items, err := s.ChecklistTemplate(ctx, u.admin, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if err := s.DeleteChecklistTemplateItem(ctx, u.admin, 1, it.ID); err != nil {
				t.Fatal(err)
			}
		}
		p, err := s.CreatePlacement(ctx, u.sup, store.NewPlacement{InternID: u.intern.ID, SupervisorID: u.sup.ID, StartDate: s.Today()})
		if err != nil {
			t.Fatal(err)
		}
		look := func(what string, stale bool, quiet int, health tracker.Health) {
			t.Helper()
			got, err := s.Placement(ctx, u.sup, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Stale != stale || got.DaysQuiet != quiet || got.Health != health {
				t.Fatalf("%s: stale %v, days_quiet %d, health %s; want %v, %d, %s", what, got.Stale, got.DaysQuiet, got.Health, stale, quiet, health)
			}
			// The board says the same as the placement.
			b, err := s.Board(ctx, u.sup, store.BoardFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, bp := range b.ActivePlacements {
				if bp.ID == p.ID && (bp.Stale != stale || bp.DaysQuiet != quiet || bp.Health != health) {
					t.Fatalf("%s: the board says stale %v, days_quiet %d, health %s", what, bp.Stale, bp.DaysQuiet, bp.Health)
				}
			}
		}
		day := func(n int) { db.Clock.Advance(time.Duration(n) * 24 * time.Hour) }
		look("first day", false, 0, tracker.HealthOnTrack)
		day(14)
		look("day 14, grace", false, 0, tracker.HealthOnTrack)
		day(1)
		look("day 15", true, 15, tracker.HealthAtRisk)
		r, err := s.CreateReport(ctx, u.intern, p.ID, store.NewReport{Done: "Read in", Next: "Draft the note"})
		if err != nil {
			t.Fatal(err)
		}
		look("a draft is not a report", true, 15, tracker.HealthAtRisk)
		sub := tracker.ReportSubmitted
		if _, err := s.UpdateReport(ctx, u.intern, p.ID, r.ID, r.Version, store.ReportPatch{State: &sub}); err != nil {
			t.Fatal(err)
		}
		look("submitted today", false, 0, tracker.HealthOnTrack)
		day(13)
		look("13 days after the report", false, 13, tracker.HealthAtRisk)
		day(1)
		look("14 days after the report", true, 14, tracker.HealthAtRisk)
		got, _ := s.Placement(ctx, u.sup, p.ID)
		if got.LastReportAt == nil || tracker.DateOf(*got.LastReportAt) != s.Today().AddDays(-14) {
			t.Fatalf("last_report_at %v", got.LastReportAt)
		}
	})
}

// TestReportWeeks checks the week a report is filed for: any day names its
// Monday, one report per placement and week, none for a week that has not
// begun or that misses the placement.
func TestReportWeeks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *storetest.DB) {
		ctx, s := context.Background(), db.Store
		u := plUsers(t, s)
		today := s.Today()
		p, err := s.CreatePlacement(ctx, u.sup, store.NewPlacement{InternID: u.intern.ID, SupervisorID: u.sup.ID, StartDate: today.AddDays(-20)})
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.CreateReport(ctx, u.intern, p.ID, store.NewReport{Week: today.AddDays(-8)})
		if err != nil {
			t.Fatal(err)
		}
		if want := tracker.WeekOf(today.AddDays(-8)); r.Week != want || r.State != tracker.ReportDraft || r.InternName == "" {
			t.Fatalf("report %+v, want week %s", r, want)
		}
		for name, c := range map[string]struct {
			week tracker.Date
			code string
		}{
			"SameWeekAgain":   {tracker.WeekOf(today.AddDays(-8)).AddDays(3), tracker.ECodeConflict},
			"NextWeek":        {today.AddDays(7), tracker.ECodeInvalid},
			"BeforeStart":     {today.AddDays(-40), tracker.ECodeInvalid},
			"SupervisorWrite": {today, tracker.ECodeForbidden},
		} {
			t.Run(name, func(t *testing.T) {
				who := u.intern
				if name == "SupervisorWrite" {
					who = u.sup
				}
				_, err := s.CreateReport(ctx, who, p.ID, store.NewReport{Week: c.week})
				if got := tracker.ErrorCode(err); got != c.code {
					t.Fatalf("CreateReport(%s) = %v, want %s", c.week, err, c.code)
				}
			})
		}
		if _, err := s.CreateReport(ctx, u.other, p.ID, store.NewReport{}); tracker.ErrorCode(err) != tracker.ECodeNotFound {
			t.Fatalf("another intern: %v, want not found", err)
		}
	})
}
