package migrations

import (
	"time"

	"gorm.io/gorm"
)

// evaluations creates the mid-term and final evaluations of placements:
// one row per placement and kind, scheduled from the placement's
// milestone (whose due date is the evaluation's, read by join, so moving
// the milestone moves the evaluation). Each side's assessment (a score and
// a comment per competency, an overall comment) is kept as JSON text, the
// empty text for an assessment not begun. Every placement already there gets its two
// evaluations, as drafts.
func evaluations(tx *gorm.DB, d Dialect) error {
	err := d.Exec(tx, `
CREATE TABLE evaluations (
  id {{id}},
  placement_id BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
  milestone_id BIGINT NOT NULL REFERENCES milestones(id) ON DELETE CASCADE,
  kind VARCHAR(16) NOT NULL,
  state VARCHAR(16) NOT NULL DEFAULT 'draft',
  self_assessment {{text}} NOT NULL DEFAULT '',
  supervisor_assessment {{text}} NOT NULL DEFAULT '',
  submitted_at {{time}},
  reviewed_at {{time}},
  signed_at {{time}},
  signed_by BIGINT REFERENCES users(id),
  version BIGINT NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  UNIQUE (placement_id, kind),
  UNIQUE (milestone_id)
);
CREATE INDEX idx_evaluations_state ON evaluations (state, milestone_id)`)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	return tx.Exec(`
INSERT INTO evaluations (placement_id, milestone_id, kind, state, version, created_at, updated_at)
SELECT m.placement_id, m.id, CASE m.kind WHEN 'midterm_review' THEN 'midterm' ELSE 'final' END, 'draft', 1, ?, ?
FROM milestones m WHERE m.kind IN ('midterm_review', 'final_review') ORDER BY m.id`, now, now).Error
}
