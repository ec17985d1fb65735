package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Board sizes.
const (
	// BoardEndingSoonDays is how far ahead the board looks for placements
	// that end.
	BoardEndingSoonDays = 30
	// BoardRecentActivity is how many activity rows the board shows.
	BoardRecentActivity = 20
	// BoardWeeks is how many ISO weeks of completions the board shows.
	BoardWeeks = 26
)

// BoardFilter narrows the status board to one branch, one stream, or both.
// The stream narrows the cells and completions only: placements belong to
// no stream. AsOf, unless zero, asks for the board as it stood at the end
// of that day, rebuilt from the activity trail.
type BoardFilter struct {
	BranchID int64
	StreamID int64
	AsOf     tracker.Date
}

// BoardCell counts the tasks of one stream in one branch by status.
// Overdue counts the tasks past their due date and not done; BlockedSince
// is when the longest-blocked of its blocked tasks became blocked.
type BoardCell struct {
	StreamID   int64 `json:"stream_id"`
	BranchID   int64 `json:"branch_id"`
	Todo       int64 `json:"todo"`
	InProgress int64 `json:"in_progress"`
	Blocked    int64 `json:"blocked"`
	InReview   int64 `json:"in_review"`
	Done       int64 `json:"done"`
	Overdue    int64 `json:"overdue"`
	Total      int64 `json:"total"`

	BlockedSince *time.Time `json:"blocked_since" gorm:"-"`
}

// BoardWeek counts the tasks completed in one ISO week ("2026-W47", from
// Monday Start).
type BoardWeek struct {
	Week      string       `json:"week"`
	Start     tracker.Date `json:"start"`
	Completed int64        `json:"completed"`
}

// Board is the leadership status board.
type Board struct {
	GeneratedAt       time.Time           `json:"generated_at"`
	AsOf              tracker.Date        `json:"as_of"`
	Cells             []BoardCell         `json:"cells"`
	WeeklyCompletions []BoardWeek         `json:"weekly_completions"`
	ActivePlacements  []tracker.Placement `json:"active_placements"`
	EndingSoon        []tracker.Placement `json:"ending_soon"`
	RecentActivity    []tracker.Activity  `json:"recent_activity"`
	// EvaluationsDue are the evaluations not yet signed due within
	// tracker.EvalDueDays of the board's day, or past it.
	EvaluationsDue []EvaluationDue `json:"evaluations_due"`
}

// Board returns the status board as actor may see it: every (stream,
// branch) cell, the weekly completions, the active placements actor may
// read with their health, those ending within BoardEndingSoonDays, and the
// latest activity actor may read. With f.AsOf it is the board as it stood
// at the end of that day (which must not be in the future): the tasks are
// rebuilt from the trail, and the placements and activity are those that
// existed by then, judged with that day as today. Interns have no board.
func (s *Store) Board(ctx context.Context, actor *tracker.User, f BoardFilter) (*Board, error) {
	if !actor.CanSeeBoard() {
		return nil, tracker.Forbidden("the status board is for supervisors, leadership and admins")
	}
	db := s.read(ctx)
	day, asOf := s.Today(), !f.AsOf.IsZero()
	if asOf && f.AsOf.After(day) {
		return nil, tracker.Invalid("as_of", "must not be in the future")
	}
	if asOf {
		day = f.AsOf
	}
	end := day.AddDays(1).Time()
	b := Board{GeneratedAt: s.Now().Truncate(time.Microsecond), AsOf: day, EndingSoon: []tracker.Placement{}, RecentActivity: []tracker.Activity{}}
	streams, branches, err := boardAxes(db, f)
	if err != nil {
		return nil, err
	}
	src := newBoardSource(s.driver, day, asOf)
	if b.Cells, b.WeeklyCompletions, err = boardCounts(db, src, day, f, streams, branches); err != nil {
		return nil, fmt.Errorf("store: board: %w", err)
	}
	if b.ActivePlacements, err = boardPlacements(db, actor, day, f, asOf, end); err != nil {
		return nil, fmt.Errorf("store: board: %w", err)
	}
	if b.EvaluationsDue, err = boardEvaluations(db, actor, day, f, asOf, end); err != nil {
		return nil, fmt.Errorf("store: board: %w", err)
	}
	q := visibleActivity(db.Model(&tracker.Activity{}), actor).
		Order("activities.created_at DESC, activities.id DESC").Limit(BoardRecentActivity)
	if f.BranchID != 0 {
		q = q.Where("activities.branch_id = ?", f.BranchID)
	}
	if asOf {
		q = q.Where("activities.created_at < ?", end)
	}
	if err := q.Find(&b.RecentActivity).Error; err != nil {
		return nil, fmt.Errorf("store: board activity: %w", err)
	}
	// One query names the people of the placements and of the activity;
	// the placements ending soon are copies made after.
	err = new(namer).placements(ptrs(b.ActivePlacements)...).activity(ptrs(b.RecentActivity)...).fill(db)
	if err != nil {
		return nil, fmt.Errorf("store: board names: %w", err)
	}
	soon := day.AddDays(BoardEndingSoonDays)
	for _, p := range b.ActivePlacements {
		if !p.EndDate.After(soon) {
			b.EndingSoon = append(b.EndingSoon, p)
		}
	}
	return &b, nil
}

// boardAxes returns the ids of the streams and branches the board covers;
// a filter naming no stream or branch is invalid.
func boardAxes(db *gorm.DB, f BoardFilter) (streams, branches []int64, err error) {
	sq, bq := db.Table("streams").Order("id"), db.Table("branches").Order("id")
	if f.StreamID != 0 {
		sq = sq.Where("id = ?", f.StreamID)
	}
	if f.BranchID != 0 {
		bq = bq.Where("id = ?", f.BranchID)
	}
	if err := sq.Pluck("id", &streams).Error; err != nil {
		return nil, nil, fmt.Errorf("store: board streams: %w", err)
	}
	if err := bq.Pluck("id", &branches).Error; err != nil {
		return nil, nil, fmt.Errorf("store: board branches: %w", err)
	}
	probs := tracker.Problems{}
	if len(streams) == 0 {
		probs.Add("stream_id", "no such stream")
	}
	if len(branches) == 0 {
		probs.Add("branch_id", "no such branch")
	}
	return streams, branches, probs.Err()
}

// boardPlacements returns the placements active on today that actor may
// read, ending soonest first, with their derived fields but not yet their
// names; asOf keeps those created before end.
func boardPlacements(db *gorm.DB, actor *tracker.User, today tracker.Date, f BoardFilter, asOf bool, end time.Time) ([]tracker.Placement, error) {
	q, err := placementQuery(db, actor, PlacementFilter{BranchID: f.BranchID, State: string(tracker.PlacementActive)}, today)
	if err != nil {
		return nil, err
	}
	if asOf {
		q = q.Where("placements.created_at < ?", end)
	}
	out := []tracker.Placement{}
	if err := q.Order("placements.end_date, placements.id").Find(&out).Error; err != nil {
		return nil, err
	}
	if err := derivePlacements(db, today, ptrs(out)); err != nil {
		return nil, err
	}
	return out, nil
}
