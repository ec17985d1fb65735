package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func (s *Server) listProjects(c echo.Context) error {
	q := newQuery(c)
	f := store.ProjectFilter{StreamID: q.int("stream_id"), BranchID: q.int("branch_id"), TagID: q.int("tag_id"),
		OwnerID: q.int("owner_id"), Status: q.str("status"), Q: q.str("q"), Page: q.page()}
	if f.Status != "" && !tracker.ValidProjectStatus(f.Status) {
		q.errs.Add("status", "must be active, on_hold, completed or cancelled")
	}
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.Projects(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	return listOf(c, items, total, f.Page)
}

type createProjectRequest struct {
	StreamID    *int64                         `json:"stream_id"`
	BranchID    *int64                         `json:"branch_id"`
	Title       *string                        `json:"title"`
	Description *string                        `json:"description"`
	OwnerID     *int64                         `json:"owner_id"`
	StartDate   tracker.Nullable[tracker.Date] `json:"start_date"`
	EndDate     tracker.Nullable[tracker.Date] `json:"end_date"`
	Status      *string                        `json:"status"`
	TagIDs      *[]int64                       `json:"tag_ids"`
}

func (s *Server) createProject(c echo.Context) error {
	var req createProjectRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := s.store.CreateProject(c.Request().Context(), actor(c), store.ProjectInput(req))
	if err != nil {
		return err
	}
	return created(c, "/api/v1/projects/"+strconv.FormatInt(p.ID, 10), p.Version, p)
}

func (s *Server) getProject(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	p, err := s.store.Project(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, p.Version, p)
}

// updateProjectRequest has no branch_id: a project stays in its branch.
type updateProjectRequest struct {
	StreamID    *int64                         `json:"stream_id"`
	Title       *string                        `json:"title"`
	Description *string                        `json:"description"`
	OwnerID     *int64                         `json:"owner_id"`
	StartDate   tracker.Nullable[tracker.Date] `json:"start_date"`
	EndDate     tracker.Nullable[tracker.Date] `json:"end_date"`
	Status      *string                        `json:"status"`
	TagIDs      *[]int64                       `json:"tag_ids"`
}

func (s *Server) updateProject(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req updateProjectRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	p, err := s.store.UpdateProject(c.Request().Context(), actor(c), id, version, store.ProjectInput{
		StreamID: req.StreamID, Title: req.Title, Description: req.Description, OwnerID: req.OwnerID,
		StartDate: req.StartDate, EndDate: req.EndDate, Status: req.Status, TagIDs: req.TagIDs})
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, p.Version, p)
}

func (s *Server) deleteProject(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.store.DeleteProject(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	return noContent(c)
}
