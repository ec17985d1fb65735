package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func (s *Server) listBranches(c echo.Context) error {
	items, err := s.store.Branches(c.Request().Context())
	if err != nil {
		return err
	}
	return all(c, items)
}

func (s *Server) getBranch(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	b, err := s.store.Branch(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, b.Version, b)
}

type branchRequest struct {
	Code        *string `json:"code"`
	Name        *string `json:"name"`
	Description *string `json:"description"`
}

func (s *Server) createBranch(c echo.Context) error {
	var req branchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	b, err := s.store.CreateBranch(c.Request().Context(), actor(c), store.RefInput{Code: req.Code, Name: req.Name, Description: req.Description})
	if err != nil {
		return err
	}
	return created(c, "/api/v1/branches/"+strconv.FormatInt(b.ID, 10), b.Version, b)
}

func (s *Server) updateBranch(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req branchRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	b, err := s.store.UpdateBranch(c.Request().Context(), actor(c), id, version, store.RefInput{Code: req.Code, Name: req.Name, Description: req.Description})
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, b.Version, b)
}

func (s *Server) listStreams(c echo.Context) error {
	items, err := s.store.Streams(c.Request().Context())
	if err != nil {
		return err
	}
	return all(c, items)
}

func (s *Server) getStream(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	v, err := s.store.Stream(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return ok(c, v)
}

func (s *Server) listTags(c echo.Context) error {
	q := newQuery(c)
	f := store.TagFilter{Kind: q.str("kind"), Q: q.str("q")}
	if f.Kind != "" && !tracker.ValidTagKind(f.Kind) {
		q.errs.Add("kind", "must be organisation, framework or country")
	}
	if err := q.err(); err != nil {
		return err
	}
	items, err := s.store.Tags(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return all(c, items)
}

func (s *Server) getTag(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	t, err := s.store.Tag(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, t.Version, t)
}

type tagRequest struct {
	Code        *string `json:"code"`
	Name        *string `json:"name"`
	Description *string `json:"description"`
	Kind        *string `json:"kind"`
}

func (s *Server) createTag(c echo.Context) error {
	var req tagRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, err := s.store.CreateTag(c.Request().Context(), actor(c), store.RefInput(req))
	if err != nil {
		return err
	}
	return created(c, "/api/v1/tags/"+strconv.FormatInt(t.ID, 10), t.Version, t)
}

func (s *Server) updateTag(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req tagRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	t, err := s.store.UpdateTag(c.Request().Context(), actor(c), id, version, store.RefInput(req))
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, t.Version, t)
}

func (s *Server) deleteTag(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.store.DeleteTag(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	return noContent(c)
}
