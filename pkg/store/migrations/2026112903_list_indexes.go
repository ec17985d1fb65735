package migrations

import "gorm.io/gorm"

// listIndexes adds the indexes that the task list and the status board
// need at scale. docs/performance.md shows the query plan of each, before
// and after, on both databases.
//
//   - idx_tasks_due_order matches, expression for expression, the ORDER BY
//     of the task list's default sort (due date, tasks without one last,
//     then id), so a page is read off the index instead of sorting every
//     task on each request.
//   - idx_tasks_branch_due_order is the same order within one branch: the
//     list as an intern sees it, or filtered by branch.
//   - idx_tasks_board holds every column the board's cells count, so that
//     SQLite counts them from the index alone; it starts with the columns
//     of idx_tasks_branch_stream, which it replaces.
//   - idx_tasks_completed serves the board's weekly completions, a range
//     of completion times.
func listIndexes(tx *gorm.DB, d Dialect) error {
	return d.Exec(tx, `
CREATE INDEX idx_tasks_due_order ON tasks ((CASE WHEN due_date IS NULL THEN 1 ELSE 0 END), due_date, id);
CREATE INDEX idx_tasks_branch_due_order ON tasks (branch_id, (CASE WHEN due_date IS NULL THEN 1 ELSE 0 END), due_date, id);
CREATE INDEX idx_tasks_board ON tasks (branch_id, stream_id, status, due_date, status_since);
DROP INDEX idx_tasks_branch_stream;
CREATE INDEX idx_tasks_completed ON tasks (completed_at, branch_id)`)
}
