package migrations

import (
	"time"

	"gorm.io/gorm"
)

// Snapshot structs of the checklist rows as they were when this step was
// written.
type clTemplateRow struct {
	BranchID   int64
	Title      string
	Phase      string
	Anchor     string
	OffsetDays int
	Version    int64
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

type clItemRow struct {
	PlacementID int64
	TemplateID  *int64
	Title       string
	Phase       string
	Anchor      string
	OffsetDays  int
	DueDate     string
	Version     int64
}

type clPlacementRow struct {
	ID        int64
	BranchID  int64
	StartDate string
	EndDate   string
}

type clTemplateRead struct {
	ID         int64
	BranchID   int64
	Title      string
	Phase      string
	Anchor     string
	OffsetDays int
}

// clDefaults is the template every existing branch starts with.
var clDefaults = []clTemplateRow{
	{Title: "Accounts, e-mail and network access set up", Phase: "onboarding", Anchor: "start", OffsetDays: 1},
	{Title: "Security briefing attended", Phase: "onboarding", Anchor: "start", OffsetDays: 2},
	{Title: "Met the stream leads", Phase: "onboarding", Anchor: "start", OffsetDays: 5},
	{Title: "Handover notes written", Phase: "offboarding", Anchor: "end", OffsetDays: -10},
	{Title: "Badge and equipment returned", Phase: "offboarding", Anchor: "end", OffsetDays: 0},
}

// checklists creates the branches' checklist templates and the placements'
// checklist items, seeds a default template for every branch, and gives
// every placement not yet ended its items. Placements that ended before
// this step get none: their checklist would be overdue from before the
// checklist existed and would turn their history at risk.
func checklists(tx *gorm.DB, d Dialect) error {
	err := d.Exec(tx, `
CREATE TABLE checklist_template_items (
  id {{id}},
  branch_id BIGINT NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
  title VARCHAR(200) NOT NULL,
  phase VARCHAR(16) NOT NULL,
  anchor VARCHAR(8) NOT NULL,
  offset_days INTEGER NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at {{time}} NOT NULL,
  updated_at {{time}} NOT NULL
);
CREATE INDEX idx_checklist_template_branch ON checklist_template_items (branch_id);
CREATE TABLE checklist_items (
  id {{id}},
  placement_id BIGINT NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
  template_id BIGINT REFERENCES checklist_template_items(id) ON DELETE SET NULL,
  title VARCHAR(200) NOT NULL,
  phase VARCHAR(16) NOT NULL,
  anchor VARCHAR(8) NOT NULL,
  offset_days INTEGER NOT NULL,
  due_date VARCHAR(10) NOT NULL,
  done_at {{time}},
  done_by BIGINT REFERENCES users(id),
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX idx_checklist_items_placement ON checklist_items (placement_id, due_date);
CREATE INDEX idx_checklist_items_template ON checklist_items (template_id)`)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	var branches []int64
	if err := tx.Table("branches").Order("id").Pluck("id", &branches).Error; err != nil {
		return err
	}
	var rows []clTemplateRow
	for _, b := range branches {
		for _, t := range clDefaults {
			t.BranchID, t.Version, t.CreatedAt, t.UpdatedAt = b, 1, now, now
			rows = append(rows, t)
		}
	}
	if len(rows) > 0 {
		if err := tx.Table("checklist_template_items").Create(&rows).Error; err != nil {
			return err
		}
	}
	var tpl []clTemplateRead
	if err := tx.Table("checklist_template_items").Order("id").Find(&tpl).Error; err != nil {
		return err
	}
	var ps []clPlacementRow
	today := now.Format(time.DateOnly)
	if err := tx.Table("placements").Where("end_date >= ?", today).Order("id").Find(&ps).Error; err != nil {
		return err
	}
	var items []clItemRow
	for _, p := range ps {
		for _, t := range tpl {
			if t.BranchID != p.BranchID {
				continue
			}
			due, err := clDue(p, t.Anchor, t.OffsetDays)
			if err != nil {
				return err
			}
			id := t.ID
			items = append(items, clItemRow{PlacementID: p.ID, TemplateID: &id, Title: t.Title, Phase: t.Phase,
				Anchor: t.Anchor, OffsetDays: t.OffsetDays, DueDate: due, Version: 1})
		}
	}
	if len(items) == 0 {
		return nil
	}
	return tx.Table("checklist_items").CreateInBatches(&items, 500).Error
}

// clDue is the due date of an item of p anchored at anchor.
func clDue(p clPlacementRow, anchor string, offset int) (string, error) {
	from := p.StartDate
	if anchor == "end" {
		from = p.EndDate
	}
	t, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return "", err
	}
	return t.AddDate(0, 0, offset).Format(time.DateOnly), nil
}
