package server_test

import (
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

func TestReferenceData(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		var branches struct{ Items []tracker.Branch }
		e.as(uInternCPP).get("/api/v1/branches").want(200).decode(&branches)
		if len(branches.Items) != 2 {
			t.Fatalf("branches = %+v", branches)
		}
		var streams struct{ Items []tracker.Stream }
		e.as(uInternCPP).get("/api/v1/streams").want(200).decode(&streams)
		if len(streams.Items) != 3 || streams.Items[0].Code != "io" {
			t.Fatalf("streams = %+v", streams)
		}
		e.as(uInternCPP).get("/api/v1/streams/2").want(200)
		e.as(uInternCPP).get("/api/v1/streams/9").wantProblem(404, "not_found")
		e.as("").get("/api/v1/streams").want(401)
		var tags struct{ Items []tracker.Tag }
		e.as(uLeader).get("/api/v1/tags?kind=country").want(200).decode(&tags)
		if len(tags.Items) != 3 {
			t.Fatalf("country tags = %+v", tags)
		}
		e.as(uLeader).get("/api/v1/tags?kind=planet").wantProblem(400, "bad_request").wantField("kind")

		t.Run("TagLifecycle", func(t *testing.T) {
			body := map[string]any{"code": "MA", "name": "Morocco", "kind": "country"}
			e.as(uSupCPP).post("/api/v1/tags", body).want(403)
			e.as(uAdmin).post("/api/v1/tags", map[string]any{"code": "MA", "name": "Morocco", "kind": "moon"}).wantProblem(422, "validation_failed").wantField("kind")
			var tag tracker.Tag
			r := e.as(uAdmin).post("/api/v1/tags", body).want(201).decode(&tag)
			e.as(uAdmin).post("/api/v1/tags", body).wantProblem(409, "conflict").wantField("code")
			path := "/api/v1/tags/" + itoa(tag.ID)
			e.as(uAdmin).patch(path, 0, map[string]any{"name": "Kingdom of Morocco"}).wantProblem(428, "precondition_required")
			e.as(uAdmin).patch(path, r.etag()+1, map[string]any{"name": "Kingdom of Morocco"}).wantProblem(412, "version_mismatch")
			e.as(uAdmin).patch(path, r.etag(), map[string]any{"name": "Kingdom of Morocco"}).want(200)
			e.as(uInternCPP).del(path).want(403)
			e.as(uAdmin).del(path).want(204)
			e.as(uAdmin).get(path).want(404)
		})
		t.Run("BranchLifecycle", func(t *testing.T) {
			e.as(uLeader).post("/api/v1/branches", map[string]any{"code": "PLN", "name": "Plans"}).want(403)
			e.as(uAdmin).post("/api/v1/branches", map[string]any{"code": "", "name": "Plans"}).wantProblem(422, "validation_failed").wantField("code")
			r := e.as(uAdmin).post("/api/v1/branches", map[string]any{"code": "PLN", "name": "Plans"}).want(201)
			var b tracker.Branch
			r.decode(&b)
			e.as(uAdmin).patch("/api/v1/branches/"+itoa(b.ID), r.etag(), map[string]any{"description": "Plans and policy"}).want(200)
		})
	})
}
