import { useState } from 'react';
import { Button, FormError, Loading, PageHeader } from '@/components';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { useTags } from '../api/get-tags';
import { DeleteTagDialog } from '../components/delete-tag-dialog';
import { groupTags, type Tag, type TagKind } from '../components/tag-groups';
import { TagGroupSection } from '../components/tag-group-list';
import { TagDialog } from '../components/tag-form';
import '../tags.css';

type Editing = { tag?: Tag | undefined; kind?: TagKind | undefined } | null;

/** TagsPage lists the tags by kind (organisations, frameworks, countries) and lets an admin add, change and delete them. */
export function TagsPage() {
  const { t, locale } = useI18n();
  const tags = useTags();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const [notice, setNotice] = useState<{ key: MessageKey; code: string } | null>(null);

  function open(e: Editing) {
    setNotice(null);
    setEditing(e);
  }

  return (
    <>
      <PageHeader title={t('tags.title')} subtitle={t('tags.subtitle')}
        actions={<Button variant="primary" onClick={() => open({})}>{t('tags.new')}</Button>} />
      {notice && <p className="tags-notice" role="status">{t(notice.key, { code: notice.code })}</p>}
      {tags.isPending ? (
        <Loading />
      ) : tags.isError ? (
        <div className="stack">
          <FormError error={tags.error} />
          <div><Button onClick={() => void tags.refetch()}>{t('common.retry')}</Button></div>
        </div>
      ) : (
        <div className="stack">
          {groupTags(tags.data.items, locale).map((g) => (
            <TagGroupSection key={g.kind} group={g} onAdd={() => open({ kind: g.kind })} onEdit={(tag) => open({ tag })}
              onDelete={(tag) => { setNotice(null); setDeleting(tag); }} />
          ))}
        </div>
      )}
      <TagDialog open={editing !== null} tag={editing?.tag} kind={editing?.kind} onClose={() => setEditing(null)}
        onDone={(tag) => { setEditing(null); setNotice({ key: editing?.tag ? 'tags.saved' : 'tags.created', code: tag.code }); }} />
      <DeleteTagDialog tag={deleting} onClose={() => setDeleting(null)}
        onDeleted={(tag) => { setDeleting(null); setNotice({ key: 'tags.deleted', code: tag.code }); }} />
    </>
  );
}
