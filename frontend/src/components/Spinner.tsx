import { useT } from '@/lib/i18n';

/** Spinner is a decorative spinning ring; pair it with text. */
export function Spinner({ size = 'md' }: { size?: 'sm' | 'md' }) {
  return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
}

/** Loading announces a wait to screen readers and shows a spinner. */
export function Loading({ label, fullPage = false }: { label?: string; fullPage?: boolean }) {
  const t = useT();
  return (
    <div className={fullPage ? 'loading loading--page' : 'loading'} role="status" aria-live="polite">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
