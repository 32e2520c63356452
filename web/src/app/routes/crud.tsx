import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useCrudDetailQuery, useOnCrudChangedSubscription, useRepliesInfiniteQuery } from '../../graphql/operations.ts';
import { EmptyState, ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { useExpired } from '../../lib/expiry/use-expired.ts';
import { useViewer } from '../../lib/auth/session.tsx';
import { CrudCard, crudPath } from '../../features/crud/components/crud-card.tsx';
import { CrudList } from '../../features/crud/components/crud-list.tsx';
import { ReplyForm } from '../../features/crud/components/reply-form.tsx';
import { usePageTitle } from './page-title.ts';

/**
 * Where a deleted crud stood: its replies stay (docs/data-model.md), so the thread keeps its place.
 * A parent reads as null when deleted, expired or hidden by a block (docs/safety.md), so the
 * parent's placeholder says only that it is unavailable.
 */
function Tombstone({ parent = false }: { parent?: boolean }) {
  return (
    <article className="crud crud-gone" aria-label={parent ? 'Unavailable crud' : 'Deleted crud'}>
      <p>{parent ? 'This crud is unavailable.' : 'This crud was deleted.'}</p>
    </article>
  );
}

/**
 * `/@handle/status/:id`: the crud (and what it replies to), its replies, the reply form. A deleted
 * crud (before or while the page is open) becomes a tombstone above its surviving replies, with no
 * reply box.
 */
export default function CrudRoute({ handle, id }: { handle: string; id: string }) {
  const viewer = useViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const focusReply = (location.state as { focusReply?: boolean } | null)?.focusReply === true;
  const detail = useCrudDetailQuery({ id });
  const replies = useRepliesInfiniteQuery({ crudId: id, limit: 50 });
  const lastReplies = useRef<number | undefined>(undefined);
  const [deleted, setDeleted] = useState(false);
  usePageTitle(`Crud by @${handle}`);

  // New replies by anyone show up live: a changed repliesCount re-reads the (oldest-first) list.
  useOnCrudChangedSubscription(
    { id },
    {
      onData: ({ onCrudChanged }) => {
        if (!onCrudChanged) return;
        if (onCrudChanged.deleted) setDeleted(true);
        if (lastReplies.current !== undefined && onCrudChanged.repliesCount > lastReplies.current) void replies.refetch();
        lastReplies.current = onCrudChanged.repliesCount;
      },
    },
  );

  const crud = detail.data?.crud;
  // The reply box goes with the crud: an expired crud takes no replies.
  const expired = useExpired(crud?.expiresAt);
  if (detail.loading && !detail.data) return <Loading label="Loading crud…" />;
  if (detail.error) return <ErrorState message={describeApiError(detail.error)} onRetry={() => void detail.refetch()} />;
  const survivingReplies = replies.items.length;
  if (!crud && replies.loading && !replies.data) return <Loading label="Loading crud…" />;
  if (!crud && survivingReplies === 0) {
    return (
      <EmptyState>
        <h1 className="page-title">Crud not found</h1>
        <p>It may have expired or been deleted.</p>
      </EmptyState>
    );
  }
  if (crud) lastReplies.current ??= crud.repliesCount;
  const open = crud !== null && crud !== undefined && !deleted;
  return (
    <>
      <h1 className="page-title">
        <button type="button" className="back-link" onClick={() => navigate(-1)} aria-label="Back">
          ←
        </button>{' '}
        Crud
      </h1>
      {crud?.replyToId && (
        <div className="reply-parent">{crud.replyTo ? <CrudCard crud={crud.replyTo} /> : <Tombstone parent />}</div>
      )}
      {open ? <CrudCard crud={crud} detail replyingTo={crud.replyTo?.author.handle} onDeleted={() => navigate(`/@${crud.author.handle}`, { replace: true })} /> : <Tombstone />}
      {!open || expired ? null : viewer ? (
        <ReplyForm crudId={id} autoFocus={focusReply} onReplied={(reply) => replies.updateItems((items) => [...items.filter((r) => r.id !== reply.id), reply])} />
      ) : (
        <p className="panel">
          <Link to={`/signin?next=${encodeURIComponent(crudPath({ id, author: { handle } }))}`}>Sign in</Link> to reply.
        </p>
      )}
      <h2 className="section-title">Replies</h2>
      {replies.loading && !replies.data && <Loading label="Loading replies…" />}
      {replies.error && !replies.data && <ErrorState message={describeApiError(replies.error)} onRetry={() => void replies.refetch()} />}
      {replies.data && (
        <CrudList
          label="Replies"
          entries={replies.items.map((c) => ({ key: c.id, crud: c, replyingTo: crud?.author.handle }))}
          hasMore={replies.hasMore}
          loadingMore={replies.fetchingMore}
          onLoadMore={replies.loadMore}
          onDeleted={(rid) => replies.updateItems((items) => items.filter((r) => r.id !== rid))}
          empty="No replies yet."
        />
      )}
    </>
  );
}
