package server

import (
	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
)

func (s *Server) getBoard(c echo.Context) error {
	q := newQuery(c)
	f := store.BoardFilter{BranchID: q.int("branch_id"), StreamID: q.int("stream_id"), AsOf: q.date("as_of")}
	if err := q.err(); err != nil {
		return err
	}
	b, err := s.store.Board(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	return ok(c, b)
}
