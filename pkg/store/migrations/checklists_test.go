package migrations

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// TestChecklistsOnExistingPlacements applies the history up to the step
// before the checklists to a database with placements, then the step: both
// branches get the default template, the placements not yet ended get
// their items, dated from their start and end, and an ended one none.
func TestChecklistsOnExistingPlacements(t *testing.T) {
	db, err := gorm.Open(sqlite.Open("file:"+filepath.Join(t.TempDir(), "m.db")+"?_foreign_keys=on"),
		&gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	all := All
	defer func() { All = all }()
	var upTo int
	for i, m := range all {
		if m.ID == "2026120104_checklists" {
			upTo = i
		}
	}
	All = all[:upTo]
	if err := Run(ctx, db, "sqlite"); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	ago := func(days int) string { return now.AddDate(0, 0, -days).Format(time.DateOnly) }
	for i, role := range []string{"supervisor", "intern", "intern"} {
		err := db.Exec(`INSERT INTO users (email, name, role, branch_id, locale, active, password_hash, version, created_at, updated_at)
VALUES (?, ?, ?, 1, 'en', true, 'x', 1, ?, ?)`, role+string(rune('a'+i))+"@example.org", role, role, now, now).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range [][3]any{{2, ago(10), ago(-170)}, {3, ago(300), ago(120)}} {
		err := db.Exec(`INSERT INTO placements (intern_id, branch_id, supervisor_id, start_date, end_date, focus, version, created_at, updated_at)
VALUES (?, 1, 1, ?, ?, '', 1, ?, ?)`, p[0], p[1], p[2], now, now).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	All = all
	if err := Run(ctx, db, "sqlite"); err != nil {
		t.Fatal(err)
	}
	var perBranch []struct {
		BranchID int64
		N        int
	}
	db.Table("checklist_template_items").Select("branch_id, COUNT(*) AS n").Group("branch_id").Order("branch_id").Find(&perBranch)
	if len(perBranch) != 2 || perBranch[0].N != len(clDefaults) || perBranch[1].N != len(clDefaults) {
		t.Fatalf("templates per branch %+v, want %d for each of 2", perBranch, len(clDefaults))
	}
	var items []struct {
		PlacementID int64
		Anchor      string
		OffsetDays  int
		DueDate     string
	}
	db.Table("checklist_items").Order("id").Find(&items)
	if len(items) != len(clDefaults) {
		t.Fatalf("%d items, want %d, all of the running placement: %+v", len(items), len(clDefaults), items)
	}
	for _, it := range items {
		from := ago(10)
		if it.Anchor == "end" {
			from = ago(-170)
		}
		f, _ := time.Parse(time.DateOnly, from)
		if want := f.AddDate(0, 0, it.OffsetDays).Format(time.DateOnly); it.PlacementID != 1 || it.DueDate != want {
			t.Errorf("item %+v, want placement 1 due %s", it, want)
		}
	}
}
