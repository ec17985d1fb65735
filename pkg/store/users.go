package store

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// UserFilter narrows a user list.
type UserFilter struct {
	Role     string
	BranchID int64
	Active   *bool
	Q        string
	Page     Page
}

var userSorts = map[string]string{"name": "users.name", "email": "users.email", "role": "users.role", "created_at": "users.created_at"}

// Users lists the users actor may read.
func (s *Store) Users(ctx context.Context, actor *tracker.User, f UserFilter) ([]tracker.User, int64, error) {
	q := s.read(ctx).Model(&tracker.User{})
	switch actor.Role {
	case tracker.RoleAdmin, tracker.RoleLeadership:
	case tracker.RoleSupervisor:
		q = q.Where("users.branch_id = ? OR users.id = ?", branchOf(actor), actor.ID)
	default:
		q = q.Where("users.id = ?", actor.ID)
	}
	if f.Role != "" {
		q = q.Where("users.role = ?", f.Role)
	}
	if f.BranchID != 0 {
		q = q.Where("users.branch_id = ?", f.BranchID)
	}
	if f.Active != nil {
		q = q.Where("users.active = ?", *f.Active)
	}
	if f.Q != "" {
		like := likeQ(f.Q)
		q = q.Where(`LOWER(users.name) LIKE ? ESCAPE '\' OR LOWER(users.email) LIKE ? ESCAPE '\'`, like, like)
	}
	var out []tracker.User
	total, err := list(ctx, q, f.Page, "name", userSorts, "users", &out)
	if err != nil {
		return nil, 0, fmt.Errorf("store: users: %w", err)
	}
	return out, total, nil
}

func branchOf(u *tracker.User) int64 {
	if u.BranchID == nil {
		return -1
	}
	return *u.BranchID
}

// UserByID returns any user, for authentication; callers check rights.
func (s *Store) UserByID(ctx context.Context, id int64) (*tracker.User, error) {
	var u tracker.User
	if err := s.read(ctx).First(&u, id).Error; err != nil {
		return nil, notFound(err, "user")
	}
	return &u, nil
}

// UserByEmail returns the user with this e-mail, case-insensitively, with
// its password hash, for signing in.
func (s *Store) UserByEmail(ctx context.Context, email string) (*tracker.User, error) {
	var u tracker.User
	if err := s.read(ctx).Where("email = ?", normEmail(email)).First(&u).Error; err != nil {
		return nil, notFound(err, "user")
	}
	return &u, nil
}

// User returns the user id if actor may read it.
func (s *Store) User(ctx context.Context, actor *tracker.User, id int64) (*tracker.User, error) {
	u, err := s.UserByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !actor.CanReadUser(u) {
		return nil, tracker.NotFound("user")
	}
	return u, nil
}

// NewUser is the input of CreateUser. PasswordHash is already hashed.
type NewUser struct {
	Email        string
	Name         string
	Role         tracker.Role
	BranchID     *int64
	Locale       string
	PasswordHash string
}

func normEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

func validEmail(e string) bool {
	a, err := mail.ParseAddress(e)
	return err == nil && a.Address == e && len(e) <= 254
}

func validName(p tracker.Problems, field, name string) {
	switch n := strings.TrimSpace(name); {
	case n == "":
		p.Add(field, "is required")
	case len(n) > 200:
		p.Add(field, "must be at most 200 characters")
	}
}

// checkUserBranch validates a user's branch against its role, in tx.
func checkUserBranch(tx *gorm.DB, p tracker.Problems, role tracker.Role, branch *int64) {
	switch {
	case branch == nil && (role == tracker.RoleIntern || role == tracker.RoleSupervisor):
		p.Add("branch_id", "is required for interns and supervisors")
	case branch != nil:
		var n int64
		tx.Table("branches").Where("id = ?", *branch).Count(&n)
		if n == 0 {
			p.Add("branch_id", "no such branch")
		}
	}
}

// CreateUser adds an account (admins only).
func (s *Store) CreateUser(ctx context.Context, actor *tracker.User, in NewUser) (*tracker.User, error) {
	if !actor.CanManageUsers() {
		return nil, tracker.Forbidden("only an admin may create users")
	}
	return s.createUser(ctx, actor, in)
}

// CreateUserUnchecked adds an account without a rights check, for the CLI
// and the demo seed.
func (s *Store) CreateUserUnchecked(ctx context.Context, in NewUser) (*tracker.User, error) {
	return s.createUser(ctx, nil, in)
}

