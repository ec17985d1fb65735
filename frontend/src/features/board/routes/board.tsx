import { Card, EmptyState, PageHeader } from '@/components';
import { useT } from '@/lib/i18n';

/** BoardPage is the route at paths.board; a first version that says what it will show. */
export function BoardPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('board.title')} />
      <Card>
        <EmptyState title={t('board.empty')} />
      </Card>
    </>
  );
}
