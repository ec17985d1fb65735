import type { Schemas } from '@/lib/api';

export type Tag = Schemas['Tag'];
export type TagKind = Schemas['TagKind'];

/** tagKinds in the order the page shows them. */
export const tagKinds: readonly TagKind[] = ['organisation', 'framework', 'country'];

export type TagGroup = { kind: TagKind; tags: Tag[] };

/**
 * groupTags puts tags under their kind, every kind present (empty ones
 * too, so the page can offer to add one), each group sorted by name in
 * the given locale.
 */
export function groupTags(tags: readonly Tag[], locale = 'en'): TagGroup[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return tagKinds.map((kind) => ({
    kind,
    tags: tags.filter((t) => t.kind === kind).sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code)),
  }));
}
