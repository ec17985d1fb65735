import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, ConflictNotice, DateText, DateTimeText, Dialog, FormError, NumberText, TextAreaField } from '@/components';
import { getTask, projectPath, taskPath, type Task } from '@/features/projects';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import { isApiError } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useAccept, useLastProgress, useSendBack } from '../api/review';

/**
 * ReviewItem is one task waiting for review: who did it, in which project,
 * their last progress note, and the two decisions: Accept, or Send back
 * with a comment saying what to change.
 */
export function ReviewItem({ task, projectTitle, onDone }: { task: Task; projectTitle: string | undefined; onDone: (message: string) => void }) {
  const t = useT();
  const last = useLastProgress(task.id);
  const accept = useAccept();
  const [version, setVersion] = useState(task.version);
  const [sendingBack, setSendingBack] = useState(false);
  const headingId = `review-${task.id}`;

  const { reloading, reload } = useConflictReload(() => getTask(task.id), (fresh) => {
    setVersion(fresh.version);
    accept.reset();
  });

  const acceptConflict = isApiError(accept.error) && accept.error.code === 'version_mismatch';

  return (
    <li className="review-item">
      <div className="review-item__main">
        <h2 id={headingId} className="review-item__title"><Link to={taskPath(task.id)}>{task.title}</Link></h2>
        <p className="review-item__meta">
          <span>{t('review.by', { name: task.assignee_name ?? t('kanban.unassigned') })}</span>
          <span aria-hidden="true">·</span>
          <Link to={projectPath(task.project_id)}>{projectTitle ?? t('review.project')}</Link>
          <span aria-hidden="true">·</span>
          <span>{t('review.waiting')} <DateTimeText value={task.status_since} relative /></span>
          {task.due_date && (
            <>
              <span aria-hidden="true">·</span>
              <span className={task.overdue ? 'review-item__late' : undefined}>{t('review.due')} <DateText value={task.due_date} /></span>
            </>
          )}
        </p>
        <div className="review-item__note">
          {last.isPending ? <span className="muted">{t('common.loading')}</span> : last.data ? (
            <>
              <p className="review-item__note-head">
                {t('review.lastNote', { name: last.data.author_name })} · <DateTimeText value={last.data.created_at} relative /> ·{' '}
                <NumberText value={last.data.progress} percent />
                {last.data.hours != null && <> · {t('review.hours', { hours: last.data.hours })}</>}
              </p>
              <blockquote className="review-item__quote">{last.data.note || <span className="muted">{t('review.noNoteText')}</span>}</blockquote>
            </>
          ) : <p className="muted">{t('review.noNote')}</p>}
        </div>
        {acceptConflict && <ConflictNotice onReload={reload} busy={reloading} />}
        {accept.error && !acceptConflict ? <FormError error={accept.error} /> : null}
      </div>
      <div className="review-item__actions">
        <Button variant="primary" busy={accept.isPending} aria-label={t('review.acceptFor', { title: task.title })}
          onClick={() => accept.mutate({ id: task.id, version }, { onSuccess: () => onDone(t('review.accepted', { title: task.title })) })}>
          {t('review.accept')}
        </Button>
        <Button onClick={() => setSendingBack(true)} aria-label={t('review.sendBackFor', { title: task.title })}>{t('review.sendBack')}</Button>
      </div>
      <Dialog open={sendingBack} title={t('review.sendBackTitle', { title: task.title })} onClose={() => setSendingBack(false)}>
        <SendBackForm task={task} version={version} onVersion={setVersion} onCancel={() => setSendingBack(false)}
          onSent={() => { setSendingBack(false); onDone(t('review.sentBack', { title: task.title })); }} />
      </Dialog>
    </li>
  );
}

const fields = ['body', 'comment'] as const;

/** SendBackForm asks for the comment (required), posts it, then moves the task back to in progress. */
export function SendBackForm({ task, version, onVersion, onCancel, onSent }: {
  task: Pick<Task, 'id' | 'title' | 'assignee_name'>; version: number; onVersion: (v: number) => void; onCancel: () => void; onSent: () => void;
}) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [commentPosted, setCommentPosted] = useState(false);
  const sendBack = useSendBack();
  const errs = useFieldErrors(sendBack.error, fields);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (comment.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    sendBack.mutate({ id: task.id, version, comment: comment.trim(), commentPosted, onCommentPosted: () => setCommentPosted(true) }, { onSuccess: onSent });
  }

  const { reloading, reload } = useConflictReload(() => getTask(task.id), (fresh) => {
    onVersion(fresh.version);
    sendBack.reset();
  });

  const fieldError = missing ? t('review.commentRequired') : errs.errorFor('body') ?? errs.errorFor('comment');
  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={t('review.sendBackTitle', { title: task.title })}>
      <p className="muted">{t('review.sendBackIntro', { name: task.assignee_name ?? t('kanban.unassigned') })}</p>
      {errs.conflict && <ConflictNotice onReload={reload} busy={reloading} />}
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      {commentPosted && sendBack.error ? <p className="muted">{t('review.commentKept')}</p> : null}
      <TextAreaField label={t('review.comment')} name="comment" required rows={5} value={comment} readOnly={commentPosted}
        hint={t('review.commentHint')} onChange={(e) => { setComment(e.target.value); if (missing) setMissing(false); }} error={fieldError} />
      <div className="form__actions form__actions--end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={sendBack.isPending}>{t('review.sendBackSubmit')}</Button>
      </div>
    </form>
  );
}
