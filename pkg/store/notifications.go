package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The in-app notifications. Event notifications are written by the store
// method that writes the event, in its transaction, through one of the
// notify* hooks below; the time-based ones (evaluation due, placement
// ending) are generated when a user's notifications are listed or counted,
// and by Sweep, each at most once per user and subject thanks to the
// unique dedupe_key. When an outbox is set, every notification written is
// handed to it, for e-mail, once its transaction has committed.

// outboxKey carries, in a write's context, the notices its transaction
// produced, to hand over after the commit.
type outboxKey struct{}

type outbox struct{ notices []tracker.Notice }

// SetOutbox makes the store hand every notification it writes, with its
// recipient's address and language, to send once its transaction has
// committed. send must not block. Call it before serving.
func (s *Store) SetOutbox(send func(tracker.Notice)) { s.send = send }

// writeNotify runs fn like write, then hands the notices fn produced to
// the outbox.
func (s *Store) writeNotify(ctx context.Context, fn func(tx *gorm.DB) error) error {
	var box outbox
	if err := s.w.WithContext(context.WithValue(ctx, outboxKey{}, &box)).Transaction(fn); err != nil {
		return err
	}
	if s.send != nil {
		for _, n := range box.notices {
			s.send(n)
		}
	}
	return nil
}

// notify writes notification n for each of users but the actor, and
// queues them for e-mail.
func (s *Store) notify(tx *gorm.DB, actor *tracker.User, n tracker.Notification, users ...int64) error {
	if actor != nil {
		n.ActorID = &actor.ID
	}
	n.CreatedAt = s.Now().Truncate(time.Microsecond)
	seen := map[int64]bool{}
	for _, u := range users {
		if u == 0 || seen[u] || (actor != nil && u == actor.ID) {
			continue
		}
		seen[u] = true
		row := n
		row.UserID = u
		q := tx
		if row.DedupeKey != nil {
			q = tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "dedupe_key"}}, DoNothing: true})
		}
		if err := q.Create(&row).Error; err != nil {
			return fmt.Errorf("notify: %w", err)
		}
		if row.ID != 0 {
			if err := s.queue(tx, row); err != nil {
				return err
			}
		}
	}
	return nil
}

// queue adds n to the outbox of tx's write, with what an e-mail needs.
func (s *Store) queue(tx *gorm.DB, n tracker.Notification) error {
	box, _ := tx.Statement.Context.Value(outboxKey{}).(*outbox)
	if s.send == nil || box == nil {
		return nil
	}
	var u tracker.User
	if err := tx.Select("id, email, name, locale, active").First(&u, n.UserID).Error; err != nil {
		return err
	}
	if !u.Active || u.Email == "" {
		return nil
	}
	if err := describeNotifications(tx, &n); err != nil {
		return err
	}
	box.notices = append(box.notices, tracker.Notice{To: u.Email, Name: u.Name, Locale: u.Locale, Notification: n})
	return nil
}

// notifyNewTask tells the assignee of a task just created that it is
// theirs.
func (s *Store) notifyNewTask(tx *gorm.DB, actor *tracker.User, t *tracker.Task) error {
	if t.AssigneeID == nil {
		return nil
	}
	return s.notify(tx, actor, tracker.Notification{Kind: tracker.NotifyAssigned, TaskID: &t.ID}, *t.AssigneeID)
}

// notifyTask writes what change d of task t by actor tells others: a new
// assignee is told, a move to in_review asks the branch's supervisors for
// a review, and a move back from in_review tells the assignee.
func (s *Store) notifyTask(tx *gorm.DB, actor *tracker.User, t *tracker.Task, d diff) error {
	if _, ok := d.cols["assignee_id"]; ok && t.AssigneeID != nil {
		if err := s.notify(tx, actor, tracker.Notification{Kind: tracker.NotifyAssigned, TaskID: &t.ID}, *t.AssigneeID); err != nil {
			return err
		}
	}
	ch, ok := d.changes["status"]
	if !ok {
		return nil
	}
	switch {
	case ch.After == tracker.StatusInReview:
		var sups []int64
		err := tx.Table("users").Where("role = ? AND branch_id = ? AND active = ?", string(tracker.RoleSupervisor), t.BranchID, true).
			Order("id").Pluck("id", &sups).Error
		if err != nil {
			return err
		}
		return s.notify(tx, actor, tracker.Notification{Kind: tracker.NotifyReviewRequested, TaskID: &t.ID}, sups...)
	case ch.Before == tracker.StatusInReview && ch.After != tracker.StatusDone && t.AssigneeID != nil:
		return s.notify(tx, actor, tracker.Notification{Kind: tracker.NotifyFeedback, TaskID: &t.ID}, *t.AssigneeID)
	}
	return nil
}

