import { useRef, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CrudFieldsFragment } from '../../../graphql/types.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { useLiveUser } from '../../../lib/live-users/live-users.tsx';
import { RelativeTime, TimeLeft } from '../../../components/ui/time.tsx';
import { CrudMessage } from './crud-message.tsx';
import { CrudActions } from './crud-actions.tsx';
import { MediaGrid } from './media-grid.tsx';
import { useLiveCounters } from './use-live-counters.ts';
import { useExpired } from '../../../lib/expiry/use-expired.ts';

/** Where a crud lives: /@handle/status/id. */
export function crudPath(crud: { id: string; author: { handle: string } }): string {
  return `/@${crud.author.handle}/status/${crud.id}`;
}

export interface CrudCardProps {
  crud: CrudFieldsFragment;
  /** A line above the crud, e.g. "Bayko reposted". */
  context?: ReactNode;
  /** For a reply: the handle of the author it answers ("Replying to @x"). */
  replyingTo?: string;
  /** The focused crud of a status page: larger text and the full date. */
  detail?: boolean;
  /** This card is the viewer's own repost of the crud: it leaves when the viewer unreposts. */
  viewerRepost?: boolean;
  onDeleted?(id: string): void;
}

/**
 * One crud: author, age, text, time left, and live counters with actions. Counters and the
 * viewer's like/repost are shared by every card of the same crud. An expired crud leaves lists the
 * moment it expires; on its own page it says so.
 */
export function CrudCard({ crud, context, replyingTo, detail = false, viewerRepost = false, onDeleted }: CrudCardProps) {
  const navigate = useNavigate();
  const ref = useRef<HTMLElement>(null);
  const counters = useLiveCounters(crud, ref);
  const expired = useExpired(crud.expiresAt);
  const permalink = crudPath(crud);
  // The author's newest avatar/name (onUserChanged), shared with every card by the same author.
  const author = useLiveUser(crud.author);
  if (expired) {
    return detail ? (
      <article ref={ref} className="crud crud-gone" aria-label="Expired crud">
        <p>This crud has expired.</p>
      </article>
    ) : null;
  }
  if (viewerRepost && counters.viewerHasReposted === false) return null;
  if (counters.deleted) {
    return (
      <article ref={ref} className="crud crud-gone" aria-label="Deleted crud">
        <p>This crud is gone.</p>
      </article>
    );
  }
  return (
    <article ref={ref} className={`crud${detail ? ' crud-detail' : ''}`} aria-labelledby={`crud-${crud.id}-by`}>
      {context && <div className="crud-context">{context}</div>}
      <div className="crud-body">
        <Link to={`/@${author.handle}`} tabIndex={-1} aria-hidden="true">
          <Avatar url={author.avatarUrl} name={author.displayName} handle={author.handle} />
        </Link>
        <div className="crud-main">
          <header className="crud-header" id={`crud-${crud.id}-by`}>
            <Link to={`/@${author.handle}`} className="crud-author">
              <span className="display-name">{author.displayName}</span> <span className="handle">@{author.handle}</span>
            </Link>
            <span aria-hidden="true"> · </span>
            <Link to={permalink} className="crud-age" aria-label={`Open crud by @${author.handle}`}>
              <RelativeTime iso={crud.createdAt} full={detail} />
            </Link>
          </header>
          {replyingTo && (
            <p className="crud-replying-to">
              Replying to <Link to={`/@${replyingTo}`}>@{replyingTo}</Link>
            </p>
          )}
          {/* Clicking the text opens the crud, as on other social apps (the status page is already open in detail). */}
          <CrudMessage text={crud.message} onOpen={detail ? undefined : () => navigate(permalink)} />
          <MediaGrid media={crud.media} />
          <div className="crud-meta">
            <TimeLeft iso={crud.expiresAt} />
          </div>
          <CrudActions crudId={crud.id} authorId={author.id} authorHandle={author.handle} bookmarked={(crud as { viewerHasBookmarked?: boolean | null }).viewerHasBookmarked} permalink={permalink} counters={counters} onDeleted={onDeleted} />
        </div>
      </div>
    </article>
  );
}
