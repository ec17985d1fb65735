import { Card, EmptyState, PageHeader } from '@/components';
import { useT } from '@/lib/i18n';

/** ProjectsPage is the route at paths.projects; a first version that says what it will show. */
export function ProjectsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('projects.title')} />
      <Card>
        <EmptyState title={t('projects.empty')} />
      </Card>
    </>
  );
}
