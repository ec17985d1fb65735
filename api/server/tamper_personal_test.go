package server_test

// personalTampers sends the anonymisation fields an admin may not set:
// the placeholder, the time, a choice of what to keep.
func personalTampers(w *world, e *apiEnv) []tcase {
	var cs tcases
	const route = "/api/v1/admin/anonymise"
	former := w.formerIntern(e).ID
	for f, v := range map[string]any{"name": "Someone else", "email": "kept@example.org", "anonymised_at": "2020-01-01T00:00:00Z",
		"keep_comments": true, "after_months": 1} {
		cs.add("AnonymiseWith_"+f, uAdmin, "POST", route, route, map[string]any{"user_id": former, f: v}, 400, f)
	}
	cs.add("AnonymiseBySupervisor", uSupCPP, "POST", route, route, map[string]any{"user_id": former}, 403, "")
	cs.add("AnonymiseRecentIntern", uAdmin, "POST", route, route, map[string]any{"user_id": e.id(uInternCPP)}, 409, "")
	return cs
}
