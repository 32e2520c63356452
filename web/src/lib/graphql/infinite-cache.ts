/**
 * Writes into the loaded pages of infinite queries from outside the screens that show them: a live
 * event (one subscription for the whole app) updates every list of its entity through the cache,
 * and every screen showing that list re-renders from it.
 */
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { operationName, type QueryDocument } from './documents.ts';
import { connectionOf, putFirst, type ItemOf } from './pages.ts';
import { gqlKey, runQuery } from './use-query.ts';

type Pages<R> = InfiniteData<R, string | null>;

/**
 * Changes the pages stored under `key` once no page of it is being fetched. TanStack Query builds a
 * fetched page onto the pages it had when the fetch began (`infiniteQueryBehavior`: `oldPages` is
 * read at the start), so a write made while "load more" or a refetch is on its way would be lost
 * when it lands; waiting for the fetch to settle keeps both.
 */
export function writePages<R>(client: QueryClient, key: readonly unknown[], update: (pages: R[]) => R[]): Promise<void> {
  const apply = () =>
    client.setQueryData<Pages<R>>(key, (prev) => {
      if (!prev) return prev;
      const pages = update(prev.pages);
      return pages === prev.pages ? prev : { ...prev, pages };
    });
  const cache = client.getQueryCache();
  const busy = () => cache.find({ queryKey: key, exact: true })?.state.fetchStatus === 'fetching';
  if (!busy()) {
    apply();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const stop = cache.subscribe(() => {
      if (busy()) return;
      stop();
      apply();
      resolve();
    });
  });
}

/** The cache key of a paginated query's pages (the plain query's key plus `'pages'`). */
export function pagesKey(identity: string, document: string, variables: object): readonly unknown[] {
  return [...gqlKey(identity, document, variables), 'pages'];
}

/**
 * Applies `update` to the pages of every loaded infinite query of `document` for `identity` whose
 * variables `match` (every one by default). Returning the same array leaves an entry untouched.
 */
export function updateLoadedPages<V, R>(
  client: QueryClient,
  identity: string,
  document: QueryDocument<V, R>,
  update: (pages: R[], variables: V) => R[],
  match: (variables: V) => boolean = () => true,
): void {
  const name = operationName(document);
  for (const query of client.getQueryCache().findAll({ queryKey: ['gql', identity, name] })) {
    const key = query.queryKey;
    if (key.length !== 5 || key[4] !== 'pages' || !match(key[3] as V)) continue;
    if (!query.state.data) continue;
    void writePages<R>(client, key, (pages) => update(pages, key[3] as V));
  }
}

/**
 * Re-reads the newest page of a loaded infinite query and puts its items that are not loaded yet
 * (and those `refresh` picks, moved from where they were) at the head of the first page: how a live
 * event that does not carry the whole item reaches the list without dropping the pages loaded.
 */
export async function prependLatest<V extends { nextToken?: string | null }, R, K extends keyof R>(
  client: QueryClient,
  identity: string,
  document: QueryDocument<V, R>,
  field: K,
  variables: Omit<V, 'nextToken'>,
  refresh: (item: ItemOf<R, K>) => boolean = () => false,
): Promise<Array<ItemOf<R, K>>> {
  const key = pagesKey(identity, document, variables);
  if (!client.getQueryData(key)) return [];
  const latest = await runQuery(client, identity, document, variables as V);
  let added: Array<ItemOf<R, K> & { id: string }> = [];
  await writePages<R>(client, key, (pages) => {
    const known = new Set(pages.flatMap((p) => connectionOf(p, field)?.items.map((i) => i.id) ?? []));
    const items = (connectionOf(latest, field)?.items ?? []) as Array<ItemOf<R, K> & { id: string }>;
    added = items.filter((i) => !known.has(i.id) || refresh(i));
    return putFirst(pages, field, added);
  });
  return added;
}
