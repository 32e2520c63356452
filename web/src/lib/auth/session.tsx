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

export type Session =
  | { status: 'loading' }
  | { status: 'guest' }
  | { status: 'signedIn'; user: SessionUser };

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

/** Tracks sign-in state through Amplify's Hub `auth` channel, so every tab view follows sign-in/out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    const refresh = () => {
      void readSession().then((s) => {
        if (alive) setSession(s);
      });
    };
    refresh();
    const stop = Hub.listen('auth', ({ payload }) => {
      if (payload.event === 'signedIn' || payload.event === 'signedOut' || payload.event === 'tokenRefresh_failure') refresh();
    });
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
