import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { sessionEndedNotice, useSession, type Session } from '../lib/auth/session.tsx';
import { safeNext } from '../features/auth/safe-next.ts';

/** Pages where a signed-out person waits to sign in; a sign-in elsewhere takes them on. */
const AUTH_PAGES = new Set(['/signin', '/signup', '/confirm', '/forgot']);

/**
 * Follows session changes this tab did not make: when the session ends (signed out in another
 * tab, or it expired) the page goes to sign-in, with a notice and a way back (`?next=`); when
 * another tab signs in while this one waits on an auth page, it goes where it was heading.
 * It renders the redirect instead of the routes, so no screen's own guest redirect (Home sends
 * guests to Explore) can overtake it.
 */
export function SessionSync({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const handled = useRef<Session | undefined>(undefined);
  const pending = handled.current !== session;
  useEffect(() => {
    handled.current = session;
  }, [session]);

  if (pending && session.status === 'guest' && session.change && !AUTH_PAGES.has(location.pathname)) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace state={{ notice: sessionEndedNotice(session.change) }} />;
  }
  if (pending && session.status === 'signedIn' && session.change === 'another-tab' && AUTH_PAGES.has(location.pathname)) {
    return <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace />;
  }
  return <>{children}</>;
}
