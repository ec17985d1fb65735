package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// plCase is one request of a scenario table and the answer it must get.
type plCase struct {
	name    string
	who     string
	method  string
	path    string
	version int64 // If-Match of a PATCH; 0 sends none
	body    any
	status  int
	code    string // the problem code of an error answer
	field   string // the field the problem must name
}

func (tc plCase) run(e *apiEnv) *resp {
	c := e.as(tc.who)
	var r *resp
	switch tc.method {
	case http.MethodPost:
		r = c.post(tc.path, tc.body)
	case http.MethodPatch:
		r = c.patch(tc.path, tc.version, tc.body)
	case http.MethodDelete:
		r = c.del(tc.path)
	default:
		r = c.get(tc.path)
	}
	if tc.code != "" {
		r.wantProblem(tc.status, tc.code)
	} else {
		r.want(tc.status)
	}
	if tc.field != "" {
		r.wantField(tc.field)
	}
	return r
}

// runCases runs a scenario table in order, each case a subtest.
func runCases(t *testing.T, e *apiEnv, cases []plCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { tc.run(e) })
	}
}

// plBody is the body of a placement create; extra pairs are added to it.
func plBody(e *apiEnv, intern, supervisor, start string, extra ...any) map[string]any {
	b := map[string]any{"intern_id": e.id(intern), "supervisor_id": e.id(supervisor), "start_date": start}
	for i := 0; i+1 < len(extra); i += 2 {
		b[extra[i].(string)] = extra[i+1]
	}
	return b
}

// plCreate creates a placement as who and returns it.
func plCreate(e *apiEnv, who string, body map[string]any) tracker.Placement {
	e.t.Helper()
	var p tracker.Placement
	e.as(who).post("/api/v1/placements", body).want(201).decode(&p)
	return p
}

func plPath(p tracker.Placement) string { return "/api/v1/placements/" + itoa(p.ID) }

// plMilestones returns the milestones of p as admin.
func plMilestones(e *apiEnv, p tracker.Placement) []tracker.Milestone {
	e.t.Helper()
	var l struct{ Items []tracker.Milestone }
	e.as(uAdmin).get(plPath(p) + "/milestones").want(200).decode(&l)
	return l.Items
}

