import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, ConflictNotice, Dialog, FormError } from '@/components';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import { isApiError, type Schemas, type User } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { userQueryOptions } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { UserFields } from './user-fields';
import { checkDraft, draftOf, patchBody, rebase, type DraftErrors, type UserDraft } from './user-rules';

const fields = ['email', 'name', 'role', 'branch_id', 'locale', 'active'] as const;

type FormProps = { user: User; self: boolean; branches: readonly Schemas['Branch'][]; onSaved: (u: User) => void; onCancel: () => void };

/**
 * EditUserForm changes a user's e-mail, name, role, branch, language and
 * whether the account is active. It sends only what changed, with If-Match;
 * on a 412 the reload keeps what the admin changed and takes the rest fresh.
 */
export function EditUserForm({ user, self, branches, onSaved, onCancel }: FormProps) {
  const t = useT();
  const qc = useQueryClient();
  const [base, setBase] = useState<UserDraft>(() => draftOf(user));
  const [draft, setDraft] = useState<UserDraft>(base);
  const [version, setVersion] = useState(user.version);
  const [checked, setChecked] = useState<DraftErrors>({});
  const save = useUpdateUser();
  const errs = useFieldErrors(save.error, fields);
  const selfRefused = self && isApiError(save.error) && save.error.code === 'forbidden';
  const unchanged = Object.keys(patchBody(draft, base)).length === 0;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    clearReloaded();
    const problems = checkDraft(draft, false);
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    const body = patchBody(draft, base);
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    save.mutate({ id: user.id, version, body }, { onSuccess: onSaved });
  }

  const { reloading, reloaded, reload: reloadKeepingChanges, clearReloaded } = useConflictReload(
    () => qc.fetchQuery({ ...userQueryOptions(user.id), staleTime: 0 }),
    (freshUser) => {
      const fresh = draftOf(freshUser);
      setDraft(rebase(draft, base, fresh));
      setBase(fresh);
      setVersion(freshUser.version);
      save.reset();
    },
  );

  function onChange(d: UserDraft) {
    setDraft(d);
    if (Object.keys(checked).length > 0) setChecked(checkDraft(d, false));
  }

  const errorFor = (f: string) => {
    const mine = checked[f as keyof DraftErrors];
    return mine ? t(mine) : errs.errorFor(f);
  };

  return (
    <form className="form users-form" onSubmit={onSubmit} noValidate aria-label={t('users.editTitle', { name: user.name })}>
      {errs.conflict && <ConflictNotice onReload={() => void reloadKeepingChanges()} busy={reloading} />}
      {selfRefused ? (
        <div className="banner banner--error" role="alert">
          <p className="banner__title">{t('users.selfForbidden')}</p>
        </div>
      ) : (
        <FormError error={errs.banner} unplaced={errs.unplaced} />
      )}
      {reloaded && <p className="form__status users-form__reloaded" role="status">{t('conflict.reloaded')}</p>}
      <UserFields draft={draft} onChange={onChange} branches={branches} errorFor={errorFor} mode="edit" self={self} />
      <div className="form__actions users-form__actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={save.isPending} disabled={unchanged && !errs.conflict}>{t('users.saveChanges')}</Button>
      </div>
    </form>
  );
}

/** EditUserDialog is EditUserForm in a modal; the form starts afresh from the user each time it opens. */
export function EditUserDialog({ user, onClose, ...rest }: { user: User | null; onClose: () => void } & Omit<FormProps, 'onCancel' | 'user'>) {
  const t = useT();
  return (
    <Dialog open={user !== null} title={user ? t('users.editTitle', { name: user.name }) : ''} onClose={onClose}>
      {user && <EditUserForm key={user.id} user={user} {...rest} onCancel={onClose} />}
    </Dialog>
  );
}
