package server

import (
	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// handoverRoutes registers the handover action and the stored handovers
// (issue 7, part 5).
func (s *Server) handoverRoutes(a *echo.Group) {
	a.POST("/placements/:id/handover", s.handOver)
	a.GET("/handovers/:id", s.getStoredHandover)
	a.GET("/me/handovers", s.receivedHandovers)
}

type handoverRequest struct {
	SuccessorID tracker.Nullable[int64] `json:"successor_id"`
	Note        string                  `json:"note"`
}

// handOver passes a placement's open tasks on and makes it read-only.
func (s *Server) handOver(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req handoverRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if !req.SuccessorID.Set {
		return tracker.Invalid("successor_id", "is required: an intern's id, or null to hand the tasks back to the supervisor")
	}
	h, err := s.store.HandOver(c.Request().Context(), actor(c), id, store.HandoverInput{SuccessorID: req.SuccessorID.Value, Note: req.Note})
	if err != nil {
		return err
	}
	return ok(c, h)
}

// getStoredHandover answers a stored handover to its successor or to
// whoever may read its placement.
func (s *Server) getStoredHandover(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	h, err := s.store.StoredHandover(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return ok(c, h)
}

// receivedHandovers lists the handovers whose successor is the caller.
func (s *Server) receivedHandovers(c echo.Context) error {
	items, err := s.store.ReceivedHandovers(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return all(c, items)
}
