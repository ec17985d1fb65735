package store

import (
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// tagLink names a link table between tags and the entity owning them.
type tagLink struct {
	table string // project_tags or task_tags
	owner string // its column naming the owner: project_id or task_id
}

var (
	projectTags = tagLink{table: "project_tags", owner: "project_id"}
	taskTags    = tagLink{table: "task_tags", owner: "task_id"}
)

// normTagIDs returns ids sorted and without duplicates, never nil, so that
// tag sets compare with slices.Equal and answer [] rather than null.
func normTagIDs(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	out = slices.Compact(out)
	if out == nil {
		out = []int64{}
	}
	return out
}

// checkTags records a problem on tag_ids unless every id names a tag.
func checkTags(tx *gorm.DB, p tracker.Problems, ids []int64) error {
	ids = normTagIDs(ids)
	if len(ids) == 0 {
		return nil
	}
	if len(ids) > 50 {
		p.Add("tag_ids", "must hold at most 50 tags")
		return nil
	}
	var n int64
	if err := tx.Table("tags").Where("id IN ?", ids).Count(&n).Error; err != nil {
		return err
	}
	if n != int64(len(ids)) {
		p.Add("tag_ids", "names a tag that does not exist")
	}
	return nil
}

// set replaces the tags of owner id with ids.
func (l tagLink) set(tx *gorm.DB, id int64, ids []int64) error {
	if err := tx.Exec("DELETE FROM "+l.table+" WHERE "+l.owner+" = ?", id).Error; err != nil {
		return err
	}
	ids = normTagIDs(ids)
	if len(ids) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(ids))
	for i, t := range ids {
		rows[i] = map[string]any{l.owner: id, "tag_id": t}
	}
	return tx.Table(l.table).Create(rows).Error
}

// of returns the tag ids of each owner in ids, in one query; owners
// without tags map to an empty slice.
func (l tagLink) of(tx *gorm.DB, ids []int64) (map[int64][]int64, error) {
	out := make(map[int64][]int64, len(ids))
	for _, id := range ids {
		out[id] = []int64{}
	}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := tx.Table(l.table).Select(l.owner+", tag_id").Where(l.owner+" IN ?", ids).
		Order(l.owner + ", tag_id").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var owner, tag int64
		if err := rows.Scan(&owner, &tag); err != nil {
			return nil, err
		}
		out[owner] = append(out[owner], tag)
	}
	return out, rows.Err()
}

// hasTag narrows q (over the owner's table) to owners carrying tag.
func (l tagLink) hasTag(q *gorm.DB, ownerTable string, tag int64) *gorm.DB {
	return q.Where("EXISTS (SELECT 1 FROM "+l.table+" lt WHERE lt."+l.owner+" = "+ownerTable+".id AND lt.tag_id = ?)", tag)
}

// tags records a change of the tag set in d. The tags live in a link
// table, so the row itself only has its updated_at touched, which makes the
// diff non-empty and s.update bump the version.
func (d *diff) tags(before, after []int64, now time.Time) {
	if slices.Equal(before, after) {
		return
	}
	d.put("tag_ids", before, after)
	delete(d.cols, "tag_ids")
	d.cols["updated_at"] = now
}
