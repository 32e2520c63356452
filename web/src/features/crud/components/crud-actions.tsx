import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  useDeleteCrudMutation,
  useLikeCrudMutation,
  useRepostCrudMutation,
  useUnlikeCrudMutation,
  useUnrepostCrudMutation,
} from '../../../graphql/operations.ts';
import { useViewer } from '../../../lib/auth/session.tsx';
import { useSignInPrompt } from '../../../lib/auth/use-sign-in-prompt.ts';
import { describeApiError, patchCrud, useCrudPatcher, type ApiError, type MutationOptions } from '../../../lib/graphql/index.ts';
import type { LiveCounters } from './use-live-counters.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { CrudMenu } from './crud-menu.tsx';

interface CrudActionsProps {
  crudId: string;
  authorId: string;
  authorHandle: string;
  /** The caller's bookmark, when the query asked for it. */
  bookmarked?: boolean | null;
  permalink: string;
  counters: LiveCounters;
  onDeleted?(id: string): void;
}

const count = (n: number) => (n > 0 ? <span className="action-count">{n}</span> : null);

/**
 * An optimistic toggle of the viewer's like or repost: every card of the crud changes at once
 * (they share one cache entry) and changes back if the server refuses.
 */
function toggled(field: 'viewerHasLiked' | 'viewerHasReposted', on: boolean): MutationOptions<{ id: string | number }, unknown> {
  const counter = field === 'viewerHasLiked' ? 'likesCount' : 'repostsCount';
  return {
    optimistic: ({ id }, { client, identity }) =>
      patchCrud(client, identity, String(id), (s) => (s[field] === on ? {} : { [field]: on, [counter]: Math.max(0, s[counter] + (on ? 1 : -1)) })),
  };
}

/** Reply / repost / like / share / delete, optimistic where it is safe and honest on failure. */
export function CrudActions({ crudId, authorId, authorHandle, bookmarked, permalink, counters, onDeleted }: CrudActionsProps) {
  const viewer = useViewer();
  const promptSignIn = useSignInPrompt();
  const like = useLikeCrudMutation(toggled('viewerHasLiked', true));
  const unlike = useUnlikeCrudMutation(toggled('viewerHasLiked', false));
  const repost = useRepostCrudMutation(toggled('viewerHasReposted', true));
  const unrepost = useUnrepostCrudMutation(toggled('viewerHasReposted', false));
  const remove = useDeleteCrudMutation({ optimistic: ({ id }, { client, identity }) => patchCrud(client, identity, String(id), () => ({ deleted: true })) });
  const patchLocal = useCrudPatcher();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  async function toggle(kind: 'like' | 'repost') {
    if (!viewer) {
      promptSignIn(kind === 'like' ? 'Sign in to like cruds.' : 'Sign in to repost cruds.');
      return;
    }
    setError(undefined);
    // The shared state decides, so the heart on a repost copy unlikes what the original liked.
    const on = kind === 'like' ? counters.viewerHasLiked === true : counters.viewerHasReposted === true;
    const mutation = kind === 'like' ? (on ? unlike : like) : on ? unrepost : repost;
    try {
      // The result's counters and viewer state land in the shared cache entry (useMutation).
      await mutation.mutate({ id: crudId });
    } catch (err) {
      setError(describeApiError(err as ApiError));
    }
  }

  async function share() {
    const url = new URL(permalink, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      setStatus(url);
    }
  }

  async function onDelete() {
    if (!window.confirm('Delete this crud? This cannot be undone.')) return;
    try {
      await remove.mutate({ id: crudId });
      onDeleted?.(crudId);
    } catch (err) {
      setError(describeApiError(err as ApiError));
    }
  }

  const liked = counters.viewerHasLiked === true;
  const reposted = counters.viewerHasReposted === true;
  return (
    <div className="crud-actions">
      <Link className="action" to={permalink} state={{ focusReply: true }} aria-label={`Reply (${counters.repliesCount} replies)`}>
        <Icon name="reply" />
        {count(counters.repliesCount)}
      </Link>
      <button
        type="button"
        className={`action${reposted ? ' active' : ''}`}
        aria-pressed={viewer ? reposted : undefined}
        aria-label={`Repost (${counters.repostsCount} reposts)`}
        onClick={() => void toggle('repost')}
      >
        <Icon name="repost" />
        {count(counters.repostsCount)}
      </button>
      <button
        type="button"
        className={`action${liked ? ' active' : ''}`}
        aria-pressed={viewer ? liked : undefined}
        aria-label={`Like (${counters.likesCount} likes)`}
        onClick={() => void toggle('like')}
      >
        <Icon name="heart" filled={liked} />
        {count(counters.likesCount)}
      </button>
      <button type="button" className="action" aria-label="Copy link" onClick={() => void share()}>
        <Icon name="link" />
      </button>
      {viewer?.sub === authorId && (
        <button type="button" className="action action-danger" aria-label="Delete crud" onClick={() => void onDelete()}>
          <Icon name="trash" />
        </button>
      )}
      <CrudMenu crudId={crudId} authorId={authorId} authorHandle={authorHandle} bookmarked={bookmarked} onBlocked={() => patchLocal(crudId, () => ({ deleted: true }))} onStatus={setStatus} />
      {status && (
        <span className="action-status" role="status">
          {status}
        </span>
      )}
      {error && (
        <span className="action-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
