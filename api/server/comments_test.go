package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

func commentsPath(task int64) string { return taskPath(task) + "/comments" }

func commentPath(task, id int64) string { return fmt.Sprintf("%s/%d", commentsPath(task), id) }

func TestCommentAdd(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		tk := k.task(k.project(uSupCPP, branchCPP, nil).ID, uInternCPP, nil)
		add := func(id int64, body any) func(c *client) *resp {
			return func(c *client) *resp { return c.post(commentsPath(id), body) }
		}
		hi := map[string]any{"body": "Draft shared with the branch head."}
		const inv = tracker.ECodeInvalid
		runWorkCases(t, e, []workCase{
			{"OKAssignee", uInternCPP, add(tk.ID, hi), 201, "", ""},
			{"OKSupervisor", uSupCPP, add(tk.ID, hi), 201, "", ""},
			{"OKAdmin", uAdmin, add(tk.ID, hi), 201, "", ""},
			{"ErrUnauthenticated", "", add(tk.ID, hi), 401, tracker.ECodeUnauthenticated, ""},
			{"ErrForbiddenLeadership", uLeader, add(tk.ID, hi), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenSupervisorOtherBranch", uSupMC, add(tk.ID, hi), 403, tracker.ECodeForbidden, ""},
			{"ErrForbiddenOtherIntern", uInternCPP2, add(tk.ID, hi), 403, tracker.ECodeForbidden, ""},
			{"ErrNotFoundInternOtherBranch", uInternMC, add(tk.ID, hi), 404, tracker.ECodeNotFound, ""},
			{"ErrNotFoundMissingTask", uAdmin, add(9999, hi), 404, tracker.ECodeNotFound, ""},
			{"ErrValidationEmpty", uInternCPP, add(tk.ID, map[string]any{"body": "  "}), 422, inv, "body"},
			{"ErrValidationMissing", uInternCPP, add(tk.ID, map[string]any{}), 422, inv, "body"},
			{"ErrValidationLong", uInternCPP, add(tk.ID, map[string]any{"body": strings.Repeat("b", 10001)}), 422, inv, "body"},
			{"ErrUnknownField", uInternCPP, add(tk.ID, map[string]any{"body": "x", "author_id": 1}), 400, "bad_request", "author_id"},
			{"ErrNotJSON", uInternCPP, add(tk.ID, "body=x"), 400, "bad_request", ""},
		})
		subtest(t, e, "Fields", func(t *testing.T) {
			r := e.as(uInternCPP).post(commentsPath(tk.ID), hi).want(201)
			var c tracker.Comment
			r.decode(&c)
			if c.TaskID != tk.ID || c.AuthorID != e.id(uInternCPP) || c.Body != hi["body"] || c.Version != 1 || r.etag() != 1 ||
				r.Header.Get("Location") != commentPath(tk.ID, c.ID) {
				t.Fatalf("comment = %+v, headers %v", c, r.Header)
			}
		})
	})
}

