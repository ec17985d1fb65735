package migrations

import "gorm.io/gorm"

// weeklyReports creates the interns' weekly reports: one per placement and
// ISO week (week is that week's Monday, YYYY-MM-DD), with its review state.
// intern_id and branch_id copy the placement's, which never change, so
// that lists can be narrowed to what a caller may read without a join.
func weeklyReports(tx *gorm.DB, d Dialect) error {
	return d.Exec(tx, `
CREATE TABLE weekly_reports (
  id {{id}},
  placement_id BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
  intern_id BIGINT NOT NULL REFERENCES users(id),
  branch_id BIGINT NOT NULL REFERENCES branches(id),
  week VARCHAR(10) NOT NULL,
  done {{text}} NOT NULL DEFAULT '',
  next {{text}} NOT NULL DEFAULT '',
  blockers {{text}} NOT NULL DEFAULT '',
  state VARCHAR(16) NOT NULL CHECK (state IN ('draft','submitted','accepted','needs_revision')),
  review_comment {{text}} NOT NULL DEFAULT '',
  reviewer_id BIGINT REFERENCES users(id),
  submitted_at {{time}},
  reviewed_at {{time}},
  version BIGINT NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  UNIQUE (placement_id, week)
);
CREATE INDEX idx_weekly_reports_branch ON weekly_reports (branch_id, state, week);
CREATE INDEX idx_weekly_reports_intern ON weekly_reports (intern_id, week);
CREATE INDEX idx_weekly_reports_submitted ON weekly_reports (placement_id, submitted_at)`)
}
