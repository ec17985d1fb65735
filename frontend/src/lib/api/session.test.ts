import { describe, expect, it, vi } from 'vitest';
import { json, problem } from '@/testing/render';
import { createSession, type TokenResponse } from './session';

const user = { id: 1, email: 'a@b.c', name: 'A', role: 'intern', branch_id: 1, locale: 'en', active: true, version: 1, created_at: '', updated_at: '' } as const;
const tokens = (access: string): TokenResponse => ({ access_token: access, token_type: 'Bearer', expires_in: 900, refresh_token: 'r', user: { ...user } });

/** server answers 401 to any token but the current one, and rotates on refresh. */
function fakeServer() {
  let current = 'fresh';
  const calls: string[] = [];
  const net = vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    const auth = req.headers.get('Authorization');
    calls.push(`${req.method} ${path} ${auth ?? '-'}`);
    if (path === '/api/v1/auth/refresh') {
      await new Promise((r) => setTimeout(r, 5));
      current = `t${calls.length}`;
      return json(200, tokens(current));
    }
    if (auth !== `Bearer ${current}`) return json(401, problem(401, 'unauthenticated'));
    return json(200, { ok: true, body: req.method === 'POST' ? await req.text() : null });
  });
  return { net, calls };
}

describe('session.fetch', () => {
  it('refreshes once on 401 and retries with the new token, body included', async () => {
    const { net, calls } = fakeServer();
    const s = createSession({ fetch: net, locks: null, baseUrl: 'http://x' });
    s.signIn(tokens('expired'));
    const res = await s.fetch(new Request('http://x/api/v1/tasks', { method: 'POST', body: '{"a":1}' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, body: '{"a":1}' });
    expect(calls.filter((c) => c.includes('/auth/refresh'))).toHaveLength(1);
    expect(calls.at(-1)).toMatch(/^POST \/api\/v1\/tasks Bearer t\d+$/);
  });

  it('shares one refresh between concurrent 401s', async () => {
    const { net, calls } = fakeServer();
    const s = createSession({ fetch: net, locks: null, baseUrl: 'http://x' });
    s.signIn(tokens('expired'));
    const answers = await Promise.all([1, 2, 3].map((i) => s.fetch(new Request(`http://x/api/v1/tasks/${i}`))));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(calls.filter((c) => c.includes('/auth/refresh'))).toHaveLength(1);
  });

  it('takes the cross-tab lock around the refresh', async () => {
    const { net } = fakeServer();
    const names: string[] = [];
    const request = <T,>(name: string, cb: () => Promise<T>): Promise<T> => {
      names.push(name);
      return cb();
    };
    const s = createSession({ fetch: net, locks: { request }, baseUrl: 'http://x' });
    s.signIn(tokens('expired'));
    await s.fetch(new Request('http://x/api/v1/me'));
    expect(names).toEqual(['tracker-refresh']);
  });

  it('signs out and answers the 401 when the refresh fails', async () => {
    const net = vi.fn(async () => json(401, problem(401, 'unauthenticated')));
    const s = createSession({ fetch: net, locks: null, baseUrl: 'http://x' });
    s.signIn(tokens('expired'));
    const seen: string[] = [];
    s.subscribe(() => seen.push(s.getState().status));
    const res = await s.fetch(new Request('http://x/api/v1/me'));
    expect(res.status).toBe(401);
    expect(net).toHaveBeenCalledTimes(2); // the call and one refresh, no retry
    expect(s.getState().status).toBe('signedOut');
    expect(s.getToken()).toBeNull();
    expect(seen).toEqual(['signedOut']);
  });

  it('never refreshes for the auth endpoints themselves', async () => {
    const net = vi.fn(async () => json(401, problem(401, 'unauthenticated')));
    const s = createSession({ fetch: net, locks: null, baseUrl: 'http://x' });
    const res = await s.fetch(new Request('http://x/api/v1/auth/login', { method: 'POST', body: '{}' }));
    expect(res.status).toBe(401);
    expect(net).toHaveBeenCalledTimes(1);
  });

  it('restores a session from the cookie at start', async () => {
    const net = vi.fn(async (req: Request) => {
      expect(req.credentials).toBe('same-origin');
      return json(200, tokens('t1'));
    });
    const s = createSession({ fetch: net, locks: null, baseUrl: 'http://x' });
    expect(s.getState().status).toBe('restoring');
    expect(await s.refresh()).toBe(true);
    expect(s.getState()).toMatchObject({ status: 'signedIn', user: { id: 1 } });
    expect(s.getToken()).toBe('t1');
  });

  it('treats an unreachable server at start as signed out', async () => {
    const s = createSession({ fetch: () => Promise.reject(new TypeError('offline')), locks: null });
    expect(await s.refresh()).toBe(false);
    expect(s.getState().status).toBe('signedOut');
  });
});
