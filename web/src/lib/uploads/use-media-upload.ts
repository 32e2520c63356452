import { useEffect, useRef, useState } from 'react';
import { useCreateMediaUploadMutation } from '../../graphql/operations.ts';
import { describeApiError, type ApiError } from '../graphql/index.ts';
import { putWithProgress, UploadError } from './put-with-progress.ts';
import { useUploadStatus } from './use-upload-status.ts';

export type MediaUploadState = { kind: 'uploading'; fraction: number } | { kind: 'processing' } | { kind: 'ready'; key: string } | { kind: 'error'; message: string };

/**
 * One image on its way to a crud or reply: presign (createMediaUpload), PUT with progress, then wait for
 * the thumbnailer's verdict (uploadStatus). Starts once per file; the PUT is aborted when unmounted.
 */
export function useMediaUpload(file: File): MediaUploadState {
  const { mutate } = useCreateMediaUploadMutation();
  const [state, setState] = useState<MediaUploadState>({ kind: 'uploading', fraction: 0 });
  const [key, setKey] = useState<string>();
  const outcome = useUploadStatus(key);
  // The latest mutate, so a new function identity never restarts an upload.
  const mutateRef = useRef(mutate);
  mutateRef.current = mutate;

  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      try {
        const { createMediaUpload } = await mutateRef.current({ contentType: file.type, contentLength: file.size });
        await putWithProgress(createMediaUpload.url, file, createMediaUpload.headers, (fraction) => setState({ kind: 'uploading', fraction }), abort.signal);
        setKey(createMediaUpload.key);
        setState({ kind: 'processing' });
      } catch (err) {
        if (abort.signal.aborted) return;
        setState({ kind: 'error', message: err instanceof UploadError ? err.message : describeApiError(err as ApiError) });
      }
    })();
    return () => abort.abort();
  }, [file]);

  useEffect(() => {
    if (!key || !outcome) return;
    if (outcome.state === 'READY') setState({ kind: 'ready', key });
    else if (outcome.state === 'REJECTED') setState({ kind: 'error', message: outcome.message });
  }, [key, outcome]);

  return state;
}
