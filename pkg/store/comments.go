package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// maxCommentBody bounds a comment.
const maxCommentBody = 10000

var commentSorts = map[string]string{"created_at": "comments.created_at", "id": "comments.id"}

func checkCommentBody(body string) error {
	p := tracker.Problems{}
	checkText(p, "body", &body, maxCommentBody, true)
	return p.Err()
}

// AddComment adds a remark to task taskID, by its assignee, a supervisor
// of its branch or an admin.
func (s *Store) AddComment(ctx context.Context, actor *tracker.User, taskID int64, body string) (*tracker.Comment, error) {
	var c tracker.Comment
	err := s.write(ctx, func(tx *gorm.DB) error {
		t, _, err := taskMover(tx, actor, taskID)
		if err != nil {
			return err
		}
		if err := checkCommentBody(body); err != nil {
			return err
		}
		c = tracker.Comment{TaskID: taskID, AuthorID: actor.ID, Body: body, Version: 1}
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
		err = record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityComment, c.ID, &t.BranchID, t.AssigneeID,
			created(map[string]any{"task_id": taskID, "body": body}))
		if err != nil {
			return err
		}
		if err := s.notifyComment(tx, actor, t); err != nil {
			return err
		}
		return new(namer).comments(&c).fill(tx)
	})
	if err != nil {
		return nil, fmt.Errorf("store: add comment: %w", err)
	}
	return &c, nil
}

// Comments lists the comments of task taskID, oldest first.
func (s *Store) Comments(ctx context.Context, actor *tracker.User, taskID int64, p Page) ([]tracker.Comment, int64, error) {
	db := s.read(ctx)
	if _, err := loadTask(db, actor, taskID); err != nil {
		return nil, 0, err
	}
	var out []tracker.Comment
	q := db.Model(&tracker.Comment{}).Where("comments.task_id = ?", taskID)
	total, err := list(ctx, q, p, "created_at", commentSorts, "comments", &out)
	if err == nil {
		err = new(namer).comments(ptrs(out)...).fill(db)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: comments: %w", err)
	}
	return out, total, nil
}

// loadComment reads comment id of task t; a comment of another task is not
// found.
func loadComment(tx *gorm.DB, t *tracker.Task, id int64) (*tracker.Comment, error) {
	var c tracker.Comment
	if err := tx.Where("id = ? AND task_id = ?", id, t.ID).First(&c).Error; err != nil {
		return nil, notFound(err, "comment")
	}
	return &c, nil
}

// Comment returns comment id of task taskID.
func (s *Store) Comment(ctx context.Context, actor *tracker.User, taskID, id int64) (*tracker.Comment, error) {
	db := s.read(ctx)
	t, err := loadTask(db, actor, taskID)
	if err != nil {
		return nil, err
	}
	c, err := loadComment(db, t, id)
	if err != nil {
		return nil, err
	}
	if err := new(namer).comments(c).fill(db); err != nil {
		return nil, fmt.Errorf("store: comment: %w", err)
	}
	return c, nil
}

// UpdateComment changes the body of a comment whose version is still
// version; only its author may.
func (s *Store) UpdateComment(ctx context.Context, actor *tracker.User, taskID, id, version int64, body string) (*tracker.Comment, error) {
	var c *tracker.Comment
	err := s.write(ctx, func(tx *gorm.DB) error {
		t, err := loadTask(tx, actor, taskID)
		if err != nil {
			return err
		}
		if c, err = loadComment(tx, t, id); err != nil {
			return err
		}
		if c.AuthorID != actor.ID {
			return tracker.Forbidden("only its author may edit a comment")
		}
		if err := checkCommentBody(body); err != nil {
			return err
		}
		d := diff{}
		d.str("body", &c.Body, &body)
		if err := s.update(tx, actor, "comments", tracker.EntityComment, id, version, d, &c.Version, &t.BranchID, t.AssigneeID); err != nil {
			return err
		}
		return new(namer).comments(c).fill(tx)
	})
	if err != nil {
		return nil, fmt.Errorf("store: update comment: %w", err)
	}
	return c, nil
}

// DeleteComment removes a comment, by its author or an editor of the
// task's branch.
func (s *Store) DeleteComment(ctx context.Context, actor *tracker.User, taskID, id int64) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		t, err := loadTask(tx, actor, taskID)
		if err != nil {
			return err
		}
		c, err := loadComment(tx, t, id)
		if err != nil {
			return err
		}
		if c.AuthorID != actor.ID && !actor.CanEditWork(t.BranchID) {
			return tracker.Forbidden("only its author or a supervisor of the branch may delete a comment")
		}
		if err := tx.Delete(&tracker.Comment{}, id).Error; err != nil {
			return err
		}
		return record(tx, s.Now(), actor, tracker.ActionDelete, tracker.EntityComment, id, &t.BranchID, t.AssigneeID,
			deleted(map[string]any{"task_id": taskID, "body": c.Body}))
	})
	if err != nil {
		return fmt.Errorf("store: delete comment: %w", err)
	}
	return nil
}
