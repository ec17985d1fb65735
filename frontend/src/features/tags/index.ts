// The tags feature's public face: the tag list for other features' forms and filters.
export { tagsQueryKey, tagsQueryOptions, useTags } from './api/get-tags';
export { groupTags, tagKinds, type Tag, type TagGroup, type TagKind } from './components/tag-groups';
