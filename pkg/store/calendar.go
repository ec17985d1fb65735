package store

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// MaxCalendarItems caps each kind of item (task due dates, milestones) of
// one calendar feed.
const MaxCalendarItems = 1000

// calendarFeed is a user's calendar feed as stored: the nonce the server
// derives the feed's secret from, and the hash of that secret by which a
// presented URL is found. The secret itself is never stored.
type calendarFeed struct {
	UserID     int64 `gorm:"primaryKey"`
	Nonce      string
	SecretHash string
	CreatedAt  time.Time
}

func (calendarFeed) TableName() string { return "calendar_feeds" }

// FeedHash turns a feed's nonce into the hash of the secret derived from
// it. The server holds the key the derivation needs; the store only keeps
// and compares what it returns.
type FeedHash func(nonce string) string

// CalendarFeed returns the nonce of actor's calendar feed, making the feed
// on first use. A feed whose stored hash no longer matches hash (the
// server's key changed) is re-hashed, which ends its old URL.
func (s *Store) CalendarFeed(ctx context.Context, actor *tracker.User, hash FeedHash) (string, error) {
	var nonce string
	err := s.write(ctx, func(tx *gorm.DB) error {
		var f calendarFeed
		err := tx.Where("user_id = ?", actor.ID).First(&f).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			// Of two first uses at once, one inserts and the other reads
			// the winner's row, so both answer the same URL.
			nf, ferr := s.newFeed(actor.ID, hash)
			if ferr != nil {
				return ferr
			}
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&nf).Error; err != nil {
				return err
			}
			err = tx.Where("user_id = ?", actor.ID).First(&f).Error
		}
		if err != nil {
			return err
		}
		nonce = f.Nonce
		if h := hash(f.Nonce); h != f.SecretHash {
			return tx.Model(&calendarFeed{}).Where("user_id = ?", actor.ID).Update("secret_hash", h).Error
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("store: calendar feed: %w", err)
	}
	return nonce, nil
}

// RotateCalendarFeed gives actor's calendar feed a new nonce, and so a new
// secret: the old URL stops working when the transaction commits.
func (s *Store) RotateCalendarFeed(ctx context.Context, actor *tracker.User, hash FeedHash) (string, error) {
	var nonce string
	err := s.write(ctx, func(tx *gorm.DB) (err error) {
		nonce, err = s.putFeed(tx, actor.ID, hash)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("store: rotate calendar feed: %w", err)
	}
	return nonce, nil
}

// newFeed makes a feed for user with a new random nonce.
func (s *Store) newFeed(user int64, hash FeedHash) (calendarFeed, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return calendarFeed{}, fmt.Errorf("random nonce: %w", err)
	}
	f := calendarFeed{UserID: user, Nonce: base64.RawURLEncoding.EncodeToString(b), CreatedAt: s.Now()}
	f.SecretHash = hash(f.Nonce)
	return f, nil
}

// putFeed stores a new feed for user, replacing any other in the same
// statement, so that concurrent rotations leave exactly one feed.
func (s *Store) putFeed(tx *gorm.DB, user int64, hash FeedHash) (string, error) {
	f, err := s.newFeed(user, hash)
	if err != nil {
		return "", err
	}
	err = tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "user_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"nonce", "secret_hash", "created_at"}),
	}).Create(&f).Error
	return f.Nonce, err
}

// CalendarItem is one dated entry of a calendar feed: an open task's due
// date or a milestone not yet done.
type CalendarItem struct {
	Kind    string // "task" or "milestone"
	ID      int64
	Date    tracker.Date
	Title   string
	Detail  string
	Updated time.Time
}

// Calendar is what one user's feed shows.
type Calendar struct {
	Owner string
	Items []CalendarItem
}

