package main

import (
	"net/http"

	"github.com/intern-tracker/tracker/frontend"
)

// spaFS returns the built SPA to serve, or nil when the binary was built
// without it.
func spaFS() http.FileSystem {
	if app, ok := frontend.FS(); ok {
		return app
	}
	return nil
}
