package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Bounds of a weekly report's texts.
const (
	maxReportText    = 2000
	maxReviewComment = 2000
)

// NewReport is the input of CreateReport. A zero Week means the current
// week; any day names the ISO week it falls in.
type NewReport struct {
	Week     tracker.Date
	Done     string
	Next     string
	Blockers string
}

// ReportPatch is the input of UpdateReport; nil fields are left alone.
// The texts are the intern's; State moves the report through its review
// and ReviewComment goes with a reviewer's move.
type ReportPatch struct {
	Done          *string
	Next          *string
	Blockers      *string
	State         *tracker.ReportState
	ReviewComment *string
}

// ReportFilter narrows the list of weekly reports.
type ReportFilter struct {
	State       string
	PlacementID int64
	BranchID    int64
	Page        Page
}

var reportSorts = map[string]string{
	"week": "weekly_reports.week", "submitted_at": "weekly_reports.submitted_at", "created_at": "weekly_reports.created_at",
}

// reportPlacement loads placement placementID for a write on its weekly
// reports and says in which capacity actor acts. Every write on reports
// goes through here, so a rule about writing on a placement's reports has
// one place to live.
func reportPlacement(tx *gorm.DB, actor *tracker.User, placementID int64) (*tracker.Placement, tracker.ReportActor, error) {
	var p tracker.Placement
	if err := loadPlacement(forUpdate(tx), actor, placementID, &p); err != nil {
		return nil, 0, err
	}
	if err := ensurePlacementOpen(&p); err != nil {
		return nil, 0, err
	}
	return &p, actor.ReportActorFor(&p), nil
}

// checkReportTexts validates the texts of a report; submitting needs what
// was done and what comes next.
func checkReportTexts(probs tracker.Problems, r *tracker.WeeklyReport, submitting bool) {
	for field, v := range map[string]string{"done": r.Done, "next": r.Next, "blockers": r.Blockers} {
		if len(v) > maxReportText {
			probs.Add(field, fmt.Sprintf("must be at most %d characters", maxReportText))
		}
	}
	if submitting {
		for field, v := range map[string]string{"done": r.Done, "next": r.Next} {
			if strings.TrimSpace(v) == "" {
				probs.Add(field, "must not be empty to submit the report")
			}
		}
	}
}

// CreateReport starts a draft weekly report of placement placementID, by
// its intern, for a week that meets the placement and has begun.
func (s *Store) CreateReport(ctx context.Context, actor *tracker.User, placementID int64, in NewReport) (*tracker.WeeklyReport, error) {
	var r tracker.WeeklyReport
	err := s.write(ctx, func(tx *gorm.DB) error {
		p, who, err := reportPlacement(tx, actor, placementID)
		if err != nil {
			return err
		}
		if who != tracker.ReportAuthor {
			return tracker.Forbidden("only the intern of the placement writes its weekly reports")
		}
		today := s.Today()
		week := in.Week
		if week.IsZero() {
			week = today
		}
		week = tracker.WeekOf(week)
		probs := tracker.Problems{}
		switch {
		case week.After(tracker.WeekOf(today)):
			probs.Add("week", "must not be a week that has not begun")
		case week.After(p.EndDate) || week.AddDays(6).Before(p.StartDate):
			probs.Add("week", "must be a week of the placement, "+p.StartDate.String()+" to "+p.EndDate.String())
		}
		now := s.Now().Truncate(time.Microsecond)
		r = tracker.WeeklyReport{PlacementID: p.ID, InternID: p.InternID, BranchID: p.BranchID, Week: week,
			Done: strings.TrimSpace(in.Done), Next: strings.TrimSpace(in.Next), Blockers: strings.TrimSpace(in.Blockers),
			State: tracker.ReportDraft, Version: 1, CreatedAt: now, UpdatedAt: now}
		checkReportTexts(probs, &r, false)
		if err := probs.Err(); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&tracker.WeeklyReport{}).Where("placement_id = ? AND week = ?", p.ID, week).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return uniqueAs(gorm.ErrDuplicatedKey, "week", "this placement already has a report for the week of "+week.String())
		}
		if err := tx.Create(&r).Error; err != nil {
			return uniqueAs(err, "week", "this placement already has a report for the week of "+week.String())
		}
		err = record(tx, now, actor, tracker.ActionCreate, tracker.EntityReport, r.ID, &p.BranchID, &p.InternID, created(map[string]any{
			"placement_id": p.ID, "week": week.String(), "state": string(r.State),
			"done": nullStr(r.Done), "next": nullStr(r.Next), "blockers": nullStr(r.Blockers)}))
		if err != nil {
			return err
		}
		return nameReports(tx, &r)
	})
	if err != nil {
		return nil, fmt.Errorf("store: create report: %w", err)
	}
	return &r, nil
}

