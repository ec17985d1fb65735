package tracker

import "time"

// Role is what a user may do in the division.
type Role string

// The four roles of design.md.
const (
	RoleAdmin      Role = "admin"
	RoleLeadership Role = "leadership"
	RoleSupervisor Role = "supervisor"
	RoleIntern     Role = "intern"
)

// Roles lists every role, in the order the API documents them.
var Roles = []Role{RoleAdmin, RoleLeadership, RoleSupervisor, RoleIntern}

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool {
	for _, v := range Roles {
		if r == v {
			return true
		}
	}
	return false
}

// Locales the interface is translated into.
var Locales = []string{"en", "fr"}

// ValidLocale reports whether l is a supported interface language.
func ValidLocale(l string) bool { return l == "en" || l == "fr" }

// User is an account. Interns and supervisors belong to one branch;
// leadership and admins usually to none.
type User struct {
	ID           int64     `json:"id" gorm:"primaryKey"`
	Email        string    `json:"email"`
	Name         string    `json:"name"`
	Role         Role      `json:"role"`
	BranchID     *int64    `json:"branch_id"`
	Locale       string    `json:"locale"`
	Active       bool      `json:"active"`
	PasswordHash string    `json:"-"`
	Version      int64     `json:"version"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// InBranch reports whether the user belongs to branch id.
func (u *User) InBranch(id int64) bool { return u.BranchID != nil && *u.BranchID == id }

// Branch is one of the division's branches (CPP, MC).
type Branch struct {
	ID          int64  `json:"id" gorm:"primaryKey"`
	Code        string `json:"code"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Version     int64  `json:"version"`
}

// Stream is one of the three fixed project streams.
type Stream struct {
	ID          int64  `json:"id" gorm:"primaryKey"`
	Code        string `json:"code"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Tag kinds.
const (
	TagOrganisation = "organisation"
	TagFramework    = "framework"
	TagCountry      = "country"
)

// ValidTagKind reports whether k is a known tag kind.
func ValidTagKind(k string) bool {
	return k == TagOrganisation || k == TagFramework || k == TagCountry
}

// Tag marks projects and tasks with an organisation, a partnership
// framework or a partner country.
type Tag struct {
	ID          int64  `json:"id" gorm:"primaryKey"`
	Code        string `json:"code"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Kind        string `json:"kind"`
	Version     int64  `json:"version"`
}

// Placement is one intern's stay in a branch, usually six months.
type Placement struct {
	ID           int64     `json:"id" gorm:"primaryKey"`
	InternID     int64     `json:"intern_id"`
	BranchID     int64     `json:"branch_id"`
	SupervisorID int64     `json:"supervisor_id"`
	StartDate    Date      `json:"start_date"`
	EndDate      Date      `json:"end_date"`
	Focus        string    `json:"focus"`
	Version      int64     `json:"version"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
	// HandedOverAt is when the placement was handed over; from then on it
	// and its milestones are read-only. Nil while it is open.
	HandedOverAt *time.Time `json:"handed_over_at"`

	State       PlacementState `json:"state" gorm:"-"`
	Month       int            `json:"month" gorm:"-"`
	ElapsedPct  int            `json:"elapsed_pct" gorm:"-"`
	ProgressPct int            `json:"progress_pct" gorm:"-"`
	Health      Health         `json:"health" gorm:"-"`
	// LastLogAt is when the intern last logged progress, on any task; nil
	// when never.
	LastLogAt *time.Time `json:"last_log_at" gorm:"-"`
	// LastReportAt is when the intern last submitted a weekly report of
	// this placement; nil when never. DaysQuiet counts the days the health
	// rule judges as quiet (0 when it judges none) and Stale says they
	// reached tracker.StaleDays.
	LastReportAt *time.Time `json:"last_report_at" gorm:"-"`
	DaysQuiet    int        `json:"days_quiet" gorm:"-"`
	Stale        bool       `json:"stale" gorm:"-"`
	// ChecklistOverdue counts the placement's checklist items not done and
	// due before today.
	ChecklistOverdue int `json:"checklist_overdue" gorm:"-"`

	// The names of the people the placement names, so that a reader who
	// may not read those users still sees who they are.
	InternName     string `json:"intern_name" gorm:"-"`
	SupervisorName string `json:"supervisor_name" gorm:"-"`
}

// Milestone kinds, created with each placement.
const (
	MilestoneOnboarding = "onboarding"
	MilestoneMidterm    = "midterm_review"
	MilestoneFinal      = "final_review"
)

// Milestone is a dated step of a placement.
type Milestone struct {
	ID          int64      `json:"id" gorm:"primaryKey"`
	PlacementID int64      `json:"placement_id"`
	Kind        string     `json:"kind"`
	DueDate     Date       `json:"due_date"`
	DoneAt      *time.Time `json:"done_at"`
	Version     int64      `json:"version"`
}

// Project statuses.
const (
	ProjectActive    = "active"
	ProjectOnHold    = "on_hold"
	ProjectCompleted = "completed"
	ProjectCancelled = "cancelled"
)

// ValidProjectStatus reports whether s is a project status.
func ValidProjectStatus(s string) bool {
	switch s {
	case ProjectActive, ProjectOnHold, ProjectCompleted, ProjectCancelled:
		return true
	}
	return false
}

// Project groups tasks of one stream in one branch.
type Project struct {
	ID          int64     `json:"id" gorm:"primaryKey"`
	StreamID    int64     `json:"stream_id"`
	BranchID    int64     `json:"branch_id"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	OwnerID     int64     `json:"owner_id"`
	StartDate   Date      `json:"start_date"`
	EndDate     Date      `json:"end_date"`
	Status      string    `json:"status"`
	Version     int64     `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`

	TagIDs []int64 `json:"tag_ids" gorm:"-"`
}

