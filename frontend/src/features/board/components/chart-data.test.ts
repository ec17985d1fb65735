import { describe, expect, it } from 'vitest';
import type { Schemas } from '@/lib/api';
import { showTick, statusByStream, statusTotals, weeklyStats, weekPoints } from './chart-data';
import type { BoardCell } from './cell-health';

const streams: Schemas['Stream'][] = [
  { id: 1, code: 'io', name: 'IO', description: '' },
  { id: 2, code: 'partners', name: 'Partners', description: '' },
  { id: 3, code: 'cs', name: 'CS', description: '' },
];
const cell = (stream_id: number, branch_id: number, c: Partial<BoardCell>): BoardCell => {
  const z = { todo: 0, in_progress: 0, blocked: 0, in_review: 0, done: 0, overdue: 0, blocked_since: null, ...c };
  return { stream_id, branch_id, ...z, total: z.todo + z.in_progress + z.blocked + z.in_review + z.done };
};

describe('board chart data', () => {
  it('adds the cells up per stream, in stream order, leaving out empty streams', () => {
    const rows = statusByStream([cell(2, 1, { todo: 1, done: 2 }), cell(1, 1, { blocked: 1 }), cell(2, 2, { done: 3, in_review: 1 }), cell(3, 1, {})], streams);
    expect(rows.map((r) => [r.stream.name, r.total])).toEqual([['IO', 1], ['Partners', 7]]);
    expect(rows[1]!.counts).toEqual({ done: 5, in_review: 1, in_progress: 0, todo: 1, blocked: 0 });
    expect(statusTotals(rows)).toEqual({ done: 5, in_review: 1, in_progress: 0, todo: 1, blocked: 1 });
  });

  it('reads the ISO weeks and finds the busiest, the latest of equals', () => {
    const points = weekPoints([
      { week: '2026-W46', start: '2026-11-09', completed: 3 },
      { week: '2026-W47', start: '2026-11-16', completed: 1 },
      { week: '2026-W48', start: '2026-11-23', completed: 3 },
    ]);
    expect(points.map((p) => p.week)).toEqual([46, 47, 48]);
    expect(weeklyStats(points)).toMatchObject({ total: 7, busiest: { week: 48 }, last: 3 });
    expect(weeklyStats(weekPoints([{ week: '2026-W01', start: '2025-12-29', completed: 0 }]))).toEqual({ total: 0, busiest: null, last: 0 });
  });

  it('labels every fourth week, the latest always', () => {
    const labelled = Array.from({ length: 26 }, (_, i) => i).filter((i) => showTick(i, 26));
    expect(labelled).toEqual([1, 5, 9, 13, 17, 21, 25]);
  });
});
