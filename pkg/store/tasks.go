package store

import (
	"context"
	"fmt"
	"math"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// maxEstimateHours bounds a task's estimate.
const maxEstimateHours = 10000

// TaskInput is the body of a task create or update; nil and unset fields
// are left alone on update. A task's status changes only through the
// workflow: a new task always starts in todo.
type TaskInput struct {
	ProjectID     *int64
	Title         *string
	Description   *string
	AssigneeID    tracker.Nullable[int64]
	Status        *tracker.Status
	Priority      *tracker.Priority
	StartDate     tracker.Nullable[tracker.Date]
	DueDate       tracker.Nullable[tracker.Date]
	EstimateHours tracker.Nullable[float64]
	TagIDs        *[]int64
}

// onlyStatus reports whether in changes nothing but the status, the one
// thing an intern may change on a task assigned to them.
func (in TaskInput) onlyStatus() bool {
	return in.ProjectID == nil && in.Title == nil && in.Description == nil && !in.AssigneeID.Set && in.Priority == nil &&
		!in.StartDate.Set && !in.DueDate.Set && !in.EstimateHours.Set && in.TagIDs == nil
}

// isNotFound reports whether err is the domain's not-found.
func isNotFound(err error) bool { return tracker.ErrorCode(err) == tracker.ECodeNotFound }

// CreateTask adds a task, in todo, to a project whose branch actor edits
// the work of. The task takes its stream and branch from the project.
func (s *Store) CreateTask(ctx context.Context, actor *tracker.User, in TaskInput) (*tracker.Task, error) {
	if !editsSomeWork(actor) {
		return nil, tracker.Forbidden("only an admin or a supervisor of the branch may create tasks")
	}
	now := s.Now()
	t := tracker.Task{Status: tracker.StatusTodo, Priority: tracker.PriorityMedium, CreatedBy: actor.ID,
		StatusSince: now, Version: 1, TagIDs: []int64{}}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if in.ProjectID == nil {
			return tracker.Invalid("project_id", "is required")
		}
		p, err := loadProject(tx, actor, *in.ProjectID)
		if isNotFound(err) {
			return tracker.Invalid("project_id", "no such project")
		} else if err != nil {
			return err
		}
		if !actor.CanEditWork(p.BranchID) {
			return tracker.Forbidden("you may add tasks only to projects of your own branch")
		}
		t.ProjectID, t.StreamID, t.BranchID = p.ID, p.StreamID, p.BranchID
		in.ProjectID = nil
		if in.Status != nil && *in.Status != tracker.StatusTodo {
			return tracker.Invalid("status", "a new task starts in todo; move it through the workflow")
		}
		if _, err := s.applyTask(tx, actor, &t, in, true); err != nil {
			return err
		}
		if err := tx.Create(&t).Error; err != nil {
			return err
		}
		if in.TagIDs != nil {
			t.TagIDs = normTagIDs(*in.TagIDs)
			if err := taskTags.set(tx, t.ID, t.TagIDs); err != nil {
				return err
			}
		}
		err = record(tx, now, actor, tracker.ActionCreate, tracker.EntityTask, t.ID, &t.BranchID, t.AssigneeID, created(map[string]any{
			"project_id": t.ProjectID, "title": t.Title, "assignee_id": t.AssigneeID, "status": t.Status, "priority": t.Priority,
			"start_date": nullStr(t.StartDate.String()), "due_date": nullStr(t.DueDate.String()),
			"estimate_hours": t.EstimateHours, "tag_ids": t.TagIDs}))
		if err != nil {
			return err
		}
		if err := s.notifyNewTask(tx, actor, &t); err != nil {
			return err
		}
		return new(namer).tasks(&t).fill(tx)
	})
	if err != nil {
		return nil, fmt.Errorf("store: create task: %w", err)
	}
	t.Overdue = t.IsOverdue(s.Today())
	return &t, nil
}

