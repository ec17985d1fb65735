package store

import (
	"context"
	"fmt"
	"math"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// maxNote bounds the note of a progress log.
const maxNote = 4000

// NewProgress is one progress report on a task: a note, the task's new
// completion in percent, and optionally the hours spent.
type NewProgress struct {
	Note     string
	Progress *int
	Hours    *float64
}

func (in NewProgress) validate() error {
	p := tracker.Problems{}
	switch {
	case in.Progress == nil:
		p.Add("progress", "is required")
	case *in.Progress < 0 || *in.Progress > 100:
		p.Add("progress", "must be between 0 and 100")
	}
	if h := in.Hours; h != nil && (math.IsNaN(*h) || *h < 0 || *h > 24) {
		p.Add("hours", "must be between 0 and 24")
	}
	if len(in.Note) > maxNote {
		p.Add("note", fmt.Sprintf("must be at most %d characters", maxNote))
	}
	return p.Err()
}

var progressSorts = map[string]string{"created_at": "progress_logs.created_at", "id": "progress_logs.id"}

// AddProgress appends a progress log to task taskID and, in the same
// transaction, sets the task's progress, moves it from todo to in_progress
// and bumps its version. A done task takes no more progress.
func (s *Store) AddProgress(ctx context.Context, actor *tracker.User, taskID int64, in NewProgress) (*tracker.ProgressLog, *tracker.Task, error) {
	var log tracker.ProgressLog
	var t *tracker.Task
	err := s.write(ctx, func(tx *gorm.DB) error {
		var m tracker.Mover
		var err error
		if t, m, err = taskMover(forUpdate(tx), actor, taskID); err != nil {
			return err
		}
		if err := in.validate(); err != nil {
			return err
		}
		if t.Status == tracker.StatusDone {
			return tracker.Errorf(tracker.ECodeConflict, "the task is done; a supervisor must reopen it before more progress is logged")
		}
		now := s.Now()
		log = tracker.ProgressLog{TaskID: taskID, AuthorID: actor.ID, Note: in.Note, Progress: *in.Progress, Hours: in.Hours, CreatedAt: now}
		if err := tx.Create(&log).Error; err != nil {
			return err
		}
		err = record(tx, now, actor, tracker.ActionCreate, tracker.EntityProgress, log.ID, &t.BranchID, t.AssigneeID,
			created(map[string]any{"task_id": taskID, "progress": log.Progress, "hours": log.Hours, "note": nullStr(log.Note)}))
		if err != nil {
			return err
		}
		if err := s.progressTask(tx, actor, t, m, log.Progress); err != nil {
			return err
		}
		tags, err := taskTags.of(tx, []int64{taskID})
		if err != nil {
			return err
		}
		t.TagIDs = tags[taskID]
		return new(namer).logs(&log).tasks(t).fill(tx)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("store: add progress: %w", err)
	}
	t.Overdue = t.IsOverdue(s.Today())
	return &log, t, nil
}

// progressTask brings task t in line with a new progress log: its
// progress, a start of work when it was still todo, and a new version
// whatever changed.
func (s *Store) progressTask(tx *gorm.DB, actor *tracker.User, t *tracker.Task, m tracker.Mover, progress int) error {
	d := diff{}
	set(&d, "progress", &t.Progress, &progress)
	if t.Status == tracker.StatusTodo {
		start := tracker.StatusInProgress
		if err := applyMove(&d, t, m, &start, s.Now()); err != nil {
			return err
		}
	}
	if !d.empty() {
		return s.update(tx, actor, "tasks", tracker.EntityTask, t.ID, t.Version, d, &t.Version, &t.BranchID, t.AssigneeID)
	}
	// Nothing of the task itself changed, but its history did: a new
	// version tells clients holding the old one to reload.
	now := s.Now()
	err := tx.Table("tasks").Where("id = ?", t.ID).Updates(map[string]any{"version": gorm.Expr("version + 1"), "updated_at": now}).Error
	if err != nil {
		return err
	}
	t.Version++
	t.UpdatedAt = now
	return nil
}

// ProgressLogs lists the progress history of task taskID, newest first.
func (s *Store) ProgressLogs(ctx context.Context, actor *tracker.User, taskID int64, p Page) ([]tracker.ProgressLog, int64, error) {
	db := s.read(ctx)
	if _, err := loadTask(db, actor, taskID); err != nil {
		return nil, 0, err
	}
	var out []tracker.ProgressLog
	q := db.Model(&tracker.ProgressLog{}).Where("progress_logs.task_id = ?", taskID)
	total, err := list(ctx, q, p, "-created_at,-id", progressSorts, "progress_logs", &out)
	if err == nil {
		err = new(namer).logs(ptrs(out)...).fill(db)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: progress logs: %w", err)
	}
	return out, total, nil
}

// ProgressLog returns progress log id of task taskID; a log of another task
// is not found.
func (s *Store) ProgressLog(ctx context.Context, actor *tracker.User, taskID, id int64) (*tracker.ProgressLog, error) {
	db := s.read(ctx)
	if _, err := loadTask(db, actor, taskID); err != nil {
		return nil, err
	}
	var l tracker.ProgressLog
	if err := db.Where("id = ? AND task_id = ?", id, taskID).First(&l).Error; err != nil {
		return nil, notFound(err, "progress log")
	}
	if err := new(namer).logs(&l).fill(db); err != nil {
		return nil, fmt.Errorf("store: progress log: %w", err)
	}
	return &l, nil
}
