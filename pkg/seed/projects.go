package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// project is one demo project: its key in the task tables, stream and
// branch codes, owner, text, tag codes, how many days before today it was
// set up and how many months it is planned to run.
type project struct {
	key, stream, branch, owner string
	title, desc                string
	tags                       []string
	daysAgo, months            int
}

// projects are three per stream, across both branches: the international
// organisations mostly in CPP, the partner countries in MC, the strategy
// review in both.
var projects = []project{
	{"eu", "io", "CPP", "sup_cpp1", "EU–NATO staff-to-staff talks: options paper",
		"Options to widen military cooperation with the European Union, prepared through the staff-to-staff talks: chronology, current areas, proposals for the next round.",
		[]string{"EU", "UA"}, 225, 10},
	{"tools", "strategy", "CPP", "sup_cpp1", "Partnership tools simplification study",
		"Inventory of the partnership tools and mechanisms across PfP, MD, ICI and PAtG, with proposals to merge, simplify or retire them.",
		[]string{"PfP", "MD", "ICI", "PAtG"}, 220, 12},
	{"ua", "partners", "MC", "sup_mc1", "Ukraine: tailored support package tracker",
		"One tracker for the assistance packages to Ukraine: what was pledged, what was delivered, what is stuck and why.",
		[]string{"UA", "PfP"}, 190, 12},
	{"ge", "partners", "MC", "sup_mc2", "Georgia: interoperability programme review",
		"Review of the interoperability programme with Georgia against the partnership goals, with findings for the next cycle.",
		[]string{"GE", "PfP"}, 180, 9},
	{"csc", "strategy", "MC", "sup_mc1", "Cooperative Security concept review",
		"Review of the division's Cooperative Security concept: what works, what partners ask for, and what the OSCE and UN experience teaches.",
		[]string{"PfP", "MD", "OSCE", "RU"}, 175, 10},
	{"un", "io", "CPP", "sup_cpp2", "UN peacekeeping capacity-building support",
		"Support to UN peacekeeping capacity building and to the African Union: matching training requests with what allies and partners offer.",
		[]string{"UN", "AU"}, 165, 9},
	{"md", "partners", "CPP", "sup_cpp1", "Mediterranean Dialogue: annual activity plan",
		"The Mediterranean Dialogue annual activity plan: partner requests, calendar, costing and feedback.",
		[]string{"MD"}, 150, 8},
	{"survey", "strategy", "MC", "sup_mc2", "Partner needs survey 2026",
		"A survey of the 41 partners' needs and priorities, to fit the partnership tools to what partners ask for.",
		[]string{"PfP", "MD", "ICI", "PAtG"}, 125, 8},
	{"gcc", "io", "MC", "sup_mc2", "GCC engagement concept",
		"A concept for military engagement with the Gulf Cooperation Council and its member states, building on the Istanbul Cooperation Initiative.",
		[]string{"GCC", "ICI"}, 95, 8},
}

// tagIDs returns the ids of the tags with these codes.
func (d *demo) tagIDs(codes []string) ([]int64, error) {
	ids := make([]int64, 0, len(codes))
	for _, c := range codes {
		id, ok := d.tags[c]
		if !ok {
			return nil, fmt.Errorf("seed: no tag %q", c)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// planProjects plans each project, created by its owner.
func (d *demo) planProjects() error {
	d.projects = map[string]*plannedProject{}
	for i, p := range projects {
		stream, ok := d.streams[p.stream]
		if !ok {
			return fmt.Errorf("seed: no stream %q", p.stream)
		}
		branch := d.branches[p.branch]
		tags, err := d.tagIDs(p.tags)
		if err != nil {
			return err
		}
		start := d.today.AddDays(-p.daysAgo)
		pp := &plannedProject{project: p, at: workday(at(start, 11, (i*17)%60))}
		d.projects[p.key] = pp
		in := store.ProjectInput{StreamID: &stream, BranchID: &branch, Title: &p.title, Description: &p.desc,
			StartDate: tracker.Of(start), EndDate: tracker.Of(start.AddMonths(p.months)), TagIDs: &tags}
		d.add(pp.at, "project "+p.key, func(ctx context.Context) error {
			created, err := d.st.CreateProject(ctx, d.users[p.owner], in)
			if err != nil {
				return err
			}
			pp.id = created.ID
			return nil
		})
	}
	return nil
}

// plannedProject is a project with when it is created and, once it is,
// its id.
type plannedProject struct {
	project
	at time.Time
	id int64
}
