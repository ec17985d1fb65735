package server_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// placementOf returns the id of intern's placement, read as an admin.
func placementOf(e *apiEnv, intern string) int64 {
	e.t.Helper()
	var l workPage[tracker.Placement]
	e.as(uAdmin).get(fmt.Sprintf("/api/v1/placements?intern_id=%d", e.id(intern))).want(http.StatusOK).decode(&l)
	if len(l.Items) != 1 {
		e.t.Fatalf("placements of %s: %+v", intern, l)
	}
	return l.Items[0].ID
}

func objectivesPath(placement int64) string {
	return fmt.Sprintf("/api/v1/placements/%d/objectives", placement)
}

func objectivePath(placement, id int64) string {
	return fmt.Sprintf("%s/%d", objectivesPath(placement), id)
}

// TestObjectiveRollup follows an objective's progress as its linked tasks
// move: weighted by estimate (or 1), done counting 100, 0 without tasks.
func TestObjectiveRollup(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		pl := placementOf(e, uInternCPP)
		proj := k.project(uSupCPP, branchCPP, nil)
		heavy := k.task(proj.ID, uInternCPP, map[string]any{"estimate_hours": 30})
		light := k.task(proj.ID, uInternCPP, nil)
		var o tracker.Objective
		r := e.as(uSupCPP).post(objectivesPath(pl), map[string]any{
			"title": "  Draft EU cooperation options  ", "description": "Two options papers.", "task_ids": []int64{light.ID, heavy.ID, light.ID},
		}).want(http.StatusCreated).decode(&o)
		if o.Title != "Draft EU cooperation options" || o.Version != 1 || r.etag() != 1 || r.Header.Get("Location") != objectivePath(pl, o.ID) ||
			!slices.Equal(o.TaskIDs, []int64{heavy.ID, light.ID}) || len(o.Tasks) != 2 || o.TaskCount != 2 || o.DoneCount != 0 || o.ProgressPct != 0 {
			t.Fatalf("created = %+v", o)
		}
		read := func(who string) tracker.Objective {
			var got tracker.Objective
			e.as(who).get(objectivePath(pl, o.ID)).want(http.StatusOK).decode(&got)
			return got
		}
		h := func(v float64) *float64 { return &v }
		subtest(t, e, "ProgressLogMovesIt", func(t *testing.T) {
			e.as(uInternCPP).post(fmt.Sprintf("/api/v1/tasks/%d/progress", heavy.ID), map[string]any{"progress": 50}).want(http.StatusCreated)
			want := tracker.WeightedProgress([]tracker.WorkItem{{Progress: 50, EstimateHours: h(30)}, {Progress: 0}})
			if got := read(uInternCPP); got.ProgressPct != want || want != 48 || got.DoneCount != 0 {
				t.Fatalf("after log: %+v, want progress %d", got, want)
			}
		})
		subtest(t, e, "DoneCountsFull", func(t *testing.T) {
			k.moveTo(*k.stored(light.ID), tracker.StatusDone)
			want := tracker.WeightedProgress([]tracker.WorkItem{{Progress: 50, EstimateHours: h(30)}, {Progress: 0, Done: true}})
			got := read(uLeader)
			if got.ProgressPct != want || want != 52 || got.DoneCount != 1 || got.TaskCount != 2 {
				t.Fatalf("after done: %+v, want progress %d", got, want)
			}
			var l workPage[tracker.Objective]
			e.as(uSupCPP).get(objectivesPath(pl)).want(http.StatusOK).decode(&l)
			if l.Total != 1 || l.Items[0].ProgressPct != want || l.Items[0].Tasks[1].Status != tracker.StatusDone {
				t.Fatalf("list = %+v", l)
			}
		})
		subtest(t, e, "UnlinkAllIsZero", func(t *testing.T) {
			var got tracker.Objective
			e.as(uSupCPP).patch(objectivePath(pl, o.ID), 1, map[string]any{"task_ids": []int64{}}).want(http.StatusOK).decode(&got)
			if got.Version != 2 || got.TaskCount != 0 || got.ProgressPct != 0 || got.TaskIDs == nil || got.Tasks == nil {
				t.Fatalf("unlinked = %+v", got)
			}
			// The same set again changes nothing and keeps the version.
			e.as(uSupCPP).patch(objectivePath(pl, o.ID), 2, map[string]any{"task_ids": []int64{}, "title": got.Title}).want(http.StatusOK).decode(&got)
			if got.Version != 2 {
				t.Fatalf("no-op patch bumped the version: %+v", got)
			}
		})
		subtest(t, e, "DeletedTaskDropsOut", func(t *testing.T) {
			var got tracker.Objective
			e.as(uSupCPP).patch(objectivePath(pl, o.ID), 2, map[string]any{"task_ids": []int64{heavy.ID, light.ID}}).want(http.StatusOK).decode(&got)
			e.as(uAdmin).del(fmt.Sprintf("/api/v1/tasks/%d", heavy.ID)).want(http.StatusNoContent)
			if got = read(uAdmin); !slices.Equal(got.TaskIDs, []int64{light.ID}) || got.ProgressPct != 100 || got.DoneCount != 1 {
				t.Fatalf("after task delete: %+v", got)
			}
		})
	})
}

