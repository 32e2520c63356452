import { useState, type FormEvent } from 'react';
import { useCreateCrudMutation } from '../../../graphql/operations.ts';
import type { CrudFieldsFragment, ExpiresIn } from '../../../graphql/types.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CharCounter, isSendable } from '../../../components/ui/char-counter.tsx';
import { TEXT_LIMITS } from '../../../../../definitions/text.ts';
import { FormMessage } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { AddImagesButton, AttachmentList, isAttachmentReady, type Attachment } from './media-picker.tsx';

/** A crud is 1–240 characters (code points) after trimming; definitions/text.ts. */
export const CRUD_LIMIT = TEXT_LIMITS.crud;

/** The original's expiry choices, longest first; 7 days is the default. */
export const EXPIRY_CHOICES: ReadonlyArray<{ value: ExpiresIn; label: string }> = [
  { value: 'THIRTY_DAYS', label: '30 days' },
  { value: 'SEVEN_DAYS', label: '7 days' },
  { value: 'THREE_DAYS', label: '3 days' },
  { value: 'ONE_DAY', label: '1 day' },
  { value: 'TWELVE_HOURS', label: '12 hours' },
  { value: 'THREE_HOURS', label: '3 hours' },
  { value: 'ONE_HOUR', label: '1 hour' },
];

/** True when `text` may be posted: something visible, nothing the server refuses, within the limit. */
export function canPost(text: string, limit: number = CRUD_LIMIT): boolean {
  return isSendable(text, limit);
}

/** Write a crud: live 240 counter that blocks over-limit posts, an expiry choice, and up to four described images. */
export function Composer({ onPosted }: { onPosted(crud: CrudFieldsFragment): void }) {
  const [text, setText] = useState('');
  const [expiresIn, setExpiresIn] = useState<ExpiresIn>('SEVEN_DAYS');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [mediaProblem, setMediaProblem] = useState<string>();
  const { mutate, loading, error } = useCreateCrudMutation();
  const mediaReady = attachments.every(isAttachmentReady);
  const missingAlt = attachments.some((a) => a.alt.trim() === '');

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!canPost(text) || !mediaReady) return;
    try {
      const media = attachments.length > 0 ? attachments.map((a) => ({ key: a.upload.kind === 'ready' ? a.upload.key : '', alt: a.alt.trim() })) : undefined;
      const { createCrud } = await mutate({ message: text.trim(), expiresIn, media });
      setText('');
      setAttachments([]);
      onPosted(createCrud);
    } catch {
      // shown from `error`
    }
  }

  return (
    <form className="composer" onSubmit={onSubmit} aria-label="New crud">
      <label htmlFor="composer-text" className="visually-hidden">
        What would you like to say?
      </label>
      <textarea
        id="composer-text"
        placeholder="What would you like to say?"
        rows={3}
        value={text}
        aria-describedby="composer-count"
        onChange={(e) => setText(e.target.value)}
      />
      <AttachmentList attachments={attachments} onChange={setAttachments} />
      <div className="composer-bar">
        <AddImagesButton count={attachments.length} onChange={setAttachments} onProblem={setMediaProblem} />
        <label className="expiry">
          <Icon name="timer" size={18} />
          <span className="visually-hidden">Expires after</span>
          <select value={expiresIn} onChange={(e) => setExpiresIn(e.target.value as ExpiresIn)} aria-label="Expires after">
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <CharCounter id="composer-count" text={text} limit={CRUD_LIMIT} />
        <Button type="submit" busy={loading} disabled={!canPost(text) || !mediaReady}>
          Crud
        </Button>
      </div>
      {missingAlt && <p className="field-hint">Every image needs alt text before it can be posted.</p>}
      {mediaProblem && <FormMessage kind="error">{mediaProblem}</FormMessage>}
      {error && <FormMessage kind="error">{describeApiError(error)}</FormMessage>}
    </form>
  );
}
