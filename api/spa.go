package main

import "net/http"

// spaFS returns the built SPA to serve, or nil when the binary was built
// without it.
func spaFS() http.FileSystem { return nil }
