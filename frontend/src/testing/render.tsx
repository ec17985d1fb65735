import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { I18nProvider, type Locale } from '@/lib/i18n';
import { makeQueryClient } from '@/lib/query';

/** renderWithProviders renders ui inside the app's providers (fresh query cache, a memory router). */
export function renderWithProviders(ui: ReactElement, { locale = 'en', route = '/', ...options }: RenderOptions & { locale?: Locale; route?: string } = {}) {
  const queryClient = makeQueryClient();
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <I18nProvider initial={locale}>
          <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
        </I18nProvider>
      </QueryClientProvider>
    );
  }
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}

/** json answers a JSON (or problem+json) response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

/** problem is a Problem body as the server sends it. */
export function problem(status: number, code: string, errors?: Record<string, string>) {
  return { type: 'about:blank', title: 'x', status, code, detail: code, request_id: 'req-1', ...(errors ? { errors } : {}) };
}
