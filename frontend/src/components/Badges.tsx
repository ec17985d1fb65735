import type { Schemas } from '@/lib/api';
import { formatPercent, useI18n, useT } from '@/lib/i18n';

/** StatusBadge is a task's status, as words with a colour. */
export function StatusBadge({ status }: { status: Schemas['TaskStatus'] }) {
  const t = useT();
  return <span className={`badge badge--status-${status}`}>{t(`taskStatus.${status}`)}</span>;
}

const healthIcon: Record<Schemas['Health'], string> = { on_track: '●', at_risk: '▲', off_track: '■' };

/** HealthBadge is a placement's health: text and a shape, never colour alone. */
export function HealthBadge({ health }: { health: Schemas['Health'] }) {
  const t = useT();
  return (
    <span className={`badge badge--health-${health}`}>
      <span aria-hidden="true" className="badge__icon">{healthIcon[health]}</span>
      {t(`health.${health}`)}
    </span>
  );
}

/** ProgressBar shows 0..100 as a bar with its value for assistive technology. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const { locale } = useI18n();
  const v = Math.max(0, Math.min(100, Math.round(value)));
  const text = formatPercent(v, locale);
  return (
    <div className="progress">
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={v} aria-valuetext={text}>
        <div className="progress__fill" style={{ width: `${v}%` }} />
      </div>
      <span className="progress__text">{text}</span>
    </div>
  );
}
