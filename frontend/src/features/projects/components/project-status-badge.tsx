import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';

/** ProjectStatusBadge is a project's status in words. */
export function ProjectStatusBadge({ status }: { status: Schemas['ProjectStatus'] }) {
  const t = useT();
  return <span className={`badge badge--project-${status}`}>{t(`projectStatus.${status}`)}</span>;
}
