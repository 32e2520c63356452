import { useRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { CrudFieldsFragment } from '../../../graphql/types.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { useLiveUser } from '../../../lib/live-users/live-users.tsx';
import { RelativeTime, TimeLeft } from '../../../components/ui/time.tsx';
import { CrudMessage } from './crud-message.tsx';
import { CrudActions } from './crud-actions.tsx';
import { MediaGrid } from './media-grid.tsx';
import { useLiveCounters } from './use-live-counters.ts';

/** Where a crud lives: /@handle/status/id. */
export function crudPath(crud: { id: string; author: { handle: string } }): string {
  return `/@${crud.author.handle}/status/${crud.id}`;
}

export interface CrudCardProps {
  crud: CrudFieldsFragment;
  /** A line above the crud, e.g. "Bayko reposted". */
  context?: ReactNode;
  /** The focused crud of a status page: larger text and the full date. */
  detail?: boolean;
  onDeleted?(id: string): void;
}

/** One crud: author, age, text, time left, and live counters with actions. */
export function CrudCard({ crud, context, detail = false, onDeleted }: CrudCardProps) {
  const ref = useRef<HTMLElement>(null);
  const { counters, apply } = useLiveCounters(crud, ref);
  const permalink = crudPath(crud);
  // The author's newest avatar/name (onUserChanged), shared with every card by the same author.
  const author = useLiveUser(crud.author);
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
          <CrudMessage text={crud.message} />
          <MediaGrid media={crud.media} />
          <div className="crud-meta">
            <TimeLeft iso={crud.expiresAt} />
          </div>
          <CrudActions crudId={crud.id} authorId={author.id} permalink={permalink} counters={counters} apply={apply} onDeleted={onDeleted} />
        </div>
      </div>
    </article>
  );
}
