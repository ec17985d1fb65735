import { useState, type FormEvent } from 'react';
import { Button, ConflictNotice, FormError, SelectField, TextAreaField, TextField } from '@/components';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import type { Schemas, User } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { getProject } from '../api/get-project';
import { useBranches, usePeople, useStreams, useTags } from '../api/reference';
import { useCreateProject, useUpdateProject } from '../api/save-project';
import { TagPicker } from './tag-picker';

type Project = Schemas['Project'];
type ProjectStatus = Schemas['ProjectStatus'];
export const projectStatuses: readonly ProjectStatus[] = ['active', 'on_hold', 'completed', 'cancelled'];

const fields = ['stream_id', 'branch_id', 'title', 'description', 'owner_id', 'start_date', 'end_date', 'status', 'tag_ids'] as const;

type Draft = {
  stream_id: string;
  branch_id: string;
  title: string;
  description: string;
  owner_id: string; // '' = me (on creation)
  start_date: string;
  end_date: string;
  status: ProjectStatus;
  tag_ids: number[];
};

/**
 * ProjectForm creates a project (a supervisor in their own branch, an admin
 * in any) or edits one with If-Match; on 412 a reload adopts the new
 * version and keeps what was typed.
 */
export function ProjectForm({ user, project, onSaved, onCancel }: {
  user: User; project?: Project; onSaved: (p: Project, created: boolean) => void; onCancel: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => ({
    stream_id: project ? String(project.stream_id) : '',
    branch_id: project ? String(project.branch_id) : user.branch_id ? String(user.branch_id) : '',
    title: project?.title ?? '',
    description: project?.description ?? '',
    owner_id: project ? String(project.owner_id) : '',
    start_date: project?.start_date ?? '',
    end_date: project?.end_date ?? '',
    status: project?.status ?? 'active',
    tag_ids: project?.tag_ids ?? [],
  }));
  const [version, setVersion] = useState(project?.version ?? 0);
  const create = useCreateProject();
  const update = useUpdateProject();
  const save = project ? update : create;
  const errs = useFieldErrors(save.error, fields);
  const streams = useStreams();
  const branches = useBranches();
  const tags = useTags();
  const branchId = Number(draft.branch_id) || undefined;
  const supervisors = usePeople({ role: 'supervisor', branch_id: branchId, active: true }, { enabled: branchId !== undefined });
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const ownerOptions = [
    ...(project ? [] : [{ value: '', label: t('projectForm.ownerMe') }]),
    ...(supervisors.data?.items ?? []).filter((u) => project || u.id !== user.id).map((u) => ({ value: String(u.id), label: u.id === user.id ? t('projectForm.meNamed', { name: u.name }) : u.name })),
  ];
  if (project && !ownerOptions.some((o) => o.value === draft.owner_id)) {
    ownerOptions.unshift({ value: String(project.owner_id), label: project.owner_id === user.id ? t('projectForm.meNamed', { name: user.name }) : t('projectForm.currentOwner') });
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    clearReloaded();
    const common = {
      title: draft.title.trim(),
      description: draft.description,
      start_date: draft.start_date || null,
      end_date: draft.end_date || null,
      status: draft.status,
      tag_ids: draft.tag_ids,
      ...(draft.owner_id ? { owner_id: Number(draft.owner_id) } : {}),
    };
    if (project) {
      update.mutate({ id: project.id, version, body: { ...common, stream_id: Number(draft.stream_id) } },
        { onSuccess: (p) => { setVersion(p.version); onSaved(p, false); } });
    } else {
      // 0 is no id: the server answers "is required" beside the field.
      create.mutate({ ...common, stream_id: Number(draft.stream_id) || 0, branch_id: Number(draft.branch_id) || 0 },
        { onSuccess: (p) => onSaved(p, true) });
    }
  }

  const { reloading, reloaded, reload: reloadKeepingDraft, clearReloaded } = useConflictReload(project ? () => getProject(project.id) : null, (fresh) => {
    setVersion(fresh.version);
    update.reset();
  });

  const branchLocked = project !== undefined || user.role !== 'admin';

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={project ? t('projectForm.editTitle') : t('projectForm.newTitle')}>
      {errs.conflict && <ConflictNotice onReload={reloadKeepingDraft} busy={reloading} />}
      {reloaded && <p className="form__status" role="status">{t('conflict.reloaded')}</p>}
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <TextField label={t('projectForm.title')} name="title" required maxLength={200} value={draft.title}
        onChange={(e) => set('title', e.target.value)} error={errs.errorFor('title')} />
      <div className="form__row">
        <SelectField label={t('projectForm.stream')} name="stream_id" required value={draft.stream_id}
          options={[...(draft.stream_id ? [] : [{ value: '', label: t('projectForm.choose') }]), ...(streams.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))]}
          onChange={(e) => set('stream_id', e.target.value)} error={errs.errorFor('stream_id')}
          hint={project ? t('projectForm.streamHint') : undefined} />
        {branchLocked ? (
          <TextField label={t('projectForm.branch')} name="branch" readOnly
            value={branches.data?.items.find((b) => String(b.id) === draft.branch_id)?.name ?? ''}
            hint={t('projectForm.branchFixed')} error={errs.errorFor('branch_id')} />
        ) : (
          <SelectField label={t('projectForm.branch')} name="branch_id" required value={draft.branch_id}
            options={[...(draft.branch_id ? [] : [{ value: '', label: t('projectForm.choose') }]), ...(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))]}
            onChange={(e) => setDraft((d) => ({ ...d, branch_id: e.target.value, owner_id: '' }))} error={errs.errorFor('branch_id')} />
        )}
      </div>
      <TextAreaField label={t('projectForm.description')} name="description" rows={4} value={draft.description}
        onChange={(e) => set('description', e.target.value)} error={errs.errorFor('description')} />
      <div className="form__row">
        <SelectField label={t('projectForm.status')} name="status" value={draft.status}
          options={projectStatuses.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
          onChange={(e) => set('status', e.target.value as ProjectStatus)} error={errs.errorFor('status')} />
        <SelectField label={t('projectForm.owner')} name="owner_id" value={draft.owner_id} options={ownerOptions}
          onChange={(e) => set('owner_id', e.target.value)} error={errs.errorFor('owner_id')} />
      </div>
      <div className="form__row">
        <TextField label={t('projectForm.startDate')} name="start_date" type="date" value={draft.start_date}
          onChange={(e) => set('start_date', e.target.value)} error={errs.errorFor('start_date')} />
        <TextField label={t('projectForm.endDate')} name="end_date" type="date" value={draft.end_date}
          onChange={(e) => set('end_date', e.target.value)} error={errs.errorFor('end_date')} />
      </div>
      <TagPicker legend={t('projectForm.tags')} tags={tags.data?.items ?? []} value={draft.tag_ids}
        onChange={(ids) => set('tag_ids', ids)} error={errs.errorFor('tag_ids')} />
      <div className="form__actions form__actions--end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={save.isPending}>{project ? t('projectForm.save') : t('projectForm.create')}</Button>
      </div>
    </form>
  );
}
