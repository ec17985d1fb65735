import { useT } from '@/lib/i18n';

/**
 * TodayLine marks today across a timeline chart from just above the
 * header rule (at headH) to the bottom (height); its label flips to the
 * left near the right edge (width).
 */
export function TodayLine({ x, headH, height, width, flipWithin }: { x: number; headH: number; height: number; width: number; flipWithin: number }) {
  const t = useT();
  const flip = x > width - flipWithin;
  return (
    <g className="gantt__today" aria-hidden="true">
      <line x1={x} x2={x} y1={headH - 16} y2={height} />
      <text x={flip ? x - 4 : x + 4} y={headH - 5} textAnchor={flip ? 'end' : 'start'}>{t('timeline.today')}</text>
    </g>
  );
}
