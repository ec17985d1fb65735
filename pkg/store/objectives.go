package store

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Limits of an objective: a title and a few lines of description.
const (
	maxObjectiveTitle       = 200
	maxObjectiveDescription = 2000
	maxObjectiveTasks       = 50
)

// ObjectiveInput is the input of CreateObjective and UpdateObjective; nil
// fields are left alone (create requires Title). TaskIDs replaces the set
// of linked tasks.
type ObjectiveInput struct {
	Title       *string
	Description *string
	TaskIDs     *[]int64
}

// objectiveWriter loads placement placementID, and objective id of it
// unless id is 0 (a creation), for a write to its objectives: a hidden
// placement, or an objective of another placement, is not found; only an
// admin or a supervisor of the placement's branch may write. Every
// objective write goes through here, so a rule about when a placement's
// objectives are frozen belongs here too.
func objectiveWriter(tx *gorm.DB, actor *tracker.User, placementID, id int64) (*tracker.Placement, *tracker.Objective, error) {
	var p tracker.Placement
	if err := loadPlacement(tx, actor, placementID, &p); err != nil {
		return nil, nil, err
	}
	var o *tracker.Objective
	if id != 0 {
		var err error
		if o, err = loadObjective(tx, &p, id); err != nil {
			return nil, nil, err
		}
	}
	if !actor.CanManagePlacements(p.BranchID) {
		return nil, nil, tracker.Forbidden("only an admin or a supervisor of the branch may change the objectives of this placement")
	}
	if err := ensurePlacementOpen(&p); err != nil {
		return nil, nil, err
	}
	return &p, o, nil
}

// loadObjective reads objective id of placement p; an objective of another
// placement is not found.
func loadObjective(db *gorm.DB, p *tracker.Placement, id int64) (*tracker.Objective, error) {
	var o tracker.Objective
	if err := db.Where("id = ? AND placement_id = ?", id, p.ID).First(&o).Error; err != nil {
		return nil, notFound(err, "objective")
	}
	return &o, nil
}

// checkObjective validates in; create makes the title required.
func checkObjective(tx *gorm.DB, p *tracker.Placement, in ObjectiveInput, create bool) error {
	probs := tracker.Problems{}
	checkText(probs, "title", in.Title, maxObjectiveTitle, create || in.Title != nil)
	checkText(probs, "description", in.Description, maxObjectiveDescription, false)
	if in.TaskIDs != nil {
		if err := checkObjectiveTasks(tx, probs, p, normTagIDs(*in.TaskIDs)); err != nil {
			return err
		}
	}
	return probs.Err()
}

// checkObjectiveTasks records a problem on task_ids unless every id names a
// task of p's intern in p's branch.
func checkObjectiveTasks(tx *gorm.DB, probs tracker.Problems, p *tracker.Placement, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if len(ids) > maxObjectiveTasks {
		probs.Add("task_ids", fmt.Sprintf("must hold at most %d tasks", maxObjectiveTasks))
		return nil
	}
	var n int64
	err := tx.Table("tasks").Where("id IN ? AND assignee_id = ? AND branch_id = ?", ids, p.InternID, p.BranchID).Count(&n).Error
	if err != nil {
		return err
	}
	if n != int64(len(ids)) {
		probs.Add("task_ids", "may only name tasks assigned to the placement's intern in the placement's branch")
	}
	return nil
}

// setObjectiveTasks replaces the tasks linked to objective id with ids.
func setObjectiveTasks(tx *gorm.DB, id int64, ids []int64) error {
	if err := tx.Exec("DELETE FROM objective_tasks WHERE objective_id = ?", id).Error; err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(ids))
	for i, t := range ids {
		rows[i] = map[string]any{"objective_id": id, "task_id": t}
	}
	return tx.Table("objective_tasks").Create(rows).Error
}

