import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, ConflictNotice, DateTimeText, FormError, TextAreaField } from '@/components';
import { paths } from '@/config/paths';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import { isApiError } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { getReport, useUpdateReport, type WeeklyReport } from '../api/reports';
import { ReportBody, WeekTitle } from './report-text';

const fields = ['review_comment', 'state'] as const;

/**
 * ReportReviewItem is one submitted report in the queue, decided in
 * place: Accept, or Needs revision with a comment (required) saying what
 * to change.
 */
export function ReportReviewItem({ report, onDone }: { report: WeeklyReport; onDone: (message: string) => void }) {
  const t = useT();
  const update = useUpdateReport();
  const [version, setVersion] = useState(report.version);
  const [revising, setRevising] = useState(false);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const errs = useFieldErrors(update.error, fields);
  const headingId = `weekly-report-${report.id}`;
  const who = { name: report.intern_name, week: report.week };

  function decide(body: { state: 'accepted' } | { state: 'needs_revision'; review_comment: string }, message: string) {
    update.mutate({ report: { ...report, version }, body }, { onSuccess: () => onDone(message) });
  }

  function onSendBack(e: FormEvent) {
    e.preventDefault();
    if (comment.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    decide({ state: 'needs_revision', review_comment: comment.trim() }, t('reports.sentBack', who));
  }

  const { reloading, reload } = useConflictReload(() => getReport(report.placement_id, report.id), (fresh) => {
    setVersion(fresh.version);
    update.reset();
  });

  const conflict = isApiError(update.error) && update.error.code === 'version_mismatch';
  return (
    <li className="review-item report-review" aria-labelledby={headingId}>
      <div className="review-item__main">
        <h2 id={headingId} className="review-item__title">
          {report.intern_name} · <WeekTitle week={report.week} />
        </h2>
        <p className="review-item__meta">
          {report.submitted_at && <span>{t('reports.submittedAt')} <DateTimeText value={report.submitted_at} relative /></span>}
          <span aria-hidden="true">·</span>
          <Link to={paths.placementTimeline.to(report.placement_id)}>{t('reports.placementLink')}</Link>
        </p>
        <div className="review-item__note">
          <ReportBody report={report} showComment={false} />
        </div>
        {conflict && <ConflictNotice onReload={() => void reload()} busy={reloading} />}
        {!revising && update.error && !conflict ? <FormError error={update.error} /> : null}
        {revising && (
          <form className="form form--wide" onSubmit={onSendBack} noValidate aria-label={t('reports.sendBackFor', who)}>
            <FormError error={errs.banner} unplaced={errs.unplaced} />
            <TextAreaField label={t('reports.reviewComment')} name="review_comment" required rows={3} maxLength={2000} value={comment}
              hint={t('reports.reviewCommentHint')} error={missing ? t('reports.commentRequired') : errs.errorFor('review_comment')}
              onChange={(e) => { setComment(e.target.value); if (missing) setMissing(false); }} />
            <div className="form__actions form__actions--end">
              <Button onClick={() => { setRevising(false); setMissing(false); }}>{t('common.cancel')}</Button>
              <Button type="submit" variant="primary" busy={update.isPending}>{t('reports.sendBack')}</Button>
            </div>
          </form>
        )}
      </div>
      {!revising && (
        <div className="review-item__actions">
          <Button variant="primary" busy={update.isPending} aria-label={t('reports.acceptFor', who)}
            onClick={() => decide({ state: 'accepted' }, t('reports.accepted', who))}>
            {t('reports.accept')}
          </Button>
          <Button onClick={() => setRevising(true)} aria-label={t('reports.needsRevisionFor', who)}>{t('reports.needsRevision')}</Button>
        </div>
      )}
    </li>
  );
}
