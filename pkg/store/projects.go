package store

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Lengths of the free text of projects and tasks.
const (
	maxTitle       = 200
	maxDescription = 10000
)

// ProjectInput is the body of a project create or update; nil fields are
// left alone on update. BranchID is for create only: a project's branch is
// fixed.
type ProjectInput struct {
	StreamID    *int64
	BranchID    *int64
	Title       *string
	Description *string
	OwnerID     *int64
	StartDate   tracker.Nullable[tracker.Date]
	EndDate     tracker.Nullable[tracker.Date]
	Status      *string
	TagIDs      *[]int64
}

// ProjectFilter narrows a project list.
type ProjectFilter struct {
	StreamID, BranchID, TagID, OwnerID int64
	Status, Q                          string
	Page                               Page
}

var projectSorts = map[string]string{
	"title": "projects.title", "start_date": "projects.start_date", "end_date": "projects.end_date",
	"created_at": "projects.created_at", "updated_at": "projects.updated_at",
}

// editsSomeWork reports whether u may edit the work of at least one branch
// (an admin, or a supervisor in their own), so that a create by anyone else
// is refused before its body is looked at.
func editsSomeWork(u *tracker.User) bool { return u.CanEditWork(branchOf(u)) }

// CreateProject adds a project to a branch the actor edits the work of.
func (s *Store) CreateProject(ctx context.Context, actor *tracker.User, in ProjectInput) (*tracker.Project, error) {
	if !editsSomeWork(actor) {
		return nil, tracker.Forbidden("only an admin or a supervisor of the branch may create projects")
	}
	p := tracker.Project{OwnerID: actor.ID, Status: tracker.ProjectActive, Version: 1, TagIDs: []int64{}}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := checkBranchField(tx, in.BranchID); err != nil {
			return err
		}
		if !actor.CanEditWork(*in.BranchID) {
			return tracker.Forbidden("you may create projects only in your own branch")
		}
		p.BranchID = *in.BranchID
		if _, err := applyProject(tx, &p, in, true); err != nil {
			return err
		}
		if err := tx.Create(&p).Error; err != nil {
			return err
		}
		if in.TagIDs != nil {
			p.TagIDs = normTagIDs(*in.TagIDs)
			if err := projectTags.set(tx, p.ID, p.TagIDs); err != nil {
				return err
			}
		}
		return record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityProject, p.ID, &p.BranchID, nil, created(map[string]any{
			"stream_id": p.StreamID, "branch_id": p.BranchID, "title": p.Title, "owner_id": p.OwnerID, "status": p.Status,
			"start_date": nullStr(p.StartDate.String()), "end_date": nullStr(p.EndDate.String()), "tag_ids": p.TagIDs}))
	})
	if err != nil {
		return nil, fmt.Errorf("store: create project: %w", err)
	}
	return &p, nil
}

// checkBranchField requires branch_id on a create and checks that it names
// a branch.
func checkBranchField(tx *gorm.DB, id *int64) error {
	if id == nil {
		return tracker.Invalid("branch_id", "is required")
	}
	p := tracker.Problems{}
	if err := checkExists(tx, p, "branches", "branch_id", *id, "no such branch"); err != nil {
		return err
	}
	return p.Err()
}

// checkExists records msg on field unless table has a row id.
func checkExists(tx *gorm.DB, p tracker.Problems, table, field string, id int64, msg string) error {
	var n int64
	if err := tx.Table(table).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		p.Add(field, msg)
	}
	return nil
}

// checkText records a problem on field when v is too long or, for a
// required text, empty.
func checkText(p tracker.Problems, field string, v *string, maxLen int, required bool) {
	switch {
	case v == nil:
		if required {
			p.Add(field, "is required")
		}
	case required && strings.TrimSpace(*v) == "":
		p.Add(field, "must not be empty")
	case len(*v) > maxLen:
		p.Add(field, fmt.Sprintf("must be at most %d characters", maxLen))
	}
}

// trimmed returns v without surrounding spaces.
func trimmed(v *string) *string {
	if v == nil {
		return nil
	}
	t := strings.TrimSpace(*v)
	return &t
}

