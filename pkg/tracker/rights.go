package tracker

// The rights of design.md's table, one method per row. The store and the
// HTTP layer ask these; none of them looks anything up.

// IsStaffReader reports whether u reads across branches (admin, leadership).
func (u *User) IsStaffReader() bool { return u.Role == RoleAdmin || u.Role == RoleLeadership }

// CanReadUser reports whether u may see target.
func (u *User) CanReadUser(target *User) bool {
	switch {
	case u.IsStaffReader(), u.ID == target.ID:
		return true
	case u.Role == RoleSupervisor:
		return target.BranchID != nil && u.InBranch(*target.BranchID)
	}
	return false
}

// CanManageUsers reports whether u may create users, change roles and
// branches, disable accounts, and manage branches and tags.
func (u *User) CanManageUsers() bool { return u.Role == RoleAdmin }

// CanReadPlacement reports whether u may see p.
func (u *User) CanReadPlacement(p *Placement) bool {
	switch u.Role {
	case RoleAdmin, RoleLeadership:
		return true
	case RoleSupervisor:
		return u.InBranch(p.BranchID)
	}
	return p.InternID == u.ID
}

// CanManagePlacements reports whether u may create and change placements in
// branch.
func (u *User) CanManagePlacements(branch int64) bool {
	return u.Role == RoleAdmin || (u.Role == RoleSupervisor && u.InBranch(branch))
}

// CanReadWork reports whether u may see the projects and tasks of branch.
func (u *User) CanReadWork(branch int64) bool {
	switch u.Role {
	case RoleAdmin, RoleLeadership, RoleSupervisor:
		return true
	}
	return u.InBranch(branch)
}

// CanEditWork reports whether u may create, edit, assign and delete the
// projects and tasks of branch.
func (u *User) CanEditWork(branch int64) bool {
	return u.Role == RoleAdmin || (u.Role == RoleSupervisor && u.InBranch(branch))
}

// MoverFor says in which capacity u may move, log progress on and comment
// on t; ok is false when u may do none of it.
func (u *User) MoverFor(t *Task) (m Mover, ok bool) {
	if u.CanEditWork(t.BranchID) {
		return MoverReviewer, true
	}
	if u.Role == RoleIntern && t.AssigneeID != nil && *t.AssigneeID == u.ID {
		return MoverAssignee, true
	}
	return 0, false
}

// CanSeeBoard reports whether u may open the status board.
func (u *User) CanSeeBoard() bool { return u.Role != RoleIntern }
