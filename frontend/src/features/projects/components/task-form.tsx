import { useState, type FormEvent } from 'react';
import { Button, ConflictNotice, FormError, SelectField, TextAreaField, TextField } from '@/components';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useTags } from '../api/reference';
import { getTask, useCreateTask, useUpdateTask, type Task } from '../api/tasks';
import { TagPicker } from './tag-picker';
import { useBranchInterns } from './use-branch-interns';

type Priority = Schemas['Priority'];
const priorities: readonly Priority[] = ['low', 'medium', 'high', 'urgent'];

const fields = ['title', 'description', 'assignee_id', 'priority', 'start_date', 'due_date', 'estimate_hours', 'tag_ids'] as const;

type Draft = {
  title: string;
  description: string;
  assignee: string; // '' = unassigned
  priority: Priority;
  start_date: string;
  due_date: string;
  estimate: string;
  tag_ids: number[];
};

function draftOf(task: Task | undefined): Draft {
  return {
    title: task?.title ?? '',
    description: task?.description ?? '',
    assignee: task?.assignee_id ? String(task.assignee_id) : '',
    priority: task?.priority ?? 'medium',
    start_date: task?.start_date ?? '',
    due_date: task?.due_date ?? '',
    estimate: task?.estimate_hours != null ? String(task.estimate_hours) : '',
    tag_ids: task?.tag_ids ?? [],
  };
}

/**
 * TaskForm creates a task in a project, or edits one (PATCH with If-Match;
 * on 412 a reload adopts the new version and keeps what was typed). The
 * assignee is chosen among the interns placed in the project's branch.
 */
export function TaskForm({ project, task, onSaved, onCancel }: {
  project: { id: number; branch_id: number };
  task?: Task;
  onSaved: (task: Task, created: boolean) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => draftOf(task));
  const [version, setVersion] = useState(task?.version ?? 0);
  const create = useCreateTask();
  const update = useUpdateTask();
  const save = task ? update : create;
  const errs = useFieldErrors(save.error, fields);
  const tags = useTags();
  const { interns, isPending: internsPending } = useBranchInterns(project.branch_id);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const assigneeOptions = [{ value: '', label: t('taskForm.unassigned') }, ...interns.map((i) => ({
    value: String(i.id), label: i.upcoming ? t('taskForm.upcomingIntern', { name: i.name }) : i.name,
  }))];
  // The current assignee stays choosable even when their placement has ended.
  if (task?.assignee_id && !interns.some((i) => i.id === task.assignee_id)) {
    assigneeOptions.push({ value: String(task.assignee_id), label: task.assignee_name ?? `#${task.assignee_id}` });
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    clearReloaded();
    const estimate = draft.estimate.trim() === '' ? null : Number(draft.estimate.replace(',', '.'));
    const body = {
      title: draft.title.trim(),
      description: draft.description,
      assignee_id: draft.assignee === '' ? null : Number(draft.assignee),
      priority: draft.priority,
      start_date: draft.start_date || null,
      due_date: draft.due_date || null,
      estimate_hours: estimate,
      tag_ids: draft.tag_ids,
    };
    if (task) {
      update.mutate({ id: task.id, version, body }, { onSuccess: (saved) => { setVersion(saved.version); onSaved(saved, false); } });
    } else {
      create.mutate({ project_id: project.id, ...body }, { onSuccess: (saved) => onSaved(saved, true) });
    }
  }

  const { reloading, reloaded, reload: reloadKeepingDraft, clearReloaded } = useConflictReload(task ? () => getTask(task.id) : null, (fresh) => {
    setVersion(fresh.version);
    update.reset();
  });

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={task ? t('taskForm.editTitle') : t('taskForm.newTitle')}>
      {errs.conflict && <ConflictNotice onReload={reloadKeepingDraft} busy={reloading} />}
      {reloaded && <p className="form__status" role="status">{t('conflict.reloaded')}</p>}
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <TextField label={t('taskForm.title')} name="title" required maxLength={200} value={draft.title}
        onChange={(e) => set('title', e.target.value)} error={errs.errorFor('title')} />
      <TextAreaField label={t('taskForm.description')} name="description" rows={3} value={draft.description}
        onChange={(e) => set('description', e.target.value)} error={errs.errorFor('description')} />
      <div className="form__row">
        <SelectField label={t('taskForm.assignee')} name="assignee_id" value={draft.assignee} options={assigneeOptions}
          hint={internsPending ? t('common.loading') : interns.length === 0 ? t('taskForm.noInterns') : t('taskForm.assigneeHint')}
          onChange={(e) => set('assignee', e.target.value)} error={errs.errorFor('assignee_id')} />
        <SelectField label={t('taskForm.priority')} name="priority" value={draft.priority}
          options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          onChange={(e) => set('priority', e.target.value as Priority)} error={errs.errorFor('priority')} />
      </div>
      <div className="form__row form__row--3">
        <TextField label={t('taskForm.startDate')} name="start_date" type="date" value={draft.start_date}
          onChange={(e) => set('start_date', e.target.value)} error={errs.errorFor('start_date')} />
        <TextField label={t('taskForm.dueDate')} name="due_date" type="date" value={draft.due_date}
          onChange={(e) => set('due_date', e.target.value)} error={errs.errorFor('due_date')} />
        <TextField label={t('taskForm.estimate')} name="estimate_hours" type="number" inputMode="decimal" min={0} step="0.5"
          value={draft.estimate} onChange={(e) => set('estimate', e.target.value)} error={errs.errorFor('estimate_hours')} />
      </div>
      <TagPicker legend={t('taskForm.tags')} tags={tags.data?.items ?? []} value={draft.tag_ids}
        onChange={(ids) => set('tag_ids', ids)} error={errs.errorFor('tag_ids')} />
      <div className="form__actions form__actions--end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={save.isPending}>{task ? t('taskForm.save') : t('taskForm.create')}</Button>
      </div>
    </form>
  );
}
