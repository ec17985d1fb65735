package tracker

import "encoding/json"

// Nullable is a field of an update that may be absent (leave it alone),
// null (clear it) or a value (set it).
type Nullable[T any] struct {
	Set   bool
	Value *T
}

// UnmarshalJSON marks the field present; JSON null clears it.
func (n *Nullable[T]) UnmarshalJSON(b []byte) error {
	n.Set = true
	if string(b) == "null" {
		n.Value = nil
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	n.Value = &v
	return nil
}

// Of returns a Nullable set to v.
func Of[T any](v T) Nullable[T] { return Nullable[T]{Set: true, Value: &v} }
