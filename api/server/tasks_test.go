package server_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func taskPath(id int64) string { return fmt.Sprintf("/api/v1/tasks/%d", id) }

// oddInterns adds interns of CPP that no task may be given: "ended"
// (placement over), "disabled" (account off); "future", placed from next
// week, may be. internCPP2 also gets an old placement besides the current.
func (k *workKit) oddInterns() {
	e := k.e
	e.t.Helper()
	k.place(uInternCPP2, uSupCPP, -400, -200)
	cpp := branchCPP
	for name, dates := range map[string][2]int{"ended": {-300, -1}, "future": {10, 0}, "disabled": {-10, 0}} {
		e.Users[name] = e.addUser(name, tracker.RoleIntern, &cpp)
		k.place(name, uSupCPP, dates[0], dates[1])
	}
	off := false
	if _, err := e.DB.Store.UpdateUser(context.Background(), e.Users[uAdmin], e.id("disabled"), 1, store.UserPatch{Active: &off}); err != nil {
		e.t.Fatal(err)
	}
}

func TestTaskCreate(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		cpp := k.project(uSupCPP, branchCPP, map[string]any{"stream_id": 2})
		mc := k.project(uSupMC, branchMC, nil)
		k.oddInterns()
		body := func(extra ...any) map[string]any {
			b := map[string]any{"project_id": cpp.ID, "title": "Draft the EU options paper"}
			for i := 0; i+1 < len(extra); i += 2 {
				b[extra[i].(string)] = extra[i+1]
			}
			return b
		}
		post := func(b map[string]any) func(c *client) *resp {
			return func(c *client) *resp { return c.post("/api/v1/tasks", b) }
		}
		const inv = tracker.ECodeInvalid
		runWorkCases(t, e, []workCase{
			{"OK", uSupCPP, post(body("assignee_id", e.id(uInternCPP))), 201, "", ""},
			{"OKUnassigned", uAdmin, post(body()), 201, "", ""},
			{"OKFuturePlacement", uSupCPP, post(body("assignee_id", e.id("future"))), 201, "", ""},
			{"OKAssigneeWithEndedAndCurrentPlacement", uSupCPP, post(body("assignee_id", e.id(uInternCPP2))), 201, "", ""},
			{"ErrUnauthenticated", "", post(body()), 401, tracker.ECodeUnauthenticated, ""},
			{"ErrForbiddenLeadership", uLeader, post(body()), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenIntern", uInternCPP, post(body()), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenOtherBranch", uSupMC, post(body()), 403, tracker.ECodeForbidden, ""},
			{"ErrValidationProjectMissing", uSupCPP, post(body("project_id", nil)), 422, inv, "project_id"},
			{"ErrValidationProjectUnknown", uSupCPP, post(body("project_id", 9999)), 422, inv, "project_id"},
			{"ErrValidationTitle", uSupCPP, post(body("title", " ")), 422, inv, "title"},
			{"ErrValidationDescription", uSupCPP, post(body("description", strings.Repeat("d", 10001))), 422, inv, "description"},
			{"ErrValidationPriority", uSupCPP, post(body("priority", "critical")), 422, inv, "priority"},
			{"ErrValidationDueBeforeStart", uSupCPP, post(body("start_date", e.day(3), "due_date", e.day(2))), 422, inv, "due_date"},
			{"ErrValidationEstimate", uSupCPP, post(body("estimate_hours", -1)), 422, inv, "estimate_hours"},
			{"ErrValidationTag", uSupCPP, post(body("tag_ids", []int64{999})), 422, inv, "tag_ids"},
			{"ErrValidationAssigneeOtherBranch", uSupCPP, post(body("assignee_id", e.id(uInternMC))), 422, inv, "assignee_id"},
			{"ErrValidationAssigneeSupervisor", uSupCPP, post(body("assignee_id", e.id(uSupCPP2))), 422, inv, "assignee_id"},
			{"ErrValidationAssigneePlacementEnded", uSupCPP, post(body("assignee_id", e.id("ended"))), 422, inv, "assignee_id"},
			{"ErrValidationAssigneeDisabled", uSupCPP, post(body("assignee_id", e.id("disabled"))), 422, inv, "assignee_id"},
			{"ErrValidationAssigneeMissing", uSupCPP, post(body("assignee_id", 9999)), 422, inv, "assignee_id"},
			{"ErrForbiddenProjectOtherBranch", uSupCPP, post(body("project_id", mc.ID, "assignee_id", e.id(uInternMC))), 403, tracker.ECodeForbidden, ""},
			{"ErrUnknownFieldStatus", uSupCPP, post(body("status", "done")), 400, "bad_request", "status"},
			{"ErrUnknownFieldCreatedBy", uSupCPP, post(body("created_by", e.id(uAdmin))), 400, "bad_request", "created_by"},
			{"ErrUnknownFieldBranch", uSupCPP, post(body("branch_id", branchMC)), 400, "bad_request", "branch_id"},
			{"ErrUnknownFieldVersion", uSupCPP, post(body("version", 9)), 400, "bad_request", "version"},
		})
		subtest(t, e, "Fields", func(t *testing.T) {
			r := e.as(uSupCPP).post("/api/v1/tasks", body("assignee_id", e.id(uInternCPP), "tag_ids", []int64{6, 1},
				"due_date", e.day(-1), "estimate_hours", 12.5, "priority", "high")).want(201)
			var tk tracker.Task
			r.decode(&tk)
			if tk.Status != tracker.StatusTodo || tk.StreamID != 2 || tk.BranchID != branchCPP || tk.CreatedBy != e.id(uSupCPP) ||
				tk.Priority != tracker.PriorityHigh || tk.Progress != 0 || tk.Version != 1 || tk.CompletedAt != nil {
				t.Fatalf("new task = %+v", tk)
			}
			if !tk.Overdue || !slices.Equal(tk.TagIDs, []int64{1, 6}) || *tk.EstimateHours != 12.5 || *tk.AssigneeID != e.id(uInternCPP) {
				t.Fatalf("new task derived fields = %+v", tk)
			}
			if r.Header.Get("Location") != taskPath(tk.ID) || r.etag() != 1 {
				t.Fatalf("Location %q ETag %q", r.Header.Get("Location"), r.Header.Get("ETag"))
			}
			var def tracker.Task
			e.as(uSupCPP).post("/api/v1/tasks", body()).want(201).decode(&def)
			if def.Priority != tracker.PriorityMedium || def.AssigneeID != nil || def.Overdue || def.TagIDs == nil {
				t.Fatalf("defaults = %+v", def)
			}
		})
	})
}

