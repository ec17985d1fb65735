import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

/** makeQueryClient is the app's react-query setup: no retry on 4xx answers. */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
