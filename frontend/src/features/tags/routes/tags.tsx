import { Card, EmptyState, PageHeader } from '@/components';
import { useT } from '@/lib/i18n';

/** TagsPage is the route at paths.tags; a first version that says what it will show. */
export function TagsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('tags.title')} />
      <Card>
        <EmptyState title={t('tags.empty')} />
      </Card>
    </>
  );
}
