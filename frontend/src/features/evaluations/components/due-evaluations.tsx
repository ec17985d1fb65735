import { Link } from 'react-router';
import { DateText, PrintMore, printRowClass } from '@/components';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';
import type { EvaluationDue } from '../api/evaluations';
import '../evaluations.css';

type Row = Pick<EvaluationDue, 'placement_id' | 'intern_name' | 'kind' | 'due_date' | 'overdue' | 'state'> & { id: number };

/**
 * DueEvaluations lists evaluations due soon or overdue, each linking to its
 * page; with printCap, paper keeps that many and counts the rest.
 */
export function DueEvaluations({ items, empty, printCap }: { items: readonly Row[]; empty?: string; printCap?: number }) {
  const t = useT();
  if (items.length === 0) return <p className="muted">{empty ?? t('evaluations.noneDue')}</p>;
  const cap = printCap ?? items.length;
  return (
    <>
      <ul className="eval-due">
        {items.map((e, i) => (
          <li key={e.id} className={`eval-due__item ${printRowClass(i, cap)}`}>
            <Link to={paths.evaluation.to(e.placement_id, e.id)} className="eval-due__name">
              {t('evaluations.ofIntern', { kind: t(`evaluations.kind.${e.kind}`), name: e.intern_name })}
            </Link>
            <span className="eval-due__meta">
              <EvalStateBadge state={e.state} /> {t('evaluations.due')} <DateText value={e.due_date} />
              {e.overdue && <> <strong className="eval-due__overdue">{t('evaluations.overdue')}</strong></>}
            </span>
          </li>
        ))}
      </ul>
      <PrintMore total={items.length} cap={cap} />
    </>
  );
}

/** EvalStateBadge shows an evaluation's state. */
export function EvalStateBadge({ state }: { state: EvaluationDue['state'] }) {
  const t = useT();
  return <span className={`badge eval-state eval-state--${state}`}>{t(`evaluations.state.${state}`)}</span>;
}
