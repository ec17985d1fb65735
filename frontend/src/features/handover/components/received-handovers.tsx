import { Link } from 'react-router';
import { Card, DateTimeText, StatusBadge } from '@/components';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { useReceivedHandovers } from '../api/hand-over';
import '../handover.css';

/** ReceivedHandovers is the successor's "Handed over to you" section: each handover's tasks and its stored report. */
export function ReceivedHandovers() {
  const { t } = useI18n();
  const received = useReceivedHandovers();
  const items = received.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card>
      <section aria-labelledby="handed-over-to-you" className="handover__received">
        <h2 id="handed-over-to-you" className="card__title">{t('handoverAction.receivedTitle')}</h2>
        {items.map((h) => (
          <div key={h.id} className="handover__receivedone">
            <p className="handover__meta">
              {t('handoverAction.receivedFrom', { name: h.intern_name, by: h.created_by_name })} · <DateTimeText value={h.created_at} />
              {' · '}<Link to={paths.storedHandover.to(h.id)}>{t('handoverAction.openReport')}</Link>
            </p>
            {h.note && <p className="handover__notetext">{h.note}</p>}
            {h.tasks.length === 0 ? <p className="handover__none">{t('handoverAction.noTasks')}</p> : (
              <ul className="handover__tasks">
                {h.tasks.map((task) => (
                  <li key={task.id} className="handover__taskhead handover__task">
                    <Link to={paths.task.to(task.id)} className="handover__title">{task.title}</Link>
                    <StatusBadge status={task.status} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
    </Card>
  );
}
