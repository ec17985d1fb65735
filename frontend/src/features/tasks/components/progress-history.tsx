import { DateTimeText, EmptyState, FormError, Loading, NumberText, Pagination } from '@/components';
import { useT } from '@/lib/i18n';
import { useProgress } from '../api/get-progress';

/** ProgressHistory is a task's progress log, newest first, a page at a time. */
export function ProgressHistory({ taskId, page, onPageChange, canLog }: {
  taskId: number; page: number; onPageChange: (p: number) => void; canLog: boolean;
}) {
  const t = useT();
  const { data, error, isPending } = useProgress(taskId, page);
  if (isPending) return <Loading />;
  if (error) return <FormError error={error} />;
  if (data.items.length === 0 && page === 1) {
    return <EmptyState title={t('taskPage.historyEmpty')}>{canLog ? t('taskPage.historyEmptyHint') : null}</EmptyState>;
  }
  return (
    <>
      <ol className="log-list" aria-label={t('taskPage.historyTitle')}>
        {data.items.map((e) => (
          <li key={e.id} className="log-entry">
            <div className="log-entry__head">
              <span className="log-entry__author">{e.author_name}</span>
              <span className="log-entry__time"><DateTimeText value={e.created_at} /></span>
              <span className="log-entry__figures">
                <span className="pill"><NumberText value={e.progress} percent /></span>
                {e.hours !== null && <span className="pill pill--neutral">{t('taskPage.entryHours', { count: e.hours })}</span>}
              </span>
            </div>
            {e.note && <p className="log-entry__note prewrap">{e.note}</p>}
          </li>
        ))}
      </ol>
      <Pagination page={data} onPageChange={onPageChange} />
    </>
  );
}
