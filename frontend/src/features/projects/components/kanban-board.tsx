import {
  DndContext, DragOverlay, PointerSensor, pointerWithin, useDraggable, useDroppable, useSensor, useSensors,
  type Announcements, type DragEndEvent, type DragStartEvent,
} from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, DateText, FormError, Loading, NumberText, errorMessageKey } from '@/components';
import { PriorityBadge } from '@/features/tasks';
import { isApiError, type User } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { getTask, refreshTasks, updateTask, type Task, type TasksQuery } from '../api/tasks';
import { taskPath } from '../lib/links';
import { moverFor, stepTarget, targetsFor, type Status } from '../lib/workflow';
import { MoveMenu } from './move-menu';
import { useBoardData, type BoardColumn } from './use-board-data';
import '../projects.css';

type Lifted = { task: Task; target: Status };
type Notice = { kind: 'ok' | 'error'; text: string };

/**
 * KanbanBoard shows the tasks matching `filter` in five status columns.
 * A card moves by dragging its handle (pointer), by its handle from the
 * keyboard (Space to pick up, ←/→ to choose a column, Space to drop, Esc to
 * cancel), or through its "Move to…" menu. Only the columns the workflow
 * allows the user light up as targets; the move is a PATCH with If-Match:
 * a refusal snaps the card back with the reason, a 412 reloads the card.
 */
