import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/** QueryChanges are the keys to set; undefined, null and '' remove a key. */
export type QueryChanges = Record<string, string | number | undefined | null>;

/** positiveInt reads a search parameter as an id or page number, else undefined. */
export function positiveInt(v: string | null): number | undefined {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 ? n : undefined;
}

/**
 * useQueryState keeps a page's filters in the URL (so a reload or a shared
 * link shows the same list). set() changes some keys and, unless the page
 * itself changes, goes back to page 1 (removes ?page=). replaceAll() puts
 * exactly the given keys. Both replace the history entry unless the page
 * asks for `history: 'push'` (so Back walks through the earlier choices).
 *
 * Changes build on the URL as last set, not on react-router's `prev`:
 * that is the last render's URL, so two changes before the next render
 * (a role, then a branch) would lose the first.
 */
export function useQueryState({ history = 'replace' }: { history?: 'push' | 'replace' } = {}) {
  const [params, setParams] = useSearchParams();
  const pending = useRef(params);
  useEffect(() => {
    pending.current = params; // the URL moved by other means (Back, a link)
  }, [params]);

  const replace = history === 'replace';
  const set = useCallback((changes: QueryChanges) => {
    const next = new URLSearchParams(pending.current);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    pending.current = next;
    setParams(next, { replace });
  }, [setParams, replace]);

  const replaceAll = useCallback((changes: QueryChanges) => {
    pending.current = new URLSearchParams();
    set(changes);
  }, [set]);

  return { params, set, replaceAll };
}
