import { Card, EmptyState, PageHeader } from '@/components';
import { useT } from '@/lib/i18n';

/** MyInternsPage is the route at paths.myInterns; a first version that says what it will show. */
export function MyInternsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('myInterns.title')} />
      <Card>
        <EmptyState title={t('myInterns.empty')} />
      </Card>
    </>
  );
}
