package server

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
)

// objectivesRoutes registers the learning objectives of a placement.
func (s *Server) objectivesRoutes(a *echo.Group) {
	a.GET("/placements/:id/objectives", s.listObjectives)
	a.POST("/placements/:id/objectives", s.createObjective)
	a.GET("/placements/:id/objectives/:oid", s.getObjective)
	a.PATCH("/placements/:id/objectives/:oid", s.updateObjective)
	a.DELETE("/placements/:id/objectives/:oid", s.deleteObjective)
}

func (s *Server) listObjectives(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	items, err := s.store.Objectives(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return all(c, items)
}

// objectiveRequest is the body of POST and PATCH: the title, the
// description and the ids of the linked tasks (replacing the set).
type objectiveRequest struct {
	Title       *string  `json:"title"`
	Description *string  `json:"description"`
	TaskIDs     *[]int64 `json:"task_ids"`
}

func (s *Server) createObjective(c echo.Context) error {
	pid, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req objectiveRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	o, err := s.store.CreateObjective(c.Request().Context(), actor(c), pid, store.ObjectiveInput(req))
	if err != nil {
		return err
	}
	return created(c, fmt.Sprintf("/api/v1/placements/%d/objectives/%d", pid, o.ID), o.Version, o)
}

func (s *Server) getObjective(c echo.Context) error {
	pid, oid, err := pathIDs(c, "oid")
	if err != nil {
		return err
	}
	o, err := s.store.Objective(c.Request().Context(), actor(c), pid, oid)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, o.Version, o)
}

func (s *Server) updateObjective(c echo.Context) error {
	pid, oid, err := pathIDs(c, "oid")
	if err != nil {
		return err
	}
	var req objectiveRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	o, err := s.store.UpdateObjective(c.Request().Context(), actor(c), pid, oid, version, store.ObjectiveInput(req))
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, o.Version, o)
}

func (s *Server) deleteObjective(c echo.Context) error {
	pid, oid, err := pathIDs(c, "oid")
	if err != nil {
		return err
	}
	if err := s.store.DeleteObjective(c.Request().Context(), actor(c), pid, oid); err != nil {
		return err
	}
	return noContent(c)
}
