package tracker

import (
	"math"
	"time"
)

// PlacementState says where today falls relative to a placement.
type PlacementState string

// Placement states.
const (
	PlacementUpcoming PlacementState = "upcoming"
	PlacementActive   PlacementState = "active"
	PlacementEnded    PlacementState = "ended"
)

// PlacementMonths is the usual length of a placement.
const PlacementMonths = 6

// DefaultEnd returns the end date of a placement starting on start when none
// is given: the day before the same day six calendar months later, or the
// last day of that month when it has no such day (31 August ends on the
// last day of February, not in March).
func DefaultEnd(start Date) Date {
	s := start.Time()
	firstOfTarget := time.Date(s.Year(), s.Month()+PlacementMonths, 1, 0, 0, 0, 0, time.UTC)
	lastDay := firstOfTarget.AddDate(0, 1, -1).Day()
	if s.Day() > lastDay {
		return DateOf(firstOfTarget.AddDate(0, 0, lastDay-1))
	}
	return DateOf(firstOfTarget.AddDate(0, 0, s.Day()-2))
}

// StateOn returns the placement's state on day today. The end date is the
// last day of the placement.
func (p *Placement) StateOn(today Date) PlacementState {
	switch {
	case today.Before(p.StartDate):
		return PlacementUpcoming
	case today.After(p.EndDate):
		return PlacementEnded
	}
	return PlacementActive
}

// ElapsedOn returns the share of the placement's days already past on day
// today, from 0 (before or on the first day) to 1 (after the last day).
func (p *Placement) ElapsedOn(today Date) float64 {
	total := p.StartDate.DaysUntil(p.EndDate) + 1
	if total <= 0 {
		return 1
	}
	done := p.StartDate.DaysUntil(today)
	return math.Max(0, math.Min(1, float64(done)/float64(total)))
}

// MonthOn returns "month N of 6" on day today: 1 before and during the first
// month, counted in calendar months from the start, never more than 6.
func (p *Placement) MonthOn(today Date) int {
	if !today.After(p.StartDate) {
		return 1
	}
	s, t := p.StartDate.Time(), today.Time()
	m := (t.Year()-s.Year())*12 + int(t.Month()-s.Month())
	if t.Day() < s.Day() {
		m--
	}
	return max(1, min(PlacementMonths, m+1))
}

// Milestones returns the three milestones every placement starts with:
// onboarding two weeks in, the mid-term review at the middle and the final
// review and handover two weeks before the end.
func (p *Placement) Milestones() []Milestone {
	mid := p.StartDate.AddDays(p.StartDate.DaysUntil(p.EndDate) / 2)
	return []Milestone{
		{PlacementID: p.ID, Kind: MilestoneOnboarding, DueDate: p.StartDate.AddDays(13), Version: 1},
		{PlacementID: p.ID, Kind: MilestoneMidterm, DueDate: mid, Version: 1},
		{PlacementID: p.ID, Kind: MilestoneFinal, DueDate: p.EndDate.AddDays(-13), Version: 1},
	}
}

// WorkItem is what health needs to know about one task of the intern.
type WorkItem struct {
	Progress      int
	EstimateHours *float64
	Done          bool
	Overdue       bool
	Blocked       bool
}

// WeightedProgress returns the completion of items from 0 to 100, each
// weighted by its estimate in hours (or 1 without an estimate). No work at
// all counts as 0.
func WeightedProgress(items []WorkItem) int {
	var sum, weight float64
	for _, it := range items {
		w := 1.0
		if it.EstimateHours != nil && *it.EstimateHours > 0 {
			w = *it.EstimateHours
		}
		p := float64(it.Progress)
		if it.Done {
			p = 100
		}
		sum += w * p
		weight += w
	}
	if weight == 0 {
		return 0
	}
	return int(math.Round(sum / weight))
}
