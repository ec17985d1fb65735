package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Handover is the report a placement leaves to whoever takes its work on:
// the intern's work in the placement's branch grouped by stream, each task
// with its progress notes, and the tasks still open to pass on.
type Handover struct {
	Placement   tracker.Placement `json:"placement"`
	GeneratedAt time.Time         `json:"generated_at"`
	Streams     []HandoverStream  `json:"streams"`
	OpenTasks   []tracker.Task    `json:"open_tasks"`
	// Record is the handover that stored this report; nil for a live
	// report of a placement not handed over yet.
	Record *HandoverRecord `json:"handover"`
}

// HandoverStream is the intern's work in one stream.
type HandoverStream struct {
	StreamID   int64          `json:"stream_id"`
	StreamName string         `json:"stream_name"`
	Tasks      []HandoverTask `json:"tasks"`
}

// HandoverTask is one task of the report with its progress notes, newest
// first.
type HandoverTask struct {
	ID          int64          `json:"id"`
	StreamID    int64          `json:"-"`
	Title       string         `json:"title"`
	Status      tracker.Status `json:"status"`
	Progress    int            `json:"progress"`
	DueDate     tracker.Date   `json:"due_date"`
	CompletedAt *time.Time     `json:"completed_at"`
	Notes       []HandoverNote `json:"notes" gorm:"-"`
}

// HandoverNote is one progress log of a task.
type HandoverNote struct {
	CreatedAt  time.Time `json:"created_at"`
	AuthorName string    `json:"author_name"`
	Progress   int       `json:"progress"`
	Note       string    `json:"note"`
}

// Handover returns the handover report of a placement actor may read; a
// placement actor may not read is not found.
//
// Once the placement has been handed over, the answer is the report stored
// at that moment, with the handover itself in Record.
func (s *Store) Handover(ctx context.Context, actor *tracker.User, placementID int64) (*Handover, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	if p.HandedOverAt != nil {
		return storedHandover(db, "placement_id = ?", placementID)
	}
	return s.handoverReport(db, &p)
}

// handoverReport builds the live report of placement p, which the caller
// has read and may read.
func (s *Store) handoverReport(db *gorm.DB, p *tracker.Placement) (*Handover, error) {
	h := Handover{Placement: *p, GeneratedAt: s.Now().Truncate(time.Microsecond), Streams: []HandoverStream{}, OpenTasks: []tracker.Task{}}
	err := describePlacements(db, s.Today(), &h.Placement)
	if err == nil {
		h.Streams, err = handoverStreams(db, &h.Placement)
	}
	if err == nil {
		err = db.Where("assignee_id = ? AND branch_id = ? AND status <> ?", h.Placement.InternID, h.Placement.BranchID,
			string(tracker.StatusDone)).
			Order("CASE WHEN due_date IS NULL THEN 1 ELSE 0 END, due_date, id").Find(&h.OpenTasks).Error
	}
	if err == nil {
		err = s.fillTasks(db, h.OpenTasks)
	}
	if err != nil {
		return nil, fmt.Errorf("store: handover: %w", err)
	}
	return &h, nil
}

// handoverStreams returns the intern's tasks in the placement's branch,
// grouped by stream in stream order (streams without tasks left out), each
// with its notes: one query for the tasks, one for every note, one for the
// authors' names.
func handoverStreams(db *gorm.DB, p *tracker.Placement) ([]HandoverStream, error) {
	var tasks []HandoverTask
	err := db.Table("tasks").Select("id, stream_id, title, status, progress, due_date, completed_at").
		Where("assignee_id = ? AND branch_id = ?", p.InternID, p.BranchID).
		Order("stream_id, CASE WHEN due_date IS NULL THEN 1 ELSE 0 END, due_date, id").Scan(&tasks).Error
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(tasks))
	for i, t := range tasks {
		ids[i] = t.ID
	}
	var logs []tracker.ProgressLog
	if len(ids) > 0 {
		// An intern's tasks in one branch over one stay: a few hundred at
		// most, so one IN list.
		err = db.Where("task_id IN ?", ids).Order("created_at DESC, id DESC").Find(&logs).Error
		if err == nil {
			err = new(namer).logs(ptrs(logs)...).fill(db)
		}
		if err != nil {
			return nil, err
		}
	}
	notes := map[int64][]HandoverNote{}
	for _, l := range logs {
		notes[l.TaskID] = append(notes[l.TaskID], HandoverNote{CreatedAt: l.CreatedAt, AuthorName: l.AuthorName, Progress: l.Progress, Note: l.Note})
	}
	var streams []tracker.Stream
	if err := db.Order("id").Find(&streams).Error; err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, st := range streams {
		names[st.ID] = st.Name
	}
	out := []HandoverStream{}
	for _, t := range tasks {
		t.Notes = notes[t.ID]
		if t.Notes == nil {
			t.Notes = []HandoverNote{}
		}
		if n := len(out); n == 0 || out[n-1].StreamID != t.StreamID {
			out = append(out, HandoverStream{StreamID: t.StreamID, StreamName: names[t.StreamID], Tasks: []HandoverTask{}})
		}
		last := &out[len(out)-1]
		last.Tasks = append(last.Tasks, t)
	}
	return out, nil
}
