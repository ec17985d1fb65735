package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func (s *Server) listPlacements(c echo.Context) error {
	q := newQuery(c)
	f := store.PlacementFilter{InternID: q.int("intern_id"), SupervisorID: q.int("supervisor_id"), BranchID: q.int("branch_id"),
		State: q.str("state"), Page: q.page()}
	switch tracker.PlacementState(f.State) {
	case "", tracker.PlacementUpcoming, tracker.PlacementActive, tracker.PlacementEnded:
	default:
		q.errs.Add("state", "must be upcoming, active or ended")
	}
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.Placements(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	return listOf(c, items, total, f.Page)
}

type createPlacementRequest struct {
	InternID     int64        `json:"intern_id"`
	BranchID     int64        `json:"branch_id"`
	SupervisorID int64        `json:"supervisor_id"`
	StartDate    tracker.Date `json:"start_date"`
	EndDate      tracker.Date `json:"end_date"`
	Focus        string       `json:"focus"`
}

func (s *Server) createPlacement(c echo.Context) error {
	var req createPlacementRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := s.store.CreatePlacement(c.Request().Context(), actor(c), store.NewPlacement(req))
	if err != nil {
		return err
	}
	return created(c, "/api/v1/placements/"+strconv.FormatInt(p.ID, 10), p.Version, p)
}

func (s *Server) getPlacement(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	p, err := s.store.Placement(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, p.Version, p)
}

type updatePlacementRequest struct {
	SupervisorID *int64        `json:"supervisor_id"`
	StartDate    *tracker.Date `json:"start_date"`
	EndDate      *tracker.Date `json:"end_date"`
	Focus        *string       `json:"focus"`
}

func (s *Server) updatePlacement(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req updatePlacementRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	p, err := s.store.UpdatePlacement(c.Request().Context(), actor(c), id, version, store.PlacementPatch(req))
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, p.Version, p)
}

func (s *Server) deletePlacement(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.store.DeletePlacement(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	return noContent(c)
}

func (s *Server) listMilestones(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	items, err := s.store.Milestones(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return all(c, items)
}

func (s *Server) getMilestone(c echo.Context) error {
	pid, mid, err := pathIDs(c, "mid")
	if err != nil {
		return err
	}
	m, err := s.store.Milestone(c.Request().Context(), actor(c), pid, mid)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, m.Version, m)
}

type updateMilestoneRequest struct {
	Done    *bool         `json:"done"`
	DueDate *tracker.Date `json:"due_date"`
}

func (s *Server) updateMilestone(c echo.Context) error {
	pid, mid, err := pathIDs(c, "mid")
	if err != nil {
		return err
	}
	var req updateMilestoneRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	m, err := s.store.UpdateMilestone(c.Request().Context(), actor(c), pid, mid, version, store.MilestonePatch(req))
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, m.Version, m)
}

func (s *Server) getTimeline(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	t, err := s.store.Timeline(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return ok(c, t)
}
