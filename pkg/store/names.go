package store

import (
	"fmt"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// userNames returns the names of users ids, by id, in one query.
func userNames(db *gorm.DB, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		ID   int64
		Name string
	}
	if err := db.Table("users").Select("id, name").Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("user names: %w", err)
	}
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, nil
}

// namer fills the names that the objects of one store call carry beside
// their user ids. Callers note every object, then fill reads all the names
// in one query, whatever the number of objects: a reader who may not read
// a user (an intern reading their supervisor) still learns their name.
type namer struct {
	ids  []int64
	sets []func(names map[int64]string)
}

// name notes that *dst is the name of user id.
func (n *namer) name(id int64, dst *string) {
	n.ids = append(n.ids, id)
	n.sets = append(n.sets, func(names map[int64]string) { *dst = names[id] })
}

// nullable notes that *dst is the name of user *id, or nil when id is nil.
func (n *namer) nullable(id *int64, dst **string) {
	if id == nil {
		*dst = nil
		return
	}
	v := *id
	n.ids = append(n.ids, v)
	n.sets = append(n.sets, func(names map[int64]string) {
		s := names[v]
		*dst = &s
	})
}

// tasks notes the assignee of each of ts.
func (n *namer) tasks(ts ...*tracker.Task) *namer {
	for _, t := range ts {
		n.nullable(t.AssigneeID, &t.AssigneeName)
	}
	return n
}

// logs notes the author of each of ls.
func (n *namer) logs(ls ...*tracker.ProgressLog) *namer {
	for _, l := range ls {
		n.name(l.AuthorID, &l.AuthorName)
	}
	return n
}

// comments notes the author of each of cs.
func (n *namer) comments(cs ...*tracker.Comment) *namer {
	for _, c := range cs {
		n.name(c.AuthorID, &c.AuthorName)
	}
	return n
}

// placements notes the intern and the supervisor of each of ps.
func (n *namer) placements(ps ...*tracker.Placement) *namer {
	for _, p := range ps {
		n.name(p.InternID, &p.InternName)
		n.name(p.SupervisorID, &p.SupervisorName)
	}
	return n
}

// activity notes the actor of each of as.
func (n *namer) activity(as ...*tracker.Activity) *namer {
	for _, a := range as {
		n.nullable(a.ActorID, &a.ActorName)
	}
	return n
}

// fill reads the names of every user noted, in one query (none when no
// user was), and sets them. Users are never deleted and every reference
// to one is a foreign key, so a name missing is an error, not an empty
// string.
func (n *namer) fill(db *gorm.DB) error {
	if len(n.ids) == 0 {
		return nil
	}
	seen := make(map[int64]bool, len(n.ids))
	ids := make([]int64, 0, len(n.ids))
	for _, id := range n.ids {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	names, err := userNames(db, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, ok := names[id]; !ok {
			return fmt.Errorf("user names: no user %d", id)
		}
	}
	for _, set := range n.sets {
		set(names)
	}
	return nil
}

// ptrs returns pointers to the elements of s, for the namer and the other
// helpers that fill a page of objects in place.
func ptrs[T any](s []T) []*T {
	out := make([]*T, len(s))
	for i := range s {
		out[i] = &s[i]
	}
	return out
}