// notifyComment tells the assignee of task t that someone else commented
// on it.
func (s *Store) notifyComment(tx *gorm.DB, actor *tracker.User, t *tracker.Task) error {
	if t.AssigneeID == nil {
		return nil
	}
	return s.notify(tx, actor, tracker.Notification{Kind: tracker.NotifyFeedback, TaskID: &t.ID}, *t.AssigneeID)
}

// dueRow is one time-based notification owed to a user.
type dueRow struct {
	UserID, PlacementID int64
	MilestoneID         *int64
}

// dueNotifications finds the time-based notifications owed and not yet
// written: to user (0: everyone), as intern or supervisor of a placement
// not handed over, for its mid-term or final evaluation not signed and due
// within EvaluationDueDays, and for its end within PlacementEndingDays.
func dueNotifications(db *gorm.DB, user int64, today tracker.Date) (evals, endings []dueRow, err error) {
	people := []string{"placements.intern_id", "placements.supervisor_id"}
	for _, col := range people {
		var rows []dueRow
		q := db.Table("milestones").Select(col+" AS user_id, placements.id AS placement_id, milestones.id AS milestone_id").
			Joins("JOIN placements ON placements.id = milestones.placement_id").
			Where("milestones.due_date >= ? AND milestones.due_date <= ? AND placements.handed_over_at IS NULL",
				today, today.AddDays(tracker.EvaluationDueDays)).
			Where("EXISTS (SELECT 1 FROM evaluations ev WHERE ev.milestone_id = milestones.id AND ev.state <> ?)", tracker.EvalSigned).
			Where("NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = "+col+" AND n.kind = ? AND n.milestone_id = milestones.id)",
				tracker.NotifyEvaluationDue)
		if user != 0 {
			q = q.Where(col+" = ?", user)
		}
		if err := q.Scan(&rows).Error; err != nil {
			return nil, nil, err
		}
		evals = append(evals, rows...)
		rows = nil
		q = db.Table("placements").Select(col+" AS user_id, placements.id AS placement_id").
			Where("placements.end_date >= ? AND placements.end_date <= ? AND placements.handed_over_at IS NULL",
				today, today.AddDays(tracker.PlacementEndingDays)).
			Where("NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = "+col+" AND n.kind = ? AND n.placement_id = placements.id)",
				tracker.NotifyPlacementEnding)
		if user != 0 {
			q = q.Where(col+" = ?", user)
		}
		if err := q.Scan(&rows).Error; err != nil {
			return nil, nil, err
		}
		endings = append(endings, rows...)
	}
	return evals, endings, nil
}

// generateDue writes the time-based notifications owed to user (0:
// everyone). It reads first and opens a write only when something is
// owed, so that polling the count costs no write; the unique dedupe_key
// makes a race between processes write each once.
func (s *Store) generateDue(ctx context.Context, user int64) error {
	evals, endings, err := dueNotifications(s.read(ctx), user, s.Today())
	if err != nil || len(evals)+len(endings) == 0 {
		return err
	}
	return s.writeNotify(ctx, func(tx *gorm.DB) error {
		for _, r := range evals {
			key := fmt.Sprintf("%s:%d:%d", tracker.NotifyEvaluationDue, *r.MilestoneID, r.UserID)
			n := tracker.Notification{Kind: tracker.NotifyEvaluationDue, PlacementID: &r.PlacementID, MilestoneID: r.MilestoneID, DedupeKey: &key}
			if err := s.notify(tx, nil, n, r.UserID); err != nil {
				return err
			}
		}
		for _, r := range endings {
			key := fmt.Sprintf("%s:%d:%d", tracker.NotifyPlacementEnding, r.PlacementID, r.UserID)
			n := tracker.Notification{Kind: tracker.NotifyPlacementEnding, PlacementID: &r.PlacementID, DedupeKey: &key}
			if err := s.notify(tx, nil, n, r.UserID); err != nil {
				return err
			}
		}
		return nil
	})
}