// applyTask validates the fields of in that an editor sets (all but the
// status) and applies them to t, returning what changed. create makes the
// title required.
func (s *Store) applyTask(tx *gorm.DB, actor *tracker.User, t *tracker.Task, in TaskInput, create bool) (diff, error) {
	probs, d := tracker.Problems{}, diff{}
	if in.ProjectID != nil && *in.ProjectID != t.ProjectID {
		if err := moveToProject(tx, actor, probs, &d, t, *in.ProjectID); err != nil {
			return d, err
		}
	}
	title := trimmed(in.Title)
	checkText(probs, "title", title, maxTitle, create || title != nil)
	d.str("title", &t.Title, title)
	checkText(probs, "description", in.Description, maxDescription, false)
	d.str("description", &t.Description, in.Description)
	if v := in.AssigneeID.Value; v != nil && (t.AssigneeID == nil || *t.AssigneeID != *v) {
		if err := checkAssignee(tx, probs, *v, t.BranchID, s.Today()); err != nil {
			return d, err
		}
	}
	ptr(&d, "assignee_id", &t.AssigneeID, in.AssigneeID)
	if in.Priority != nil && !in.Priority.Valid() {
		probs.Add("priority", "must be low, medium, high or urgent")
	}
	set(&d, "priority", &t.Priority, in.Priority)
	d.date("start_date", &t.StartDate, in.StartDate)
	d.date("due_date", &t.DueDate, in.DueDate)
	if !t.StartDate.IsZero() && !t.DueDate.IsZero() && t.DueDate.Before(t.StartDate) {
		probs.Add("due_date", "must not be before start_date")
	}
	if v := in.EstimateHours.Value; v != nil && (math.IsNaN(*v) || *v < 0 || *v > maxEstimateHours) {
		probs.Add("estimate_hours", fmt.Sprintf("must be between 0 and %d", maxEstimateHours))
	}
	ptr(&d, "estimate_hours", &t.EstimateHours, in.EstimateHours)
	if in.TagIDs != nil {
		if err := checkTags(tx, probs, *in.TagIDs); err != nil {
			return d, err
		}
	}
	return d, probs.Err()
}

// moveToProject applies a new project to t: it must be visible to actor
// and of the task's branch; the task takes on its stream.
func moveToProject(tx *gorm.DB, actor *tracker.User, probs tracker.Problems, d *diff, t *tracker.Task, id int64) error {
	p, err := loadProject(tx, actor, id)
	switch {
	case isNotFound(err):
		probs.Add("project_id", "no such project")
	case err != nil:
		return err
	case p.BranchID != t.BranchID:
		probs.Add("project_id", "must be a project of the task's branch")
	default:
		set(d, "project_id", &t.ProjectID, &p.ID)
		set(d, "stream_id", &t.StreamID, &p.StreamID)
	}
	return nil
}

// checkAssignee records a problem on assignee_id unless id is an active
// intern with a placement in branch that has not ended by today.
func checkAssignee(tx *gorm.DB, p tracker.Problems, id, branch int64, today tracker.Date) error {
	var n int64
	err := tx.Table("placements").Joins("JOIN users ON users.id = placements.intern_id").
		Where("users.id = ? AND users.active = ? AND users.role = ? AND placements.branch_id = ? AND placements.end_date >= ?",
			id, true, string(tracker.RoleIntern), branch, today).Count(&n).Error
	if err != nil {
		return err
	}
	if n == 0 {
		p.Add("assignee_id", "no such intern placed in this branch")
	}
	return nil
}

// applyMove moves t to status to in the capacity m, through the workflow.
// Done means progress 100 and a completion time; leaving done clears it.
func applyMove(d *diff, t *tracker.Task, m tracker.Mover, to *tracker.Status, now time.Time) error {
	if to == nil || *to == t.Status {
		return nil
	}
	if err := tracker.CheckMove(m, t.Status, *to); err != nil {
		return err
	}
	from := t.Status
	set(d, "status", &t.Status, to)
	// status_since and completed_at follow the status; the status change
	// itself is what the trail records.
	t.StatusSince = now
	d.cols["status_since"] = now
	switch {
	case *to == tracker.StatusDone:
		full := 100
		set(d, "progress", &t.Progress, &full)
		t.CompletedAt = &now
		d.cols["completed_at"] = now
	case from == tracker.StatusDone:
		t.CompletedAt = nil
		d.cols["completed_at"] = nil
	}
	return nil
}

// loadTask reads task id in tx, answering not found when it is missing or
// hidden from actor.
func loadTask(tx *gorm.DB, actor *tracker.User, id int64) (*tracker.Task, error) {
	var t tracker.Task
	if err := tx.First(&t, id).Error; err != nil {
		return nil, notFound(err, "task")
	}
	if !actor.CanReadWork(t.BranchID) {
		return nil, tracker.NotFound("task")
	}
	return &t, nil
}

