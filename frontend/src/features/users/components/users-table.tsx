import { Button } from '@/components';
import type { Schemas, User } from '@/lib/api';
import { useT, type MessageKey } from '@/lib/i18n';

export type SortField = 'name' | 'email' | 'role' | 'created_at';

/** parseSort reads "-email" as { field: 'email', desc: true }; unknown -> name ascending. */
export function parseSort(s: string | null): { field: SortField; desc: boolean } {
  const desc = s?.startsWith('-') ?? false;
  const f = (desc ? s!.slice(1) : s) ?? 'name';
  const field: SortField = f === 'email' || f === 'role' || f === 'created_at' ? f : 'name';
  return { field, desc };
}

type Props = {
  users: readonly User[];
  branches: readonly Schemas['Branch'][];
  meId: number;
  sort: string;
  onSort: (sort: string) => void;
  onEdit: (u: User) => void;
};

const columns: { key: string; label: MessageKey; sort?: SortField }[] = [
  { key: 'name', label: 'users.fields.name', sort: 'name' },
  { key: 'email', label: 'users.fields.email', sort: 'email' },
  { key: 'role', label: 'users.fields.role', sort: 'role' },
  { key: 'branch', label: 'users.fields.branch' },
  { key: 'locale', label: 'users.fields.locale' },
  { key: 'active', label: 'users.fields.status' },
];

/** UsersTable lists users; sortable columns are buttons that say their order (aria-sort). Stacks into cards on a phone. */
export function UsersTable({ users, branches, meId, sort, onSort, onEdit }: Props) {
  const t = useT();
  const current = parseSort(sort);
  const codeOf = new Map(branches.map((b) => [b.id, b.code]));

  return (
    <div className="table-wrap users-table-wrap">
      <table className="table users-table">
        <caption className="visually-hidden">{t('users.caption')}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = c.sort !== undefined && current.field === c.sort;
              const ariaSort = active ? (current.desc ? 'descending' : 'ascending') : undefined;
              return (
                <th key={c.key} scope="col" aria-sort={ariaSort}>
                  {c.sort ? (
                    <button type="button" className="users-sort" onClick={() => onSort(active && !current.desc ? `-${c.sort}` : c.sort!)}>
                      {t(c.label)}
                      <span aria-hidden="true" className="users-sort__arrow">{active ? (current.desc ? '▼' : '▲') : '↕'}</span>
                    </button>
                  ) : t(c.label)}
                </th>
              );
            })}
            <th scope="col"><span className="visually-hidden">{t('users.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'users-table__row--disabled'}>
              <td data-label={t('users.fields.name')} className="users-table__name">
                <span>{u.name}</span>
                {u.id === meId && <span className="badge users-you">{t('users.you')}</span>}
              </td>
              <td data-label={t('users.fields.email')} className="users-table__email">{u.email}</td>
              <td data-label={t('users.fields.role')}>{t(`role.${u.role}`)}</td>
              <td data-label={t('users.fields.branch')}>{u.branch_id ? (codeOf.get(u.branch_id) ?? `#${u.branch_id}`) : <span className="users-muted">{t('users.noBranchShort')}</span>}</td>
              <td data-label={t('users.fields.locale')}>{t(`language.${u.locale}`)}</td>
              <td data-label={t('users.fields.status')}>
                <span className={u.active ? 'badge badge--health-on_track' : 'badge users-badge--disabled'}>{u.active ? t('users.active') : t('users.disabled')}</span>
              </td>
              <td className="users-table__actions">
                <Button size="sm" onClick={() => onEdit(u)} aria-label={t('users.editLabel', { name: u.name })}>{t('users.edit')}</Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
