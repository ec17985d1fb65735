import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, ConflictNotice, DateTimeText, Dialog, EmptyState, FormError, Loading, Pagination, TextAreaField } from '@/components';
import { useConflictReload } from '@/hooks/use-conflict-reload';
import { useFieldErrors } from '@/hooks/use-field-errors';
import type { Schemas, User } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useAddComment } from '../api/add-comment';
import { commentsPerPage, useComments } from '../api/get-comments';
import { useDeleteComment } from '../api/delete-comment';
import { getComment, useUpdateComment } from '../api/update-comment';
import { canComment, canDeleteComment } from './status-moves';

type Me = Pick<User, 'id' | 'role' | 'branch_id'>;
type TaskLike = Pick<Schemas['Task'], 'id' | 'status' | 'branch_id' | 'assignee_id'>;

const bodyField = ['body'] as const;

function initials(name: string) {
  return name.split(/\s+/).filter((w) => /^\p{L}/u.test(w)).slice(-2).map((w) => w[0]).join('').toUpperCase();
}

/**
 * Comments lists a task's comments oldest first, a page at a time; those
 * who may comment add one at the end, edit their own (If-Match, with a
 * reload that keeps the edit on 412) and delete their own after a confirm.
 */
export function Comments({ task, user, page, onPageChange }: { task: TaskLike; user: Me; page: number; onPageChange: (p: number) => void }) {
  const t = useT();
  const { data, error, isPending } = useComments(task.id, page);
  const [deleting, setDeleting] = useState<Schemas['Comment'] | null>(null);
  const remove = useDeleteComment();
  const may = canComment(user, task);

  function confirmDelete() {
    if (!deleting) return;
    remove.mutate({ taskId: task.id, id: deleting.id }, {
      onSuccess: () => {
        setDeleting(null);
        if (data && data.items.length === 1 && page > 1) onPageChange(page - 1);
      },
    });
  }

  return (
    <div>
      {isPending && <Loading />}
      {error && <FormError error={error} />}
      {data && data.items.length === 0 && page === 1 && (
        <EmptyState title={t('taskPage.commentsEmpty')}>{may ? t('taskPage.commentsEmptyHint') : null}</EmptyState>
      )}
      {data && data.items.length > 0 && (
        <>
          <ol className="comment-list" aria-label={t('taskPage.commentsTitle')}>
            {data.items.map((c) => (
              <CommentItem key={c.id} comment={c} mine={c.author_id === user.id}
                mayDelete={canDeleteComment(user, task, c)} onDelete={() => { remove.reset(); setDeleting(c); }} />
            ))}
          </ol>
          <Pagination page={data} onPageChange={onPageChange} />
        </>
      )}
      {may && data && (
        <NewComment taskId={task.id} onAdded={() => {
          const last = Math.max(1, Math.ceil((data.total + 1) / commentsPerPage));
          if (last !== page) onPageChange(last);
        }} />
      )}
      <Dialog open={deleting !== null} title={t('taskPage.deleteTitle')} onClose={() => setDeleting(null)}
        footer={(
          <>
            <Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button>
            <Button variant="danger" busy={remove.isPending} onClick={confirmDelete}>{t('taskPage.deleteConfirm')}</Button>
          </>
        )}>
        <div className="stack-sm">
          <p>{t('taskPage.deleteBody')}</p>
          {deleting && <p className="comment__box prewrap">{deleting.body}</p>}
          <FormError error={remove.error} />
        </div>
      </Dialog>
    </div>
  );
}

function CommentItem({ comment, mine, mayDelete, onDelete }: { comment: Schemas['Comment']; mine: boolean; mayDelete: boolean; onDelete: () => void }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const edited = comment.updated_at !== comment.created_at;
  return (
    <li className="comment" aria-label={t('taskPage.commentBy', { name: comment.author_name })}>
      <span className="comment__avatar" aria-hidden="true">{initials(comment.author_name)}</span>
      <div className="comment__box">
        <div className="comment__head">
          <span className="comment__author">{comment.author_name}</span>
          <span className="comment__time">
            <DateTimeText value={comment.created_at} />
            {edited && <> · {t('taskPage.edited')}</>}
          </span>
          {!editing && (mine || mayDelete) && (
            <span className="comment__actions">
              {mine && <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>{t('taskPage.edit')}</Button>}
              {mayDelete && <Button size="sm" variant="ghost" onClick={onDelete}>{t('taskPage.delete')}</Button>}
            </span>
          )}
        </div>
        {editing
          ? <EditComment comment={comment} onDone={() => setEditing(false)} />
          : <p className="comment__body prewrap">{comment.body}</p>}
      </div>
    </li>
  );
}

function EditComment({ comment, onDone }: { comment: Schemas['Comment']; onDone: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [body, setBody] = useState(comment.body);
  const [version, setVersion] = useState(comment.version);
  const save = useUpdateComment();
  const errs = useFieldErrors(save.error, bodyField);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ taskId: comment.task_id, id: comment.id, version, body: body.trim() }, { onSuccess: onDone });
  }

  const { reloading, reload } = useConflictReload(() => getComment({ taskId: comment.task_id, id: comment.id }), (fresh) => {
    setVersion(fresh.version);
    save.reset();
    void qc.invalidateQueries({ queryKey: ['tasks', 'comments', comment.task_id] });
  });

  return (
    <form className="form form--wide comment__body" onSubmit={onSubmit} noValidate aria-label={t('taskPage.editComment')}>
      {errs.conflict && <ConflictNotice onReload={() => void reload()} busy={reloading} />}
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <TextAreaField label={t('taskPage.editComment')} name="body" rows={3} maxLength={10000} required
        value={body} onChange={(e) => setBody(e.target.value)} error={errs.errorFor('body')} />
      <div className="form__actions">
        <Button type="submit" variant="primary" size="sm" busy={save.isPending}>{t('taskPage.saveComment')}</Button>
        <Button size="sm" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

function NewComment({ taskId, onAdded }: { taskId: number; onAdded: () => void }) {
  const t = useT();
  const [body, setBody] = useState('');
  const add = useAddComment();
  const errs = useFieldErrors(add.error, bodyField);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    add.mutate({ taskId, body: body.trim() }, {
      onSuccess: () => {
        setBody('');
        onAdded();
      },
    });
  }

  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={t('taskPage.newComment')}>
      <FormError error={errs.banner} unplaced={errs.unplaced} />
      <TextAreaField label={t('taskPage.newComment')} name="body" rows={3} maxLength={10000} required
        value={body} onChange={(e) => setBody(e.target.value)} error={errs.errorFor('body')} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={add.isPending}>{t('taskPage.postComment')}</Button>
      </div>
    </form>
  );
}
