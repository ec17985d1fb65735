package server_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// workKit builds the projects and tasks the work tests need, on top of the
// fixture users: internCPP and internCPP2 are placed in CPP under supCPP,
// internMC in MC under supMC, all from a month ago.
type workKit struct{ e *apiEnv }

func newWorkKit(t *testing.T, e *apiEnv) *workKit {
	t.Helper()
	k := &workKit{e: e}
	for _, p := range [][2]string{{uInternCPP, uSupCPP}, {uInternCPP2, uSupCPP}, {uInternMC, uSupMC}} {
		k.place(p[0], p[1], -30, 0)
	}
	return k
}

// place gives intern a placement under supervisor from today+start; end
// 0 means the default six months.
func (k *workKit) place(intern, supervisor string, start, end int) {
	k.e.t.Helper()
	today := tracker.DateOf(k.e.DB.Clock.Now())
	in := store.NewPlacement{InternID: k.e.id(intern), SupervisorID: k.e.id(supervisor), StartDate: today.AddDays(start)}
	if end != 0 {
		in.EndDate = today.AddDays(end)
	}
	if _, err := k.e.DB.Store.CreatePlacement(context.Background(), k.e.Users[uAdmin], in); err != nil {
		k.e.t.Fatalf("place %s: %v", intern, err)
	}
}

// project creates a project in branch as who, with extra fields.
func (k *workKit) project(who string, branch int64, extra map[string]any) tracker.Project {
	k.e.t.Helper()
	body := map[string]any{"stream_id": 1, "branch_id": branch, "title": "Project"}
	for f, v := range extra {
		body[f] = v
	}
	var p tracker.Project
	k.e.as(who).post("/api/v1/projects", body).want(http.StatusCreated).decode(&p)
	return p
}

// task creates a task in project as an admin, assigned to assignee ("" for
// none), with extra fields.
func (k *workKit) task(project int64, assignee string, extra map[string]any) tracker.Task {
	k.e.t.Helper()
	body := map[string]any{"project_id": project, "title": "A task"}
	if assignee != "" {
		body["assignee_id"] = k.e.id(assignee)
	}
	for f, v := range extra {
		body[f] = v
	}
	var t tracker.Task
	k.e.as(uAdmin).post("/api/v1/tasks", body).want(http.StatusCreated).decode(&t)
	return t
}

// pathTo lists the moves that bring a new task to each status.
var pathTo = map[tracker.Status][]tracker.Status{
	tracker.StatusTodo:       nil,
	tracker.StatusInProgress: {tracker.StatusInProgress},
	tracker.StatusBlocked:    {tracker.StatusInProgress, tracker.StatusBlocked},
	tracker.StatusInReview:   {tracker.StatusInProgress, tracker.StatusInReview},
	tracker.StatusDone:       {tracker.StatusInProgress, tracker.StatusInReview, tracker.StatusDone},
}

// moveTo brings a new task to status as an admin and returns it.
func (k *workKit) moveTo(t tracker.Task, status tracker.Status) tracker.Task {
	k.e.t.Helper()
	for _, st := range pathTo[status] {
		k.e.as(uAdmin).patch(fmt.Sprintf("/api/v1/tasks/%d", t.ID), t.Version, map[string]any{"status": st}).
			want(http.StatusOK).decode(&t)
	}
	return t
}

// stored reads task id straight from the store, as an admin.
func (k *workKit) stored(id int64) *tracker.Task {
	k.e.t.Helper()
	t, err := k.e.DB.Store.Task(context.Background(), k.e.Users[uAdmin], id)
	if err != nil {
		k.e.t.Fatalf("read task %d: %v", id, err)
	}
	return t
}

// workPage is one page of a list answer.
type workPage[T any] struct {
	Items   []T   `json:"items"`
	Total   int64 `json:"total"`
	Page    int   `json:"page"`
	PerPage int   `json:"per_page"`
}

// workCase is one scenario: who sends what, and the answer expected (for
// errors, the problem code and the field it names).
type workCase struct {
	name  string
	who   string
	do    func(c *client) *resp
	code  int
	pcode string
	field string
}

// subtest runs fn as subtest name with e's clients reporting to it.
func subtest(t *testing.T, e *apiEnv, name string, fn func(t *testing.T)) {
	t.Helper()
	t.Run(name, func(st *testing.T) {
		prev := e.t
		e.t = st
		defer func() { e.t = prev }()
		fn(st)
	})
}

func runWorkCases(t *testing.T, e *apiEnv, cases []workCase) {
	t.Helper()
	for _, tc := range cases {
		subtest(t, e, tc.name, func(t *testing.T) {
			r := tc.do(e.as(tc.who))
			if tc.pcode == "" {
				r.want(tc.code)
				return
			}
			r.wantProblem(tc.code, tc.pcode)
			if tc.field != "" {
				r.wantField(tc.field)
			}
		})
	}
}

