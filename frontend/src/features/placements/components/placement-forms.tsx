import { useState, type FormEvent } from 'react';
import { Button, ConflictNotice, FormError, SelectField, TextAreaField, TextField } from '@/components';
import { useBranches, usePeople } from '@/features/projects';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import type { Schemas, User } from '@/lib/api';
import { formatDate, useI18n } from '@/lib/i18n';
import { useCreatePlacement } from '../api/create-placement';
import { getPlacement, useUpdatePlacement } from '../api/update-placement';
import { defaultEndDate } from '../lib/default-end';

type Placement = Schemas['Placement'];

const createFields = ['intern_id', 'branch_id', 'supervisor_id', 'start_date', 'end_date', 'focus'] as const;

/**
 * NewPlacementForm places an intern of the branch with a supervisor of the
 * branch from a start date; the end defaults to six months (the hint says
 * which day). An overlap with another placement of the intern comes back
 * as 409 naming start_date and shows beside it.
 */
export function NewPlacementForm({ user, onSaved, onCancel }: { user: User; onSaved: (p: Placement) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const isAdmin = user.role === 'admin';
  const branches = useBranches();
  const [draft, setDraft] = useState({
    branch_id: user.branch_id ? String(user.branch_id) : '',
    intern_id: '',
    supervisor_id: user.role === 'supervisor' ? String(user.id) : '',
    start_date: '',
    end_date: '',
    focus: '',
  });
  const branchId = Number(draft.branch_id) || undefined;
  const interns = usePeople({ role: 'intern', branch_id: branchId, active: true }, { enabled: branchId !== undefined });
  const supervisors = usePeople({ role: 'supervisor', branch_id: branchId, active: true }, { enabled: branchId !== undefined });
  const create = useCreatePlacement();
  const errs = useFieldErrors(create.error, createFields);
  const set = (k: keyof typeof draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const defaultEnd = draft.start_date ? defaultEndDate(draft.start_date) : undefined;
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  // A required field left empty is said beside it before anything is sent.
  const errorFor = (f: 'intern_id' | 'supervisor_id' | 'start_date' | 'branch_id') => (missing.has(f) ? t('placementForm.required') : errs.errorFor(f));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const empty = new Set((['branch_id', 'intern_id', 'supervisor_id', 'start_date'] as const).filter((f) => draft[f] === ''));
    setMissing(empty);
    if (empty.size > 0) return;
    create.mutate({
      intern_id: Number(draft.intern_id) || 0,
      supervisor_id: Number(draft.supervisor_id) || 0,
      start_date: draft.start_date,
      ...(branchId ? { branch_id: branchId } : {}),
      ...(draft.end_date ? { end_date: draft.end_date } : {}),
      ...(draft.focus.trim() ? { focus: draft.focus.trim() } : {}),
    }, { onSuccess: onSaved });
  }

  const choose = { value: '', label: t('placementForm.choose') };
  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={t('placementForm.newTitle')}>
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      {isAdmin && (
        <SelectField label={t('placementForm.branch')} name="branch_id" required value={draft.branch_id}
          options={[...(draft.branch_id ? [] : [choose]), ...(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))]}
          onChange={(e) => setDraft((d) => ({ ...d, branch_id: e.target.value, intern_id: '', supervisor_id: '' }))} error={errorFor('branch_id')} />
      )}
      <div className="form__row">
        <SelectField label={t('placementForm.intern')} name="intern_id" required value={draft.intern_id}
          options={[choose, ...(interns.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))]}
          hint={branchId === undefined ? t('placementForm.pickBranchFirst') : interns.data && interns.data.items.length === 0 ? t('placementForm.noInterns') : undefined}
          onChange={(e) => set('intern_id', e.target.value)} error={errorFor('intern_id')} />
        <SelectField label={t('placementForm.supervisor')} name="supervisor_id" required value={draft.supervisor_id}
          options={[...(draft.supervisor_id ? [] : [choose]), ...(supervisors.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.id === user.id ? t('projectForm.meNamed', { name: u.name }) : u.name }))]}
          onChange={(e) => set('supervisor_id', e.target.value)} error={errorFor('supervisor_id')} />
      </div>
      <div className="form__row">
        <TextField label={t('placementForm.startDate')} name="start_date" type="date" required value={draft.start_date}
          onChange={(e) => set('start_date', e.target.value)} error={errorFor('start_date')} />
        <TextField label={t('placementForm.endDate')} name="end_date" type="date" value={draft.end_date} min={draft.start_date || undefined}
          hint={defaultEnd ? t('placementForm.endDefaultOn', { date: formatDate(defaultEnd, locale) }) : t('placementForm.endDefault')}
          onChange={(e) => set('end_date', e.target.value)} error={errs.errorFor('end_date')} />
      </div>
      <TextAreaField label={t('placementForm.focus')} name="focus" rows={3} maxLength={2000} value={draft.focus}
        hint={t('placementForm.focusHint')} onChange={(e) => set('focus', e.target.value)} error={errs.errorFor('focus')} />
      <div className="form__actions form__actions--end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={create.isPending}>{t('placementForm.create')}</Button>
      </div>
    </form>
  );
}

