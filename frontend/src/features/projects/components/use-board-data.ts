// The kanban's data: one paged query per column (so a board with years of
// done tasks stays light), merged with the moves in flight so that a card
// shows in its new column at once and snaps back if the server refuses.
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Schemas } from '@/lib/api';
import { getTasks, type Task, type TasksQuery } from '../api/tasks';
import { columns, type Status } from '../lib/workflow';

type TaskList = Schemas['TaskList'];

/** columnPageSize is how many cards a column loads at a time; done work, which only grows, fewer. */
export const columnPageSize = (status: Status) => (status === 'done' ? 10 : 25);

/** columnSort is how each column is ordered: open work by due date, done work newest first. */
const columnSort = (status: Status) => (status === 'done' ? '-updated_at' : 'due_date');

export function columnQueryKey(filter: TasksQuery, status: Status) {
  return ['tasks', 'column', { ...filter, status }] as const;
}

function useColumn(filter: TasksQuery, status: Status, enabled: boolean) {
  return useInfiniteQuery<TaskList, Error, InfiniteData<TaskList>, ReturnType<typeof columnQueryKey>, number>({
    queryKey: columnQueryKey(filter, status),
    queryFn: ({ pageParam }) => getTasks({ ...filter, status, sort: columnSort(status), per_page: columnPageSize(status), page: pageParam }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.per_page < last.total ? last.page + 1 : undefined),
    enabled,
  });
}

export type BoardColumn = {
  status: Status;
  tasks: Task[];
  /** total is how many tasks the column holds on the server, with the moves in flight applied. */
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
};

export type BoardData = {
  columns: BoardColumn[];
  isPending: boolean;
  error: unknown;
  /** isEmpty is true when no column holds a task. */
  isEmpty: boolean;
};

/**
 * useBoardData loads the five columns for the filter and applies
 * `overrides` (task id -> the task as it is after a move in flight).
 */
export function useBoardData(filter: TasksQuery, overrides: ReadonlyMap<number, Task>, enabled = true): BoardData {
  const todo = useColumn(filter, 'todo', enabled);
  const inProgress = useColumn(filter, 'in_progress', enabled);
  const blocked = useColumn(filter, 'blocked', enabled);
  const inReview = useColumn(filter, 'in_review', enabled);
  const done = useColumn(filter, 'done', enabled);
  const queries = [todo, inProgress, blocked, inReview, done];

  const isPending = queries.some((q) => q.isPending);
  const error = queries.find((q) => q.error)?.error ?? null;
  const dataKey = queries.map((q) => `${q.dataUpdatedAt}:${q.isFetchingNextPage}`).join(',');

  const merged = useMemo(() => {
    const fetched = queries.map((q) => q.data?.pages.flatMap((p) => p.items) ?? []);
    const seen = new Set<number>();
    const byColumn = new Map<Status, Task[]>(columns.map((c) => [c, []]));
    const delta = new Map<Status, number>(columns.map((c) => [c, 0]));
    // Moved cards first, at the top of the column they moved to.
    for (const t of overrides.values()) {
      byColumn.get(t.status)?.push(t);
      seen.add(t.id);
    }
    columns.forEach((status, i) => {
      for (const t of fetched[i]!) {
        if (seen.has(t.id)) {
          const now = overrides.get(t.id);
          if (now && now.status !== status) {
            delta.set(status, delta.get(status)! - 1);
            delta.set(now.status, delta.get(now.status)! + 1);
          }
          continue;
        }
        seen.add(t.id);
        byColumn.get(status)!.push(t);
      }
    });
    return columns.map((status, i): BoardColumn => {
      const q = queries[i]!;
      const serverTotal = q.data?.pages[0]?.total ?? 0;
      return {
        status,
        tasks: byColumn.get(status)!,
        total: Math.max(byColumn.get(status)!.length, serverTotal + delta.get(status)!),
        hasMore: q.hasNextPage,
        loadingMore: q.isFetchingNextPage,
        loadMore: () => void q.fetchNextPage(),
      };
    });
    // queries change identity every render; dataKey says when their data did.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, overrides]);

  return { columns: merged, isPending, error, isEmpty: !isPending && merged.every((c) => c.tasks.length === 0) };
}
