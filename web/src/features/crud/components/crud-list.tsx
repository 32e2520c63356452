import type { ReactNode } from 'react';
import type { CrudFieldsFragment } from '../../../graphql/types.ts';
import { EmptyState } from '../../../components/ui/states.tsx';
import { LoadMore } from '../../../components/ui/infinite-list.tsx';
import { CrudCard } from './crud-card.tsx';
import { useUnexpired } from '../../../lib/expiry/use-expired.ts';

export interface CrudListEntry {
  key: string;
  crud: CrudFieldsFragment;
  context?: ReactNode;
  /** The viewer's own repost (see CrudCard). */
  viewerRepost?: boolean;
  /** For a reply: the handle of the author it answers. */
  replyingTo?: string;
}

export interface CrudListProps {
  label: string;
  entries: CrudListEntry[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  empty?: ReactNode;
  onDeleted?(id: string): void;
}

/**
 * A feed of crud cards with infinite scroll (a labelled feed region for assistive tech). Entries
 * leave the moment their crud expires.
 */
export function CrudList({ label, entries: all, hasMore, loadingMore, onLoadMore, empty, onDeleted }: CrudListProps) {
  const entries = useUnexpired(all, (e) => e.crud.expiresAt);
  // The feed element is always there (live items may arrive into an empty list; tests can rely on it).
  return (
    <div>
      {entries.length === 0 && !hasMore && <EmptyState>{empty ?? 'Nothing to see here yet.'}</EmptyState>}
      <div role="feed" aria-label={label} aria-busy={loadingMore}>
        {entries.map((e) => (
          <CrudCard key={e.key} crud={e.crud} context={e.context} viewerRepost={e.viewerRepost} replyingTo={e.replyingTo} onDeleted={onDeleted} />
        ))}
      </div>
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={onLoadMore} />
    </div>
  );
}
