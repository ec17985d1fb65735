package tracker

// Status is where a task stands in the workflow.
type Status string

// Task statuses.
const (
	StatusTodo       Status = "todo"
	StatusInProgress Status = "in_progress"
	StatusBlocked    Status = "blocked"
	StatusInReview   Status = "in_review"
	StatusDone       Status = "done"
)

// Statuses lists every task status in workflow order.
var Statuses = []Status{StatusTodo, StatusInProgress, StatusBlocked, StatusInReview, StatusDone}

// Valid reports whether s is a task status.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Mover says in which capacity someone moves a task: as its assignee, or as
// a reviewer (a supervisor of the task's branch, or an admin).
type Mover int

// The two capacities in which a task is moved.
const (
	MoverAssignee Mover = iota
	MoverReviewer
)

type move struct{ from, to Status }

// assigneeMoves are the moves the assignee may make: up to in_review, back
// to todo, and in and out of blocked.
var assigneeMoves = map[move]bool{
	{StatusTodo, StatusInProgress}:     true,
	{StatusInProgress, StatusTodo}:     true,
	{StatusInProgress, StatusBlocked}:  true,
	{StatusBlocked, StatusInProgress}:  true,
	{StatusInProgress, StatusInReview}: true,
}

// reviewerMoves add accepting (in_review -> done), sending back
// (in_review -> in_progress) and reopening (done -> in_progress).
var reviewerMoves = map[move]bool{
	{StatusInReview, StatusDone}:       true,
	{StatusInReview, StatusInProgress}: true,
	{StatusDone, StatusInProgress}:     true,
}

// CanMove reports whether m may move a task from one status to another.
// Staying in the same status is not a move.
func CanMove(m Mover, from, to Status) bool {
	k := move{from, to}
	if assigneeMoves[k] {
		return true
	}
	return m == MoverReviewer && reviewerMoves[k]
}

// CheckMove returns an invalid_transition error naming the status field
// when m may not move a task from one status to another.
func CheckMove(m Mover, from, to Status) error {
	if !to.Valid() {
		return Invalid("status", "must be one of todo, in_progress, blocked, in_review, done")
	}
	if CanMove(m, from, to) {
		return nil
	}
	if CanMove(MoverReviewer, from, to) {
		return &Error{Code: ECodeForbidden, Message: "only a supervisor of the branch may make this move",
			Fields: map[string]string{"status": "moving from " + string(from) + " to " + string(to) + " needs a supervisor"}}
	}
	return &Error{Code: ECodeInvalidTransition, Message: "the workflow does not allow this move",
		Fields: map[string]string{"status": "cannot move from " + string(from) + " to " + string(to)}}
}
