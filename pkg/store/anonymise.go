package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// RedactedText replaces free text about an anonymised person: their
// progress notes, their comments, their placements' focus. Empty text
// stays empty.
const RedactedText = "[removed]"

// AnonymisedName is what an anonymised person's name becomes.
func AnonymisedName(id int64) string { return fmt.Sprintf("Former intern #%d", id) }

// AnonymisedEmail is what an anonymised person's e-mail becomes: unique
// and non-routable (.invalid is reserved, RFC 2606).
func AnonymisedEmail(id int64) string { return fmt.Sprintf("anonymised-%d@invalid", id) }

// anonymisedHash replaces the password hash: not an encoded hash, so no
// password ever verifies against it.
const anonymisedHash = "!anonymised"

// AnonymiseCandidate is a former intern whose last placement ended before
// the cut-off.
type AnonymiseCandidate struct {
	UserID      int64        `json:"user_id"`
	Name        string       `json:"name"`
	Email       string       `json:"email"`
	BranchID    *int64       `json:"branch_id"`
	Placements  int64        `json:"placements"`
	LastEndDate tracker.Date `json:"last_end_date"`
}

// AnonymiseCandidates is who may be anonymised today.
type AnonymiseCandidates struct {
	AfterMonths int                  `json:"after_months"`
	EndedBefore tracker.Date         `json:"ended_before"`
	Items       []AnonymiseCandidate `json:"items"`
}

// anonymiseCutoff is the day a last placement must have ended before.
func (s *Store) anonymiseCutoff(afterMonths int) tracker.Date {
	return s.Today().AddMonths(-afterMonths)
}

// candidates lists the interns, not yet anonymised, all of whose
// placements ended before cutoff; only user when user is not 0.
func candidates(tx *gorm.DB, cutoff tracker.Date, user int64) ([]AnonymiseCandidate, error) {
	q := tx.Table("users").
		Select("users.id AS user_id, users.name, users.email, users.branch_id, COUNT(placements.id) AS placements, "+
			"MAX(placements.end_date) AS last_end_date").
		Joins("JOIN placements ON placements.intern_id = users.id").
		Where("users.role = ? AND users.anonymised_at IS NULL", tracker.RoleIntern)
	if user != 0 {
		q = q.Where("users.id = ?", user)
	}
	var out []AnonymiseCandidate
	err := q.Group("users.id, users.name, users.email, users.branch_id").
		Having("MAX(placements.end_date) < ?", cutoff).
		Order("last_end_date, users.id").Scan(&out).Error
	return nonNil(out), err
}

// AnonymiseCandidates lists the former interns an admin may anonymise:
// every placement of theirs ended more than afterMonths months ago.
func (s *Store) AnonymiseCandidates(ctx context.Context, actor *tracker.User, afterMonths int) (*AnonymiseCandidates, error) {
	if !actor.CanManageUsers() {
		return nil, tracker.Forbidden("only an admin may anonymise people")
	}
	cutoff := s.anonymiseCutoff(afterMonths)
	items, err := candidates(s.read(ctx), cutoff, 0)
	if err != nil {
		return nil, fmt.Errorf("store: anonymise candidates: %w", err)
	}
	return &AnonymiseCandidates{AfterMonths: afterMonths, EndedBefore: cutoff, Items: items}, nil
}

// Anonymised says whom one call anonymised.
type Anonymised struct {
	UserIDs []int64 `json:"user_ids"`
	Count   int     `json:"count"`
}