// CreateObjective adds a learning objective to placement placementID.
func (s *Store) CreateObjective(ctx context.Context, actor *tracker.User, placementID int64, in ObjectiveInput) (*tracker.Objective, error) {
	var o *tracker.Objective
	err := s.write(ctx, func(tx *gorm.DB) error {
		p, _, err := objectiveWriter(tx, actor, placementID, 0)
		if err != nil {
			return err
		}
		if err := checkObjective(tx, p, in, true); err != nil {
			return err
		}
		now := s.Now().Truncate(time.Microsecond)
		o = &tracker.Objective{PlacementID: p.ID, Title: *trimmed(in.Title), Version: 1, CreatedAt: now, UpdatedAt: now}
		if in.Description != nil {
			o.Description = *trimmed(in.Description)
		}
		if err := tx.Create(o).Error; err != nil {
			return err
		}
		ids := []int64{}
		if in.TaskIDs != nil {
			ids = normTagIDs(*in.TaskIDs)
		}
		if err := setObjectiveTasks(tx, o.ID, ids); err != nil {
			return err
		}
		err = record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityObjective, o.ID, &p.BranchID, &p.InternID,
			created(map[string]any{"placement_id": p.ID, "title": o.Title, "description": nullStr(o.Description), "task_ids": ids}))
		if err != nil {
			return err
		}
		return describeObjectives(tx, o)
	})
	if err != nil {
		return nil, fmt.Errorf("store: create objective: %w", err)
	}
	return o, nil
}

// UpdateObjective changes an objective whose version is still version.
func (s *Store) UpdateObjective(ctx context.Context, actor *tracker.User, placementID, id, version int64, in ObjectiveInput) (*tracker.Objective, error) {
	var o *tracker.Objective
	err := s.write(ctx, func(tx *gorm.DB) error {
		var p *tracker.Placement
		var err error
		if p, o, err = objectiveWriter(tx, actor, placementID, id); err != nil {
			return err
		}
		if err := checkObjective(tx, p, in, false); err != nil {
			return err
		}
		before, err := objectiveTaskIDs(tx, o.ID)
		if err != nil {
			return err
		}
		d := diff{}
		d.str("title", &o.Title, trimmed(in.Title))
		d.str("description", &o.Description, trimmed(in.Description))
		now := s.Now().Truncate(time.Microsecond)
		if in.TaskIDs != nil {
			after := normTagIDs(*in.TaskIDs)
			if !slices.Equal(before, after) {
				if err := setObjectiveTasks(tx, o.ID, after); err != nil {
					return err
				}
				d.put("task_ids", before, after)
				delete(d.cols, "task_ids")
			}
		}
		changed := len(d.changes) > 0
		if changed {
			// A change of the links alone touches updated_at, so that the
			// row's version moves with it.
			d.cols["updated_at"] = now
		}
		if err := s.update(tx, actor, "objectives", tracker.EntityObjective, id, version, d, &o.Version, &p.BranchID, &p.InternID); err != nil {
			return err
		}
		if changed {
			o.UpdatedAt = now
		}
		return describeObjectives(tx, o)
	})
	if err != nil {
		return nil, fmt.Errorf("store: update objective: %w", err)
	}
	return o, nil
}

// DeleteObjective removes an objective and its links; the tasks stay.
func (s *Store) DeleteObjective(ctx context.Context, actor *tracker.User, placementID, id int64) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		p, o, err := objectiveWriter(tx, actor, placementID, id)
		if err != nil {
			return err
		}
		ids, err := objectiveTaskIDs(tx, o.ID)
		if err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM objective_tasks WHERE objective_id = ?", id).Error; err != nil {
			return err
		}
		if err := tx.Delete(&tracker.Objective{}, id).Error; err != nil {
			return err
		}
		return record(tx, s.Now(), actor, tracker.ActionDelete, tracker.EntityObjective, id, &p.BranchID, &p.InternID,
			deleted(map[string]any{"placement_id": p.ID, "title": o.Title, "description": o.Description, "task_ids": ids}))
	})
	if err != nil {
		return fmt.Errorf("store: delete objective: %w", err)
	}
	return nil
}

