package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

func progressPath(task int64) string { return taskPath(task) + "/progress" }

func TestProgressAdd(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		p := k.project(uSupCPP, branchCPP, nil)
		tk := k.task(p.ID, uInternCPP, nil)
		done := k.moveTo(k.task(p.ID, uInternCPP, nil), tracker.StatusDone)
		mc := k.task(k.project(uSupMC, branchMC, nil).ID, uInternMC, nil)
		add := func(id int64, body any) func(c *client) *resp {
			return func(c *client) *resp { return c.post(progressPath(id), body) }
		}
		ok := map[string]any{"progress": 20}
		const inv = tracker.ECodeInvalid
		runWorkCases(t, e, []workCase{
			{"ErrUnauthenticated", "", add(tk.ID, ok), 401, tracker.ECodeUnauthenticated, ""},
			{"ErrForbiddenLeadership", uLeader, add(tk.ID, ok), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenSupervisorOtherBranch", uSupMC, add(tk.ID, ok), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenOtherIntern", uInternCPP2, add(tk.ID, ok), 403, tracker.ECodeForbidden, ""},
			{"ErrNotFoundInternOtherBranch", uInternMC, add(tk.ID, ok), 404, tracker.ECodeNotFound, ""},
			{"ErrNotFoundMissingTask", uAdmin, add(9999, ok), 404, tracker.ECodeNotFound, ""},
			{"ErrValidationProgressMissing", uInternCPP, add(tk.ID, map[string]any{"note": "x"}), 422, inv, "progress"},
			{"ErrValidationProgressHigh", uInternCPP, add(tk.ID, map[string]any{"progress": 101}), 422, inv, "progress"},
			{"ErrValidationProgressNegative", uInternCPP, add(tk.ID, map[string]any{"progress": -1}), 422, inv, "progress"},
			{"ErrValidationHours", uInternCPP, add(tk.ID, map[string]any{"progress": 5, "hours": 25}), 422, inv, "hours"},
			{"ErrValidationNote", uInternCPP, add(tk.ID, map[string]any{"progress": 5, "note": strings.Repeat("n", 4001)}), 422, inv, "note"},
			{"ErrUnknownField", uInternCPP, add(tk.ID, map[string]any{"progress": 5, "task_id": mc.ID}), 400, "bad_request", "task_id"},
			{"ErrConflictDone", uInternCPP, add(done.ID, ok), 409, tracker.ECodeConflict, ""},
			{"ErrConflictDoneAdmin", uAdmin, add(done.ID, ok), 409, tracker.ECodeConflict, ""},
		})
		subtest(t, e, "RefusalsChangedNothing", func(t *testing.T) {
			var l workPage[tracker.ProgressLog]
			e.as(uAdmin).get(progressPath(tk.ID)).want(200).decode(&l)
			if got := k.stored(tk.ID); l.Total != 0 || got.Version != 1 || got.Status != tracker.StatusTodo || got.Progress != 0 {
				t.Fatalf("refusals left %d logs, task %+v", l.Total, got)
			}
			if got := k.stored(done.ID); got.Version != done.Version || got.Progress != 100 {
				t.Fatalf("done task changed: %+v", got)
			}
		})
	})
}

