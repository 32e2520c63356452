import { useCallback, useEffect, useRef, useState } from 'react';
import { HomeFeedDocument, useHomeFeedQuery, useOnCelebrityFeedItemSubscription, useOnFeedItemSubscription } from '../../../graphql/operations.ts';
import type { CrudFieldsFragment, FeedItemFieldsFragment } from '../../../graphql/types.ts';
import { execute } from '../../../lib/graphql/client.ts';
import { appendPage, newItems } from '../../../lib/pagination.ts';
import { useOnRealtimeResume } from '../../../lib/realtime/status.tsx';

const PAGE = 20;
/** How close to the top (px) counts as "reading the newest": new items go straight in. */
const TOP_THRESHOLD = 120;

/** One entry per crud and reposter: an own post added locally and its fan-out item are the same. */
export const feedKey = (i: FeedItemFieldsFragment) => `${i.crud.id}:${i.repostedBy?.id ?? ''}`;

/**
 * The home feed, live: pages in with infinite scroll; each onFeedItem event (pushed items) and
 * onCelebrityFeedItem event (posts of followed high-follower accounts, which are pulled rather than
 * pushed: decision 026) carries the whole item (an event without one triggers a re-read of the
 * newest page), and new items either go straight
 * to the top (reader at the top) or wait behind the "N new cruds" button. Per-viewer fields of
 * live items are null (the publisher has no viewer); cards treat null as "not yet".
 */
export function useLiveHomeFeed(viewerId: string) {
  const query = useHomeFeedQuery({ limit: PAGE });
  const [pending, setPending] = useState<FeedItemFieldsFragment[]>([]);
  const items = query.data?.homeFeed.items ?? [];
  const known = useRef<FeedItemFieldsFragment[]>([]);
  known.current = [...pending, ...items];
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { updateData } = query;

  const prepend = useCallback(
    (fresh: FeedItemFieldsFragment[]) =>
      updateData((prev) => (prev ? { homeFeed: { ...prev.homeFeed, items: [...fresh, ...newItems(prev.homeFeed.items, fresh, feedKey)] } } : prev)),
    [updateData],
  );

  const place = useCallback(
    (fresh: FeedItemFieldsFragment[]) => {
      if (fresh.length === 0) return;
      if (window.scrollY <= TOP_THRESHOLD) prepend(fresh);
      else setPending((p) => [...fresh, ...newItems(p, fresh, feedKey)]);
    },
    [prepend],
  );

  /** Re-reads the newest page: the repair path when an event arrives without a usable item. */
  const pullLatest = useCallback(async () => {
    try {
      const latest = await execute(HomeFeedDocument, { limit: PAGE });
      place(newItems(latest.homeFeed.items, known.current, feedKey));
    } catch {
      // A missed refresh is repaired by the next event or a reload; the feed itself stays usable.
    }
  }, [place]);

  const onItem = useCallback(
    (item: FeedItemFieldsFragment | null | undefined) => {
      if (item?.crud) {
        place(newItems([item], known.current, feedKey));
        return;
      }
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void pullLatest(), 150);
    },
    [place, pullLatest],
  );
  const live = useOnFeedItemSubscription({ recipientId: viewerId }, { onData: ({ onFeedItem }) => onItem(onFeedItem) });
  const pulled = useOnCelebrityFeedItemSubscription({}, { onData: ({ onCelebrityFeedItem }) => onItem(onCelebrityFeedItem) });
  useEffect(() => () => clearTimeout(timer.current), []);
  // Events published while the connection was down are gone (no replay): catch up from the API.
  useOnRealtimeResume(() => void pullLatest());

  const showPending = useCallback(() => {
    prepend(pending);
    setPending([]);
    window.scrollTo({ top: 0, behavior: 'smooth' });
  }, [pending, prepend]);

  /** Puts the viewer's own new crud at the top at once, before fan-out catches up. */
  const addOwn = useCallback(
    (crud: CrudFieldsFragment) =>
      prepend([{ id: `local:${crud.id}`, reason: 'OWN', createdAt: crud.createdAt, repostedBy: null, crud }]),
    [prepend],
  );

  const removeCrud = useCallback(
    (crudId: string) => updateData((prev) => (prev ? { homeFeed: { ...prev.homeFeed, items: prev.homeFeed.items.filter((i) => i.crud.id !== crudId) } } : prev)),
    [updateData],
  );

  const nextToken = query.data?.homeFeed.nextToken;
  const loadMore = useCallback(() => {
    if (!nextToken || query.fetchingMore) return;
    void query.fetchMore({ nextToken }, (prev, next) => ({ homeFeed: appendPage(prev.homeFeed, next.homeFeed) }));
  }, [nextToken, query]);

  return { query, items, liveError: live.error ?? pulled.error, pending: pending.length, showPending, addOwn, removeCrud, loadMore, hasMore: Boolean(nextToken) };
}
