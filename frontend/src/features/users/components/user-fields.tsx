import { useId } from 'react';
import { SelectField, TextField } from '@/components';
import type { Schemas } from '@/lib/api';
import { isLocale, locales, useT } from '@/lib/i18n';
import { branchRequired, roles, type UserDraft } from './user-rules';

type Props = {
  draft: UserDraft;
  onChange: (d: UserDraft) => void;
  branches: readonly Schemas['Branch'][];
  /** errorFor is the message beside a field (client check first, then the server's). */
  errorFor: (field: 'email' | 'name' | 'role' | 'branch_id' | 'locale' | 'password' | 'active') => string | undefined;
  mode: 'create' | 'edit';
  /** self: the admin edits their own account (role and disabling are refused). */
  self?: boolean;
};

/** UserFields are the fields of the new-user and edit-user forms. */
export function UserFields({ draft, onChange, branches, errorFor, mode, self = false }: Props) {
  const t = useT();
  const activeId = useId();
  const set = (patch: Partial<UserDraft>) => onChange({ ...draft, ...patch });
  const needsBranch = branchRequired(draft.role);
  return (
    <>
      <TextField label={t('users.fields.email')} name="email" type="email" autoComplete="off" required maxLength={254}
        value={draft.email} onChange={(e) => set({ email: e.target.value })} error={errorFor('email')} />
      <TextField label={t('users.fields.name')} name="name" autoComplete="off" required maxLength={200}
        value={draft.name} onChange={(e) => set({ name: e.target.value })} error={errorFor('name')} />
        <SelectField label={t('users.fields.role')} name="role" value={draft.role} required
          hint={self && mode === 'edit' ? t('users.selfRoleHint') : undefined}
          onChange={(e) => set({ role: e.target.value as UserDraft['role'] })}
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} error={errorFor('role')} />
        <SelectField label={t('users.fields.branch')} name="branch_id" value={draft.branch} required={needsBranch}
          hint={needsBranch ? t('users.branchHintRequired') : t('users.branchHintOptional')}
          onChange={(e) => set({ branch: e.target.value })}
          options={[{ value: '', label: t('users.noBranch') }, ...branches.map((b) => ({ value: String(b.id), label: `${b.code} – ${b.name}` }))]}
          error={errorFor('branch_id')} />
      <SelectField label={t('users.fields.locale')} name="locale" value={draft.locale}
        onChange={(e) => { if (isLocale(e.target.value)) set({ locale: e.target.value }); }}
        options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))} error={errorFor('locale')} />
      {mode === 'create' && (
        <TextField label={t('users.fields.password')} name="password" type="password" autoComplete="new-password" required maxLength={128}
          hint={t('users.passwordHint')} value={draft.password} onChange={(e) => set({ password: e.target.value })} error={errorFor('password')} />
      )}
      {mode === 'edit' && (
        <div className={errorFor('active') ? 'field field--check field--invalid' : 'field field--check'}>
          <div className="users-check">
            <input id={activeId} type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })}
              aria-describedby={`${activeId}-hint`} />
            <label htmlFor={activeId} className="field__label">{t('users.fields.active')}</label>
          </div>
          <div className="field__hint" id={`${activeId}-hint`}>{self ? t('users.selfActiveHint') : t('users.activeHint')}</div>
          {errorFor('active') && <div className="field__error">{errorFor('active')}</div>}
        </div>
      )}
    </>
  );
}
