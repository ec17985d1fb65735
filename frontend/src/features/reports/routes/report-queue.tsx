import { useState } from 'react';
import { Card, EmptyState, FormError, Loading, PageHeader, Pagination, SelectField } from '@/components';
import { useCurrentUser } from '@/features/auth';
import { scopedBranch, useBranches } from '@/features/projects';
import { positiveInt, useQueryState } from '@/hooks/use-query-state';
import { useT } from '@/lib/i18n';
import { useReportQueue } from '../api/reports';
import { ReportReviewItem } from '../components/report-review-item';
import '@/features/projects/projects.css';
import '@/features/review/review.css';
import '../reports.css';

/**
 * ReportQueuePage lists the weekly reports submitted in the supervisor's
 * branch (an admin: every branch, or one), the oldest week first, to
 * accept or send back for revision with a comment.
 */
export function ReportQueuePage() {
  const t = useT();
  const user = useCurrentUser();
  const { params, set } = useQueryState();
  const branches = useBranches();
  const isAdmin = user.role === 'admin';
  const branchId = scopedBranch(params, user);
  const page = positiveInt(params.get('page')) ?? 1;
  const queue = useReportQueue({ branch_id: branchId, page });
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t('reports.queueTitle')}
        subtitle={queue.data && queue.data.total > 0 ? t('reports.queueCount', { count: queue.data.total }) : t('reports.queueSubtitle')} />
      <div className="stack">
        {isAdmin && (
          <form className="filters" aria-label={t('reports.queueFilters')} onSubmit={(e) => e.preventDefault()}>
            <SelectField label={t('projects.branch')} value={branchId ? String(branchId) : ''}
              options={[{ value: '', label: t('projects.allBranches') }, ...(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))]}
              onChange={(e) => set({ branch: e.target.value })} />
          </form>
        )}
        <p className={message ? 'form__status' : 'visually-hidden'} role="status">{message}</p>
        {queue.isPending ? <Loading /> : queue.error ? <FormError error={queue.error} /> : queue.data.items.length === 0 ? (
          <Card>
            <EmptyState title={t('reports.queueEmpty')}>{t('reports.queueEmptyHint')}</EmptyState>
          </Card>
        ) : (
          <div>
            <ul className="review-list">
              {queue.data.items.map((r) => <ReportReviewItem key={`${r.id}:${r.version}`} report={r} onDone={setMessage} />)}
            </ul>
            <Pagination page={queue.data} onPageChange={(n) => set({ page: n })} />
          </div>
        )}
      </div>
    </>
  );
}
