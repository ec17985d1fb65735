import { useProjectTitles } from '@/features/projects';
import { useT } from '@/lib/i18n';
import { useReviewQueue } from '../api/review';
import { BranchQueue, useQueueScope } from '../components/branch-queue';
import { ReviewItem } from '../components/review-item';

/**
 * ReviewQueuePage lists the tasks in review of the supervisor's branch (an
 * admin: every branch, or one), the longest waiting first, to accept or
 * send back with a comment.
 */
export function ReviewQueuePage() {
  const t = useT();
  const scope = useQueueScope();
  const queue = useReviewQueue({ branch_id: scope.branchId, page: scope.page });
  const titles = useProjectTitles(queue.data?.items.map((x) => x.project_id) ?? []);

  return (
    <BranchQueue scope={scope} queue={queue} title={t('review.title')}
      subtitle={(total, branch) => total > 0
        ? t('review.subtitleCount', { count: total })
        : branch ? t('review.subtitleBranch', { branch: branch.name }) : t('review.subtitle')}
      filtersLabel={t('review.filters')} empty={t('review.empty')} emptyHint={t('review.emptyHint')}
      renderItem={(task, onDone) => <ReviewItem task={task} projectTitle={titles.get(task.project_id)} onDone={onDone} />} />
  );
}