func projectPath(id int64) string { return fmt.Sprintf("/api/v1/projects/%d", id) }

func TestProjectCreate(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		newWorkKit(t, e)
		body := func(extra ...any) map[string]any {
			b := map[string]any{"stream_id": 1, "branch_id": branchCPP, "title": "EU options paper"}
			for i := 0; i+1 < len(extra); i += 2 {
				b[extra[i].(string)] = extra[i+1]
			}
			return b
		}
		post := func(b map[string]any) func(c *client) *resp {
			return func(c *client) *resp { return c.post("/api/v1/projects", b) }
		}
		runWorkCases(t, e, []workCase{
			{"OK", uSupCPP, post(body()), 201, "", ""},
			{"OKAdminWithOwner", uAdmin, post(body("owner_id", e.id(uSupCPP2))), 201, "", ""},
			{"ErrUnauthenticated", "", post(body()), 401, tracker.ECodeUnauthenticated, ""},
			{"ErrForbiddenLeadership", uLeader, post(body()), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenIntern", uInternCPP, post(body()), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenOtherBranch", uSupMC, post(body()), 403, tracker.ECodeForbidden, ""},
			{"ErrValidationTitle", uSupCPP, post(body("title", "  ")), 422, tracker.ECodeInvalid, "title"},
			{"ErrValidationTitleMissing", uSupCPP, post(body("title", nil)), 422, tracker.ECodeInvalid, "title"},
			{"ErrValidationTitleLong", uSupCPP, post(body("title", strings.Repeat("x", 201))), 422, tracker.ECodeInvalid, "title"},
			{"ErrValidationStreamMissing", uSupCPP, post(body("stream_id", nil)), 422, tracker.ECodeInvalid, "stream_id"},
			{"ErrValidationStreamUnknown", uSupCPP, post(body("stream_id", 99)), 422, tracker.ECodeInvalid, "stream_id"},
			{"ErrValidationBranchMissing", uAdmin, post(body("branch_id", nil)), 422, tracker.ECodeInvalid, "branch_id"},
			{"ErrValidationBranchUnknown", uAdmin, post(body("branch_id", 99)), 422, tracker.ECodeInvalid, "branch_id"},
			{"ErrValidationOwnerIntern", uSupCPP, post(body("owner_id", e.id(uInternCPP))), 422, tracker.ECodeInvalid, "owner_id"},
			{"ErrValidationOwnerOtherBranch", uSupCPP, post(body("owner_id", e.id(uSupMC))), 422, tracker.ECodeInvalid, "owner_id"},
			{"ErrValidationStatus", uSupCPP, post(body("status", "closed")), 422, tracker.ECodeInvalid, "status"},
			{"ErrValidationEndBeforeStart", uSupCPP, post(body("start_date", e.day(5), "end_date", e.day(1))), 422, tracker.ECodeInvalid, "end_date"},
			{"ErrValidationTag", uSupCPP, post(body("tag_ids", []int64{1, 999})), 422, tracker.ECodeInvalid, "tag_ids"},
			{"ErrUnknownFieldID", uSupCPP, post(body("id", 7)), 400, "bad_request", "id"},
			{"ErrUnknownFieldVersion", uSupCPP, post(body("version", 3)), 400, "bad_request", "version"},
			{"ErrWrongType", uSupCPP, post(body("stream_id", "io")), 400, "bad_request", "stream_id"},
		})
		subtest(t, e, "Fields", func(t *testing.T) {
			r := e.as(uSupCPP).post("/api/v1/projects", body("tag_ids", []int64{10, 1, 10}, "start_date", e.day(0),
				"description", "Widen cooperation with the EU")).want(201)
			var p tracker.Project
			r.decode(&p)
			if p.OwnerID != e.id(uSupCPP) || p.Status != tracker.ProjectActive || p.Version != 1 || p.BranchID != branchCPP {
				t.Fatalf("defaults not applied: %+v", p)
			}
			if !slices.Equal(p.TagIDs, []int64{1, 10}) {
				t.Fatalf("tag_ids = %v, want [1 10]", p.TagIDs)
			}
			if r.Header.Get("Location") != projectPath(p.ID) || r.etag() != 1 {
				t.Fatalf("Location %q ETag %q", r.Header.Get("Location"), r.Header.Get("ETag"))
			}
			var got tracker.Project
			e.as(uInternCPP).get(projectPath(p.ID)).want(200).decode(&got)
			if !slices.Equal(got.TagIDs, []int64{1, 10}) || got.StartDate.String() != e.day(0) || !got.EndDate.IsZero() {
				t.Fatalf("read back %+v", got)
			}
		})
	})
}

