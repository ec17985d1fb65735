import { Card, EmptyState, PageHeader } from '@/components';
import { useT } from '@/lib/i18n';

/** MyPlacementPage is the route at paths.myPlacement; a first version that says what it will show. */
export function MyPlacementPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('myPlacement.title')} />
      <Card>
        <EmptyState title={t('myPlacement.empty')} />
      </Card>
    </>
  );
}
