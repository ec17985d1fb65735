import { Card, EmptyState, PageHeader } from '@/components';
import { useT } from '@/lib/i18n';

/** PlacementsPage is the route at paths.placements; a first version that says what it will show. */
export function PlacementsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('placements.title')} />
      <Card>
        <EmptyState title={t('placements.empty')} />
      </Card>
    </>
  );
}
