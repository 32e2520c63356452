import { useEffect, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useIdentityKey } from '../auth/session.tsx';

/**
 * The app's TanStack Query cache. Live updates come from subscriptions, not polling, so nothing
 * refetches on focus or reconnect by itself (`useOnRealtimeResume` re-reads what an outage may
 * have missed); failures show at once, as AppSync reported them, instead of being retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/** Every key's second element is the identity the data was read as (`gqlKey`, `crudKey`). */
const identityOf = (key: readonly unknown[]) => key[1];

/**
 * Provides the cache to the generated hooks. Keys carry the identity, so after sign-out (here or
 * in another tab) nothing the previous user could read is shown, and it is dropped from memory.
 */
export function GraphqlProvider({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  const identity = useIdentityKey();
  useEffect(() => {
    if (identity === 'loading') return;
    queryClient.removeQueries({ predicate: (q) => identityOf(q.queryKey) !== identity });
  }, [identity, queryClient]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
