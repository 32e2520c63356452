import { useEffect, useRef, useState } from 'react';
import { useUploadStatusQuery } from '../../graphql/operations.ts';

/** What became of an upload, as the uploader is shown it. */
export type UploadOutcome = { state: 'PROCESSING' } | { state: 'READY'; url: string | null } | { state: 'REJECTED'; message: string };

/** Past this, the wait ends with a message instead of spinning forever. */
export const PROCESSING_TIMEOUT_MS = 120_000;

/**
 * Follows an upload after its PUT: asks `uploadStatus` every `intervalMs` until the thumbnailer
 * has accepted (READY) or refused it (REJECTED, with the server's message for the uploader).
 * Undefined while there is no key.
 */
export function useUploadStatus(key: string | undefined, intervalMs = 1000): UploadOutcome | undefined {
  const { data, loading, refetch } = useUploadStatusQuery({ key: key ?? '' }, { skip: !key });
  const [timedOut, setTimedOut] = useState(false);
  const startedAt = useRef(0);
  const state = data?.uploadStatus.key === key ? data?.uploadStatus.state : undefined;

  useEffect(() => {
    startedAt.current = Date.now();
    setTimedOut(false);
  }, [key]);

  useEffect(() => {
    if (!key || loading || state === 'READY' || state === 'REJECTED' || timedOut) return;
    const timer = setTimeout(() => {
      if (Date.now() - startedAt.current > PROCESSING_TIMEOUT_MS) setTimedOut(true);
      else void refetch();
    }, intervalMs);
    return () => clearTimeout(timer);
  }, [key, loading, state, timedOut, refetch, intervalMs, data]);

  if (!key) return undefined;
  if (state === 'READY') return { state, url: data?.uploadStatus.url ?? null };
  if (state === 'REJECTED') return { state, message: data?.uploadStatus.message ?? 'The image was refused.' };
  if (timedOut) return { state: 'REJECTED', message: 'Processing is taking too long. Please try again.' };
  return { state: 'PROCESSING' };
}
