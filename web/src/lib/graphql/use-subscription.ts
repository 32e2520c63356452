import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useIdentityKey } from '../auth/session.tsx';
import { currentAuthToken, GUEST_TOKEN, subscribe } from './client.ts';
import { normalizeCruds } from './crud-entity.ts';
import type { SubscriptionDocument } from './documents.ts';
import { isCredentialsRefusal, type ApiError } from './errors.ts';

/** At most one re-subscription with fresh credentials per this interval, so a refusal cannot loop. */
const RETRY_INTERVAL_MS = 60_000;

export interface SubscriptionOptions<R> {
  /**
   * Called for every event, with the subscription's `data`. Cruds in events update the shared
   * cache by themselves (counters on every card), so many subscribers need no handler at all.
   */
  onData?(data: R): void;
  /** Do not subscribe (guests, unknown ids, off-screen items). */
  skip?: boolean;
  /** A change re-subscribes (a subscription whose start-time filter went stale). */
  restartKey?: string | number;
}

/** Returned by every generated `use<Name>Subscription` hook. */
export interface SubscriptionResult {
  error: ApiError | undefined;
}

/**
 * Keeps one AppSync subscription open while mounted (Amplify's client: TanStack Query has no
 * subscriptions, so events are written into its cache instead); re-subscribes when the variables
 * or the signed-in identity change (the connection is authorised with the token current at `start`).
 * The server ends a subscription whose token expired or was revoked (UnauthorizedException): it is
 * then re-subscribed once with a refreshed token; a revoked session has none, and the error shows.
 */
export function useSubscription<V extends object, R>(
  document: SubscriptionDocument<V, R>,
  variables: V,
  options: SubscriptionOptions<R>,
): SubscriptionResult {
  const client = useQueryClient();
  const identity = useIdentityKey();
  const key = JSON.stringify(variables);
  const skip = options.skip === true || identity === 'loading';
  const restartKey = options.restartKey;
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const onData = useRef(options.onData);
  onData.current = options.onData;
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  useEffect(() => {
    if (skip) return undefined;
    let stop: (() => void) | undefined;
    let cancelled = false;
    setError(undefined);
    let lastRetryAt = 0;
    const start = (token: string) => {
      if (cancelled) return;
      stop = subscribe(document, variablesRef.current, token, {
        next: (data) => {
          normalizeCruds(client, identity, data);
          onData.current?.(data);
        },
        error: (err) => {
          if (!isCredentialsRefusal(err) || token === GUEST_TOKEN || Date.now() - lastRetryAt < RETRY_INTERVAL_MS) return setError(err);
          lastRetryAt = Date.now();
          void currentAuthToken({ forceRefresh: true }).then((fresh) => (fresh !== token && fresh !== GUEST_TOKEN ? start(fresh) : setError(err)));
        },
      });
    };
    void currentAuthToken().then(start);
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [document, key, identity, skip, client, restartKey]);

  return { error };
}
