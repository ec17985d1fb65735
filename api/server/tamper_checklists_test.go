package server_test

// checklistTampers are the checklist writes with fields their caller may
// not set: ids, the branch or placement, versions, who ticked and when,
// the derived due date; and values out of bounds.
func checklistTampers(w *world, e *apiEnv) []tcase {
	var cs tcases
	add := cs.add
	const create = "/api/v1/branches/:id/checklist"
	nt := map[string]any{"title": "Badge collected", "phase": "onboarding", "anchor": "start", "offset_days": 0}
	tplPath := v1("/branches/%d/checklist", branchCPP)
	for f, v := range map[string]any{"id": 99, "branch_id": branchMC, "version": 2, "created_at": "2020-01-01T00:00:00Z"} {
		add("CreateTemplateItemWith_"+f, uAdmin, "POST", create, tplPath, withFields(nt, f, v), 400, f)
	}
	add("CreateTemplateItemBadPhase", uAdmin, "POST", create, tplPath, withFields(nt, "phase", "midterm"), 422, "phase")
	add("CreateTemplateItemBadAnchor", uAdmin, "POST", create, tplPath, withFields(nt, "anchor", "middle"), 422, "anchor")
	add("CreateTemplateItemOffsetTooFar", uAdmin, "POST", create, tplPath, withFields(nt, "offset_days", 367), 422, "offset_days")
	add("CreateTemplateItemNoTitle", uAdmin, "POST", create, tplPath, withFields(nt, "title", "  "), 422, "title")
	add("CreateTemplateItemBySupervisor", uSupCPP, "POST", create, tplPath, nt, 403, "")

	tpl, err := e.DB.Store.ChecklistTemplate(fixtureCtx, w.adm, branchCPP)
	mustFixture(e, "template", err)
	const tplItem = "/api/v1/branches/:id/checklist/:tid"
	ti := v1("/branches/%d/checklist/%d", branchCPP, tpl[0].ID)
	for f, v := range map[string]any{"id": 99, "branch_id": branchMC, "version": 9} {
		add("UpdateTemplateItemWith_"+f, uAdmin, "PATCH", tplItem, ti, map[string]any{"title": "x", f: v}, 400, f)
	}
	add("UpdateTemplateItemOffsetTooFar", uAdmin, "PATCH", tplItem, ti, map[string]any{"offset_days": -400}, 422, "offset_days")
	add("UpdateTemplateItemBySupervisor", uSupCPP, "PATCH", tplItem, ti, map[string]any{"title": "Mine"}, 403, "")

	items, err := e.DB.Store.Checklist(fixtureCtx, w.adm, w.pl[uInternCPP].ID)
	mustFixture(e, "checklist", err)
	const tick = "/api/v1/placements/:id/checklist/:iid"
	it := v1("/placements/%d/checklist/%d", items[0].PlacementID, items[0].ID)
	for f, v := range map[string]any{"done_at": "2020-01-01T00:00:00Z", "done_by": e.id(uSupCPP), "due_date": e.day(5),
		"placement_id": w.pl[uInternMC].ID, "title": "Renamed", "version": 9} {
		add("TickWith_"+f, uInternCPP, "PATCH", tick, it, map[string]any{"done": true, f: v}, 400, f)
	}
	add("TickWithoutDone", uInternCPP, "PATCH", tick, it, map[string]any{}, 422, "done")
	add("TickByLeadership", uLeader, "PATCH", tick, it, map[string]any{"done": true}, 403, "")
	return cs
}
