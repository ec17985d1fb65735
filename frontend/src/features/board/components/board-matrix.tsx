import { HealthBadge } from '@/components';
import type { Schemas } from '@/lib/api';
import { formatPercent, useI18n } from '@/lib/i18n';
import { blockedDays, cellHealth, openCount, sumCells, type BoardCell } from './cell-health';

type Props = {
  cells: readonly BoardCell[];
  streams: readonly Schemas['Stream'][];
  branches: readonly Schemas['Branch'][];
  /** The board's day: how long the oldest blocked task has been blocked is counted up to it. */
  asOf: string;
};

/**
 * BoardMatrix is the stream x branch table of task counts: open, blocked,
 * overdue and done in each cell, with its health as a colour and in words,
 * and totals across branches and streams.
 */
export function BoardMatrix({ cells, streams, branches, asOf }: Props) {
  const { t } = useI18n();
  // Only the rows and columns the board answered (the filters narrow them).
  const rows = streams.filter((s) => cells.some((c) => c.stream_id === s.id));
  const cols = branches.filter((b) => cells.some((c) => c.branch_id === b.id));
  const cellAt = (s: number, b: number) => cells.find((c) => c.stream_id === s && c.branch_id === b) ?? sumCells([], s, b);
  const totals = cols.length > 1;
  const totalRow = rows.length > 1;

  return (
    <div className="board-matrix-wrap">
      <table className="board-matrix">
        <caption className="visually-hidden">{t('board.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="board-matrix__corner">{t('board.matrix.stream')}</th>
            {cols.map((b) => (
              <th key={b.id} scope="col" title={b.name}>
                <abbr title={b.name}>{b.code}</abbr>
              </th>
            ))}
            {totals && <th scope="col">{t('board.matrix.allBranches')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const line = cols.map((b) => cellAt(s.id, b.id));
            return (
              <tr key={s.id}>
                <th scope="row" className="board-matrix__stream">{s.name}</th>
                {line.map((c, i) => <Cell key={c.branch_id} cell={c} label={cols[i]!.code} asOf={asOf} />)}
                {totals && <Cell cell={sumCells(line)} label={t('board.matrix.allBranches')} total />}
              </tr>
            );
          })}
        </tbody>
        {totalRow && (
          <tfoot>
            <tr>
              <th scope="row" className="board-matrix__stream">{t('board.matrix.allStreams')}</th>
              {cols.map((b) => {
                const c = sumCells(cells.filter((x) => x.branch_id === b.id && rows.some((r) => r.id === x.stream_id)));
                return <Cell key={b.id} cell={c} label={b.code} total />;
              })}
              {totals && <Cell cell={sumCells(cells)} label={t('board.matrix.allBranches')} total />}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Cell is one count block; `label` (its branch) shows on a phone, where the table becomes a list. */
function Cell({ cell, label, asOf, total = false }: { cell: BoardCell; label: string; asOf?: string; total?: boolean }) {
  const { t, locale } = useI18n();
  // Totals carry no health of their own: the cells they add up say where the trouble is.
  const health = total ? null : cellHealth(cell);
  const open = openCount(cell);
  const donePct = cell.total > 0 ? (cell.done / cell.total) * 100 : 0;
  return (
    <td className={total ? 'board-cell board-cell--total' : `board-cell board-cell--${health ?? 'empty'}`}>
      <div className="board-cell__head">
        <span className="board-cell__label">{label}</span>
        {health ? <HealthBadge health={health} />
          : <span className="badge board-cell__none">{total ? t('board.matrix.total') : t('board.matrix.noTasks')}</span>}
      </div>
      <dl className="board-cell__counts">
        <div className="board-cell__count board-cell__count--open"><dt>{t('board.matrix.open')}</dt><dd>{open.toLocaleString(locale)}</dd></div>
        <div className={`board-cell__count${cell.blocked > 0 ? ' board-cell__count--alert' : ''}`}><dt>{t('board.matrix.blocked')}</dt><dd>{cell.blocked.toLocaleString(locale)}</dd></div>
        <div className={`board-cell__count${cell.overdue > 0 ? ' board-cell__count--alert' : ''}`}><dt>{t('board.matrix.overdue')}</dt><dd>{cell.overdue.toLocaleString(locale)}</dd></div>
        <div className="board-cell__count"><dt>{t('board.matrix.done')}</dt><dd>{cell.done.toLocaleString(locale)}</dd></div>
      </dl>
      {!total && asOf && <BlockedSince cell={cell} asOf={asOf} />}
      {cell.total > 0 && (
        <p className="board-cell__foot">{t('board.matrix.doneShare', { share: formatPercent(donePct, locale), total: cell.total })}</p>
      )}
    </td>
  );
}

/** BlockedSince says how long the cell's oldest blocked task has been blocked, e.g. "Oldest blocked 12 days". */
function BlockedSince({ cell, asOf }: { cell: BoardCell; asOf: string }) {
  const { t } = useI18n();
  const days = blockedDays(cell, asOf);
  if (days === null) return null;
  return <p className="board-cell__blocked">{days === 0 ? t('board.matrix.blockedToday') : t('board.matrix.blockedSince', { count: days })}</p>;
}
