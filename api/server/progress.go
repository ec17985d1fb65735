package server

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
)

func (s *Server) listProgress(c echo.Context) error {
	taskID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	q := newQuery(c)
	p := q.page()
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.ProgressLogs(c.Request().Context(), actor(c), taskID, p)
	if err != nil {
		return err
	}
	return listOf(c, items, total, p)
}

type addProgressRequest struct {
	Note     string   `json:"note"`
	Progress *int     `json:"progress"`
	Hours    *float64 `json:"hours"`
}

func (s *Server) addProgress(c echo.Context) error {
	taskID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req addProgressRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	log, _, err := s.store.AddProgress(c.Request().Context(), actor(c), taskID, store.NewProgress(req))
	if err != nil {
		return err
	}
	// A log is never edited, so it has no version and no ETag.
	return created(c, fmt.Sprintf("/api/v1/tasks/%d/progress/%d", taskID, log.ID), 0, log)
}

func (s *Server) getProgress(c echo.Context) error {
	taskID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	id, err := pathID(c, "pid")
	if err != nil {
		return err
	}
	l, err := s.store.ProgressLog(c.Request().Context(), actor(c), taskID, id)
	if err != nil {
		return err
	}
	return ok(c, l)
}
