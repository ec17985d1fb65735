import { useEffect, useState } from 'react';
import { Button, EmptyState, FormError, Loading, PageHeader, Pagination, SelectField, TextField } from '@/components';
import { useCurrentUser } from '@/features/auth';
import { useQueryState } from '@/hooks/use-query-state';
import type { User } from '@/lib/api';
import { useT, type MessageKey, type Vars } from '@/lib/i18n';
import { useBranches } from '../api/get-branches';
import { useUsers, type UsersQuery } from '../api/get-users';
import { EditUserDialog } from '../components/edit-user-dialog';
import { NewUserDialog } from '../components/new-user-dialog';
import { roles } from '../components/user-rules';
import { parseSort, UsersTable } from '../components/users-table';
import '../users.css';

const perPage = 25;
type FilterKey = 'q' | 'role' | 'branch' | 'active' | 'sort' | 'page';

/** queryOf turns the page's URL (?q=&role=&branch=&active=&sort=&page=) into the list query. */
export function queryOf(sp: URLSearchParams): UsersQuery {
  const { field, desc } = parseSort(sp.get('sort')); // an unknown sort falls back to the name
  const q: UsersQuery = { page: Math.max(1, Math.floor(Number(sp.get('page'))) || 1), per_page: perPage, sort: `${desc ? '-' : ''}${field}` };
  const text = sp.get('q')?.trim();
  if (text) q.q = text;
  const role = sp.get('role');
  if (roles.includes(role as never)) q.role = role as UsersQuery['role'];
  const branch = Number(sp.get('branch'));
  if (Number.isInteger(branch) && branch > 0) q.branch_id = branch;
  const active = sp.get('active');
  if (active === 'true' || active === 'false') q.active = active === 'true';
  return q;
}

/** UsersPage is the admin's home: every account, with filters, sorting, and the forms to add and change people. */
export function UsersPage() {
  const t = useT();
  const me = useCurrentUser();
  const { params: sp, set, replaceAll } = useQueryState();
  const query = queryOf(sp);
  const users = useUsers(query);
  const branches = useBranches();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  // Kept as a key, so it follows a change of language (the admin may switch their own).
  const [notice, setNotice] = useState<{ key: MessageKey; vars: Vars } | null>(null);
  const [text, setText] = useState(sp.get('q') ?? '');

  const setParams = (patch: Partial<Record<FilterKey, string>>) => set(patch);

  // The search box updates the URL a moment after typing stops.
  const urlText = sp.get('q') ?? '';
  useEffect(() => {
    if (text.trim() === urlText) return;
    const id = setTimeout(() => setParams({ q: text.trim() }), 300);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, urlText]);

  const filtered = ['q', 'role', 'branch', 'active'].some((k) => sp.get(k));
  const branchList = branches.data?.items ?? [];

  function clearFilters() {
    setText('');
    replaceAll({ sort: sp.get('sort') });
  }

  return (
    <>
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')}
        actions={<Button variant="primary" onClick={() => { setNotice(null); setCreating(true); }}>{t('users.new')}</Button>} />

      {notice && <p className="users-notice" role="status">{t(notice.key, notice.vars)}</p>}

      <div role="search" className="users-filters" aria-label={t('users.filtersLabel')}>
        <TextField label={t('users.search')} type="search" name="q" value={text} placeholder={t('users.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)} />
        <SelectField label={t('users.fields.role')} name="role" value={sp.get('role') ?? ''} onChange={(e) => setParams({ role: e.target.value })}
          options={[{ value: '', label: t('users.allRoles') }, ...roles.map((r) => ({ value: r, label: t(`role.${r}`) }))]} />
        <SelectField label={t('users.fields.branch')} name="branch" value={sp.get('branch') ?? ''} onChange={(e) => setParams({ branch: e.target.value })}
          options={[{ value: '', label: t('users.allBranches') }, ...branchList.map((b) => ({ value: String(b.id), label: b.code }))]} />
        <SelectField label={t('users.fields.status')} name="active" value={sp.get('active') ?? ''} onChange={(e) => setParams({ active: e.target.value })}
          options={[{ value: '', label: t('users.allStatuses') }, { value: 'true', label: t('users.active') }, { value: 'false', label: t('users.disabled') }]} />
        <SelectField label={t('users.sortBy')} name="sort" value={query.sort ?? 'name'} onChange={(e) => setParams({ sort: e.target.value === 'name' ? '' : e.target.value })}
          options={[
            { value: 'name', label: t('users.sort.name') },
            { value: '-name', label: t('users.sort.nameDesc') },
            { value: 'email', label: t('users.sort.email') },
            { value: 'role', label: t('users.sort.role') },
            { value: '-created_at', label: t('users.sort.newest') },
            { value: 'created_at', label: t('users.sort.oldest') },
          ]} />
        {filtered && <Button variant="ghost" className="users-filters__clear" onClick={clearFilters}>{t('users.clearFilters')}</Button>}
      </div>

      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <div className="stack">
          <FormError error={users.error} />
          <div><Button onClick={() => void users.refetch()}>{t('common.retry')}</Button></div>
        </div>
      ) : users.data.items.length === 0 && (query.page ?? 1) > 1 ? (
        <div className="card">
          <EmptyState title={t('users.pageEmpty')} action={<Button onClick={() => setParams({ page: '' })}>{t('users.firstPage')}</Button>} />
        </div>
      ) : users.data.items.length === 0 ? (
        <div className="card">
          <EmptyState title={filtered ? t('users.noMatch') : t('users.empty')}
            action={filtered ? <Button onClick={clearFilters}>{t('users.clearFilters')}</Button> : <Button variant="primary" onClick={() => setCreating(true)}>{t('users.new')}</Button>}>
            {filtered ? t('users.noMatchHint') : null}
          </EmptyState>
        </div>
      ) : (
        <div aria-busy={users.isFetching || undefined}>
          <p className="users-count" aria-live="polite">{t('users.count', { count: users.data.total })}</p>
          <UsersTable users={users.data.items} branches={branchList} meId={me.id} sort={query.sort ?? 'name'}
            onSort={(s) => setParams({ sort: s === 'name' ? '' : s })} onEdit={(u) => { setNotice(null); setEditing(u); }} />
          <Pagination page={users.data} onPageChange={(p) => setParams({ page: p > 1 ? String(p) : '' })} />
        </div>
      )}

      <NewUserDialog open={creating} onClose={() => setCreating(false)} branches={branchList}
        onCreated={(u) => { setCreating(false); setNotice({ key: 'users.created', vars: { name: u.name, email: u.email } }); }} />
      <EditUserDialog user={editing} self={editing?.id === me.id} onClose={() => setEditing(null)} branches={branchList}
        onSaved={(u) => { setEditing(null); setNotice({ key: 'users.saved', vars: { name: u.name } }); }} />
    </>
  );
}
