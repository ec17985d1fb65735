package tracker

import "time"

// EntityObjective names a learning objective in the activity trail.
const EntityObjective = "objective"

// Objective is a learning objective agreed for a placement at onboarding.
// The tasks that serve it are linked from its side (TaskIDs); its progress
// rolls up from them.
type Objective struct {
	ID          int64     `json:"id" gorm:"primaryKey"`
	PlacementID int64     `json:"placement_id"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Version     int64     `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`

	TaskIDs []int64         `json:"task_ids" gorm:"-"`
	Tasks   []ObjectiveTask `json:"tasks" gorm:"-"`
	// ProgressPct is the weighted completion of the linked tasks, as
	// WeightedProgress counts it; 0 without tasks.
	ProgressPct int `json:"progress_pct" gorm:"-"`
	TaskCount   int `json:"task_count" gorm:"-"`
	DoneCount   int `json:"done_count" gorm:"-"`
}

// ObjectiveTask is what an objective shows of one linked task.
type ObjectiveTask struct {
	ID            int64    `json:"id"`
	Title         string   `json:"title"`
	Status        Status   `json:"status"`
	Progress      int      `json:"progress"`
	EstimateHours *float64 `json:"estimate_hours"`
	DueDate       Date     `json:"due_date"`
}
