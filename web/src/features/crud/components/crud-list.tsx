import type { ReactNode } from 'react';
import type { CrudFieldsFragment } from '../../../graphql/types.ts';
import { EmptyState } from '../../../components/ui/states.tsx';
import { LoadMore } from '../../../components/ui/infinite-list.tsx';
import { CrudCard } from './crud-card.tsx';

export interface CrudListEntry {
  key: string;
  crud: CrudFieldsFragment;
  context?: ReactNode;
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

/** A feed of crud cards with infinite scroll (a labelled feed region for assistive tech). */
export function CrudList({ label, entries, hasMore, loadingMore, onLoadMore, empty, onDeleted }: CrudListProps) {
  // The feed element is always there (live items may arrive into an empty list; tests can rely on it).
  return (
    <div>
      {entries.length === 0 && !hasMore && <EmptyState>{empty ?? 'Nothing to see here yet.'}</EmptyState>}
      <div role="feed" aria-label={label} aria-busy={loadingMore}>
        {entries.map((e) => (
          <CrudCard key={e.key} crud={e.crud} context={e.context} replyingTo={e.replyingTo} onDeleted={onDeleted} />
        ))}
      </div>
      <LoadMore hasMore={hasMore} loading={loadingMore} onLoadMore={onLoadMore} />
    </div>
  );
}
