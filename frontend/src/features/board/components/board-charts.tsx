// The board's two charts, loaded lazily with Chartist (docs/decisions/0009-charts.md):
// tasks by status in each stream (stacked bars) and the tasks completed in
// each of the last 26 ISO weeks. Each chart is decorative for assistive
// technology and comes with its summary in words and a visually hidden table.
import type { BarChartData, BarChartOptions } from 'chartist';
import { useMemo } from 'react';
import type { Schemas } from '@/lib/api';
import { formatDate, useI18n } from '@/lib/i18n';
import type { BoardCell } from './cell-health';
import { ChartistBar } from './chartist-bar';
import { showTick, stackOrder, statusByStream, statusTotals, weeklyStats, weekPoints } from './chart-data';
import './board-charts.css';

type Props = {
  cells: readonly BoardCell[];
  streams: readonly Schemas['Stream'][];
  weeks: readonly Schemas['BoardWeek'][];
  asOf: string;
};

/** BoardCharts is the two chart sections of the board. */
export function BoardCharts({ cells, streams, weeks, asOf }: Props) {
  const { t, locale } = useI18n();
  return (
    <div className="board-charts">
      <section className="card board-section board-chart" aria-labelledby="board-chart-status-title">
        <div className="card__header">
          <h2 id="board-chart-status-title" className="card__title">{t('boardCharts.statusTitle')}</h2>
          <p className="card__description">{t('boardCharts.statusDescription')}</p>
        </div>
        <div className="card__body"><StatusChart cells={cells} streams={streams} /></div>
      </section>
      <section className="card board-section board-chart" aria-labelledby="board-chart-weekly-title">
        <div className="card__header">
          <h2 id="board-chart-weekly-title" className="card__title">{t('boardCharts.weeklyTitle')}</h2>
          <p className="card__description">{t('boardCharts.weeklyDescription', { date: formatDate(weeks.at(-1)?.start ?? asOf, locale, 'medium') })}</p>
        </div>
        <div className="card__body"><WeeklyChart weeks={weeks} /></div>
      </section>
    </div>
  );
}

function StatusChart({ cells, streams }: { cells: readonly BoardCell[]; streams: readonly Schemas['Stream'][] }) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => statusByStream(cells, streams), [cells, streams]);
  const data = useMemo<BarChartData>(() => ({
    labels: rows.map((r) => r.stream.name),
    series: stackOrder.map((s) => ({ name: s, className: `ct-series ct-status-${s}`, data: rows.map((r) => r.counts[s]) })),
  }), [rows]);
  const options = useMemo<BarChartOptions>(() => ({
    stackBars: true, low: 0, high: rows.some((r) => r.total > 0) ? undefined : 1,
    axisY: { onlyInteger: true, offset: 36 }, axisX: { showGrid: false, offset: 56 },
    chartPadding: { top: 12, right: 8, bottom: 0, left: 0 },
  }), [rows]);
  const totals = statusTotals(rows);
  const all = stackOrder.reduce((n, s) => n + totals[s], 0);
  const list = stackOrder.map((s) => `${t(`taskStatus.${s}`)} ${totals[s].toLocaleString(locale)}`).join(', ');
  return (
    <figure className="board-figure">
      <ChartistBar data={data} options={options} height={240} barShare={0.5} slots={rows.length} className="board-chart__plot board-chart__plot--wrap" />
      <ul className="board-chart__legend" aria-hidden="true">
        {[...stackOrder].reverse().map((s) => <li key={s}><span className={`board-chart__swatch ct-status-${s}`} />{t(`taskStatus.${s}`)}</li>)}
      </ul>
      <figcaption className="board-chart__summary">{t('boardCharts.statusSummary', { count: all, list })}</figcaption>
      {/* A table ignores a clipped height: the wrapper hides it. */}
      <div className="visually-hidden">
      <table>
        <caption>{t('boardCharts.statusTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('boardCharts.stream')}</th>
            {stackOrder.map((s) => <th key={s} scope="col">{t(`taskStatus.${s}`)}</th>)}
            <th scope="col">{t('boardCharts.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.stream.id}>
              <th scope="row">{r.stream.name}</th>
              {stackOrder.map((s) => <td key={s}>{r.counts[s]}</td>)}
              <td>{r.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}

function WeeklyChart({ weeks }: { weeks: readonly Schemas['BoardWeek'][] }) {
  const { t, locale } = useI18n();
  const points = useMemo(() => weekPoints(weeks), [weeks]);
  const stats = weeklyStats(points);
  const short = (w: number) => t('boardCharts.weekShort', { week: String(w) });
  const data = useMemo<BarChartData>(() => ({
    labels: points.map((p) => p.week),
    series: [{ name: 'completed', className: 'ct-series ct-weekly', data: points.map((p) => p.completed) }],
  }), [points]);
  const options = useMemo<BarChartOptions>(() => ({
    low: 0, high: stats.total > 0 ? undefined : 1,
    axisY: { onlyInteger: true, offset: 36 },
    axisX: { showGrid: false, offset: 24, labelInterpolationFnc: (v: unknown, i: number) => (showTick(i, points.length) ? short(Number(v)) : null) },
    chartPadding: { top: 12, right: 8, bottom: 0, left: 0 },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `short` only depends on the language, which `t` follows
  }), [points, stats.total, t]);
  return (
    <figure className="board-figure">
      <ChartistBar data={data} options={options} height={240} barShare={0.62} slots={points.length} className="board-chart__plot" />
      <figcaption className="board-chart__summary">
        {stats.busiest
          ? t('boardCharts.weeklySummary', { count: stats.total, week: short(stats.busiest.week), max: stats.busiest.completed, last: stats.last })
          : t('boardCharts.weeklyNone')}
      </figcaption>
      <div className="visually-hidden">
      <table>
        <caption>{t('boardCharts.weeklyTable')}</caption>
        <thead>
          <tr><th scope="col">{t('boardCharts.week')}</th><th scope="col">{t('boardCharts.completed')}</th></tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{t('boardCharts.weekLong', { week: String(p.week), date: formatDate(p.start, locale, 'medium') })}</th>
              <td>{p.completed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
