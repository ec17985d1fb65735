// Starts the real binary (../bin/tracker, built with the SPA by `make e2e`)
// on a free port with demo data in a temporary SQLite database, hands its
// address to the tests (inject('baseURL')), and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const binary = resolve(import.meta.dirname, '../../bin/tracker');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

async function waitReady(url: string, proc: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`tracker exited with ${proc.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tracker not ready at ${url} after 30 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run \`make e2e\` (or \`make build\`) from the repository root`);
  const dir = mkdtempSync(join(tmpdir(), 'tracker-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let output = '';
  const proc = spawn(binary, ['serve'], {
    cwd: dir,
    env: {
      ...process.env,
      TRACKER_ADDR: `127.0.0.1:${port}`,
      TRACKER_DEMO: '1',
      TRACKER_DATABASE_URL: `sqlite:${join(dir, 't.db')}`,
      TRACKER_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitReady(baseURL, proc, () => output);
  project.provide('baseURL', baseURL);

  return async () => {
    if (proc.exitCode === null) {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