// forUpdate locks the row it reads until the transaction ends (PostgreSQL;
// SQLite's single writer needs no lock).
func forUpdate(tx *gorm.DB) *gorm.DB { return tx.Clauses(clause.Locking{Strength: "UPDATE"}) }

// taskMover loads task id for a status move, a progress log or a comment
// by actor, and says in which capacity actor acts on it.
func taskMover(tx *gorm.DB, actor *tracker.User, id int64) (*tracker.Task, tracker.Mover, error) {
	t, err := loadTask(tx, actor, id)
	if err != nil {
		return nil, 0, err
	}
	m, ok := actor.MoverFor(t)
	if !ok {
		return nil, 0, tracker.Forbidden("only the intern assigned to the task, a supervisor of its branch or an admin may work on it")
	}
	return t, m, nil
}

// UpdateTask changes a task whose version is still version. An editor of
// the branch changes anything; the intern assigned to the task only moves
// its status, within the workflow.
func (s *Store) UpdateTask(ctx context.Context, actor *tracker.User, id, version int64, in TaskInput) (*tracker.Task, error) {
	var t *tracker.Task
	err := s.write(ctx, func(tx *gorm.DB) error {
		var m tracker.Mover
		var err error
		if t, m, err = taskMover(forUpdate(tx), actor, id); err != nil {
			return err
		}
		if m == tracker.MoverAssignee && !in.onlyStatus() {
			return tracker.Forbidden("an intern may change only the status of a task assigned to them")
		}
		tags, err := taskTags.of(tx, []int64{id})
		if err != nil {
			return err
		}
		t.TagIDs = tags[id]
		d := diff{}
		if m == tracker.MoverReviewer {
			if d, err = s.applyTask(tx, actor, t, in, false); err != nil {
				return err
			}
			if in.TagIDs != nil {
				after := normTagIDs(*in.TagIDs)
				d.tags(t.TagIDs, after, s.Now())
				t.TagIDs = after
			}
		}
		if err := applyMove(&d, t, m, in.Status, s.Now()); err != nil {
			return err
		}
		if err := s.update(tx, actor, "tasks", tracker.EntityTask, id, version, d, &t.Version, &t.BranchID, t.AssigneeID); err != nil {
			return err
		}
		if err := s.notifyTask(tx, actor, t, d); err != nil {
			return err
		}
		if in.TagIDs != nil && m == tracker.MoverReviewer {
			if err := taskTags.set(tx, id, t.TagIDs); err != nil {
				return err
			}
		}
		return new(namer).tasks(t).fill(tx)
	})
	if err != nil {
		return nil, fmt.Errorf("store: update task: %w", err)
	}
	t.Overdue = t.IsOverdue(s.Today())
	return t, nil
}

// DeleteTask removes a task with its progress history and comments.
func (s *Store) DeleteTask(ctx context.Context, actor *tracker.User, id int64) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		t, err := loadTask(tx, actor, id)
		if err != nil {
			return err
		}
		if !actor.CanEditWork(t.BranchID) {
			return tracker.Forbidden("only an admin or a supervisor of the branch may delete its tasks")
		}
		if err := tx.Delete(&tracker.Task{}, id).Error; err != nil {
			return err
		}
		return record(tx, s.Now(), actor, tracker.ActionDelete, tracker.EntityTask, id, &t.BranchID, t.AssigneeID,
			deleted(map[string]any{"title": t.Title, "project_id": t.ProjectID, "status": t.Status}))
	})
	if err != nil {
		return fmt.Errorf("store: delete task: %w", err)
	}
	return nil
}

// Task returns task id if actor may read it, with its tags and whether it
// is overdue.
func (s *Store) Task(ctx context.Context, actor *tracker.User, id int64) (*tracker.Task, error) {
	db := s.read(ctx)
	t, err := loadTask(db, actor, id)
	if err != nil {
		return nil, err
	}
	out := []tracker.Task{*t}
	if err := s.fillTasks(db, out); err != nil {
		return nil, fmt.Errorf("store: task: %w", err)
	}
	return &out[0], nil
}
