import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { sessionEndedNotice, useSession } from '../lib/auth/session.tsx';
import { Loading } from '../components/ui/states.tsx';

/** Renders children for signed-in users; sends guests to sign in and back here afterwards. */
export function RequireAuth({ children, notice }: { children: ReactNode; notice?: string }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'guest') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace state={{ notice: session.change ? sessionEndedNotice(session.change) : (notice ?? 'Sign in to see this page.') }} />;
  }
  return <>{children}</>;
}
