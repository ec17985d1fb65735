// The app's settings, read from Vite's env (VITE_*) once, checked at start:
// a wrong value stops the app with a clear message instead of odd failures.

function apiBaseUrl(raw: string | undefined): string {
  const v = (raw ?? '').trim();
  if (v === '') return ''; // same origin: the binary serves the SPA and the API
  if (!/^https?:\/\/[^/]+(\/.*)?$/.test(v) || v.endsWith('/')) {
    throw new Error(`VITE_API_URL must be an absolute http(s) URL without a trailing slash, got "${v}"`);
  }
  return v;
}

/** env is the validated configuration. */
export const env = {
  /** Origin of the API; empty means the page's own origin. */
  apiUrl: apiBaseUrl(import.meta.env.VITE_API_URL as string | undefined),
} as const;
