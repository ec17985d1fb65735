package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// routes builds the whole route table in one place.
func (s *Server) routes() *echo.Echo {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = s.ipExtractor()
	e.Use(s.requestID, s.recoverPanics, s.observe, s.securityHeaders, s.cors(), s.limitBody)

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", s.metricsHandler)

	v1 := e.Group("/api/v1", noStore)
	v1.GET("/openapi.yaml", s.openapi)
	// The exports are written to the client while they are read: a slow
	// download must not hold one of the places the other requests queue
	// for (admit).
	v1.GET("/tasks.csv", s.exportTasks, s.authenticate)
	v1.GET("/board.csv", s.exportBoard, s.authenticate)

	q := v1.Group("", s.admit)
	q.POST("/auth/login", s.login)
	q.POST("/auth/refresh", s.refresh)
	q.POST("/auth/logout", s.logout)

	// A calendar application sends no token: the secret in the path is the
	// credential, so the feed is outside the authenticated group.
	q.GET("/calendar/:feed", s.calendarFeed)

	a := q.Group("", s.authenticate)
	a.GET("/me/calendar", s.getCalendar)
	a.POST("/me/calendar/rotate", s.rotateCalendar)
	a.GET("/placements/:id/handover", s.getHandover)
	a.GET("/me", s.me)
	a.PUT("/me/password", s.changePassword)

	a.GET("/users", s.listUsers)
	a.POST("/users", s.createUser)
	a.GET("/users/:id", s.getUser)
	a.PATCH("/users/:id", s.updateUser)

	a.GET("/branches", s.listBranches)
	a.POST("/branches", s.createBranch)
	a.GET("/branches/:id", s.getBranch)
	a.PATCH("/branches/:id", s.updateBranch)
	a.GET("/streams", s.listStreams)
	a.GET("/streams/:id", s.getStream)
	a.GET("/tags", s.listTags)
	a.POST("/tags", s.createTag)
	a.GET("/tags/:id", s.getTag)
	a.PATCH("/tags/:id", s.updateTag)
	a.DELETE("/tags/:id", s.deleteTag)

	a.GET("/placements", s.listPlacements)
	a.POST("/placements", s.createPlacement)
	a.GET("/placements/:id", s.getPlacement)
	a.PATCH("/placements/:id", s.updatePlacement)
	a.DELETE("/placements/:id", s.deletePlacement)
	a.GET("/placements/:id/milestones", s.listMilestones)
	a.GET("/placements/:id/milestones/:mid", s.getMilestone)
	a.PATCH("/placements/:id/milestones/:mid", s.updateMilestone)
	a.GET("/placements/:id/timeline", s.getTimeline)

	a.GET("/projects", s.listProjects)
	a.POST("/projects", s.createProject)
	a.GET("/projects/:id", s.getProject)
	a.PATCH("/projects/:id", s.updateProject)
	a.DELETE("/projects/:id", s.deleteProject)

	a.GET("/tasks", s.listTasks)
	a.POST("/tasks", s.createTask)
	a.GET("/tasks/:id", s.getTask)
	a.PATCH("/tasks/:id", s.updateTask)
	a.DELETE("/tasks/:id", s.deleteTask)
	a.GET("/tasks/:id/progress", s.listProgress)
	a.POST("/tasks/:id/progress", s.addProgress)
	a.GET("/tasks/:id/progress/:pid", s.getProgress)
	a.GET("/tasks/:id/comments", s.listComments)
	a.POST("/tasks/:id/comments", s.addComment)
	a.GET("/tasks/:id/comments/:cid", s.getComment)
	a.PATCH("/tasks/:id/comments/:cid", s.updateComment)
	a.DELETE("/tasks/:id/comments/:cid", s.deleteComment)

	s.objectivesRoutes(a)
	s.handoverRoutes(a)
	s.notificationRoutes(a)
	s.evaluationsRoutes(a)
	s.reportRoutes(a)
	s.checklistRoutes(a)
	s.personalRoutes(a)
	a.GET("/activity", s.listActivity)
	a.GET("/board", s.getBoard)

	v1.Any("/*", func(c echo.Context) error { return echo.NewHTTPError(http.StatusNotFound) })
	e.GET("/*", s.spaHandler)
	return e
}