func TestTaskReadAndPatchRefusals(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		cpp := k.project(uSupCPP, branchCPP, nil)
		mc := k.project(uSupMC, branchMC, nil)
		tk := k.task(cpp.ID, uInternCPP, map[string]any{"tag_ids": []int64{1}})
		other := k.task(mc.ID, uInternMC, nil)
		get := func(id int64) func(c *client) *resp { return func(c *client) *resp { return c.get(taskPath(id)) } }
		patch := func(id, version int64, body any) func(c *client) *resp {
			return func(c *client) *resp { return c.patch(taskPath(id), version, body) }
		}
		title := map[string]any{"title": "New title"}
		const inv = tracker.ECodeInvalid
		runWorkCases(t, e, []workCase{
			{"GetOKIntern", uInternCPP2, get(tk.ID), 200, "", ""},
			{"GetOKSupervisorOtherBranch", uSupMC, get(tk.ID), 200, "", ""},
			{"GetOKLeadership", uLeader, get(other.ID), 200, "", ""},
			{"GetErrNotFoundInternOtherBranch", uInternCPP, get(other.ID), 404, tracker.ECodeNotFound, ""},
			{"GetErrNotFoundMissing", uAdmin, get(9999), 404, tracker.ECodeNotFound, ""},
			{"GetErrUnauthenticated", "", get(tk.ID), 401, tracker.ECodeUnauthenticated, ""},
			{"PatchErrPreconditionRequired", uSupCPP, patch(tk.ID, 0, title), 428, tracker.ECodePreconditionRequired, ""},
			{"PatchErrVersionMismatch", uSupCPP, patch(tk.ID, 5, title), 412, tracker.ECodeVersionMismatch, ""},
			{"PatchErrForbiddenLeadership", uLeader, patch(tk.ID, 1, title), 403, tracker.ECodeForbidden, ""},
			{"PatchErrForbiddenOtherBranch", uSupMC, patch(tk.ID, 1, title), 403, tracker.ECodeForbidden, ""},
			{"PatchErrForbiddenAssigneeTitle", uInternCPP, patch(tk.ID, 1, title), 403, tracker.ECodeForbidden, ""},
			{"PatchErrForbiddenAssigneeStatusAndDueDate", uInternCPP, patch(tk.ID, 1, map[string]any{"status": "in_progress", "due_date": e.day(9)}), 403, tracker.ECodeForbidden, ""},
			{"PatchErrForbiddenAssigneeReassign", uInternCPP, patch(tk.ID, 1, map[string]any{"assignee_id": nil}), 403, tracker.ECodeForbidden, ""},
			{"PatchErrForbiddenOtherIntern", uInternCPP2, patch(tk.ID, 1, map[string]any{"status": "in_progress"}), 403, tracker.ECodeForbidden, ""},
			{"PatchErrNotFoundInternOtherBranch", uInternMC, patch(tk.ID, 1, title), 404, tracker.ECodeNotFound, ""},
			{"PatchErrUnknownField", uSupCPP, patch(tk.ID, 1, map[string]any{"progress": 50}), 400, "bad_request", "progress"},
			{"PatchErrValidationTitle", uSupCPP, patch(tk.ID, 1, map[string]any{"title": ""}), 422, inv, "title"},
			{"PatchErrValidationStatus", uSupCPP, patch(tk.ID, 1, map[string]any{"status": "closed"}), 422, inv, "status"},
			{"PatchErrValidationProjectOtherBranch", uSupCPP, patch(tk.ID, 1, map[string]any{"project_id": mc.ID}), 422, inv, "project_id"},
			{"PatchErrValidationProjectMissing", uSupCPP, patch(tk.ID, 1, map[string]any{"project_id": 9999}), 422, inv, "project_id"},
			{"PatchErrValidationAssignee", uSupCPP, patch(tk.ID, 1, map[string]any{"assignee_id": e.id(uInternMC)}), 422, inv, "assignee_id"},
			{"PatchErrValidationDueBeforeStart", uSupCPP, patch(tk.ID, 1, map[string]any{"start_date": e.day(5), "due_date": e.day(4)}), 422, inv, "due_date"},
			{"PatchErrValidationEstimate", uSupCPP, patch(tk.ID, 1, map[string]any{"estimate_hours": 10001}), 422, inv, "estimate_hours"},
			{"PatchErrInvalidTransition", uSupCPP, patch(tk.ID, 1, map[string]any{"status": "done"}), 409, tracker.ECodeInvalidTransition, "status"},
		})
		subtest(t, e, "RefusalsChangedNothing", func(t *testing.T) {
			got := k.stored(tk.ID)
			if got.Version != 1 || got.Title != tk.Title || got.Status != tracker.StatusTodo || *got.AssigneeID != e.id(uInternCPP) {
				t.Fatalf("task changed by refused patches: %+v", got)
			}
		})
	})
}

