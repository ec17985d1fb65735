package server_test

import (
	"fmt"
	"maps"
	"net/http"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// tcase is one tampered write: a body with a field its caller may not set,
// or may not set to that value, and the refusal expected.
type tcase struct {
	name          string
	who           string
	method, route string // the route, as Echo registers it
	path          string
	body          map[string]any
	want          int
	field         string // the field the problem names, when it names one
}

// tcases gathers the cases of a table.
type tcases []tcase

func (cs *tcases) add(name, who, method, route, path string, body map[string]any, want int, field string) {
	*cs = append(*cs, tcase{name: name, who: who, method: method, route: route, path: path, body: body, want: want, field: field})
}

// with returns base with extra fields added (or replaced).
func withFields(base map[string]any, kv ...any) map[string]any {
	out := maps.Clone(base)
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// TestBodyTampering sends every write route (POST, PATCH, PUT) fields its
// caller may not set: ids, versions, roles, branches, authors and
// creators, derived fields, references to another branch's people and
// projects or to nothing, a status beyond the caller's right. Each is
// refused with 400 (not a field of the body), 403 (not the caller's to
// set) or 422 (a value that names nothing the caller may use), tells no
// internals, and leaves the database exactly as it was.
func TestBodyTampering(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		cases := tamperCases(w, e)
		covered := map[string]bool{}
		for _, tc := range cases {
			covered[tc.method+" "+tc.route] = true
		}
		for _, rt := range e.Server.Echo().Routes() {
			if isWrite(rt.Method) && rt.Method != http.MethodDelete && !skipRoute(rt.Method, rt.Path) && !covered[rt.Method+" "+rt.Path] {
				t.Errorf("write route %s %s has no tampering case", rt.Method, rt.Path)
			}
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) { w.runTamper(t, tc) })
		}
	})
}

func (w *world) runTamper(t *testing.T, tc tcase) {
	e := w.e.on(t)
	var hdr []string
	if tc.method == http.MethodPatch {
		c := &cell{w: w, e: e}
		hdr = []string{"If-Match", fmt.Sprintf(`"%d"`, c.version(tc.path))}
	}
	cl := e.as(tc.who)
	before := w.db.state(t)
	r := cl.do(tc.method, tc.path, tc.body, hdr...)
	checkNoLeak(t, r)
	if r.Code != tc.want {
		t.Errorf("%s as %s with %v: %d, want %d; body: %s", r.what, tc.who, tc.body, r.Code, tc.want, clipBody(r.Body))
	} else if tc.field != "" {
		if _, ok := r.problem().Errors[tc.field]; !ok {
			t.Errorf("%s: the problem does not name %q: %s", r.what, tc.field, clipBody(r.Body))
		}
	}
	w.db.unchanged(t, r.what, before)
}

// inReview returns a new task of assignee's, moved to in_review by the
// admin.
func (w *world) inReview(e *apiEnv, assignee string) tracker.Task {
	e.t.Helper()
	t := w.newTask(e, w.projCPP, assignee)
	for _, st := range []tracker.Status{tracker.StatusInProgress, tracker.StatusInReview} {
		next, err := e.DB.Store.UpdateTask(fixtureCtx, w.adm, t.ID, t.Version, store.TaskInput{Status: &st})
		mustFixture(e, "move task", err)
		t = *next
	}
	return t
}

