import { Button, Dialog, FormError } from '@/components';
import { useT } from '@/lib/i18n';
import { useDeleteTag } from '../api/delete-tag';
import type { Tag } from './tag-groups';

/** DeleteTagDialog asks before deleting a tag, and says what deleting it does. */
export function DeleteTagDialog({ tag, onClose, onDeleted }: { tag: Tag | null; onClose: () => void; onDeleted: (t: Tag) => void }) {
  const t = useT();
  const del = useDeleteTag();
  function close() {
    del.reset();
    onClose();
  }
  return (
    <Dialog open={tag !== null} title={t('tags.deleteTitle')} onClose={close}
      footer={tag && (
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button variant="danger" busy={del.isPending} onClick={() => del.mutate(tag.id, { onSuccess: () => { del.reset(); onDeleted(tag); } })}>
            {t('tags.delete')}
          </Button>
        </>
      )}>
      {tag && (
        <div className="stack">
          <FormError error={del.error} />
          <p>{t('tags.deleteConfirm', { code: tag.code, name: tag.name })}</p>
          <p className="tags-muted">{t('tags.deleteEffect')}</p>
        </div>
      )}
    </Dialog>
  );
}
