import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, ConflictNotice, DateText, DateTimeText, EmptyState, FormError, Loading, PageHeader } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth';
import { isApiError } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useEvaluation, useUpdateEvaluation, type Evaluation, type UpdateEvaluationInput } from '../api/evaluations';
import { AssessmentEditor, AssessmentView, type Assessment } from '../components/assessment-form';
import { EvalStateBadge } from '../components/due-evaluations';
import '../evaluations.css';

type Side = 'self' | 'supervisor';

/** bodyOf turns an edited side into the PATCH's assessment. */
function bodyOf(a: Assessment) {
  return { ratings: a.ratings.map((r) => ({ competency: r.competency, score: r.score, comment: r.comment })), comment: a.comment };
}

/**
 * EvaluationPage is one mid-term or final evaluation: the intern's
 * self-assessment beside the supervisor's. The caller edits their own side
 * while the workflow allows it and moves the evaluation on; a signed
 * evaluation is read-only for everyone (the server enforces all of it).
 */
export function EvaluationPage() {
  const t = useT();
  const params = useParams();
  const placementId = Number(params.id);
  const id = Number(params.eid);
  const valid = Number.isInteger(placementId) && placementId > 0 && Number.isInteger(id) && id > 0;
  const ev = useEvaluation(valid ? placementId : 0, valid ? id : 0);

  if (!valid || (isApiError(ev.error) && ev.error.status === 404)) {
    return <><PageHeader title={t('evaluations.title')} /><Card><EmptyState title={t('evaluations.notFound')} /></Card></>;
  }
  if (ev.isPending) return <><PageHeader title={t('evaluations.title')} /><Loading /></>;
  if (ev.error) return <><PageHeader title={t('evaluations.title')} /><FormError error={ev.error} /></>;
  return <EvaluationView ev={ev.data} onReload={() => ev.refetch()} reloading={ev.isFetching} />;
}

function EvaluationView({ ev, onReload, reloading }: { ev: Evaluation; onReload: () => unknown; reloading: boolean }) {
  const t = useT();
  const user = useCurrentUser();
  const update = useUpdateEvaluation();
  const mySide: Side | null = user.role === 'intern' && user.id === ev.intern_id ? 'self'
    : user.role === 'admin' || (user.role === 'supervisor' && user.branch_id === ev.branch_id) ? 'supervisor' : null;
  const editable = mySide === 'self' ? ev.state === 'draft'
    : mySide === 'supervisor' ? ev.state === 'draft' || ev.state === 'submitted' : false;
  const mine = mySide ? ev[mySide] : null;
  // What the caller typed; until they type, the server's copy.
  const [edited, setEdited] = useState<Assessment | null>(null);
  const draft = edited ?? mine;
  const [saved, setSaved] = useState(false);

  function send(state?: Evaluation['state']) {
    const body: UpdateEvaluationInput = {};
    if (editable && mySide && draft) body[mySide] = bodyOf(draft);
    if (state) body.state = state;
    setSaved(false);
    update.mutate({ placementId: ev.placement_id, id: ev.id, version: ev.version, body }, {
      onSuccess: () => { setSaved(true); setEdited(null); },
    });
  }

  const conflict = isApiError(update.error) && update.error.code === 'version_mismatch';
  const signedError = isApiError(update.error) && update.error.code === 'evaluation_signed';
  const complete = draft?.ratings.every((r) => r.score !== null) ?? false;
  const title = t('evaluations.ofIntern', { kind: t(`evaluations.kind.${ev.kind}`), name: ev.intern_name });

  const column = (side: Side) => {
    const value = ev[side];
    const heading = side === 'self' ? t('evaluations.selfTitle') : t('evaluations.supervisorTitle');
    return (
      <section className="card" aria-labelledby={`eval-${side}`}>
        <div className="card__header">
          <h2 id={`eval-${side}`} className="card__title">{heading}</h2>
          {side === 'supervisor' && <p className="card__description">{ev.supervisor_name}</p>}
        </div>
        <div className="card__body">
          {side === mySide && editable && draft ? (
            <AssessmentEditor side={side} value={draft} onChange={setEdited} disabled={update.isPending} />
          ) : value ? (
            <AssessmentView value={value} />
          ) : (
            <p className="eval-hidden muted">{side === 'self' ? t('evaluations.selfHidden') : t('evaluations.supervisorHidden')}</p>
          )}
        </div>
      </section>
    );
  };

  return (
    <article className="evaluation">
      <PageHeader title={title}
        subtitle={<>
          <EvalStateBadge state={ev.state} /> {t('evaluations.due')} <DateText value={ev.due_date} style="long" />
          {ev.overdue && <> · <strong className="eval-due__overdue">{t('evaluations.overdue')}</strong></>}
        </>}
        actions={<>
          <Link className="btn btn--secondary eval-noprint" to={paths.placementTimeline.to(ev.placement_id)}>{t('timeline.title')}</Link>
          <Button className="eval-noprint" onClick={() => window.print()}>{t('evaluations.print')}</Button>
        </>} />
      <div className="stack">
        {ev.state === 'signed' ? (
          <div className="banner" role="status">
            <p className="banner__title">{t('evaluations.signedBanner', { name: ev.signed_by_name })}</p>
            {ev.signed_at && <p><DateTimeText value={ev.signed_at} /></p>}
          </div>
        ) : !editable && mySide && (
          <p className="muted" role="status">{t(`evaluations.readOnly.${mySide}.${ev.state}`)}</p>
        )}
        {conflict && <ConflictNotice onReload={() => { update.reset(); void onReload(); }} busy={reloading} />}
        {signedError && <div className="banner banner--error" role="alert"><p className="banner__title">{t('evaluations.signedError')}</p></div>}
        {update.error && !conflict && !signedError && <FormError error={update.error} />}
        {saved && !update.isPending && <p role="status" className="muted">{t('evaluations.saved')}</p>}

        <div className="eval-sides">
          {column('self')}
          {column('supervisor')}
        </div>

        {mySide && ev.state !== 'signed' && (
          <div className="eval-actions" aria-label={t('evaluations.actions')} role="group">
            {editable && <Button onClick={() => send()} busy={update.isPending}>{t('evaluations.save')}</Button>}
            {mySide === 'self' && ev.state === 'draft' && (
              <Button variant="primary" disabled={!complete} onClick={() => send('submitted')} busy={update.isPending}>{t('evaluations.submit')}</Button>
            )}
            {mySide === 'supervisor' && ev.state === 'submitted' && <>
              <Button variant="primary" disabled={!complete} onClick={() => send('reviewed')} busy={update.isPending}>{t('evaluations.markReviewed')}</Button>
              <Button onClick={() => send('draft')} busy={update.isPending}>{t('evaluations.sendBack')}</Button>
            </>}
            {mySide === 'supervisor' && ev.state === 'reviewed' && (
              <Button variant="primary" onClick={() => send('signed')} busy={update.isPending}>{t('evaluations.sign')}</Button>
            )}
          </div>
        )}
        {mySide && !complete && editable && ((mySide === 'self' && ev.state === 'draft') || (mySide === 'supervisor' && ev.state === 'submitted')) && (
          <p className="muted">{t('evaluations.scoreEvery')}</p>
        )}
      </div>
    </article>
  );
}
