import { useCallback } from 'react';
import { useQuery as useTanstackQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useIdentityKey } from '../auth/session.tsx';
import { execute } from './client.ts';
import { normalizeCruds } from './crud-entity.ts';
import { operationName, type QueryDocument } from './documents.ts';
import type { ApiError } from './errors.ts';

export interface QueryOptions {
  /** Do not run (e.g. a required variable is not known yet, or the viewer is a guest). */
  skip?: boolean;
}

/** State and controls returned by every generated `use<Name>Query` hook. */
export interface QueryResult<R> {
  data: R | undefined;
  error: ApiError | undefined;
  /** True during the first load and refetches. Lists page with the generated `use<Name>InfiniteQuery`. */
  loading: boolean;
  refetch(): Promise<void>;
  /** Local update (live events, optimistic changes) without a request. */
  updateData(update: (previous: R | undefined) => R | undefined): void;
}

/** The cache key of one operation's result for one identity and set of variables. */
export function gqlKey(identity: string, document: string, variables: object): readonly unknown[] {
  return ['gql', identity, operationName(document), variables];
}

/** Runs a query and writes the cruds it carries to their shared entries before anyone renders it. */
export async function runQuery<V extends object, R>(client: QueryClient, identity: string, document: QueryDocument<V, R>, variables: V): Promise<R> {
  const data = await execute(document, variables);
  normalizeCruds(client, identity, data);
  return data;
}

/**
 * A TanStack query per operation, identity and variables: cached, so going back to a screen shows
 * what it showed at once while it re-reads; a change of variables or identity reads again.
 */
export function useQuery<V extends object, R>(document: QueryDocument<V, R>, variables: V, options: QueryOptions = {}): QueryResult<R> {
  const client = useQueryClient();
  const identity = useIdentityKey();
  const skip = options.skip === true || identity === 'loading';
  const queryKey = gqlKey(identity, document, variables);
  const query = useTanstackQuery<R, ApiError>({
    queryKey,
    queryFn: () => runQuery(client, identity, document, variables),
    enabled: !skip,
  });
  const keyText = JSON.stringify(queryKey);

  const updateData = useCallback(
    (update: (previous: R | undefined) => R | undefined) => client.setQueryData<R>(queryKey, (prev) => update(prev)),
    // keyText stands for queryKey's value (identity, document, variables).
    [client, keyText],
  );
  const { refetch: refetchQuery } = query;
  const refetch = useCallback(async () => {
    await refetchQuery();
  }, [refetchQuery]);

  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: query.isFetching,
    refetch,
    updateData,
  };
}