export function KanbanBoard({ filter, user, projectTitles, onEditTask, label }: {
  filter: TasksQuery;
  user: Pick<User, 'id' | 'role' | 'branch_id'>;
  /** projectTitles names each card's project (branch board). */
  projectTitles?: ReadonlyMap<number, string>;
  onEditTask?: (task: Task) => void;
  label: string;
}) {
  const t = useT();
  const qc = useQueryClient();
  const [overrides, setOverrides] = useState<ReadonlyMap<number, Task>>(new Map());
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const [dragging, setDragging] = useState<Task | null>(null);
  const [lifted, setLifted] = useState<Lifted | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const handles = useRef(new Map<number, HTMLButtonElement>());
  const refocus = useRef<number | null>(null);
  const instructionsId = useId();
  const board = useBoardData(filter, overrides);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  // After a card changes column its handle is a new element: give it focus back.
  useEffect(() => {
    if (refocus.current === null) return;
    const el = handles.current.get(refocus.current);
    if (el && document.activeElement !== el) el.focus();
    refocus.current = null;
  });

  const setOverride = useCallback((task: Task | null, id: number) => {
    setOverrides((prev) => {
      const next = new Map(prev);
      if (task) next.set(id, task);
      else next.delete(id);
      return next;
    });
  }, []);

  const say = useCallback((n: Notice) => {
    setNotice(n);
    setAnnouncement(n.text);
  }, []);

  const move = useCallback(async (task: Task, to: Status, keepFocus: boolean) => {
    const from = task.status;
    const title = task.title;
    if (from === to) return;
    if (keepFocus) refocus.current = task.id;
    setOverride({ ...task, status: to }, task.id);
    setBusy((b) => new Set(b).add(task.id));
    try {
      const saved = await updateTask({ id: task.id, version: task.version, body: { status: to } });
      setOverride(saved, task.id);
      say({ kind: 'ok', text: t('kanban.moved', { title, status: t(`taskStatus.${to}`) }) });
    } catch (err) {
      if (keepFocus) refocus.current = task.id;
      if (isApiError(err) && err.code === 'version_mismatch') {
        // Someone changed the card meanwhile: show it as it is now.
        try {
          setOverride(await getTask(task.id), task.id);
        } catch {
          setOverride(null, task.id);
        }
        say({ kind: 'error', text: t('kanban.reloaded', { title }) });
      } else {
        setOverride(null, task.id);
        say({ kind: 'error', text: t('kanban.refused', { title, status: t(`taskStatus.${to}`), reason: t(errorMessageKey(err)) }) });
      }
    } finally {
      await refreshTasks(qc);
      setOverride(null, task.id);
      setBusy((b) => {
        const next = new Set(b);
        next.delete(task.id);
        return next;
      });
    }
  }, [qc, say, setOverride, t]);

  // ----- pointer (dnd-kit)

  function onDragStart(e: DragStartEvent) {
    setLifted(null);
    setDragging((e.active.data.current as { task: Task } | undefined)?.task ?? null);
  }

  function onDragEnd(e: DragEndEvent) {
    const task = (e.active.data.current as { task: Task } | undefined)?.task;
    const to = (e.over?.data.current as { status: Status } | undefined)?.status;
    setDragging(null);
    if (task && to && to !== task.status) void move(task, to, false);
  }

  const statusName = (s: Status) => t(`taskStatus.${s}`);
  const titleOf = (id: number | string) => board.columns.flatMap((c) => c.tasks).find((x) => x.id === id)?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('kanban.aPickedUp', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) => over
      ? t('kanban.aOver', { title: titleOf(active.id), status: statusName((over.data.current as { status: Status }).status) })
      : t('kanban.aNotOver', { title: titleOf(active.id) }),
    onDragEnd: ({ active, over }) => over
      ? t('kanban.aDropped', { title: titleOf(active.id), status: statusName((over.data.current as { status: Status }).status) })
      : t('kanban.aCancelled', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('kanban.aCancelled', { title: titleOf(active.id) }),
  };

  // ----- keyboard (on the handle)

  function onHandleKey(e: KeyboardEvent<HTMLButtonElement>, task: Task) {
    const mover = moverFor(user, task);
    const mine = lifted?.task.id === task.id;
    if (!mine) {
      if (e.key === ' ' || e.key === 'Enter') {
        e.preventDefault();
        if (targetsFor(mover, task.status).length === 0) {
          setAnnouncement(t('kanban.aNowhere', { title: task.title }));
          return;
        }
        setLifted({ task, target: task.status });
        setAnnouncement(t('kanban.aKeyPickedUp', { title: task.title, status: statusName(task.status) }));
      }
      return;
    }
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
      const target = stepTarget(mover, task.status, lifted.target, dir);
      setLifted({ task, target });
      document.getElementById(`${instructionsId}-${target}`)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
      setAnnouncement(target === task.status
        ? t('kanban.aOverOwn', { status: statusName(target) })
        : t('kanban.aOver', { title: task.title, status: statusName(target) }));
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      setLifted(null);
      if (lifted.target === task.status) setAnnouncement(t('kanban.aCancelled', { title: task.title }));
      else void move(task, lifted.target, true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setLifted(null);
      setAnnouncement(t('kanban.aCancelled', { title: task.title }));
    } else if (e.key === 'Tab') {
      setLifted(null);
    }
  }

  if (board.isPending) return <Loading />;
  if (board.error) return <FormError error={board.error} />;

  const readOnly = board.columns.every((c) => c.tasks.every((task) => moverFor(user, task) === null));
  const dragTargets = dragging ? targetsFor(moverFor(user, dragging), dragging.status) : lifted ? targetsFor(moverFor(user, lifted.task), lifted.task.status) : null;

  return (
    <div className="kanban-wrap">
      <p id={instructionsId} className="visually-hidden">{t('kanban.instructions')}</p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>
      {notice && (
        <div className={notice.kind === 'error' ? 'banner banner--error kanban-notice' : 'kanban-notice kanban-notice--ok'} role={notice.kind === 'error' ? 'alert' : undefined}>
          <p className={notice.kind === 'error' ? 'banner__title' : undefined}>{notice.text}</p>
          <button type="button" className="icon-btn" onClick={() => setNotice(null)} aria-label={t('kanban.dismiss')}>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /></svg>
          </button>
        </div>
      )}
      {readOnly && !board.isEmpty && <p className="kanban-readonly">{t('kanban.readOnly')}</p>}
      <DndContext sensors={sensors} collisionDetection={pointerWithin} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('kanban.instructions') } }}>
        <div className="kanban" role="region" aria-label={label}>
          {board.columns.map((col) => (
            <Column key={col.status} col={col} idBase={instructionsId}
              isTarget={dragTargets?.includes(col.status) ?? false}
              dimmed={dragTargets !== null && !dragTargets.includes(col.status) && (dragging ?? lifted?.task)?.status !== col.status}
              chosen={lifted?.target === col.status && lifted.target !== lifted.task.status}>
              {col.tasks.map((task) => (
                <Card key={task.id} task={task} user={user} projectTitle={projectTitles?.get(task.project_id)}
                  busy={busy.has(task.id)} lifted={lifted?.task.id === task.id} describedBy={instructionsId}
                  handleRef={(el) => { if (el) handles.current.set(task.id, el); else handles.current.delete(task.id); }}
                  onHandleKey={(e) => onHandleKey(e, task)} onBlurHandle={() => { if (lifted?.task.id === task.id) setLifted(null); }}
                  onMove={(to) => void move(task, to, false)} onEdit={onEditTask} />
              ))}
            </Column>
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging ? <CardFace task={dragging} projectTitle={projectTitles?.get(dragging.project_id)} overlay /> : null}
        </DragOverlay>
      </DndContext>
    </div>
  );
}

function Column({ col, idBase, isTarget, dimmed, chosen, children }: {
  col: BoardColumn; idBase: string; isTarget: boolean; dimmed: boolean; chosen: boolean; children: ReactNode;
}) {
  const t = useT();
  const { setNodeRef, isOver } = useDroppable({ id: `col-${col.status}`, data: { status: col.status }, disabled: !isTarget });
  const headingId = `${idBase}-${col.status}-h`;
  const cls = ['kanban-col', `kanban-col--${col.status}`, isTarget ? 'kanban-col--target' : '', dimmed ? 'kanban-col--dimmed' : '',
    (isOver && isTarget) || chosen ? 'kanban-col--over' : ''].filter(Boolean).join(' ');
  return (
    <section ref={setNodeRef} id={`${idBase}-${col.status}`} className={cls} aria-labelledby={headingId} data-status={col.status}>
      <header className="kanban-col__header">
        <h3 id={headingId} className="kanban-col__title">
          <span className={`kanban-dot kanban-dot--${col.status}`} aria-hidden="true" />
          {t(`taskStatus.${col.status}`)}
        </h3>
        <span className="kanban-col__count" aria-label={t('kanban.count', { count: col.total })}>{col.total}</span>
      </header>
      {col.tasks.length === 0
        ? <p className="kanban-col__empty">{isTarget ? t('kanban.dropHere') : t('kanban.emptyColumn')}</p>
        : <ul className="kanban-col__list">{children}</ul>}
      {col.hasMore && (
        <Button size="sm" variant="ghost" className="kanban-col__more" busy={col.loadingMore} onClick={col.loadMore}>
          {t('kanban.showMore', { count: col.total - col.tasks.length })}
        </Button>
      )}
    </section>
  );
}

