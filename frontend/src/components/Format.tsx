import { formatDate, formatDateTime, formatNumber, formatPercent, formatRelative, useI18n, type DateStyle } from '@/lib/i18n';

/** DateText shows a "YYYY-MM-DD" day for the current locale, in a <time>. */
export function DateText({ value, style = 'medium', fallback = '—' }: { value: string | null | undefined; style?: DateStyle; fallback?: string }) {
  const { locale } = useI18n();
  if (!value) return <>{fallback}</>;
  return <time dateTime={value}>{formatDate(value, locale, style)}</time>;
}

/** DateTimeText shows an RFC 3339 timestamp (relative = "3 days ago", full date as tooltip). */
export function DateTimeText({ value, relative = false }: { value: string; relative?: boolean }) {
  const { locale } = useI18n();
  const full = formatDateTime(value, locale);
  return (
    <time dateTime={value} title={relative ? full : undefined}>
      {relative ? formatRelative(value, locale) : full}
    </time>
  );
}

/** NumberText formats a number for the current locale; percent takes 0..100. */
export function NumberText({ value, percent = false, options }: { value: number; percent?: boolean; options?: Intl.NumberFormatOptions }) {
  const { locale } = useI18n();
  return <>{percent ? formatPercent(value, locale) : formatNumber(value, locale, options)}</>;
}