func TestPlacementsCreate(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		retired := e.addUser("retired", tracker.RoleIntern, ptr(branchCPP))
		e.as(uAdmin).patch("/api/v1/users/"+itoa(retired.ID), 1, map[string]any{"active": false}).want(200)
		e.Users["retired"] = retired
		const path = "/api/v1/placements"
		post := func(name, who string, body any, status int, code, field string) plCase {
			return plCase{name: name, who: who, method: http.MethodPost, path: path, body: body, status: status, code: code, field: field}
		}
		today := e.day(0)
		runCases(t, e, []plCase{
			post("OK", uAdmin, plBody(e, uInternCPP, uSupCPP, today, "focus", "EU cooperation"), 201, "", ""),
			post("OKSupervisorOwnBranch", uSupMC, plBody(e, uInternMC, uSupMC, today, "branch_id", branchMC), 201, "", ""),
			post("ErrOverlap", uAdmin, plBody(e, uInternCPP, uSupCPP, e.day(100)), 409, "conflict", "start_date"),
			post("ErrOverlapEnclosing", uAdmin, plBody(e, uInternCPP, uSupCPP, e.day(-1), "end_date", e.day(400)), 409, "conflict", "start_date"),
			post("ErrInternRequired", uAdmin, map[string]any{"supervisor_id": e.id(uSupCPP), "start_date": today}, 422, "validation_failed", "intern_id"),
			post("ErrNoSuchIntern", uAdmin, map[string]any{"intern_id": 99999, "supervisor_id": e.id(uSupCPP), "start_date": today}, 422, "validation_failed", "intern_id"),
			post("ErrNotAnIntern", uAdmin, plBody(e, uSupCPP2, uSupCPP, today), 422, "validation_failed", "intern_id"),
			post("ErrDisabledIntern", uAdmin, plBody(e, "retired", uSupCPP, today), 422, "validation_failed", "intern_id"),
			post("ErrInternOfOtherBranch", uSupCPP, plBody(e, uInternMC, uSupCPP, e.day(200)), 422, "validation_failed", "intern_id"),
			post("ErrSupervisorOfOtherBranch", uAdmin, plBody(e, uInternCPP2, uSupMC, today), 422, "validation_failed", "supervisor_id"),
			post("ErrSupervisorHidden", uSupCPP, plBody(e, uInternCPP2, uSupMC, today), 422, "validation_failed", "supervisor_id"),
			post("ErrSupervisorNotASupervisor", uAdmin, plBody(e, uInternCPP2, uLeader, today), 422, "validation_failed", "supervisor_id"),
			post("ErrSupervisorRequired", uAdmin, map[string]any{"intern_id": e.id(uInternCPP2), "start_date": today}, 422, "validation_failed", "supervisor_id"),
			post("ErrNotTheInternsBranch", uAdmin, plBody(e, uInternCPP2, uSupMC, today, "branch_id", branchMC), 422, "validation_failed", "branch_id"),
			post("ErrStartRequired", uAdmin, map[string]any{"intern_id": e.id(uInternCPP2), "supervisor_id": e.id(uSupCPP)}, 422, "validation_failed", "start_date"),
			post("ErrEndBeforeStart", uAdmin, plBody(e, uInternCPP2, uSupCPP, today, "end_date", e.day(-1)), 422, "validation_failed", "end_date"),
			post("ErrEndOnStart", uAdmin, plBody(e, uInternCPP2, uSupCPP, today, "end_date", today), 422, "validation_failed", "end_date"),
			post("ErrBadDate", uAdmin, plBody(e, uInternCPP2, uSupCPP, "2026-02-30"), 400, "bad_request", ""),
			post("ErrVersionInBody", uAdmin, plBody(e, uInternCPP2, uSupCPP, today, "version", 7), 400, "bad_request", "version"),
			post("ErrStateInBody", uAdmin, plBody(e, uInternCPP2, uSupCPP, today, "health", "on_track"), 400, "bad_request", "health"),
			post("ErrSupervisorOfOtherBranchManaging", uSupMC, plBody(e, uInternCPP2, uSupCPP, today, "branch_id", branchCPP), 403, "forbidden", ""),
			post("ErrLeadership", uLeader, plBody(e, uInternCPP2, uSupCPP, today), 403, "forbidden", ""),
			post("ErrIntern", uInternCPP2, plBody(e, uInternCPP2, uSupCPP, today), 403, "forbidden", ""),
			post("ErrAnonymous", "", plBody(e, uInternCPP2, uSupCPP, today), 401, "unauthenticated", ""),
		})
	})
}

func TestPlacementsCreateDefaults(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		const path = "/api/v1/placements"
		today := e.day(0)
		plCreate(e, uAdmin, plBody(e, uInternCPP, uSupCPP, today, "focus", "EU cooperation"))
		t.Run("Defaults", func(t *testing.T) {
			var l struct{ Items []tracker.Placement }
			e.as(uAdmin).get(path + "?intern_id=" + itoa(e.id(uInternCPP))).want(200).decode(&l)
			if len(l.Items) != 1 {
				t.Fatalf("placements of internCPP = %+v", l.Items)
			}
			p := l.Items[0]
			start, _ := tracker.ParseDate(today)
			if p.BranchID != branchCPP || p.EndDate != tracker.DefaultEnd(start) || p.Focus != "EU cooperation" || p.Version != 1 ||
				p.State != tracker.PlacementActive || p.Month != 1 || p.ElapsedPct != 0 || p.ProgressPct != 0 || p.Health != tracker.HealthOnTrack {
				t.Fatalf("created placement = %+v", p)
			}
			ms := plMilestones(e, p)
			if len(ms) != 3 || ms[0].Kind != tracker.MilestoneOnboarding || ms[0].DueDate != start.AddDays(13) || ms[2].Kind != tracker.MilestoneFinal {
				t.Fatalf("milestones = %+v", ms)
			}
		})
		t.Run("LocationAndETag", func(t *testing.T) {
			r := e.as(uAdmin).post(path, plBody(e, uInternCPP, uSupCPP2, e.day(400))).want(201)
			var p tracker.Placement
			r.decode(&p)
			if r.Header.Get("Location") != plPath(p) || r.etag() != 1 {
				t.Fatalf("Location %q ETag %q for placement %d", r.Header.Get("Location"), r.Header.Get("ETag"), p.ID)
			}
			// The day after the end of another placement does not overlap it.
			next := p.EndDate.AddDays(1).String()
			e.as(uAdmin).post(path, plBody(e, uInternCPP, uSupCPP2, next)).want(201)
		})
	})
}

