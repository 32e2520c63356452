import { InfiniteQueryObserver, QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { pagesKey, updateLoadedPages, writePages } from './infinite-cache.ts';
import { mergePages, putFirst } from './pages.ts';
import type { QueryDocument } from './documents.ts';

interface Feed {
  feed: { items: Array<{ id: string }>; nextToken: string | null };
}
const page = (ids: string[], nextToken: string | null): Feed => ({ feed: { items: ids.map((id) => ({ id })), nextToken } });
const FeedDocument = 'query Feed($limit: Int, $nextToken: String) { feed { items { id } nextToken } }' as QueryDocument<{ limit?: number; nextToken?: string | null }, Feed>;
const ids = (client: QueryClient, key: readonly unknown[]) =>
  mergePages(client.getQueryData<InfiniteData<Feed>>(key)?.pages ?? [], 'feed')?.feed.items.map((i) => i.id);

/** An infinite query whose second page is held until `release()`, as TanStack runs it for a screen. */
async function pagedQuery(client: QueryClient, key: readonly unknown[]) {
  let release = () => {};
  const second = new Promise<Feed>((resolve) => (release = () => resolve(page(['d', 'e'], null))));
  const observer = new InfiniteQueryObserver(client, {
    queryKey: key,
    queryFn: ({ pageParam }) => (pageParam === null ? Promise.resolve(page(['b', 'c'], 't1')) : second),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Feed) => last.feed.nextToken ?? undefined,
  });
  const stop = observer.subscribe(() => {});
  await observer.refetch();
  return { observer, stop, release: () => release() };
}

describe('writing into loaded pages', () => {
  it('keeps a live item written while the next page is on its way', async () => {
    const client = new QueryClient();
    const key = pagesKey('me', FeedDocument, { limit: 2 });
    const { observer, stop, release } = await pagedQuery(client, key);
    const more = observer.fetchNextPage();
    // The live item arrives while "load more" waits for the server.
    const written = writePages<Feed>(client, key, (pages) => putFirst(pages, 'feed', [{ id: 'a' }]));
    release();
    await more;
    await written;
    expect(ids(client, key)).toEqual(['a', 'b', 'c', 'd', 'e']);
    stop();
  });

  it('writes at once when nothing is being fetched', async () => {
    const client = new QueryClient();
    const key = pagesKey('me', FeedDocument, { limit: 2 });
    const { stop } = await pagedQuery(client, key);
    void writePages<Feed>(client, key, (pages) => putFirst(pages, 'feed', [{ id: 'a' }]));
    expect(ids(client, key)).toEqual(['a', 'b', 'c']);
    stop();
  });

  it('updates every loaded list of an operation for one identity whose variables match', () => {
    const client = new QueryClient();
    const seed = (identity: string, variables: object) =>
      client.setQueryData<InfiniteData<Feed, string | null>>(pagesKey(identity, FeedDocument, variables), { pages: [page(['b'], null)], pageParams: [null] });
    seed('me', { limit: 2 });
    seed('me', { limit: 5 });
    seed('other', { limit: 2 });
    updateLoadedPages(client, 'me', FeedDocument, (pages) => putFirst(pages, 'feed', [{ id: 'a' }]), (v) => v.limit === 2);
    expect(ids(client, pagesKey('me', FeedDocument, { limit: 2 }))).toEqual(['a', 'b']);
    expect(ids(client, pagesKey('me', FeedDocument, { limit: 5 }))).toEqual(['b']);
    expect(ids(client, pagesKey('other', FeedDocument, { limit: 2 }))).toEqual(['b']);
  });
});
