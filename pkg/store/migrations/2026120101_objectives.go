package migrations

import "gorm.io/gorm"

// objectives creates the learning objectives agreed per placement at
// onboarding, and the link table to the tasks that serve each one. The
// link lives on the objective's side so that tasks need no new column;
// deleting a placement or a task drops its links with it.
func objectives(tx *gorm.DB, d Dialect) error {
	return d.Exec(tx, `
CREATE TABLE objectives (
  id {{id}},
  placement_id BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
  title VARCHAR(200) NOT NULL,
  description {{text}} NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL
);
CREATE INDEX idx_objectives_placement ON objectives (placement_id, id);
CREATE TABLE objective_tasks (
  objective_id BIGINT NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  PRIMARY KEY (objective_id, task_id)
);
CREATE INDEX idx_objective_tasks_task ON objective_tasks (task_id)`)
}
