import { useId, useState, type FormEvent } from 'react';
import { Button, ConflictNotice, FormError, TextAreaField, TextField } from '@/components';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import { useT } from '@/lib/i18n';
import { getObjective, useCreateObjective, useUpdateObjective, type Objective } from '../api/objectives';

/** LinkableTask is a task of the placement's intern that an objective may link. */
export type LinkableTask = { id: number; title: string };

const fields = ['title', 'description', 'task_ids'] as const;

/**
 * ObjectiveForm creates an objective of a placement or edits one (PATCH
 * with If-Match; on 412 a reload adopts the new version and keeps what was
 * typed). Tasks are ticked from the intern's tasks in the branch.
 */
export function ObjectiveForm({ placementId, objective, tasks, onDone }: {
  placementId: number; objective?: Objective | undefined; tasks: readonly LinkableTask[]; onDone: () => void;
}) {
  const t = useT();
  const [title, setTitle] = useState(objective?.title ?? '');
  const [description, setDescription] = useState(objective?.description ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set(objective?.task_ids ?? []));
  const [version, setVersion] = useState(objective?.version ?? 0);
  const create = useCreateObjective(placementId);
  const update = useUpdateObjective(placementId);
  const mutation = objective ? update : create;
  const errs = useFieldErrors(mutation.error, fields);
  const legendId = useId();
  // A linked task no longer in the list (reassigned since) stays offered so that it can be unlinked.
  const offered: LinkableTask[] = [...tasks];
  for (const lt of objective?.tasks ?? []) {
    if (!offered.some((x) => x.id === lt.id)) offered.push({ id: lt.id, title: lt.title });
  }

  function toggle(id: number, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    clearReloaded();
    const body = { title: title.trim(), description: description.trim(), task_ids: offered.filter((x) => chosen.has(x.id)).map((x) => x.id) };
    if (objective) update.mutate({ id: objective.id, version, body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  }

  const { reloading, reloaded, reload, clearReloaded } = useConflictReload(objective ? () => getObjective(placementId, objective.id) : null, (fresh) => {
    setVersion(fresh.version);
    update.reset();
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={objective ? t('objectives.editTitle') : t('objectives.newTitle')}>
      {errs.conflict && <ConflictNotice onReload={() => void reload()} busy={reloading} />}
      {reloaded && <p className="form__status" role="status">{t('conflict.reloaded')}</p>}
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <TextField label={t('objectives.titleLabel')} name="title" required maxLength={200} value={title}
        onChange={(e) => setTitle(e.target.value)} error={errs.errorFor('title')} />
      <TextAreaField label={t('objectives.descriptionLabel')} name="description" rows={3} maxLength={2000} value={description}
        hint={t('objectives.descriptionHint')} onChange={(e) => setDescription(e.target.value)} error={errs.errorFor('description')} />
      <fieldset className={errs.errorFor('task_ids') ? 'objective-tasks field--invalid' : 'objective-tasks'} aria-describedby={errs.errorFor('task_ids') ? `${legendId}-error` : undefined}>
        <legend className="field__label" id={legendId}>{t('objectives.tasksLabel')}</legend>
        {offered.length === 0 ? <p className="field__hint">{t('objectives.noTasksToLink')}</p> : (
          <div className="objective-tasks__list">
            {offered.map((x) => (
              <label key={x.id} className="check">
                <input type="checkbox" checked={chosen.has(x.id)} onChange={(e) => toggle(x.id, e.target.checked)} />
                <span>{x.title}</span>
              </label>
            ))}
          </div>
        )}
        {errs.errorFor('task_ids') && <div className="field__error" id={`${legendId}-error`}>{errs.errorFor('task_ids')}</div>}
      </fieldset>
      <div className="form__actions form__actions--end">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={mutation.isPending}>{objective ? t('common.save') : t('objectives.create')}</Button>
      </div>
    </form>
  );
}
