import { Link } from 'react-router';
import { Card } from '@/components';
import { paths } from '@/config/paths';
import { formatDate, useI18n } from '@/lib/i18n';
import { useEvaluations } from '../api/evaluations';
import { EvalStateBadge } from './due-evaluations';
import '../evaluations.css';

/**
 * MyEvaluations is the intern's card of their placement's evaluations: a
 * call to fill the self-assessment while a draft, then where it stands.
 */
export function MyEvaluations({ placementId }: { placementId: number }) {
  const { t, locale } = useI18n();
  const evs = useEvaluations({ placement_id: placementId, per_page: 10 });
  if (!evs.data || evs.data.items.length === 0) return null;
  return (
    <Card title={t('evaluations.title')} description={t('evaluations.myDescription')}>
      <ul className="eval-due">
        {evs.data.items.map((e) => (
          <li key={e.id} className="eval-due__item">
            <Link to={paths.evaluation.to(e.placement_id, e.id)} className="eval-due__name">
              {e.state === 'draft'
                ? t('evaluations.fillCall', { kind: t(`evaluations.kind.${e.kind}`), date: formatDate(e.due_date, locale, 'medium') })
                : t(`evaluations.kind.${e.kind}`)}
            </Link>
            <span className="eval-due__meta">
              <EvalStateBadge state={e.state} />
              {e.overdue && <> <strong className="eval-due__overdue">{t('evaluations.overdue')}</strong></>}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
