// Locale-aware formatting with Intl. Dates from the API are "YYYY-MM-DD"
// calendar days: they are formatted in UTC so no time zone shifts them by a
// day. Timestamps (RFC 3339) are shown in the viewer's time zone.

export type DateStyle = 'short' | 'medium' | 'long';

/** formatDate formats a "YYYY-MM-DD" day. */
export function formatDate(value: string, locale: string, style: DateStyle = 'medium'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(d);
}

/** formatDateTime formats an RFC 3339 timestamp in the local time zone. */
export function formatDateTime(value: string, locale: string, style: DateStyle = 'medium'): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: 'short' }).format(d);
}

/** formatNumber formats a number (options as Intl.NumberFormat's). */
export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

/** formatPercent formats 0..100 as a percentage ("40 %" in French). */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** formatRelative says "3 days ago" / "in 2 weeks" for a timestamp, from now. */
export function formatRelative(value: string, locale: string, now: Date = new Date()): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day');
  if (abs < 86400 * 365) return rtf.format(Math.round(seconds / (86400 * 30)), 'month');
  return rtf.format(Math.round(seconds / (86400 * 365)), 'year');
}
