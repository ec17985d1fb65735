import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import type { Schemas } from '@/lib/api';
import { Loading, PageHeader, EmptyState } from '@/components';
import { useT } from '@/lib/i18n';
import { useCurrentUser } from '../api/get-me';
import { useSession } from '../api/session';

/** RequireAuth shows children when signed in, else sends to sign-in (back here after). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  const t = useT();
  if (status === 'restoring') return <Loading fullPage label={t('app.restoring')} />;
  if (status === 'signedOut') {
    const next = location.pathname + location.search;
    const to = next === '/' ? paths.signIn.path : `${paths.signIn.path}?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}

/**
 * RequireRole shows children to the given roles and a plain explanation to
 * others. Only a convenience: the server decides what each role may do.
 */
export function RequireRole({ roles, children }: { roles: readonly Schemas['Role'][]; children: ReactNode }) {
  const user = useCurrentUser();
  const t = useT();
  if (!roles.includes(user.role)) {
    return (
      <>
        <PageHeader title={t('forbidden.title')} />
        <EmptyState title={t('forbidden.body')} />
      </>
    );
  }
  return <>{children}</>;
}
