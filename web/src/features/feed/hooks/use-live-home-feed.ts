import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { HomeFeedDocument, useHomeFeedInfiniteQuery, useOnCelebrityFeedItemSubscription, useOnFeedItemSubscription } from '../../../graphql/operations.ts';
import type { CrudFieldsFragment, FeedItemFieldsFragment } from '../../../graphql/types.ts';
import { useIdentityKey } from '../../../lib/auth/session.tsx';
import { runQuery } from '../../../lib/graphql/use-query.ts';
import { newItems } from '../../../lib/pagination.ts';
import { useOnRealtimeResume } from '../../../lib/realtime/status.tsx';
import { useRelationsEpoch } from '../../../lib/realtime/relations.ts';

const PAGE = 20;
/** How close to the top (px) counts as "reading the newest": new items go straight in. */
const TOP_THRESHOLD = 120;

/** One entry per crud and reposter: an own post added locally and its fan-out item are the same. */
export const feedKey = (i: FeedItemFieldsFragment) => `${i.crud.id}:${i.repostedBy?.id ?? ''}`;

/**
 * The home feed, live: an infinite query pages it in; each onFeedItem event (pushed items) and
 * onCelebrityFeedItem event (posts of followed high-follower accounts, which are pulled rather than
 * pushed: decision 026) carries the whole item (an event without one triggers a re-read of the
 * newest page), and new items either go straight to the top (reader at the top) or wait behind
 * the "N new cruds" button. Per-viewer fields of live items are null (the publisher has no
 * viewer); the shared crud cache keeps what the viewer already did (lib/graphql/crud-entity.ts).
 */
export function useLiveHomeFeed(viewerId: string) {
  const query = useHomeFeedInfiniteQuery({ limit: PAGE });
  const client = useQueryClient();
  const identity = useIdentityKey();
  const [pending, setPending] = useState<FeedItemFieldsFragment[]>([]);
  const { items, updateItems } = query;
  const known = useRef<FeedItemFieldsFragment[]>([]);
  known.current = [...pending, ...items];
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const prepend = useCallback(
    (fresh: FeedItemFieldsFragment[]) => updateItems((prev) => [...fresh, ...newItems(prev, fresh, feedKey)]),
    [updateItems],
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
      const latest = await runQuery(client, identity, HomeFeedDocument, { limit: PAGE });
      place(newItems(latest.homeFeed.items, known.current, feedKey));
    } catch {
      // A missed refresh is repaired by the next event or a reload; the feed itself stays usable.
    }
  }, [place, client, identity]);

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
  // Its filter (the pulled accounts followed, less those blocked or muted) is fixed at start.
  const relations = useRelationsEpoch();
  const pulled = useOnCelebrityFeedItemSubscription({}, { onData: ({ onCelebrityFeedItem }) => onItem(onCelebrityFeedItem), restartKey: relations });
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

  const removeCrud = useCallback((crudId: string) => updateItems((prev) => prev.filter((i) => i.crud.id !== crudId)), [updateItems]);

  return { query, items, liveError: live.error ?? pulled.error, pending: pending.length, showPending, addOwn, removeCrud };
}
