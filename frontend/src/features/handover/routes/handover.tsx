import { Link, useParams } from 'react-router';
import { Button, Card, DateText, DateTimeText, EmptyState, FormError, Loading, PageHeader, StatusBadge } from '@/components';
import { paths } from '@/config/paths';
import { isApiError, type Schemas } from '@/lib/api';
import { formatDate, formatDateTime, formatPercent, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/features/auth';
import { useHandover } from '../api/get-handover';
import { useStoredHandover } from '../api/hand-over';
import { canHandOverNow, HandedOverBanner, HandOverAction } from '../components/hand-over-dialog';
import '../handover.css';

/**
 * HandoverPage is a placement's handover report, made to be printed: the
 * intern's work per stream with its progress notes, then the open tasks to
 * pass on. Whoever may read the placement may open it (the server decides).
 */
export function HandoverPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const report = useHandover(valid ? id : 0);
  return <ReportView valid={valid} query={report} />;
}

/** StoredHandoverPage is a stored handover's report (paths.storedHandover): what the successor opens from their home. */
export function StoredHandoverPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const report = useStoredHandover(valid ? id : 0);
  return <ReportView valid={valid} query={report} />;
}

function ReportView({ valid, query: report }: { valid: boolean; query: { data?: Schemas['Handover']; error: unknown; isPending: boolean } }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  if (!valid || (isApiError(report.error) && report.error.status === 404)) {
    return <><PageHeader title={t('handover.title')} /><Card><EmptyState title={t('handover.notFound')} /></Card></>;
  }
  if (report.isPending || !report.data) {
    return <><PageHeader title={t('handover.title')} />{report.error ? <FormError error={report.error} /> : <Loading />}</>;
  }

  const h = report.data;
  const p = h.placement;
  const manages = user.role === 'admin' || (user.role === 'supervisor' && user.branch_id === p.branch_id);
  return (
    <article className="handover">
      <PageHeader
        title={t('handover.titleOf', { name: p.intern_name })}
        subtitle={<>
          {t('handover.subtitle', { from: formatDate(p.start_date, locale, 'long'), to: formatDate(p.end_date, locale, 'long'), supervisor: p.supervisor_name })}
          <br />{t('handover.generated', { date: formatDateTime(h.generated_at, locale, 'long') })}
        </>}
        actions={<>
          <Link className="btn" to={paths.placementTimeline.to(p.id)}>{t('handover.back')}</Link>
          {manages && !p.handed_over_at && canHandOverNow(p) && <HandOverAction placement={p} openTasks={h.open_tasks.length} />}
          <Button variant="primary" onClick={() => window.print()}>{t('handover.print')}</Button>
        </>} />

      <HandedOverBanner placement={p} record={h.handover} />

      <section className="card handover__section" aria-labelledby="handover-open">
        <div className="card__header">
          <h2 id="handover-open" className="card__title">{t('handover.openTasks')}</h2>
          <p className="card__description">{t('handover.openDescription')}</p>
        </div>
        <div className="card__body">
          {h.open_tasks.length === 0 ? <p>{t('handover.noOpen')}</p> : <OpenTasks tasks={h.open_tasks} />}
        </div>
      </section>

      <section className="card handover__section" aria-labelledby="handover-streams">
        <div className="card__header">
          <h2 id="handover-streams" className="card__title">{t('handover.streams')}</h2>
        </div>
        <div className="card__body">
          {h.streams.length === 0 ? <p>{t('handover.noWork')}</p> : h.streams.map((s) => (
            <section key={s.stream_id} className="handover__stream" aria-labelledby={`handover-s${s.stream_id}`}>
              <h3 id={`handover-s${s.stream_id}`} className="handover__streamname">{s.stream_name}</h3>
              <ul className="handover__tasks">
                {s.tasks.map((task) => <HandoverTaskItem key={task.id} task={task} />)}
              </ul>
            </section>
          ))}
        </div>
      </section>
    </article>
  );
}

function OpenTasks({ tasks }: { tasks: readonly Schemas['Task'][] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table handover__open">
        <thead>
          <tr>
            <th scope="col">{t('handover.col.task')}</th>
            <th scope="col">{t('handover.col.status')}</th>
            <th scope="col">{t('handover.col.progress')}</th>
            <th scope="col">{t('handover.col.due')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <th scope="row"><Link to={paths.task.to(task.id)}>{task.title}</Link></th>
              <td><StatusBadge status={task.status} /></td>
              <td>{formatPercent(task.progress, locale)}</td>
              <td>
                {task.due_date ? <DateText value={task.due_date} /> : '—'}
                {task.overdue && <> <strong className="handover__overdue">{t('handover.overdue')}</strong></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HandoverTaskItem({ task }: { task: Schemas['HandoverTask'] }) {
  const { t, locale } = useI18n();
  const when = task.completed_at
    ? t('handover.completedOn', { date: formatDateTime(task.completed_at, locale, 'medium') })
    : task.due_date ? t('handover.dueOn', { date: formatDate(task.due_date, locale, 'medium') }) : null;
  return (
    <li className="handover__task">
      <div className="handover__taskhead">
        <Link to={paths.task.to(task.id)} className="handover__title">{task.title}</Link>
        <StatusBadge status={task.status} />
        <span className="handover__meta">{t('handover.done', { share: formatPercent(task.progress, locale) })}{when && ` · ${when}`}</span>
      </div>
      {task.notes.length === 0 ? <p className="handover__none">{t('handover.noNotes')}</p> : (
        <ol className="handover__notes" aria-label={t('handover.notes')}>
          {task.notes.map((n, i) => (
            <li key={`${n.created_at}-${i}`} className="handover__note">
              <p className="handover__notemeta">
                <DateTimeText value={n.created_at} /> · {t('handover.noteMeta', { author: n.author_name, share: formatPercent(n.progress, locale) })}
              </p>
              {n.note.trim() && <p className="handover__notetext">{n.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
