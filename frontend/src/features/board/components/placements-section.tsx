import { Link } from 'react-router';
import { DateTimeText, HealthBadge, PrintMore, ProgressBar, printRowClass } from '@/components';
import { paths } from '@/config/paths';
import { StaleBadge } from '@/features/reports';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { byAttention, type Placement } from './placement-order';

/** PlacementsSection lists the active placements: those at risk or off track first, then the rest. */
export function PlacementsSection({ placements, branches }: { placements: readonly Placement[]; branches: readonly Schemas['Branch'][] }) {
  const t = useT();
  const { attention, onTrack } = byAttention(placements);
  const code = new Map(branches.map((b) => [b.id, b.code]));
  if (placements.length === 0) return <p className="board-empty">{t('board.placements.empty')}</p>;
  return (
    <div className="board-placements">
      <PlacementGroup title={t('board.placements.attention', { count: attention.length })} items={attention} code={code}
        empty={t('board.placements.noAttention')} tone="attention" />
      <PlacementGroup title={t('board.placements.onTrack', { count: onTrack.length })} items={onTrack} code={code}
        empty={t('board.placements.noneOnTrack')} tone="ok" />
    </div>
  );
}

function PlacementGroup({ title, items, code, empty, tone }: { title: string; items: Placement[]; code: Map<number, string>; empty: string; tone: 'attention' | 'ok' }) {
  return (
    <div className={`board-pgroup board-pgroup--${tone}`}>
      <h3 className="board-pgroup__title">{title}</h3>
      {items.length === 0 ? <p className="board-empty">{empty}</p> : (
        <>
          <ul className="board-plist">
            {items.map((p, i) => <PlacementRow key={p.id} p={p} branch={code.get(p.branch_id) ?? ''} className={printRowClass(i)} />)}
          </ul>
          <PrintMore total={items.length} />
        </>
      )}
    </div>
  );
}

function PlacementRow({ p, branch, className }: { p: Placement; branch: string; className: string }) {
  const t = useT();
  return (
    <li className={`board-prow board-prow--${p.health} ${className}`}>
      <div className="board-prow__who">
        <Link className="board-prow__name" to={paths.placementTimeline.to(p.id)} title={t('board.placements.timelineOf', { name: p.intern_name })}>{p.intern_name}</Link>
        <span className="board-prow__meta">
          {branch && <span className="board-prow__branch">{branch}</span>}
          {t('board.placements.supervisor', { name: p.supervisor_name })}
        </span>
      </div>
      <div className="board-prow__status">
        <span className="board-prow__month">{t('board.placements.month', { month: p.month })}</span>
        <HealthBadge health={p.health} />
        <StaleBadge placement={p} />
      </div>
      <div className="board-prow__bars">
        <div className="board-bar">
          <span className="board-bar__label" aria-hidden="true">{t('board.placements.progress')}</span>
          <ProgressBar value={p.progress_pct} label={t('board.placements.progressOf', { name: p.intern_name })} />
        </div>
        <div className="board-bar board-bar--elapsed">
          <span className="board-bar__label" aria-hidden="true">{t('board.placements.elapsed')}</span>
          <ProgressBar value={p.elapsed_pct} label={t('board.placements.elapsedOf', { name: p.intern_name })} />
        </div>
      </div>
      <p className="board-prow__log">
        {p.last_log_at
          ? <>{t('board.placements.lastLog')} <DateTimeText value={p.last_log_at} relative /></>
          : t('board.placements.neverLogged')}
      </p>
    </li>
  );
}
