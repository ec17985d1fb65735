package store

import (
	"fmt"

	"github.com/intern-tracker/tracker/pkg/config"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// The board's counts are computed in SQL over one common table expression,
// board_tasks, with the columns id, stream_id, branch_id, status, due_date,
// status_since and completed_at. Live, it reads the tasks table; as of a
// past day, it rebuilds each task from the activity trail. The counting
// queries are the same either way, so the two boards cannot drift apart.

// liveTasks is board_tasks read from the tasks as they are. NOT
// MATERIALIZED lets each of the two counting queries that read it use the
// tasks' indexes rather than a copy of the table.
const liveTasks = `WITH board_tasks AS NOT MATERIALIZED (
  SELECT id, stream_id, branch_id, status, due_date, status_since, completed_at FROM tasks
)`

// changeSQL returns the SQL reading, from the JSON of activities.changes,
// side ("before" or "after") of the change of key, or the change itself
// when side is "" (NULL when the row does not change key). It is the one
// place where the two dialects' JSON access differs; key and side are
// constants of this package, never input.
func changeSQL(driver, key, side string) string {
	if driver == config.DriverPostgres {
		if side == "" {
			return fmt.Sprintf("(changes::jsonb -> '%s')", key)
		}
		return fmt.Sprintf("(changes::jsonb -> '%s' ->> '%s')", key, side)
	}
	if side == "" {
		return fmt.Sprintf("json_extract(changes, '$.%s')", key)
	}
	return fmt.Sprintf("json_extract(changes, '$.%s.%s')", key, side)
}

// historyTasks is board_tasks as the tasks stood at @end (exclusive), from
// the trail: the tasks with a create row and no delete row before @end;
// their status is the "after" of their latest status change before @end
// (the create row counts as the first), and status_since its time; their
// due date and project likewise. A task always has its project's stream
// (moving either records the task's new stream), so its stream is its
// project's as of @end, from the project's trail, or the project's current
// one when that trail says nothing. A task's branch never changes and
// every one of its trail rows carries it.
//
// Updates that change none of those fields (most of them log progress)
// are left out by a cheap text match before any JSON is parsed; a false
// match costs nothing but time, as the JSON decides. One pass of window
// functions then reads each task's rows in order: a running
// count of the rows that set a field numbers the runs of rows sharing the
// same latest setting, and the value that opened the run is the field's
// value on every row of it. The last row of each task then holds all its
// fields, without a join per field (which the planner may turn into loops
// over small, unanalysed tables). The projects' streams are MATERIALIZED:
// computed once, not once per task when the planner picks a nested loop.
func historyTasks(driver string) string {
	c := func(key, side string) string { return changeSQL(driver, key, side) }
	return fmt.Sprintf(`WITH hist AS (
  SELECT entity_id, action, branch_id, created_at, id,
    %[1]s AS status, %[2]s AS due, CASE WHEN %[3]s IS NOT NULL THEN 1 END AS due_set,
    CAST(%[4]s AS BIGINT) AS project
  FROM activities WHERE entity_type = 'task' AND created_at < @end
    AND (action <> 'update' OR changes LIKE '%%"status"%%' OR changes LIKE '%%"due_date"%%' OR changes LIKE '%%"project_id"%%')
),
runs AS (
  SELECT entity_id, action, branch_id, created_at, status, due, project,
    COUNT(status) OVER w AS st_run, COUNT(due_set) OVER w AS due_run, COUNT(project) OVER w AS pj_run,
    ROW_NUMBER() OVER (PARTITION BY entity_id ORDER BY created_at DESC, id DESC) AS rn,
    SUM(CASE WHEN action = 'create' THEN 1 ELSE 0 END) OVER (PARTITION BY entity_id) AS creates,
    SUM(CASE WHEN action = 'delete' THEN 1 ELSE 0 END) OVER (PARTITION BY entity_id) AS deletes
  FROM hist
  WINDOW w AS (PARTITION BY entity_id ORDER BY created_at, id)
),
vals AS (
  SELECT entity_id, branch_id, rn, creates, deletes,
    MAX(status) OVER (PARTITION BY entity_id, st_run) AS status,
    MAX(CASE WHEN status IS NOT NULL THEN created_at END) OVER (PARTITION BY entity_id, st_run) AS status_since,
    MAX(due) OVER (PARTITION BY entity_id, due_run) AS due_date,
    MAX(project) OVER (PARTITION BY entity_id, pj_run) AS project_id
  FROM runs
),
ps AS MATERIALIZED (
  SELECT entity_id, v FROM (
    SELECT entity_id, CAST(%[5]s AS BIGINT) AS v,
      ROW_NUMBER() OVER (PARTITION BY entity_id ORDER BY created_at DESC, id DESC) AS rn
    FROM activities WHERE entity_type = 'project' AND created_at < @end AND %[5]s IS NOT NULL
  ) x WHERE rn = 1
),
board_tasks AS (
  SELECT v.entity_id AS id, COALESCE(ps.v, p.stream_id) AS stream_id, v.branch_id, v.status, v.due_date, v.status_since,
    CASE WHEN v.status = 'done' THEN v.status_since END AS completed_at
  FROM vals v
  LEFT JOIN ps ON ps.entity_id = v.project_id
  LEFT JOIN projects p ON p.id = v.project_id
  WHERE v.rn = 1 AND v.creates > 0 AND v.deletes = 0
)`, c("status", "after"), c("due_date", "after"), c("due_date", ""), c("project_id", "after"), c("stream_id", "after"))
}

// boardSource is the board_tasks expression to count from and its
// parameters.
type boardSource struct {
	with string
	args map[string]any
}

// newBoardSource returns the live tasks, or, when asOf, the tasks as they
// stood at the end of day.
func newBoardSource(driver string, day tracker.Date, asOf bool) boardSource {
	if !asOf {
		return boardSource{with: liveTasks, args: map[string]any{}}
	}
	return boardSource{with: historyTasks(driver), args: map[string]any{"end": day.AddDays(1).Time()}}
}
