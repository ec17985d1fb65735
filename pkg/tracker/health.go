package tracker

// Health says whether an intern's placement is on track.
type Health string

// Health values.
const (
	HealthOnTrack  Health = "on_track"
	HealthAtRisk   Health = "at_risk"
	HealthOffTrack Health = "off_track"
)

// HealthInput is what the health rule looks at. DaysSinceLog counts days
// since the intern last logged progress (or since the start when never);
// DaysIn counts days since the start.
type HealthInput struct {
	State        PlacementState
	ElapsedPct   int
	ProgressPct  int
	Overdue      int
	Blocked      int
	DaysIn       int
	DaysSinceLog int
	// ChecklistOverdue counts onboarding and offboarding checklist items
	// not done and due before today.
	ChecklistOverdue int
}

// Thresholds of the health rule, in percentage points and days. They are
// documented in docs/architecture.md; change both together.
const (
	LagAtRisk       = 15 // progress this far behind elapsed time: at risk
	LagOffTrack     = 30 // this far behind: off track
	OverdueOffTrack = 3  // this many overdue tasks: off track
	QuietAtRisk     = 10 // days without a progress log: at risk
	QuietOffTrack   = 21 // days without a progress log: off track
	QuietGraceDays  = 14 // the first two weeks (onboarding) are not judged on silence
)

// PlacementHealth is the one rule for a placement's health.
//
// An upcoming placement is on track. Otherwise, with lag = elapsed% -
// progress%, the placement is
//   - off track when lag > 30, or 3 or more tasks are overdue, or the intern
//     has logged nothing for more than 21 days, or 3 or more checklist items
//     are overdue;
//   - at risk when lag > 15, or any task is overdue or blocked, or nothing
//     was logged for more than 10 days, or any checklist item is overdue;
//   - on track otherwise.
//
// Silence is not judged during the first 14 days, nor after the placement
// ended.
func PlacementHealth(in HealthInput) Health {
	if in.State == PlacementUpcoming {
		return HealthOnTrack
	}
	lag := in.ElapsedPct - in.ProgressPct
	quietDays := 0
	if in.State == PlacementActive && in.DaysIn > QuietGraceDays {
		quietDays = in.DaysSinceLog
	}
	switch {
	case lag > LagOffTrack, in.Overdue >= OverdueOffTrack, quietDays > QuietOffTrack,
		in.ChecklistOverdue >= ChecklistOffTrack:
		return HealthOffTrack
	case lag > LagAtRisk, in.Overdue > 0, in.Blocked > 0, quietDays > QuietAtRisk,
		in.ChecklistOverdue > 0:
		return HealthAtRisk
	}
	return HealthOnTrack
}
