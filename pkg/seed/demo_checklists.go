package seed

import (
	"context"
	"fmt"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// checklistLate names the demo interns who left one checklist item past
// its due date, and which, so that the pages and the board show an overdue
// item.
var checklistLate = map[string]string{"int_mc5": "Met the stream leads"}

// planChecklists plans the ticking of the demo placements' checklist items
// that fall due before today, except those of checklistLate: onboarding
// items by the intern, offboarding items by the supervisor, on the day
// they fall due (or the first working day after). The items themselves
// come with each placement, copied from its branch's template.
func (d *demo) planChecklists(ctx context.Context) error {
	templates := map[int64][]tracker.ChecklistTemplateItem{}
	for i, s := range stays {
		w := d.windows[s.intern]
		branch := *d.users[s.intern].BranchID
		if _, ok := templates[branch]; !ok {
			t, err := d.st.ChecklistTemplate(ctx, &tracker.User{Role: tracker.RoleAdmin}, branch)
			if err != nil {
				return err
			}
			templates[branch] = t
		}
		proto := tracker.Placement{StartDate: w.start, EndDate: w.end}
		for k, t := range templates[branch] {
			due := proto.ChecklistDue(t.Anchor, t.OffsetDays)
			if !due.Before(d.today) || checklistLate[s.intern] == t.Title {
				continue
			}
			who := s.intern
			if t.Phase == tracker.PhaseOffboarding {
				who = s.supervisor
			}
			when := workday(at(due, 11, 5*k+i))
			if when.After(w.limit) {
				when = w.limit
			}
			tid := t.ID
			d.add(when, fmt.Sprintf("checklist item %q of %s", t.Title, s.intern), func(ctx context.Context) error {
				return d.tickChecklist(ctx, w, d.users[who], tid)
			})
		}
	}
	return nil
}

// tickChecklist ticks, as who, the item of w's placement copied from
// template item tid.
func (d *demo) tickChecklist(ctx context.Context, w *window, who *tracker.User, tid int64) error {
	items, err := d.st.Checklist(ctx, who, w.placement.ID)
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.TemplateID != nil && *it.TemplateID == tid {
			_, err := d.st.TickChecklistItem(ctx, who, w.placement.ID, it.ID, it.Version, true)
			return err
		}
	}
	return fmt.Errorf("no item of template item %d", tid)
}
