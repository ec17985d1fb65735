import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { listenForSignOutElsewhere, restoreSession } from '@/features/auth';
import { session } from '@/lib/api';
import { I18nProvider, type Locale } from '@/lib/i18n';
import { makeQueryClient } from '@/lib/query';

/** SessionBootstrap restores the session once at start and follows other tabs' sign-outs. */
function SessionBootstrap({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  useEffect(() => {
    if (session.getState().status === 'restoring') void restoreSession();
    return listenForSignOutElsewhere(() => {
      session.signOut();
      qc.clear();
    });
  }, [qc]);
  return <>{children}</>;
}

/** AppProvider is every provider the app needs, in order. */
export function AppProvider({ children, locale }: { children: ReactNode; locale?: Locale }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initial={locale}>
        <SessionBootstrap>{children}</SessionBootstrap>
      </I18nProvider>
    </QueryClientProvider>
  );
}
