import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, DateTimeText, EmptyState, FormError, Loading, PageHeader, Pagination } from '@/components';
import { paths } from '@/config/paths';
import type { Schemas } from '@/lib/api';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications';
import '../notifications.css';

/** linkOf is the page a notification leads to: its task, or its placement's timeline. */
export function linkOf(n: Schemas['Notification']): string {
  if (n.task_id !== null) return paths.task.to(n.task_id);
  if (n.placement_id !== null) return paths.placementTimeline.to(n.placement_id);
  return paths.notifications.path;
}

/** NotificationsPage lists the caller's notifications with links to their subjects and mark-as-read. */
export function NotificationsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [unread, setUnread] = useState(false);
  const list = useNotifications({ page, per_page: 25, ...(unread ? { unread: true } : {}) });
  const markAll = useMarkAllRead();
  const mark = useMarkRead();
  const navigate = useNavigate();

  function open(n: Schemas['Notification']) {
    const to = linkOf(n);
    if (n.read_at) return void navigate(to);
    mark.mutate(n.id, { onSettled: () => void navigate(to) });
  }

  return (
    <>
      <PageHeader title={t('notifications.title')} subtitle={t('notifications.subtitle')}
        actions={<>
          <Button onClick={() => { setUnread(!unread); setPage(1); }} aria-pressed={unread}>{t('notifications.onlyUnread')}</Button>
          <Button variant="primary" onClick={() => markAll.mutate()} disabled={markAll.isPending}>{t('notifications.markAll')}</Button>
        </>} />
      {list.isPending && <Loading />}
      {list.error && <FormError error={list.error} />}
      {list.data && (list.data.items.length === 0 ? (
        <Card><EmptyState title={t('notifications.empty')} /></Card>
      ) : (
        <Card>
          <ul className="notes">
            {list.data.items.map((n) => (
              <li key={n.id} className={n.read_at ? 'notes__item' : 'notes__item notes__item--unread'}>
                <div className="notes__text">
                  <a href={linkOf(n)} className="notes__link" onClick={(e) => { e.preventDefault(); open(n); }}>
                    {t(`notifications.kind.${n.kind}` as MessageKey, { subject: n.subject, actor: n.actor_name ?? '' })}
                  </a>
                  <span className="notes__meta">
                    <DateTimeText value={n.created_at} />
                    {!n.read_at && <> · <strong>{t('notifications.unread')}</strong></>}
                  </span>
                </div>
                {!n.read_at && (
                  <Button onClick={() => mark.mutate(n.id)} disabled={mark.isPending} aria-label={t('notifications.markOneLabel', { subject: n.subject })}>
                    {t('notifications.markOne')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <Pagination page={list.data} onPageChange={setPage} />
        </Card>
      ))}
      <p className="notes__back"><Link to={paths.home.path}>{t('notifications.back')}</Link></p>
    </>
  );
}