func TestTaskEdit(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		cpp2 := k.project(uSupCPP, branchCPP, map[string]any{"stream_id": 3})
		tk := k.task(k.project(uSupCPP, branchCPP, nil).ID, uInternCPP, map[string]any{"tag_ids": []int64{1}})
		subtest(t, e, "OK", func(t *testing.T) {
			var got tracker.Task
			e.as(uSupCPP).patch(taskPath(tk.ID), 1, map[string]any{"title": "Renamed", "start_date": e.day(1), "due_date": e.day(-2)}).
				wantProblem(422, tracker.ECodeInvalid).wantField("due_date")
			e.as(uSupCPP).patch(taskPath(tk.ID), 1, map[string]any{"title": "Renamed", "project_id": cpp2.ID, "assignee_id": e.id(uInternCPP2),
				"priority": "urgent", "due_date": e.day(-2), "estimate_hours": 3, "tag_ids": []int64{2, 3}, "status": "in_progress"}).
				want(200).decode(&got)
			if got.Title != "Renamed" || got.ProjectID != cpp2.ID || got.StreamID != 3 || *got.AssigneeID != e.id(uInternCPP2) ||
				got.Priority != tracker.PriorityUrgent || !got.Overdue || *got.EstimateHours != 3 || got.Status != tracker.StatusInProgress ||
				!slices.Equal(got.TagIDs, []int64{2, 3}) || got.Version != 2 {
				t.Fatalf("patched task = %+v", got)
			}
			e.as(uAdmin).patch(taskPath(tk.ID), 2, map[string]any{"assignee_id": nil, "due_date": nil, "estimate_hours": nil, "tag_ids": []int64{}}).
				want(200).decode(&got)
			if got.AssigneeID != nil || !got.DueDate.IsZero() || got.Overdue || got.EstimateHours != nil || len(got.TagIDs) != 0 || got.Version != 3 {
				t.Fatalf("cleared task = %+v", got)
			}
		})
	})
}

