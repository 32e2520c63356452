import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useCreateAvatarUploadMutation } from '../../../graphql/operations.ts';
import { FormMessage } from '../../../components/ui/states.tsx';
import { describeApiError, type ApiError } from '../../../lib/graphql/index.ts';
import { putWithProgress, UploadError } from '../../../lib/uploads/put-with-progress.ts';
import { useUploadStatus } from '../../../lib/uploads/use-upload-status.ts';

/** Same rules as the server (definitions/buckets.ts avatarRules): checked here for a quick answer only. */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

type Phase = { kind: 'idle' } | { kind: 'uploading'; fraction: number } | { kind: 'processing' } | { kind: 'done' } | { kind: 'error'; message: string };

/**
 * The avatar part of the edit-profile dialog: choose an image (labelled "Avatar"), see a local
 * preview, watch the upload's progress, then the new avatar once the thumbnailer has set it —
 * `currentUrl` changes when the live onUserChanged event arrives — or the thumbnailer's reason
 * when it refused the image (uploadStatus), instead of waiting forever.
 */
export function AvatarUploadField({ currentUrl }: { currentUrl: string | null | undefined }) {
  const { mutate } = useCreateAvatarUploadMutation();
  const [preview, setPreview] = useState<string>();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const urlWhenUploaded = useRef<string | null | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);
  const [uploadKey, setUploadKey] = useState<string>();
  const outcome = useUploadStatus(phase.kind === 'processing' ? uploadKey : undefined);

  // Free the preview's object URL when it is replaced and when the dialog closes.
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  useEffect(() => () => abort.current?.abort(), []);
  // The thumbnailer's profile change arrived live: the new avatar is in place.
  useEffect(() => {
    if (phase.kind === 'processing' && currentUrl && currentUrl !== urlWhenUploaded.current) setPhase({ kind: 'done' });
  }, [currentUrl, phase.kind]);
  // The thumbnailer's verdict: a refusal ends the wait with its reason; READY means the profile changed.
  useEffect(() => {
    if (phase.kind !== 'processing' || !outcome) return;
    if (outcome.state === 'REJECTED') setPhase({ kind: 'error', message: outcome.message });
    else if (outcome.state === 'READY') setPhase({ kind: 'done' });
  }, [outcome, phase.kind]);

  async function onSelect(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (!AVATAR_TYPES.includes(file.type)) return setPhase({ kind: 'error', message: 'Choose a JPEG, PNG or WebP image.' });
    if (file.size > AVATAR_MAX_BYTES) return setPhase({ kind: 'error', message: 'Choose an image of at most 5 MB.' });
    setPreview(URL.createObjectURL(file));
    setPhase({ kind: 'uploading', fraction: 0 });
    abort.current?.abort();
    abort.current = new AbortController();
    try {
      const { createAvatarUpload } = await mutate({ contentType: file.type, contentLength: file.size });
      urlWhenUploaded.current = currentUrl;
      await putWithProgress(createAvatarUpload.url, file, createAvatarUpload.headers, (fraction) => setPhase({ kind: 'uploading', fraction }), abort.current.signal);
      setUploadKey(createAvatarUpload.key);
      setPhase({ kind: 'processing' });
    } catch (err) {
      const message = err instanceof UploadError ? err.message : describeApiError(err as ApiError);
      setPhase({ kind: 'error', message });
    }
  }

  const doneUrl = outcome?.state === 'READY' && outcome.url ? outcome.url : currentUrl;
  const shown = phase.kind === 'done' ? doneUrl : phase.kind === 'error' ? currentUrl : (preview ?? currentUrl);
  return (
    <div className="field avatar-field">
      <label htmlFor="edit-avatar">Avatar</label>
      <div className="avatar-field-row" style={{ display: "flex", gap: 12, alignItems: "center" }}>
        {shown ? (
          <img className="avatar" src={shown} alt={phase.kind === 'done' ? 'New avatar' : preview ? 'Avatar preview' : 'Current avatar'} width={72} height={72} />
        ) : (
          <span className="avatar avatar-initials" aria-hidden="true" style={{ width: 72, height: 72 }} />
        )}
        <input id="edit-avatar" name="avatar" type="file" style={{ flex: 1, minWidth: 0 }} accept={AVATAR_TYPES.join(',')} disabled={phase.kind === 'uploading'} onChange={(e) => void onSelect(e)} />
      </div>
      {phase.kind === 'uploading' && (
        <progress aria-label="Avatar upload" max={1} value={phase.fraction}>
          {Math.round(phase.fraction * 100)}%
        </progress>
      )}
      <p className="field-hint" role="status" aria-live="polite">
        {phase.kind === 'uploading' && `Uploading… ${Math.round(phase.fraction * 100)}%`}
        {phase.kind === 'processing' && 'Processing your avatar…'}
        {phase.kind === 'done' && 'Avatar updated.'}
      </p>
      {phase.kind === 'error' && <FormMessage kind="error">{phase.message}</FormMessage>}
    </div>
  );
}
