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
)

// BoardFilter narrows the status board to one branch, one stream, or both.
// The stream narrows the cells only: placements belong to no stream.
type BoardFilter struct {
	BranchID int64
	StreamID int64
}

// BoardCell counts the tasks of one stream in one branch by status.
// Overdue counts the tasks past their due date and not done.
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
}

// Board is the leadership status board.
type Board struct {
	GeneratedAt      time.Time           `json:"generated_at"`
	Cells            []BoardCell         `json:"cells"`
	ActivePlacements []tracker.Placement `json:"active_placements"`
	EndingSoon       []tracker.Placement `json:"ending_soon"`
	RecentActivity   []tracker.Activity  `json:"recent_activity"`
}

// Board returns the status board as actor may see it: every (stream,
// branch) cell, the active placements actor may read with their health,
// those ending within BoardEndingSoonDays, and the latest activity actor
// may read. Interns have no board.
func (s *Store) Board(ctx context.Context, actor *tracker.User, f BoardFilter) (*Board, error) {
	if !actor.CanSeeBoard() {
		return nil, tracker.Forbidden("the status board is for supervisors, leadership and admins")
	}
	db := s.read(ctx)
	today := s.Today()
	b := Board{GeneratedAt: s.Now().Truncate(time.Microsecond), EndingSoon: []tracker.Placement{}, RecentActivity: []tracker.Activity{}}
	streams, branches, err := boardAxes(db, f)
	if err != nil {
		return nil, err
	}
	if b.Cells, err = boardCells(db, today, f, streams, branches); err != nil {
		return nil, fmt.Errorf("store: board: %w", err)
	}
	if b.ActivePlacements, err = boardPlacements(db, actor, today, f); err != nil {
		return nil, fmt.Errorf("store: board: %w", err)
	}
	q := visibleActivity(db.Model(&tracker.Activity{}), actor).
		Order("activities.created_at DESC, activities.id DESC").Limit(BoardRecentActivity)
	if f.BranchID != 0 {
		q = q.Where("activities.branch_id = ?", f.BranchID)
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
	soon := today.AddDays(BoardEndingSoonDays)
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

// boardCells counts the tasks per (stream, branch) in one grouped query
// and returns a cell for every pair, empty ones included, by stream then
// branch.
func boardCells(db *gorm.DB, today tracker.Date, f BoardFilter, streams, branches []int64) ([]BoardCell, error) {
	count := func(col string) string { return "SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) AS " + col }
	q := db.Table("tasks").Select(
		"stream_id, branch_id, "+count("todo")+", "+count("in_progress")+", "+count("blocked")+", "+
			count("in_review")+", "+count("done")+", "+
			"SUM(CASE WHEN status <> ? AND due_date < ? THEN 1 ELSE 0 END) AS overdue, COUNT(*) AS total",
		string(tracker.StatusTodo), string(tracker.StatusInProgress), string(tracker.StatusBlocked),
		string(tracker.StatusInReview), string(tracker.StatusDone), string(tracker.StatusDone), today).
		Group("stream_id, branch_id")
	if f.StreamID != 0 {
		q = q.Where("stream_id = ?", f.StreamID)
	}
	if f.BranchID != 0 {
		q = q.Where("branch_id = ?", f.BranchID)
	}
	var rows []BoardCell
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	found := map[[2]int64]BoardCell{}
	for _, r := range rows {
		found[[2]int64{r.StreamID, r.BranchID}] = r
	}
	cells := make([]BoardCell, 0, len(streams)*len(branches))
	for _, st := range streams {
		for _, br := range branches {
			c, ok := found[[2]int64{st, br}]
			if !ok {
				c = BoardCell{StreamID: st, BranchID: br}
			}
			cells = append(cells, c)
		}
	}
	return cells, nil
}

// boardPlacements returns the placements active today that actor may read,
// ending soonest first, with their derived fields but not yet their names.
func boardPlacements(db *gorm.DB, actor *tracker.User, today tracker.Date, f BoardFilter) ([]tracker.Placement, error) {
	q, err := placementQuery(db, actor, PlacementFilter{BranchID: f.BranchID, State: string(tracker.PlacementActive)}, today)
	if err != nil {
		return nil, err
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
