package server_test

import "github.com/intern-tracker/tracker/pkg/store"

func objectiveInput(title string) store.ObjectiveInput {
	return store.ObjectiveInput{Title: &title}
}

// objectivesTampers: clients set neither ids, versions, the placement nor
// the derived roll-up; they link only the placement's intern's tasks of its
// branch; interns write no objectives.
func objectivesTampers(w *world, e *apiEnv) []tcase {
	var cs tcases
	add := cs.add
	pl := w.pl[uInternCPP]
	const create, item = "/api/v1/placements/:id/objectives", "/api/v1/placements/:id/objectives/:oid"
	list := v1("/placements/%d/objectives", pl.ID)
	o := w.objectiveOf(e, pl.ID)
	op := v1("/placements/%d/objectives/%d", pl.ID, o.ID)
	nb := map[string]any{"title": "Tamper objective"}
	for f, v := range map[string]any{"id": 9999, "version": 7, "placement_id": w.pl[uInternMC].ID, "progress_pct": 100,
		"done_count": 3, "tasks": []any{}} {
		add("CreateObjectiveWith_"+f, uSupCPP, "POST", create, list, withFields(nb, f, v), 400, f)
		add("UpdateObjectiveWith_"+f, uSupCPP, "PATCH", item, op, withFields(nb, f, v), 400, f)
	}
	others := map[string]int64{
		"OtherInternsTask": w.task[uInternCPP2].ID, "OtherBranchTask": w.task[uInternMC].ID, "MissingTask": 999999,
	}
	for name, task := range others {
		add("CreateObjectiveLinking"+name, uSupCPP, "POST", create, list, withFields(nb, "task_ids", []int64{task}), 422, "task_ids")
		add("UpdateObjectiveLinking"+name, uSupCPP, "PATCH", item, op, map[string]any{"task_ids": []int64{w.task[uInternCPP].ID, task}}, 422, "task_ids")
	}
	add("CreateObjectiveWithoutTitle", uSupCPP, "POST", create, list, map[string]any{"description": "No title"}, 422, "title")
	add("CreateObjectiveByItsIntern", uInternCPP, "POST", create, list, nb, 403, "")
	add("UpdateObjectiveByItsIntern", uInternCPP, "PATCH", item, op, map[string]any{"task_ids": []int64{}}, 403, "")
	add("CreateObjectiveByLeadership", uLeader, "POST", create, list, nb, 403, "")
	return cs
}
