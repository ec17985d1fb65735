import { Button } from '@/components';
import { useT } from '@/lib/i18n';
import type { Tag, TagGroup } from './tag-groups';

/** TagGroupSection is one kind's card: its tags with edit and delete, or an invitation to add the first. */
export function TagGroupSection({ group, onAdd, onEdit, onDelete }: {
  group: TagGroup; onAdd: () => void; onEdit: (t: Tag) => void; onDelete: (t: Tag) => void;
}) {
  const t = useT();
  const headingId = `tags-${group.kind}`;
  return (
    <section className="card tags-group" aria-labelledby={headingId}>
      <div className="tags-group__header">
        <div>
          <h2 id={headingId} className="card__title">
            {t(`tags.kindPlural.${group.kind}`)} <span className="tags-group__count">{t('tags.count', { count: group.tags.length })}</span>
          </h2>
          <p className="card__description">{t(`tags.kindHint.${group.kind}`)}</p>
        </div>
        <Button size="sm" onClick={onAdd}>{t(`tags.addKind.${group.kind}`)}</Button>
      </div>
      {group.tags.length === 0 ? (
        <p className="tags-group__empty">{t('tags.groupEmpty')}</p>
      ) : (
        <ul className="tags-list">
          {group.tags.map((tag) => (
            <li key={tag.id} className="tags-list__item">
              <span className="tags-code">{tag.code}</span>
              <div className="tags-list__text">
                <span className="tags-list__name">{tag.name}</span>
                {tag.description && <span className="tags-list__description">{tag.description}</span>}
              </div>
              <div className="tags-list__actions">
                <Button size="sm" variant="ghost" onClick={() => onEdit(tag)} aria-label={t('tags.editLabel', { code: tag.code })}>{t('tags.edit')}</Button>
                <Button size="sm" variant="ghost" className="tags-delete" onClick={() => onDelete(tag)} aria-label={t('tags.deleteLabel', { code: tag.code })}>{t('tags.delete')}</Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
