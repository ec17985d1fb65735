package server_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
func ptr[T any](v T) *T   { return &v }

type userList struct {
	Items []tracker.User `json:"items"`
	Total int64          `json:"total"`
}

func TestUsersRead(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		cases := []struct {
			who     string
			target  string
			status  int
			visible int64 // users in the list
		}{
			{uAdmin, uInternMC, 200, 8},
			{uLeader, uInternMC, 200, 8},
			{uSupCPP, uInternCPP, 200, 4}, // own branch: 2 supervisors, 2 interns
			{uSupCPP, uInternMC, 404, 4},  // other branch: hidden
			{uInternCPP, uInternCPP, 200, 1},
			{uInternCPP, uInternCPP2, 404, 1},
			{"", uInternCPP, 401, -1},
		}
		for _, tc := range cases {
			t.Run(fmt.Sprintf("%s_reads_%s", tc.who, tc.target), func(t *testing.T) {
				c := e.as(tc.who)
				r := c.get("/api/v1/users/" + itoa(e.id(tc.target)))
				r.want(tc.status)
				if tc.visible < 0 {
					c.get("/api/v1/users").want(401)
					return
				}
				var l userList
				c.get("/api/v1/users").want(200).decode(&l)
				if l.Total != tc.visible || int64(len(l.Items)) != tc.visible {
					t.Fatalf("list total=%d items=%d, want %d", l.Total, len(l.Items), tc.visible)
				}
			})
		}
		t.Run("HiddenLikeMissing", func(t *testing.T) {
			hidden := e.as(uSupCPP).get("/api/v1/users/" + itoa(e.id(uInternMC))).problem()
			missing := e.as(uSupCPP).get("/api/v1/users/99999").problem()
			if hidden.Code != missing.Code || hidden.Detail != missing.Detail {
				t.Fatalf("hidden %+v differs from missing %+v", hidden, missing)
			}
		})
		t.Run("Filters", func(t *testing.T) {
			var l userList
			e.as(uAdmin).get("/api/v1/users?role=intern&branch_id=2").want(200).decode(&l)
			if l.Total != 1 || l.Items[0].ID != e.id(uInternMC) {
				t.Fatalf("filter role+branch = %+v", l)
			}
			e.as(uAdmin).get("/api/v1/users?q=supcpp&sort=-name&per_page=1").want(200).decode(&l)
			if l.Total != 2 || len(l.Items) != 1 || l.Items[0].Name != uSupCPP2 {
				t.Fatalf("q+sort+per_page = %+v", l)
			}
			e.as(uAdmin).get("/api/v1/users?role=captain").wantProblem(400, "bad_request").wantField("role")
			e.as(uAdmin).get("/api/v1/users?per_page=abc").wantProblem(400, "bad_request").wantField("per_page")
			e.as(uAdmin).get("/api/v1/users?sort=password_hash").wantProblem(422, "validation_failed").wantField("sort")
			var big struct {
				PerPage int `json:"per_page"`
			}
			e.as(uAdmin).get("/api/v1/users?per_page=1000").want(200).decode(&big)
			if big.PerPage != 100 {
				t.Fatalf("per_page=1000 answered per_page %d, want the cap 100", big.PerPage)
			}
		})
	})
}

