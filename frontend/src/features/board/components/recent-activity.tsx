import { DateTimeText } from '@/components';
import type { Schemas } from '@/lib/api';
import { useI18n, type MessageKey, type Vars } from '@/lib/i18n';

export type Activity = Schemas['Activity'];
type T = (key: MessageKey, vars?: Vars) => string;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * describeActivity says a row of the trail as a sentence in the user's
 * language: who did what to which item ("Marc Dubois moved task #61 from
 * In review to Done"). A title or name in the change names the item.
 */
export function describeActivity(a: Activity, t: T, formatPercent: (n: number) => string): string {
  const ch = a.changes;
  const actor = a.actor_name ?? t('board.activity.system');
  const title = str(ch.title?.after) ?? str(ch.title?.before) ?? str(ch.name?.after) ?? str(ch.name?.before);
  const ref = (id: number, name?: string) => (name ? t('board.activity.named', { name }) : t('board.activity.ref', { id: String(id) }));
  const entity = (type: Activity['entity_type'], id: number, name?: string) => `${t(`board.entity.${type}`)} ${ref(id, name)}`;

  // Progress entries and comments are about their task.
  const taskId = num(ch.task_id?.after) ?? num(ch.task_id?.before);
  if (a.entity_type === 'progress_log' && a.action === 'create' && taskId) {
    return t('board.activity.logged', { actor, entity: entity('task', taskId) });
  }
  if (a.entity_type === 'comment' && a.action === 'create' && taskId) {
    return t('board.activity.commented', { actor, entity: entity('task', taskId) });
  }
  const what = entity(a.entity_type, a.entity_id, title);
  if (a.action === 'update') {
    const from = str(ch.status?.before);
    const to = str(ch.status?.after);
    if (a.entity_type === 'task' && from && to && isStatus(from) && isStatus(to)) {
      return t('board.activity.moved', { actor, entity: what, from: t(`taskStatus.${from}`), to: t(`taskStatus.${to}`) });
    }
    const progress = num(ch.progress?.after);
    if (a.entity_type === 'task' && progress !== undefined && Object.keys(ch).length === 1) {
      return t('board.activity.progress', { actor, entity: what, progress: formatPercent(progress) });
    }
  }
  return t(`board.activity.${a.action}`, { actor, entity: what });
}

const statuses = ['todo', 'in_progress', 'blocked', 'in_review', 'done'] as const;
function isStatus(s: string): s is (typeof statuses)[number] {
  return (statuses as readonly string[]).includes(s);
}

/** RecentActivity is the latest rows of the trail the viewer may see, newest first. */
export function RecentActivity({ items }: { items: readonly Activity[] }) {
  const { t, locale } = useI18n();
  const pct = (n: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(n / 100);
  if (items.length === 0) return <p className="board-empty">{t('board.activity.empty')}</p>;
  return (
    <ol className="board-activity">
      {items.map((a) => (
        <li key={a.id} className="board-activity__item">
          <span className="avatar board-activity__avatar" aria-hidden="true">{initials(a.actor_name)}</span>
          <div className="board-activity__text">
            <p>{describeActivity(a, t, pct)}</p>
            <p className="board-activity__time"><DateTimeText value={a.created_at} relative /></p>
          </div>
        </li>
      ))}
    </ol>
  );
}

function initials(name: string | null): string {
  if (!name) return '·';
  return name.split(/\s+/).filter((w) => /^\p{L}/u.test(w)).slice(-2).map((w) => w[0]).join('').toUpperCase();
}