func tamperCases(w *world, e *apiEnv) []tcase {
	var cs tcases
	add := cs.add
	id := e.id
	cpp, mc := branchCPP, branchMC

	// Signing in and the caller's password.
	creds := map[string]any{"email": e.Users[uInternCPP].Email, "password": fixturePassword}
	add("LoginRole", "", "POST", "/api/v1/auth/login", v1("/auth/login"), withFields(creds, "role", "admin"), 400, "role")
	add("LoginUserID", "", "POST", "/api/v1/auth/login", v1("/auth/login"), withFields(creds, "user_id", id(uAdmin)), 400, "user_id")
	add("RefreshUserID", "", "POST", "/api/v1/auth/refresh", v1("/auth/refresh"), map[string]any{"refresh_token": "x", "user_id": id(uAdmin)}, 400, "user_id")
	add("LogoutFamily", uInternCPP2, "POST", "/api/v1/auth/logout", v1("/auth/logout"), map[string]any{"refresh_token": "x", "family_id": "all"}, 400, "family_id")
	pw := map[string]any{"current_password": fixturePassword, "new_password": "a brand new passphrase 2026"}
	for _, f := range []string{"user_id", "password_hash", "role", "email"} {
		add("PasswordWith_"+f, uInternCPP, "PUT", "/api/v1/me/password", v1("/me/password"), withFields(pw, f, "x"), 400, f)
	}
	const rotate = "/api/v1/me/calendar/rotate"
	for f, v := range map[string]any{"user_id": id(uAdmin), "url": "http://elsewhere.example/a.ics", "nonce": "x", "secret_hash": "x"} {
		add("RotateCalendarWith_"+f, uInternCPP, "POST", rotate, rotate, map[string]any{f: v}, 400, f)
	}

	// Users.
	nu := map[string]any{"email": "tamper@example.org", "name": "Tamper", "role": "intern", "branch_id": cpp, "password": "a long enough password"}
	add("CreateUserAdminBySupervisor", uSupCPP, "POST", "/api/v1/users", v1("/users"), withFields(nu, "role", "admin", "branch_id", nil), 403, "")
	add("CreateUserByIntern", uInternCPP, "POST", "/api/v1/users", v1("/users"), nu, 403, "")
	add("CreateUserByLeadership", uLeader, "POST", "/api/v1/users", v1("/users"), withFields(nu, "role", "leadership", "branch_id", nil), 403, "")
	for f, v := range map[string]any{"id": 999, "version": 7, "active": false, "password_hash": "$2a$04$x", "created_at": "2020-01-01T00:00:00Z"} {
		add("CreateUserWith_"+f, uAdmin, "POST", "/api/v1/users", v1("/users"), withFields(nu, f, v), 400, f)
	}
	add("CreateUserNoSuchBranch", uAdmin, "POST", "/api/v1/users", v1("/users"), withFields(nu, "branch_id", 999), 422, "branch_id")
	add("CreateUserNoSuchRole", uAdmin, "POST", "/api/v1/users", v1("/users"), withFields(nu, "role", "root"), 422, "role")
	self := func(who string) string { return v1("/users/%d", id(who)) }
	for f, v := range map[string]any{"role": "admin", "branch_id": mc, "active": false, "email": "me@example.org"} {
		add("InternSelf_"+f, uInternCPP, "PATCH", "/api/v1/users/:id", self(uInternCPP), map[string]any{f: v}, 403, "")
	}
	for f, v := range map[string]any{"password_hash": "x", "id": 1, "version": 9, "created_at": "2020-01-01T00:00:00Z"} {
		add("InternSelfWith_"+f, uInternCPP, "PATCH", "/api/v1/users/:id", self(uInternCPP), map[string]any{"name": "N", f: v}, 400, f)
	}
	add("SupervisorSelfRole", uSupCPP, "PATCH", "/api/v1/users/:id", self(uSupCPP), map[string]any{"role": "admin"}, 403, "")
	add("SupervisorMovesIntern", uSupCPP, "PATCH", "/api/v1/users/:id", self(uInternCPP2), map[string]any{"branch_id": mc}, 403, "")
	add("SupervisorDisablesIntern", uSupCPP, "PATCH", "/api/v1/users/:id", self(uInternCPP2), map[string]any{"active": false}, 403, "")
	add("LeadershipSelfRole", uLeader, "PATCH", "/api/v1/users/:id", self(uLeader), map[string]any{"role": "admin"}, 403, "")
	add("AdminSelfRole", uAdmin, "PATCH", "/api/v1/users/:id", self(uAdmin), map[string]any{"role": "intern"}, 403, "")
	add("AdminSelfDisable", uAdmin, "PATCH", "/api/v1/users/:id", self(uAdmin), map[string]any{"active": false}, 403, "")
	add("AdminNoSuchBranch", uAdmin, "PATCH", "/api/v1/users/:id", self(uInternCPP2), map[string]any{"branch_id": 999}, 422, "branch_id")

	// Reference data.
	br := map[string]any{"code": "TMP", "name": "Tamper"}
	add("CreateBranchWith_id", uAdmin, "POST", "/api/v1/branches", v1("/branches"), withFields(br, "id", 99), 400, "id")
	add("CreateBranchWith_version", uAdmin, "POST", "/api/v1/branches", v1("/branches"), withFields(br, "version", 3), 400, "version")
	add("CreateBranchWith_kind", uAdmin, "POST", "/api/v1/branches", v1("/branches"), withFields(br, "kind", "country"), 400, "kind")
	add("CreateBranchBySupervisor", uSupCPP, "POST", "/api/v1/branches", v1("/branches"), br, 403, "")
	add("UpdateBranchWith_id", uAdmin, "PATCH", "/api/v1/branches/:id", v1("/branches/1"), map[string]any{"name": "X", "id": 5}, 400, "id")
	add("UpdateBranchWith_version", uAdmin, "PATCH", "/api/v1/branches/:id", v1("/branches/1"), map[string]any{"version": 2}, 400, "version")
	add("UpdateBranchByIntern", uInternCPP, "PATCH", "/api/v1/branches/:id", v1("/branches/1"), map[string]any{"name": "Mine"}, 403, "")
	tg := map[string]any{"code": "TMP", "name": "Tamper", "kind": "country"}
	add("CreateTagWith_id", uAdmin, "POST", "/api/v1/tags", v1("/tags"), withFields(tg, "id", 99), 400, "id")
	add("CreateTagWith_version", uAdmin, "POST", "/api/v1/tags", v1("/tags"), withFields(tg, "version", 3), 400, "version")
	add("CreateTagBadKind", uAdmin, "POST", "/api/v1/tags", v1("/tags"), withFields(tg, "kind", "planet"), 422, "kind")
	add("CreateTagBySupervisor", uSupCPP, "POST", "/api/v1/tags", v1("/tags"), tg, 403, "")
	add("UpdateTagWith_id", uAdmin, "PATCH", "/api/v1/tags/:id", v1("/tags/1"), map[string]any{"id": 2}, 400, "id")
	add("UpdateTagBadKind", uAdmin, "PATCH", "/api/v1/tags/:id", v1("/tags/1"), map[string]any{"kind": "planet"}, 422, "kind")
	add("UpdateTagByLeadership", uLeader, "PATCH", "/api/v1/tags/:id", v1("/tags/1"), map[string]any{"name": "Mine"}, 403, "")

	cs = append(cs, placementTampers(w, e)...)
	cs = append(cs, workTampers(w, e)...)
	cs = append(cs, objectivesTampers(w, e)...)
	cs = append(cs, handoverTampers(w, e)...)
	cs = append(cs, evaluationsTampers(w, e)...)
	cs = append(cs, reportTampers(w, e)...)
	cs = append(cs, checklistTampers(w, e)...)
	cs = append(cs, personalTampers(w, e)...)
	return cs
}