func (s *Store) createUser(ctx context.Context, actor *tracker.User, in NewUser) (*tracker.User, error) {
	u := tracker.User{Email: normEmail(in.Email), Name: strings.TrimSpace(in.Name), Role: in.Role, BranchID: in.BranchID,
		Locale: in.Locale, Active: true, PasswordHash: in.PasswordHash, Version: 1}
	if u.Locale == "" {
		u.Locale = "en"
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		p := tracker.Problems{}
		if !validEmail(u.Email) {
			p.Add("email", "must be an e-mail address")
		}
		validName(p, "name", u.Name)
		if !u.Role.Valid() {
			p.Add("role", "must be admin, leadership, supervisor or intern")
		}
		if !tracker.ValidLocale(u.Locale) {
			p.Add("locale", "must be en or fr")
		}
		checkUserBranch(tx, p, u.Role, u.BranchID)
		if err := p.Err(); err != nil {
			return err
		}
		if err := tx.Create(&u).Error; err != nil {
			return uniqueAs(err, "email", "an account with this e-mail exists")
		}
		return record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityUser, u.ID, u.BranchID, &u.ID,
			created(map[string]any{"email": u.Email, "name": u.Name, "role": u.Role, "branch_id": u.BranchID, "locale": u.Locale}))
	})
	if err != nil {
		return nil, fmt.Errorf("store: create user: %w", err)
	}
	return &u, nil
}

// UserPatch is the input of UpdateUser; nil fields are left alone.
type UserPatch struct {
	Email    *string
	Name     *string
	Role     *tracker.Role
	BranchID tracker.Nullable[int64]
	Locale   *string
	Active   *bool
}

// selfOnly reports whether the patch touches only what a user may change
// on their own account.
func (p UserPatch) selfOnly() bool {
	return p.Email == nil && p.Role == nil && !p.BranchID.Set && p.Active == nil
}

// UpdateUser changes a user. Admins change anything; everyone may change
// their own name and locale.
func (s *Store) UpdateUser(ctx context.Context, actor *tracker.User, id, version int64, in UserPatch) (*tracker.User, error) {
	var u tracker.User
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&u, id).Error; err != nil {
			return notFound(err, "user")
		}
		if !actor.CanReadUser(&u) {
			return tracker.NotFound("user")
		}
		if !actor.CanManageUsers() && !(actor.ID == id && in.selfOnly()) {
			return tracker.Forbidden("you may change only your own name and language")
		}
		if actor.ID == id && ((in.Active != nil && !*in.Active) || (in.Role != nil && *in.Role != u.Role)) {
			return tracker.Forbidden("you may not disable your own account or change your own role")
		}
		p := tracker.Problems{}
		d := diff{}
		if in.Email != nil {
			e := normEmail(*in.Email)
			if !validEmail(e) {
				p.Add("email", "must be an e-mail address")
			}
			d.str("email", &u.Email, &e)
		}
		if in.Name != nil {
			validName(p, "name", *in.Name)
			n := strings.TrimSpace(*in.Name)
			d.str("name", &u.Name, &n)
		}
		if in.Role != nil && !in.Role.Valid() {
			p.Add("role", "must be admin, leadership, supervisor or intern")
		}
		set(&d, "role", &u.Role, in.Role)
		ptr(&d, "branch_id", &u.BranchID, in.BranchID)
		if in.Locale != nil && !tracker.ValidLocale(*in.Locale) {
			p.Add("locale", "must be en or fr")
		}
		d.str("locale", &u.Locale, in.Locale)
		set(&d, "active", &u.Active, in.Active)
		if in.Role != nil || in.BranchID.Set {
			checkUserBranch(tx, p, u.Role, u.BranchID)
		}
		if err := p.Err(); err != nil {
			return err
		}
		err := s.update(tx, actor, "users", tracker.EntityUser, id, version, d, &u.Version, u.BranchID, &u.ID)
		if err != nil {
			return uniqueAs(err, "email", "an account with this e-mail exists")
		}
		if in.Active != nil && !*in.Active {
			return revokeUserSessions(tx, s.Now(), id, "")
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: update user: %w", err)
	}
	return &u, nil
}

// SetPassword stores a new password hash for user id and ends every other
// session of the user (all but the family keep).
func (s *Store) SetPassword(ctx context.Context, actor *tracker.User, id int64, hash, keep string) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Table("users").Where("id = ?", id).Updates(map[string]any{"password_hash": hash, "updated_at": s.Now()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return tracker.NotFound("user")
		}
		if err := revokeUserSessions(tx, s.Now(), id, keep); err != nil {
			return err
		}
		return record(tx, s.Now(), actor, tracker.ActionUpdate, tracker.EntityUser, id, nil, &id,
			map[string]tracker.Change{"password": {Before: "(hidden)", After: "(changed)"}})
	})
	if err != nil {
		return fmt.Errorf("store: set password: %w", err)
	}
	return nil
}
