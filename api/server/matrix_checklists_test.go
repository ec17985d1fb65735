package server_test

import (
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// checklistRows are the branches' checklist templates (leadership and
// admins read all, a supervisor their branch's, admins write) and the
// placements' checklists (read with the placement; ticked by its intern, a
// supervisor of its branch or an admin).
func checklistRows() []mrow {
	const readsTemplate = "401 | 403 | 200 403 | 200 | 200"
	tpl := func(c *cell) string {
		t := c.templateItem()
		return v1("/branches/%d/checklist/%d", t.BranchID, t.ID)
	}
	item := func(c *cell) string {
		it := c.checklistItem()
		return v1("/placements/%d/checklist/%d", it.PlacementID, it.ID)
	}
	return []mrow{
		{method: "GET", route: "/api/v1/branches/:id/checklist", kind: kBranch, want: readsTemplate, build: func(c *cell) target {
			return target{path: v1("/branches/%d/checklist", c.branch())}
		}},
		{method: "POST", route: "/api/v1/branches/:id/checklist", kind: kBranch, want: adminOnly + "201", build: func(c *cell) target {
			return target{path: v1("/branches/%d/checklist", c.branch()),
				body: map[string]any{"title": "Matrix item", "phase": "onboarding", "anchor": "start", "offset_days": 3}}
		}},
		{method: "GET", route: "/api/v1/branches/:id/checklist/:tid", kind: kBranch, want: readsTemplate, build: func(c *cell) target {
			return target{path: tpl(c)}
		}},
		// Another branch's item through this branch's path is not found.
		{method: "GET", route: "/api/v1/branches/:id/checklist/:tid", variant: "crossed", kind: kBranch,
			want: "401 | 403 | 404 403 | 404 | 404", build: func(c *cell) target {
				return target{path: v1("/branches/%d/checklist/%d", c.branch(), c.crossed(kBranch).templateItem().ID)}
			}},
		{method: "PATCH", route: "/api/v1/branches/:id/checklist/:tid", kind: kBranch, want: adminOnly + "200", build: func(c *cell) target {
			return patchAt(c, tpl(c), map[string]any{"offset_days": 4})
		}},
		{method: "DELETE", route: "/api/v1/branches/:id/checklist/:tid", kind: kBranch, want: adminOnly + "204", build: func(c *cell) target {
			return target{path: tpl(c)}
		}},
		{method: "GET", route: "/api/v1/placements/:id/checklist", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: v1("/placements/%d/checklist", c.placement().ID)}
		}},
		{method: "GET", route: "/api/v1/placements/:id/checklist/:iid", kind: kPlacement, want: readsPlaces, build: func(c *cell) target {
			return target{path: item(c)}
		}},
		{method: "GET", route: "/api/v1/placements/:id/checklist/:iid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target {
				return target{path: v1("/placements/%d/checklist/%d", c.placement().ID, c.crossed(kPlacement).checklistItem().ID)}
			}},
		{method: "PATCH", route: "/api/v1/placements/:id/checklist/:iid", kind: kPlacement, want: "401 | 200 404 404 | 200 200 404 | 403 | 200",
			build: func(c *cell) target { return patchAt(c, item(c), map[string]any{"done": true}) }},
		{method: "PATCH", route: "/api/v1/placements/:id/checklist/:iid", variant: "crossed", kind: kPlacement, want: notNested,
			build: func(c *cell) target {
				it := c.crossed(kPlacement).checklistItem()
				real := v1("/placements/%d/checklist/%d", it.PlacementID, it.ID)
				return target{path: v1("/placements/%d/checklist/%d", c.placement().ID, it.ID), body: map[string]any{"done": true},
					ifMatch: c.version(real)}
			}},
		{method: "GET", route: "/api/v1/activity", variant: "checklist", kind: kPlacement, want: signedIn,
			listOf: "GET /api/v1/placements/:id/checklist/:iid", build: func(c *cell) target {
				id := c.checklistItem().ID
				return target{path: v1("/activity?entity_type=checklist_item&entity_id=%d&per_page=100", id), listed: id, idKey: "entity_id"}
			}},
	}
}

// templateItem is the first item of the scope's branch's template (a new
// one when fresh, so that writes leave the seeded template alone).
func (c *cell) templateItem() tracker.ChecklistTemplateItem {
	c.e.t.Helper()
	if c.fresh {
		title, phase, anchor, off := c.w.name("Template item "), tracker.PhaseOffboarding, tracker.AnchorEnd, -3
		t, err := c.e.DB.Store.CreateChecklistTemplateItem(fixtureCtx, c.w.adm, c.branch(),
			store.ChecklistTemplateInput{Title: &title, Phase: &phase, Anchor: &anchor, OffsetDays: &off})
		mustFixture(c.e, "template item", err)
		return *t
	}
	ts, err := c.e.DB.Store.ChecklistTemplate(fixtureCtx, c.w.adm, c.branch())
	mustFixture(c.e, "template", err)
	if len(ts) == 0 {
		c.e.t.Fatalf("fixture: branch %d has no checklist template", c.branch())
	}
	return ts[0]
}

// checklistItem is the first checklist item of the scope's placement.
func (c *cell) checklistItem() tracker.ChecklistItem {
	c.e.t.Helper()
	p := c.placement()
	items, err := c.e.DB.Store.Checklist(fixtureCtx, c.w.adm, p.ID)
	mustFixture(c.e, "checklist", err)
	if len(items) == 0 {
		c.e.t.Fatalf("fixture: placement %d has no checklist", p.ID)
	}
	return items[0]
}
