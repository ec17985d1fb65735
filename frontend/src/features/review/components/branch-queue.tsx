import { Fragment, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Card, EmptyState, FormError, Loading, PageHeader, Pagination, SelectField, type Page } from '@/components';
import { useCurrentUser } from '@/features/auth';
import { scopedBranch, useBranches } from '@/features/projects';
import { positiveInt, useQueryState } from '@/hooks/use-query-state';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import '@/features/projects/projects.css';
import '../review.css';

/** QueueScope is what a queue page reads from the URL: the branch it shows and the page. */
export type QueueScope = { isAdmin: boolean; branchId: number | undefined; page: number; set: ReturnType<typeof useQueryState>['set'] };

/**
 * useQueueScope is the branch a queue shows (an admin's choice in ?branch=,
 * none: every branch; anyone else: their own) and the page (?page=).
 */
export function useQueueScope(): QueueScope {
  const user = useCurrentUser();
  const { params, set } = useQueryState();
  return { isAdmin: user.role === 'admin', branchId: scopedBranch(params, user), page: positiveInt(params.get('page')) ?? 1, set };
}

type Item = { id: number; version: number };

type BranchQueueProps<T extends Item> = {
  scope: QueueScope;
  queue: UseQueryResult<Page & { items: T[] }>;
  title: string;
  /** subtitle says how many wait (total > 0), else what the queue is, naming the branch shown if any. */
  subtitle: (total: number, branch: Schemas['Branch'] | undefined) => string;
  filtersLabel: string;
  empty: string;
  emptyHint: string;
  /** renderItem draws one item; onDone announces what was done to it in the status line. */
  renderItem: (item: T, onDone: (message: string) => void) => ReactNode;
};

/**
 * BranchQueue is the layout of a supervisor's queue (tasks in review,
 * weekly reports to review): the admin's branch filter, a status line that
 * announces each decision, the loading, error and empty states, the list
 * and its pages.
 */
export function BranchQueue<T extends Item>({ scope, queue, title, subtitle, filtersLabel, empty, emptyHint, renderItem }: BranchQueueProps<T>) {
  const t = useT();
  const branches = useBranches();
  const [message, setMessage] = useState<string | null>(null);
  const branch = branches.data?.items.find((b) => b.id === scope.branchId);

  return (
    <>
      <PageHeader title={title} subtitle={subtitle(queue.data?.total ?? 0, branch)} />
      <div className="stack">
        {scope.isAdmin && (
          <form className="filters" aria-label={filtersLabel} onSubmit={(e) => e.preventDefault()}>
            <SelectField label={t('projects.branch')} value={scope.branchId ? String(scope.branchId) : ''}
              options={[{ value: '', label: t('projects.allBranches') }, ...(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))]}
              onChange={(e) => scope.set({ branch: e.target.value })} />
          </form>
        )}
        <p className={message ? 'form__status' : 'visually-hidden'} role="status">{message}</p>
        {queue.isPending ? <Loading /> : queue.error ? <FormError error={queue.error} /> : queue.data.items.length === 0 ? (
          <Card>
            <EmptyState title={empty}>{emptyHint}</EmptyState>
          </Card>
        ) : (
          <div>
            <ul className="review-list">
              {queue.data.items.map((item) => <Fragment key={`${item.id}:${item.version}`}>{renderItem(item, setMessage)}</Fragment>)}
            </ul>
            <Pagination page={queue.data} onPageChange={(n) => scope.set({ page: n })} />
          </div>
        )}
      </div>
    </>
  );
}
