import { useState, type FormEvent } from 'react';
import { Button, Card, FormError, TextField } from '@/components';
import { useFieldErrors } from '@/hooks/use-field-errors';
import { useT } from '@/lib/i18n';
import { useChangePassword } from '../api/change-password';

const fields = ['current_password', 'new_password'] as const;
const empty = { current: '', next: '', confirm: '' };

/** PasswordForm changes the caller's password (PUT /me/password). */
export function PasswordForm({ email }: { email: string }) {
  const t = useT();
  const [draft, setDraft] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const change = useChangePassword();
  const errs = useFieldErrors(change.error, fields);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    // Only a typing check: the server enforces the password policy.
    if (draft.next !== draft.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { current_password: draft.current, new_password: draft.next },
      { onSuccess: () => { setDraft(empty); setDone(true); } },
    );
  }

  return (
    <Card title={t('account.passwordTitle')} description={t('account.passwordDescription')}>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('account.passwordTitle')}>
        <FormError error={errs.banner} unplaced={errs.unplaced} />
        {/* Lets password managers pair the new password with the account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField label={t('account.currentPassword')} type="password" name="current_password" autoComplete="current-password" required
          value={draft.current} onChange={(e) => setDraft({ ...draft, current: e.target.value })} error={errs.errorFor('current_password')} />
        <TextField label={t('account.newPassword')} type="password" name="new_password" autoComplete="new-password" required minLength={8} maxLength={128}
          hint={t('account.newPasswordHint')} value={draft.next} onChange={(e) => setDraft({ ...draft, next: e.target.value })} error={errs.errorFor('new_password')} />
        <TextField label={t('account.confirmPassword')} type="password" name="confirm_password" autoComplete="new-password" required
          value={draft.confirm} onChange={(e) => setDraft({ ...draft, confirm: e.target.value })} error={mismatch ? t('account.mismatch') : undefined} />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={change.isPending}>{t('account.changePassword')}</Button>
          {done && <p className="form__status" role="status">{t('account.passwordChanged')}</p>}
        </div>
      </form>
    </Card>
  );
}