// plTwo creates one running placement in each branch.
func plTwo(e *apiEnv) (cpp, mc tracker.Placement) {
	e.t.Helper()
	cpp = plCreate(e, uAdmin, plBody(e, uInternCPP, uSupCPP, e.day(-30)))
	mc = plCreate(e, uAdmin, plBody(e, uInternMC, uSupMC, e.day(-10)))
	return cpp, mc
}

func TestPlacementsRead(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		cpp, mc := plTwo(e)
		mid := plMilestones(e, cpp)[1].ID
		// Every read of a placement answers alike: the placement, its
		// milestones, one milestone and its timeline.
		reads := func(p tracker.Placement) []string {
			return []string{plPath(p), plPath(p) + "/milestones", plPath(p) + "/milestones/" + itoa(mid), plPath(p) + "/timeline"}
		}
		for _, tc := range []struct {
			name   string
			who    string
			p      tracker.Placement
			status int
		}{
			{"OKAdmin", uAdmin, cpp, 200},
			{"OKLeadership", uLeader, cpp, 200},
			{"OKSupervisorOwnBranch", uSupCPP, cpp, 200},
			{"OKOtherSupervisorOfBranch", uSupCPP2, cpp, 200},
			{"OKOwnIntern", uInternCPP, cpp, 200},
			{"ErrNotFoundSupervisorOtherBranch", uSupMC, cpp, 404},
			{"ErrNotFoundOtherIntern", uInternCPP2, cpp, 404},
			{"ErrNotFoundInternOtherBranch", uInternMC, cpp, 404},
			{"ErrNotFoundMissing", uAdmin, tracker.Placement{ID: 99999}, 404},
			{"ErrAnonymous", "", cpp, 401},
		} {
			t.Run(tc.name, func(t *testing.T) {
				for _, path := range reads(tc.p) {
					e.as(tc.who).get(path).want(tc.status)
				}
			})
		}
		runCases(t, e, []plCase{
			{name: "ErrNotFoundMilestoneOfOtherPlacement", who: uAdmin, path: plPath(mc) + "/milestones/" + itoa(mid), status: 404, code: "not_found"},
			{name: "ErrNotFoundMalformedID", who: uAdmin, path: "/api/v1/placements/abc", status: 404, code: "not_found"},
		})
		t.Run("HiddenLikeMissing", func(t *testing.T) {
			hidden := e.as(uSupMC).get(plPath(cpp)).problem()
			missing := e.as(uSupMC).get("/api/v1/placements/99999").problem()
			if hidden.Code != missing.Code || hidden.Detail != missing.Detail {
				t.Fatalf("hidden %+v differs from missing %+v", hidden, missing)
			}
		})
		t.Run("ETag", func(t *testing.T) {
			if v := e.as(uAdmin).get(plPath(cpp)).etag(); v != 1 {
				t.Fatalf("ETag %d, want 1", v)
			}
		})
	})
}

