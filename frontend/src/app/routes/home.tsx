import { Navigate } from 'react-router';
import { useCurrentUser } from '@/features/auth';
import { homeFor } from '../nav';

/** HomeRedirect sends "/" to the role's start page. */
export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={homeFor(user.role)} replace />;
}