// UpdateReport changes a weekly report whose version is still version:
// the intern edits the texts while the report is a draft or needs
// revision and submits it; a reviewer accepts it or sends it back with a
// comment.
func (s *Store) UpdateReport(ctx context.Context, actor *tracker.User, placementID, id, version int64, in ReportPatch) (*tracker.WeeklyReport, error) {
	var r tracker.WeeklyReport
	err := s.write(ctx, func(tx *gorm.DB) error {
		p, who, err := reportPlacement(tx, actor, placementID)
		if err != nil {
			return err
		}
		if err := tx.Where("placement_id = ?", p.ID).First(&r, id).Error; err != nil {
			return notFound(err, "weekly report")
		}
		if who == tracker.ReportReader {
			return tracker.Forbidden("only the intern and the supervisors of the branch act on a weekly report")
		}
		d, err := s.reportDiff(&r, who, actor, in)
		if err != nil {
			return err
		}
		if err := s.update(tx, actor, "weekly_reports", tracker.EntityReport, id, version, d, &r.Version, &p.BranchID, &p.InternID); err != nil {
			return err
		}
		if !d.empty() {
			r.UpdatedAt = s.Now()
		}
		return nameReports(tx, &r)
	})
	if err != nil {
		return nil, fmt.Errorf("store: update report: %w", err)
	}
	return &r, nil
}

// reportDiff checks in against report r and who acts, applies it to r and
// returns the columns to write.
func (s *Store) reportDiff(r *tracker.WeeklyReport, who tracker.ReportActor, actor *tracker.User, in ReportPatch) (diff, error) {
	d := diff{}
	texts := in.Done != nil || in.Next != nil || in.Blockers != nil
	if texts {
		if who != tracker.ReportAuthor {
			return d, tracker.Forbidden("only the intern writes their weekly report")
		}
		if !r.State.Editable() {
			return d, tracker.Errorf(tracker.ECodeConflict, "a %s report can no longer be edited", r.State)
		}
		d.str("done", &r.Done, trimmed(in.Done))
		d.str("next", &r.Next, trimmed(in.Next))
		d.str("blockers", &r.Blockers, trimmed(in.Blockers))
	}
	to := r.State
	if in.State != nil {
		to = *in.State
	}
	if in.ReviewComment != nil && who != tracker.ReportReviewer {
		return d, tracker.Forbidden("only a supervisor of the branch or an admin comments on a review")
	}
	probs := tracker.Problems{}
	if !to.Valid() {
		return d, tracker.Invalid("state", "must be draft, submitted, accepted or needs_revision")
	}
	if to == r.State {
		if in.ReviewComment != nil {
			probs.Add("review_comment", "goes with state accepted or needs_revision")
		}
		checkReportTexts(probs, r, false)
		return d, probs.Err()
	}
	if err := tracker.MoveReport(r.State, to, who); err != nil {
		return d, err
	}
	now := s.Now().Truncate(time.Microsecond)
	switch to {
	case tracker.ReportSubmitted:
		checkReportTexts(probs, r, true)
		d.put("submitted_at", timeOrNil(r.SubmittedAt), now)
		r.SubmittedAt = &now
	case tracker.ReportAccepted, tracker.ReportNeedsRevision:
		comment := strings.TrimSpace(deref(in.ReviewComment))
		switch {
		case to == tracker.ReportNeedsRevision && comment == "":
			probs.Add("review_comment", "is required to send a report back")
		case len(comment) > maxReviewComment:
			probs.Add("review_comment", fmt.Sprintf("must be at most %d characters", maxReviewComment))
		}
		d.str("review_comment", &r.ReviewComment, &comment)
		ptr(&d, "reviewer_id", &r.ReviewerID, tracker.Of(actor.ID))
		d.put("reviewed_at", timeOrNil(r.ReviewedAt), now)
		r.ReviewedAt = &now
	}
	if err := probs.Err(); err != nil {
		return d, err
	}
	d.put("state", string(r.State), string(to))
	r.State = to
	return d, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// nameReports fills the names of the interns and reviewers of rs.
func nameReports(db *gorm.DB, rs ...*tracker.WeeklyReport) error {
	n := new(namer)
	for _, r := range rs {
		n.name(r.InternID, &r.InternName)
		n.nullable(r.ReviewerID, &r.ReviewerName)
	}
	return n.fill(db)
}

// Reports lists the weekly reports of placement placementID, newest week
// first by default.
func (s *Store) Reports(ctx context.Context, actor *tracker.User, placementID int64, f ReportFilter) ([]tracker.WeeklyReport, int64, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, 0, err
	}
	f.PlacementID = placementID
	return listReports(ctx, db, actor, f, "-week")
}

