import { useState } from 'react';
import { useBlockMutation, useBookmarkCrudMutation, useMuteMutation, useUnbookmarkCrudMutation } from '../../../graphql/operations.ts';
import { useViewer } from '../../../lib/auth/session.tsx';
import { describeApiError, type ApiError } from '../../../lib/graphql/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { announceRelationsChanged } from '../../../lib/realtime/relations.ts';

export interface CrudMenuProps {
  crudId: string;
  authorId: string;
  authorHandle: string;
  /** The caller's bookmark state when the query asked for it (detail, bookmarks page); unknown elsewhere. */
  bookmarked?: boolean | null;
  /** The author was blocked: the card leaves the screen. */
  onBlocked(): void;
  onStatus(message: string): void;
}

/**
 * A crud's "More" menu for signed-in viewers: bookmark (private), and, on someone else's crud,
 * mute or block its author. Bookmarking is idempotent, so where the state is unknown the menu
 * offers "Bookmark" and reports the server's answer.
 */
export function CrudMenu({ crudId, authorId, authorHandle, bookmarked, onBlocked, onStatus }: CrudMenuProps) {
  const viewer = useViewer();
  const add = useBookmarkCrudMutation();
  const remove = useUnbookmarkCrudMutation();
  const mute = useMuteMutation();
  const block = useBlockMutation();
  const [saved, setSaved] = useState(bookmarked === true);
  const [open, setOpen] = useState(false);
  if (!viewer) return null;
  const own = viewer.sub === authorId;

  async function act(work: () => Promise<string>) {
    setOpen(false);
    try {
      onStatus(await work());
    } catch (err) {
      onStatus(describeApiError(err as ApiError));
    }
  }

  const toggleBookmark = () =>
    act(async () => {
      const now = saved ? (await remove.mutate({ id: crudId })).unbookmarkCrud.viewerHasBookmarked : (await add.mutate({ id: crudId })).bookmarkCrud.viewerHasBookmarked;
      setSaved(now === true);
      return now ? 'Added to your bookmarks' : 'Removed from your bookmarks';
    });
  const muteAuthor = () =>
    act(async () => {
      await mute.mutate({ handle: authorHandle });
      announceRelationsChanged();
      return `You muted @${authorHandle}: their cruds leave your feed and they will not notify you.`;
    });
  const blockAuthor = () =>
    act(async () => {
      if (!window.confirm(`Block @${authorHandle}? They will not be able to follow you, reply to you, message you or see your cruds.`)) return '';
      await block.mutate({ handle: authorHandle });
      announceRelationsChanged();
      onBlocked();
      return `You blocked @${authorHandle}.`;
    });

  return (
    <div className="crud-menu">
      <button type="button" className="action" aria-label="More" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="more" />
      </button>
      {open && (
        <div role="menu" className="crud-menu-items" aria-label="Crud actions">
          <button type="button" role="menuitem" onClick={() => void toggleBookmark()}>
            {saved ? 'Remove bookmark' : 'Bookmark'}
          </button>
          {!own && (
            <>
              <button type="button" role="menuitem" onClick={() => void muteAuthor()}>
                Mute @{authorHandle}
              </button>
              <button type="button" role="menuitem" className="danger" onClick={() => void blockAuthor()}>
                Block @{authorHandle}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
