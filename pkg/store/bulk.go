package store

import (
	"context"
	"fmt"
	"reflect"

	"gorm.io/gorm"
)

// BulkInsert writes rows, a slice of structs shaped like the rows of
// table, into table in one transaction, batch rows per INSERT, and fills
// in their ids. After each batch it calls done (when not nil) with the
// number of rows written so far.
//
// It checks no rights and records no activity: it is for seeding an empty
// database with synthetic history (tracker seed --scale), never for
// requests.
func (s *Store) BulkInsert(ctx context.Context, table string, rows any, batch int, done func(n int)) error {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice {
		return fmt.Errorf("store: bulk insert into %s: rows must be a slice, not %s", table, v.Kind())
	}
	if batch < 1 {
		batch = 500
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		for i := 0; i < v.Len(); i += batch {
			chunk := v.Slice(i, min(i+batch, v.Len()))
			// A pointer to the chunk lets GORM write the new ids back
			// into the caller's slice, which the chunk shares.
			p := reflect.New(chunk.Type())
			p.Elem().Set(chunk)
			if err := tx.Table(table).Create(p.Interface()).Error; err != nil {
				return err
			}
			if done != nil {
				done(min(i+batch, v.Len()))
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: bulk insert into %s: %w", table, err)
	}
	return nil
}