func TestPlacementsList(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		cpp, mc := plTwo(e)
		later := plCreate(e, uSupCPP, plBody(e, uInternCPP2, uSupCPP2, e.day(10)))
		ended := plCreate(e, uAdmin, plBody(e, uInternMC, uSupMC, e.day(-400), "end_date", e.day(-200)))
		ids := func(who, query string) []int64 {
			var l struct {
				Items []tracker.Placement
				Total int64
			}
			e.as(who).get("/api/v1/placements" + query).want(200).decode(&l)
			out := []int64{}
			for _, p := range l.Items {
				out = append(out, p.ID)
			}
			if !strings.Contains(query, "page=") && int64(len(out)) != l.Total {
				t.Fatalf("%s %s: total %d for %d items", who, query, l.Total, len(out))
			}
			return out
		}
		for _, tc := range []struct {
			name, who, query string
			want             []tracker.Placement
		}{
			{"OKAdminNewestFirst", uAdmin, "", []tracker.Placement{later, mc, cpp, ended}},
			{"OKLeadership", uLeader, "?sort=start_date", []tracker.Placement{ended, cpp, mc, later}},
			{"OKSupervisorOwnBranch", uSupCPP, "", []tracker.Placement{later, cpp}},
			{"OKSupervisorOtherBranch", uSupMC, "?sort=end_date", []tracker.Placement{ended, mc}},
			{"OKInternOwn", uInternCPP, "", []tracker.Placement{cpp}},
			{"OKActive", uAdmin, "?state=active", []tracker.Placement{mc, cpp}},
			{"OKUpcoming", uAdmin, "?state=upcoming", []tracker.Placement{later}},
			{"OKEnded", uAdmin, "?state=ended", []tracker.Placement{ended}},
			{"OKBranch", uLeader, "?branch_id=2", []tracker.Placement{mc, ended}},
			{"OKBranchHiddenFromSupervisor", uSupCPP, "?branch_id=2", nil},
			{"OKIntern", uAdmin, "?intern_id=" + itoa(e.id(uInternMC)), []tracker.Placement{mc, ended}},
			{"OKSupervisor", uSupCPP, "?supervisor_id=" + itoa(e.id(uSupCPP2)), []tracker.Placement{later}},
			{"OKPage", uAdmin, "?per_page=2&page=2", []tracker.Placement{cpp, ended}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got := ids(tc.who, tc.query)
				if len(got) != len(tc.want) {
					t.Fatalf("got %v, want %d placements", got, len(tc.want))
				}
				for i, p := range tc.want {
					if got[i] != p.ID {
						t.Fatalf("got %v, want %v at %d", got, p.ID, i)
					}
				}
			})
		}
	})
}

func TestPlacementsListInvalid(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		q := func(name, who, query string, status int, field string) plCase {
			code := "validation_failed"
			if status == 400 {
				code = "bad_request"
			}
			return plCase{name: name, who: who, path: "/api/v1/placements" + query, status: status, code: code, field: field}
		}
		runCases(t, e, []plCase{
			q("ErrBadState", uAdmin, "?state=running", 400, "state"),
			q("ErrBadBranch", uAdmin, "?branch_id=abc", 400, "branch_id"),
			q("ErrNoSuchBranch", uAdmin, "?branch_id=99", 422, "branch_id"),
			q("ErrHiddenIntern", uSupCPP, "?intern_id="+itoa(e.id(uInternMC)), 422, "intern_id"),
			q("ErrOtherIntern", uInternCPP, "?intern_id="+itoa(e.id(uInternCPP2)), 422, "intern_id"),
			q("ErrNoSuchSupervisor", uAdmin, "?supervisor_id=99999", 422, "supervisor_id"),
			q("ErrBadSort", uAdmin, "?sort=focus", 422, "sort"),
			{name: "ErrAnonymous", path: "/api/v1/placements", status: 401, code: "unauthenticated"},
		})
	})
}