func placementTampers(w *world, e *apiEnv) []tcase {
	var cs tcases
	add := cs.add
	id := e.id
	unplaced := w.freshIntern(e, branchCPP).ID
	np := map[string]any{"intern_id": unplaced, "supervisor_id": id(uSupCPP), "start_date": e.day(0)}
	const create = "/api/v1/placements"
	add("PlaceInOtherBranch", uSupCPP, "POST", create, create, withFields(np, "branch_id", branchMC), 403, "")
	add("PlaceUnderOtherBranchSupervisor", uSupCPP, "POST", create, create, withFields(np, "supervisor_id", id(uSupMC)), 422, "supervisor_id")
	add("PlaceOtherBranchIntern", uSupCPP, "POST", create, create, withFields(np, "intern_id", id(uInternMC)), 422, "intern_id")
	add("PlaceASupervisor", uSupCPP, "POST", create, create, withFields(np, "intern_id", id(uSupCPP2)), 422, "intern_id")
	add("PlaceSelfAsIntern", uInternCPP, "POST", create, create, withFields(np, "intern_id", id(uInternCPP)), 403, "")
	for f, v := range map[string]any{"id": 99, "version": 2, "state": "ended", "health": "on_track", "progress_pct": 100, "created_at": "2020-01-01T00:00:00Z"} {
		add("PlaceWith_"+f, uSupCPP, "POST", create, create, withFields(np, f, v), 400, f)
	}
	pl := v1("/placements/%d", w.pl[uInternCPP].ID)
	const item = "/api/v1/placements/:id"
	for f, v := range map[string]any{"intern_id": id(uInternCPP2), "branch_id": branchMC, "version": 9, "state": "ended"} {
		add("UpdatePlacementWith_"+f, uSupCPP, "PATCH", item, pl, map[string]any{"focus": "x", f: v}, 400, f)
	}
	add("UpdatePlacementOtherBranchSupervisor", uSupCPP, "PATCH", item, pl, map[string]any{"supervisor_id": id(uSupMC)}, 422, "supervisor_id")
	add("UpdatePlacementByItsIntern", uInternCPP, "PATCH", item, pl, map[string]any{"focus": "Mine"}, 403, "")
	add("ExtendPlacementByItsIntern", uInternCPP, "PATCH", item, pl, map[string]any{"end_date": e.day(400)}, 403, "")
	ms, err := e.DB.Store.Milestones(fixtureCtx, w.adm, w.pl[uInternCPP].ID)
	mustFixture(e, "milestones", err)
	m := v1("/placements/%d/milestones/%d", ms[0].PlacementID, ms[0].ID)
	const mi = "/api/v1/placements/:id/milestones/:mid"
	for f, v := range map[string]any{"kind": "final_review", "placement_id": w.pl[uInternMC].ID, "done_at": "2026-01-01T00:00:00Z"} {
		add("UpdateMilestoneWith_"+f, uSupCPP, "PATCH", mi, m, map[string]any{"done": true, f: v}, 400, f)
	}
	add("MilestoneOutsidePlacement", uSupCPP, "PATCH", mi, m, map[string]any{"due_date": e.day(900)}, 422, "due_date")
	add("MilestoneByItsIntern", uInternCPP, "PATCH", mi, m, map[string]any{"done": true}, 403, "")
	return cs
}

