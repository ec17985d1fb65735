package migrations

import "gorm.io/gorm"

// initial creates the tracker's tables. Dates are stored as YYYY-MM-DD text
// so that comparisons and ranges behave the same on both databases.
func initial(tx *gorm.DB, d Dialect) error {
	return d.Exec(tx, `
CREATE TABLE branches (
  id {{id}},
  code VARCHAR(16) NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL,
  description {{text}} NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE streams (
  id {{id}},
  code VARCHAR(16) NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL,
  description {{text}} NOT NULL DEFAULT ''
);
CREATE TABLE tags (
  id {{id}},
  code VARCHAR(32) NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL,
  description {{text}} NOT NULL DEFAULT '',
  kind VARCHAR(16) NOT NULL CHECK (kind IN ('organisation','framework','country')),
  version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE users (
  id {{id}},
  email VARCHAR(254) NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL,
  role VARCHAR(16) NOT NULL CHECK (role IN ('admin','leadership','supervisor','intern')),
  branch_id BIGINT REFERENCES branches(id),
  locale VARCHAR(8) NOT NULL DEFAULT 'en',
  active BOOLEAN NOT NULL DEFAULT TRUE,
  password_hash VARCHAR(255) NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL
);
CREATE INDEX idx_users_branch ON users (branch_id, role);
CREATE TABLE sessions (
  id {{id}},
  family_id VARCHAR(64) NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash VARCHAR(64) NOT NULL UNIQUE,
  created_at {{time}} NOT NULL,
  expires_at {{time}} NOT NULL,
  rotated_at {{time}},
  revoked_at {{time}},
  user_agent VARCHAR(255) NOT NULL DEFAULT '',
  ip VARCHAR(64) NOT NULL DEFAULT ''
);
CREATE INDEX idx_sessions_family ON sessions (family_id);
CREATE INDEX idx_sessions_user ON sessions (user_id);
CREATE TABLE placements (
  id {{id}},
  intern_id BIGINT NOT NULL REFERENCES users(id),
  branch_id BIGINT NOT NULL REFERENCES branches(id),
  supervisor_id BIGINT NOT NULL REFERENCES users(id),
  start_date VARCHAR(10) NOT NULL,
  end_date VARCHAR(10) NOT NULL,
  focus {{text}} NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL,
  CHECK (end_date > start_date)
);
CREATE INDEX idx_placements_intern ON placements (intern_id, start_date);
CREATE INDEX idx_placements_branch ON placements (branch_id, end_date);
CREATE TABLE milestones (
  id {{id}},
  placement_id BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
  kind VARCHAR(32) NOT NULL,
  due_date VARCHAR(10) NOT NULL,
  done_at {{time}},
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (placement_id, kind)
);
CREATE TABLE projects (
  id {{id}},
  stream_id BIGINT NOT NULL REFERENCES streams(id),
  branch_id BIGINT NOT NULL REFERENCES branches(id),
  title VARCHAR(200) NOT NULL,
  description {{text}} NOT NULL DEFAULT '',
  owner_id BIGINT NOT NULL REFERENCES users(id),
  start_date VARCHAR(10),
  end_date VARCHAR(10),
  status VARCHAR(16) NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL
);
CREATE INDEX idx_projects_branch ON projects (branch_id, stream_id);
CREATE TABLE project_tags (
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, tag_id)
);
CREATE INDEX idx_project_tags_tag ON project_tags (tag_id);
CREATE TABLE tasks (
  id {{id}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  stream_id BIGINT NOT NULL REFERENCES streams(id),
  branch_id BIGINT NOT NULL REFERENCES branches(id),
  title VARCHAR(200) NOT NULL,
  description {{text}} NOT NULL DEFAULT '',
  assignee_id BIGINT REFERENCES users(id),
  status VARCHAR(16) NOT NULL CHECK (status IN ('todo','in_progress','blocked','in_review','done')),
  priority VARCHAR(16) NOT NULL CHECK (priority IN ('low','medium','high','urgent')),
  start_date VARCHAR(10),
  due_date VARCHAR(10),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  estimate_hours {{float}},
  created_by BIGINT NOT NULL REFERENCES users(id),
  status_since {{time}} NOT NULL,
  completed_at {{time}},
  version BIGINT NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL
);
CREATE INDEX idx_tasks_project ON tasks (project_id, status);
CREATE INDEX idx_tasks_assignee ON tasks (assignee_id, status);
CREATE INDEX idx_tasks_branch_stream ON tasks (branch_id, stream_id, status);
CREATE INDEX idx_tasks_due ON tasks (due_date);
CREATE TABLE task_tags (
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, tag_id)
);
CREATE INDEX idx_task_tags_tag ON task_tags (tag_id);
CREATE TABLE progress_logs (
  id {{id}},
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES users(id),
  note {{text}} NOT NULL DEFAULT '',
  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
  hours {{float}},
  created_at {{time}} NOT NULL
);
CREATE INDEX idx_progress_task ON progress_logs (task_id, created_at);
CREATE INDEX idx_progress_author ON progress_logs (author_id, created_at);
CREATE TABLE comments (
  id {{id}},
  task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES users(id),
  body {{text}} NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL
);
CREATE INDEX idx_comments_task ON comments (task_id, created_at);
CREATE TABLE activities (
  id {{id}},
  actor_id BIGINT REFERENCES users(id),
  action VARCHAR(16) NOT NULL,
  entity_type VARCHAR(32) NOT NULL,
  entity_id BIGINT NOT NULL,
  branch_id BIGINT,
  subject_id BIGINT,
  changes {{text}} NOT NULL DEFAULT '{}',
  created_at {{time}} NOT NULL
);
CREATE INDEX idx_activities_created ON activities (created_at);
CREATE INDEX idx_activities_entity ON activities (entity_type, entity_id);
CREATE INDEX idx_activities_branch ON activities (branch_id, created_at)
`)
}
