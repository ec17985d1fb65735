import { Card, EmptyState, PageHeader } from '@/components';
import { useT } from '@/lib/i18n';

/** UsersPage is the route at paths.users; a first version that says what it will show. */
export function UsersPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('users.title')} />
      <Card>
        <EmptyState title={t('users.empty')} />
      </Card>
    </>
  );
}