// applyProject validates in and applies it to p, returning what changed.
// create makes stream_id and title required.
func applyProject(tx *gorm.DB, p *tracker.Project, in ProjectInput, create bool) (diff, error) {
	probs, d := tracker.Problems{}, diff{}
	if create && in.StreamID == nil {
		probs.Add("stream_id", "is required")
	}
	if in.StreamID != nil {
		if err := checkExists(tx, probs, "streams", "stream_id", *in.StreamID, "no such stream"); err != nil {
			return d, err
		}
	}
	set(&d, "stream_id", &p.StreamID, in.StreamID)
	if !create && in.BranchID != nil && *in.BranchID != p.BranchID {
		probs.Add("branch_id", "cannot change: a project stays in its branch")
	}
	title := trimmed(in.Title)
	checkText(probs, "title", title, maxTitle, create || title != nil)
	d.str("title", &p.Title, title)
	checkText(probs, "description", in.Description, maxDescription, false)
	d.str("description", &p.Description, in.Description)
	if in.OwnerID != nil {
		if err := checkOwner(tx, probs, *in.OwnerID, p.BranchID); err != nil {
			return d, err
		}
	}
	set(&d, "owner_id", &p.OwnerID, in.OwnerID)
	d.date("start_date", &p.StartDate, in.StartDate)
	d.date("end_date", &p.EndDate, in.EndDate)
	if !p.StartDate.IsZero() && !p.EndDate.IsZero() && p.EndDate.Before(p.StartDate) {
		probs.Add("end_date", "must not be before start_date")
	}
	if in.Status != nil && !tracker.ValidProjectStatus(*in.Status) {
		probs.Add("status", "must be active, on_hold, completed or cancelled")
	}
	d.str("status", &p.Status, in.Status)
	if in.TagIDs != nil {
		if err := checkTags(tx, probs, *in.TagIDs); err != nil {
			return d, err
		}
	}
	return d, probs.Err()
}

// checkOwner records a problem on owner_id unless id is an active admin or
// an active supervisor of branch.
func checkOwner(tx *gorm.DB, p tracker.Problems, id, branch int64) error {
	var n int64
	err := tx.Table("users").Where("id = ? AND active = ? AND (role = ? OR (role = ? AND branch_id = ?))",
		id, true, string(tracker.RoleAdmin), string(tracker.RoleSupervisor), branch).Count(&n).Error
	if err != nil {
		return err
	}
	if n == 0 {
		p.Add("owner_id", "must be an admin or a supervisor of the project's branch")
	}
	return nil
}

// loadProject reads project id in tx, answering not found when it is
// missing or hidden from actor.
func loadProject(tx *gorm.DB, actor *tracker.User, id int64) (*tracker.Project, error) {
	var p tracker.Project
	if err := tx.First(&p, id).Error; err != nil {
		return nil, notFound(err, "project")
	}
	if !actor.CanReadWork(p.BranchID) {
		return nil, tracker.NotFound("project")
	}
	return &p, nil
}

// editableProject loads project id for a change by actor: not found when
// hidden, forbidden when visible but not actor's to edit.
func editableProject(tx *gorm.DB, actor *tracker.User, id int64) (*tracker.Project, error) {
	p, err := loadProject(tx, actor, id)
	if err != nil {
		return nil, err
	}
	if !actor.CanEditWork(p.BranchID) {
		return nil, tracker.Forbidden("only an admin or a supervisor of the branch may change its projects")
	}
	return p, nil
}

// UpdateProject changes a project whose version is still version. A new
// stream carries the project's tasks along.
func (s *Store) UpdateProject(ctx context.Context, actor *tracker.User, id, version int64, in ProjectInput) (*tracker.Project, error) {
	var p *tracker.Project
	err := s.write(ctx, func(tx *gorm.DB) error {
		var err error
		if p, err = editableProject(tx, actor, id); err != nil {
			return err
		}
		tags, err := projectTags.of(tx, []int64{id})
		if err != nil {
			return err
		}
		p.TagIDs = tags[id]
		oldStream := p.StreamID
		d, err := applyProject(tx, p, in, false)
		if err != nil {
			return err
		}
		before := p.TagIDs
		if in.TagIDs != nil {
			p.TagIDs = normTagIDs(*in.TagIDs)
			d.tags(before, p.TagIDs, s.Now())
		}
		if err := s.update(tx, actor, "projects", tracker.EntityProject, id, version, d, &p.Version, &p.BranchID, nil); err != nil {
			return err
		}
		if in.TagIDs != nil {
			if err := projectTags.set(tx, id, p.TagIDs); err != nil {
				return err
			}
		}
		if p.StreamID != oldStream {
			return s.moveTasksToStream(tx, actor, id, p.StreamID)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: update project: %w", err)
	}
	return p, nil
}

// moveTasksToStream gives every task of project the project's new stream,
// bumping their versions and recording one activity row per task.
func (s *Store) moveTasksToStream(tx *gorm.DB, actor *tracker.User, project, stream int64) error {
	var tasks []tracker.Task
	if err := tx.Select("id, stream_id, branch_id, assignee_id").Where("project_id = ? AND stream_id <> ?", project, stream).Find(&tasks).Error; err != nil {
		return err
	}
	if len(tasks) == 0 {
		return nil
	}
	err := tx.Table("tasks").Where("project_id = ? AND stream_id <> ?", project, stream).
		Updates(map[string]any{"stream_id": stream, "version": gorm.Expr("version + 1"), "updated_at": s.Now()}).Error
	if err != nil {
		return err
	}
	rows := make([]activityRow, len(tasks))
	for i, t := range tasks {
		rows[i] = activityRow{ActorID: &actor.ID, Action: tracker.ActionUpdate, EntityType: tracker.EntityTask, EntityID: t.ID,
			BranchID: &tasks[i].BranchID, SubjectID: t.AssigneeID, CreatedAt: s.Now(),
			Changes: map[string]tracker.Change{"stream_id": {Before: t.StreamID, After: stream}}}
	}
	return tx.Table("activities").Create(&rows).Error
}

// DeleteProject removes a project that has no tasks left.
func (s *Store) DeleteProject(ctx context.Context, actor *tracker.User, id int64) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		p, err := editableProject(tx, actor, id)
		if err != nil {
			return err
		}
		var n int64
		if err := tx.Table("tasks").Where("project_id = ?", id).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return tracker.Errorf(tracker.ECodeConflict, "the project still has %d tasks; delete them or move them to another project first", n)
		}
		if err := tx.Delete(&tracker.Project{}, id).Error; err != nil {
			return err
		}
		return record(tx, s.Now(), actor, tracker.ActionDelete, tracker.EntityProject, id, &p.BranchID, nil,
			deleted(map[string]any{"title": p.Title, "stream_id": p.StreamID, "branch_id": p.BranchID}))
	})
	if err != nil {
		return fmt.Errorf("store: delete project: %w", err)
	}
	return nil
}

