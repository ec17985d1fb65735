import { useState } from 'react';
import { Card, EmptyState, FormError, Loading, PageHeader, Pagination, SelectField } from '@/components';
import { useCurrentUser } from '@/features/auth';
import { scopedBranch, useBranches, useProjectTitles } from '@/features/projects';
import { positiveInt, useQueryState } from '@/hooks/use-query-state';
import { useT } from '@/lib/i18n';
import { useReviewQueue } from '../api/review';
import { ReviewItem } from '../components/review-item';
import '@/features/projects/projects.css';
import '../review.css';

/**
 * ReviewQueuePage lists the tasks in review of the supervisor's branch (an
 * admin: every branch, or one), the longest waiting first, to accept or
 * send back with a comment.
 */
export function ReviewQueuePage() {
  const t = useT();
  const user = useCurrentUser();
  const { params, set } = useQueryState();
  const branches = useBranches();
  const isAdmin = user.role === 'admin';
  const branchId = scopedBranch(params, user);
  const page = positiveInt(params.get('page')) ?? 1;
  const queue = useReviewQueue({ branch_id: branchId, page });
  const titles = useProjectTitles(queue.data?.items.map((x) => x.project_id) ?? []);
  const [message, setMessage] = useState<string | null>(null);
  const branch = branches.data?.items.find((b) => b.id === branchId);

  return (
    <>
      <PageHeader title={t('review.title')}
        subtitle={queue.data && queue.data.total > 0
          ? t('review.subtitleCount', { count: queue.data.total })
          : branch ? t('review.subtitleBranch', { branch: branch.name }) : t('review.subtitle')} />
      <div className="stack">
        {isAdmin && (
          <form className="filters" aria-label={t('review.filters')} onSubmit={(e) => e.preventDefault()}>
            <SelectField label={t('projects.branch')} value={branchId ? String(branchId) : ''}
              options={[{ value: '', label: t('projects.allBranches') }, ...(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))]}
              onChange={(e) => set({ branch: e.target.value })} />
          </form>
        )}
        <p className={message ? 'form__status' : 'visually-hidden'} role="status">{message}</p>
        {queue.isPending ? <Loading /> : queue.error ? <FormError error={queue.error} /> : queue.data.items.length === 0 ? (
          <Card>
            <EmptyState title={t('review.empty')}>{t('review.emptyHint')}</EmptyState>
          </Card>
        ) : (
          <div>
            <ul className="review-list">
              {queue.data.items.map((task) => (
                <ReviewItem key={`${task.id}:${task.version}`} task={task} projectTitle={titles.get(task.project_id)} onDone={setMessage} />
              ))}
            </ul>
            <Pagination page={queue.data} onPageChange={(n) => set({ page: n })} />
          </div>
        )}
      </div>
    </>
  );
}