func TestTaskDelete(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		subtest(t, e, "Cascades", func(t *testing.T) {
			victim := k.task(k.project(uSupCPP, branchCPP, nil).ID, uInternCPP, nil)
			e.as(uInternCPP).post(taskPath(victim.ID)+"/progress", map[string]any{"progress": 10}).want(201)
			e.as(uInternCPP).post(taskPath(victim.ID)+"/comments", map[string]any{"body": "started"}).want(201)
			e.as(uSupMC).del(taskPath(victim.ID)).wantProblem(403, tracker.ECodeForbidden)
			e.as(uLeader).del(taskPath(victim.ID)).wantProblem(403, tracker.ECodeForbidden)
			e.as(uInternCPP).del(taskPath(victim.ID)).wantProblem(403, tracker.ECodeForbidden)
			e.as(uInternMC).del(taskPath(victim.ID)).wantProblem(404, tracker.ECodeNotFound)
			e.as(uSupCPP).del(taskPath(victim.ID)).want(204)
			e.as(uAdmin).get(taskPath(victim.ID)).wantProblem(404, tracker.ECodeNotFound)
			e.as(uAdmin).get(taskPath(victim.ID)+"/progress").wantProblem(404, tracker.ECodeNotFound)
			e.as(uAdmin).del(taskPath(victim.ID)).wantProblem(404, tracker.ECodeNotFound)
		})
	})
}

