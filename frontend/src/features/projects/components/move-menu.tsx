import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '@/lib/i18n';
import type { Status } from '../lib/workflow';

/**
 * MoveMenu is the kanban card's "Move to…" disclosure: a button that opens,
 * inside the card, one button per column the task may move to. It is the
 * plain alternative to dragging (keyboard, phones, screen readers).
 */
export function MoveMenu({ title, targets, onMove, disabled = false }: {
  title: string; targets: readonly Status[]; onMove: (to: Status) => void; disabled?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  if (targets.length === 0) return null;

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close(true);
    }
  }

  return (
    <div className="move-menu">
      <button ref={buttonRef} type="button" className="btn btn--sm btn--ghost" aria-expanded={open} aria-controls={listId} disabled={disabled}
        aria-label={t('kanban.moveToFor', { title })} onClick={() => setOpen(!open)} onKeyDown={onKeyDown}>
        {t('kanban.moveTo')}
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true"><path d={open ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" /></svg>
      </button>
      {open && (
        <ul id={listId} className="move-menu__list" aria-label={t('kanban.moveToFor', { title })}>
          {targets.map((s) => (
            <li key={s}>
              <button type="button" className="move-menu__item" onKeyDown={onKeyDown} onClick={() => { close(false); onMove(s); }}>
                <span className={`kanban-dot kanban-dot--${s}`} aria-hidden="true" />
                {t(`taskStatus.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
