package tracker_test

import (
	"fmt"
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

const (
	stTodo       = tracker.StatusTodo
	stInProgress = tracker.StatusInProgress
	stBlocked    = tracker.StatusBlocked
	stInReview   = tracker.StatusInReview
	stDone       = tracker.StatusDone
)

// Outcomes of a move, by error code ("" when allowed).
const (
	moveOK        = ""
	moveRefused   = tracker.ECodeInvalidTransition
	moveForbidden = tracker.ECodeForbidden
)

// moveTable is design.md's workflow written out for every pair of distinct
// statuses: what the assignee and a reviewer get.
var moveTable = []struct {
	from, to           tracker.Status
	assignee, reviewer string
}{
	{stTodo, stInProgress, moveOK, moveOK},
	{stTodo, stBlocked, moveRefused, moveRefused},
	{stTodo, stInReview, moveRefused, moveRefused},
	{stTodo, stDone, moveRefused, moveRefused},
	{stInProgress, stTodo, moveOK, moveOK},
	{stInProgress, stBlocked, moveOK, moveOK},
	{stInProgress, stInReview, moveOK, moveOK},
	{stInProgress, stDone, moveRefused, moveRefused},
	{stBlocked, stTodo, moveRefused, moveRefused},
	{stBlocked, stInProgress, moveOK, moveOK},
	{stBlocked, stInReview, moveRefused, moveRefused},
	{stBlocked, stDone, moveRefused, moveRefused},
	{stInReview, stTodo, moveRefused, moveRefused},
	{stInReview, stInProgress, moveForbidden, moveOK},
	{stInReview, stBlocked, moveRefused, moveRefused},
	{stInReview, stDone, moveForbidden, moveOK},
	{stDone, stTodo, moveRefused, moveRefused},
	{stDone, stInProgress, moveForbidden, moveOK},
	{stDone, stBlocked, moveRefused, moveRefused},
	{stDone, stInReview, moveRefused, moveRefused},
}

func TestMoveTableCoversEveryPair(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range moveTable {
		seen[string(m.from)+">"+string(m.to)] = true
	}
	for _, from := range tracker.Statuses {
		for _, to := range tracker.Statuses {
			if from != to && !seen[string(from)+">"+string(to)] {
				t.Errorf("move %s -> %s is missing from the table", from, to)
			}
		}
	}
}

func TestCheckMove(t *testing.T) {
	for _, m := range moveTable {
		for _, c := range []struct {
			name  string
			mover tracker.Mover
			want  string
		}{{"Assignee", tracker.MoverAssignee, m.assignee}, {"Reviewer", tracker.MoverReviewer, m.reviewer}} {
			t.Run(fmt.Sprintf("%s_%s_to_%s", c.name, m.from, m.to), func(t *testing.T) {
				err := tracker.CheckMove(c.mover, m.from, m.to)
				if c.want == moveOK {
					if err != nil {
						t.Fatalf("CheckMove = %v, want allowed", err)
					}
					if !tracker.CanMove(c.mover, m.from, m.to) {
						t.Fatal("CanMove = false, want true")
					}
					return
				}
				if got := tracker.ErrorCode(err); got != c.want {
					t.Fatalf("CheckMove code = %q (%v), want %q", got, err, c.want)
				}
				if tracker.CanMove(c.mover, m.from, m.to) {
					t.Fatal("CanMove = true, want false")
				}
				if e := err.(*tracker.Error); e.Fields["status"] == "" {
					t.Fatalf("error %v does not name the status field", err)
				}
			})
		}
	}
}

func TestCheckMoveRefusesUnknownStatus(t *testing.T) {
	for _, to := range []tracker.Status{"", "closed", "DONE"} {
		t.Run("To_"+string(to), func(t *testing.T) {
			err := tracker.CheckMove(tracker.MoverReviewer, stTodo, to)
			if tracker.ErrorCode(err) != tracker.ECodeInvalid || err.(*tracker.Error).Fields["status"] == "" {
				t.Fatalf("CheckMove = %v, want a validation error on status", err)
			}
		})
	}
}

func TestStayingIsNotAMove(t *testing.T) {
	for _, s := range tracker.Statuses {
		if tracker.CanMove(tracker.MoverReviewer, s, s) {
			t.Errorf("CanMove(%s -> %s) = true", s, s)
		}
	}
}

func TestStatusValid(t *testing.T) {
	for _, s := range tracker.Statuses {
		if !s.Valid() {
			t.Errorf("%q not valid", s)
		}
	}
	if tracker.Status("closed").Valid() {
		t.Error(`"closed" valid`)
	}
}

func TestPriorityValid(t *testing.T) {
	for _, p := range []tracker.Priority{tracker.PriorityLow, tracker.PriorityMedium, tracker.PriorityHigh, tracker.PriorityUrgent} {
		if !p.Valid() {
			t.Errorf("%q not valid", p)
		}
	}
	if tracker.Priority("critical").Valid() {
		t.Error(`"critical" valid`)
	}
}

func TestTaskIsOverdue(t *testing.T) {
	today := tracker.NewDate(2026, 3, 16)
	for _, c := range []struct {
		name   string
		status tracker.Status
		due    tracker.Date
		want   bool
	}{
		{"NoDueDate", stInProgress, tracker.Date{}, false},
		{"DueYesterday", stInProgress, today.AddDays(-1), true},
		{"DueToday", stTodo, today, false},
		{"DueTomorrow", stBlocked, today.AddDays(1), false},
		{"DoneLate", stDone, today.AddDays(-30), false},
		{"InReviewLate", stInReview, today.AddDays(-1), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			tk := tracker.Task{Status: c.status, DueDate: c.due}
			if got := tk.IsOverdue(today); got != c.want {
				t.Fatalf("IsOverdue = %v, want %v", got, c.want)
			}
		})
	}
}