func TestUsersWrite(t *testing.T) {
	eachAPI(t, func(t *testing.T, e *apiEnv) {
		newUser := func(email string) map[string]any {
			return map[string]any{"email": email, "name": "New Intern", "role": "intern", "branch_id": branchCPP, "password": "a long enough phrase"}
		}
		cases := []struct {
			name   string
			who    string
			body   any
			status int
			field  string
		}{
			{"OK", uAdmin, newUser("new@example.org"), 201, ""},
			{"ErrDuplicateEmail", uAdmin, newUser("NEW@example.org"), 409, "email"},
			{"ErrBadEmail", uAdmin, newUser("not-an-email"), 422, "email"},
			{"ErrWeakPassword", uAdmin, map[string]any{"email": "x@example.org", "name": "X", "role": "intern", "branch_id": 1, "password": "12345678"}, 422, "password"},
			{"ErrBadRole", uAdmin, map[string]any{"email": "x@example.org", "name": "X", "role": "general", "branch_id": 1, "password": "a long enough phrase"}, 422, "role"},
			{"ErrInternWithoutBranch", uAdmin, map[string]any{"email": "x@example.org", "name": "X", "role": "intern", "password": "a long enough phrase"}, 422, "branch_id"},
			{"ErrNoSuchBranch", uAdmin, map[string]any{"email": "x@example.org", "name": "X", "role": "intern", "branch_id": 99, "password": "a long enough phrase"}, 422, "branch_id"},
			{"ErrTamperedID", uAdmin, map[string]any{"id": 1, "email": "y@example.org", "name": "Y", "role": "intern", "branch_id": 1, "password": "a long enough phrase"}, 400, "id"},
			{"ErrSupervisor", uSupCPP, newUser("z@example.org"), 403, ""},
			{"ErrLeadership", uLeader, newUser("z@example.org"), 403, ""},
			{"ErrIntern", uInternCPP, newUser("z@example.org"), 403, ""},
			{"ErrAnonymous", "", newUser("z@example.org"), 401, ""},
		}
		for _, tc := range cases {
			t.Run("Create"+tc.name, func(t *testing.T) {
				r := e.as(tc.who).post("/api/v1/users", tc.body).want(tc.status)
				if tc.field != "" {
					r.wantField(tc.field)
				}
				if tc.status == 201 && r.Header.Get("Location") == "" {
					t.Fatal("201 without Location")
				}
			})
		}
		intern := e.id(uInternCPP)
		path := "/api/v1/users/" + itoa(intern)
		v := e.as(uAdmin).get(path).etag()
		patches := []struct {
			name    string
			who     string
			version int64
			body    any
			status  int
		}{
			{"ErrNoIfMatch", uAdmin, 0, map[string]any{"name": "Renamed"}, 428},
			{"ErrStale", uAdmin, v + 5, map[string]any{"name": "Renamed"}, 412},
			{"OKAdminRename", uAdmin, v, map[string]any{"name": "Renamed"}, 200},
			{"OKSelfLocale", uInternCPP, v + 1, map[string]any{"locale": "fr"}, 200},
			{"ErrSelfRole", uInternCPP, v + 2, map[string]any{"role": "admin"}, 403},
			{"ErrSelfBranch", uInternCPP, v + 2, map[string]any{"branch_id": 2}, 403},
			{"ErrOtherIntern", uInternCPP2, v + 2, map[string]any{"name": "Hacked"}, 404},
			{"ErrSupervisorEdits", uSupCPP, v + 2, map[string]any{"name": "Hacked"}, 403},
			{"ErrBadLocale", uInternCPP, v + 2, map[string]any{"locale": "de"}, 422},
			{"ErrVersionInBody", uAdmin, v + 2, map[string]any{"version": 1}, 400},
		}
		for _, tc := range patches {
			t.Run("Update"+tc.name, func(t *testing.T) {
				e.as(tc.who).patch(path, tc.version, tc.body).want(tc.status)
			})
		}
		var got tracker.User
		e.as(uAdmin).get(path).want(200).decode(&got)
		if got.Name != "Renamed" || got.Locale != "fr" || got.Role != tracker.RoleIntern || got.Version != v+2 {
			t.Fatalf("after patches user = %+v", got)
		}
		t.Run("ErrDisableSelf", func(t *testing.T) {
			a := e.as(uAdmin).get("/api/v1/users/" + itoa(e.id(uAdmin)))
			e.as(uAdmin).patch("/api/v1/users/"+itoa(e.id(uAdmin)), a.etag(), map[string]any{"active": false}).want(403)
		})
	})
}
