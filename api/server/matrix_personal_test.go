package server_test

import (
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// personalRows are issue 7's personal data: everyone exports their own
// record; only an admin lists and anonymises former interns.
func personalRows() []mrow {
	return []mrow{
		{method: "GET", route: "/api/v1/me/export", kind: kSelf, want: signedIn, build: pathOnly(v1("/me/export"))},
		{method: "GET", route: "/api/v1/admin/anonymise", kind: kNone, want: adminOnly + "200", build: pathOnly(v1("/admin/anonymise"))},
		{method: "POST", route: "/api/v1/admin/anonymise", kind: kNone, want: adminOnly + "200", build: func(c *cell) target {
			id := c.e.id(uInternMC)
			if c.fresh {
				id = c.w.formerIntern(c.e).ID
			}
			return target{path: v1("/admin/anonymise"), body: map[string]any{"user_id": id}}
		}},
	}
}

// formerIntern adds a CPP intern whose one placement ended three years
// ago, whom an admin may anonymise.
func (w *world) formerIntern(e *apiEnv) *tracker.User {
	e.t.Helper()
	u := w.freshIntern(e, branchCPP)
	start := tracker.DateOf(e.DB.Clock.Now()).AddMonths(-42)
	_, err := e.DB.Store.CreatePlacement(fixtureCtx, w.adm, store.NewPlacement{InternID: u.ID, SupervisorID: e.id(uSupCPP), StartDate: start})
	mustFixture(e, "former placement", err)
	return u
}
