package server

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// reportRoutes registers the weekly reports (issue 7, part 3) on the
// authenticated group.
func (s *Server) reportRoutes(a *echo.Group) {
	a.GET("/reports", s.listAllReports)
	a.GET("/placements/:id/reports", s.listReports)
	a.POST("/placements/:id/reports", s.createReport)
	a.GET("/placements/:id/reports/:rid", s.getReport)
	a.PATCH("/placements/:id/reports/:rid", s.updateReport)
}

// reportFilter reads the filters of a report list.
func reportFilter(q *query) store.ReportFilter {
	f := store.ReportFilter{State: q.str("state"), BranchID: q.int("branch_id"), Page: q.page()}
	if f.State != "" && !tracker.ReportState(f.State).Valid() {
		q.errs.Add("state", "must be draft, submitted, accepted or needs_revision")
	}
	return f
}

func (s *Server) listAllReports(c echo.Context) error {
	q := newQuery(c)
	f := reportFilter(q)
	f.PlacementID = q.int("placement_id")
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.AllReports(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	return listOf(c, items, total, f.Page)
}

func (s *Server) listReports(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	q := newQuery(c)
	f := reportFilter(q)
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.Reports(c.Request().Context(), actor(c), id, f)
	if err != nil {
		return err
	}
	return listOf(c, items, total, f.Page)
}

type createReportRequest struct {
	Week     tracker.Date `json:"week"`
	Done     string       `json:"done"`
	Next     string       `json:"next"`
	Blockers string       `json:"blockers"`
}

func (s *Server) createReport(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req createReportRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	r, err := s.store.CreateReport(c.Request().Context(), actor(c), id, store.NewReport(req))
	if err != nil {
		return err
	}
	return created(c, fmt.Sprintf("/api/v1/placements/%d/reports/%d", id, r.ID), r.Version, r)
}

func (s *Server) getReport(c echo.Context) error {
	placementID, id, err := pathIDs(c, "rid")
	if err != nil {
		return err
	}
	r, err := s.store.Report(c.Request().Context(), actor(c), placementID, id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, r.Version, r)
}

type updateReportRequest struct {
	Done          *string              `json:"done"`
	Next          *string              `json:"next"`
	Blockers      *string              `json:"blockers"`
	State         *tracker.ReportState `json:"state"`
	ReviewComment *string              `json:"review_comment"`
}

func (s *Server) updateReport(c echo.Context) error {
	placementID, id, err := pathIDs(c, "rid")
	if err != nil {
		return err
	}
	var req updateReportRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	r, err := s.store.UpdateReport(c.Request().Context(), actor(c), placementID, id, version, store.ReportPatch(req))
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, r.Version, r)
}
