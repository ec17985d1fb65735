import { useId } from 'react';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';

type Tag = Schemas['Tag'];
const kinds: readonly Schemas['TagKind'][] = ['organisation', 'framework', 'country'];

/**
 * TagPicker chooses several tags: a fieldset of checkboxes grouped by kind
 * (Tab moves between them, Space ticks), with the server's error below.
 */
export function TagPicker({ tags, value, onChange, error, legend }: {
  tags: readonly Tag[]; value: readonly number[]; onChange: (ids: number[]) => void; error?: string | undefined; legend: string;
}) {
  const t = useT();
  const chosen = new Set(value);
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  function toggle(id: number, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(tags.filter((tag) => next.has(tag.id)).map((tag) => tag.id));
  }
  return (
    <fieldset className={error ? 'tag-picker field--invalid' : 'tag-picker'} aria-describedby={errorId}>
      <legend className="field__label">{legend}</legend>
      {tags.length === 0 && <p className="field__hint">{t('tagPicker.none')}</p>}
      <div className="tag-picker__groups">
        {kinds.map((kind) => {
          const group = tags.filter((tag) => tag.kind === kind);
          if (group.length === 0) return null;
          return (
            <div key={kind} className="tag-picker__group" role="group" aria-label={t(`tags.kind.${kind}`)}>
              <p className="tag-picker__kind" aria-hidden="true">{t(`tags.kind.${kind}`)}</p>
              {group.map((tag) => (
                <label key={tag.id} className="check">
                  <input type="checkbox" checked={chosen.has(tag.id)} onChange={(e) => toggle(tag.id, e.target.checked)} />
                  <span>{tag.name}</span>
                </label>
              ))}
            </div>
          );
        })}
      </div>
      {error && <div className="field__error" id={errorId}>{error}</div>}
    </fieldset>
  );
}

/** TagList shows tag names as small chips. */
export function TagList({ ids, tags }: { ids: readonly number[]; tags: ReadonlyMap<number, Tag> }) {
  if (ids.length === 0) return null;
  return (
    <ul className="tag-chips">
      {ids.map((id) => {
        const tag = tags.get(id);
        return tag ? <li key={id} className="tag-chip" title={tag.name}>{tag.code}</li> : null;
      })}
    </ul>
  );
}
