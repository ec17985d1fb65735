package store

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// MaxPerPage caps the page size of every list.
const MaxPerPage = 100

// DefaultPerPage is the page size when none is asked for.
const DefaultPerPage = 50

// Page asks for one page of a list, sorted by Sort: comma-separated field
// names, each optionally prefixed with "-" for descending.
type Page struct {
	Page    int
	PerPage int
	Sort    string
}

// Normalize fills defaults and clamps per_page to MaxPerPage.
func (p Page) Normalize() Page {
	if p.Page < 1 {
		p.Page = 1
	}
	if p.PerPage < 1 {
		p.PerPage = DefaultPerPage
	}
	p.PerPage = min(p.PerPage, MaxPerPage)
	return p
}

// order turns p.Sort into an ORDER BY over the allowed fields (field name
// -> column), falling back to def, always ending with the id so that pages
// are stable.
func order(sort, def string, allowed map[string]string, table string) (string, error) {
	if sort == "" {
		sort = def
	}
	var parts []string
	for _, f := range strings.Split(sort, ",") {
		f = strings.TrimSpace(f)
		dir := "ASC"
		if strings.HasPrefix(f, "-") {
			dir, f = "DESC", f[1:]
		}
		col, ok := allowed[f]
		if !ok {
			keys := make([]string, 0, len(allowed))
			for k := range allowed {
				keys = append(keys, k)
			}
			return "", tracker.Invalid("sort", fmt.Sprintf("unknown sort field %q", f))
		}
		// NULLs last whatever the direction, the same on both databases.
		parts = append(parts, fmt.Sprintf("CASE WHEN %s IS NULL THEN 1 ELSE 0 END, %s %s", col, col, dir))
	}
	parts = append(parts, table+".id ASC")
	return strings.Join(parts, ", "), nil
}

// list counts the rows of q and fetches one page of them into dst.
func list(ctx context.Context, q *gorm.DB, p Page, def string, allowed map[string]string, table string, dst any) (int64, error) {
	total, page, _, err := pageOf(q, p, def, allowed, table)
	if err != nil || total == 0 {
		return 0, err
	}
	return total, page.Find(dst).Error
}

// pageOf counts the rows of q and returns the query of page p of them,
// sorted, and its ORDER BY, for a caller that scans the rows itself.
func pageOf(q *gorm.DB, p Page, def string, allowed map[string]string, table string) (total int64, page *gorm.DB, ord string, err error) {
	p = p.Normalize()
	if ord, err = order(p.Sort, def, allowed, table); err != nil {
		return 0, nil, "", err
	}
	if err := q.Session(&gorm.Session{}).Count(&total).Error; err != nil {
		return 0, nil, "", err
	}
	return total, q.Order(ord).Limit(p.PerPage).Offset((p.Page - 1) * p.PerPage), ord, nil
}

// likeQ returns a LIKE pattern for a case-insensitive substring search.
func likeQ(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + strings.ToLower(r.Replace(q)) + "%"
}
