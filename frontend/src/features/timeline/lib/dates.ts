// Calendar days as numbers. The API's dates are "YYYY-MM-DD" calendar days:
// they are turned into day numbers (days since 1970-01-01, in UTC) so that
// no time zone shifts a bar by a day, and arithmetic stays integer.

/** dayNumber turns "YYYY-MM-DD" into days since 1970-01-01 (NaN when malformed). */
export function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** dayString is the inverse of dayNumber. */
export function dayString(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** todayNumber is the viewer's calendar day (local time) as a day number. */
export function todayNumber(now: Date = new Date()): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000;
}

/**
 * addMonths moves a day by whole calendar months, the day of the month
 * kept, or the month's last day when it has fewer days (31 Jan + 1 = 28/29 Feb).
 */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000;
}

/**
 * isoWeek is the ISO 8601 week of a day: the year it belongs to (which may
 * differ from the calendar year around New Year) and its number (1..53).
 * Weeks start on Monday; week 1 holds the year's first Thursday.
 */
export function isoWeek(day: number): { year: number; week: number } {
  const d = new Date(day * 86_400_000);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  const thursday = day - weekday + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / 86_400_000;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** isoWeekLabel is "2026-W47" for a day of that week. */
export function isoWeekLabel(day: number): string {
  const { year, week } = isoWeek(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** weekNumberOf reads the week number out of "2026-W47" (NaN when malformed). */
export function weekNumberOf(label: string): number {
  const m = /^\d{4}-W(\d{2})$/.exec(label);
  return m ? Number(m[1]) : Number.NaN;
}