func TestProjectReadAndList(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		a := k.project(uSupCPP, branchCPP, map[string]any{"title": "Alpha 100% EU", "tag_ids": []int64{1}})
		b := k.project(uSupCPP, branchCPP, map[string]any{"title": "Bravo", "stream_id": 2, "status": "on_hold", "description": "about the_UN"})
		m := k.project(uSupMC, branchMC, map[string]any{"title": "Charlie", "tag_ids": []int64{1, 10}})
		runWorkCases(t, e, []workCase{
			{"OKIntern", uInternCPP, func(c *client) *resp { return c.get(projectPath(a.ID)) }, 200, "", ""},
			{"OKLeadershipOtherBranch", uLeader, func(c *client) *resp { return c.get(projectPath(m.ID)) }, 200, "", ""},
			{"OKSupervisorOtherBranch", uSupMC, func(c *client) *resp { return c.get(projectPath(a.ID)) }, 200, "", ""},
			{"ErrNotFoundInternOtherBranch", uInternCPP, func(c *client) *resp { return c.get(projectPath(m.ID)) }, 404, tracker.ECodeNotFound, ""},
			{"ErrNotFoundMissing", uAdmin, func(c *client) *resp { return c.get(projectPath(9999)) }, 404, tracker.ECodeNotFound, ""},
			{"ErrNotFoundMalformed", uAdmin, func(c *client) *resp { return c.get("/api/v1/projects/abc") }, 404, tracker.ECodeNotFound, ""},
			{"ErrUnauthenticated", "", func(c *client) *resp { return c.get("/api/v1/projects") }, 401, tracker.ECodeUnauthenticated, ""},
			{"ErrBadStatusFilter", uAdmin, func(c *client) *resp { return c.get("/api/v1/projects?status=closed") }, 400, "bad_request", "status"},
			{"ErrBadIDFilter", uAdmin, func(c *client) *resp { return c.get("/api/v1/projects?stream_id=x") }, 400, "bad_request", "stream_id"},
			{"ErrBadSort", uAdmin, func(c *client) *resp { return c.get("/api/v1/projects?sort=owner") }, 422, tracker.ECodeInvalid, "sort"},
		})
		for _, c := range []struct {
			name, who, query string
			want             []int64
		}{
			{"AllForAdmin", uAdmin, "", []int64{a.ID, b.ID, m.ID}},
			{"OwnBranchForIntern", uInternCPP, "", []int64{a.ID, b.ID}},
			{"InternCannotWidenToOtherBranch", uInternCPP, "?branch_id=2", nil},
			{"ByBranch", uSupCPP, "?branch_id=2", []int64{m.ID}},
			{"ByStream", uAdmin, "?stream_id=2", []int64{b.ID}},
			{"ByTag", uAdmin, "?tag_id=1", []int64{a.ID, m.ID}},
			{"ByTagIntern", uInternMC, "?tag_id=1", []int64{m.ID}},
			{"ByOwner", uAdmin, fmt.Sprintf("?owner_id=%d", e.id(uSupMC)), []int64{m.ID}},
			{"ByStatus", uAdmin, "?status=on_hold", []int64{b.ID}},
			{"QTitleCaseInsensitive", uAdmin, "?q=aLPHa", []int64{a.ID}},
			{"QDescription", uAdmin, "?q=THE_UN", []int64{b.ID}},
			{"QPercentIsLiteral", uAdmin, "?q=100%25", []int64{a.ID}},
			{"QUnderscoreIsLiteral", uAdmin, "?q=a_p", nil},
			{"QPercentInsideIsLiteral", uAdmin, "?q=a%25e", nil},
			{"SortDescending", uAdmin, "?sort=-title", []int64{m.ID, b.ID, a.ID}},
			{"Paged", uAdmin, "?per_page=2&page=2", []int64{m.ID}},
		} {
			subtest(t, e, "List"+c.name, func(t *testing.T) {
				var l workPage[tracker.Project]
				e.as(c.who).get("/api/v1/projects" + c.query).want(200).decode(&l)
				var got []int64
				for _, p := range l.Items {
					got = append(got, p.ID)
					if p.TagIDs == nil {
						t.Fatalf("project %d has no tag_ids", p.ID)
					}
				}
				if !slices.Equal(got, c.want) {
					t.Fatalf("ids = %v, want %v", got, c.want)
				}
			})
		}
		subtest(t, e, "ListTagIDs", func(t *testing.T) {
			var l workPage[tracker.Project]
			e.as(uAdmin).get("/api/v1/projects?branch_id=2").want(200).decode(&l)
			if l.Total != 1 || !slices.Equal(l.Items[0].TagIDs, []int64{1, 10}) {
				t.Fatalf("list = %+v", l)
			}
		})
	})
}