func TestPlacementsUpdate(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		cpp, _ := plTwo(e)
		next := plCreate(e, uAdmin, plBody(e, uInternCPP, uSupCPP, cpp.EndDate.AddDays(1).String()))
		path := plPath(cpp)
		patch := func(name, who string, version int64, body any, status int, code, field string) plCase {
			return plCase{name: name, who: who, method: http.MethodPatch, path: path, version: version, body: body, status: status, code: code, field: field}
		}
		focus := map[string]any{"focus": "UN liaison"}
		runCases(t, e, []plCase{
			patch("ErrAnonymous", "", 1, focus, 401, "unauthenticated", ""),
			patch("ErrNoIfMatch", uSupCPP, 0, focus, 428, "precondition_required", ""),
			patch("ErrNotFoundSupervisorOtherBranch", uSupMC, 1, focus, 404, "not_found", ""),
			patch("ErrNotFoundOtherIntern", uInternCPP2, 1, focus, 404, "not_found", ""),
			patch("ErrInternOwnPlacement", uInternCPP, 1, focus, 403, "forbidden", ""),
			patch("ErrLeadership", uLeader, 1, focus, 403, "forbidden", ""),
			patch("ErrSupervisorOfOtherBranch", uSupCPP, 1, map[string]any{"supervisor_id": e.id(uSupMC)}, 422, "validation_failed", "supervisor_id"),
			patch("ErrEndBeforeStart", uSupCPP, 1, map[string]any{"end_date": cpp.StartDate.AddDays(-1).String()}, 422, "validation_failed", "end_date"),
			patch("ErrInternIsFixed", uSupCPP, 1, map[string]any{"intern_id": e.id(uInternCPP2)}, 400, "bad_request", "intern_id"),
			patch("ErrBranchIsFixed", uSupCPP, 1, map[string]any{"branch_id": branchMC}, 400, "bad_request", "branch_id"),
			patch("ErrOverlap", uSupCPP, 1, map[string]any{"end_date": next.StartDate.String()}, 409, "conflict", "start_date"),
			patch("OK", uSupCPP, 1, focus, 200, "", ""),
			patch("ErrStale", uSupCPP, 1, map[string]any{"focus": "lost update"}, 412, "version_mismatch", ""),
			patch("OKOtherSupervisorOfBranch", uSupCPP2, 2, map[string]any{"supervisor_id": e.id(uSupCPP2)}, 200, "", ""),
			patch("OKNothingChanges", uAdmin, 3, map[string]any{}, 200, "", ""),
			{name: "ErrNotFoundMissing", who: uAdmin, method: http.MethodPatch, path: "/api/v1/placements/99999", version: 1, body: focus, status: 404, code: "not_found"},
		})
		var got tracker.Placement
		r := e.as(uAdmin).get(path).want(200).decode(&got)
		if got.Focus != "UN liaison" || got.SupervisorID != e.id(uSupCPP2) || got.Version != 3 || r.etag() != 3 {
			t.Fatalf("after patches placement = %+v", got)
		}
		t.Run("MovingDatesRedatesOpenMilestones", func(t *testing.T) {
			ms := plMilestones(e, cpp)
			onboarding := ms[0]
			e.as(uSupCPP).patch(path+"/milestones/"+itoa(onboarding.ID), onboarding.Version, map[string]any{"done": true}).want(200)
			start, end := cpp.StartDate.AddDays(-7), cpp.EndDate.AddDays(-7)
			var p tracker.Placement
			e.as(uSupCPP).patch(path, 3, map[string]any{"start_date": start.String(), "end_date": end.String()}).want(200).decode(&p)
			want := (&tracker.Placement{ID: p.ID, StartDate: start, EndDate: end}).Milestones()
			after := plMilestones(e, cpp)
			if after[0].DueDate != onboarding.DueDate || after[0].DoneAt == nil {
				t.Fatalf("done onboarding moved: %+v", after[0])
			}
			for i := 1; i < 3; i++ {
				if after[i].Kind != want[i].Kind || after[i].DueDate != want[i].DueDate || after[i].Version != 2 {
					t.Fatalf("milestone %d = %+v, want due %s at version 2", i, after[i], want[i].DueDate)
				}
			}
		})
	})
}

