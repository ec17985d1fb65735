package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// allScores is an assessment patch scoring every competency n.
func allScores(n int) *store.AssessmentPatch {
	p := &store.AssessmentPatch{}
	for _, c := range tracker.Competencies {
		p.Ratings = append(p.Ratings, store.RatingPatch{Competency: c, Score: tracker.Of(n)})
	}
	return p
}

// allScoresJSON is the same as a request body.
func allScoresJSON(n int, comment string) map[string]any {
	var rs []any
	for _, c := range tracker.Competencies {
		rs = append(rs, map[string]any{"competency": c, "score": n, "comment": comment + " " + c})
	}
	return map[string]any{"ratings": rs, "comment": comment}
}

// evalFixture places a new CPP intern under supCPP, started daysAgo, and
// returns the intern's name, the placement and its mid-term evaluation.
func evalFixture(e *apiEnv, daysAgo int) (string, tracker.Placement, tracker.Evaluation) {
	e.t.Helper()
	cpp := int64(branchCPP)
	name := fmt.Sprintf("evalIntern%d", len(e.Users))
	e.Users[name] = e.addUser(name, tracker.RoleIntern, &cpp)
	p, err := e.DB.Store.CreatePlacement(fixtureCtx, e.Users[uAdmin], store.NewPlacement{InternID: e.id(name), SupervisorID: e.id(uSupCPP),
		StartDate: tracker.DateOf(e.DB.Clock.Now()).AddDays(-daysAgo)})
	mustFixture(e, "placement", err)
	evs, err := e.DB.Store.Evaluations(fixtureCtx, e.Users[uAdmin], p.ID)
	mustFixture(e, "evaluations", err)
	if len(evs) != 2 || evs[0].Kind != tracker.EvalMidterm || evs[1].Kind != tracker.EvalFinal {
		e.t.Fatalf("a new placement has evaluations %+v, want a mid-term and a final", evs)
	}
	return name, *p, evs[0]
}

// reach moves ev, fully scored on both sides, to state to.
func reach(e *apiEnv, intern string, ev tracker.Evaluation, to tracker.EvalState) tracker.Evaluation {
	e.t.Helper()
	adm := e.Users[uAdmin]
	up := func(who *tracker.User, in store.EvaluationPatch) {
		next, err := e.DB.Store.UpdateEvaluation(fixtureCtx, who, ev.PlacementID, ev.ID, ev.Version, in)
		mustFixture(e, "update evaluation", err)
		ev = *next
	}
	up(e.Users[intern], store.EvaluationPatch{Self: allScores(3)})
	up(adm, store.EvaluationPatch{Supervisor: allScores(2)})
	path := []tracker.EvalState{tracker.EvalSubmitted, tracker.EvalReviewed, tracker.EvalSigned}
	for _, st := range path {
		if ev.State == to {
			break
		}
		who := adm
		if st == tracker.EvalSubmitted {
			who = e.Users[intern]
		}
		up(who, store.EvaluationPatch{State: &st})
	}
	return ev
}

// TestEvaluationTransitions tries every state change of an evaluation as
// every kind of caller: the intern of the placement, a supervisor of its
// branch (not its own supervisor), a supervisor of the other branch,
// leadership and an admin.
func TestEvaluationTransitions(t *testing.T) {
	states := []tracker.EvalState{tracker.EvalDraft, tracker.EvalSubmitted, tracker.EvalReviewed, tracker.EvalSigned}
	moves := map[[2]tracker.EvalState]tracker.EvalSide{
		{tracker.EvalDraft, tracker.EvalSubmitted}:    tracker.EvalSelf,
		{tracker.EvalSubmitted, tracker.EvalDraft}:    tracker.EvalReviewer,
		{tracker.EvalSubmitted, tracker.EvalReviewed}: tracker.EvalReviewer,
		{tracker.EvalReviewed, tracker.EvalSigned}:    tracker.EvalReviewer,
	}
	callers := []struct {
		name string
		side tracker.EvalSide // 0: writes no side
		hid  bool
	}{{"intern", tracker.EvalSelf, false}, {uSupCPP2, tracker.EvalReviewer, false}, {uSupMC, 0, true}, {uLeader, 0, false}, {uAdmin, tracker.EvalReviewer, false}}
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		for _, from := range states {
			for _, to := range states {
				for _, who := range callers {
					t.Run(fmt.Sprintf("%s_to_%s_as_%s", from, to, who.name), func(t *testing.T) {
						e := e.on(t)
						intern, p, ev := evalFixture(e, 40)
						ev = reach(e, intern, ev, from)
						caller := who.name
						if caller == "intern" {
							caller = intern
						}
						want, code := http.StatusOK, ""
						side, exists := moves[[2]tracker.EvalState{from, to}]
						switch {
						case who.hid:
							want, code = http.StatusNotFound, tracker.ECodeNotFound
						case from == tracker.EvalSigned:
							want, code = http.StatusConflict, tracker.ECodeEvaluationSigned
						case who.side == 0:
							want, code = http.StatusForbidden, tracker.ECodeForbidden
						case from == to:
						case !exists:
							want, code = http.StatusConflict, tracker.ECodeInvalidTransition
						case side != who.side:
							want, code = http.StatusForbidden, tracker.ECodeForbidden
						}
						path := v1("/placements/%d/evaluations/%d", p.ID, ev.ID)
						r := e.as(caller).patch(path, ev.Version, map[string]any{"state": to})
						if code != "" {
							r.wantProblem(want, code)
							return
						}
						var got tracker.Evaluation
						r.want(want).decode(&got)
						if got.State != to {
							t.Fatalf("state %s, want %s", got.State, to)
						}
						if to == tracker.EvalSigned && (got.SignedAt == nil || got.SignedBy == nil || *got.SignedBy != e.id(caller) || got.SignedByName == "") {
							t.Fatalf("signed without signed_at/signed_by: %+v", got)
						}
					})
				}
			}
		}
	})
}

