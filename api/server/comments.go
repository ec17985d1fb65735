package server

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
)

func (s *Server) listComments(c echo.Context) error {
	taskID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	q := newQuery(c)
	p := q.page()
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.Comments(c.Request().Context(), actor(c), taskID, p)
	if err != nil {
		return err
	}
	return listOf(c, items, total, p)
}

type addCommentRequest struct {
	Body string `json:"body"`
}

func (s *Server) addComment(c echo.Context) error {
	taskID, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req addCommentRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	cm, err := s.store.AddComment(c.Request().Context(), actor(c), taskID, req.Body)
	if err != nil {
		return err
	}
	return created(c, fmt.Sprintf("/api/v1/tasks/%d/comments/%d", taskID, cm.ID), cm.Version, cm)
}

func (s *Server) getComment(c echo.Context) error {
	taskID, id, err := pathIDs(c, "cid")
	if err != nil {
		return err
	}
	cm, err := s.store.Comment(c.Request().Context(), actor(c), taskID, id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, cm.Version, cm)
}

type updateCommentRequest struct {
	Body string `json:"body"`
}

func (s *Server) updateComment(c echo.Context) error {
	taskID, id, err := pathIDs(c, "cid")
	if err != nil {
		return err
	}
	var req updateCommentRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	cm, err := s.store.UpdateComment(c.Request().Context(), actor(c), taskID, id, version, req.Body)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, cm.Version, cm)
}

func (s *Server) deleteComment(c echo.Context) error {
	taskID, id, err := pathIDs(c, "cid")
	if err != nil {
		return err
	}
	if err := s.store.DeleteComment(c.Request().Context(), actor(c), taskID, id); err != nil {
		return err
	}
	return noContent(c)
}
