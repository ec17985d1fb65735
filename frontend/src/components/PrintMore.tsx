import { useT } from '@/lib/i18n';

/** printCap is how many rows of a long list a printed summary keeps. */
export const printCap = 8;

/** printRowClass is the class for row `index` of a capped list: the rows past the cap are left off paper. */
export function printRowClass(index: number, cap = printCap): string {
  return index >= cap ? 'print-hidden' : '';
}

/** PrintMore counts, on paper only, the rows a capped list left off ("+3 more"). */
export function PrintMore({ total, cap = printCap }: { total: number; cap?: number }) {
  const t = useT();
  if (total <= cap) return null;
  return <p className="print-only print-more">{t('common.printMore', { count: total - cap })}</p>;
}
