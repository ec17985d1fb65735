package tracker

import "time"

// Notification kinds.
const (
	// NotifyAssigned: a task was created for, or reassigned to, the
	// recipient by someone else.
	NotifyAssigned = "assigned"
	// NotifyFeedback: someone else commented on the recipient's task, or
	// sent it back from review.
	NotifyFeedback = "feedback"
	// NotifyReviewRequested: a task of the recipient's branch moved to
	// in_review.
	NotifyReviewRequested = "review_requested"
	// NotifyEvaluationDue: a mid-term or final review of the recipient's
	// placement (as intern or supervisor) is due within EvaluationDueDays.
	NotifyEvaluationDue = "evaluation_due"
	// NotifyPlacementEnding: the recipient's placement (as intern or
	// supervisor) ends within PlacementEndingDays.
	NotifyPlacementEnding = "placement_ending"
)

// NotificationKinds lists every kind, in the order the API documents them.
var NotificationKinds = []string{NotifyAssigned, NotifyFeedback, NotifyReviewRequested, NotifyEvaluationDue, NotifyPlacementEnding}

// How far ahead the time-based notifications look.
const (
	EvaluationDueDays   = 7
	PlacementEndingDays = 14
)

// Notification tells one user of something that concerns them. The
// subject is a task, a placement, or a milestone of a placement.
type Notification struct {
	ID          int64      `json:"id" gorm:"primaryKey"`
	UserID      int64      `json:"-"`
	Kind        string     `json:"kind"`
	TaskID      *int64     `json:"task_id"`
	PlacementID *int64     `json:"placement_id"`
	MilestoneID *int64     `json:"milestone_id"`
	ActorID     *int64     `json:"actor_id"`
	DedupeKey   *string    `json:"-"`
	CreatedAt   time.Time  `json:"created_at"`
	ReadAt      *time.Time `json:"read_at"`

	// ActorName is who caused it, when someone did; Subject names what it
	// is about: the task's title, or the placement's intern.
	ActorName *string `json:"actor_name" gorm:"-"`
	Subject   string  `json:"subject" gorm:"-"`
}

// Notice is a notification ready to send by e-mail: its recipient's
// address, name and language beside it.
type Notice struct {
	To, Name, Locale string
	Notification
}
