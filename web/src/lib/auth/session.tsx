import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchAuthSession } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';

/** The signed-in user as the Cognito ID token describes them (no extra request needed). */
export interface SessionUser {
  sub: string;
  handle: string;
  name: string;
  email: string;
}

/**
 * How the session last changed when it was not this tab's doing: another tab of the same browser
 * signed in or out (Amplify keeps tokens in localStorage, shared by the tabs), or the refresh
 * token stopped working (expired or revoked).
 */
export type SessionChange = 'another-tab' | 'expired';

export type Session =
  | { status: 'loading' }
  | { status: 'guest'; change?: SessionChange }
  | { status: 'signedIn'; user: SessionUser; change?: SessionChange };

/** What to tell someone whose session ended without them signing out here. */
export function sessionEndedNotice(change: SessionChange): string {
  return change === 'another-tab' ? 'You were signed out in another tab.' : 'Your session has ended. Sign in again to continue.';
}

const SessionContext = createContext<Session>({ status: 'loading' });

async function readSession(): Promise<Session> {
  try {
    const { tokens } = await fetchAuthSession();
    const claims = tokens?.idToken?.payload;
    if (!tokens?.accessToken || !claims) return { status: 'guest' };
    const str = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string) : '');
    return {
      status: 'signedIn',
      user: { sub: str('sub'), handle: str('preferred_username'), name: str('name'), email: str('email') },
    };
  } catch {
    return { status: 'guest' };
  }
}

/** Nothing changed, so nothing that depends on the session needs to re-render. */
const sameSession = (a: Session, b: Session) =>
  a.status === b.status && (a.status !== 'signedIn' || (b.status === 'signedIn' && JSON.stringify(a.user) === JSON.stringify(b.user)));

/**
 * Tracks sign-in state through Amplify's Hub `auth` channel, including the events Amplify relays
 * from other tabs of this browser (`enableCrossTabEvents`: it watches its tokens in localStorage
 * and marks those events `crossTab`, see `HubCapsule` in the Amplify JS API reference), so every
 * tab follows a sign-in or sign-out wherever it happened.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    const refresh = (change?: SessionChange) => {
      void readSession().then((s) => {
        if (!alive) return;
        setSession((prev) => (sameSession(prev, s) ? prev : change && s.status !== 'loading' ? { ...s, change } : s));
      });
    };
    refresh();
    const stop = Hub.listen(
      'auth',
      ({ payload, crossTab }) => {
        if (payload.event === 'signedIn' || payload.event === 'signedOut') refresh(crossTab ? 'another-tab' : undefined);
        else if (payload.event === 'tokenRefresh_failure') refresh('expired');
      },
      { enableCrossTabEvents: true },
    );
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The current session: loading, guest, or signed in with the user's claims. */
export function useSession(): Session {
  return useContext(SessionContext);
}

/** The signed-in user, or undefined for guests and while loading. */
export function useViewer(): SessionUser | undefined {
  const s = useSession();
  return s.status === 'signedIn' ? s.user : undefined;
}

/** A key that changes whenever the identity behind requests changes (for refetching). */
export function useIdentityKey(): string {
  const s = useSession();
  return useMemo(() => (s.status === 'signedIn' ? s.user.sub : s.status), [s]);
}