// CalendarBySecret returns the calendar of the feed whose secret hashes to
// secretHash: the open tasks assigned to its owner that have a due date;
// for an intern, the milestones not yet done of their own placements; for
// a supervisor, those of their branch's placements not yet ended. An
// unknown hash, or a disabled owner, is not found.
func (s *Store) CalendarBySecret(ctx context.Context, secretHash string) (*Calendar, error) {
	db := s.read(ctx)
	var u tracker.User
	err := db.Joins("JOIN calendar_feeds cf ON cf.user_id = users.id").
		Where("cf.secret_hash = ? AND users.active = ?", secretHash, true).First(&u).Error
	if err != nil {
		return nil, notFound(err, "calendar")
	}
	cal := Calendar{Owner: u.Name, Items: []CalendarItem{}}
	var tasks []struct {
		ID           int64
		Title        string
		DueDate      tracker.Date
		Status       tracker.Status
		Progress     int
		ProjectTitle string
		UpdatedAt    time.Time
	}
	err = db.Table("tasks").
		Select("tasks.id, tasks.title, tasks.due_date, tasks.status, tasks.progress, projects.title AS project_title, tasks.updated_at").
		Joins("JOIN projects ON projects.id = tasks.project_id").
		Where("tasks.assignee_id = ? AND tasks.status <> ? AND tasks.due_date IS NOT NULL", u.ID, string(tracker.StatusDone)).
		Order("tasks.due_date, tasks.id").Limit(MaxCalendarItems).Scan(&tasks).Error
	if err != nil {
		return nil, fmt.Errorf("store: calendar tasks: %w", err)
	}
	for _, t := range tasks {
		cal.Items = append(cal.Items, CalendarItem{Kind: "task", ID: t.ID, Date: t.DueDate, Title: "Due: " + t.Title,
			Detail:  fmt.Sprintf("Project: %s\nStatus: %s\nProgress: %d%%", t.ProjectTitle, t.Status, t.Progress),
			Updated: t.UpdatedAt})
	}
	items, err := calendarMilestones(db, &u, s.Today())
	if err != nil {
		return nil, fmt.Errorf("store: calendar milestones: %w", err)
	}
	cal.Items = append(cal.Items, items...)
	return &cal, nil
}

// milestoneTitles name the milestone kinds in a calendar.
var milestoneTitles = map[string]string{
	tracker.MilestoneOnboarding: "Onboarding",
	tracker.MilestoneMidterm:    "Mid-term review",
	tracker.MilestoneFinal:      "Final review and handover",
}

// calendarMilestones returns the milestones not yet done that u's feed
// shows: an intern's own, a supervisor's branch's (of placements not yet
// ended, named after their intern); none for anyone else.
func calendarMilestones(db *gorm.DB, u *tracker.User, today tracker.Date) ([]CalendarItem, error) {
	q := db.Table("milestones").
		Select("milestones.id, milestones.kind, milestones.due_date, placements.updated_at, users.name AS intern_name").
		Joins("JOIN placements ON placements.id = milestones.placement_id").
		Joins("JOIN users ON users.id = placements.intern_id").
		Where("milestones.done_at IS NULL")
	switch u.Role {
	case tracker.RoleIntern:
		q = q.Where("placements.intern_id = ?", u.ID)
	case tracker.RoleSupervisor:
		q = q.Where("placements.branch_id = ? AND placements.end_date >= ?", branchOf(u), today)
	default:
		return nil, nil
	}
	var rows []struct {
		ID         int64
		Kind       string
		DueDate    tracker.Date
		UpdatedAt  time.Time
		InternName string
	}
	if err := q.Order("milestones.due_date, milestones.id").Limit(MaxCalendarItems).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]CalendarItem, 0, len(rows))
	for _, r := range rows {
		title, ok := milestoneTitles[r.Kind]
		if !ok {
			title = r.Kind
		}
		if u.Role != tracker.RoleIntern {
			title += ": " + r.InternName
		}
		out = append(out, CalendarItem{Kind: "milestone", ID: r.ID, Date: r.DueDate, Title: title,
			Detail: "Placement milestone of " + r.InternName, Updated: r.UpdatedAt})
	}
	return out, nil
}
