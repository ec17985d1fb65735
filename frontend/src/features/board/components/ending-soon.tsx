import { Link } from 'react-router';
import { DateText, HealthBadge, PrintMore, printRowClass } from '@/components';
import { paths } from '@/config/paths';
import type { Schemas } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { daysUntil, type Placement } from './placement-order';

// Paper keeps the soonest few: the list shares its column with the evaluations due.
const endingPrintCap = 4;

/** EndingSoon lists the placements ending within 30 days, soonest first, with the days left. */
export function EndingSoon({ placements, branches, asOf }: { placements: readonly Placement[]; branches: readonly Schemas['Branch'][]; asOf?: string }) {
  const { t, locale } = useI18n();
  const code = new Map(branches.map((b) => [b.id, b.code]));
  if (placements.length === 0) return <p className="board-empty">{t('board.endingSoon.empty')}</p>;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const sorted = [...placements].sort((a, b) => a.end_date.localeCompare(b.end_date));
  return (
    <>
      <ul className="board-ending">
        {sorted.map((p, i) => {
          const days = daysUntil(p.end_date, asOf ? new Date(`${asOf}T12:00:00`) : undefined);
          return (
            <li key={p.id} className={`board-ending__item ${printRowClass(i, endingPrintCap)}`}>
              <div className="board-ending__who">
                <Link className="board-prow__name" to={paths.placementTimeline.to(p.id)} title={t('board.placements.timelineOf', { name: p.intern_name })}>{p.intern_name}</Link>
                <span className="board-prow__meta">
                  {code.get(p.branch_id) && <span className="board-prow__branch">{code.get(p.branch_id)}</span>}
                  {t('board.endingSoon.ends')} <DateText value={p.end_date} />
                </span>
              </div>
              <div className="board-ending__when">
                <span className={days <= 7 ? 'board-ending__days board-ending__days--close' : 'board-ending__days'}>{rtf.format(days, 'day')}</span>
                <HealthBadge health={p.health} />
              </div>
            </li>
          );
        })}
      </ul>
      <PrintMore total={sorted.length} cap={endingPrintCap} />
    </>
  );
}
