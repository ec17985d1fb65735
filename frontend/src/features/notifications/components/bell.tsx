import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { useUnreadCount } from '../api/notifications';
import '../notifications.css';

/** Bell is the header's link to the notifications, with the unread count (polled; announced politely when it changes). */
export function Bell() {
  const { t } = useI18n();
  const count = useUnreadCount();
  const n = count.data?.unread ?? 0;
  const label = n > 0 ? t('notifications.bellUnread', { count: String(n) }) : t('notifications.bell');
  return (
    <Link to={paths.notifications.path} className="bell" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6zM9.5 19a2.5 2.5 0 0 0 5 0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
      </svg>
      <span className="bell__count" aria-live="polite" data-testid="unread-count">{n > 0 ? (n > 99 ? '99+' : n) : ''}</span>
    </Link>
  );
}
