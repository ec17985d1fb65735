import { useSyncExternalStore } from 'react';
import { session, type SessionState } from '@/lib/api';

/** useSession is the tab's sign-in state: { status, user }. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('tracker-session');

/** announceSignOut tells the other tabs to drop their token too. */
export function announceSignOut() {
  channel?.postMessage('signed-out');
}

/** listenForSignOutElsewhere signs this tab out when another tab signs out. */
export function listenForSignOutElsewhere(onSignOut: () => void): () => void {
  if (!channel) return () => {};
  const handler = (e: MessageEvent) => {
    if (e.data === 'signed-out') onSignOut();
  };
  channel.addEventListener('message', handler);
  return () => channel.removeEventListener('message', handler);
}

/** restoreSession runs once at start: a silent refresh through the cookie. */
export function restoreSession(): Promise<boolean> {
  return session.refresh();
}