// AllReports lists the weekly reports actor may read (an intern their
// own, a supervisor their branch's, leadership and admins all), oldest
// week first by default: with state=submitted, a review queue.
func (s *Store) AllReports(ctx context.Context, actor *tracker.User, f ReportFilter) ([]tracker.WeeklyReport, int64, error) {
	return listReports(ctx, s.read(ctx), actor, f, "week")
}

func listReports(ctx context.Context, db *gorm.DB, actor *tracker.User, f ReportFilter, def string) ([]tracker.WeeklyReport, int64, error) {
	q := db.Model(&tracker.WeeklyReport{})
	switch actor.Role {
	case tracker.RoleAdmin, tracker.RoleLeadership:
	case tracker.RoleSupervisor:
		q = q.Where("weekly_reports.branch_id = ?", branchOf(actor))
	default:
		q = q.Where("weekly_reports.intern_id = ?", actor.ID)
	}
	if f.State != "" {
		if !tracker.ReportState(f.State).Valid() {
			return nil, 0, tracker.Invalid("state", "must be draft, submitted, accepted or needs_revision")
		}
		q = q.Where("weekly_reports.state = ?", f.State)
	}
	q = whereIDs(q, "weekly_reports", idEq{"placement_id", f.PlacementID}, idEq{"branch_id", f.BranchID})
	out := []tracker.WeeklyReport{}
	total, err := list(ctx, q, f.Page, def, reportSorts, "weekly_reports", &out)
	if err == nil {
		err = nameReports(db, ptrs(out)...)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: reports: %w", err)
	}
	return out, total, nil
}

// Report returns weekly report id of placement placementID; a report of
// another placement is not found.
func (s *Store) Report(ctx context.Context, actor *tracker.User, placementID, id int64) (*tracker.WeeklyReport, error) {
	db := s.read(ctx)
	var p tracker.Placement
	if err := loadPlacement(db, actor, placementID, &p); err != nil {
		return nil, err
	}
	var r tracker.WeeklyReport
	if err := db.Where("placement_id = ?", placementID).First(&r, id).Error; err != nil {
		return nil, notFound(err, "weekly report")
	}
	if err := nameReports(db, &r); err != nil {
		return nil, fmt.Errorf("store: report: %w", err)
	}
	return &r, nil
}

// lastReportRow is when a placement's intern last submitted a report.
type lastReportRow struct {
	PlacementID int64
	LastAt      aggTime
}

// lastReports returns, by placement, when a weekly report of each of ps
// was last submitted, in one grouped query.
func lastReports(db *gorm.DB, ps []*tracker.Placement, end time.Time) (map[int64]*time.Time, error) {
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	var rows []lastReportRow
	err := db.Table("weekly_reports").Select("placement_id, MAX(submitted_at) AS last_at").
		Where("placement_id IN ? AND submitted_at IS NOT NULL AND submitted_at < ?", ids, end).Group("placement_id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("last weekly reports: %w", err)
	}
	out := map[int64]*time.Time{}
	for _, r := range rows {
		if at := time.Time(r.LastAt); !at.IsZero() {
			out[r.PlacementID] = &at
		}
	}
	return out, nil
}
