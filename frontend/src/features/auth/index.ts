// The auth feature's public face for the app and other features.
export { meQueryKey, meQueryOptions, useCurrentUser } from './api/get-me';
export { useLogin } from './api/login';
export { useLogout } from './api/logout';
export { listenForSignOutElsewhere, restoreSession, useSession } from './api/session';
export { RequireAuth, RequireRole } from './components/guards';