// Project returns project id if actor may read it.
func (s *Store) Project(ctx context.Context, actor *tracker.User, id int64) (*tracker.Project, error) {
	db := s.read(ctx)
	p, err := loadProject(db, actor, id)
	if err != nil {
		return nil, err
	}
	tags, err := projectTags.of(db, []int64{id})
	if err != nil {
		return nil, fmt.Errorf("store: project: %w", err)
	}
	p.TagIDs = tags[id]
	return p, nil
}

// workOfReader narrows q over table (projects or tasks) to the branches
// whose work actor may read: an intern reads only their own branch's.
func workOfReader(q *gorm.DB, actor *tracker.User, table string) *gorm.DB {
	if actor.Role == tracker.RoleIntern {
		return q.Where(table+".branch_id = ?", branchOf(actor))
	}
	return q
}

// searchText narrows q to rows whose title or description contains text,
// case-insensitively.
func searchText(q *gorm.DB, table, text string) *gorm.DB {
	like := likeQ(text)
	return q.Where(`(LOWER(`+table+`.title) LIKE ? ESCAPE '\' OR LOWER(`+table+`.description) LIKE ? ESCAPE '\')`, like, like)
}

// idEq is one "column = id" filter of a list; a zero id filters nothing.
type idEq struct {
	col string
	id  int64
}

// whereIDs narrows q over table by each filter that is set.
func whereIDs(q *gorm.DB, table string, filters ...idEq) *gorm.DB {
	for _, f := range filters {
		if f.id != 0 {
			q = q.Where(table+"."+f.col+" = ?", f.id)
		}
	}
	return q
}

// Projects lists the projects actor may read.
func (s *Store) Projects(ctx context.Context, actor *tracker.User, f ProjectFilter) ([]tracker.Project, int64, error) {
	db := s.read(ctx)
	q := workOfReader(db.Model(&tracker.Project{}), actor, "projects")
	q = whereIDs(q, "projects", idEq{"stream_id", f.StreamID}, idEq{"branch_id", f.BranchID}, idEq{"owner_id", f.OwnerID})
	if f.TagID != 0 {
		q = projectTags.hasTag(q, "projects", f.TagID)
	}
	if f.Status != "" {
		q = q.Where("projects.status = ?", f.Status)
	}
	if f.Q != "" {
		q = searchText(q, "projects", f.Q)
	}
	var out []tracker.Project
	total, err := list(ctx, q, f.Page, "title", projectSorts, "projects", &out)
	if err != nil {
		return nil, 0, fmt.Errorf("store: projects: %w", err)
	}
	ids := make([]int64, len(out))
	for i, p := range out {
		ids[i] = p.ID
	}
	tags, err := projectTags.of(db, ids)
	if err != nil {
		return nil, 0, fmt.Errorf("store: projects: %w", err)
	}
	for i := range out {
		out[i].TagIDs = tags[out[i].ID]
	}
	return out, total, nil
}