func TestProgressAddEffects(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		p := k.project(uSupCPP, branchCPP, nil)
		tk := k.task(p.ID, uInternCPP, nil)
		subtest(t, e, "OKStartsTheTask", func(t *testing.T) {
			e.DB.Clock.Advance(time.Second)
			r := e.as(uInternCPP).post(progressPath(tk.ID), map[string]any{"progress": 30, "hours": 2.5, "note": "Read the EU papers"}).want(201)
			var l tracker.ProgressLog
			r.decode(&l)
			if l.TaskID != tk.ID || l.AuthorID != e.id(uInternCPP) || l.Progress != 30 || *l.Hours != 2.5 || l.Note != "Read the EU papers" {
				t.Fatalf("log = %+v", l)
			}
			if r.Header.Get("ETag") != "" || r.Header.Get("Location") != fmt.Sprintf("%s/%d", progressPath(tk.ID), l.ID) {
				t.Fatalf("headers ETag %q Location %q", r.Header.Get("ETag"), r.Header.Get("Location"))
			}
			got := k.stored(tk.ID)
			if got.Status != tracker.StatusInProgress || got.Progress != 30 || got.Version != 2 || !got.StatusSince.Equal(e.DB.Clock.Now()) {
				t.Fatalf("task after first log = %+v", got)
			}
		})
		subtest(t, e, "OKSameProgressStillBumpsVersion", func(t *testing.T) {
			e.as(uSupCPP).post(progressPath(tk.ID), map[string]any{"progress": 30}).want(201)
			if got := k.stored(tk.ID); got.Progress != 30 || got.Version != 3 || got.Status != tracker.StatusInProgress {
				t.Fatalf("task after second log = %+v", got)
			}
		})
		subtest(t, e, "OKOnBlockedTaskKeepsStatus", func(t *testing.T) {
			b := k.moveTo(k.task(p.ID, uInternCPP, nil), tracker.StatusBlocked)
			e.as(uAdmin).post(progressPath(b.ID), map[string]any{"progress": 60}).want(201)
			if got := k.stored(b.ID); got.Status != tracker.StatusBlocked || got.Progress != 60 || got.Version != b.Version+1 {
				t.Fatalf("blocked task after log = %+v", got)
			}
		})
		subtest(t, e, "StaleETagAfterLog", func(t *testing.T) {
			// The version a client read before the log no longer matches.
			e.as(uSupCPP).patch(taskPath(tk.ID), 2, map[string]any{"title": "x"}).wantProblem(412, tracker.ECodeVersionMismatch)
		})
	})
}

func TestProgressRead(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		p := k.project(uSupCPP, branchCPP, nil)
		a := k.task(p.ID, uInternCPP, nil)
		b := k.task(p.ID, uInternCPP2, nil)
		var logs []tracker.ProgressLog
		for i, pct := range []int{10, 40, 70} {
			e.DB.Clock.Advance(time.Duration(i+1) * time.Second)
			var l tracker.ProgressLog
			e.as(uInternCPP).post(progressPath(a.ID), map[string]any{"progress": pct}).want(201).decode(&l)
			logs = append(logs, l)
		}
		var lb tracker.ProgressLog
		e.as(uInternCPP2).post(progressPath(b.ID), map[string]any{"progress": 5}).want(201).decode(&lb)
		get := func(task, id int64) func(c *client) *resp {
			return func(c *client) *resp { return c.get(fmt.Sprintf("%s/%d", progressPath(task), id)) }
		}
		list := func(task int64) func(c *client) *resp {
			return func(c *client) *resp { return c.get(progressPath(task)) }
		}
		runWorkCases(t, e, []workCase{
			{"GetOK", uInternCPP2, get(a.ID, logs[0].ID), 200, "", ""},
			{"GetOKLeadership", uLeader, get(a.ID, logs[0].ID), 200, "", ""},
			{"GetErrNotFoundWrongParent", uAdmin, get(b.ID, logs[0].ID), 404, tracker.ECodeNotFound, ""},
			{"GetErrNotFoundMissing", uAdmin, get(a.ID, 9999), 404, tracker.ECodeNotFound, ""},
			{"GetErrNotFoundInternOtherBranch", uInternMC, get(a.ID, logs[0].ID), 404, tracker.ECodeNotFound, ""},
			{"ListErrNotFoundInternOtherBranch", uInternMC, list(a.ID), 404, tracker.ECodeNotFound, ""},
			{"ListErrNotFoundMissing", uAdmin, list(9999), 404, tracker.ECodeNotFound, ""},
			{"ListErrUnauthenticated", "", list(a.ID), 401, tracker.ECodeUnauthenticated, ""},
			{"ListErrBadPage", uAdmin, func(c *client) *resp { return c.get(progressPath(a.ID) + "?page=0") }, 400, "bad_request", "page"},
		})
		subtest(t, e, "ListNewestFirst", func(t *testing.T) {
			var l workPage[tracker.ProgressLog]
			e.as(uSupMC).get(progressPath(a.ID)).want(200).decode(&l)
			if l.Total != 3 || len(l.Items) != 3 || l.Items[0].ID != logs[2].ID || l.Items[2].ID != logs[0].ID {
				t.Fatalf("list = %+v", l)
			}
			e.as(uAdmin).get(progressPath(a.ID) + "?per_page=1&page=2").want(200).decode(&l)
			if l.Total != 3 || len(l.Items) != 1 || l.Items[0].ID != logs[1].ID || l.PerPage != 1 {
				t.Fatalf("page 2 = %+v", l)
			}
		})
	})
}