// Priority of a task.
type Priority string

// Task priorities.
const (
	PriorityLow    Priority = "low"
	PriorityMedium Priority = "medium"
	PriorityHigh   Priority = "high"
	PriorityUrgent Priority = "urgent"
)

// Valid reports whether p is a known priority.
func (p Priority) Valid() bool {
	switch p {
	case PriorityLow, PriorityMedium, PriorityHigh, PriorityUrgent:
		return true
	}
	return false
}

// Task is a unit of work in a project, usually assigned to an intern.
// StreamID and BranchID are denormalised from the project so that lists and
// the board filter without a join.
type Task struct {
	ID            int64      `json:"id" gorm:"primaryKey"`
	ProjectID     int64      `json:"project_id"`
	StreamID      int64      `json:"stream_id"`
	BranchID      int64      `json:"branch_id"`
	Title         string     `json:"title"`
	Description   string     `json:"description"`
	AssigneeID    *int64     `json:"assignee_id"`
	Status        Status     `json:"status"`
	Priority      Priority   `json:"priority"`
	StartDate     Date       `json:"start_date"`
	DueDate       Date       `json:"due_date"`
	Progress      int        `json:"progress"`
	EstimateHours *float64   `json:"estimate_hours"`
	CreatedBy     int64      `json:"created_by"`
	StatusSince   time.Time  `json:"status_since"`
	CompletedAt   *time.Time `json:"completed_at"`
	Version       int64      `json:"version"`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`

	TagIDs  []int64 `json:"tag_ids" gorm:"-"`
	Overdue bool    `json:"overdue" gorm:"-"`
	// AssigneeName is the assignee's name; nil when unassigned.
	AssigneeName *string `json:"assignee_name" gorm:"-"`
}

// IsOverdue reports whether the task is past its due date on day today and
// not done.
func (t *Task) IsOverdue(today Date) bool {
	return t.Status != StatusDone && !t.DueDate.IsZero() && t.DueDate.Before(today)
}

// ProgressLog is one entry of a task's progress history.
type ProgressLog struct {
	ID        int64     `json:"id" gorm:"primaryKey"`
	TaskID    int64     `json:"task_id"`
	AuthorID  int64     `json:"author_id"`
	Note      string    `json:"note"`
	Progress  int       `json:"progress"`
	Hours     *float64  `json:"hours"`
	CreatedAt time.Time `json:"created_at"`

	AuthorName string `json:"author_name" gorm:"-"`
}

// Comment is a remark on a task.
type Comment struct {
	ID        int64     `json:"id" gorm:"primaryKey"`
	TaskID    int64     `json:"task_id"`
	AuthorID  int64     `json:"author_id"`
	Body      string    `json:"body"`
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	AuthorName string `json:"author_name" gorm:"-"`
}

// Change is the before and after value of one field.
type Change struct {
	Before any `json:"before"`
	After  any `json:"after"`
}

// Activity is one row of the audit trail. BranchID and SubjectID record
// whose business the change was, so the trail can be filtered to what a
// caller may read.
type Activity struct {
	ID         int64             `json:"id" gorm:"primaryKey"`
	ActorID    *int64            `json:"actor_id"`
	Action     string            `json:"action"`
	EntityType string            `json:"entity_type"`
	EntityID   int64             `json:"entity_id"`
	BranchID   *int64            `json:"branch_id"`
	SubjectID  *int64            `json:"subject_id"`
	Changes    map[string]Change `json:"changes" gorm:"serializer:json"`
	CreatedAt  time.Time         `json:"created_at"`

	// ActorName is the actor's name; nil for the system.
	ActorName *string `json:"actor_name" gorm:"-"`
}

// Activity actions.
const (
	ActionCreate = "create"
	ActionUpdate = "update"
	ActionDelete = "delete"
)

// Entity types named in the activity trail.
const (
	EntityUser      = "user"
	EntityBranch    = "branch"
	EntityTag       = "tag"
	EntityPlacement = "placement"
	EntityMilestone = "milestone"
	EntityProject   = "project"
	EntityTask      = "task"
	EntityProgress  = "progress_log"
	EntityComment   = "comment"
	EntityReport    = "weekly_report"

	EntityChecklistTemplate = "checklist_template_item"
	EntityChecklistItem     = "checklist_item"
)
