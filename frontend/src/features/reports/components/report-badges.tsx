import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import '../reports.css';

const stateIcon: Record<Schemas['ReportState'], string> = { draft: '✎', submitted: '◷', accepted: '✓', needs_revision: '↺' };

/** ReportStateBadge is a weekly report's state: words and a shape, never colour alone. */
export function ReportStateBadge({ state }: { state: Schemas['ReportState'] }) {
  const t = useT();
  return (
    <span className={`badge report-badge report-badge--${state}`}>
      <span aria-hidden="true" className="badge__icon">{stateIcon[state]}</span>
      {t(`reports.state.${state}`)}
    </span>
  );
}

/** StaleBadge says a placement has gone quiet (no progress log nor submitted report for 14 days); nothing otherwise. */
export function StaleBadge({ placement }: { placement: Pick<Schemas['Placement'], 'stale' | 'days_quiet'> }) {
  const t = useT();
  if (!placement.stale) return null;
  return (
    <span className="badge report-badge report-badge--stale" title={t('reports.staleHint', { days: placement.days_quiet })}>
      <span aria-hidden="true" className="badge__icon">⏸</span>
      {t('reports.stale')}
      <span className="visually-hidden">: {t('reports.staleHint', { days: placement.days_quiet })}</span>
    </span>
  );
}
