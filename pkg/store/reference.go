package store

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Branches returns every branch, by code.
func (s *Store) Branches(ctx context.Context) ([]tracker.Branch, error) {
	var out []tracker.Branch
	if err := s.read(ctx).Order("code").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("store: branches: %w", err)
	}
	return out, nil
}

// Branch returns one branch.
func (s *Store) Branch(ctx context.Context, id int64) (*tracker.Branch, error) {
	var b tracker.Branch
	if err := s.read(ctx).First(&b, id).Error; err != nil {
		return nil, notFound(err, "branch")
	}
	return &b, nil
}

// Streams returns the three streams, by id.
func (s *Store) Streams(ctx context.Context) ([]tracker.Stream, error) {
	var out []tracker.Stream
	if err := s.read(ctx).Order("id").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("store: streams: %w", err)
	}
	return out, nil
}

// Stream returns one stream.
func (s *Store) Stream(ctx context.Context, id int64) (*tracker.Stream, error) {
	var v tracker.Stream
	if err := s.read(ctx).First(&v, id).Error; err != nil {
		return nil, notFound(err, "stream")
	}
	return &v, nil
}

// TagFilter narrows a tag list.
type TagFilter struct {
	Kind string
	Q    string
}

// Tags returns the tags, by kind then name.
func (s *Store) Tags(ctx context.Context, f TagFilter) ([]tracker.Tag, error) {
	q := s.read(ctx).Order("kind, name")
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.Q != "" {
		like := "%" + strings.ToLower(f.Q) + "%"
		q = q.Where("LOWER(name) LIKE ? OR LOWER(code) LIKE ?", like, like)
	}
	var out []tracker.Tag
	if err := q.Find(&out).Error; err != nil {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	return out, nil
}

// Tag returns one tag.
func (s *Store) Tag(ctx context.Context, id int64) (*tracker.Tag, error) {
	var v tracker.Tag
	if err := s.read(ctx).First(&v, id).Error; err != nil {
		return nil, notFound(err, "tag")
	}
	return &v, nil
}

// RefInput is the body of a branch or tag create or update; nil fields are
// left alone on update.
type RefInput struct {
	Code        *string
	Name        *string
	Description *string
	Kind        *string // tags only
}

func (in RefInput) validate(create, isTag bool) error {
	p := tracker.Problems{}
	check := func(field string, v *string, maxLen int) {
		switch {
		case v == nil && create:
			p.Add(field, "is required")
		case v != nil && strings.TrimSpace(*v) == "":
			p.Add(field, "must not be empty")
		case v != nil && len(*v) > maxLen:
			p.Add(field, fmt.Sprintf("must be at most %d characters", maxLen))
		}
	}
	check("code", in.Code, 16)
	check("name", in.Name, 200)
	if in.Description != nil && len(*in.Description) > 2000 {
		p.Add("description", "must be at most 2000 characters")
	}
	if isTag {
		if in.Kind == nil && create {
			p.Add("kind", "is required")
		} else if in.Kind != nil && !tracker.ValidTagKind(*in.Kind) {
			p.Add("kind", "must be organisation, framework or country")
		}
	} else if in.Kind != nil {
		p.Add("kind", "is not a field of a branch")
	}
	return p.Err()
}

// CreateBranch adds a branch (admins only).
func (s *Store) CreateBranch(ctx context.Context, actor *tracker.User, in RefInput) (*tracker.Branch, error) {
	if !actor.CanManageUsers() {
		return nil, tracker.Forbidden("only an admin may manage branches")
	}
	if err := in.validate(true, false); err != nil {
		return nil, err
	}
	b := tracker.Branch{Code: strings.TrimSpace(*in.Code), Name: strings.TrimSpace(*in.Name), Version: 1}
	if in.Description != nil {
		b.Description = *in.Description
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&b).Error; err != nil {
			return uniqueAs(err, "code", "a branch with this code exists")
		}
		return record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityBranch, b.ID, &b.ID, nil, created(map[string]any{"code": b.Code, "name": b.Name}))
	})
	if err != nil {
		return nil, fmt.Errorf("store: create branch: %w", err)
	}
	return &b, nil
}

