import { Card, EmptyState, PageHeader } from '@/components';
import { useT } from '@/lib/i18n';

/** MyTasksPage is the route at paths.myTasks; a first version that says what it will show. */
export function MyTasksPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('myTasks.title')} />
      <Card>
        <EmptyState title={t('myTasks.empty')} />
      </Card>
    </>
  );
}
