import type { RefObject } from 'react';
import { useOnCrudChangedSubscription } from '../../../graphql/operations.ts';
import type { CrudCountersFragment } from '../../../graphql/types.ts';
import { useInView } from '../../../components/ui/use-in-view.ts';
import { useCrudState, type CrudState } from '../../../lib/graphql/index.ts';

export type LiveCounters = CrudState;

/**
 * A crud's counters and the viewer's like/repost, from the one cache entry every card of this crud
 * shares (lib/graphql/crud-entity.ts). While the card is on screen it also holds onCrudChanged,
 * whose events land in that entry (AppSync allows 100–200 subscriptions per connection, so
 * off-screen cards let theirs go).
 */
export function useLiveCounters(crud: CrudCountersFragment, ref: RefObject<Element | null>): LiveCounters {
  const inView = useInView(ref);
  useOnCrudChangedSubscription({ id: crud.id }, { skip: !inView });
  return useCrudState(crud);
}
