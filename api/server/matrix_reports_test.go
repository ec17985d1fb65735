package server_test

import (
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The weekly reports' part of the matrix world, made on first use: a past
// placement of internCPP under supCPP (its weeks leave room for every
// report the intern's own cells write), and on each placement a report in
// each of draft, submitted and needs_revision.

// reportWorld holds the report fixtures of one world.
type reportWorld struct {
	history tracker.Placement
	weeks   map[int64]int                                          // next free week, by placement
	shared  map[int64]map[tracker.ReportState]tracker.WeeklyReport // by placement and state
}

var reportWorlds = map[*world]*reportWorld{}

func (w *world) reports() *reportWorld {
	rw := reportWorlds[w]
	if rw != nil {
		return rw
	}
	e := w.e
	p, err := e.DB.Store.CreatePlacement(fixtureCtx, w.adm, store.NewPlacement{InternID: e.id(uInternCPP), SupervisorID: e.id(uSupCPP),
		StartDate: tracker.DateOf(e.DB.Clock.Now()).AddDays(-400)})
	mustFixture(e, "past placement", err)
	rw = &reportWorld{history: *p, weeks: map[int64]int{}, shared: map[int64]map[tracker.ReportState]tracker.WeeklyReport{}}
	reportWorlds[w] = rw
	return rw
}

// reportPlacement is the placement of a report cell: the intern's own is
// their past placement; otherwise the cell's placement (a fresh one when
// the cell writes).
func (c *cell) reportPlacement() tracker.Placement {
	if c.s == scopeOwn && c.a == asIntern {
		return c.w.reports().history
	}
	return c.placement()
}

// report returns a report in state st of the cell's placement: a new one
// when the cell writes, else the shared one.
func (c *cell) report(st tracker.ReportState) tracker.WeeklyReport {
	p := c.reportPlacement()
	rw := c.w.reports()
	if !c.fresh {
		if r, ok := rw.shared[p.ID][st]; ok {
			return r
		}
	}
	r := c.w.newReport(c.e, p, st)
	if !c.fresh {
		if rw.shared[p.ID] == nil {
			rw.shared[p.ID] = map[tracker.ReportState]tracker.WeeklyReport{}
		}
		rw.shared[p.ID][st] = r
	}
	return r
}

// nextWeek returns the next week of p no report of the world uses.
func (w *world) nextWeek(e *apiEnv, p tracker.Placement) tracker.Date {
	rw := w.reports()
	week := tracker.WeekOf(p.StartDate).AddDays(7 * rw.weeks[p.ID])
	rw.weeks[p.ID]++
	if week.After(tracker.DateOf(e.DB.Clock.Now())) {
		e.t.Fatalf("fixture: placement %d has no week left for a report", p.ID)
	}
	return week
}

// newReport writes a report of p, by its intern, and moves it to st (the
// admin reviews).
func (w *world) newReport(e *apiEnv, p tracker.Placement, st tracker.ReportState) tracker.WeeklyReport {
	e.t.Helper()
	var intern *tracker.User
	for _, u := range e.Users {
		if u.ID == p.InternID {
			intern = u
		}
	}
	if intern == nil {
		e.t.Fatalf("fixture: no user %d", p.InternID)
	}
	r, err := e.DB.Store.CreateReport(fixtureCtx, intern, p.ID, store.NewReport{Week: w.nextWeek(e, p),
		Done: "Drafted the options paper", Next: "Circulate it to the branch", Blockers: ""})
	mustFixture(e, "report", err)
	move := func(who *tracker.User, to tracker.ReportState, comment *string) {
		r, err = e.DB.Store.UpdateReport(fixtureCtx, who, p.ID, r.ID, r.Version, store.ReportPatch{State: &to, ReviewComment: comment})
		mustFixture(e, "move report to "+string(to), err)
	}
	if st != tracker.ReportDraft {
		move(intern, tracker.ReportSubmitted, nil)
	}
	if st == tracker.ReportAccepted || st == tracker.ReportNeedsRevision {
		comment := "Add the sources"
		move(w.adm, st, &comment)
	}
	return *r
}

func reportPath(r tracker.WeeklyReport) string {
	return v1("/placements/%d/reports/%d", r.PlacementID, r.ID)
}

// reportRows are the weekly reports: whoever reads a placement reads its
// reports; its intern writes and submits them, a supervisor of its branch
// or an admin reviews them, leadership only reads.
func reportRows() []mrow {
	const (
		author   = "401 | 200 404 404 | 403 403 404 | 403 | 403"
		reviewer = "401 | 403 404 404 | 200 200 404 | 403 | 200"
	)
	patch := func(st tracker.ReportState, body map[string]any) func(c *cell) target {
		return func(c *cell) target { return patchAt(c, reportPath(c.report(st)), body) }
	}
	crossed := func(c *cell) (path, real string) {
		p := c.reportPlacement()
		other := c.crossed(kPlacement).report(tracker.ReportSubmitted)
		return v1("/placements/%d/reports/%d", p.ID, other.ID), reportPath(other)
	}
	return []mrow{
		{method: "GET", route: "/api/v1/reports", kind: kPlacement, want: signedIn, listOf: "GET /api/v1/placements/:id/reports/:rid",
			build: func(c *cell) target {
				return target{path: v1("/reports?per_page=100"), listed: c.report(tracker.ReportSubmitted).ID}
			}},
		{method: "GET", route: "/api/v1/reports", variant: "queue", kind: kPlacement, want: signedIn,
			listOf: "GET /api/v1/placements/:id/reports/:rid", build: func(c *cell) target {
				return target{path: v1("/reports?state=submitted&per_page=100"), listed: c.report(tracker.ReportSubmitted).ID}
			}},
		{method: "GET", route: "/api/v1/placements/:id/reports", kind: kPlacement, want: readsPlaces,
			listOf: "GET /api/v1/placements/:id/reports/:rid", build: func(c *cell) target {
				r := c.report(tracker.ReportSubmitted)
				return target{path: v1("/placements/%d/reports?per_page=100", r.PlacementID), listed: r.ID}
			}},
		{method: "POST", route: "/api/v1/placements/:id/reports", kind: kPlacement, want: "401 | 201 404 404 | 403 403 404 | 403 | 403",
			build: func(c *cell) target {
				p := c.reportPlacement()
				week := tracker.WeekOf(p.StartDate)
				if c.fresh {
					week = c.w.nextWeek(c.e, p)
				}
				return target{path: v1("/placements/%d/reports", p.ID), body: map[string]any{"week": week.String(), "done": "Matrix"}}
			}},
		{method: "GET", route: "/api/v1/placements/:id/reports/:rid", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: reportPath(c.report(tracker.ReportSubmitted))}
		}},
		{method: "GET", route: "/api/v1/placements/:id/reports/:rid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target { p, _ := crossed(c); return target{path: p} }},
		{method: "PATCH", route: "/api/v1/placements/:id/reports/:rid", kind: kPlacement, want: author,
			build: patch(tracker.ReportDraft, map[string]any{"done": "Edited", "blockers": "None"})},
		{method: "PATCH", route: "/api/v1/placements/:id/reports/:rid", variant: "submit", kind: kPlacement, want: author,
			build: patch(tracker.ReportDraft, map[string]any{"state": "submitted"})},
		{method: "PATCH", route: "/api/v1/placements/:id/reports/:rid", variant: "resubmit", kind: kPlacement, want: author,
			build: patch(tracker.ReportNeedsRevision, map[string]any{"next": "Sources added", "state": "submitted"})},
		{method: "PATCH", route: "/api/v1/placements/:id/reports/:rid", variant: "accept", kind: kPlacement, want: reviewer,
			build: patch(tracker.ReportSubmitted, map[string]any{"state": "accepted"})},
		{method: "PATCH", route: "/api/v1/placements/:id/reports/:rid", variant: "sendBack", kind: kPlacement, want: reviewer,
			build: patch(tracker.ReportSubmitted, map[string]any{"state": "needs_revision", "review_comment": "Say what the partner asked"})},
		// A draft cannot be accepted by anyone: the workflow refuses it
		// (409) to whoever may act on the report at all.
		{method: "PATCH", route: "/api/v1/placements/:id/reports/:rid", variant: "skipReview", kind: kPlacement,
			want: "401 | 409 404 404 | 409 409 404 | 403 | 409", build: patch(tracker.ReportDraft, map[string]any{"state": "accepted"})},
		{method: "PATCH", route: "/api/v1/placements/:id/reports/:rid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target {
				p, real := crossed(c)
				return target{path: p, body: map[string]any{"state": "accepted"}, ifMatch: c.version(real)}
			}},
	}
}

// reportTampers are the weekly reports' tampered writes.
func reportTampers(w *world, e *apiEnv) []tcase {
	var cs tcases
	c := &cell{w: w, e: e, a: asIntern, s: scopeOwn}
	p := c.reportPlacement()
	draft, submitted := c.report(tracker.ReportDraft), c.report(tracker.ReportSubmitted)
	const create, item = "/api/v1/placements/:id/reports", "/api/v1/placements/:id/reports/:rid"
	body := map[string]any{"week": tracker.WeekOf(p.StartDate).AddDays(7 * 20).String(), "done": "x"}
	for f, v := range map[string]any{"id": 9, "version": 3, "state": "accepted", "placement_id": w.pl[uInternMC].ID,
		"intern_id": e.id(uInternCPP2), "branch_id": branchMC, "submitted_at": "2026-01-01T00:00:00Z", "reviewer_id": e.id(uSupCPP)} {
		cs.add("CreateReportWith_"+f, uInternCPP, "POST", create, v1("/placements/%d/reports", p.ID), withFields(body, f, v), 400, f)
	}
	for f, v := range map[string]any{"id": 9, "version": 3, "week": "2020-01-06", "placement_id": w.pl[uInternMC].ID,
		"reviewer_id": e.id(uSupCPP), "reviewed_at": "2026-01-01T00:00:00Z", "intern_id": e.id(uInternCPP2)} {
		cs.add("UpdateReportWith_"+f, uInternCPP, "PATCH", item, reportPath(draft), map[string]any{"done": "y", f: v}, 400, f)
	}
	cs.add("InternAcceptsOwn", uInternCPP, "PATCH", item, reportPath(submitted), map[string]any{"state": "accepted"}, 403, "")
	cs.add("InternWritesReviewComment", uInternCPP, "PATCH", item, reportPath(draft), map[string]any{"review_comment": "fine"}, 403, "")
	cs.add("SupervisorRewritesReport", uSupCPP, "PATCH", item, reportPath(submitted), map[string]any{"done": "rewritten"}, 403, "")
	cs.add("SendBackWithoutComment", uSupCPP, "PATCH", item, reportPath(submitted), map[string]any{"state": "needs_revision"}, 422, "review_comment")
	cs.add("UnknownState", uInternCPP, "PATCH", item, reportPath(draft), map[string]any{"state": "signed"}, 422, "state")
	return cs
}
