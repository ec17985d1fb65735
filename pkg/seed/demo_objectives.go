package seed

import (
	"context"
	"fmt"
	"sort"

	"github.com/intern-tracker/tracker/pkg/store"
)

// learningAim is the learning objective a demo project serves.
type learningAim struct{ title, desc string }

// aims are the objectives agreed at onboarding, one per project an intern
// works on.
var aims = map[string]learningAim{
	"eu": {"Write a staff options paper",
		"Take an options paper on EU–NATO cooperation from research to branch review: sources, structure, one page per option, risks and a clear recommendation."},
	"tools": {"Assess partnership tools against their use",
		"Inventory the partnership tools across the frameworks and judge which to keep, merge or retire, with evidence from partners' requests."},
	"ua": {"Track a support package end to end",
		"Follow pledges to deliveries for Ukraine's assistance packages, explain what is stuck and why, and keep the tracker current."},
	"ge": {"Review a partner programme against its goals",
		"Compare Georgia's interoperability programme with its partnership goals and draw findings for the next cycle."},
	"csc": {"Contribute to a strategy review",
		"Read the Cooperative Security concept critically, gather what partners and the OSCE and UN experience teach, and draft review sections."},
	"un": {"Match partners' requests with allied offers",
		"Map UN and African Union training requests against what allies and partners offer, and brief the gaps."},
	"md": {"Plan and cost a partner activity programme",
		"Consolidate the Mediterranean Dialogue partners' requests into an annual plan with a calendar and a costing annex."},
	"survey": {"Design and run a partner survey",
		"Build the partner needs survey 2026, follow up the answers and turn them into findings the division can use."},
	"gcc": {"Draft an engagement concept",
		"Draft the concept for engagement with the Gulf Cooperation Council, building on the Istanbul Cooperation Initiative."},
}

// briefAim is the objective every intern with little project variety also
// agrees: short, clear writing for senior readers.
var briefAim = learningAim{"Brief senior readers clearly",
	"Write short briefs and read-aheads that a senior reader can use as they are: the point first, sources checked, two pages at most."}

// objectives gives each active demo placement two or three learning
// objectives, agreed by its supervisor, with the intern's tasks linked.
// It runs after the history is replayed, with the clock at the demo's now,
// so the trail stays in order.
func (d *demo) objectives(ctx context.Context) error {
	for _, s := range stays {
		w := d.windows[s.intern]
		if w == nil || w.placement == nil || w.start.After(d.today) || w.end.Before(d.today) {
			continue
		}
		if err := d.placementObjectives(ctx, w); err != nil {
			return fmt.Errorf("seed: objectives of %s: %w", s.intern, err)
		}
	}
	return nil
}

// placementObjectives adds the objectives of one placement: one per
// project of the intern's tasks (the three busiest), plus the briefing one
// when that makes fewer than two.
func (d *demo) placementObjectives(ctx context.Context, w *window) error {
	p, sup := w.placement, d.users[w.supervisor]
	tasks, _, err := d.st.Tasks(ctx, sup, store.TaskFilter{AssigneeID: p.InternID, BranchID: p.BranchID, Page: store.Page{PerPage: 100}})
	if err != nil {
		return err
	}
	byProject := map[int64][]int64{}
	var all []int64
	for _, t := range tasks {
		byProject[t.ProjectID] = append(byProject[t.ProjectID], t.ID)
		all = append(all, t.ID)
	}
	keys := make([]string, 0, len(d.projects))
	for k, pp := range d.projects {
		if len(byProject[pp.id]) > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := len(byProject[d.projects[keys[i]].id]), len(byProject[d.projects[keys[j]].id])
		return a > b || (a == b && keys[i] < keys[j])
	})
	if len(keys) > 3 {
		keys = keys[:3]
	}
	type planned struct {
		aim   learningAim
		tasks []int64
	}
	var plan []planned
	for _, k := range keys {
		plan = append(plan, planned{aims[k], byProject[d.projects[k].id]})
	}
	if len(plan) < 2 {
		plan = append(plan, planned{briefAim, all})
	}
	for _, pl := range plan {
		ids := pl.tasks
		if ids == nil {
			ids = []int64{}
		}
		in := store.ObjectiveInput{Title: &pl.aim.title, Description: &pl.aim.desc, TaskIDs: &ids}
		if _, err := d.st.CreateObjective(ctx, sup, p.ID, in); err != nil {
			return err
		}
	}
	return nil
}
