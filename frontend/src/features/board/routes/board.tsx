import { lazy, Suspense, type ReactNode } from 'react';
import { Button, DateTimeText, FormError, Loading, PageHeader } from '@/components';
import { useQueryState } from '@/hooks/use-query-state';
import { isApiError } from '@/lib/api';
import { formatDate, useI18n } from '@/lib/i18n';
import { todayISO } from '../components/placement-order';
import { useBoard, type BoardQuery } from '../api/get-board';
import { useBranches, useStreams } from '../api/get-reference';
import { BoardFilters } from '../components/board-filters';
import { BoardMatrix } from '../components/board-matrix';
import { EndingSoon } from '../components/ending-soon';
import { PlacementsSection } from '../components/placements-section';
import { RecentActivity } from '../components/recent-activity';
import { DueEvaluations } from '@/features/evaluations/components/due-evaluations';
import '../board.css';

// The charts and their library come in a chunk of their own, after the rest of the board.
const BoardCharts = lazy(() => import('../components/board-charts').then((m) => ({ default: m.BoardCharts })));

const idParam = (v: string | null): number | undefined => {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
};

/** boardQueryOf reads ?branch=&stream=&as_of=YYYY-MM-DD into the board query (anything else is ignored). */
export function boardQueryOf(sp: URLSearchParams): BoardQuery {
  const q: BoardQuery = {};
  const branch = idParam(sp.get('branch'));
  const stream = idParam(sp.get('stream'));
  const asOf = sp.get('as_of');
  if (branch) q.branch_id = branch;
  if (stream) q.stream_id = stream;
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) q.as_of = asOf;
  return q;
}

/** BoardSection is one titled block of the board; later sections (charts, timelines) slot in the same way. */
function BoardSection({ id, title, description, children, className }: { id: string; title: string; description?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card board-section ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <div className="card__header">
        <h2 id={`${id}-title`} className="card__title">{title}</h2>
        {description && <p className="card__description">{description}</p>}
      </div>
      <div className="card__body">{children}</div>
    </section>
  );
}

/**
 * BoardPage is the status board: tasks per stream and branch, interns and
 * how their placements are going, placements ending within 30 days and the
 * latest activity. Leadership's home; supervisors and admins see it too.
 */
export function BoardPage() {
  const { t, locale } = useI18n();
  const today = todayISO();
  // Pushed, not replaced: Back returns to the previous filters or day.
  const { params, set: setFilters } = useQueryState({ history: 'push' });
  const query = boardQueryOf(params);
  const board = useBoard(query);
  const branches = useBranches();
  const streams = useStreams();
  const branchList = branches.data?.items ?? [];
  const streamList = streams.data?.items ?? [];

  const loading = board.isPending || branches.isPending || streams.isPending;
  const error = board.error ?? branches.error ?? streams.error;

  return (
    <div className="board-page">
      <PageHeader title={t('board.title')}
        subtitle={board.data ? <>{t('board.updated')} <DateTimeText value={board.data.generated_at} relative /></> : t('board.subtitle')}
        actions={<>
          <Button onClick={() => window.print()} title={t('board.printHint')}>{t('board.print')}</Button>
          <Button onClick={() => void board.refetch()} busy={board.isFetching && !board.isPending}>{t('board.refresh')}</Button>
        </>} />

      <BoardFilters branch={query.branch_id ? String(query.branch_id) : ''} stream={query.stream_id ? String(query.stream_id) : ''}
        asOf={query.as_of ?? ''} today={today} branches={branchList} streams={streamList} onChange={setFilters} />

      {query.as_of && board.data && (
        <div className="banner board-asof" role="status">
          <p className="banner__title">{t('board.asOfBanner', { date: formatDate(board.data.as_of, locale, 'long') })}</p>
          <div className="banner__actions">
            <Button size="sm" onClick={() => setFilters({ as_of: '' })}>{t('board.backToToday')}</Button>
          </div>
        </div>
      )}

      {loading ? (
        <Loading />
      ) : error || !board.data ? (
        <div className="stack">
          {isApiError(error) && error.code === 'validation_failed' && (query.branch_id || query.stream_id || query.as_of) ? (
            // A shared link naming a branch or stream that is no more.
            <div className="banner banner--error" role="alert">
              <p className="banner__title">{t('board.filters.unknown')}</p>
              <div className="banner__actions">
                <Button size="sm" onClick={() => setFilters({ branch: '', stream: '', as_of: '' })}>{t('board.filters.clear')}</Button>
              </div>
            </div>
          ) : (
            <>
              <FormError error={error} />
              <div className="board-error-actions">
                <Button onClick={() => void board.refetch()}>{t('common.retry')}</Button>
              </div>
            </>
          )}
        </div>
      ) : (
        <div className="board-grid" aria-busy={board.isFetching || undefined}>
          <BoardSection id="board-matrix" className="board-grid__wide" title={t('board.matrix.title')} description={t('board.matrix.description')}>
            <BoardMatrix cells={board.data.cells} streams={streamList} branches={branchList} asOf={board.data.as_of} />
            <p className="board-legend">{t('board.matrix.legend')}</p>
          </BoardSection>
          <div className="board-grid__wide board-grid__charts">
            <Suspense fallback={<Loading />}>
              <BoardCharts cells={board.data.cells} streams={streamList} weeks={board.data.weekly_completions} asOf={board.data.as_of} />
            </Suspense>
          </div>
          <BoardSection id="board-interns" className="board-grid__interns" title={t('board.placements.title')} description={t('board.placements.description')}>
            <PlacementsSection placements={board.data.active_placements} branches={branchList} />
          </BoardSection>
          <div className="board-grid__side">
            <BoardSection id="board-ending" title={t('board.endingSoon.title')} description={t('board.endingSoon.description')}>
              <EndingSoon placements={board.data.ending_soon} branches={branchList} asOf={board.data.as_of} />
            </BoardSection>
            <BoardSection id="board-evaluations" title={t('evaluations.dueTitle')} description={t('evaluations.dueDescription')}>
              <DueEvaluations items={board.data.evaluations_due.map((e) => ({ ...e, id: e.evaluation_id }))} printCap={6} />
            </BoardSection>
            <BoardSection id="board-activity" className="board-noprint" title={t('board.activity.title')}>
              <RecentActivity items={board.data.recent_activity} />
            </BoardSection>
          </div>
        </div>
      )}
    </div>
  );
}
