package tracker

// Health says whether an intern's placement is on track.
type Health string

// Health values.
const (
	HealthOnTrack  Health = "on_track"
	HealthAtRisk   Health = "at_risk"
	HealthOffTrack Health = "off_track"
)

// HealthInput is what the health rule looks at. DaysSinceLog counts the
// quiet days: days since the intern last logged progress or submitted a
// weekly report of the placement, whichever is later (or since the start
// when neither happened since); DaysIn counts days since the start.
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
	// HandedOver: the placement was handed over by then. Its open work
	// went to a successor and it takes no more logs: it is closed.
	HandedOver bool
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
	StaleDays       = 14 // this many quiet days make an active placement stale
)

// QuietDays returns the quiet days the rule judges: none before the
// start, during the first QuietGraceDays days, after the end, or once the
// placement was handed over.
func (in HealthInput) QuietDays() int {
	if in.State == PlacementActive && !in.HandedOver && in.DaysIn > QuietGraceDays {
		return in.DaysSinceLog
	}
	return 0
}

// Stale reports whether an active placement past its first QuietGraceDays
// days has gone StaleDays or more without a progress log or a submitted
// weekly report.
func (in HealthInput) Stale() bool { return in.QuietDays() >= StaleDays }

// PlacementHealth is the one rule for a placement's health.
//
// An upcoming placement is on track, and so is one handed over (its work
// went on to a successor; judging it on that work or its silence would
// show a properly closed placement as needing attention). Otherwise, with lag = elapsed% -
// progress%, the placement is
//   - off track when lag > 30, or 3 or more tasks are overdue, or the intern
//     has logged nothing for more than 21 days, or 3 or more checklist items
//     are overdue;
//   - at risk when lag > 15, or any task is overdue or blocked, or nothing
//     was logged for more than 10 days, or the placement is stale, or any
//     checklist item is overdue;
//   - on track otherwise.
//
// "Logged" means a progress log or a submitted weekly report, whichever
// is later. Silence is not judged during the first 14 days, nor after the
// placement ended. A stale placement (14 quiet days or more, see Stale)
// is at least at risk.
func PlacementHealth(in HealthInput) Health {
	if in.State == PlacementUpcoming || in.HandedOver {
		return HealthOnTrack
	}
	lag := in.ElapsedPct - in.ProgressPct
	quietDays := in.QuietDays()
	switch {
	case lag > LagOffTrack, in.Overdue >= OverdueOffTrack, quietDays > QuietOffTrack,
		in.ChecklistOverdue >= ChecklistOffTrack:
		return HealthOffTrack
	case lag > LagAtRisk, in.Overdue > 0, in.Blocked > 0, quietDays > QuietAtRisk, in.Stale(),
		in.ChecklistOverdue > 0:
		return HealthAtRisk
	}
	return HealthOnTrack
}
