import { TextAreaField } from '@/components';
import { useT } from '@/lib/i18n';
import type { Evaluation } from '../api/evaluations';

export type Assessment = NonNullable<Evaluation['self']>;
export type Competency = Assessment['ratings'][number]['competency'];

/** SCALE is the rubric's four steps. */
export const SCALE = [1, 2, 3, 4] as const;

/**
 * AssessmentEditor is one side's rubric as radio groups (one fieldset per
 * competency, so a screen reader names the group) with a comment each,
 * then the overall comment.
 */
export function AssessmentEditor({ side, value, onChange, disabled }: {
  side: 'self' | 'supervisor'; value: Assessment; onChange: (a: Assessment) => void; disabled?: boolean;
}) {
  const t = useT();
  const setRating = (i: number, patch: Partial<Assessment['ratings'][number]>) =>
    onChange({ ...value, ratings: value.ratings.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <div>
      {value.ratings.map((r, i) => (
        <fieldset key={r.competency} className="eval-rating" disabled={disabled}>
          <legend>{t(`evaluations.competency.${r.competency}`)}</legend>
          <div className="eval-scale">
            {SCALE.map((n) => (
              <label key={n}>
                <input type="radio" name={`${side}-${r.competency}`} value={n} checked={r.score === n}
                  onChange={() => setRating(i, { score: n })} />
                {n} · {t(`evaluations.scale.${n}`)}
              </label>
            ))}
          </div>
          <TextAreaField label={t('evaluations.commentOn', { competency: t(`evaluations.competency.${r.competency}`) })}
            rows={2} maxLength={2000} value={r.comment} onChange={(e) => setRating(i, { comment: e.target.value })} />
        </fieldset>
      ))}
      <TextAreaField label={t('evaluations.overallComment')} rows={4} maxLength={5000} value={value.comment}
        disabled={disabled} onChange={(e) => onChange({ ...value, comment: e.target.value })} />
    </div>
  );
}

/** AssessmentView shows one side read-only. */
export function AssessmentView({ value }: { value: Assessment }) {
  const t = useT();
  return (
    <dl className="eval-readonly">
      {value.ratings.map((r) => (
        <div key={r.competency} className="eval-rating">
          <dt><strong>{t(`evaluations.competency.${r.competency}`)}</strong></dt>
          <dd className="eval-meta">{r.score ? `${r.score} · ${t(`evaluations.scale.${r.score as 1 | 2 | 3 | 4}`)}` : t('evaluations.notScored')}</dd>
          {r.comment && <dd className="eval-meta">{r.comment}</dd>}
        </div>
      ))}
      <div>
        <dt><strong>{t('evaluations.overallComment')}</strong></dt>
        <dd className="eval-meta">{value.comment || <span className="muted">—</span>}</dd>
      </div>
    </dl>
  );
}
