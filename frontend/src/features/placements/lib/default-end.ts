/**
 * defaultEndDate is the end the server gives a placement starting on start
 * ("YYYY-MM-DD") when none is set, as pkg/tracker.DefaultEnd: the day
 * before the same day six calendar months later, or the last day of that
 * month when it has no such day. Undefined for a malformed date.
 */
export function defaultEndDate(start: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const first = Date.UTC(y, mo + 6, 1);
  const lastDay = new Date(Date.UTC(y, mo + 7, 0)).getUTCDate();
  const day = 86_400_000;
  const end = d > lastDay ? first + (lastDay - 1) * day : first + (d - 2) * day;
  return new Date(end).toISOString().slice(0, 10);
}