func TestProjectUpdateAndDelete(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		p := k.project(uSupCPP, branchCPP, map[string]any{"tag_ids": []int64{1, 2}})
		busy := k.project(uSupCPP, branchCPP, nil)
		task := k.task(busy.ID, uInternCPP, nil)
		empty := k.project(uSupMC, branchMC, nil)
		patch := func(id int64, version int64, body any) func(c *client) *resp {
			return func(c *client) *resp { return c.patch(projectPath(id), version, body) }
		}
		del := func(id int64) func(c *client) *resp { return func(c *client) *resp { return c.del(projectPath(id)) } }
		title := map[string]any{"title": "Renamed"}
		runWorkCases(t, e, []workCase{
			{"ErrPreconditionRequired", uSupCPP, patch(p.ID, 0, title), 428, tracker.ECodePreconditionRequired, ""},
			{"ErrVersionMismatch", uSupCPP, patch(p.ID, 7, title), 412, tracker.ECodeVersionMismatch, ""},
			{"ErrForbiddenOtherBranch", uSupMC, patch(p.ID, 1, title), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenLeadership", uLeader, patch(p.ID, 1, title), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenIntern", uInternCPP, patch(p.ID, 1, title), 403, tracker.ECodeForbidden, ""},
			{"ErrNotFoundInternOtherBranch", uInternMC, patch(p.ID, 1, title), 404, tracker.ECodeNotFound, ""},
			{"ErrNotFoundMissing", uAdmin, patch(9999, 1, title), 404, tracker.ECodeNotFound, ""},
			{"ErrBranchIsFixed", uSupCPP, patch(p.ID, 1, map[string]any{"branch_id": 2}), 400, "bad_request", "branch_id"},
			{"ErrValidationTitle", uSupCPP, patch(p.ID, 1, map[string]any{"title": ""}), 422, tracker.ECodeInvalid, "title"},
			{"ErrValidationOwner", uSupCPP, patch(p.ID, 1, map[string]any{"owner_id": e.id(uInternCPP)}), 422, tracker.ECodeInvalid, "owner_id"},
			{"ErrValidationTags", uSupCPP, patch(p.ID, 1, map[string]any{"tag_ids": []int64{999}}), 422, tracker.ECodeInvalid, "tag_ids"},
			{"ErrValidationStream", uSupCPP, patch(p.ID, 1, map[string]any{"stream_id": 42}), 422, tracker.ECodeInvalid, "stream_id"},
			{"ErrValidationDates", uSupCPP, patch(p.ID, 1, map[string]any{"start_date": e.day(3), "end_date": e.day(2)}), 422, tracker.ECodeInvalid, "end_date"},
			{"OK", uSupCPP, patch(p.ID, 1, title), 200, "", ""},
			{"OKOwnerAndTagsCleared", uAdmin, patch(p.ID, 2, map[string]any{"owner_id": e.id(uSupCPP2), "tag_ids": []int64{}}), 200, "", ""},
			{"OKTagsOnlyBumpVersion", uAdmin, patch(p.ID, 3, map[string]any{"tag_ids": []int64{5}}), 200, "", ""},
			{"OKNothingChanged", uAdmin, patch(p.ID, 4, map[string]any{"title": "Renamed"}), 200, "", ""},
			{"DeleteErrConflictHasTasks", uSupCPP, del(busy.ID), 409, tracker.ECodeConflict, ""},
			{"DeleteErrForbiddenOtherBranch", uSupCPP, del(empty.ID), 403, tracker.ECodeForbidden, ""},
			{"DeleteErrForbiddenLeadership", uLeader, del(empty.ID), 403, tracker.ECodeForbidden, ""},
			{"DeleteErrNotFoundIntern", uInternCPP, del(empty.ID), 404, tracker.ECodeNotFound, ""},
			{"DeleteOK", uSupMC, del(empty.ID), 204, "", ""},
			{"DeleteErrNotFoundAfter", uAdmin, del(empty.ID), 404, tracker.ECodeNotFound, ""},
		})
		subtest(t, e, "StateAfterPatches", func(t *testing.T) {
			var got tracker.Project
			r := e.as(uAdmin).get(projectPath(p.ID)).want(200).decode(&got)
			if got.Title != "Renamed" || got.OwnerID != e.id(uSupCPP2) || !slices.Equal(got.TagIDs, []int64{5}) || got.Version != 4 || r.etag() != 4 {
				t.Fatalf("project = %+v", got)
			}
		})
		subtest(t, e, "StreamChangeMovesTasks", func(t *testing.T) {
			e.as(uSupCPP).patch(projectPath(busy.ID), 1, map[string]any{"stream_id": 3}).want(200)
			got := k.stored(task.ID)
			if got.StreamID != 3 || got.Version != task.Version+1 {
				t.Fatalf("task after stream change: stream %d version %d (was %d)", got.StreamID, got.Version, task.Version)
			}
		})
	})
}