// UpdateBranch changes a branch whose version is still version.
func (s *Store) UpdateBranch(ctx context.Context, actor *tracker.User, id, version int64, in RefInput) (*tracker.Branch, error) {
	var b tracker.Branch
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&b, id).Error; err != nil {
			return notFound(err, "branch")
		}
		if !actor.CanManageUsers() {
			return tracker.Forbidden("only an admin may manage branches")
		}
		if err := in.validate(false, false); err != nil {
			return err
		}
		d := diff{}
		d.str("code", &b.Code, in.Code)
		d.str("name", &b.Name, in.Name)
		d.str("description", &b.Description, in.Description)
		if err := s.update(tx, actor, "branches", tracker.EntityBranch, id, version, d, &b.Version, &b.ID, nil); err != nil {
			return uniqueAs(err, "code", "a branch with this code exists")
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: update branch: %w", err)
	}
	return &b, nil
}

// CreateTag adds a tag (admins only).
func (s *Store) CreateTag(ctx context.Context, actor *tracker.User, in RefInput) (*tracker.Tag, error) {
	if !actor.CanManageUsers() {
		return nil, tracker.Forbidden("only an admin may manage tags")
	}
	if err := in.validate(true, true); err != nil {
		return nil, err
	}
	t := tracker.Tag{Code: strings.TrimSpace(*in.Code), Name: strings.TrimSpace(*in.Name), Kind: *in.Kind, Version: 1}
	if in.Description != nil {
		t.Description = *in.Description
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&t).Error; err != nil {
			return uniqueAs(err, "code", "a tag with this code exists")
		}
		return record(tx, s.Now(), actor, tracker.ActionCreate, tracker.EntityTag, t.ID, nil, nil, created(map[string]any{"code": t.Code, "name": t.Name, "kind": t.Kind}))
	})
	if err != nil {
		return nil, fmt.Errorf("store: create tag: %w", err)
	}
	return &t, nil
}

// UpdateTag changes a tag whose version is still version.
func (s *Store) UpdateTag(ctx context.Context, actor *tracker.User, id, version int64, in RefInput) (*tracker.Tag, error) {
	var t tracker.Tag
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&t, id).Error; err != nil {
			return notFound(err, "tag")
		}
		if !actor.CanManageUsers() {
			return tracker.Forbidden("only an admin may manage tags")
		}
		if err := in.validate(false, true); err != nil {
			return err
		}
		d := diff{}
		d.str("code", &t.Code, in.Code)
		d.str("name", &t.Name, in.Name)
		d.str("description", &t.Description, in.Description)
		d.str("kind", &t.Kind, in.Kind)
		if err := s.update(tx, actor, "tags", tracker.EntityTag, id, version, d, &t.Version, nil, nil); err != nil {
			return uniqueAs(err, "code", "a tag with this code exists")
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: update tag: %w", err)
	}
	return &t, nil
}

// DeleteTag removes a tag and its links to projects and tasks.
func (s *Store) DeleteTag(ctx context.Context, actor *tracker.User, id int64) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		var t tracker.Tag
		if err := tx.First(&t, id).Error; err != nil {
			return notFound(err, "tag")
		}
		if !actor.CanManageUsers() {
			return tracker.Forbidden("only an admin may manage tags")
		}
		if err := tx.Delete(&t).Error; err != nil {
			return err
		}
		return record(tx, s.Now(), actor, tracker.ActionDelete, tracker.EntityTag, id, nil, nil, deleted(map[string]any{"code": t.Code, "name": t.Name}))
	})
	if err != nil {
		return fmt.Errorf("store: delete tag: %w", err)
	}
	return nil
}