// SweepNotifications writes the time-based notifications owed to anyone;
// serve runs it periodically so that e-mail goes out even to those who do
// not open the tracker.
func (s *Store) SweepNotifications(ctx context.Context) error {
	if err := s.generateDue(ctx, 0); err != nil {
		return fmt.Errorf("store: sweep notifications: %w", err)
	}
	return nil
}

// Notifications lists actor's notifications, newest first; unread keeps
// those not read yet.
func (s *Store) Notifications(ctx context.Context, actor *tracker.User, unread bool, p Page) ([]tracker.Notification, int64, error) {
	if err := s.generateDue(ctx, actor.ID); err != nil {
		return nil, 0, fmt.Errorf("store: notifications: %w", err)
	}
	db := s.read(ctx)
	q := db.Model(&tracker.Notification{}).Where("notifications.user_id = ?", actor.ID)
	if unread {
		q = q.Where("notifications.read_at IS NULL")
	}
	var out []tracker.Notification
	total, err := list(ctx, q, p, "-created_at,-id", map[string]string{"created_at": "notifications.created_at", "id": "notifications.id"},
		"notifications", &out)
	if err == nil {
		err = describeNotifications(db, ptrs(out)...)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: notifications: %w", err)
	}
	return out, total, nil
}

// UnreadNotifications counts actor's notifications not read yet.
func (s *Store) UnreadNotifications(ctx context.Context, actor *tracker.User) (int64, error) {
	if err := s.generateDue(ctx, actor.ID); err != nil {
		return 0, fmt.Errorf("store: count notifications: %w", err)
	}
	var n int64
	err := s.read(ctx).Model(&tracker.Notification{}).Where("user_id = ? AND read_at IS NULL", actor.ID).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("store: count notifications: %w", err)
	}
	return n, nil
}

// ReadNotification marks actor's notification id read (again: a no-op);
// another's is not found.
func (s *Store) ReadNotification(ctx context.Context, actor *tracker.User, id int64) (*tracker.Notification, error) {
	var n tracker.Notification
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("user_id = ?", actor.ID).First(&n, id).Error; err != nil {
			return notFound(err, "notification")
		}
		if n.ReadAt == nil {
			now := s.Now().Truncate(time.Microsecond)
			if err := tx.Model(&n).Update("read_at", now).Error; err != nil {
				return err
			}
			n.ReadAt = &now
		}
		return describeNotifications(tx, &n)
	})
	if err != nil {
		return nil, fmt.Errorf("store: read notification: %w", err)
	}
	return &n, nil
}

// ReadAllNotifications marks every notification of actor read.
func (s *Store) ReadAllNotifications(ctx context.Context, actor *tracker.User) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Model(&tracker.Notification{}).Where("user_id = ? AND read_at IS NULL", actor.ID).
			Update("read_at", s.Now().Truncate(time.Microsecond)).Error
	})
	if err != nil {
		return fmt.Errorf("store: read all notifications: %w", err)
	}
	return nil
}

// describeNotifications fills the actor's name and the subject of ns: the
// task's title, or the name of the placement's intern.
func describeNotifications(db *gorm.DB, ns ...*tracker.Notification) error {
	var tids, pids []int64
	for _, n := range ns {
		if n.TaskID != nil {
			tids = append(tids, *n.TaskID)
		} else if n.PlacementID != nil {
			pids = append(pids, *n.PlacementID)
		}
	}
	titles, interns := map[int64]string{}, map[int64]int64{}
	if len(tids) > 0 {
		var rows []struct {
			ID    int64
			Title string
		}
		if err := db.Table("tasks").Select("id, title").Where("id IN ?", tids).Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			titles[r.ID] = r.Title
		}
	}
	if len(pids) > 0 {
		var rows []struct{ ID, InternID int64 }
		if err := db.Table("placements").Select("id, intern_id").Where("id IN ?", pids).Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			interns[r.ID] = r.InternID
		}
	}
	nm := new(namer)
	for _, n := range ns {
		nm.nullable(n.ActorID, &n.ActorName)
		switch {
		case n.TaskID != nil:
			n.Subject = titles[*n.TaskID]
		case n.PlacementID != nil:
			nm.name(interns[*n.PlacementID], &n.Subject)
		}
	}
	return nm.fill(db)
}
