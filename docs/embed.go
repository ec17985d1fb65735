// Package docs embeds the API contract so the binary can serve it.
package docs

import _ "embed"

// OpenAPI is docs/openapi.yaml, served at /api/v1/openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte
