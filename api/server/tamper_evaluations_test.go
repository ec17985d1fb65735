package server_test

// evaluationsTampers refuses what an evaluation's PATCH may not carry:
// stored and derived fields, the other side's assessment, a score off the
// scale, a competency off the rubric.
func evaluationsTampers(w *world, e *apiEnv) []tcase {
	var cs tcases
	const route = "/api/v1/placements/:id/evaluations/:eid"
	p := w.pl[uInternCPP]
	evs, err := e.DB.Store.Evaluations(fixtureCtx, w.adm, p.ID)
	mustFixture(e, "evaluations", err)
	path := v1("/placements/%d/evaluations/%d", p.ID, evs[0].ID)
	for f, v := range map[string]any{"id": 9, "version": 4, "signed_at": "2026-01-01T00:00:00Z", "signed_by": e.id(uSupCPP),
		"placement_id": w.pl[uInternMC].ID, "kind": "final", "due_date": "2030-01-01", "milestone_id": 1, "overdue": false} {
		cs.add("EvaluationWith_"+f, uSupCPP, "PATCH", route, path, map[string]any{"supervisor": map[string]any{"comment": "x"}, f: v}, 400, f)
	}
	self := map[string]any{"ratings": []any{map[string]any{"competency": "analysis", "score": 4}}}
	cs.add("EvaluationInternWritesSupervisor", uInternCPP, "PATCH", route, path, map[string]any{"supervisor": self}, 403, "")
	cs.add("EvaluationSupervisorWritesSelf", uSupCPP, "PATCH", route, path, map[string]any{"self": self}, 403, "")
	cs.add("EvaluationLeadership", uLeader, "PATCH", route, path, map[string]any{"state": "signed"}, 403, "")
	cs.add("EvaluationInternSigns", uInternCPP, "PATCH", route, path, map[string]any{"state": "signed"}, 409, "")
	cs.add("EvaluationScoreOffScale", uSupCPP, "PATCH", route, path,
		map[string]any{"supervisor": map[string]any{"ratings": []any{map[string]any{"competency": "analysis", "score": 5}}}}, 422, "supervisor.ratings[0].score")
	cs.add("EvaluationNoSuchCompetency", uInternCPP, "PATCH", route, path,
		map[string]any{"self": map[string]any{"ratings": []any{map[string]any{"competency": "charm", "score": 4}}}}, 422, "self.ratings[0].competency")
	cs.add("EvaluationNoSuchState", uInternCPP, "PATCH", route, path, map[string]any{"state": "approved"}, 422, "state")
	cs.add("EvaluationSubmitIncomplete", uInternCPP, "PATCH", route, path, map[string]any{"state": "submitted"}, 422, "self")
	return cs
}
