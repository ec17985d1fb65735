package seed

import (
	"fmt"
	"math"
	"time"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

var (
	scaleFirst = []string{"Anna", "Ben", "Clara", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jan", "Kasia", "Luca",
		"Maja", "Nils", "Olga", "Pavel", "Rita", "Sami", "Tess", "Uwe", "Vera", "Wim", "Yara", "Zoran"}
	scaleLast = []string{"Andersen", "Bauer", "Costa", "Dimitrov", "Eriksen", "Fischer", "Horvat", "Ivanova", "Jansen",
		"Kowalski", "Leclerc", "Moreau", "Novak", "Ortega", "Petrov", "Rossi", "Schmidt", "Toth", "Van Dijk", "Weber"}
	scaleNotes = []string{"Drafted the outline.", "Met the desk officer; notes filed.", "Revised after comments.",
		"Read the background papers.", "Prepared the briefing slides.", "Checked figures with the branch.",
		"Sent the draft for review.", "Updated the matrix.", "", "Worked on the annex.", "Short session: admin."}
	scaleVerbs    = []string{"Draft", "Review", "Update", "Map", "Brief on", "Prepare notes on", "Compile figures for", "Assess"}
	scaleSubjects = []string{"the partnership goals", "the annual work plan", "the liaison arrangements", "the training offer",
		"the exercise calendar", "the capacity-building package", "the regional overview", "the meeting minutes",
		"the tool inventory", "the lessons learned", "the country profile", "the staff talks agenda"}
)

// planUsers returns the accounts: an admin, two of leadership, supervisors
// in every branch and the interns, all created before the history starts.
func (sc *scaler) planUsers(hash string) []*tracker.User {
	born := sc.from.AddDays(-30).Time().Add(9 * time.Hour)
	mk := func(email, name string, role tracker.Role, branch *int64) *tracker.User {
		return &tracker.User{Email: email, Name: name, Role: role, BranchID: branch, Locale: "en", Active: true,
			PasswordHash: hash, Version: 1, CreatedAt: born, UpdatedAt: born}
	}
	sc.admin = *mk(ScaleAdminEmail, "Scale Admin", tracker.RoleAdmin, nil)
	users := []*tracker.User{&sc.admin,
		mk("head1@scale.tracker", "Scale Head One", tracker.RoleLeadership, nil),
		mk("head2@scale.tracker", "Scale Head Two", tracker.RoleLeadership, nil)}
	perBranch := max(2, int(math.Ceil(float64(sc.nInterns)/12)))
	sc.sups = map[int64][]*tracker.User{}
	for bi, b := range sc.branches {
		for k := range perBranch {
			u := mk(fmt.Sprintf("sup-%d-%d@scale.tracker", bi+1, k+1), sc.name(), tracker.RoleSupervisor, ptrTo(b))
			sc.sups[b] = append(sc.sups[b], u)
			users = append(users, u)
		}
	}
	for i := range sc.nInterns {
		u := mk(fmt.Sprintf("intern-%04d@scale.tracker", i+1), sc.name(), tracker.RoleIntern, ptrTo(sc.branches[i%len(sc.branches)]))
		sc.interns = append(sc.interns, u)
		users = append(users, u)
	}
	return users
}

func (sc *scaler) name() string {
	return scaleFirst[sc.rng.IntN(len(scaleFirst))] + " " + scaleLast[sc.rng.IntN(len(scaleLast))]
}

// planPlacements gives every intern one six-month placement, their starts
// spread evenly from the first day of the history to a month from today,
// so that about a dozen run at any time and the last ones are upcoming.
func (sc *scaler) planPlacements() {
	span := sc.days + 30
	for i, in := range sc.interns {
		start := tracker.DateOf(workday(sc.day(span * i / len(sc.interns)).Time()))
		sups := sc.sups[*in.BranchID]
		created := sc.clamp(sc.office(start.AddDays(-20)))
		sc.placements = append(sc.placements, &tracker.Placement{InternID: in.ID, BranchID: *in.BranchID,
			SupervisorID: sups[i%len(sups)].ID, StartDate: start, EndDate: tracker.DefaultEnd(start),
			Focus: "Synthetic placement", Version: 1, CreatedAt: created, UpdatedAt: created})
	}
}

// milestones returns p's milestones, done a few days after their due date
// when that is past.
func (sc *scaler) milestones(p *tracker.Placement) []tracker.Milestone {
	ms := p.Milestones()
	for i := range ms {
		if done := sc.office(ms[i].DueDate.AddDays(sc.rng.IntN(4))); done.Before(sc.now) {
			ms[i].DoneAt = &done
			ms[i].Version = 2
		}
	}
	return ms
}

// placementActivity records the creation of the placements and their
// milestones, and the milestones marked done.
func (sc *scaler) placementActivity(ms []tracker.Milestone) {
	byID := map[int64]*tracker.Placement{}
	for _, p := range sc.placements {
		byID[p.ID] = p
		sc.record(p.CreatedAt, p.SupervisorID, tracker.ActionCreate, tracker.EntityPlacement, p.ID, &p.BranchID, &p.InternID,
			created(map[string]any{"intern_id": p.InternID, "branch_id": p.BranchID, "supervisor_id": p.SupervisorID,
				"start_date": p.StartDate.String(), "end_date": p.EndDate.String(), "focus": p.Focus}))
	}
	for _, m := range ms {
		p := byID[m.PlacementID]
		sc.record(p.CreatedAt, p.SupervisorID, tracker.ActionCreate, tracker.EntityMilestone, m.ID, &p.BranchID, &p.InternID,
			created(map[string]any{"placement_id": m.PlacementID, "kind": m.Kind, "due_date": m.DueDate.String()}))
		if m.DoneAt != nil {
			sc.record(*m.DoneAt, p.SupervisorID, tracker.ActionUpdate, tracker.EntityMilestone, m.ID, &p.BranchID, &p.InternID,
				map[string]tracker.Change{"done_at": {Before: nil, After: m.DoneAt.UTC()}})
		}
	}
}

// planProjects spreads the projects over the history, alternating branches
// and streams, each running six to twelve months.
func (sc *scaler) planProjects() {
	sc.projects = map[int64][]*tracker.Project{}
	for j := range sc.nProjects {
		b := sc.branches[j%len(sc.branches)]
		start := sc.day(sc.days*j/sc.nProjects - 30)
		end := start.AddMonths(6 + sc.rng.IntN(7))
		status := tracker.ProjectActive
		if end.Before(sc.today) {
			status = tracker.ProjectCompleted
		}
		created := sc.clamp(sc.office(start.AddDays(-7)))
		owner := sc.sups[b][j%len(sc.sups[b])]
		sc.projects[b] = append(sc.projects[b], &tracker.Project{StreamID: sc.streams[(j/len(sc.branches))%len(sc.streams)],
			BranchID: b, Title: fmt.Sprintf("%s %s (%d)", scaleVerbs[j%len(scaleVerbs)], scaleSubjects[j%len(scaleSubjects)], j+1),
			OwnerID: owner.ID, StartDate: start, EndDate: end, Status: status, Version: 1, CreatedAt: created, UpdatedAt: created})
	}
}

// projectActivity records the creation of the projects.
func (sc *scaler) projectActivity(ps []*tracker.Project) {
	for _, p := range ps {
		sc.record(p.CreatedAt, p.OwnerID, tracker.ActionCreate, tracker.EntityProject, p.ID, &p.BranchID, nil,
			created(map[string]any{"stream_id": p.StreamID, "title": p.Title, "owner_id": p.OwnerID, "status": p.Status,
				"start_date": p.StartDate.String(), "end_date": p.EndDate.String()}))
	}
}

// projectNear returns a project of branch b running around day d.
func (sc *scaler) projectNear(b int64, d tracker.Date) *tracker.Project {
	ps := sc.projects[b]
	best := ps[0]
	for _, p := range ps {
		if !p.StartDate.After(d) {
			best = p
		}
	}
	// Most tasks go to the newest project started; some to an older one.
	if sc.rng.IntN(4) == 0 {
		for i, p := range ps {
			if p == best && i > 0 {
				return ps[i-1]
			}
		}
	}
	return best
}