const editFields = ['supervisor_id', 'end_date', 'focus'] as const;

/**
 * EditPlacementForm changes a placement's supervisor, end date or focus
 * (PATCH with If-Match); on 412 a reload adopts the new version and keeps
 * what was typed.
 */
export function EditPlacementForm({ user, placement, onSaved, onCancel }: { user: User; placement: Placement; onSaved: (p: Placement) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({ supervisor_id: String(placement.supervisor_id), end_date: placement.end_date, focus: placement.focus });
  const [version, setVersion] = useState(placement.version);
  const supervisors = usePeople({ role: 'supervisor', branch_id: placement.branch_id, active: true });
  const update = useUpdatePlacement();
  const errs = useFieldErrors(update.error, editFields);
  const set = (k: keyof typeof draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const options = (supervisors.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.id === user.id ? t('projectForm.meNamed', { name: u.name }) : u.name }));
  if (!options.some((o) => o.value === String(placement.supervisor_id))) options.unshift({ value: String(placement.supervisor_id), label: placement.supervisor_name });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    clearReloaded();
    update.mutate({ id: placement.id, version, body: { supervisor_id: Number(draft.supervisor_id), end_date: draft.end_date, focus: draft.focus.trim() } },
      { onSuccess: (p) => { setVersion(p.version); onSaved(p); } });
  }

  const { reloading, reloaded, reload, clearReloaded } = useConflictReload(() => getPlacement(placement.id), (fresh) => {
    setVersion(fresh.version);
    update.reset();
  });

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={t('placementForm.editTitle', { name: placement.intern_name })}>
      {errs.conflict && <ConflictNotice onReload={reload} busy={reloading} />}
      {reloaded && <p className="form__status" role="status">{t('conflict.reloaded')}</p>}
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <div className="form__row">
        <SelectField label={t('placementForm.supervisor')} name="supervisor_id" required value={draft.supervisor_id} options={options}
          onChange={(e) => set('supervisor_id', e.target.value)} error={errs.errorFor('supervisor_id')} />
        <TextField label={t('placementForm.endDate')} name="end_date" type="date" required value={draft.end_date} min={placement.start_date}
          hint={t('placementForm.endEditHint')} onChange={(e) => set('end_date', e.target.value)} error={errs.errorFor('end_date')} />
      </div>
      <TextAreaField label={t('placementForm.focus')} name="focus" rows={3} maxLength={2000} value={draft.focus}
        onChange={(e) => set('focus', e.target.value)} error={errs.errorFor('focus')} />
      <div className="form__actions form__actions--end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={update.isPending}>{t('placementForm.save')}</Button>
      </div>
    </form>
  );
}
