// The rules of the user forms that need no server: which roles need a
// branch, and the draft <-> request mapping. The server checks the same
// again (and more); these only save a round trip and explain the rule.
import type { Schemas, User } from '@/lib/api';
import type { Locale, MessageKey } from '@/lib/i18n';

export type Role = Schemas['Role'];

/** roles in the order the forms offer them. */
export const roles: readonly Role[] = ['intern', 'supervisor', 'leadership', 'admin'];

/** branchRequired: interns and supervisors always belong to a branch. */
export function branchRequired(role: Role): boolean {
  return role === 'intern' || role === 'supervisor';
}

/** UserDraft is what the forms hold; branch is a select's value ('' = none). */
export type UserDraft = {
  email: string;
  name: string;
  role: Role;
  branch: string;
  locale: Locale;
  active: boolean;
  password: string;
};

export const emptyDraft: UserDraft = { email: '', name: '', role: 'intern', branch: '', locale: 'en', active: true, password: '' };

/** draftOf is the edit form's starting point for a user. */
export function draftOf(u: User): UserDraft {
  return { email: u.email, name: u.name, role: u.role, branch: u.branch_id ? String(u.branch_id) : '', locale: u.locale, active: u.active, password: '' };
}

export type DraftErrors = Partial<Record<'email' | 'name' | 'branch_id' | 'password', MessageKey>>;

/** checkDraft finds what the server would refuse for sure: empty required fields and a missing branch. */
export function checkDraft(d: UserDraft, creating: boolean): DraftErrors {
  const e: DraftErrors = {};
  if (d.email.trim() === '') e.email = 'users.errors.emailRequired';
  if (d.name.trim() === '') e.name = 'users.errors.nameRequired';
  if (branchRequired(d.role) && d.branch === '') e.branch_id = 'users.errors.branchRequired';
  if (creating && d.password === '') e.password = 'users.errors.passwordRequired';
  return e;
}

const branchOf = (d: UserDraft): number | null => (d.branch === '' ? null : Number(d.branch));

/** createBody is the POST /users body for a draft. */
export function createBody(d: UserDraft): Schemas['CreateUserRequest'] {
  return { email: d.email.trim(), name: d.name.trim(), role: d.role, branch_id: branchOf(d), locale: d.locale, password: d.password };
}

/**
 * patchBody is the PATCH /users/{id} body: only what the draft changed
 * from base, so a field the admin did not touch never overwrites someone
 * else's change.
 */
export function patchBody(d: UserDraft, base: UserDraft): Schemas['UpdateUserRequest'] {
  const body: Schemas['UpdateUserRequest'] = {};
  if (d.email.trim() !== base.email) body.email = d.email.trim();
  if (d.name.trim() !== base.name) body.name = d.name.trim();
  if (d.role !== base.role) body.role = d.role;
  if (d.branch !== base.branch) body.branch_id = branchOf(d);
  if (d.locale !== base.locale) body.locale = d.locale;
  if (d.active !== base.active) body.active = d.active;
  return body;
}

/**
 * rebase is the "reload and keep my changes" step: the fields the admin
 * changed keep what they typed; the others take the fresh values.
 */
export function rebase(d: UserDraft, base: UserDraft, fresh: UserDraft): UserDraft {
  const out = { ...fresh, password: d.password };
  for (const k of ['email', 'name', 'role', 'branch', 'locale', 'active'] as const) {
    if (d[k] !== base[k]) (out as Record<typeof k, unknown>)[k] = d[k];
  }
  return out;
}
