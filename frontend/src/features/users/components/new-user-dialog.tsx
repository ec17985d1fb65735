import { useState, type FormEvent } from 'react';
import { Button, Dialog, FormError } from '@/components';
import { useFieldErrors } from '@/hooks/use-field-errors';
import type { Schemas, User } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { useCreateUser } from '../api/create-user';
import { UserFields } from './user-fields';
import { checkDraft, createBody, emptyDraft, type DraftErrors, type UserDraft } from './user-rules';

const fields = ['email', 'name', 'role', 'branch_id', 'locale', 'password'] as const;

type FormProps = { branches: readonly Schemas['Branch'][]; onCreated: (u: User) => void; onCancel: () => void };

/**
 * NewUserForm creates an account: e-mail, name, role, branch (required for
 * interns and supervisors), language and an initial password. Errors sit
 * beside their fields; a taken e-mail (409) beside the e-mail.
 */
export function NewUserForm({ branches, onCreated, onCancel }: FormProps) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<UserDraft>({ ...emptyDraft, locale });
  const [checked, setChecked] = useState<DraftErrors>({});
  const create = useCreateUser();
  const errs = useFieldErrors(create.error, fields);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const problems = checkDraft(draft, true);
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    create.mutate(createBody(draft), { onSuccess: onCreated });
  }

  function onChange(d: UserDraft) {
    setDraft(d);
    // A fixed field loses its complaint at once.
    if (Object.keys(checked).length > 0) setChecked(checkDraft(d, true));
  }

  const errorFor = (f: string) => {
    const mine = checked[f as keyof DraftErrors];
    return mine ? t(mine) : errs.errorFor(f);
  };

  return (
    <form className="form users-form" onSubmit={onSubmit} noValidate aria-label={t('users.newTitle')}>
      <p className="users-form__intro">{t('users.newIntro')}</p>
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <UserFields draft={draft} onChange={onChange} branches={branches} errorFor={errorFor} mode="create" />
      <div className="form__actions users-form__actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={create.isPending}>{t('users.create')}</Button>
      </div>
    </form>
  );
}

/** NewUserDialog is NewUserForm in a modal; a fresh form every time it opens. */
export function NewUserDialog({ open, onClose, ...rest }: { open: boolean; onClose: () => void } & Omit<FormProps, 'onCancel'>) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={t('users.newTitle')} onClose={onClose}>
      {open && <NewUserForm {...rest} onCancel={onClose} />}
    </Dialog>
  );
}