// Anonymise anonymises user, or every candidate when user is 0, in one
// transaction. Anonymising someone already anonymised changes nothing; a
// staff member, an intern never placed, or one whose last placement ended
// afterMonths months ago or less (or is still running or to come) is a
// conflict.
func (s *Store) Anonymise(ctx context.Context, actor *tracker.User, afterMonths int, user int64) (*Anonymised, error) {
	if !actor.CanManageUsers() {
		return nil, tracker.Forbidden("only an admin may anonymise people")
	}
	out := Anonymised{UserIDs: []int64{}}
	cutoff := s.anonymiseCutoff(afterMonths)
	err := s.write(ctx, func(tx *gorm.DB) error {
		if user != 0 {
			done, err := checkAnonymisable(tx, user, cutoff)
			if err != nil || done {
				return err
			}
		}
		cs, err := candidates(tx, cutoff, user)
		if err != nil {
			return err
		}
		for _, c := range cs {
			if err := s.anonymise(tx, actor, c.UserID); err != nil {
				return err
			}
			out.UserIDs = append(out.UserIDs, c.UserID)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: anonymise: %w", err)
	}
	out.Count = len(out.UserIDs)
	return &out, nil
}

// checkAnonymisable says whether user is already anonymised (done), or why
// they may not be.
func checkAnonymisable(tx *gorm.DB, user int64, cutoff tracker.Date) (done bool, err error) {
	var u struct {
		Role         tracker.Role
		AnonymisedAt *time.Time
	}
	if err := tx.Table("users").Select("role, anonymised_at").Where("id = ?", user).Take(&u).Error; err != nil {
		return false, notFound(err, "user")
	}
	switch {
	case u.AnonymisedAt != nil:
		return true, nil
	case u.Role != tracker.RoleIntern:
		return false, tracker.Errorf(tracker.ECodeConflict, "only former interns are anonymised; deactivate a staff account instead")
	}
	var last struct {
		N    int64
		Last *string
	}
	if err := tx.Table("placements").Select("COUNT(*) AS n, MAX(end_date) AS last").Where("intern_id = ?", user).Take(&last).Error; err != nil {
		return false, err
	}
	switch {
	case last.N == 0:
		return false, tracker.Errorf(tracker.ECodeConflict, "this intern was never placed")
	case last.Last == nil || *last.Last >= cutoff.String():
		return false, tracker.Errorf(tracker.ECodeConflict, "this intern's last placement ended on or after %s", cutoff)
	}
	return false, nil
}

// anonymising is the state the steps of one person's anonymisation share.
type anonymising struct {
	tx   *gorm.DB
	now  time.Time
	user int64
	// name is the person's name before anonymising, for the copies of it
	// in stored documents (handover reports).
	name string
}

// anonymiseStep removes one kind of personal data of a.user.
type anonymiseStep func(a *anonymising) error

// anonymiseSteps are the steps of an anonymisation, in order. A new kind
// of free text about a person adds one step here (and, when its activity
// rows copy that text, one rule to activityRedactions).
var anonymiseSteps = []anonymiseStep{
	anonymiseAccount,
	anonymiseSessions,
	anonymiseCalendar,
	anonymiseProgressNotes,
	anonymiseComments,
	anonymisePlacementFocus,
	anonymiseReports,
	anonymiseEvaluations,
	anonymiseObjectives,
	anonymiseHandovers,
	anonymiseActivity,
}

func (s *Store) anonymise(tx *gorm.DB, actor *tracker.User, user int64) error {
	a := &anonymising{tx: tx, now: s.Now(), user: user}
	if err := tx.Table("users").Select("name").Where("id = ?", user).Scan(&a.name).Error; err != nil {
		return err
	}
	for _, step := range anonymiseSteps {
		if err := step(a); err != nil {
			return err
		}
	}
	var u tracker.User
	if err := tx.First(&u, user).Error; err != nil {
		return err
	}
	// The trail says that an admin anonymised someone, and never who they
	// were.
	return record(tx, a.now, actor, tracker.ActionUpdate, tracker.EntityUser, user, u.BranchID, &user,
		map[string]tracker.Change{"anonymised": {Before: false, After: true}})
}

func anonymiseAccount(a *anonymising) error {
	return a.tx.Table("users").Where("id = ?", a.user).Updates(map[string]any{
		"name": AnonymisedName(a.user), "email": AnonymisedEmail(a.user), "active": false,
		"password_hash": anonymisedHash, "anonymised_at": a.now, "updated_at": a.now,
		"version": gorm.Expr("version + 1"),
	}).Error
}

func anonymiseSessions(a *anonymising) error { return revokeUserSessions(a.tx, a.now, a.user, "") }

func anonymiseCalendar(a *anonymising) error {
	return a.tx.Table("calendar_feeds").Where("user_id = ?", a.user).Delete(nil).Error
}

// redact replaces the non-empty text of column in the rows of table that
// where selects.
func redact(tx *gorm.DB, table, column string, where string, args ...any) error {
	return tx.Table(table).Where(where, args...).Where(column+" <> ''").Update(column, RedactedText).Error
}

func anonymiseProgressNotes(a *anonymising) error {
	return redact(a.tx, "progress_logs", "note", "author_id = ?", a.user)
}

func anonymiseComments(a *anonymising) error {
	return a.tx.Table("comments").Where("author_id = ?", a.user).Update("body", RedactedText).Error
}

func anonymisePlacementFocus(a *anonymising) error {
	return redact(a.tx, "placements", "focus", "intern_id = ?", a.user)
}

// ofPlacements is the condition selecting the rows, of a table with a
// placement_id column, that belong to a placement of the person.
const ofPlacements = "placement_id IN (SELECT id FROM placements WHERE intern_id = ?)"

// anonymiseReports redacts the texts of the weekly reports of the
// person's placements: theirs, and the reviewer's comment about them.
func anonymiseReports(a *anonymising) error {
	for _, col := range []string{"done", "next", "blockers", "review_comment"} {
		if err := redact(a.tx, "weekly_reports", col, ofPlacements, a.user); err != nil {
			return err
		}
	}
	return nil
}

// anonymiseEvaluations redacts the comments of both sides of the
// evaluations of the person's placements; the scores and states stay.
func anonymiseEvaluations(a *anonymising) error {
	var rows []struct {
		ID                   int64
		SelfAssessment       string
		SupervisorAssessment string
	}
	err := a.tx.Table("evaluations").Select("id, self_assessment, supervisor_assessment").Where(ofPlacements, a.user).
		Order("id").Scan(&rows).Error
	if err != nil {
		return err
	}
	for _, r := range rows {
		self, err := redactAssessment(r.SelfAssessment)
		if err != nil {
			return err
		}
		sup, err := redactAssessment(r.SupervisorAssessment)
		if err != nil {
			return err
		}
		if self == r.SelfAssessment && sup == r.SupervisorAssessment {
			continue
		}
		err = a.tx.Table("evaluations").Where("id = ?", r.ID).
			Updates(map[string]any{"self_assessment": self, "supervisor_assessment": sup}).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// redactAssessment replaces the non-empty comments of a stored side.
func redactAssessment(raw string) (string, error) {
	if raw == "" {
		return raw, nil
	}
	as := decodeAssessment(raw)
	changed := false
	for i := range as.Ratings {
		if as.Ratings[i].Comment != "" && as.Ratings[i].Comment != RedactedText {
			as.Ratings[i].Comment, changed = RedactedText, true
		}
	}
	if as.Comment != "" && as.Comment != RedactedText {
		as.Comment, changed = RedactedText, true
	}
	if !changed {
		return raw, nil
	}
	js, err := json.Marshal(as)
	return string(js), err
}

// anonymiseObjectives redacts the descriptions of the objectives of the
// person's placements; the titles (what was learnt) stay.
func anonymiseObjectives(a *anonymising) error {
	return redact(a.tx, "objectives", "description", ofPlacements, a.user)
}

// anonymiseHandovers redacts the note of the handovers of the person's
// placements, and in each stored report their name and the progress
// notes; ids, counts, statuses and dates stay, and the report still
// decodes as a Handover.
func anonymiseHandovers(a *anonymising) error {
	if err := redact(a.tx, "handovers", "note", ofPlacements, a.user); err != nil {
		return err
	}
	var rows []struct {
		ID     int64
		Report string
	}
	if err := a.tx.Table("handovers").Select("id, report").Where(ofPlacements, a.user).Order("id").Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		var h Handover
		if err := json.Unmarshal([]byte(r.Report), &h); err != nil {
			return fmt.Errorf("handover %d: %w", r.ID, err)
		}
		redactHandover(a, &h)
		js, err := json.Marshal(h)
		if err != nil {
			return err
		}
		if err := a.tx.Table("handovers").Where("id = ?", r.ID).Update("report", string(js)).Error; err != nil {
			return err
		}
	}
	return nil
}

// redactHandover takes the person's name and the free text out of a
// stored handover report.
func redactHandover(a *anonymising, h *Handover) {
	placeholder := AnonymisedName(a.user)
	rename := func(s *string) {
		if s != nil && *s == a.name {
			*s = placeholder
		}
	}
	rename(&h.Placement.InternName)
	if h.Placement.Focus != "" {
		h.Placement.Focus = RedactedText
	}
	for i := range h.Streams {
		for j := range h.Streams[i].Tasks {
			notes := h.Streams[i].Tasks[j].Notes
			for k := range notes {
				rename(&notes[k].AuthorName)
				if notes[k].Note != "" {
					notes[k].Note = RedactedText
				}
			}
		}
	}
	for i := range h.OpenTasks {
		rename(h.OpenTasks[i].AssigneeName)
	}
	if h.Record != nil {
		rename(&h.Record.InternName)
		if h.Record.Note != "" {
			h.Record.Note = RedactedText
		}
	}
}

// placementIDs returns the ids of the entity's rows that belong to the
// person's placements: those of table still there, and those the trail
// recorded about them (a row deleted since is still in the trail).
func placementIDs(table, entity string) func(a *anonymising) ([]int64, error) {
	return func(a *anonymising) ([]int64, error) {
		var ids []int64
		err := a.tx.Raw("SELECT id FROM "+table+" WHERE "+ofPlacements+" UNION "+
			"SELECT entity_id FROM activities WHERE entity_type = ? AND subject_id = ?",
			a.user, entity, a.user).Scan(&ids).Error
		return ids, err
	}
}

// activityRedaction names the rows of the trail that copy a person's
// data (those of entity type entity whose ids ids returns) and the keys of
// their changes to replace.
type activityRedaction struct {
	entity string
	ids    func(a *anonymising) ([]int64, error)
	keys   map[string]func(a *anonymising) string
}

func redacted(*anonymising) string { return RedactedText }

// authoredIDs returns the ids of the entity's rows a.user wrote: those of
// table still there, and those whose creation the trail recorded (a row
// deleted since is still in the trail).
func authoredIDs(table, entity string) func(a *anonymising) ([]int64, error) {
	return func(a *anonymising) ([]int64, error) {
		var ids []int64
		err := a.tx.Raw("SELECT id FROM "+table+" WHERE author_id = ? UNION "+
			"SELECT entity_id FROM activities WHERE entity_type = ? AND action = ? AND actor_id = ?",
			a.user, entity, tracker.ActionCreate, a.user).Scan(&ids).Error
		return ids, err
	}
}

// activityRedactions are the rows of the trail anonymising rewrites.
var activityRedactions = []activityRedaction{
	{entity: tracker.EntityUser, ids: func(a *anonymising) ([]int64, error) { return []int64{a.user}, nil },
		keys: map[string]func(a *anonymising) string{
			"name":  func(a *anonymising) string { return AnonymisedName(a.user) },
			"email": func(a *anonymising) string { return AnonymisedEmail(a.user) },
		}},
	{entity: tracker.EntityPlacement, ids: func(a *anonymising) ([]int64, error) {
		var ids []int64
		err := a.tx.Raw("SELECT id FROM placements WHERE intern_id = ? UNION "+
			"SELECT entity_id FROM activities WHERE entity_type = ? AND subject_id = ?", a.user, tracker.EntityPlacement, a.user).
			Scan(&ids).Error
		return ids, err
	}, keys: map[string]func(a *anonymising) string{"focus": redacted}},
	{entity: tracker.EntityProgress, ids: authoredIDs("progress_logs", tracker.EntityProgress),
		keys: map[string]func(a *anonymising) string{"note": redacted}},
	{entity: tracker.EntityComment, ids: authoredIDs("comments", tracker.EntityComment),
		keys: map[string]func(a *anonymising) string{"body": redacted}},
	{entity: tracker.EntityReport, ids: placementIDs("weekly_reports", tracker.EntityReport),
		keys: map[string]func(a *anonymising) string{"done": redacted, "next": redacted, "blockers": redacted, "review_comment": redacted}},
	{entity: tracker.EntityObjective, ids: placementIDs("objectives", tracker.EntityObjective),
		keys: map[string]func(a *anonymising) string{"description": redacted}},
	// Evaluation rows name the competencies whose score or comment
	// changed, never the comments themselves; checklist rows copy the
	// template's titles, and a handover's trail (on its placement) its
	// date and successor: none copies free text about the person.
}

// anonymiseActivity rewrites, in the trail, the values that copied the
// person's name, e-mail and free text; ids, dates, statuses and numbers
// stay, so the board rebuilt from the trail is unchanged.
func anonymiseActivity(a *anonymising) error {
	for _, r := range activityRedactions {
		ids, err := r.ids(a)
		if err != nil {
			return err
		}
		if err := redactActivity(a, r, ids); err != nil {
			return err
		}
	}
	return nil
}

func redactActivity(a *anonymising, r activityRedaction, ids []int64) error {
	for start := 0; start < len(ids); start += exportTagChunk {
		chunk := ids[start:min(start+exportTagChunk, len(ids))]
		var rows []tracker.Activity
		if err := a.tx.Where("entity_type = ? AND entity_id IN ?", r.entity, chunk).Find(&rows).Error; err != nil {
			return err
		}
		for _, row := range rows {
			if !redactChanges(a, row.Changes, r.keys) {
				continue
			}
			js, err := json.Marshal(row.Changes)
			if err != nil {
				return err
			}
			if err := a.tx.Table("activities").Where("id = ?", row.ID).Update("changes", string(js)).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// redactChanges replaces the string values of keys in changes; it says
// whether it changed anything.
func redactChanges(a *anonymising, changes map[string]tracker.Change, keys map[string]func(a *anonymising) string) bool {
	changed := false
	for k, with := range keys {
		c, ok := changes[k]
		if !ok {
			continue
		}
		v := with(a)
		if s, ok := c.Before.(string); ok && s != "" && s != v {
			c.Before, changed = v, true
		}
		if s, ok := c.After.(string); ok && s != "" && s != v {
			c.After, changed = v, true
		}
		changes[k] = c
	}
	return changed
}
