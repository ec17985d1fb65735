import { useT } from '@/lib/i18n';
import { Button } from './Button';

/** Page is the API list envelope's paging fields. */
export type Page = { total: number; page: number; per_page: number };

/** Pagination shows "1–50 of 123" with previous/next; hidden when one page holds all. */
export function Pagination({ page, onPageChange }: { page: Page; onPageChange: (p: number) => void }) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(page.total / page.per_page));
  if (page.total <= page.per_page && page.page === 1) return null;
  const from = page.total === 0 ? 0 : (page.page - 1) * page.per_page + 1;
  const to = Math.min(page.total, page.page * page.per_page);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <span className="pagination__range">{t('pagination.range', { from, to, total: page.total })}</span>
      <div className="pagination__buttons">
        <Button size="sm" disabled={page.page <= 1} onClick={() => onPageChange(page.page - 1)}>
          {t('pagination.previous')}
        </Button>
        <span className="pagination__page">{t('pagination.page', { page: page.page, pages })}</span>
        <Button size="sm" disabled={page.page >= pages} onClick={() => onPageChange(page.page + 1)}>
          {t('pagination.next')}
        </Button>
      </div>
    </nav>
  );
}