// TestEvaluationFlow walks one mid-term evaluation from the intern's
// self-assessment to the supervisor's signature, and checks what each side
// sees on the way and that a signed evaluation changes no more.
func TestEvaluationFlow(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		intern, p, ev := evalFixture(e, 80)
		path := v1("/placements/%d/evaluations/%d", p.ID, ev.ID)
		in, sup := e.as(intern), e.as(uSupCPP)
		var got tracker.Evaluation
		read := func(c *client) tracker.Evaluation {
			var v tracker.Evaluation
			c.get(path).want(http.StatusOK).decode(&v)
			return v
		}

		t.Run("DueOnTheSupervisorsList", func(t *testing.T) {
			var l struct{ Items []tracker.Evaluation }
			sup.get(v1("/evaluations?due=true&placement_id=%d", p.ID)).want(http.StatusOK).decode(&l)
			if len(l.Items) != 1 || l.Items[0].ID != ev.ID || l.Items[0].Overdue {
				t.Fatalf("due list %+v, want the mid-term only, not overdue", l.Items)
			}
			e.as(uSupMC).get(v1("/evaluations?due=true")).want(http.StatusOK).decode(&l)
			for _, it := range l.Items {
				if it.PlacementID == p.ID {
					t.Fatal("another branch's supervisor lists the evaluation")
				}
			}
		})
		t.Run("DueDateFollowsTheMilestone", func(t *testing.T) {
			e := e.on(t)
			m, err := e.DB.Store.Milestone(fixtureCtx, e.Users[uAdmin], p.ID, ev.MilestoneID)
			mustFixture(e, "milestone", err)
			nd := tracker.DateOf(e.DB.Clock.Now()).AddDays(-2)
			_, err = e.DB.Store.UpdateMilestone(fixtureCtx, e.Users[uAdmin], p.ID, m.ID, m.Version, store.MilestonePatch{DueDate: &nd})
			mustFixture(e, "move milestone", err)
			if got = read(sup); got.DueDate.String() != nd.String() || !got.Overdue {
				t.Fatalf("due %s overdue %v after moving the milestone to %s", got.DueDate, got.Overdue, nd)
			}
			var b struct {
				EvaluationsDue []store.EvaluationDue `json:"evaluations_due"`
			}
			sup.get(v1("/board")).want(http.StatusOK).decode(&b)
			found := false
			for _, d := range b.EvaluationsDue {
				found = found || (d.EvaluationID == ev.ID && d.Overdue && d.InternName == intern && d.State == tracker.EvalDraft)
			}
			if !found {
				t.Fatalf("the board's evaluations_due %+v lacks the overdue evaluation", b.EvaluationsDue)
			}
		})
		t.Run("InternDraftsAndSubmits", func(t *testing.T) {
			v := read(in)
			r := in.patch(path, v.Version, map[string]any{"self": allScoresJSON(3, "Mine")}).want(http.StatusOK).decode(&got)
			if got.Self == nil || *got.Self.Ratings[0].Score != 3 || got.Self.Comment != "Mine" || got.Supervisor != nil {
				t.Fatalf("after the intern's edit: %+v", got)
			}
			if v := read(sup); v.Self != nil {
				t.Fatal("the supervisor sees the self-assessment of a draft")
			}
			sup.patch(path, got.Version, map[string]any{"state": "reviewed"}).wantProblem(http.StatusConflict, tracker.ECodeInvalidTransition)
			in.patch(path, got.Version, map[string]any{"state": "submitted"}).want(http.StatusOK).decode(&got)
			_ = r
			if got.State != tracker.EvalSubmitted || got.SubmittedAt == nil {
				t.Fatalf("after submitting: %+v", got)
			}
			in.patch(path, got.Version, map[string]any{"self": map[string]any{"comment": "late"}}).wantProblem(http.StatusConflict, tracker.ECodeInvalidTransition)
		})
		t.Run("SupervisorReviewsAndSigns", func(t *testing.T) {
			v := read(sup)
			if v.Self == nil || v.Self.Comment != "Mine" {
				t.Fatalf("the supervisor does not see the submitted self-assessment: %+v", v.Self)
			}
			half := map[string]any{"ratings": []any{map[string]any{"competency": "analysis", "score": 4}}}
			sup.patch(path, v.Version, map[string]any{"supervisor": half, "state": "reviewed"}).wantProblem(http.StatusUnprocessableEntity, tracker.ECodeInvalid).wantField("supervisor")
			if read(sup).Version != v.Version {
				t.Fatal("a refused review half-wrote the scores")
			}
			sup.patch(path, v.Version, map[string]any{"supervisor": allScoresJSON(4, "Theirs")}).want(http.StatusOK).decode(&got)
			if w := read(in); w.Supervisor != nil {
				t.Fatal("the intern sees the supervisor's scores before the review")
			}
			sup.patch(path, got.Version, map[string]any{"state": "reviewed"}).want(http.StatusOK).decode(&got)
			if w := read(in); w.Supervisor == nil || w.Supervisor.Comment != "Theirs" {
				t.Fatal("the intern does not see the supervisor's scores once reviewed")
			}
			sup.patch(path, got.Version, map[string]any{"supervisor": map[string]any{"comment": "x"}}).wantProblem(http.StatusConflict, tracker.ECodeInvalidTransition)
			sup.patch(path, got.Version, map[string]any{"state": "signed"}).want(http.StatusOK).decode(&got)
			if got.SignedAt == nil || got.SignedBy == nil || *got.SignedBy != e.id(uSupCPP) {
				t.Fatalf("signed: %+v", got)
			}
		})
		t.Run("SignedIsReadOnly", func(t *testing.T) {
			for _, who := range []string{intern, uSupCPP, uAdmin} {
				for _, body := range []map[string]any{{"state": "draft"}, {"supervisor": map[string]any{"comment": "x"}}, {"self": map[string]any{"comment": "x"}}, {}} {
					e.as(who).patch(path, got.Version, body).wantProblem(http.StatusConflict, tracker.ECodeEvaluationSigned)
				}
			}
			var l struct{ Items []tracker.Evaluation }
			sup.get(v1("/evaluations?due=true&placement_id=%d", p.ID)).want(http.StatusOK).decode(&l)
			if len(l.Items) != 0 {
				t.Fatalf("a signed evaluation is still due: %+v", l.Items)
			}
		})
		t.Run("Activity", func(t *testing.T) {
			var l struct{ Items []tracker.Activity }
			r := e.as(intern).get(v1("/activity?entity_type=evaluation&entity_id=%d&per_page=100", ev.ID)).want(http.StatusOK).decode(&l)
			// Created, self-assessed, submitted, scored, reviewed, signed.
			if len(l.Items) != 6 {
				t.Fatalf("%d activity rows for the evaluation's life, want its creation and each of 5 changes", len(l.Items))
			}
			if strings.Contains(string(r.Body), "Theirs") || strings.Contains(string(r.Body), "Mine") {
				t.Fatal("the trail carries the assessments' text")
			}
		})
	})
}

// TestEvaluationVersions checks If-Match on an evaluation's PATCH.
func TestEvaluationVersions(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		intern, p, ev := evalFixture(e, 10)
		path := v1("/placements/%d/evaluations/%d", p.ID, ev.ID)
		body := map[string]any{"self": map[string]any{"comment": "a"}}
		e.as(intern).patch(path, 0, body).wantProblem(http.StatusPreconditionRequired, tracker.ECodePreconditionRequired)
		e.as(intern).patch(path, ev.Version+1, body).wantProblem(http.StatusPreconditionFailed, tracker.ECodeVersionMismatch)
		if r := e.as(intern).patch(path, ev.Version, body).want(http.StatusOK); r.etag() != ev.Version+1 {
			t.Fatalf("ETag %d after one change of version %d", r.etag(), ev.Version)
		}
	})
}
