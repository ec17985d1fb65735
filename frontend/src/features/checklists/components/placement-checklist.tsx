import { useState } from 'react';
import { Card, FormError, Loading } from '@/components';
import { isApiError } from '@/lib/api';
import { formatDate, formatDateTime, useI18n } from '@/lib/i18n';
import { useChecklist, type ChecklistItem } from '../api/get-checklist';
import { useTickItem } from '../api/tick-item';
import '../checklists.css';

const phases = ['onboarding', 'offboarding'] as const;

/** ChecklistRow is one item: a checkbox (when the caller may tick), its due date or who ticked it, and an overdue mark. */
function ChecklistRow({ item, canTick, asked, onTick }: { item: ChecklistItem; canTick: boolean; asked: boolean | undefined; onTick: (done: boolean) => void }) {
  const { t, locale } = useI18n();
  const done = item.done_at !== null;
  // While a tick is on its way the box shows what was asked.
  const checked = asked ?? done;
  const id = `checklist-item-${item.id}`;
  const meta = done && item.done_at
    ? t('checklists.doneBy', { name: item.done_by_name ?? '', date: formatDateTime(item.done_at, locale) })
    : t('checklists.due', { date: formatDate(item.due_date, locale) });
  return (
    <li className={`checklist__item${item.overdue ? ' checklist__item--overdue' : ''}${done ? ' checklist__item--done' : ''}`}>
      <input id={id} type="checkbox" className="checklist__box" checked={checked} disabled={!canTick || asked !== undefined}
        aria-describedby={`${id}-meta`} onChange={(e) => onTick(e.target.checked)} />
      <label htmlFor={id} className="checklist__title">{item.title}</label>
      <span id={`${id}-meta`} className="checklist__meta">
        {item.overdue && <span className="badge badge--health-off_track checklist__overdue">{t('checklists.overdue')}</span>}
        {meta}
      </span>
    </li>
  );
}

/**
 * PlacementChecklist is a placement's onboarding and offboarding checklist,
 * grouped by phase. canTick shows the boxes enabled (the intern, a
 * supervisor of the branch, an admin); the server decides in the end.
 */
export function PlacementChecklist({ placementId, canTick }: { placementId: number; canTick: boolean }) {
  const { t } = useI18n();
  const list = useChecklist(placementId);
  const tick = useTickItem();
  const [pending, setPending] = useState<{ id: number; done: boolean } | null>(null);
  const items = list.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue).length;
  const conflict = isApiError(tick.error) && tick.error.code === 'version_mismatch';

  function onTick(item: ChecklistItem, done: boolean) {
    setPending({ id: item.id, done });
    tick.mutate({ placementId, id: item.id, version: item.version, done }, { onSettled: () => setPending(null) });
  }

  return (
    <Card title={t('checklists.cardTitle')}
      description={overdue > 0 ? t('checklists.overdueCount', { count: overdue }) : t('checklists.cardDescription')}>
      {list.isPending && <Loading />}
      {list.error && <FormError error={list.error} />}
      {conflict ? <p className="checklist__notice" role="alert">{t('checklists.conflict')}</p> : tick.error && <FormError error={tick.error} />}
      {list.data && items.length === 0 && <p className="checklist__empty">{t('checklists.empty')}</p>}
      {phases.map((phase) => {
        const group = items.filter((i) => i.phase === phase);
        if (group.length === 0) return null;
        return (
          <section key={phase} className="checklist" aria-label={t(`checklists.phase.${phase}`)}>
            <h3 className="checklist__phase">{t(`checklists.phase.${phase}`)}</h3>
            <ul className="checklist__list">
              {group.map((item) => (
                <ChecklistRow key={item.id} item={item} canTick={canTick} asked={pending?.id === item.id ? pending.done : undefined} onTick={(d) => onTick(item, d)} />
              ))}
            </ul>
          </section>
        );
      })}
    </Card>
  );
}

