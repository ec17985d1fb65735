package server_test

import (
	"strings"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// handoverTampers are the tampered writes of the handover action and the
// notifications.
func handoverTampers(w *world, e *apiEnv) []tcase {
	var cs tcases
	add := cs.add
	pl := w.pl[uInternCPP]
	const ho = "/api/v1/placements/:id/handover"
	path := v1("/placements/%d/handover", pl.ID)
	for f, v := range map[string]any{"placement_id": w.pl[uInternMC].ID, "created_by": e.id(uAdmin), "handed_over_at": "2020-01-01T00:00:00Z",
		"report": "{}", "id": 5, "tasks": []int64{1}} {
		add("HandoverWith_"+f, uSupCPP, "POST", ho, path, map[string]any{"successor_id": nil, f: v}, 400, f)
	}
	add("HandoverByIntern", uInternCPP, "POST", ho, path, map[string]any{"successor_id": nil}, 403, "")
	add("HandoverNoSuccessorField", uSupCPP, "POST", ho, path, map[string]any{"note": "x"}, 422, "successor_id")
	// A placement in its second month is not in its last two weeks.
	add("HandoverTooEarly", uSupCPP, "POST", ho, path, map[string]any{"successor_id": nil}, 409, "")
	ending := endingPlacement(&cell{w: w, e: e, s: scopeOwn})
	epath := v1("/placements/%d/handover", ending.ID)
	for name, succ := range map[string]int64{"Self": ending.InternID, "OtherBranch": e.id(uInternMC), "Supervisor": e.id(uSupCPP), "Nobody": 99999} {
		add("HandoverSuccessor"+name, uSupCPP, "POST", ho, epath, map[string]any{"successor_id": succ}, 422, "successor_id")
	}
	add("HandoverLongNote", uSupCPP, "POST", ho, epath, map[string]any{"successor_id": nil, "note": strings.Repeat("x", 2001)}, 422, "note")

	const read, all = "/api/v1/notifications/:id/read", "/api/v1/notifications/read-all"
	ns := internNotification(&cell{w: w, e: e})
	for f, v := range map[string]any{"user_id": e.id(uInternCPP2), "read_at": "2020-01-01T00:00:00Z", "kind": tracker.NotifyAssigned} {
		add("ReadNotificationWith_"+f, uInternCPP, "POST", read, v1("/notifications/%d/read", ns), map[string]any{f: v}, 400, f)
		add("ReadAllNotificationsWith_"+f, uInternCPP, "POST", all, v1("/notifications/read-all"), map[string]any{f: v}, 400, f)
	}
	add("ReadNotificationOfAnother", uInternCPP2, "POST", read, v1("/notifications/%d/read", ns), nil, 404, "")
	return cs
}
