import { DateText, DateTimeText } from '@/components';
import { useT } from '@/lib/i18n';
import type { WeeklyReport } from '../api/reports';

/** ReportBody shows a report's three texts, and the reviewer's comment when there is one. */
export function ReportBody({ report, showComment = true }: { report: WeeklyReport; showComment?: boolean }) {
  const t = useT();
  return (
    <>
      <dl className="report-body">
        <div><dt>{t('reports.done')}</dt><dd>{report.done || <span className="muted">{t('reports.nothing')}</span>}</dd></div>
        <div><dt>{t('reports.next')}</dt><dd>{report.next || <span className="muted">{t('reports.nothing')}</span>}</dd></div>
        <div><dt>{t('reports.blockers')}</dt><dd>{report.blockers || <span className="muted">{t('reports.noBlockers')}</span>}</dd></div>
      </dl>
      {showComment && report.review_comment && (
        <div className="report-comment">
          <p className="report-comment__head">
            {t('reports.commentBy', { name: report.reviewer_name ?? '' })}
            {report.reviewed_at && <> · <DateTimeText value={report.reviewed_at} relative /></>}
          </p>
          <blockquote className="report-comment__quote">{report.review_comment}</blockquote>
        </div>
      )}
    </>
  );
}

/** WeekTitle is "Week of 23 Nov 2026". */
export function WeekTitle({ week }: { week: string }) {
  const t = useT();
  return <>{t('reports.weekOf')} <DateText value={week} /></>;
}
