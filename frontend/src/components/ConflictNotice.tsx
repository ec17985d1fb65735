import { useT } from '@/lib/i18n';
import { Button } from './Button';

/**
 * ConflictNotice answers a 412 version_mismatch: someone saved the item
 * since it was read. onReload must fetch the item again and adopt its new
 * version WITHOUT resetting what the user typed (see frontend/README.md).
 */
export function ConflictNotice({ onReload, busy = false }: { onReload: () => void; busy?: boolean }) {
  const t = useT();
  return (
    <div className="banner banner--warning" role="alert">
      <p className="banner__title">{t('conflict.title')}</p>
      <p>{t('conflict.body')}</p>
      <div className="banner__actions">
        <Button variant="primary" size="sm" onClick={onReload} busy={busy}>
          {t('conflict.reload')}
        </Button>
      </div>
    </div>
  );
}