// Objectives returns the objectives of a placement actor may read, oldest
// first, with their tasks and progress.
func (s *Store) Objectives(ctx context.Context, actor *tracker.User, placementID int64) ([]tracker.Objective, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	out := []tracker.Objective{}
	err := db.Where("placement_id = ?", placementID).Order("id").Find(&out).Error
	if err == nil {
		err = describeObjectives(db, ptrs(out)...)
	}
	if err != nil {
		return nil, fmt.Errorf("store: objectives: %w", err)
	}
	return out, nil
}

// Objective returns objective id of a placement actor may read.
func (s *Store) Objective(ctx context.Context, actor *tracker.User, placementID, id int64) (*tracker.Objective, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	o, err := loadObjective(db, &p, id)
	if err != nil {
		return nil, err
	}
	if err := describeObjectives(db, o); err != nil {
		return nil, fmt.Errorf("store: objective: %w", err)
	}
	return o, nil
}

// objectiveTaskIDs returns the ids of the tasks linked to objective id,
// sorted.
func objectiveTaskIDs(db *gorm.DB, id int64) ([]int64, error) {
	ids := []int64{}
	err := db.Table("objective_tasks").Where("objective_id = ?", id).Order("task_id").Pluck("task_id", &ids).Error
	return ids, err
}

// objectiveTaskRow is one linked task, with the objective it serves.
type objectiveTaskRow struct {
	ObjectiveID int64
	tracker.ObjectiveTask
}

// objectiveRollup is the roll-up of one objective's tasks, summed in SQL.
type objectiveRollup struct {
	ObjectiveID int64
	N, Done     int64
	Weighted    float64
	Weight      float64
}

// taskWeight is a task's weight in a roll-up: its estimate in hours, or 1
// without one (as tracker.WeightedProgress counts it).
const taskWeight = "(CASE WHEN t.estimate_hours > 0 THEN t.estimate_hours ELSE 1 END)"

// describeObjectives fills the linked tasks and the progress of os, in two
// queries for all of them.
func describeObjectives(db *gorm.DB, os ...*tracker.Objective) error {
	if len(os) == 0 {
		return nil
	}
	ids := make([]int64, len(os))
	byID := make(map[int64]*tracker.Objective, len(os))
	for i, o := range os {
		ids[i], byID[o.ID] = o.ID, o
		o.TaskIDs, o.Tasks = []int64{}, []tracker.ObjectiveTask{}
		o.ProgressPct, o.TaskCount, o.DoneCount = 0, 0, 0
	}
	var rows []objectiveTaskRow
	err := db.Table("objective_tasks ot").Joins("JOIN tasks t ON t.id = ot.task_id").
		Select("ot.objective_id, t.id, t.title, t.status, t.progress, t.estimate_hours, t.due_date").
		Where("ot.objective_id IN ?", ids).Order("ot.objective_id, t.id").Find(&rows).Error
	if err != nil {
		return fmt.Errorf("objective tasks: %w", err)
	}
	for _, r := range rows {
		o := byID[r.ObjectiveID]
		o.TaskIDs = append(o.TaskIDs, r.ID)
		o.Tasks = append(o.Tasks, r.ObjectiveTask)
	}
	done := string(tracker.StatusDone)
	var sums []objectiveRollup
	err = db.Table("objective_tasks ot").Joins("JOIN tasks t ON t.id = ot.task_id").
		Select("ot.objective_id, COUNT(*) AS n, "+
			"SUM(CASE WHEN t.status = ? THEN 1 ELSE 0 END) AS done, "+
			"SUM("+taskWeight+" * (CASE WHEN t.status = ? THEN 100 ELSE t.progress END)) AS weighted, "+
			"SUM("+taskWeight+") AS weight", done, done).
		Where("ot.objective_id IN ?", ids).Group("ot.objective_id").Find(&sums).Error
	if err != nil {
		return fmt.Errorf("objective progress: %w", err)
	}
	for _, r := range sums {
		o := byID[r.ObjectiveID]
		o.TaskCount, o.DoneCount = int(r.N), int(r.Done)
		if r.Weight > 0 {
			o.ProgressPct = int(math.Round(r.Weighted / r.Weight))
		}
	}
	return nil
}
