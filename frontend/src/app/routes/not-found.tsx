import { Link } from 'react-router';
import { Card, EmptyState, PageHeader } from '@/components';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';

/** NotFoundPage answers every path the route table does not know. */
export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Card>
        <EmptyState title={t('notFound.body')} action={<Link className="btn btn--primary" to={paths.home.path}>{t('notFound.home')}</Link>} />
      </Card>
    </>
  );
}