func TestTaskList(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		cpp := k.project(uSupCPP, branchCPP, nil)
		mc := k.project(uSupMC, branchMC, map[string]any{"stream_id": 2})
		late := k.task(cpp.ID, uInternCPP, map[string]any{"title": "Late 50% memo", "due_date": e.day(-3), "priority": "low", "tag_ids": []int64{4}})
		soon := k.task(cpp.ID, uInternCPP2, map[string]any{"title": "Soon", "due_date": e.day(2), "priority": "urgent", "description": "GCC_brief"})
		doneLate := k.moveTo(k.task(cpp.ID, uInternCPP, map[string]any{"title": "Done", "due_date": e.day(-10), "priority": "high"}), tracker.StatusDone)
		open := k.task(mc.ID, uInternMC, map[string]any{"title": "No date", "tag_ids": []int64{4, 5}})
		blocked := k.moveTo(k.task(mc.ID, "", map[string]any{"title": "Blocked", "due_date": e.day(0)}), tracker.StatusBlocked)
		for _, c := range []struct {
			name, who, query string
			want             []int64
		}{
			{"DefaultByDueDateEmptyLast", uAdmin, "", []int64{doneLate.ID, late.ID, blocked.ID, soon.ID, open.ID}},
			{"InternOwnBranch", uInternCPP, "", []int64{doneLate.ID, late.ID, soon.ID}},
			{"InternOtherBranchFilterIsEmpty", uInternMC, "?branch_id=1", nil},
			{"ByAssignee", uAdmin, fmt.Sprintf("?assignee_id=%d", e.id(uInternCPP)), []int64{doneLate.ID, late.ID}},
			{"ByProject", uAdmin, fmt.Sprintf("?project_id=%d", mc.ID), []int64{blocked.ID, open.ID}},
			{"ByStream", uAdmin, "?stream_id=2", []int64{blocked.ID, open.ID}},
			{"ByBranch", uSupMC, "?branch_id=1", []int64{doneLate.ID, late.ID, soon.ID}},
			{"ByOneStatus", uAdmin, "?status=todo", []int64{late.ID, soon.ID, open.ID}},
			{"BySeveralStatuses", uAdmin, "?status=blocked,done", []int64{doneLate.ID, blocked.ID}},
			{"ByTag", uAdmin, "?tag_id=4", []int64{late.ID, open.ID}},
			{"ByPriority", uAdmin, "?priority=urgent", []int64{soon.ID}},
			{"DueRange", uAdmin, "?due_from=" + e.day(-3) + "&due_to=" + e.day(0), []int64{late.ID, blocked.ID}},
			{"Overdue", uAdmin, "?overdue=true", []int64{late.ID}},
			{"NotOverdue", uAdmin, "?overdue=false", []int64{doneLate.ID, blocked.ID, soon.ID, open.ID}},
			{"QCaseInsensitive", uAdmin, "?q=lATE", []int64{late.ID}},
			{"QDescription", uAdmin, "?q=gcc_BRIEF", []int64{soon.ID}},
			{"QPercentIsLiteral", uAdmin, "?q=50%25", []int64{late.ID}},
			{"QWildcardsAreLiteral", uAdmin, "?q=l_te", nil},
			{"SortPriorityDescending", uAdmin, "?sort=-priority,title", []int64{soon.ID, doneLate.ID, blocked.ID, open.ID, late.ID}},
			{"SortStatus", uAdmin, "?sort=status,title", []int64{late.ID, open.ID, soon.ID, blocked.ID, doneLate.ID}},
			{"SortProgressThenTitle", uAdmin, "?sort=-progress,title", []int64{doneLate.ID, blocked.ID, late.ID, open.ID, soon.ID}},
			{"Paged", uAdmin, "?per_page=2&page=3", []int64{open.ID}},
		} {
			subtest(t, e, c.name, func(t *testing.T) {
				var l workPage[tracker.Task]
				e.as(c.who).get("/api/v1/tasks" + c.query).want(200).decode(&l)
				var got []int64
				for _, tk := range l.Items {
					got = append(got, tk.ID)
				}
				if !slices.Equal(got, c.want) {
					t.Fatalf("ids = %v, want %v", got, c.want)
				}
			})
		}
		subtest(t, e, "DerivedFields", func(t *testing.T) {
			var l workPage[tracker.Task]
			e.as(uAdmin).get("/api/v1/tasks?tag_id=4&sort=title").want(200).decode(&l)
			if l.Total != 2 || !l.Items[0].Overdue || l.Items[1].Overdue || !slices.Equal(l.Items[1].TagIDs, []int64{4, 5}) {
				t.Fatalf("list = %+v", l.Items)
			}
		})
		runWorkCases(t, e, []workCase{
			{"ErrBadStatus", uAdmin, func(c *client) *resp { return c.get("/api/v1/tasks?status=todo,closed") }, 400, "bad_request", "status"},
			{"ErrBadPriority", uAdmin, func(c *client) *resp { return c.get("/api/v1/tasks?priority=critical") }, 400, "bad_request", "priority"},
			{"ErrBadDate", uAdmin, func(c *client) *resp { return c.get("/api/v1/tasks?due_from=tomorrow") }, 400, "bad_request", "due_from"},
			{"ErrBadOverdue", uAdmin, func(c *client) *resp { return c.get("/api/v1/tasks?overdue=maybe") }, 400, "bad_request", "overdue"},
			{"ErrBadSort", uAdmin, func(c *client) *resp { return c.get("/api/v1/tasks?sort=assignee") }, 422, tracker.ECodeInvalid, "sort"},
			{"ErrUnauthenticated", "", func(c *client) *resp { return c.get("/api/v1/tasks") }, 401, tracker.ECodeUnauthenticated, ""},
		})
	})
}

