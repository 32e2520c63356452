import { useCallback, useMemo } from 'react';
import { useInfiniteQuery as useTanstackInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useIdentityKey } from '../auth/session.tsx';
import type { QueryDocument } from './documents.ts';
import type { ApiError } from './errors.ts';
import { pagesKey, prependLatest as prependLatestPage, writePages } from './infinite-cache.ts';
import { connectionOf, mergePages, putItems, type ItemOf } from './pages.ts';
import { runQuery, type QueryOptions } from './use-query.ts';

/** Returned by every generated `use<Name>InfiniteQuery` hook. */
export interface InfiniteQueryResult<R, K extends keyof R> {
  /** Every page loaded so far as one result: the items in order, and the last page's nextToken. */
  data: R | undefined;
  /** `data[K].items`, or empty while loading. */
  items: Array<ItemOf<R, K>>;
  error: ApiError | undefined;
  /** True during the first load and refetches (not while the next page loads). */
  loading: boolean;
  fetchingMore: boolean;
  hasMore: boolean;
  /** Loads the next page, once at a time (a no-op at the end of the list or while one loads). */
  loadMore(): void;
  /** Re-reads every page loaded so far. */
  refetch(): Promise<void>;
  /** Local change of the loaded items (live arrivals, removals) without a request. */
  updateItems(update: (items: Array<ItemOf<R, K>>) => Array<ItemOf<R, K>>): void;
  /**
   * Re-reads the newest page and puts the items not loaded yet at the head of the first page
   * (later pages stay loaded); resolves with those items.
   */
  prependLatest(): Promise<Array<ItemOf<R, K>>>;
}

/**
 * A paginated query (`limit`/`nextToken` and a `...Connection` field `field`) as a TanStack infinite
 * query: pages are fetched with the previous page's nextToken and shown as one list.
 */
export function useInfiniteQuery<V extends { nextToken?: string | null }, R, K extends keyof R>(
  document: QueryDocument<V, R>,
  field: K,
  variables: Omit<V, 'nextToken'>,
  options: QueryOptions = {},
): InfiniteQueryResult<R, K> {
  const client = useQueryClient();
  const identity = useIdentityKey();
  const skip = options.skip === true || identity === 'loading';
  const queryKey = pagesKey(identity, document, variables);
  const query = useTanstackInfiniteQuery<R, ApiError, InfiniteData<R, string | null>, readonly unknown[], string | null>({
    queryKey,
    queryFn: ({ pageParam }) => runQuery(client, identity, document, (pageParam === null ? variables : { ...variables, nextToken: pageParam }) as V),
    initialPageParam: null,
    getNextPageParam: (last) => connectionOf(last, field)?.nextToken ?? undefined,
    enabled: !skip,
  });
  const data = useMemo(() => (query.data ? mergePages(query.data.pages, field) : undefined), [query.data, field]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, refetch: refetchQuery } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const refetch = useCallback(async () => {
    await refetchQuery();
  }, [refetchQuery]);
  const keyText = JSON.stringify(queryKey);
  const updateItems = useCallback(
    (update: (items: Array<ItemOf<R, K>>) => Array<ItemOf<R, K>>) =>
      void writePages<R>(client, queryKey, (pages) => {
        const merged = mergePages(pages, field);
        if (!merged) return pages;
        const items = update((connectionOf(merged, field)?.items ?? []) as Array<ItemOf<R, K>>);
        return putItems(pages, field, items);
      }),
    // keyText stands for queryKey's value (identity, document, variables).
    [client, keyText, field],
  );
  const prependLatest = useCallback(
    () => prependLatestPage(client, identity, document, field, variables),
    // keyText stands for the identity, document and variables.
    [client, keyText, field],
  );

  return {
    data,
    items: ((data && connectionOf(data, field)?.items) ?? []) as Array<ItemOf<R, K>>,
    error: query.error ?? undefined,
    loading: query.isFetching && !isFetchingNextPage,
    fetchingMore: isFetchingNextPage,
    hasMore: hasNextPage,
    loadMore,
    refetch,
    updateItems,
    prependLatest,
  };
}
