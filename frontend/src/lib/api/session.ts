// The signed-in session: the access token lives in this module's memory only
// (never in storage); the refresh token is an httpOnly cookie the browser
// sends to /api/v1/auth/* by itself. On a 401 the session refreshes ONCE and
// retries the request.
//
// Refreshing rotates the cookie, and presenting a spent refresh token ends
// the whole session (reuse detection). So refreshes must never overlap:
// within this tab a shared promise serialises them, across tabs a Web Lock
// (navigator.locks) does, so a second tab waits and then sends the new cookie.
import type { components } from './schema';

export type User = components['schemas']['User'];
export type TokenResponse = components['schemas']['TokenResponse'];

export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

export type SessionState = {
  status: SessionStatus;
  /** The user as of the last sign-in or refresh (the ['me'] query is fresher). */
  user: User | null;
};

type Locks = { request: <T>(name: string, cb: () => Promise<T>) => Promise<T> };

export type SessionOptions = {
  /** The network, for tests; defaults to globalThis.fetch. */
  fetch?: (req: Request) => Promise<Response>;
  /** API origin ('' = same origin). */
  baseUrl?: string;
  /** navigator.locks, or null to skip the cross-tab lock. */
  locks?: Locks | null;
};

const refreshPath = '/api/v1/auth/refresh';
const lockName = 'tracker-refresh';

/** Session is one tab's sign-in state, its access token and its fetch. */
export type Session = ReturnType<typeof createSession>;

/** createSession makes a session; the app uses the `session` singleton. */
export function createSession(opts: SessionOptions = {}) {
  const net = opts.fetch ?? ((req: Request) => globalThis.fetch(req));
  const base = opts.baseUrl ?? '';
  const locks: Locks | null =
    opts.locks !== undefined ? opts.locks : typeof navigator !== 'undefined' && 'locks' in navigator ? (navigator.locks as unknown as Locks) : null;

  let token: string | null = null;
  let state: SessionState = { status: 'restoring', user: null };
  let inflight: Promise<boolean> | null = null;
  const listeners = new Set<() => void>();

  function set(next: SessionState) {
    state = next;
    listeners.forEach((l) => l());
  }

  /** signIn stores the tokens a login or refresh answered. */
  function signIn(t: TokenResponse) {
    token = t.access_token;
    set({ status: 'signedIn', user: t.user });
  }

  /** signOut forgets the token (the caller tells the server, see useLogout). */
  function signOut() {
    token = null;
    set({ status: 'signedOut', user: null });
  }

  async function doRefresh(): Promise<boolean> {
    const res = await net(new Request(base + refreshPath, { method: 'POST', credentials: 'same-origin' }));
    if (res.ok) {
      signIn((await res.json()) as TokenResponse);
      return true;
    }
    // 401: no cookie, expired, or reused. Anything else (429, 5xx) is not
    // an answer about the session, but we cannot go on without a token.
    signOut();
    return false;
  }

  /**
   * refresh rotates the refresh cookie for a new access token. Concurrent
   * callers in this tab share one request; other tabs wait on the lock.
   * Answers whether the session is alive.
   */
  function refresh(): Promise<boolean> {
    if (!inflight) {
      const run = () => doRefresh().catch(() => {
        signOut();
        return false;
      });
      inflight = (locks ? locks.request(lockName, run) : run()).finally(() => {
        inflight = null;
      });
    }
    return inflight;
  }

  function withToken(req: Request, t: string | null): Request {
    if (!t) return req;
    const headers = new Headers(req.headers);
    headers.set('Authorization', `Bearer ${t}`);
    return new Request(req, { headers });
  }

  /** fetch sends req with the access token; on 401 it refreshes once and retries. */
  async function authFetch(req: Request): Promise<Response> {
    const isAuthCall = new URL(req.url, 'http://x').pathname.startsWith('/api/v1/auth/');
    const retry = isAuthCall ? null : req.clone();
    const used = token;
    const res = await net(withToken(req, used));
    if (res.status !== 401 || !retry) return res;
    // Another request may already have refreshed while this one flew.
    const alive = token !== null && token !== used ? true : await refresh();
    if (!alive || token === null) return res;
    return net(withToken(retry, token));
  }

  return {
    fetch: authFetch,
    refresh,
    signIn,
    signOut,
    getToken: () => token,
    getState: () => state,
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
  };
}