// The workflow of design.md, for every pair of distinct statuses: what the
// assignee gets and what a reviewer (a supervisor of the branch, an admin)
// gets. Everyone else is refused whatever the move.
var workflowMoves = []struct {
	from, to           tracker.Status
	assignee, reviewer int
}{
	{"todo", "in_progress", 200, 200}, {"todo", "blocked", 409, 409}, {"todo", "in_review", 409, 409}, {"todo", "done", 409, 409},
	{"in_progress", "todo", 200, 200}, {"in_progress", "blocked", 200, 200}, {"in_progress", "in_review", 200, 200}, {"in_progress", "done", 409, 409},
	{"blocked", "todo", 409, 409}, {"blocked", "in_progress", 200, 200}, {"blocked", "in_review", 409, 409}, {"blocked", "done", 409, 409},
	{"in_review", "todo", 409, 409}, {"in_review", "in_progress", 403, 200}, {"in_review", "blocked", 409, 409}, {"in_review", "done", 403, 200},
	{"done", "todo", 409, 409}, {"done", "in_progress", 403, 200}, {"done", "blocked", 409, 409}, {"done", "in_review", 409, 409},
}

func TestTaskWorkflow(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		p := k.project(uSupCPP, branchCPP, nil)
		roles := []struct {
			name, who string
			outcome   func(assignee, reviewer int) int
		}{
			{"Assignee", uInternCPP, func(a, _ int) int { return a }},
			{"OtherInternSameBranch", uInternCPP2, func(int, int) int { return 403 }},
			{"InternOtherBranch", uInternMC, func(int, int) int { return 404 }},
			{"SupervisorOfBranch", uSupCPP, func(_, r int) int { return r }},
			{"SupervisorOtherBranch", uSupMC, func(int, int) int { return 403 }},
			{"Admin", uAdmin, func(_, r int) int { return r }},
			{"Leadership", uLeader, func(int, int) int { return 403 }},
		}
		codes := map[int]string{403: tracker.ECodeForbidden, 404: tracker.ECodeNotFound, 409: tracker.ECodeInvalidTransition}
		for _, m := range workflowMoves {
			for _, role := range roles {
				want := role.outcome(m.assignee, m.reviewer)
				subtest(t, e, fmt.Sprintf("%s_to_%s/%s", m.from, m.to, role.name), func(t *testing.T) {
					before := k.moveTo(k.task(p.ID, uInternCPP, nil), m.from)
					e.DB.Clock.Advance(time.Second)
					r := e.as(role.who).patch(taskPath(before.ID), before.Version, map[string]any{"status": m.to})
					after := k.stored(before.ID)
					if want != 200 {
						r.wantProblem(want, codes[want])
						if want == 409 {
							r.wantField("status")
						}
						if after.Status != m.from || after.Version != before.Version || after.Progress != before.Progress ||
							!after.StatusSince.Equal(before.StatusSince) {
							t.Fatalf("refused move changed the task: %+v -> %+v", before, after)
						}
						return
					}
					r.want(200)
					checkMoved(t, &before, after, m.to, e.DB.Clock.Now())
				})
			}
		}
	})
}

// checkMoved checks a task after an accepted move from before to status to
// at time now.
func checkMoved(t *testing.T, before, after *tracker.Task, to tracker.Status, now time.Time) {
	t.Helper()
	if after.Status != to || after.Version != before.Version+1 || !after.StatusSince.Equal(now) {
		t.Fatalf("moved task: status %s version %d since %v; want %s, %d, %v", after.Status, after.Version, after.StatusSince, to, before.Version+1, now)
	}
	switch {
	case to == tracker.StatusDone:
		if after.Progress != 100 || after.CompletedAt == nil || !after.CompletedAt.Equal(now) {
			t.Fatalf("done task: progress %d completed_at %v", after.Progress, after.CompletedAt)
		}
	case before.Status == tracker.StatusDone:
		if after.CompletedAt != nil {
			t.Fatalf("reopened task keeps completed_at %v", after.CompletedAt)
		}
	case after.CompletedAt != nil:
		t.Fatalf("task in %s has completed_at %v", to, after.CompletedAt)
	}
}
