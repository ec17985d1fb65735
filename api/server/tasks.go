package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func (s *Server) listTasks(c echo.Context) error {
	f, err := taskFilter(c, true)
	if err != nil {
		return err
	}
	items, total, err := s.store.Tasks(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	return listOf(c, items, total, f.Page)
}

// statuses reads a comma-separated list of task statuses.
func (q *query) statuses(name string) []tracker.Status {
	v := q.str(name)
	if v == "" {
		return nil
	}
	var out []tracker.Status
	for _, part := range strings.Split(v, ",") {
		st := tracker.Status(strings.TrimSpace(part))
		if !st.Valid() {
			q.errs.Add(name, "must be a comma-separated list of todo, in_progress, blocked, in_review, done")
			return nil
		}
		out = append(out, st)
	}
	return out
}

// createTaskRequest has no status (a new task starts in todo) and nothing
// the server decides (id, version, created_by, stream and branch).
type createTaskRequest struct {
	ProjectID     *int64                         `json:"project_id"`
	Title         *string                        `json:"title"`
	Description   *string                        `json:"description"`
	AssigneeID    tracker.Nullable[int64]        `json:"assignee_id"`
	Priority      *tracker.Priority              `json:"priority"`
	StartDate     tracker.Nullable[tracker.Date] `json:"start_date"`
	DueDate       tracker.Nullable[tracker.Date] `json:"due_date"`
	EstimateHours tracker.Nullable[float64]      `json:"estimate_hours"`
	TagIDs        *[]int64                       `json:"tag_ids"`
}

func (s *Server) createTask(c echo.Context) error {
	var req createTaskRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	t, err := s.store.CreateTask(c.Request().Context(), actor(c), store.TaskInput{
		ProjectID: req.ProjectID, Title: req.Title, Description: req.Description, AssigneeID: req.AssigneeID,
		Priority: req.Priority, StartDate: req.StartDate, DueDate: req.DueDate, EstimateHours: req.EstimateHours, TagIDs: req.TagIDs})
	if err != nil {
		return err
	}
	return created(c, "/api/v1/tasks/"+strconv.FormatInt(t.ID, 10), t.Version, t)
}

func (s *Server) getTask(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	t, err := s.store.Task(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, t.Version, t)
}

// updateTaskRequest is a task PATCH; an intern assignee may send only
// status.
type updateTaskRequest struct {
	ProjectID     *int64                         `json:"project_id"`
	Title         *string                        `json:"title"`
	Description   *string                        `json:"description"`
	AssigneeID    tracker.Nullable[int64]        `json:"assignee_id"`
	Status        *tracker.Status                `json:"status"`
	Priority      *tracker.Priority              `json:"priority"`
	StartDate     tracker.Nullable[tracker.Date] `json:"start_date"`
	DueDate       tracker.Nullable[tracker.Date] `json:"due_date"`
	EstimateHours tracker.Nullable[float64]      `json:"estimate_hours"`
	TagIDs        *[]int64                       `json:"tag_ids"`
}

func (s *Server) updateTask(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	var req updateTaskRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	version, err := ifMatch(c)
	if err != nil {
		return err
	}
	t, err := s.store.UpdateTask(c.Request().Context(), actor(c), id, version, store.TaskInput(req))
	if err != nil {
		return err
	}
	return versioned(c, http.StatusOK, t.Version, t)
}

func (s *Server) deleteTask(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.store.DeleteTask(c.Request().Context(), actor(c), id); err != nil {
		return err
	}
	return noContent(c)
}
