package seed

import (
	"context"
	"fmt"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// formerStays are the placements of the demo's former interns (the last
// people of the list), which ended long enough ago for the admin's
// "Personal data" page to offer to anonymise them: monthsAgo is how long
// before today each ended.
var formerStays = []struct {
	intern, supervisor string
	monthsAgo          int
	focus              string
}{
	{"int_former1", "sup_cpp2", 27, "African Union liaison; first draft of the partnership tools inventory"},
	{"int_former2", "sup_mc1", 30, "Georgia interoperability programme, first phase"},
}

// personalData records the former interns' old placements, with their
// milestones done, as an admin would enter a placement from before the
// tracker. It runs once the history is written, at the demo's now, so the
// trail stays in order.
func (d *demo) personalData(ctx context.Context) error {
	d.clock.t = d.now
	adm := d.users["admin"]
	for _, s := range formerStays {
		end := d.today.AddMonths(-s.monthsAgo)
		start := end.AddDays(1).AddMonths(-tracker.PlacementMonths)
		p, err := d.st.CreatePlacement(ctx, adm, store.NewPlacement{InternID: d.users[s.intern].ID,
			SupervisorID: d.users[s.supervisor].ID, StartDate: start, EndDate: end, Focus: s.focus})
		if err != nil {
			return fmt.Errorf("seed: former placement of %s: %w", s.intern, err)
		}
		ms, err := d.st.Milestones(ctx, adm, p.ID)
		if err != nil {
			return err
		}
		done := true
		for _, m := range ms {
			if _, err := d.st.UpdateMilestone(ctx, adm, p.ID, m.ID, m.Version, store.MilestonePatch{Done: &done}); err != nil {
				return fmt.Errorf("seed: former milestone of %s: %w", s.intern, err)
			}
		}
	}
	return nil
}
