package store

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// countRow is one row of the board's counting query: a cell when Week is
// -1, else the completions of week Week (in Total).
type countRow struct {
	Week      int
	BoardCell `gorm:"embedded"`
	BlockedAt aggTime `gorm:"column:blocked_at"`
}

// boardCounts counts, in one statement over board_tasks, the tasks per
// (stream, branch) with overdue work judged on day, and the tasks
// completed in each of the BoardWeeks ISO weeks that end with day's. It
// returns a cell for every (stream, branch) pair, by stream then branch,
// and every week, oldest first, empty ones included. One statement means
// that the history, when the source rebuilds it, is rebuilt once.
func boardCounts(db *gorm.DB, src boardSource, day tracker.Date, f BoardFilter, streams, branches []int64) ([]BoardCell, []BoardWeek, error) {
	args := map[string]any{
		"todo": string(tracker.StatusTodo), "in_progress": string(tracker.StatusInProgress), "blocked": string(tracker.StatusBlocked),
		"in_review": string(tracker.StatusInReview), "done": string(tracker.StatusDone), "day": day,
	}
	for k, v := range src.args {
		args[k] = v
	}
	where := []string{"1 = 1"}
	if f.StreamID != 0 {
		where, args["stream"] = append(where, "stream_id = @stream"), f.StreamID
	}
	if f.BranchID != 0 {
		where, args["branch"] = append(where, "branch_id = @branch"), f.BranchID
	}
	weeks, bucket := boardWeekBuckets(day, args)
	count := func(col string) string { return "SUM(CASE WHEN status = @" + col + " THEN 1 ELSE 0 END) AS " + col }
	stmt := src.with + `
SELECT -1 AS week, stream_id, branch_id, ` + count("todo") + ", " + count("in_progress") + ", " + count("blocked") + ", " +
		count("in_review") + ", " + count("done") + `,
  SUM(CASE WHEN status <> @done AND due_date < @day THEN 1 ELSE 0 END) AS overdue, COUNT(*) AS total,
  MIN(CASE WHEN status = @blocked THEN status_since END) AS blocked_at
FROM board_tasks WHERE ` + strings.Join(where, " AND ") + ` GROUP BY stream_id, branch_id
UNION ALL
SELECT ` + bucket + `, 0, 0, 0, 0, 0, 0, 0, 0, COUNT(*), NULL
FROM board_tasks WHERE ` + strings.Join(where, " AND ") + ` AND completed_at >= @w0 AND completed_at < @wend GROUP BY 1`
	var rows []countRow
	if err := db.Raw(stmt, args).Scan(&rows).Error; err != nil {
		return nil, nil, fmt.Errorf("counts: %w", err)
	}
	found := map[[2]int64]BoardCell{}
	for _, r := range rows {
		if r.Week >= 0 && r.Week < BoardWeeks {
			weeks[r.Week].Completed = r.Total
			continue
		}
		c := r.BoardCell
		if at := time.Time(r.BlockedAt); !at.IsZero() {
			c.BlockedSince = &at
		}
		found[[2]int64{c.StreamID, c.BranchID}] = c
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
	return cells, weeks, nil
}

// boardWeekBuckets returns the BoardWeeks ISO weeks that end with day's,
// oldest first and not yet counted, and the SQL CASE that numbers the week
// a completed_at falls in, adding its bounds (@w0 to @wend) to args.
func boardWeekBuckets(day tracker.Date, args map[string]any) ([]BoardWeek, string) {
	monday := day.AddDays(-((int(day.Time().Weekday()) + 6) % 7))
	first := monday.AddDays(-7 * (BoardWeeks - 1))
	weeks := make([]BoardWeek, BoardWeeks)
	var bucket strings.Builder
	bucket.WriteString("CASE")
	for i := range weeks {
		start := first.AddDays(7 * i)
		y, w := start.Time().ISOWeek()
		weeks[i] = BoardWeek{Week: fmt.Sprintf("%04d-W%02d", y, w), Start: start}
		args[fmt.Sprintf("w%d", i)] = start.Time()
		if i > 0 {
			fmt.Fprintf(&bucket, " WHEN completed_at < @w%d THEN %d", i, i-1)
		}
	}
	fmt.Fprintf(&bucket, " ELSE %d END", BoardWeeks-1)
	args["wend"] = monday.AddDays(7).Time()
	return weeks, bucket.String()
}
