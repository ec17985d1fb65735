package seed

import "context"

// settleNotifications marks read the notifications the demo's history
// wrote: they stand for months of events the demo's people would long
// have seen, and a bell counting dozens tells a visitor nothing. What
// happens from now on, and the time-based kinds (made when the bell
// asks), show as unread.
func (d *demo) settleNotifications(ctx context.Context) error {
	for _, u := range d.users {
		if err := d.st.ReadAllNotifications(ctx, u); err != nil {
			return err
		}
	}
	return nil
}
