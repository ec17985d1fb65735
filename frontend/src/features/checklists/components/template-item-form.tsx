import { useState, type FormEvent } from 'react';
import { Button, ConflictNotice, Dialog, FormError, SelectField, TextField } from '@/components';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import { useT } from '@/lib/i18n';
import type { TemplateItem } from '../api/get-template';
import { getTemplateItem, useCreateTemplateItem, useUpdateTemplateItem, type TemplateItemInput } from '../api/save-template-item';

const fields = ['title', 'phase', 'anchor', 'offset_days'] as const;

type Draft = { title: string; phase: TemplateItem['phase']; anchor: TemplateItem['anchor']; offset: string };
const draftOf = (i: TemplateItem): Draft => ({ title: i.title, phase: i.phase, anchor: i.anchor, offset: String(i.offset_days) });

/** TemplateItemForm adds an item to a branch's template, or edits one with If-Match (a 412 reloads and keeps what was typed). */
export function TemplateItemForm({ branchId, item, onDone, onCancel }: { branchId: number; item?: TemplateItem | undefined; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => (item ? draftOf(item) : { title: '', phase: 'onboarding', anchor: 'start', offset: '1' }));
  const [version, setVersion] = useState(item?.version ?? 0);
  const [missing, setMissing] = useState<Partial<Record<'title' | 'offset_days', string>>>({});
  const create = useCreateTemplateItem();
  const update = useUpdateTemplateItem();
  const save = item ? update : create;
  const errs = useFieldErrors(save.error, fields);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const m: typeof missing = {};
    if (draft.title.trim() === '') m.title = t('checklists.errors.titleRequired');
    const offset = Number(draft.offset);
    if (draft.offset.trim() === '' || !Number.isInteger(offset)) m.offset_days = t('checklists.errors.offsetInteger');
    setMissing(m);
    if (Object.keys(m).length > 0) return;
    const body: TemplateItemInput = { title: draft.title.trim(), phase: draft.phase, anchor: draft.anchor, offset_days: offset };
    if (item) update.mutate({ branchId, id: item.id, version, body }, { onSuccess: onDone });
    else create.mutate({ branchId, body }, { onSuccess: onDone });
  }

  const { reloading, reload } = useConflictReload(item ? () => getTemplateItem(branchId, item.id) : null, (fresh) => {
    setVersion(fresh.version);
    save.reset();
  });

  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const errorFor = (f: (typeof fields)[number]) => (f === 'title' || f === 'offset_days' ? missing[f] : undefined) ?? errs.errorFor(f);

  return (
    <form className="form checklists-form" onSubmit={onSubmit} noValidate aria-label={item ? t('checklists.editTitle') : t('checklists.newTitle')}>
      {errs.conflict && <ConflictNotice onReload={() => void reload()} busy={reloading} />}
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <TextField label={t('checklists.fields.title')} name="title" required maxLength={200} autoComplete="off"
        value={draft.title} onChange={(e) => set({ title: e.target.value })} error={errorFor('title')} />
      <div className="checklists-form__row">
        <SelectField label={t('checklists.fields.phase')} name="phase" value={draft.phase} required
          onChange={(e) => set({ phase: e.target.value as Draft['phase'] })}
          options={[{ value: 'onboarding', label: t('checklists.phase.onboarding') }, { value: 'offboarding', label: t('checklists.phase.offboarding') }]}
          error={errorFor('phase')} />
        <SelectField label={t('checklists.fields.anchor')} name="anchor" value={draft.anchor} required
          onChange={(e) => set({ anchor: e.target.value as Draft['anchor'] })}
          options={[{ value: 'start', label: t('checklists.anchor.start') }, { value: 'end', label: t('checklists.anchor.end') }]}
          error={errorFor('anchor')} />
        <TextField label={t('checklists.fields.offset')} name="offset_days" type="number" inputMode="numeric" required min={-366} max={366} step={1}
          hint={t('checklists.offsetHint')} value={draft.offset} onChange={(e) => set({ offset: e.target.value })} error={errorFor('offset_days')} />
      </div>
      <div className="form__actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={save.isPending}>{item ? t('checklists.save') : t('checklists.add')}</Button>
      </div>
    </form>
  );
}

/** TemplateItemDialog holds the form; `item` edits it, otherwise a new item. */
export function TemplateItemDialog({ open, branchId, item, onClose, onDone }: { open: boolean; branchId: number; item?: TemplateItem | undefined; onClose: () => void; onDone: () => void }) {
  const t = useT();
  return (
    <Dialog open={open} title={item ? t('checklists.editTitle') : t('checklists.newTitle')} onClose={onClose}>
      {open && <TemplateItemForm key={item?.id ?? 'new'} branchId={branchId} item={item} onDone={onDone} onCancel={onClose} />}
    </Dialog>
  );
}
