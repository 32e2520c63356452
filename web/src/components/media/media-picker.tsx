import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { Icon } from '../ui/icon.tsx';
import { FormMessage } from '../ui/states.tsx';
import { useMediaUpload, type MediaUploadState } from '../../lib/uploads/use-media-upload.ts';
import { MEDIA_MAX_PER_CRUD, MEDIA_ALT_MAX, MEDIA_TYPES, checkImageFile } from '../../lib/uploads/media-rules.ts';

/** An image the author chose, with the alt text they are writing and where its upload stands. */
export interface Attachment {
  id: string;
  file: File;
  alt: string;
  upload: MediaUploadState;
}

/** Ready to post: uploaded, accepted by the thumbnailer, described. */
export const isAttachmentReady = (a: Attachment) => a.upload.kind === 'ready' && a.alt.trim().length > 0;

type ListUpdate = (next: (list: Attachment[]) => Attachment[]) => void;

/**
 * "Add images": up to four JPEG, PNG or WebP files of at most 5 MB in all; refused files are
 * named through `onProblem`. The form (composer or reply box) owns the list.
 */
export function AddImagesButton({ count, onChange, onProblem }: { count: number; onChange: ListUpdate; onProblem(message: string | undefined): void }) {
  const input = useRef<HTMLInputElement>(null);
  const room = MEDIA_MAX_PER_CRUD - count;

  function onSelect(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    const problems = files.map(checkImageFile).filter((p): p is string => !!p);
    const acceptable = files.filter((f) => !checkImageFile(f));
    if (acceptable.length > room) problems.push(`A crud can carry at most ${MEDIA_MAX_PER_CRUD} images.`);
    onProblem(problems[0]);
    const accepted = acceptable.slice(0, room);
    if (accepted.length === 0) return;
    onChange((list) => [...list, ...accepted.map((file) => ({ id: `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`, file, alt: '', upload: { kind: 'uploading', fraction: 0 } as const }))]);
  }

  return (
    <>
      <input ref={input} type="file" className="visually-hidden" multiple accept={MEDIA_TYPES.join(',')} onChange={onSelect} disabled={room <= 0} tabIndex={-1} aria-hidden="true" data-testid="composer-media-input" />
      <button type="button" className="btn btn-ghost media-add" onClick={() => input.current?.click()} disabled={room <= 0} aria-label="Add images" title={`Add images (up to ${MEDIA_MAX_PER_CRUD})`}>
        <Icon name="image" size={18} />
      </button>
    </>
  );
}

/** The chosen images: a preview of each, its required alt text, where its upload stands, Remove. */
export function AttachmentList({ attachments, onChange }: { attachments: Attachment[]; onChange: ListUpdate }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="media-attachments" aria-label="Attached images">
      {attachments.map((a, i) => (
        <AttachmentTile
          key={a.id}
          index={i}
          attachment={a}
          onUpdate={(patch) => onChange((list) => list.map((x) => (x.id === a.id ? { ...x, ...patch } : x)))}
          onRemove={() => onChange((list) => list.filter((x) => x.id !== a.id))}
        />
      ))}
    </ul>
  );
}

function AttachmentTile({ attachment, index, onUpdate, onRemove }: { attachment: Attachment; index: number; onUpdate(patch: Partial<Attachment>): void; onRemove(): void }) {
  const upload = useMediaUpload(attachment.file);
  const altId = useId();
  const preview = useObjectUrl(attachment.file);
  // Report the upload's progress to the parent, which decides whether the crud may be posted.
  useEffect(() => onUpdate({ upload }), [upload]);
  const status =
    upload.kind === 'uploading' ? `Uploading… ${Math.round(upload.fraction * 100)}%` : upload.kind === 'processing' ? 'Processing…' : upload.kind === 'ready' ? 'Ready' : upload.message;
  return (
    <li className={`media-attachment${upload.kind === 'error' ? ' media-attachment-error' : ''}`}>
      {preview && <img src={preview} alt="" width={96} height={96} />}
      <div className="media-attachment-fields">
        <label htmlFor={altId}>Alt text for image {index + 1}</label>
        <input id={altId} type="text" value={attachment.alt} maxLength={MEDIA_ALT_MAX} required placeholder="Describe the image" onChange={(e) => onUpdate({ alt: e.target.value })} />
        <p className="field-hint" role={upload.kind === 'error' ? 'alert' : 'status'}>
          {status}
        </p>
      </div>
      <button type="button" className="btn btn-ghost" onClick={onRemove} aria-label={`Remove image ${index + 1}`}>
        ×
      </button>
    </li>
  );
}

/** An object URL for a local preview, revoked when the file changes or the tile goes. */
function useObjectUrl(file: File): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const created = URL.createObjectURL(file);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [file]);
  return url;
}

/** What still stops the form's images from being posted: a missing alt text, a refused file. */
export function AttachmentNotes({ missingAlt, problem }: { missingAlt: boolean; problem: string | undefined }) {
  return (
    <>
      {missingAlt && <p className="field-hint">Every image needs alt text before it can be posted.</p>}
      {problem && <FormMessage kind="error">{problem}</FormMessage>}
    </>
  );
}
