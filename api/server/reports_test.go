package server_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// TestReportWorkflow walks one weekly report through its review over the
// API: a draft saved twice, a refused submission without text, the
// submission, a refused edit while submitted, a send-back without and with
// a comment, the revision, the resubmission and the acceptance; and checks
// the queue, the trail and the lost-update guards along the way.
func TestReportWorkflow(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		w := newWorld(t, e)
		pl := w.pl[uInternCPP]
		intern, sup := e.as(uInternCPP), e.as(uSupCPP)
		var r tracker.WeeklyReport
		intern.post(v1("/placements/%d/reports", pl.ID), map[string]any{"blockers": "Waiting for access"}).want(http.StatusCreated).decode(&r)
		if r.State != tracker.ReportDraft || r.Week != tracker.WeekOf(tracker.DateOf(e.DB.Clock.Now())) || r.Version != 1 {
			t.Fatalf("new report %+v", r)
		}
		path := reportPath(r)
		intern.post(v1("/placements/%d/reports", pl.ID), map[string]any{}).wantProblem(http.StatusConflict, tracker.ECodeConflict).wantField("week")
		patch := func(c *client, body map[string]any) *resp {
			t.Helper()
			return c.patch(path, r.Version, body)
		}
		intern.patch(path, 0, map[string]any{"done": "x"}).wantProblem(http.StatusPreconditionRequired, tracker.ECodePreconditionRequired)
		intern.patch(path, r.Version+1, map[string]any{"done": "x"}).wantProblem(http.StatusPreconditionFailed, tracker.ECodeVersionMismatch)
		patch(intern, map[string]any{"state": "submitted"}).wantProblem(http.StatusUnprocessableEntity, tracker.ECodeInvalid).wantField("done")
		patch(intern, map[string]any{"done": "Read the partnership files"}).want(http.StatusOK).decode(&r)
		patch(sup, map[string]any{"state": "accepted"}).wantProblem(http.StatusConflict, tracker.ECodeInvalidTransition)
		patch(intern, map[string]any{"next": "Draft the note", "state": "submitted"}).want(http.StatusOK).decode(&r)
		if r.State != tracker.ReportSubmitted || r.SubmittedAt == nil || r.Done != "Read the partnership files" || r.Version != 3 {
			t.Fatalf("submitted %+v", r)
		}
		patch(intern, map[string]any{"done": "Changed my mind"}).wantProblem(http.StatusConflict, tracker.ECodeConflict)
		patch(e.as(uLeader), map[string]any{"state": "accepted"}).wantProblem(http.StatusForbidden, tracker.ECodeForbidden)
		patch(e.as(uSupMC), map[string]any{"state": "accepted"}).wantProblem(http.StatusNotFound, tracker.ECodeNotFound)

		var queue struct{ Items []tracker.WeeklyReport }
		sup.get(v1("/reports?state=submitted")).want(http.StatusOK).decode(&queue)
		if len(queue.Items) != 1 || queue.Items[0].ID != r.ID || queue.Items[0].InternName != uInternCPP {
			t.Fatalf("supervisor's queue %+v", queue.Items)
		}
		e.as(uSupMC).get(v1("/reports?state=submitted")).want(http.StatusOK).decode(&queue)
		if len(queue.Items) != 0 {
			t.Fatalf("MC's queue holds CPP's report: %+v", queue.Items)
		}
		e.as(uAdmin).get(v1("/reports?state=bogus")).wantProblem(http.StatusBadRequest, "bad_request").wantField("state")

		patch(sup, map[string]any{"state": "needs_revision", "review_comment": "  "}).
			wantProblem(http.StatusUnprocessableEntity, tracker.ECodeInvalid).wantField("review_comment")
		e.DB.Clock.Advance(time.Minute)
		patch(sup, map[string]any{"state": "needs_revision", "review_comment": "Name the partner"}).want(http.StatusOK).decode(&r)
		if r.State != tracker.ReportNeedsRevision || r.ReviewComment != "Name the partner" || r.ReviewerName == nil ||
			*r.ReviewerName != uSupCPP || r.ReviewedAt == nil {
			t.Fatalf("sent back %+v", r)
		}
		patch(intern, map[string]any{"done": "Read the Georgia files", "state": "submitted"}).want(http.StatusOK).decode(&r)
		patch(sup, map[string]any{"state": "accepted"}).want(http.StatusOK).decode(&r)
		if r.State != tracker.ReportAccepted || r.ReviewComment != "" || r.Version != 6 {
			t.Fatalf("accepted %+v", r)
		}
		patch(intern, map[string]any{"state": "submitted"}).wantProblem(http.StatusConflict, tracker.ECodeInvalidTransition)

		var list struct {
			Items []tracker.WeeklyReport
			Total int
		}
		intern.get(v1("/placements/%d/reports", pl.ID)).want(http.StatusOK).decode(&list)
		if list.Total != 1 || list.Items[0].State != tracker.ReportAccepted {
			t.Fatalf("intern's list %+v", list)
		}
		trail, _, err := e.DB.Store.Activity(fixtureCtx, w.adm, store.ActivityFilter{EntityType: tracker.EntityReport, EntityID: r.ID})
		mustFixture(e, "trail", err)
		if len(trail) != 6 { // created, edited, submitted, sent back, resubmitted, accepted
			t.Fatalf("%d trail rows for the report, want 6", len(trail))
		}
		var p tracker.Placement
		sup.get(v1("/placements/%d", pl.ID)).want(http.StatusOK).decode(&p)
		if p.LastReportAt == nil || p.Stale {
			t.Fatalf("placement after a report: last_report_at %v, stale %v", p.LastReportAt, p.Stale)
		}
	})
}
