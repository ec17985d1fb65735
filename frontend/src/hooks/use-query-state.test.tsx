import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useQueryState } from './use-query-state';

function inRouter(route: string) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>;
  };
}

describe('useQueryState', () => {
  it('keeps both of two changes made before the next render', () => {
    const { result } = renderHook(() => useQueryState(), { wrapper: inRouter('/users?sort=name&page=3') });
    act(() => {
      result.current.set({ role: 'intern' });
      result.current.set({ branch: 2 });
    });
    expect(result.current.params.toString()).toBe('sort=name&role=intern&branch=2');
  });

  it('removes empty keys, and keeps the page only when the change names it', () => {
    const { result } = renderHook(() => useQueryState(), { wrapper: inRouter('/x?q=ada&page=2') });
    act(() => result.current.set({ page: 4 }));
    expect(result.current.params.toString()).toBe('q=ada&page=4');
    act(() => result.current.set({ q: '', status: null }));
    expect(result.current.params.toString()).toBe('');
  });

  it('replaceAll keeps only the keys it is given, even after a pending change', () => {
    const { result } = renderHook(() => useQueryState(), { wrapper: inRouter('/x?q=ada&role=admin&sort=-name') });
    act(() => {
      result.current.set({ branch: 1 });
      result.current.replaceAll({ sort: result.current.params.get('sort') });
    });
    expect(result.current.params.toString()).toBe('sort=-name');
  });
});
