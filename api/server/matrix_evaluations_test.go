package server_test

// evaluation is the mid-term evaluation of the cell's placement.
func (c *cell) evaluation() (placement, id int64) {
	c.e.t.Helper()
	p := c.placement()
	evs, err := c.e.DB.Store.Evaluations(fixtureCtx, c.w.adm, p.ID)
	mustFixture(c.e, "evaluations", err)
	return p.ID, evs[0].ID
}

// evaluationsRows are the evaluations of issue 7: read with their
// placement; the intern writes the self side of their own, a supervisor of
// the branch or an admin the supervisor's side; leadership writes nothing.
func evaluationsRows() []mrow {
	item := func(c *cell) string {
		p, id := c.evaluation()
		return v1("/placements/%d/evaluations/%d", p, id)
	}
	crossed := func(c *cell) (path, real string) {
		p := c.placement()
		cp, id := c.crossed(kPlacement).evaluation()
		return v1("/placements/%d/evaluations/%d", p.ID, id), v1("/placements/%d/evaluations/%d", cp, id)
	}
	return []mrow{
		{method: "GET", route: "/api/v1/evaluations", kind: kPlacement, want: signedIn, listOf: "GET /api/v1/placements/:id/evaluations/:eid",
			build: func(c *cell) target {
				_, id := c.evaluation()
				return target{path: v1("/evaluations?per_page=100"), listed: id}
			}},
		{method: "GET", route: "/api/v1/placements/:id/evaluations", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: v1("/placements/%d/evaluations", c.placement().ID)}
		}},
		{method: "GET", route: "/api/v1/placements/:id/evaluations/:eid", kind: kPlacement, want: readsPlaces,
			build: func(c *cell) target { return target{path: item(c)} }},
		{method: "GET", route: "/api/v1/placements/:id/evaluations/:eid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target { p, _ := crossed(c); return target{path: p} }},
		{method: "PATCH", route: "/api/v1/placements/:id/evaluations/:eid", variant: "self", kind: kPlacement,
			want: "401 | 200 404 404 | 403 403 404 | 403 | 403", build: func(c *cell) target {
				return patchAt(c, item(c), map[string]any{"self": map[string]any{"comment": c.w.name("Self ")}})
			}},
		{method: "PATCH", route: "/api/v1/placements/:id/evaluations/:eid", kind: kPlacement,
			want: "401 | 403 404 404 | 200 200 404 | 403 | 200", build: func(c *cell) target {
				return patchAt(c, item(c), map[string]any{"supervisor": map[string]any{"comment": c.w.name("Supervisor ")}})
			}},
		{method: "PATCH", route: "/api/v1/placements/:id/evaluations/:eid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target {
				p, real := crossed(c)
				return target{path: p, body: map[string]any{"supervisor": map[string]any{"comment": "x"}}, ifMatch: c.version(real)}
			}},
	}
}
