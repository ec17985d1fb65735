import { Card, EmptyState, PageHeader } from '@/components';
import { useT } from '@/lib/i18n';

/** ReviewQueuePage is the route at paths.reviewQueue; a first version that says what it will show. */
export function ReviewQueuePage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('reviewQueue.title')} />
      <Card>
        <EmptyState title={t('reviewQueue.empty')} />
      </Card>
    </>
  );
}
