package server

import "github.com/labstack/echo/v4"

// getHandover answers a placement's handover report to whoever may read
// the placement.
func (s *Server) getHandover(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	h, err := s.store.Handover(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return ok(c, h)
}
