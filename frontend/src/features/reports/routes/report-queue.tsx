import { BranchQueue, useQueueScope } from '@/features/review/components/branch-queue';
import { useT } from '@/lib/i18n';
import { useReportQueue } from '../api/reports';
import { ReportReviewItem } from '../components/report-review-item';
import '../reports.css';

/**
 * ReportQueuePage lists the weekly reports submitted in the supervisor's
 * branch (an admin: every branch, or one), the oldest week first, to
 * accept or send back for revision with a comment.
 */
export function ReportQueuePage() {
  const t = useT();
  const scope = useQueueScope();
  const queue = useReportQueue({ branch_id: scope.branchId, page: scope.page });

  return (
    <BranchQueue scope={scope} queue={queue} title={t('reports.queueTitle')}
      subtitle={(total) => total > 0 ? t('reports.queueCount', { count: total }) : t('reports.queueSubtitle')}
      filtersLabel={t('reports.queueFilters')} empty={t('reports.queueEmpty')} emptyHint={t('reports.queueEmptyHint')}
      renderItem={(report, onDone) => <ReportReviewItem report={report} onDone={onDone} />} />
  );
}
