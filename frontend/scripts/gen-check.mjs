// Fails when src/lib/api/schema.d.ts is not what openapi-typescript makes of
// ../docs/openapi.yaml today: run `npm run gen` and commit the result.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'schema-'));
const fresh = join(dir, 'schema.d.ts');
try {
  execFileSync('npx', ['openapi-typescript', '../docs/openapi.yaml', '-o', fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
  const committed = readFileSync('src/lib/api/schema.d.ts', 'utf8');
  if (readFileSync(fresh, 'utf8') !== committed) {
    console.error('src/lib/api/schema.d.ts is stale: run `npm run gen` in frontend/ and commit it.');
    process.exit(1);
  }
  console.log('src/lib/api/schema.d.ts matches docs/openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
