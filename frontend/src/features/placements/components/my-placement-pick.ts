import type { Schemas } from '@/lib/api';

type Placement = Schemas['Placement'];

/**
 * pickCurrentPlacement chooses the placement an intern's home is about:
 * the active one, else the next upcoming one, else the one that ended last.
 */
export function pickCurrentPlacement(items: readonly Placement[]): Placement | undefined {
  const active = items.find((p) => p.state === 'active');
  if (active) return active;
  const upcoming = items.filter((p) => p.state === 'upcoming').sort((a, b) => a.start_date.localeCompare(b.start_date));
  if (upcoming[0]) return upcoming[0];
  return [...items].sort((a, b) => b.end_date.localeCompare(a.end_date))[0];
}

/** todayISO is the viewer's calendar day as YYYY-MM-DD. */
export function todayISO(now: Date = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

/** daysBetween counts the calendar days from a to b (YYYY-MM-DD), negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}
