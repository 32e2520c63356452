import { useState, type RefObject } from 'react';
import { useOnCrudChangedSubscription } from '../../../graphql/operations.ts';
import type { CrudCountersFragment } from '../../../graphql/types.ts';
import { useInView } from '../../../components/ui/use-in-view.ts';

export interface LiveCounters extends CrudCountersFragment {
  deleted: boolean;
}

/**
 * A crud's counters, kept live with onCrudChanged while the card is on screen (AppSync allows
 * 100–200 subscriptions per connection, so off-screen cards let theirs go), and updatable locally
 * from mutation results.
 */
export function useLiveCounters(crud: CrudCountersFragment, ref: RefObject<Element | null>) {
  const inView = useInView(ref);
  const [counters, setCounters] = useState<LiveCounters>({ ...crud, deleted: false });
  const [sourceId, setSourceId] = useState(crud.id);
  if (sourceId !== crud.id) {
    setSourceId(crud.id);
    setCounters({ ...crud, deleted: false });
  }
  useOnCrudChangedSubscription(
    { id: crud.id },
    {
      skip: !inView,
      onData: ({ onCrudChanged }) => {
        if (!onCrudChanged || onCrudChanged.id !== crud.id) return;
        setCounters((c) => ({ ...c, ...onCrudChanged }));
      },
    },
  );
  const apply = (update: Partial<LiveCounters>) => setCounters((c) => ({ ...c, ...update }));
  return { counters, apply };
}