function Card({ task, user, projectTitle, busy, lifted, describedBy, handleRef, onHandleKey, onBlurHandle, onMove, onEdit }: {
  task: Task; user: Pick<User, 'id' | 'role' | 'branch_id'>; projectTitle: string | undefined; busy: boolean; lifted: boolean; describedBy: string;
  handleRef: (el: HTMLButtonElement | null) => void; onHandleKey: (e: KeyboardEvent<HTMLButtonElement>) => void; onBlurHandle: () => void;
  onMove: (to: Status) => void; onEdit: ((task: Task) => void) | undefined;
}) {
  const t = useT();
  const mover = moverFor(user, task);
  const targets = targetsFor(mover, task.status);
  const canDrag = targets.length > 0 && !busy;
  const { setNodeRef, setActivatorNodeRef, listeners, isDragging } = useDraggable({ id: task.id, data: { task }, disabled: !canDrag });
  const cls = ['kanban-card', isDragging ? 'kanban-card--ghost' : '', lifted ? 'kanban-card--lifted' : '', busy ? 'kanban-card--busy' : ''].filter(Boolean).join(' ');
  return (
    <li ref={setNodeRef} className={cls} data-task-id={task.id}>
      <CardFace task={task} projectTitle={projectTitle} />
      {(canDrag || onEdit || targets.length > 0) && (
        <div className="kanban-card__actions">
          {targets.length > 0 && (
            <button type="button" ref={(el) => { setActivatorNodeRef(el); handleRef(el); }} className="kanban-card__handle"
              aria-label={t('kanban.handle', { title: task.title })} aria-describedby={describedBy} aria-pressed={lifted}
              aria-disabled={busy || undefined} onKeyDown={(e) => { if (!busy) onHandleKey(e); }} onBlur={onBlurHandle} {...listeners}>
              <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
                <circle cx="9" cy="6" r="1.6" /><circle cx="15" cy="6" r="1.6" /><circle cx="9" cy="12" r="1.6" />
                <circle cx="15" cy="12" r="1.6" /><circle cx="9" cy="18" r="1.6" /><circle cx="15" cy="18" r="1.6" />
              </svg>
            </button>
          )}
          <MoveMenu title={task.title} targets={targets} onMove={onMove} disabled={busy} />
          {onEdit && (
            <button type="button" className="kanban-card__edit" onClick={() => onEdit(task)} aria-label={t('kanban.editFor', { title: task.title })} title={t('kanban.edit')}>
              <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" /></svg>
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** CardFace is what a card says: title (a link to the task), project, assignee, due date, priority, progress. */
function CardFace({ task, projectTitle, overlay = false }: { task: Task; projectTitle: string | undefined; overlay?: boolean }) {
  const t = useT();
  const body = (
    <>
      {projectTitle && <p className="kanban-card__project">{projectTitle}</p>}
      <p className="kanban-card__meta">
        <span className={task.assignee_name ? 'kanban-card__who' : 'kanban-card__who kanban-card__who--none'}>
          {task.assignee_name ?? t('kanban.unassigned')}
        </span>
        {(task.priority === 'high' || task.priority === 'urgent') && (
          <PriorityBadge priority={task.priority} />
        )}
      </p>
      <p className="kanban-card__meta">
        {task.due_date && (
          <span className={task.overdue ? 'kanban-card__due kanban-card__due--overdue' : 'kanban-card__due'}>
            {task.overdue ? t('kanban.overdueSince') : t('kanban.due')} <DateText value={task.due_date} />
          </span>
        )}
        {task.status !== 'todo' && task.status !== 'done' && (
          <span className="kanban-card__progress">
            <span className="kanban-card__bar" aria-hidden="true"><span style={{ width: `${task.progress}%` }} /></span>
            <span className="visually-hidden">{t('kanban.progress')}</span>
            <NumberText value={task.progress} percent />
          </span>
        )}
      </p>
    </>
  );
  if (overlay) {
    return (
      <div className="kanban-card kanban-card--overlay" aria-hidden="true">
        <p className="kanban-card__title">{task.title}</p>
        {body}
      </div>
    );
  }
  return (
    <>
      <p className="kanban-card__title"><Link to={taskPath(task.id)}>{task.title}</Link></p>
      {body}
    </>
  );
}

