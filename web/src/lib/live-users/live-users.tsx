import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { OnUserChangedDocument } from '../../graphql/operations.ts';
import { useIdentityKey } from '../auth/session.tsx';
import { currentAuthToken, subscribe } from '../graphql/client.ts';
import { LiveUserCache, type LiveUserFields } from './live-user-cache.ts';

export type { LiveUserFields } from './live-user-cache.ts';

/** One onUserChanged subscription through the shared Amplify client (guests may hold it: [public]). */
function openUserSubscription(id: string, _identity: string, onChange: (change: LiveUserFields) => void): () => void {
  let stop: (() => void) | undefined;
  let cancelled = false;
  void currentAuthToken().then((token) => {
    if (cancelled) return;
    stop = subscribe(OnUserChangedDocument, { id }, token, {
      next: (data) => {
        if (data.onUserChanged) onChange(data.onUserChanged);
      },
      // A failed subscription only means no live updates for this user; fetched data still shows.
      error: () => undefined,
    });
  });
  return () => {
    cancelled = true;
    stop?.();
  };
}

/** The page's one cache: every card, list item and header shares its subscriptions. */
export const liveUsers = new LiveUserCache({ open: openUserSubscription });

type User = { id: string; handle: string; displayName: string; avatarUrl?: string | null };

/** Registers `id` while mounted (and keeps the cache on the current identity). */
function useRegistration(id: string | undefined): void {
  const identity = useIdentityKey();
  useEffect(() => {
    liveUsers.setIdentity(identity === 'loading' ? undefined : identity);
  }, [identity]);
  useEffect(() => (id ? liveUsers.acquire(id) : undefined), [id]);
}

/**
 * `user` with the newest avatar, display name and handle: follows onUserChanged for `user.id`
 * while mounted, so an avatar change reaches every card, list and header live.
 */
export function useLiveUser<U extends User>(user: U): U;
export function useLiveUser<U extends User>(user: U | null | undefined): U | undefined;
export function useLiveUser<U extends User>(user: U | null | undefined): U | undefined {
  const id = user?.id;
  useRegistration(id);
  const live = useSyncExternalStore(
    (listener) => liveUsers.listen(listener),
    () => (id ? liveUsers.get(id) : undefined),
  );
  if (!user) return undefined;
  return live ? liveUsers.apply(user) : user;
}

/** Calls `onChange` with every onUserChanged event for `id` (bio included), sharing the cache's subscription. */
export function useLiveUserChange(id: string | undefined, onChange: (change: LiveUserFields) => void): void {
  useRegistration(id);
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (!id) return undefined;
    let seen = liveUsers.get(id);
    return liveUsers.listen(() => {
      const now = liveUsers.get(id);
      if (now && now !== seen) {
        seen = now;
        callback.current(now);
      }
    });
  }, [id]);
}

/** Render-prop form of useLiveUser for items rendered inline in a list's map. */
export function LiveUser<U extends User>(props: { user: U; children(user: U): ReactNode }): ReactNode;
export function LiveUser<U extends User>(props: { user: U | null | undefined; children(user: U | undefined): ReactNode }): ReactNode;
export function LiveUser<U extends User>({ user, children }: { user: U | null | undefined; children(user: U | undefined): ReactNode }): ReactNode {
  return children(useLiveUser(user));
}
