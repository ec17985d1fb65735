import { useState } from 'react';

/** ConflictReload is what useConflictReload gives a form that can meet a 412. */
export type ConflictReload = {
  /** reloading is true while the fresh record is being fetched (for <ConflictNotice busy>). */
  reloading: boolean;
  /** reloaded is true after a reload succeeded, until clearReloaded. */
  reloaded: boolean;
  /** reload fetches the fresh record and hands it to onFresh; a failed fetch rejects. */
  reload: () => Promise<void>;
  /** clearReloaded hides the "reloaded" status again (on the next submit). */
  clearReloaded: () => void;
};

/**
 * useConflictReload is the "Reload" of a 412 version conflict: it fetches
 * the fresh record and passes it to onFresh, where the caller takes the new
 * version, resets its mutation and keeps or rebases its draft. fetchFresh is
 * null when there is no record to reload (a create form); reload then does
 * nothing. reloading is cleared whether the fetch succeeds or fails.
 *
 * reload uses the callbacks of the render it came from, as the copies it
 * replaces did, so onFresh sees the draft the user reloaded with.
 */
export function useConflictReload<T>(fetchFresh: (() => Promise<T>) | null, onFresh: (fresh: T) => void): ConflictReload {
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);

  async function reload() {
    if (!fetchFresh) return;
    setReloading(true);
    try {
      const fresh = await fetchFresh();
      onFresh(fresh);
      setReloaded(true);
    } finally {
      setReloading(false);
    }
  }

  return { reloading, reloaded, reload, clearReloaded: () => setReloaded(false) };
}
