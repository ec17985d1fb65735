package server_test

import "github.com/intern-tracker/tracker/pkg/tracker"

// objectiveOf returns the first objective of placement id, adding one (as
// the admin) when it has none yet.
func (w *world) objectiveOf(e *apiEnv, placementID int64) tracker.Objective {
	e.t.Helper()
	os, err := e.DB.Store.Objectives(fixtureCtx, w.adm, placementID)
	mustFixture(e, "objectives", err)
	if len(os) > 0 {
		return os[0]
	}
	return w.newObjective(e, placementID)
}

// newObjective adds an objective to placement id, as the admin.
func (w *world) newObjective(e *apiEnv, placementID int64) tracker.Objective {
	e.t.Helper()
	title := w.name("Objective ")
	o, err := e.DB.Store.CreateObjective(fixtureCtx, w.adm, placementID, objectiveInput(title))
	mustFixture(e, "objective", err)
	return *o
}

// objective is an objective of the scope's placement: a new one, on a new
// placement, when the call may change it.
func (c *cell) objective() tracker.Objective {
	p := c.placement()
	if c.fresh {
		return c.w.newObjective(c.e, p.ID)
	}
	return c.w.objectiveOf(c.e, p.ID)
}

// objectiveRows: whoever reads a placement reads its objectives; admins
// and the supervisors of its branch write them.
func objectiveRows() []mrow {
	objPath := func(o tracker.Objective) string {
		return v1("/placements/%d/objectives/%d", o.PlacementID, o.ID)
	}
	// crossed addresses another placement's objective through the scope's
	// placement.
	crossed := func(c *cell) (path, real string) {
		o := c.crossed(kPlacement).objective()
		return v1("/placements/%d/objectives/%d", c.placement().ID, o.ID), objPath(o)
	}
	return []mrow{
		{method: "GET", route: "/api/v1/placements/:id/objectives", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: v1("/placements/%d/objectives", c.placement().ID)}
		}},
		{method: "POST", route: "/api/v1/placements/:id/objectives", kind: kPlacement, want: "401 | 403 404 404 | 201 201 404 | 403 | 201",
			build: func(c *cell) target {
				return target{path: v1("/placements/%d/objectives", c.placement().ID), body: map[string]any{"title": "Matrix objective"}}
			}},
		{method: "GET", route: "/api/v1/placements/:id/objectives/:oid", kind: kPlacement, want: readsPlaces,
			build: func(c *cell) target { return target{path: objPath(c.objective())} }},
		{method: "GET", route: "/api/v1/placements/:id/objectives/:oid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target { p, _ := crossed(c); return target{path: p} }},
		{method: "PATCH", route: "/api/v1/placements/:id/objectives/:oid", kind: kPlacement, want: "401 | 403 404 404 | 200 200 404 | 403 | 200",
			build: func(c *cell) target {
				return patchAt(c, objPath(c.objective()), map[string]any{"title": "Edited objective"})
			}},
		{method: "PATCH", route: "/api/v1/placements/:id/objectives/:oid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target {
				p, real := crossed(c)
				return target{path: p, body: map[string]any{"title": "Edited objective"}, ifMatch: c.version(real)}
			}},
		{method: "DELETE", route: "/api/v1/placements/:id/objectives/:oid", kind: kPlacement, want: "401 | 403 404 404 | 204 204 404 | 403 | 204",
			build: func(c *cell) target { return target{path: objPath(c.objective())} }},
		{method: "DELETE", route: "/api/v1/placements/:id/objectives/:oid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target { p, _ := crossed(c); return target{path: p} }},
	}
}
