package server

import (
	"context"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 only when the database answers.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.WarnContext(ctx, "not ready", "request_id", requestID(c), "error", err.Error())
		return echo.NewHTTPError(http.StatusServiceUnavailable)
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}

// openapi serves the API contract.
func (s *Server) openapi(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-cache")
	return c.Blob(http.StatusOK, "application/yaml", s.spec)
}

// spaHandler serves the built SPA: files as they are (hashed assets cached
// for a year), and index.html for every client route so that deep links
// survive a reload. Without a built SPA it serves a page saying how to
// build one.
func (s *Server) spaHandler(c echo.Context) error {
	if s.spa == nil {
		return c.HTML(http.StatusOK, noSPAPage)
	}
	p := path.Clean("/" + c.Param("*"))
	if p != "/" {
		if f, err := s.spa.Open(p); err == nil {
			st, err := f.Stat()
			f.Close()
			if err == nil && !st.IsDir() {
				if strings.HasPrefix(p, "/assets/") {
					c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				http.FileServer(s.spa).ServeHTTP(c.Response(), c.Request())
				return nil
			}
		}
		if path.Ext(p) != "" {
			return echo.NewHTTPError(http.StatusNotFound)
		}
	}
	f, err := s.spa.Open("/index.html")
	if err != nil {
		return c.HTML(http.StatusOK, noSPAPage)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-cache")
	http.ServeContent(c.Response(), c.Request(), "index.html", st.ModTime(), f)
	return nil
}

const noSPAPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Intern Tracker</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5; padding: 0 1rem">
<h1>Intern Tracker</h1>
<p>The API is running. This binary was built without the web interface.</p>
<ul>
<li><a href="/api/v1/openapi.yaml">API description (OpenAPI 3.1)</a></li>
<li><a href="/healthz">/healthz</a> · <a href="/readyz">/readyz</a> · <a href="/metrics">/metrics</a></li>
</ul>
<p>To build the web interface into the binary, run <code>make build</code> (or <code>make run</code>) from the repository.</p>
</body></html>
`
