package migrations

import "gorm.io/gorm"

// handoverNotifications adds the handover of a placement and the in-app
// notifications (issue 7, parts 5 and 6).
//
//   - placements.handed_over_at marks a placement read-only once handed
//     over; NULL while it is open.
//   - handovers keeps, once per placement, the handover report as it was
//     at that moment (JSON text), who took the work on (NULL: back to the
//     supervisor) and who handed it over; handover_tasks names the open
//     tasks it passed on, so the successor's home lists them.
//   - notifications are one row per recipient. dedupe_key is set only for
//     the time-based kinds (evaluation due, placement ending): its unique
//     index lets several processes generate them with INSERT ... ON
//     CONFLICT DO NOTHING and still write each once.
func handoverNotifications(tx *gorm.DB, d Dialect) error {
	return d.Exec(tx, `
ALTER TABLE placements ADD COLUMN handed_over_at {{time}};
CREATE TABLE handovers (
  id {{id}},
  placement_id BIGINT NOT NULL UNIQUE REFERENCES placements(id) ON DELETE CASCADE,
  successor_id BIGINT REFERENCES users(id),
  note {{text}} NOT NULL DEFAULT '',
  report {{text}} NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at {{time}} NOT NULL
);
CREATE INDEX idx_handovers_successor ON handovers (successor_id, created_at);
CREATE TABLE handover_tasks (
  handover_id BIGINT NOT NULL REFERENCES handovers(id) ON DELETE CASCADE,
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  PRIMARY KEY (handover_id, task_id)
);
CREATE INDEX idx_handover_tasks_task ON handover_tasks (task_id);
CREATE TABLE notifications (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind VARCHAR(32) NOT NULL,
  task_id BIGINT REFERENCES tasks(id) ON DELETE CASCADE,
  placement_id BIGINT REFERENCES placements(id) ON DELETE CASCADE,
  milestone_id BIGINT REFERENCES milestones(id) ON DELETE CASCADE,
  actor_id BIGINT REFERENCES users(id),
  dedupe_key VARCHAR(96) UNIQUE,
  created_at {{time}} NOT NULL,
  read_at {{time}}
);
CREATE INDEX idx_notifications_user ON notifications (user_id, created_at, id);
CREATE INDEX idx_notifications_unread ON notifications (user_id, read_at)`)
}
