// Package frontend embeds the built web app (Vite's output in dist/app) so
// the tracker binary can serve it.
//
// dist/.gitkeep keeps the embed pattern valid on a clean checkout, so the
// Go build works without Node; the binary then serves a page saying how to
// build the web app. `make build` runs `npm run build` first.
package frontend

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed all:dist
var dist embed.FS

// FS returns the built web app to serve, and false when the binary was
// built without it (no dist/app/index.html).
func FS() (http.FileSystem, bool) {
	app, err := fs.Sub(dist, "dist/app")
	if err != nil {
		return nil, false
	}
	if _, err := fs.Stat(app, "index.html"); err != nil {
		return nil, false
	}
	return http.FS(app), true
}
