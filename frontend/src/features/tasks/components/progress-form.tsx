import { useId, useState, type FormEvent } from 'react';
import { Button, FormError, TextAreaField, TextField } from '@/components';
import { useFieldErrors } from '@/hooks/use-field-errors';
import type { Schemas } from '@/lib/api';
import { serverMessage, useI18n } from '@/lib/i18n';
import { useAddProgress, type AddProgressInput } from '../api/add-progress';

const fields = ['note', 'progress', 'hours'] as const;
type Field = (typeof fields)[number];

type Draft = { note: string; progress: string; hours: string };

/** checkDraft catches what the server would refuse before sending, in the server's words (so they translate alike). */
function checkDraft(d: Draft): Partial<Record<Field, string>> {
  const errs: Partial<Record<Field, string>> = {};
  const p = d.progress.trim();
  if (p === '') errs.progress = 'is required';
  else if (!/^\d+$/.test(p) || Number(p) > 100) errs.progress = 'must be between 0 and 100';
  const h = d.hours.trim().replace(',', '.');
  if (h !== '' && (!Number.isFinite(Number(h)) || Number(h) < 0 || Number(h) > 24)) errs.hours = 'must be between 0 and 24';
  return errs;
}

/**
 * ProgressForm logs progress on a task: a note, the task's new percentage
 * (a number, with a slider beside it) and optional hours. The server's
 * field errors show beside their fields; after a success the task and its
 * history refresh (useAddProgress) and the note is cleared.
 */
export function ProgressForm({ task }: { task: Pick<Schemas['Task'], 'id' | 'progress'> }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Draft>({ note: '', progress: String(task.progress), hours: '' });
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState(false);
  const add = useAddProgress();
  const errs = useFieldErrors(add.error, fields);
  const pctId = useId();

  const errorFor = (f: Field) => (local[f] ? serverMessage(locale, local[f]) : errs.errorFor(f));

  function set<K extends keyof Draft>(k: K, v: Draft[K]) {
    setDraft((d) => ({ ...d, [k]: v }));
    setDone(false);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const found = checkDraft(draft);
    setLocal(found);
    if (Object.keys(found).length > 0) {
      add.reset();
      return;
    }
    const body: AddProgressInput = { progress: Number(draft.progress.trim()) };
    if (draft.note.trim() !== '') body.note = draft.note.trim();
    if (draft.hours.trim() !== '') body.hours = Number(draft.hours.trim().replace(',', '.'));
    add.mutate({ taskId: task.id, body }, {
      onSuccess: (log) => {
        setDraft({ note: '', progress: String(log.progress), hours: '' });
        setDone(true);
      },
    });
  }

  const pct = Number(draft.progress);
  const slider = Number.isFinite(pct) ? Math.max(0, Math.min(100, pct)) : 0;

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={t('taskPage.logForm')}>
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <TextAreaField label={t('taskPage.note')} hint={t('taskPage.noteHint')} name="note" rows={3} maxLength={4000}
        value={draft.note} onChange={(e) => set('note', e.target.value)} error={errorFor('note')} />
      <div className="form-row">
        <div className={errorFor('progress') ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={pctId}>
            {t('taskPage.newProgress')}<span className="field__required" aria-hidden="true"> *</span>
          </label>
          <div className="field__hint" id={`${pctId}-hint`}>{t('taskPage.newProgressHint')}</div>
          <div className="pct-input">
            {/* The slider is a pointer convenience; the number field beside it is the labelled control. */}
            <input type="range" className="pct-input__range" min={0} max={100} step={5} value={slider}
              onChange={(e) => set('progress', e.target.value)} tabIndex={-1} aria-hidden="true" />
            <input id={pctId} className="input" type="number" inputMode="numeric" name="progress" min={0} max={100} step={1} required
              value={draft.progress} onChange={(e) => set('progress', e.target.value)}
              aria-invalid={errorFor('progress') ? true : undefined}
              aria-describedby={[`${pctId}-hint`, errorFor('progress') ? `${pctId}-error` : ''].filter(Boolean).join(' ')} />
          </div>
          {errorFor('progress') && <div className="field__error" id={`${pctId}-error`}>{errorFor('progress')}</div>}
        </div>
        <TextField label={t('taskPage.hoursSpent')} hint={t('taskPage.hoursHint')} name="hours" type="number" inputMode="decimal"
          min={0} max={24} step={0.25} value={draft.hours} onChange={(e) => set('hours', e.target.value)} error={errorFor('hours')} />
      </div>
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={add.isPending}>{t('taskPage.submitLog')}</Button>
        {done && <p className="form__status" role="status">{t('taskPage.logged')}</p>}
      </div>
    </form>
  );
}
