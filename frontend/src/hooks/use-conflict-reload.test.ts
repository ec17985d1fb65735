import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useConflictReload } from './use-conflict-reload';

type Fresh = { id: number; version: number };

/** deferred is a fetch the test settles by hand, so the state in between can be seen. */
function deferred() {
  let resolve!: (v: Fresh) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<Fresh>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('useConflictReload', () => {
  it('is reloading while fetching, then passes the fresh record on and marks reloaded', async () => {
    const d = deferred();
    const onFresh = vi.fn();
    const { result } = renderHook(() => useConflictReload(() => d.promise, onFresh));
    expect(result.current.reloading).toBe(false);

    let done!: Promise<void>;
    act(() => { done = result.current.reload(); });
    expect(result.current.reloading).toBe(true);
    expect(result.current.reloaded).toBe(false);
    expect(onFresh).not.toHaveBeenCalled();

    await act(async () => { d.resolve({ id: 7, version: 4 }); await done; });
    expect(result.current.reloading).toBe(false);
    expect(result.current.reloaded).toBe(true);
    expect(onFresh).toHaveBeenCalledExactlyOnceWith({ id: 7, version: 4 });

    act(() => result.current.clearReloaded());
    expect(result.current.reloaded).toBe(false);
  });

  it('clears reloading after a failed fetch, rejects, and neither calls onFresh nor marks reloaded', async () => {
    const d = deferred();
    const onFresh = vi.fn();
    const { result } = renderHook(() => useConflictReload(() => d.promise, onFresh));

    let done!: Promise<void>;
    act(() => { done = result.current.reload(); });
    expect(result.current.reloading).toBe(true);

    const failure = new Error('network down');
    await act(async () => {
      d.reject(failure);
      await expect(done).rejects.toBe(failure);
    });
    expect(result.current.reloading).toBe(false);
    expect(result.current.reloaded).toBe(false);
    expect(onFresh).not.toHaveBeenCalled();
  });

  it('does nothing without a record to fetch', async () => {
    const onFresh = vi.fn();
    const { result } = renderHook(() => useConflictReload<Fresh>(null, onFresh));
    await act(async () => { await result.current.reload(); });
    expect(result.current.reloading).toBe(false);
    expect(result.current.reloaded).toBe(false);
    expect(onFresh).not.toHaveBeenCalled();
  });
});
