import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Card, ConflictNotice, FormError, SelectField, TextField } from '@/components';
import { meQueryOptions } from '@/features/auth';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import type { User } from '@/lib/api';
import { isLocale, locales, useI18n, type Locale } from '@/lib/i18n';
import { useUpdateMe } from '../api/update-user';

const fields = ['name', 'locale'] as const;

/**
 * ProfileForm is the reference form (frontend/README.md, "Forms"):
 * controlled draft state, a mutation that sends If-Match with the version
 * the draft is based on, errors beside their fields, and on 412 a reload
 * that adopts the new version but keeps the draft.
 */
export function ProfileForm({ user }: { user: User }) {
  const { t, setLocale } = useI18n();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<{ name: string; locale: Locale }>({ name: user.name, locale: user.locale });
  const [version, setVersion] = useState(user.version);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useUpdateMe();
  const errs = useFieldErrors(save.error, fields);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    save.mutate(
      { id: user.id, version, body: { name: draft.name.trim(), locale: draft.locale } },
      {
        onSuccess: (saved) => {
          setVersion(saved.version);
          setLocale(saved.locale);
          setNotice('account.profileSaved');
        },
      },
    );
  }

  const { reloading, reload: reloadKeepingDraft } = useConflictReload(() => qc.fetchQuery({ ...meQueryOptions(), staleTime: 0 }), (fresh) => {
    setVersion(fresh.version);
    save.reset();
    setNotice('conflict.reloaded');
  });

  return (
    <Card title={t('account.profileTitle')} description={t('account.profileDescription')}>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('account.profileTitle')}>
        {errs.conflict && <ConflictNotice onReload={reloadKeepingDraft} busy={reloading} />}
        <FormError error={errs.banner} unplaced={errs.unplaced} />
        <TextField label={t('account.name')} name="name" autoComplete="name" required maxLength={200}
          value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errs.errorFor('name')} />
        <SelectField label={t('account.language')} name="locale" value={draft.locale}
          onChange={(e) => { if (isLocale(e.target.value)) setDraft({ ...draft, locale: e.target.value }); }}
          options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))} error={errs.errorFor('locale')} />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={save.isPending}>{t('account.saveProfile')}</Button>
          {notice && <p className="form__status" role="status">{notice === 'account.profileSaved' ? t('account.profileSaved') : t('conflict.reloaded')}</p>}
        </div>
      </form>
    </Card>
  );
}
