package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func (s *Server) listUsers(c echo.Context) error {
	q := newQuery(c)
	f := store.UserFilter{Role: q.str("role"), BranchID: q.int("branch_id"), Active: q.boolPtr("active"), Q: q.str("q"), Page: q.page()}
	if f.Role != "" && !tracker.Role(f.Role).Valid() {
		q.errs.Add("role", "must be admin, leadership, supervisor or intern")
	}
	if err := q.err(); err != nil {
		return err
	}
	items, total, err := s.store.Users(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	return listOf(c, items, total, f.Page)
}

type createUserRequest struct {
	Email    string       `json:"email"`
	Name     string       `json:"name"`
	Role     tracker.Role `json:"role"`
	BranchID *int64       `json:"branch_id"`
	Locale   string       `json:"locale"`
	Password string       `json:"password"`
}

func (s *Server) createUser(c echo.Context) error {
	var req createUserRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a := actor(c)
	if !a.CanManageUsers() {
		return tracker.Forbidden("only an admin may create users")
	}
	if err := passwordPolicy("password", req.Password); err != nil {
		return err
	}
	hash, err := s.hasher.Hash(req.Password)
	if err != nil {
		return err
	}
	u, err := s.store.CreateUser(c.Request().Context(), a, store.NewUser{Email: req.Email, Name: req.Name, Role: req.Role,
		BranchID: req.BranchID, Locale: req.Locale, PasswordHash: hash})
	if err != nil {
		return err
	}
	return created(c, "/api/v1/users/"+strconv.FormatInt(u.ID, 10), u.Version, u)
}

func (s *Server) getUser(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	u, err := s.store.User(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, u.Version, u)
}

type updateUserRequest struct {
	Email    *string                 `json:"email"`
	Name     *string                 `json:"name"`
	Role     *tracker.Role           `json:"role"`
	BranchID tracker.Nullable[int64] `json:"branch_id"`
	Locale   *string                 `json:"locale"`
	Active   *bool                   `json:"active"`
}

func (s *Server) updateUser(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req updateUserRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	u, err := s.store.UpdateUser(c.Request().Context(), actor(c), id, version, store.UserPatch(req))
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, u.Version, u)
}
