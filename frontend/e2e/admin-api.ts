// API calls from the test process (not the browser) for the admin, board
// and pages browser tests: a bearer token for a demo account, and small
// typed helpers to make or change the objects a test owns.
import type { components } from '../src/lib/api/schema';
import { baseURL, demoPassword } from './support';

type User = components['schemas']['User'];
type Placement = components['schemas']['Placement'];

/** Api is a signed-in API client for one account. */
export type Api = {
  token: string;
  me: User;
  get: <T>(path: string) => Promise<T>;
  send: <T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: T }>;
};

/** apiLogin signs in through the API (the password of the demo accounts by default). */
export async function apiLogin(email: string, password = demoPassword): Promise<Api> {
  const res = await fetch(`${baseURL()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const { access_token: token, user } = (await res.json()) as { access_token: string; user: User };
  const auth = { Authorization: `Bearer ${token}` };
  return {
    token,
    me: user,
    async get<T>(path: string) {
      const r = await fetch(`${baseURL()}/api/v1${path}`, { headers: auth });
      if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
    async send<T>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, headers: Record<string, string> = {}) {
      const r = await fetch(`${baseURL()}/api/v1${path}`, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      return { status: r.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}

/** patchUser changes a user with If-Match read just before (for setting things up and putting them back). */
export async function patchUser(api: Api, id: number, body: Partial<User>): Promise<User> {
  const current = await api.get<User>(`/users/${id}`);
  const r = await api.send<User>('PATCH', `/users/${id}`, body, { 'If-Match': `"${current.version}"` });
  if (r.status !== 200) throw new Error(`PATCH /users/${id}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** created posts body to path and answers what was made, failing on anything but 201. */
export async function created<T>(api: Api, path: string, body: unknown): Promise<T> {
  const r = await api.send<T>('POST', path, body);
  if (r.status !== 201) throw new Error(`POST ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** NewIntern is what placeIntern needs; `user` and `placement` add fields to the two requests. */
export type NewIntern = {
  name: string;
  email: string;
  password: string;
  branchId: number;
  supervisorId: number;
  /** start is the placement's first day, YYYY-MM-DD. */
  start: string;
  user?: Partial<User>;
  placement?: Partial<Placement>;
};

/** placeIntern makes an intern account and places it under a supervisor: objects the calling test owns. */
export async function placeIntern(admin: Api, n: NewIntern): Promise<{ user: User; placement: Placement }> {
  const user = await created<User>(admin, '/users', { email: n.email, name: n.name, role: 'intern', branch_id: n.branchId, password: n.password, ...n.user });
  const placement = await created<Placement>(admin, '/placements', { intern_id: user.id, supervisor_id: n.supervisorId, start_date: n.start, ...n.placement });
  return { user, placement };
}

/** unique is a short suffix that keeps this run's objects apart from others'. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}