func TestCommentReadEditDelete(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		k := newWorkKit(t, e)
		p := k.project(uSupCPP, branchCPP, nil)
		a := k.task(p.ID, uInternCPP, nil)
		b := k.task(p.ID, uInternCPP2, nil)
		comment := func(who string, task int64, body string) tracker.Comment {
			e.DB.Clock.Advance(time.Second)
			var c tracker.Comment
			e.as(who).post(commentsPath(task), map[string]any{"body": body}).want(201).decode(&c)
			return c
		}
		first := comment(uInternCPP, a.ID, "first")
		second := comment(uSupCPP, a.ID, "second")
		third := comment(uInternCPP, a.ID, "third")
		onB := comment(uInternCPP2, b.ID, "on b")
		get := func(task, id int64) func(c *client) *resp {
			return func(c *client) *resp { return c.get(commentPath(task, id)) }
		}
		patch := func(task, id, version int64, body string) func(c *client) *resp {
			return func(c *client) *resp { return c.patch(commentPath(task, id), version, map[string]any{"body": body}) }
		}
		del := func(task, id int64) func(c *client) *resp {
			return func(c *client) *resp { return c.del(commentPath(task, id)) }
		}
		const inv = tracker.ECodeInvalid
		runWorkCases(t, e, []workCase{
			{"GetOK", uInternCPP2, get(a.ID, first.ID), 200, "", ""},
			{"GetOKLeadership", uLeader, get(a.ID, first.ID), 200, "", ""},
			{"GetErrNotFoundWrongParent", uAdmin, get(b.ID, first.ID), 404, tracker.ECodeNotFound, ""},
			{"GetErrNotFoundInternOtherBranch", uInternMC, get(a.ID, first.ID), 404, tracker.ECodeNotFound, ""},
			{"GetErrNotFoundMissing", uAdmin, get(a.ID, 9999), 404, tracker.ECodeNotFound, ""},
			{"PatchErrPreconditionRequired", uInternCPP, patch(a.ID, first.ID, 0, "edited"), 428, tracker.ECodePreconditionRequired, ""},
			{"PatchErrVersionMismatch", uInternCPP, patch(a.ID, first.ID, 2, "edited"), 412, tracker.ECodeVersionMismatch, ""},
			{"PatchErrForbiddenNotAuthor", uSupCPP, patch(a.ID, first.ID, 1, "edited"), 403, tracker.ECodeForbidden, ""},
			{"PatchErrForbiddenAdminNotAuthor", uAdmin, patch(a.ID, first.ID, 1, "edited"), 403, tracker.ECodeForbidden, ""},
			{"PatchErrNotFoundWrongParent", uInternCPP, patch(b.ID, first.ID, 1, "edited"), 404, tracker.ECodeNotFound, ""},
			{"PatchErrNotFoundInternOtherBranch", uInternMC, patch(a.ID, first.ID, 1, "edited"), 404, tracker.ECodeNotFound, ""},
			{"PatchErrValidation", uInternCPP, patch(a.ID, first.ID, 1, ""), 422, inv, "body"},
			{"PatchOK", uInternCPP, patch(a.ID, first.ID, 1, "first, edited"), 200, "", ""},
			{"PatchErrStaleAfterEdit", uInternCPP, patch(a.ID, first.ID, 1, "again"), 412, tracker.ECodeVersionMismatch, ""},
			{"DeleteErrNotFoundWrongParent", uAdmin, del(b.ID, second.ID), 404, tracker.ECodeNotFound, ""},
			{"DeleteErrForbiddenOtherIntern", uInternCPP2, del(a.ID, first.ID), 403, tracker.ECodeForbidden, ""},
			{"DeleteErrForbiddenAssigneeOfOthersComment", uInternCPP, del(a.ID, second.ID), 403, tracker.ECodeForbidden, ""},
			{"DeleteErrForbiddenSupervisorOtherBranch", uSupMC, del(a.ID, first.ID), 403, tracker.ECodeForbidden, ""},
			{"DeleteErrForbiddenLeadership", uLeader, del(a.ID, first.ID), 403, tracker.ECodeForbidden, ""},
			{"DeleteOKAuthor", uInternCPP2, del(b.ID, onB.ID), 204, "", ""},
			{"DeleteOKEditorOfBranch", uSupCPP2, del(a.ID, third.ID), 204, "", ""},
			{"DeleteErrNotFoundAfter", uAdmin, get(a.ID, third.ID), 404, tracker.ECodeNotFound, ""},
		})
		subtest(t, e, "ListOldestFirst", func(t *testing.T) {
			var l workPage[tracker.Comment]
			e.as(uInternCPP2).get(commentsPath(a.ID)).want(200).decode(&l)
			if l.Total != 2 || l.Items[0].ID != first.ID || l.Items[1].ID != second.ID || l.Items[0].Body != "first, edited" || l.Items[0].Version != 2 {
				t.Fatalf("list = %+v", l)
			}
			e.as(uInternMC).get(commentsPath(a.ID)).wantProblem(404, tracker.ECodeNotFound)
			e.as(uAdmin).get(commentsPath(b.ID)).want(200).decode(&l)
			if l.Total != 0 || l.Items == nil {
				t.Fatalf("list of b = %+v", l)
			}
		})
		subtest(t, e, "GetETag", func(t *testing.T) {
			if v := e.as(uAdmin).get(commentPath(a.ID, first.ID)).want(200).etag(); v != 2 {
				t.Fatalf("ETag = %d, want 2", v)
			}
		})
	})
}
