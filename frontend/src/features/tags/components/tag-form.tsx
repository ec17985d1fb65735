import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, ConflictNotice, Dialog, FormError, SelectField, TextAreaField, TextField } from '@/components';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import { useT, type MessageKey } from '@/lib/i18n';
import { useCreateTag } from '../api/create-tag';
import { tagQueryOptions } from '../api/get-tag';
import { useUpdateTag } from '../api/update-tag';
import { tagKinds, type Tag, type TagKind } from './tag-groups';

const fields = ['code', 'name', 'kind', 'description'] as const;

type Draft = { code: string; name: string; kind: TagKind; description: string };
const draftOf = (t: Tag): Draft => ({ code: t.code, name: t.name, kind: t.kind, description: t.description });

/** TagForm creates a tag, or edits one with If-Match (a 412 reloads and keeps what was changed). */
export function TagForm({ tag, kind, onDone, onCancel }: { tag?: Tag; kind?: TagKind; onDone: (t: Tag) => void; onCancel: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [base, setBase] = useState<Draft>(() => (tag ? draftOf(tag) : { code: '', name: '', kind: kind ?? 'organisation', description: '' }));
  const [draft, setDraft] = useState<Draft>(base);
  const [version, setVersion] = useState(tag?.version ?? 0);
  const [missing, setMissing] = useState<Partial<Record<'code' | 'name', MessageKey>>>({});
  const create = useCreateTag();
  const update = useUpdateTag();
  const save = tag ? update : create;
  const errs = useFieldErrors(save.error, fields);

  function check(d: Draft) {
    const m: typeof missing = {};
    if (d.code.trim() === '') m.code = 'tags.errors.codeRequired';
    if (d.name.trim() === '') m.name = 'tags.errors.nameRequired';
    return m;
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    clearReloaded();
    const m = check(draft);
    setMissing(m);
    if (Object.keys(m).length > 0) return;
    const clean = { code: draft.code.trim(), name: draft.name.trim(), kind: draft.kind, description: draft.description.trim() };
    if (!tag) {
      create.mutate(clean, { onSuccess: onDone });
      return;
    }
    const body: Partial<Draft> = {};
    for (const k of fields) if (clean[k] !== base[k]) (body as Record<string, string>)[k] = clean[k];
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    update.mutate({ id: tag.id, version, body }, { onSuccess: onDone });
  }

  const { reloading, reloaded, reload: reloadKeepingChanges, clearReloaded } = useConflictReload(
    tag ? () => qc.fetchQuery({ ...tagQueryOptions(tag.id), staleTime: 0 }) : null,
    (fresh) => {
      const next = draftOf(fresh);
      for (const k of fields) if (draft[k] !== base[k]) (next as Record<string, string>)[k] = draft[k];
      setDraft(next);
      setBase(draftOf(fresh));
      setVersion(fresh.version);
      save.reset();
    },
  );

  const set = (patch: Partial<Draft>) => {
    const d = { ...draft, ...patch };
    setDraft(d);
    if (Object.keys(missing).length > 0) setMissing(check(d));
  };
  const errorFor = (f: 'code' | 'name' | 'kind' | 'description') => {
    const mine = f === 'code' || f === 'name' ? missing[f] : undefined;
    return mine ? t(mine) : errs.errorFor(f);
  };

  return (
    <form className="form tags-form" onSubmit={onSubmit} noValidate aria-label={tag ? t('tags.editTitle', { code: tag.code }) : t('tags.newTitle')}>
      {errs.conflict && <ConflictNotice onReload={() => void reloadKeepingChanges()} busy={reloading} />}
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      {reloaded && <p className="form__status" role="status">{t('conflict.reloaded')}</p>}
      <div className="tags-form__row">
        <TextField label={t('tags.fields.code')} name="code" required maxLength={16} autoComplete="off" hint={t('tags.codeHint')}
          value={draft.code} onChange={(e) => set({ code: e.target.value })} error={errorFor('code')} />
        <SelectField label={t('tags.fields.kind')} name="kind" value={draft.kind} required
          onChange={(e) => set({ kind: e.target.value as TagKind })}
          options={tagKinds.map((k) => ({ value: k, label: t(`tags.kind.${k}`) }))} error={errorFor('kind')} />
      </div>
      <TextField label={t('tags.fields.name')} name="name" required maxLength={200} autoComplete="off"
        value={draft.name} onChange={(e) => set({ name: e.target.value })} error={errorFor('name')} />
      <TextAreaField label={t('tags.fields.description')} name="description" maxLength={2000} rows={3}
        value={draft.description} onChange={(e) => set({ description: e.target.value })} error={errorFor('description')} />
      <div className="form__actions tags-form__actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={save.isPending}>{tag ? t('tags.saveChanges') : t('tags.create')}</Button>
      </div>
    </form>
  );
}

/** TagDialog holds the TagForm; `tag` edits it, otherwise a new tag (of `kind`, when given). */
export function TagDialog({ open, tag, kind, onClose, onDone }: { open: boolean; tag?: Tag | undefined; kind?: TagKind | undefined; onClose: () => void; onDone: (t: Tag) => void }) {
  const t = useT();
  return (
    <Dialog open={open} title={tag ? t('tags.editTitle', { code: tag.code }) : t('tags.newTitle')} onClose={onClose}>
      {open && <TagForm key={tag?.id ?? `new-${kind ?? ''}`} {...(tag ? { tag } : {})} {...(kind ? { kind } : {})} onDone={onDone} onCancel={onClose} />}
    </Dialog>
  );
}
