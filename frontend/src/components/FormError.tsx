import { isApiError } from '@/lib/api';
import { useT, type MessageKey } from '@/lib/i18n';

const known = new Set([
  'validation_failed', 'not_found', 'forbidden', 'unauthenticated', 'conflict', 'version_mismatch',
  'precondition_required', 'invalid_transition', 'rate_limited', 'internal', 'bad_request',
  'body_too_large', 'unsupported_media_type', 'unavailable', 'network', 'placement_handed_over', 'evaluation_signed',
]);

/** errorMessageKey is the locale key explaining an error's code. */
export function errorMessageKey(error: unknown): MessageKey {
  const code = isApiError(error) ? error.code : 'network';
  return (known.has(code) ? `errors.${code}` : 'errors.internal') as MessageKey;
}

/**
 * FormError is the banner above a form: what went wrong in the user's
 * language, the field errors no field shows, and the request id to quote
 * for a server fault. Renders nothing without an error.
 */
export function FormError({ error, unplaced = [] }: { error: unknown; unplaced?: [string, string][] }) {
  const t = useT();
  if (!error && unplaced.length === 0) return null;
  const e = isApiError(error) ? error : null;
  return (
    <div className="banner banner--error" role="alert">
      <p className="banner__title">{error ? t(errorMessageKey(error)) : t('errors.validation_failed')}</p>
      {unplaced.length > 0 && (
        <ul className="banner__list">
          {unplaced.map(([field, message]) => (
            <li key={field}><code>{field}</code>: {message}</li>
          ))}
        </ul>
      )}
      {e?.code === 'rate_limited' && e.retryAfter !== undefined && (
        <p className="banner__meta">{t('errors.retryAfter', { minutes: Math.max(1, Math.ceil(e.retryAfter / 60)) })}</p>
      )}
      {e && e.status >= 500 && e.requestId && (
        <p className="banner__meta">{t('errors.requestId', { id: e.requestId })}</p>
      )}
    </div>
  );
}