func workTampers(w *world, e *apiEnv) []tcase {
	var cs tcases
	add := cs.add
	id := e.id
	const projects, projectItem = "/api/v1/projects", "/api/v1/projects/:id"
	npr := map[string]any{"stream_id": 1, "branch_id": branchCPP, "title": "Tamper"}
	add("ProjectInOtherBranch", uSupCPP, "POST", projects, projects, withFields(npr, "branch_id", branchMC), 403, "")
	add("ProjectOwnedByOtherBranch", uSupCPP, "POST", projects, projects, withFields(npr, "owner_id", id(uSupMC)), 422, "owner_id")
	add("ProjectOwnedByIntern", uSupCPP, "POST", projects, projects, withFields(npr, "owner_id", id(uInternCPP)), 422, "owner_id")
	add("ProjectNoSuchTag", uSupCPP, "POST", projects, projects, withFields(npr, "tag_ids", []int64{1, 9999}), 422, "tag_ids")
	add("ProjectNoSuchStream", uSupCPP, "POST", projects, projects, withFields(npr, "stream_id", 999), 422, "stream_id")
	add("ProjectByIntern", uInternCPP, "POST", projects, projects, npr, 403, "")
	add("ProjectByLeadership", uLeader, "POST", projects, projects, npr, 403, "")
	for f, v := range map[string]any{"id": 99, "version": 3, "created_at": "2020-01-01T00:00:00Z"} {
		add("ProjectWith_"+f, uSupCPP, "POST", projects, projects, withFields(npr, f, v), 400, f)
	}
	pr := v1("/projects/%d", w.projCPP.ID)
	for f, v := range map[string]any{"branch_id": branchMC, "id": 1, "version": 9} {
		add("UpdateProjectWith_"+f, uSupCPP, "PATCH", projectItem, pr, map[string]any{"title": "x", f: v}, 400, f)
	}
	add("UpdateProjectOwnerOtherBranch", uSupCPP, "PATCH", projectItem, pr, map[string]any{"owner_id": id(uSupMC)}, 422, "owner_id")
	add("UpdateProjectNoSuchTag", uSupCPP, "PATCH", projectItem, pr, map[string]any{"tag_ids": []int64{9999}}, 422, "tag_ids")
	add("UpdateOtherBranchProject", uSupCPP, "PATCH", projectItem, v1("/projects/%d", w.projMC.ID), map[string]any{"title": "Mine"}, 403, "")

	const tasks, taskItem = "/api/v1/tasks", "/api/v1/tasks/:id"
	nt := map[string]any{"project_id": w.projCPP.ID, "title": "Tamper", "assignee_id": id(uInternCPP)}
	for f, v := range map[string]any{"status": "done", "created_by": id(uAdmin), "branch_id": branchMC, "stream_id": 2,
		"progress": 100, "version": 4, "id": 99, "completed_at": "2026-01-01T00:00:00Z", "overdue": true} {
		add("TaskWith_"+f, uSupCPP, "POST", tasks, tasks, withFields(nt, f, v), 400, f)
	}
	add("TaskForOtherBranchIntern", uSupCPP, "POST", tasks, tasks, withFields(nt, "assignee_id", id(uInternMC)), 422, "assignee_id")
	add("TaskForSupervisor", uSupCPP, "POST", tasks, tasks, withFields(nt, "assignee_id", id(uSupCPP2)), 422, "assignee_id")
	add("TaskInOtherBranchProject", uSupCPP, "POST", tasks, tasks, withFields(nt, "project_id", w.projMC.ID, "assignee_id", id(uInternMC)), 403, "")
	add("TaskNoSuchTag", uSupCPP, "POST", tasks, tasks, withFields(nt, "tag_ids", []int64{9999}), 422, "tag_ids")
	add("TaskByIntern", uInternCPP, "POST", tasks, tasks, nt, 403, "")

	review := w.inReview(e, uInternCPP)
	mine := v1("/tasks/%d", review.ID)
	add("InternAcceptsOwnTask", uInternCPP, "PATCH", taskItem, mine, map[string]any{"status": "done"}, 403, "status")
	for f, v := range map[string]any{"assignee_id": id(uInternCPP2), "priority": "urgent", "project_id": w.projCPP2.ID,
		"tag_ids": []int64{1}, "due_date": e.day(90), "title": "Mine"} {
		add("InternSets_"+f, uInternCPP, "PATCH", taskItem, mine, map[string]any{"status": "in_progress", f: v}, 403, "")
	}
	for f, v := range map[string]any{"progress": 100, "created_by": id(uInternCPP), "branch_id": branchMC, "version": 9, "completed_at": "2026-01-01T00:00:00Z"} {
		add("InternTaskWith_"+f, uInternCPP, "PATCH", taskItem, mine, map[string]any{"status": "in_progress", f: v}, 400, f)
	}
	cppTask := v1("/tasks/%d", w.task[uInternCPP2].ID)
	add("AssignOtherBranchIntern", uSupCPP, "PATCH", taskItem, cppTask, map[string]any{"assignee_id": id(uInternMC)}, 422, "assignee_id")
	add("AssignSupervisor", uSupCPP, "PATCH", taskItem, cppTask, map[string]any{"assignee_id": id(uSupCPP)}, 422, "assignee_id")
	add("MoveToOtherBranchProject", uSupCPP, "PATCH", taskItem, cppTask, map[string]any{"project_id": w.projMC.ID}, 422, "project_id")
	add("TagThatDoesNotExist", uSupCPP, "PATCH", taskItem, cppTask, map[string]any{"tag_ids": []int64{9999}}, 422, "tag_ids")
	add("SetStream", uSupCPP, "PATCH", taskItem, cppTask, map[string]any{"stream_id": 2}, 400, "stream_id")
	add("AssignOtherBranchTask", uSupCPP, "PATCH", taskItem, v1("/tasks/%d", w.task[uInternMC].ID), map[string]any{"assignee_id": id(uInternCPP)}, 403, "")

	scopeOwn := w.task[uInternCPP].ID
	progress := v1("/tasks/%d/progress", scopeOwn)
	for f, v := range map[string]any{"author_id": id(uInternCPP2), "task_id": w.task[uInternMC].ID, "created_at": "2020-01-01T00:00:00Z", "id": 1} {
		add("ProgressWith_"+f, uInternCPP, "POST", "/api/v1/tasks/:id/progress", progress, map[string]any{"progress": 50, f: v}, 400, f)
	}
	add("ProgressOverHundred", uInternCPP, "POST", "/api/v1/tasks/:id/progress", progress, map[string]any{"progress": 101}, 422, "progress")
	add("ProgressOnOthersTask", uInternCPP, "POST", "/api/v1/tasks/:id/progress", v1("/tasks/%d/progress", w.task[uInternCPP2].ID), map[string]any{"progress": 50}, 403, "")
	comments := v1("/tasks/%d/comments", scopeOwn)
	for f, v := range map[string]any{"author_id": id(uSupCPP), "task_id": w.task[uInternMC].ID, "version": 2, "id": 1, "created_at": "2020-01-01T00:00:00Z"} {
		add("CommentWith_"+f, uInternCPP, "POST", "/api/v1/tasks/:id/comments", comments, map[string]any{"body": "Hi", f: v}, 400, f)
	}
	cm := v1("/tasks/%d/comments/%d", scopeOwn, w.comment[uInternCPP].ID)
	for f, v := range map[string]any{"author_id": id(uSupCPP), "task_id": w.task[uInternMC].ID, "version": 9, "created_at": "2020-01-01T00:00:00Z"} {
		add("EditCommentWith_"+f, uInternCPP, "PATCH", "/api/v1/tasks/:id/comments/:cid", cm, map[string]any{"body": "Edited", f: v}, 400, f)
	}
	return cs
}
