package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// evaluationsRoutes registers the mid-term and final evaluations (issue 7).
func (s *Server) evaluationsRoutes(a *echo.Group) {
	a.GET("/evaluations", s.listEvaluations)
	a.GET("/placements/:id/evaluations", s.placementEvaluations)
	a.GET("/placements/:id/evaluations/:eid", s.getEvaluation)
	a.PATCH("/placements/:id/evaluations/:eid", s.updateEvaluation)
}

func (s *Server) listEvaluations(c echo.Context) error {
	q := newQuery(c)
	f := store.EvaluationFilter{State: tracker.EvalState(q.str("state")), PlacementID: q.int("placement_id"), Page: q.page()}
	if due := q.boolPtr("due"); due != nil {
		f.Due = *due
	}
	if f.State != "" && !f.State.Valid() {
		q.errs.Add("state", "must be draft, submitted, reviewed or signed")
	}
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.EvaluationList(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	return listOf(c, items, total, f.Page)
}

func (s *Server) placementEvaluations(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	items, err := s.store.Evaluations(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return all(c, items)
}

func (s *Server) getEvaluation(c echo.Context) error {
	pid, id, err := pathIDs(c, "eid")
	if err != nil {
		return err
	}
	ev, err := s.store.Evaluation(c.Request().Context(), actor(c), pid, id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, ev.Version, ev)
}

type ratingRequest struct {
	Competency string                `json:"competency"`
	Score      tracker.Nullable[int] `json:"score"`
	Comment    *string               `json:"comment"`
}

type assessmentRequest struct {
	Ratings []ratingRequest `json:"ratings"`
	Comment *string         `json:"comment"`
}

func (a *assessmentRequest) patch() *store.AssessmentPatch {
	if a == nil {
		return nil
	}
	p := &store.AssessmentPatch{Comment: a.Comment}
	for _, r := range a.Ratings {
		p.Ratings = append(p.Ratings, store.RatingPatch(r))
	}
	return p
}

type updateEvaluationRequest struct {
	Self       *assessmentRequest `json:"self"`
	Supervisor *assessmentRequest `json:"supervisor"`
	State      *tracker.EvalState `json:"state"`
}

func (s *Server) updateEvaluation(c echo.Context) error {
	pid, id, err := pathIDs(c, "eid")
	if err != nil {
		return err
	}
	var req updateEvaluationRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	in := store.EvaluationPatch{Self: req.Self.patch(), Supervisor: req.Supervisor.patch(), State: req.State}
	ev, err := s.store.UpdateEvaluation(c.Request().Context(), actor(c), pid, id, version, in)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, ev.Version, ev)
}
