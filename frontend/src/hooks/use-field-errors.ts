import { useMemo } from 'react';
import { ApiError, isApiError } from '@/lib/api';
import { serverMessage, useI18n, type Locale } from '@/lib/i18n';

export type FieldErrors = {
  /** errorFor is the server's message for a field the form shows. */
  errorFor: (field: string) => string | undefined;
  /** unplaced are field errors for fields this form does not show. */
  unplaced: [field: string, message: string][];
  /** banner is the error for <FormError> (null when every message sits beside its field, or on a 412). */
  banner: ApiError | null;
  /** conflict is true on 412 version_mismatch: show <ConflictNotice>. */
  conflict: boolean;
};

/**
 * fieldErrors maps an ApiError's per-field `errors` onto the form's fields.
 * Messages for fields the form does not show go to the banner, so no error
 * is ever lost.
 */
export function fieldErrors(error: unknown, fields: readonly string[], locale: Locale = 'en'): FieldErrors {
  if (!error) return { errorFor: () => undefined, unplaced: [], banner: null, conflict: false };
  const e = isApiError(error) ? error : ApiError.network(error);
  const known = new Set(fields);
  const placed: Record<string, string> = {};
  const unplaced: [string, string][] = [];
  for (const [field, message] of Object.entries(e.errors)) {
    const text = serverMessage(locale, message);
    if (known.has(field)) placed[field] = text;
    else unplaced.push([field, text]);
  }
  const conflict = e.code === 'version_mismatch';
  const allPlaced = Object.keys(placed).length > 0 && unplaced.length === 0;
  return {
    errorFor: (f) => placed[f],
    unplaced,
    banner: conflict || allPlaced ? null : e,
    conflict,
  };
}

/** useFieldErrors is fieldErrors in the current locale, memoised for a render. */
export function useFieldErrors(error: unknown, fields: readonly string[]): FieldErrors {
  const { locale } = useI18n();
  const key = fields.join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => fieldErrors(error, fields, locale), [error, key, locale]);
}
