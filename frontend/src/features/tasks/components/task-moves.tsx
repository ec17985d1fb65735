import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ConflictNotice, FormError, StatusBadge } from '@/components';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { isApiError, type Schemas, type User } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { taskQueryOptions } from '../api/get-task';
import { useUpdateTaskStatus } from '../api/update-task-status';
import { capacityFor, movesFor, type Move } from './status-moves';

/**
 * TaskMoves offers the status moves the workflow allows the user on the
 * task (display only: the server decides). Each move PATCHes the status
 * with If-Match: the version shown. On 412 it explains the conflict and
 * offers a reload; the rest of the page (a typed note or comment) stays.
 */
export function TaskMoves({ task, user }: { task: Schemas['Task']; user: Pick<User, 'id' | 'role' | 'branch_id'> }) {
  const t = useT();
  const qc = useQueryClient();
  const move = useUpdateTaskStatus();
  const [moved, setMoved] = useState<Schemas['TaskStatus'] | null>(null);
  const moves = movesFor(user, task);
  const capacity = capacityFor(user, task);
  const conflict = isApiError(move.error) && move.error.code === 'version_mismatch';

  function go(m: Move) {
    setMoved(null);
    move.mutate({ id: task.id, version: task.version, status: m.to }, { onSuccess: (saved) => setMoved(saved.status) });
  }

  const { reloading, reload } = useConflictReload(() => qc.fetchQuery({ ...taskQueryOptions(task.id), staleTime: 0 }), () => move.reset());

  let hint: string | null = null;
  if (moves.length === 0) {
    if (capacity === 'assignee' && task.status === 'in_review') hint = t('taskPage.waitingReview');
    else if (capacity === 'assignee' && task.status === 'done') hint = t('taskPage.doneAssignee');
    else if (capacity !== 'none') hint = t('taskPage.noMoves');
  }

  return (
    <div className="stack-sm">
      <div className="moves__current">
        <span>{t('taskPage.status')}</span>
        <StatusBadge status={task.status} />
      </div>
      {conflict && <ConflictNotice onReload={() => void reload()} busy={reloading} />}
      {!conflict && <FormError error={move.error} />}
      {moves.length > 0 && (
        <div className="moves" role="group" aria-label={t('taskPage.movesTitle')}>
          {moves.map((m) => (
            <Button key={m.name} variant={m.primary ? 'primary' : 'secondary'} onClick={() => go(m)}
              busy={move.isPending && move.variables.status === m.to} disabled={move.isPending}>
              {t(`taskPage.moves.${m.name}`)}
            </Button>
          ))}
        </div>
      )}
      {hint && <p className="moves__hint">{hint}</p>}
      {moved && !move.error && <p className="form__status" role="status">{t('taskPage.moved', { status: t(`taskStatus.${moved}`) })}</p>}
    </div>
  );
}
