import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Dialog, EmptyState, FormError, Loading, ProgressBar, StatusBadge } from '@/components';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';
import { useDeleteObjective, useObjectives, type Objective } from '../api/objectives';
import { ObjectiveForm, type LinkableTask } from './objective-form';
import '../objectives.css';

/**
 * ObjectivesCard shows a placement's learning objectives, each with its
 * progress rolled up from its linked tasks. With canEdit (an admin or a
 * supervisor of the branch; the server decides again) it adds, edits,
 * links tasks to and deletes them.
 */
export function ObjectivesCard({ placementId, canEdit, tasks = [] }: {
  placementId: number; canEdit: boolean; tasks?: readonly LinkableTask[];
}) {
  const t = useT();
  const objectives = useObjectives(placementId);
  const [editing, setEditing] = useState<Objective | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Objective | null>(null);
  const del = useDeleteObjective(placementId);
  const items = objectives.data?.items ?? [];

  return (
    <Card title={t('objectives.title')} description={t('objectives.description')}
      footer={canEdit ? <Button variant="primary" size="sm" onClick={() => setEditing('new')}>{t('objectives.add')}</Button> : undefined}>
      {objectives.isPending && <Loading />}
      {objectives.error && <FormError error={objectives.error} />}
      {objectives.data && items.length === 0 && (
        <EmptyState title={t('objectives.none')}>{canEdit ? t('objectives.noneHintEditor') : t('objectives.noneHint')}</EmptyState>
      )}
      {items.length > 0 && (
        <ul className="objectives" aria-label={t('objectives.title')}>
          {items.map((o) => (
            <li key={o.id} className="objective">
              <div className="objective__head">
                <h3 className="objective__title">{o.title}</h3>
                {canEdit && (
                  <div className="objective__actions">
                    <Button size="sm" variant="ghost" onClick={() => setEditing(o)} aria-label={t('objectives.editNamed', { title: o.title })}>{t('objectives.edit')}</Button>
                    <Button size="sm" variant="ghost" onClick={() => setDeleting(o)} aria-label={t('objectives.deleteNamed', { title: o.title })}>{t('objectives.delete')}</Button>
                  </div>
                )}
              </div>
              {o.description && <p className="objective__desc">{o.description}</p>}
              <ProgressBar value={o.progress_pct} label={t('objectives.progressOf', { title: o.title })} />
              <p className="objective__count">{t('objectives.doneOf', { done: o.done_count, count: o.task_count })}</p>
              {o.tasks.length > 0 && (
                <ul className="objective__tasks" aria-label={t('objectives.linkedTasksOf', { title: o.title })}>
                  {o.tasks.map((x) => (
                    <li key={x.id}>
                      <Link to={paths.task.to(x.id)}>{x.title}</Link>
                      <StatusBadge status={x.status} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog open={editing !== null} title={editing === 'new' ? t('objectives.newTitle') : t('objectives.editTitle')} onClose={() => setEditing(null)}>
        {editing !== null && (
          <ObjectiveForm placementId={placementId} objective={editing === 'new' ? undefined : editing} tasks={tasks} onDone={() => setEditing(null)} />
        )}
      </Dialog>
      <Dialog open={deleting !== null} title={t('objectives.deleteTitle')} onClose={() => setDeleting(null)}
        footer={(
          <>
            <Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button>
            <Button variant="danger" busy={del.isPending}
              onClick={() => deleting && del.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}>{t('objectives.delete')}</Button>
          </>
        )}>
        <p>{t('objectives.deleteBody', { title: deleting?.title ?? '' })}</p>
        {del.error && <FormError error={del.error} />}
      </Dialog>
    </Card>
  );
}