func TestPlacementsDelete(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		cpp, _ := plTwo(e)
		path := plPath(cpp)
		del := func(name, who string, status int, code string) plCase {
			return plCase{name: name, who: who, method: http.MethodDelete, path: path, status: status, code: code}
		}
		runCases(t, e, []plCase{
			del("ErrAnonymous", "", 401, "unauthenticated"),
			del("ErrNotFoundSupervisorOtherBranch", uSupMC, 404, "not_found"),
			del("ErrNotFoundOtherIntern", uInternCPP2, 404, "not_found"),
			del("ErrInternOwnPlacement", uInternCPP, 403, "forbidden"),
			del("ErrLeadership", uLeader, 403, "forbidden"),
			del("OK", uSupCPP, 204, ""),
			del("ErrNotFoundDeleted", uSupCPP, 404, "not_found"),
			{name: "ErrNotFoundMilestones", who: uAdmin, path: path + "/milestones", status: 404, code: "not_found"},
		})
	})
}

func TestMilestonesUpdate(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		cpp, mc := plTwo(e)
		ms := plMilestones(e, cpp)
		path := plPath(cpp) + "/milestones/" + itoa(ms[1].ID)
		patch := func(name, who string, version int64, body any, status int, code, field string) plCase {
			return plCase{name: name, who: who, method: http.MethodPatch, path: path, version: version, body: body, status: status, code: code, field: field}
		}
		done := map[string]any{"done": true}
		runCases(t, e, []plCase{
			patch("ErrAnonymous", "", 1, done, 401, "unauthenticated", ""),
			patch("ErrNoIfMatch", uSupCPP, 0, done, 428, "precondition_required", ""),
			patch("ErrNotFoundSupervisorOtherBranch", uSupMC, 1, done, 404, "not_found", ""),
			patch("ErrNotFoundOtherIntern", uInternCPP2, 1, done, 404, "not_found", ""),
			patch("ErrInternOwnPlacement", uInternCPP, 1, done, 403, "forbidden", ""),
			patch("ErrLeadership", uLeader, 1, done, 403, "forbidden", ""),
			patch("ErrDueOutsidePlacement", uSupCPP, 1, map[string]any{"due_date": cpp.EndDate.AddDays(1).String()}, 422, "validation_failed", "due_date"),
			patch("ErrDoneAtIsDerived", uSupCPP, 1, map[string]any{"done_at": "2026-03-16T09:00:00Z"}, 400, "bad_request", "done_at"),
			patch("OKDone", uSupCPP, 1, done, 200, "", ""),
			patch("ErrStale", uSupCPP, 1, map[string]any{"done": false}, 412, "version_mismatch", ""),
			patch("OKDoneAgainChangesNothing", uAdmin, 2, done, 200, "", ""),
			{name: "ErrNotFoundOtherPlacement", who: uAdmin, method: http.MethodPatch, path: plPath(mc) + "/milestones/" + itoa(ms[1].ID),
				version: 2, body: done, status: 404, code: "not_found"},
		})
		var m tracker.Milestone
		r := e.as(uInternCPP).get(path).want(200).decode(&m)
		if m.DoneAt == nil || !m.DoneAt.Equal(e.DB.Clock.Now()) || m.Version != 2 || r.etag() != 2 {
			t.Fatalf("after done: %+v, want done at %s, version 2", m, e.DB.Clock.Now())
		}
		t.Run("ReopenAndMove", func(t *testing.T) {
			due := cpp.StartDate.AddDays(100)
			e.as(uSupCPP).patch(path, 2, map[string]any{"done": false, "due_date": due.String()}).want(200).decode(&m)
			if m.DoneAt != nil || m.DueDate != due || m.Version != 3 {
				t.Fatalf("after reopen and move: %+v", m)
			}
		})
	})
}
