// Lost-update protection: every editable resource has a `version`, sent as
// `ETag: "<version>"`; a PATCH must send it back as If-Match (428 without,
// 412 `version_mismatch` when someone else saved first).

/** etagOf reads a response's ETag header ("3"), or null. */
export function etagOf(response: Response): string | null {
  return response.headers.get('ETag');
}

/**
 * ifMatch builds the If-Match header params for openapi-fetch from a
 * resource's version (3) or an ETag read earlier ('"3"'):
 *   api.PATCH('/api/v1/users/{id}', { params: { path: { id }, header: ifMatch(user.version) }, body })
 */
export function ifMatch(versionOrEtag: number | string): { 'If-Match': string } {
  const v = typeof versionOrEtag === 'number' ? `"${versionOrEtag}"` : versionOrEtag;
  return { 'If-Match': v };
}
