import { useState, type FormEvent } from 'react';
import { Button, Card, ConflictNotice, FormError, Loading, TextAreaField } from '@/components';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { getReport, useCreateReport, usePlacementReports, useUpdateReport, type WeeklyReport } from '../api/reports';
import { mondayOf } from '../lib/week';
import { ReportStateBadge } from './report-badges';
import { ReportBody, WeekTitle } from './report-text';
import '../reports.css';

const maxText = 2000;
const fields = ['done', 'next', 'blockers', 'week', 'state'] as const;

/**
 * WeeklyReportCard is the intern's "This week's report" on My placement:
 * the form for this week's report (or for a report sent back for
 * revision), saved as a draft or submitted, and the past reports with
 * their state and the supervisor's comment.
 */
export function WeeklyReportCard({ placement }: { placement: Schemas['Placement'] }) {
  const t = useT();
  const reports = usePlacementReports(placement.id);
  const week = mondayOf(new Date());
  const [revising, setRevising] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = reports.data?.items ?? [];
  const current = items.find((r) => r.week === week);
  const editing = (revising !== null ? items.find((r) => r.id === revising) : undefined) ?? current;
  const canStart = placement.state === 'active' && current === undefined;
  const past = items.filter((r) => r.id !== editing?.id);

  return (
    <Card title={t('reports.thisWeek')} description={t('reports.thisWeekDescription')}>
      {reports.isPending ? <Loading /> : reports.error ? <FormError error={reports.error} /> : (
        <div className="stack">
          <p className={status ? 'form__status' : 'visually-hidden'} role="status">{status}</p>
          {editing && !(editing.state === 'draft' || editing.state === 'needs_revision') ? (
            <section className="report-current" aria-labelledby={`report-${editing.id}`}>
              <h3 id={`report-${editing.id}`} className="report-current__title">
                <WeekTitle week={editing.week} /> <ReportStateBadge state={editing.state} />
              </h3>
              <p className="muted">{editing.state === 'accepted' ? t('reports.acceptedHint') : t('reports.submittedHint')}</p>
              <ReportBody report={editing} />
            </section>
          ) : editing || canStart ? (
            <ReportForm key={editing ? editing.id : 'new'} placementId={placement.id} week={editing?.week ?? week}
              report={editing} onStatus={setStatus} onSubmitted={() => setRevising(null)} />
          ) : (
            <p className="muted">{t('reports.notActive')}</p>
          )}
          {past.length > 0 && (
            <section aria-label={t('reports.pastTitle')}>
              <h3 className="report-past__title">{t('reports.pastTitle')}</h3>
              <ul className="report-past">
                {past.map((r) => (
                  <li key={r.id} className={`report-past__item report-past__item--${r.state}`}>
                    <div className="report-past__head">
                      <span className="report-past__week"><WeekTitle week={r.week} /></span>
                      <ReportStateBadge state={r.state} />
                      {r.state === 'needs_revision' && (
                        <Button size="sm" onClick={() => setRevising(r.id)} aria-label={t('reports.reviseFor', { week: r.week })}>{t('reports.revise')}</Button>
                      )}
                    </div>
                    <ReportBody report={r} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </Card>
  );
}

/** ReportForm writes a report: a new one (POST) or a draft or report sent back (PATCH), saved or submitted. */
function ReportForm({ placementId, week, report, onStatus, onSubmitted }: {
  placementId: number; week: string; report: WeeklyReport | undefined; onStatus: (s: string | null) => void; onSubmitted: () => void;
}) {
  const t = useT();
  const [done, setDone] = useState(report?.done ?? '');
  const [next, setNext] = useState(report?.next ?? '');
  const [blockers, setBlockers] = useState(report?.blockers ?? '');
  const [version, setVersion] = useState(report?.version ?? 0);
  const [missing, setMissing] = useState<{ done?: boolean; next?: boolean }>({});
  const create = useCreateReport();
  const update = useUpdateReport();
  const [submitting, setSubmitting] = useState(false);
  const error = create.error ?? update.error;
  const errs = useFieldErrors(error, fields);
  const busy = create.isPending || update.isPending;

  async function save(submit: boolean) {
    onStatus(null);
    if (submit && (done.trim() === '' || next.trim() === '')) {
      setMissing({ done: done.trim() === '', next: next.trim() === '' });
      return;
    }
    setMissing({});
    setSubmitting(submit);
    const texts = { done, next, blockers };
    try {
      if (!report) {
        const made = await create.mutateAsync({ placementId, body: { week, ...texts } });
        if (submit) await update.mutateAsync({ report: made, body: { state: 'submitted' } });
      } else {
        const saved = await update.mutateAsync({ report: { ...report, version }, body: submit ? { ...texts, state: 'submitted' } : texts });
        setVersion(saved.version);
      }
      onStatus(submit ? t('reports.submitted') : t('reports.saved'));
      if (submit) onSubmitted();
    } catch {
      // Shown by FormError below.
    }
  }

  const { reloading, reload } = useConflictReload(report ? () => getReport(report.placement_id, report.id) : null, (fresh) => {
    setVersion(fresh.version);
    update.reset();
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void save(true);
  }

  return (
    <form className="form form--wide report-form" onSubmit={onSubmit} noValidate aria-label={t('reports.formLabel', { week })}>
      <h3 className="report-current__title">
        <WeekTitle week={week} /> {report && <ReportStateBadge state={report.state} />}
      </h3>
      {report?.state === 'needs_revision' && report.review_comment && (
        <div className="report-comment report-comment--attention" role="note">
          <p className="report-comment__head">{t('reports.sentBackBy', { name: report.reviewer_name ?? '' })}</p>
          <blockquote className="report-comment__quote">{report.review_comment}</blockquote>
        </div>
      )}
      {errs.conflict && <ConflictNotice onReload={() => void reload()} busy={reloading} />}
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <TextAreaField label={t('reports.done')} name="done" rows={3} maxLength={maxText} value={done} hint={t('reports.doneHint')}
        onChange={(e) => setDone(e.target.value)} error={missing.done ? t('reports.required') : errs.errorFor('done')} />
      <TextAreaField label={t('reports.next')} name="next" rows={3} maxLength={maxText} value={next} hint={t('reports.nextHint')}
        onChange={(e) => setNext(e.target.value)} error={missing.next ? t('reports.required') : errs.errorFor('next')} />
      <TextAreaField label={t('reports.blockers')} name="blockers" rows={2} maxLength={maxText} value={blockers} hint={t('reports.blockersHint')}
        onChange={(e) => setBlockers(e.target.value)} error={errs.errorFor('blockers')} />
      <div className="form__actions form__actions--end">
        <Button onClick={() => void save(false)} busy={busy && !submitting}>{t('reports.saveDraft')}</Button>
        <Button type="submit" variant="primary" busy={busy && submitting}>
          {report?.state === 'needs_revision' ? t('reports.resubmit') : t('reports.submit')}
        </Button>
      </div>
    </form>
  );
}

