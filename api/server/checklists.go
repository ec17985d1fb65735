package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// checklistRoutes registers the branches' checklist templates and the
// placements' checklists on the authenticated group a.
func (s *Server) checklistRoutes(a *echo.Group) {
	a.GET("/branches/:id/checklist", s.listChecklistTemplate)
	a.POST("/branches/:id/checklist", s.createChecklistTemplateItem)
	a.GET("/branches/:id/checklist/:tid", s.getChecklistTemplateItem)
	a.PATCH("/branches/:id/checklist/:tid", s.updateChecklistTemplateItem)
	a.DELETE("/branches/:id/checklist/:tid", s.deleteChecklistTemplateItem)
	a.GET("/placements/:id/checklist", s.listChecklist)
	a.GET("/placements/:id/checklist/:iid", s.getChecklistItem)
	a.PATCH("/placements/:id/checklist/:iid", s.tickChecklistItem)
}

func (s *Server) listChecklistTemplate(c echo.Context) error {
	branch, err := pathID(c, "id")
	if err != nil {
		return err
	}
	items, err := s.store.ChecklistTemplate(c.Request().Context(), actor(c), branch)
	if err != nil {
		return err
	}
	return all(c, items)
}

type checklistTemplateRequest struct {
	Title      *string `json:"title"`
	Phase      *string `json:"phase"`
	Anchor     *string `json:"anchor"`
	OffsetDays *int    `json:"offset_days"`
}

func (s *Server) createChecklistTemplateItem(c echo.Context) error {
	branch, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req checklistTemplateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, err := s.store.CreateChecklistTemplateItem(c.Request().Context(), actor(c), branch, store.ChecklistTemplateInput(req))
	if err != nil {
		return err
	}
	loc := "/api/v1/branches/" + strconv.FormatInt(branch, 10) + "/checklist/" + strconv.FormatInt(t.ID, 10)
	return created(c, loc, t.Version, t)
}

func (s *Server) getChecklistTemplateItem(c echo.Context) error {
	branch, id, err := pathIDs(c, "tid")
	if err != nil {
		return err
	}
	t, err := s.store.ChecklistTemplateItem(c.Request().Context(), actor(c), branch, id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, t.Version, t)
}

func (s *Server) updateChecklistTemplateItem(c echo.Context) error {
	branch, id, err := pathIDs(c, "tid")
	if err != nil {
		return err
	}
	var req checklistTemplateRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	t, err := s.store.UpdateChecklistTemplateItem(c.Request().Context(), actor(c), branch, id, version, store.ChecklistTemplateInput(req))
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, t.Version, t)
}

func (s *Server) deleteChecklistTemplateItem(c echo.Context) error {
	branch, id, err := pathIDs(c, "tid")
	if err != nil {
		return err
	}
	if err := s.store.DeleteChecklistTemplateItem(c.Request().Context(), actor(c), branch, id); err != nil {
		return err
	}
	return noContent(c)
}

func (s *Server) listChecklist(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	items, err := s.store.Checklist(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return all(c, items)
}

func (s *Server) getChecklistItem(c echo.Context) error {
	pid, id, err := pathIDs(c, "iid")
	if err != nil {
		return err
	}
	it, err := s.store.ChecklistItem(c.Request().Context(), actor(c), pid, id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, it.Version, it)
}

type tickChecklistRequest struct {
	Done *bool `json:"done"`
}

func (s *Server) tickChecklistItem(c echo.Context) error {
	pid, id, err := pathIDs(c, "iid")
	if err != nil {
		return err
	}
	var req tickChecklistRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if req.Done == nil {
		return tracker.Invalid("done", "is required: true to tick the item, false to untick it")
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	it, err := s.store.TickChecklistItem(c.Request().Context(), actor(c), pid, id, version, *req.Done)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, it.Version, it)
}
