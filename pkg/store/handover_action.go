package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// HandoverWindowDays is how long before its end a placement may be handed
// over: its last two weeks, the "final review and handover" milestone's
// span; after its end it always may.
const HandoverWindowDays = 14

// maxHandoverNote bounds the note a supervisor leaves with a handover.
const maxHandoverNote = 2000

// HandoverInput is the input of HandOver. A nil SuccessorID hands the
// open tasks back to the supervisor: they are left unassigned, since only
// an intern placed in the branch may be a task's assignee, and the
// branch's supervisors see and assign every unassigned task of it.
type HandoverInput struct {
	SuccessorID *int64
	Note        string
}

// HandoverRecord is a handover done: who handed over which placement to
// whom, when, and the open tasks it passed on (as they are now).
type HandoverRecord struct {
	ID            int64        `json:"id" gorm:"primaryKey"`
	PlacementID   int64        `json:"placement_id"`
	InternID      int64        `json:"intern_id" gorm:"-"`
	InternName    string       `json:"intern_name" gorm:"-"`
	SuccessorID   *int64       `json:"successor_id"`
	SuccessorName *string      `json:"successor_name" gorm:"-"`
	Note          string       `json:"note"`
	Report        string       `json:"-"`
	CreatedBy     int64        `json:"created_by"`
	CreatorName   string       `json:"created_by_name" gorm:"-"`
	CreatedAt     time.Time    `json:"created_at"`
	Tasks         []HandedTask `json:"tasks" gorm:"-"`
}

// TableName stores HandoverRecord in handovers.
func (HandoverRecord) TableName() string { return "handovers" }

// HandedTask is one task a handover passed on, as it is now.
type HandedTask struct {
	HandoverID int64          `json:"-"`
	ID         int64          `json:"id"`
	Title      string         `json:"title"`
	Status     tracker.Status `json:"status"`
	Progress   int            `json:"progress"`
	DueDate    tracker.Date   `json:"due_date"`
	AssigneeID *int64         `json:"assignee_id"`
}

// ensurePlacementOpen refuses, with ECodeHandedOver, any write to
// placement p or to what belongs to it (milestones, objectives,
// evaluations, reports, checklists) once it has been handed over. Every
// store method that writes such a thing calls it in its transaction, on
// the placement it loaded there.
func ensurePlacementOpen(p *tracker.Placement) error {
	if p.HandedOverAt != nil {
		return tracker.Errorf(tracker.ECodeHandedOver, "this placement was handed over on %s and is read-only",
			p.HandedOverAt.UTC().Format("2006-01-02"))
	}
	return nil
}

