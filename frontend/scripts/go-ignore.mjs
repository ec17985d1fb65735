// Some npm packages ship .go files (flatted does). A go.mod at the top of
// node_modules makes it a separate module, so `go build ./...`, `go vet ./...`
// and `go test ./...` in the repository skip it. Runs as npm's postinstall.
import { writeFileSync, existsSync } from 'node:fs';

if (existsSync('node_modules')) {
  writeFileSync('node_modules/go.mod', 'module ignored/node_modules\n');
}
