package server_test

import (
	"sync"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// handoverRows are the matrix rows of the handover action, the stored
// handovers and the notifications (issue 7, parts 5 and 6).
func handoverRows() []mrow {
	return []mrow{
		// Handing over is managing the placement; a refused call reaches no
		// window check. Fresh cells hand over a new placement in its last
		// days, of a new intern under the scope's supervisor.
		{method: "POST", route: "/api/v1/placements/:id/handover", kind: kPlacement, want: "401 | 403 404 404 | 200 200 404 | 403 | 200",
			build: func(c *cell) target {
				p := c.placement()
				if c.fresh {
					p = endingPlacement(c)
				}
				return target{path: v1("/placements/%d/handover", p.ID), body: map[string]any{"successor_id": nil}}
			}},
		// A stored handover: its successor (internCPP) and whoever reads the
		// CPP placement; of MC, with internMC as successor, only leadership
		// and admins besides.
		{method: "GET", route: "/api/v1/handovers/:id", kind: kNone, want: "401 | 200 | 200 | 200 | 200", build: func(c *cell) target {
			return target{path: v1("/handovers/%d", handedOver(c, branchCPP))}
		}},
		{method: "GET", route: "/api/v1/handovers/:id", variant: "other", kind: kNone, want: "401 | 404 | 404 | 200 | 200",
			build: func(c *cell) target {
				return target{path: v1("/handovers/%d", handedOver(c, branchMC))}
			}},
		{method: "GET", route: "/api/v1/me/handovers", kind: kSelf, want: signedIn, build: pathOnly(v1("/me/handovers"))},

		// Notifications are the caller's own: anyone else's is not found.
		{method: "GET", route: "/api/v1/notifications", kind: kSelf, want: signedIn, build: pathOnly(v1("/notifications"))},
		{method: "GET", route: "/api/v1/notifications/count", kind: kSelf, want: signedIn, build: pathOnly(v1("/notifications/count"))},
		{method: "POST", route: "/api/v1/notifications/:id/read", kind: kNone, want: "401 | 200 | 404 | 404 | 404",
			build: func(c *cell) target { return target{path: v1("/notifications/%d/read", internNotification(c))} }},
		{method: "POST", route: "/api/v1/notifications/read-all", kind: kSelf, want: "401 | 204 | 204 | 204 | 204",
			build: func(c *cell) target {
				return target{path: v1("/notifications/read-all"), token: tokenOf(c.selfToken())}
			}},
	}
}

// endingPlacement places a new intern of the cell's branch under the
// scope's supervisor, ending within the handover window.
func endingPlacement(c *cell) tracker.Placement {
	sup := map[mScope]string{scopeOwn: uSupCPP, scopeSame: uSupCPP2, scopeOther: uSupMC}[c.s]
	intern := c.w.freshIntern(c.e, c.branch())
	start := tracker.DateOf(c.e.DB.Clock.Now()).AddDays(-175)
	p, err := c.e.DB.Store.CreatePlacement(fixtureCtx, c.w.adm, store.NewPlacement{InternID: intern.ID, SupervisorID: c.e.id(sup), StartDate: start})
	mustFixture(c.e, "ending placement", err)
	return *p
}

// handovers caches, per world and branch, a handover to that branch's
// first intern.
var handovers sync.Map

// handedOver returns the id of a handover of an ended placement of
// branch to its fixture intern (internCPP or internMC), made once.
func handedOver(c *cell, branch int64) int64 {
	type key struct {
		w      *world
		branch int64
	}
	if id, ok := handovers.Load(key{c.w, branch}); ok {
		return id.(int64)
	}
	sup, succ := uSupCPP, uInternCPP
	if branch == branchMC {
		sup, succ = uSupMC, uInternMC
	}
	intern := c.w.freshIntern(c.e, branch)
	start := tracker.DateOf(c.e.DB.Clock.Now()).AddMonths(-7)
	p, err := c.e.DB.Store.CreatePlacement(fixtureCtx, c.w.adm, store.NewPlacement{InternID: intern.ID, SupervisorID: c.e.id(sup), StartDate: start})
	mustFixture(c.e, "ended placement", err)
	succID := c.e.id(succ)
	h, err := c.e.DB.Store.HandOver(fixtureCtx, c.w.adm, p.ID, store.HandoverInput{SuccessorID: &succID})
	mustFixture(c.e, "hand over", err)
	handovers.Store(key{c.w, branch}, h.Record.ID)
	return h.Record.ID
}

// internNotification returns a notification of internCPP's: a new one (a
// supervisor's comment on their task) for a call expected to mark it.
func internNotification(c *cell) int64 {
	intern := c.e.Users[uInternCPP]
	if c.fresh {
		c.w.newComment(c.e, c.w.task[uInternCPP].ID, uSupCPP)
	}
	ns, _, err := c.e.DB.Store.Notifications(fixtureCtx, intern, false, store.Page{Page: 1, PerPage: 1})
	mustFixture(c.e, "notifications", err)
	if len(ns) == 0 {
		c.e.t.Fatal("internCPP has no notification")
	}
	return ns[0].ID
}
