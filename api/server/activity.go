package server

import (
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
)

func (s *Server) listActivity(c echo.Context) error {
	q := newQuery(c)
	f := store.ActivityFilter{EntityType: q.str("entity_type"), EntityID: q.int("entity_id"), ActorID: q.int("actor_id"),
		BranchID: q.int("branch_id"), Page: q.page()}
	if f.EntityType != "" && !slices.Contains(store.EntityTypes, f.EntityType) {
		q.errs.Add("entity_type", "must be one of "+strings.Join(store.EntityTypes, ", "))
	}
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.Activity(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	return listOf(c, items, total, f.Page)
}
