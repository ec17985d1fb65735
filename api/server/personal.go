package server

import (
	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// personalRoutes registers issue 7's personal data: everyone's own export,
// and the anonymisation of former interns by admins.
func (s *Server) personalRoutes(a *echo.Group) {
	a.GET("/me/export", s.exportMe)
	a.GET("/admin/anonymise", s.anonymiseCandidates)
	a.POST("/admin/anonymise", s.anonymise)
}

// exportMe answers the caller's whole record as a JSON attachment.
func (s *Server) exportMe(c echo.Context) error {
	x, err := s.store.PersonalExport(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	name := "my-data-" + tracker.DateOf(s.now()).String() + ".json"
	c.Response().Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	return ok(c, x)
}

func (s *Server) anonymiseCandidates(c echo.Context) error {
	out, err := s.store.AnonymiseCandidates(c.Request().Context(), actor(c), s.cfg.AnonymiseAfterMonths)
	if err != nil {
		return err
	}
	return ok(c, out)
}

// anonymiseRequest names one person, or asks for every candidate.
type anonymiseRequest struct {
	UserID *int64 `json:"user_id"`
	All    *bool  `json:"all"`
}

func (s *Server) anonymise(c echo.Context) error {
	if !actor(c).CanManageUsers() {
		return tracker.Forbidden("only an admin may anonymise people")
	}
	var req anonymiseRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	var user int64
	switch {
	case req.UserID != nil && req.All != nil:
		return tracker.Invalid("all", "give either user_id or all, not both")
	case req.UserID != nil:
		if *req.UserID < 1 {
			return tracker.Invalid("user_id", "must be a user id")
		}
		user = *req.UserID
	case req.All == nil:
		return tracker.Invalid("user_id", "is required (or all: true)")
	case !*req.All:
		return tracker.Invalid("all", "must be true")
	}
	out, err := s.store.Anonymise(c.Request().Context(), actor(c), s.cfg.AnonymiseAfterMonths, user)
	if err != nil {
		return err
	}
	return ok(c, out)
}
