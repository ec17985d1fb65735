import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, EmptyState, FormError, HealthBadge, Loading, PageHeader } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth';
import { ObjectivesCard } from '@/features/objectives';
import { PlacementChecklist } from '@/features/checklists';
import { isApiError } from '@/lib/api';
import { formatDate, useI18n } from '@/lib/i18n';
import { useStreams } from '../api/get-streams';
import { useTimeline } from '../api/get-timeline';
import { Gantt } from '../components/gantt';
import { streamClass } from '../components/labels';
import { TimelineTable } from '../components/timeline-table';
import { dayNumber, todayNumber } from '../lib/dates';
import '../timeline.css';

/**
 * TimelinePage is one placement's Gantt chart over its six months, with
 * the same data as tables (for screen readers always, on screen on
 * request) and a link to the handover report. Whoever may read the
 * placement may open it; the server decides (404 otherwise).
 */
export function TimelinePage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const timeline = useTimeline(valid ? id : 0);
  const streams = useStreams();
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();

  if (!valid || (isApiError(timeline.error) && timeline.error.status === 404)) {
    return (
      <>
        <PageHeader title={t('timeline.title')} />
        <Card><EmptyState title={t('timeline.notFound')} /></Card>
      </>
    );
  }
  if (timeline.isPending || streams.isPending) return <><PageHeader title={t('timeline.title')} /><Loading /></>;
  if (timeline.error || streams.error) return <><PageHeader title={t('timeline.title')} /><FormError error={timeline.error ?? streams.error} /></>;

  const tl = timeline.data;
  const p = tl.placement;
  const streamList = streams.data.items;
  const order = streamList.map((s) => s.id);
  const used = streamList.filter((s) => tl.tasks.some((x) => x.stream_id === s.id));
  const overdue = tl.tasks.filter((x) => x.overdue).length;
  const today = todayNumber();
  const inside = today >= dayNumber(p.start_date) && today <= dayNumber(p.end_date);

  return (
    <>
      <PageHeader
        title={t('timeline.titleOf', { name: p.intern_name })}
        subtitle={t('timeline.subtitle', { from: formatDate(p.start_date, locale, 'long'), to: formatDate(p.end_date, locale, 'long'), supervisor: p.supervisor_name })}
        actions={<Link className="btn" to={paths.placementHandover.to(p.id)}>{t('timeline.handover')}</Link>} />

      <Card>
        <div className="tl-summary">
          <span className={`badge badge--state-${p.state}`}>{t(`placementState.${p.state}`)}</span>
          {p.state === 'active' && <HealthBadge health={p.health} />}
          <span>{t('timeline.summary', { count: tl.tasks.length, overdue, milestones: tl.milestones.length })}</span>
          {!inside && <span className="tl-muted">{t('timeline.todayOutside')}</span>}
        </div>
        {used.length > 0 && (
          <ul className="tl-legend" aria-label={t('timeline.legend')}>
            {used.map((s) => (
              <li key={s.id}><span className={`tl-swatch ${streamClass(s.id, order)}`} aria-hidden="true" />{s.name}</li>
            ))}
            <li><span className="tl-swatch tl-swatch--overdue" aria-hidden="true" />{t('timeline.overdue')}</li>
            <li><span className="tl-swatch tl-swatch--ms" aria-hidden="true" />{t('timeline.milestone')}</li>
          </ul>
        )}
        <div className="tl-scroll">
          <Gantt timeline={tl} streams={streamList} />
        </div>
        <p className="tl-hint">{t('timeline.keyboardHint')}</p>
        <div className="tl-actions">
          <Button variant="ghost" size="sm" aria-expanded={tableShown} aria-controls={tableId} onClick={() => setTableShown((v) => !v)}>
            {tableShown ? t('timeline.hideTable') : t('timeline.showTable')}
          </Button>
        </div>
        <TimelineTable timeline={tl} streams={streamList} id={tableId} shown={tableShown} />
      </Card>
      <div className="objectives-block">
        <ObjectivesCard placementId={p.id} tasks={tl.tasks}
          canEdit={user.role === 'admin' || (user.role === 'supervisor' && user.branch_id === p.branch_id)} />
      </div>
      <PlacementChecklist placementId={p.id} canTick={user.role !== 'leadership'} />
    </>
  );
}