// people of design.md's rights table, in two branches.
func people() map[string]*tracker.User {
	cpp, mc := int64(1), int64(2)
	return map[string]*tracker.User{
		"admin":      {ID: 1, Role: tracker.RoleAdmin},
		"leader":     {ID: 2, Role: tracker.RoleLeadership},
		"supCPP":     {ID: 3, Role: tracker.RoleSupervisor, BranchID: &cpp},
		"supMC":      {ID: 4, Role: tracker.RoleSupervisor, BranchID: &mc},
		"internCPP":  {ID: 5, Role: tracker.RoleIntern, BranchID: &cpp},
		"internCPP2": {ID: 6, Role: tracker.RoleIntern, BranchID: &cpp},
		"internMC":   {ID: 7, Role: tracker.RoleIntern, BranchID: &mc},
	}
}

func TestWorkRights(t *testing.T) {
	assignee := int64(5)
	task := &tracker.Task{BranchID: 1, AssigneeID: &assignee}
	unassigned := &tracker.Task{BranchID: 1}
	for _, c := range []struct {
		who                  string
		read, edit           bool // the work of branch 1
		mover                string
		moverOfUnassigned    string
		readOther, editOther bool // the work of branch 2
	}{
		{"admin", true, true, "reviewer", "reviewer", true, true},
		{"leader", true, false, "", "", true, false},
		{"supCPP", true, true, "reviewer", "reviewer", true, false},
		{"supMC", true, false, "", "", true, true},
		{"internCPP", true, false, "assignee", "", false, false},
		{"internCPP2", true, false, "", "", false, false},
		{"internMC", false, false, "", "", true, false},
	} {
		t.Run(c.who, func(t *testing.T) {
			u := people()[c.who]
			if got := u.CanReadWork(1); got != c.read {
				t.Errorf("CanReadWork(1) = %v, want %v", got, c.read)
			}
			if got := u.CanEditWork(1); got != c.edit {
				t.Errorf("CanEditWork(1) = %v, want %v", got, c.edit)
			}
			if got := u.CanReadWork(2); got != c.readOther {
				t.Errorf("CanReadWork(2) = %v, want %v", got, c.readOther)
			}
			if got := u.CanEditWork(2); got != c.editOther {
				t.Errorf("CanEditWork(2) = %v, want %v", got, c.editOther)
			}
			if got := moverName(u.MoverFor(task)); got != c.mover {
				t.Errorf("MoverFor(assigned task) = %q, want %q", got, c.mover)
			}
			if got := moverName(u.MoverFor(unassigned)); got != c.moverOfUnassigned {
				t.Errorf("MoverFor(unassigned task) = %q, want %q", got, c.moverOfUnassigned)
			}
		})
	}
}

func moverName(m tracker.Mover, ok bool) string {
	switch {
	case !ok:
		return ""
	case m == tracker.MoverReviewer:
		return "reviewer"
	}
	return "assignee"
}

func TestPeopleRights(t *testing.T) {
	ps := people()
	placement := &tracker.Placement{InternID: 5, BranchID: 1}
	for _, c := range []struct {
		who                                   string
		readIntern, readOtherIntern, readSelf bool
		manageUsers, readPlacement, manage    bool
		board                                 bool
	}{
		{"admin", true, true, true, true, true, true, true},
		{"leader", true, true, true, false, true, false, true},
		{"supCPP", true, false, true, false, true, true, true},
		{"supMC", false, true, true, false, false, false, true},
		{"internCPP", true, false, true, false, true, false, false},
		{"internCPP2", false, false, true, false, false, false, false},
	} {
		t.Run(c.who, func(t *testing.T) {
			u := ps[c.who]
			checks := []struct {
				name      string
				got, want bool
			}{
				{"CanReadUser(internCPP)", u.CanReadUser(ps["internCPP"]), c.readIntern},
				{"CanReadUser(internMC)", u.CanReadUser(ps["internMC"]), c.readOtherIntern},
				{"CanReadUser(self)", u.CanReadUser(u), c.readSelf},
				{"CanManageUsers", u.CanManageUsers(), c.manageUsers},
				{"CanReadPlacement", u.CanReadPlacement(placement), c.readPlacement},
				{"CanManagePlacements(1)", u.CanManagePlacements(1), c.manage},
				{"CanSeeBoard", u.CanSeeBoard(), c.board},
			}
			for _, ch := range checks {
				if ch.got != ch.want {
					t.Errorf("%s = %v, want %v", ch.name, ch.got, ch.want)
				}
			}
		})
	}
}