// TestObjectiveRights covers who reads and writes objectives, nested ids,
// If-Match, validation and the activity trail.
func TestObjectiveRights(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		pl, pl2, plMC := placementOf(e, uInternCPP), placementOf(e, uInternCPP2), placementOf(e, uInternMC)
		own := k.task(k.project(uSupCPP, branchCPP, nil).ID, uInternCPP, nil)
		var o, onMC tracker.Objective
		e.as(uSupCPP).post(objectivesPath(pl), map[string]any{"title": "Brief the OSCE desk"}).want(http.StatusCreated).decode(&o)
		e.as(uAdmin).post(objectivesPath(plMC), map[string]any{"title": "Map Georgia's requests"}).want(http.StatusCreated).decode(&onMC)
		get := func(p, id int64) func(c *client) *resp {
			return func(c *client) *resp { return c.get(objectivePath(p, id)) }
		}
		patch := func(p, id, v int64, body map[string]any) func(c *client) *resp {
			return func(c *client) *resp { return c.patch(objectivePath(p, id), v, body) }
		}
		del := func(p, id int64) func(c *client) *resp {
			return func(c *client) *resp { return c.del(objectivePath(p, id)) }
		}
		post := func(p int64, body map[string]any) func(c *client) *resp {
			return func(c *client) *resp { return c.post(objectivesPath(p), body) }
		}
		const inv, nf, fb = tracker.ECodeInvalid, tracker.ECodeNotFound, tracker.ECodeForbidden
		title := map[string]any{"title": "Brief the OSCE and EU desks"}
		runWorkCases(t, e, []workCase{
			{"GetOKIntern", uInternCPP, get(pl, o.ID), 200, "", ""},
			{"GetOKLeadership", uLeader, get(pl, o.ID), 200, "", ""},
			{"GetErrNotFoundOtherIntern", uInternCPP2, get(pl, o.ID), 404, nf, ""},
			{"GetErrNotFoundOtherBranchSupervisor", uSupMC, get(pl, o.ID), 404, nf, ""},
			{"GetErrNotFoundWrongParent", uAdmin, get(pl2, o.ID), 404, nf, ""},
			{"GetErrNotFoundCrossBranchParent", uSupCPP, get(pl, onMC.ID), 404, nf, ""},
			{"PostErrForbiddenIntern", uInternCPP, post(pl, title), 403, fb, ""},
			{"PostErrForbiddenLeadership", uLeader, post(pl, title), 403, fb, ""},
			{"PostErrNotFoundOtherBranch", uSupCPP, post(plMC, title), 404, nf, ""},
			{"PostErrValidationLongTitle", uSupCPP, post(pl, map[string]any{"title": strings.Repeat("t", 201)}), 422, inv, "title"},
			{"PostErrValidationBlankTitle", uSupCPP, post(pl, map[string]any{"title": "   "}), 422, inv, "title"},
			{"PostErrValidationOtherInternsTask", uSupCPP, post(pl2, map[string]any{"title": "x", "task_ids": []int64{own.ID}}), 422, inv, "task_ids"},
			{"PostErrUnknownField", uSupCPP, post(pl, map[string]any{"title": "x", "placement_id": pl2}), 400, "bad_request", "placement_id"},
			{"PatchErrPreconditionRequired", uSupCPP, patch(pl, o.ID, 0, title), 428, tracker.ECodePreconditionRequired, ""},
			{"PatchErrVersionMismatch", uSupCPP, patch(pl, o.ID, 5, title), 412, tracker.ECodeVersionMismatch, ""},
			{"PatchErrForbiddenIntern", uInternCPP, patch(pl, o.ID, 1, title), 403, fb, ""},
			{"PatchErrNotFoundWrongParent", uSupCPP, patch(pl2, o.ID, 1, title), 404, nf, ""},
			{"PatchErrValidationEmptyTitle", uSupCPP, patch(pl, o.ID, 1, map[string]any{"title": ""}), 422, inv, "title"},
			{"PatchOKLinksOwnTask", uSupCPP, patch(pl, o.ID, 1, map[string]any{"task_ids": []int64{own.ID}, "description": "With the desk officers."}), 200, "", ""},
			{"PatchErrStale", uSupCPP, patch(pl, o.ID, 1, title), 412, tracker.ECodeVersionMismatch, ""},
			{"DeleteErrForbiddenIntern", uInternCPP, del(pl, o.ID), 403, fb, ""},
			{"DeleteErrForbiddenLeadership", uLeader, del(pl, o.ID), 403, fb, ""},
			{"DeleteErrNotFoundOtherBranch", uSupMC, del(pl, o.ID), 404, nf, ""},
			{"DeleteErrNotFoundWrongParent", uSupCPP, del(pl2, o.ID), 404, nf, ""},
		})
		subtest(t, e, "ActivityForTheIntern", func(t *testing.T) {
			var l workPage[tracker.Activity]
			e.as(uInternCPP).get("/api/v1/activity?entity_type=objective").want(http.StatusOK).decode(&l)
			if l.Total != 2 || l.Items[0].Action != tracker.ActionUpdate || l.Items[0].EntityID != o.ID ||
				l.Items[0].Changes["task_ids"].After == nil || l.Items[1].Action != tracker.ActionCreate {
				t.Fatalf("intern's objective activity = %+v", l)
			}
			e.as(uInternMC).get("/api/v1/activity?entity_type=objective").want(http.StatusOK).decode(&l)
			if l.Total != 1 || l.Items[0].EntityID != onMC.ID {
				t.Fatalf("internMC's objective activity = %+v", l)
			}
		})
		subtest(t, e, "DeleteThenGone", func(t *testing.T) {
			e.as(uSupCPP).del(objectivePath(pl, o.ID)).want(http.StatusNoContent)
			e.as(uSupCPP).get(objectivePath(pl, o.ID)).wantProblem(404, nf)
			var l workPage[tracker.Objective]
			e.as(uInternCPP).get(objectivesPath(pl)).want(http.StatusOK).decode(&l)
			if l.Total != 0 || l.Items == nil {
				t.Fatalf("list after delete = %+v", l)
			}
			if k.stored(own.ID).ID != own.ID {
				t.Fatal("the linked task went with the objective")
			}
		})
		subtest(t, e, "PlacementDeleteTakesThem", func(t *testing.T) {
			e.as(uAdmin).del(fmt.Sprintf("/api/v1/placements/%d", plMC)).want(http.StatusNoContent)
			e.as(uAdmin).get(objectivesPath(plMC)).wantProblem(404, nf)
		})
	})
}