// HandOver ends placement placementID's work in one transaction: each of
// its open tasks (the intern's tasks not done in the branch, those of the
// report) goes to the successor or back to the supervisor, the report as
// it is now is stored with the placement, and the placement becomes
// read-only. Only an admin or a supervisor of the branch may, and only in
// the placement's last HandoverWindowDays days or after its end.
func (s *Store) HandOver(ctx context.Context, actor *tracker.User, placementID int64, in HandoverInput) (*Handover, error) {
	var h *Handover
	err := s.write(ctx, func(tx *gorm.DB) error {
		var p tracker.Placement
		if err := loadPlacement(forUpdate(tx), actor, placementID, &p); err != nil {
			return err
		}
		if !actor.CanManagePlacements(p.BranchID) {
			return tracker.Forbidden("only an admin or a supervisor of the branch may hand a placement over")
		}
		if err := ensurePlacementOpen(&p); err != nil {
			return err
		}
		if from := p.EndDate.AddDays(-HandoverWindowDays); s.Today().Before(from) {
			return tracker.Errorf(tracker.ECodeConflict, "a placement is handed over in its last %d days or after its end: from %s",
				HandoverWindowDays, from)
		}
		in.Note = strings.TrimSpace(in.Note)
		if err := checkHandover(tx, &p, in, s.Today()); err != nil {
			return err
		}
		var err error
		if h, err = s.handoverReport(tx, &p); err != nil {
			return err
		}
		rec, err := s.storeHandover(tx, actor, &p, in, h)
		if err != nil {
			return err
		}
		if err := s.passOn(tx, actor, rec, h.OpenTasks, in.SuccessorID); err != nil {
			return err
		}
		now := s.Now().Truncate(time.Microsecond)
		d := diff{}
		d.put("handed_over_at", nil, now)
		d.changes["handover_successor_id"] = tracker.Change{After: in.SuccessorID}
		if err := s.update(tx, actor, "placements", tracker.EntityPlacement, p.ID, p.Version, d, &p.Version, &p.BranchID, &p.InternID); err != nil {
			return err
		}
		h, err = storedHandover(tx, "id = ?", rec.ID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: hand over: %w", err)
	}
	return h, nil
}

// checkHandover validates the successor and the note of a handover of p.
func checkHandover(tx *gorm.DB, p *tracker.Placement, in HandoverInput, today tracker.Date) error {
	probs := tracker.Problems{}
	if len(in.Note) > maxHandoverNote {
		probs.Add("note", fmt.Sprintf("must be at most %d characters", maxHandoverNote))
	}
	if in.SuccessorID != nil {
		var n int64
		err := tx.Table("placements").Joins("JOIN users ON users.id = placements.intern_id").
			Where("users.id = ? AND users.id <> ? AND users.active = ? AND users.role = ? AND placements.branch_id = ? "+
				"AND placements.end_date >= ? AND placements.handed_over_at IS NULL",
				*in.SuccessorID, p.InternID, true, string(tracker.RoleIntern), p.BranchID, today).Count(&n).Error
		if err != nil {
			return err
		}
		if n == 0 {
			probs.Add("successor_id", "must be another intern with an active or upcoming placement in the branch")
		}
	}
	return probs.Err()
}

// storeHandover writes the handover row with the report h as JSON.
func (s *Store) storeHandover(tx *gorm.DB, actor *tracker.User, p *tracker.Placement, in HandoverInput, h *Handover) (*HandoverRecord, error) {
	report, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	rec := HandoverRecord{PlacementID: p.ID, SuccessorID: in.SuccessorID, Note: in.Note, Report: string(report),
		CreatedBy: actor.ID, CreatedAt: s.Now().Truncate(time.Microsecond)}
	if err := tx.Create(&rec).Error; err != nil {
		return nil, uniqueAs(err, "placement_id", "this placement was already handed over")
	}
	return &rec, nil
}

// passOn moves each open task to successor (nil: unassigned), through the
// same versioned update and trail as any task change, and notes it in the
// handover.
func (s *Store) passOn(tx *gorm.DB, actor *tracker.User, rec *HandoverRecord, open []tracker.Task, successor *int64) error {
	to := tracker.Nullable[int64]{Set: true, Value: successor}
	for i := range open {
		t := open[i]
		d := diff{}
		ptr(&d, "assignee_id", &t.AssigneeID, to)
		if err := s.update(tx, actor, "tasks", tracker.EntityTask, t.ID, t.Version, d, &t.Version, &t.BranchID, t.AssigneeID); err != nil {
			return err
		}
		if err := tx.Exec("INSERT INTO handover_tasks (handover_id, task_id) VALUES (?, ?)", rec.ID, t.ID).Error; err != nil {
			return err
		}
		if err := s.notifyTask(tx, actor, &t, d); err != nil {
			return err
		}
	}
	return nil
}

// storedHandover reads one stored handover (where: a condition on the
// handovers table) with its report.
func storedHandover(db *gorm.DB, where string, arg any) (*Handover, error) {
	var rec HandoverRecord
	if err := db.Where(where, arg).First(&rec).Error; err != nil {
		return nil, notFound(err, "handover")
	}
	var h Handover
	if err := json.Unmarshal([]byte(rec.Report), &h); err != nil {
		return nil, fmt.Errorf("store: stored handover %d: %w", rec.ID, err)
	}
	if err := describeHandovers(db, &rec); err != nil {
		return nil, err
	}
	at := rec.CreatedAt
	h.Placement.HandedOverAt = &at
	h.Record = &rec
	return &h, nil
}

// describeHandovers fills the names and the passed-on tasks of recs.
func describeHandovers(db *gorm.DB, recs ...*HandoverRecord) error {
	if len(recs) == 0 {
		return nil
	}
	ids, pids := make([]int64, len(recs)), make([]int64, len(recs))
	for i, r := range recs {
		ids[i], pids[i] = r.ID, r.PlacementID
	}
	var interns []struct{ ID, InternID int64 }
	if err := db.Table("placements").Select("id, intern_id").Where("id IN ?", pids).Scan(&interns).Error; err != nil {
		return err
	}
	internOf := map[int64]int64{}
	for _, p := range interns {
		internOf[p.ID] = p.InternID
	}
	var tasks []HandedTask
	err := db.Table("handover_tasks").Select("handover_tasks.handover_id, tasks.id, tasks.title, tasks.status, tasks.progress, tasks.due_date, tasks.assignee_id").
		Joins("JOIN tasks ON tasks.id = handover_tasks.task_id").Where("handover_tasks.handover_id IN ?", ids).
		Order("CASE WHEN tasks.due_date IS NULL THEN 1 ELSE 0 END, tasks.due_date, tasks.id").Scan(&tasks).Error
	if err != nil {
		return err
	}
	n := new(namer)
	for _, r := range recs {
		r.InternID = internOf[r.PlacementID]
		r.Tasks = []HandedTask{}
		for _, t := range tasks {
			if t.HandoverID == r.ID {
				r.Tasks = append(r.Tasks, t)
			}
		}
		n.name(r.InternID, &r.InternName)
		n.name(r.CreatedBy, &r.CreatorName)
		n.nullable(r.SuccessorID, &r.SuccessorName)
	}
	return n.fill(db)
}

// StoredHandover returns handover id, with the report it stored, to its
// successor or to whoever may read its placement; to anyone else it is
// not found.
func (s *Store) StoredHandover(ctx context.Context, actor *tracker.User, id int64) (*Handover, error) {
	db := s.read(ctx)
	var rec HandoverRecord
	if err := db.Select("id, placement_id, successor_id").First(&rec, id).Error; err != nil {
		return nil, notFound(err, "handover")
	}
	if rec.SuccessorID == nil || *rec.SuccessorID != actor.ID {
		var p tracker.Placement
		if err := loadPlacement(db, actor, rec.PlacementID, &p); err != nil {
			return nil, tracker.NotFound("handover")
		}
	}
	return storedHandover(db, "id = ?", id)
}

// ReceivedHandovers lists the handovers whose successor is actor, newest
// first, each with the tasks it passed on.
func (s *Store) ReceivedHandovers(ctx context.Context, actor *tracker.User) ([]HandoverRecord, error) {
	db := s.read(ctx)
	out := []HandoverRecord{}
	err := db.Omit("report").Where("successor_id = ?", actor.ID).Order("created_at DESC, id DESC").Limit(100).Find(&out).Error
	if err == nil {
		err = describeHandovers(db, ptrs(out)...)
	}
	if err != nil {
		return nil, fmt.Errorf("store: received handovers: %w", err)
	}
	return out, nil
}
