import { useState, type FormEvent } from 'react';
import { useDraft } from '../../../lib/drafts/use-draft.ts';
import { submitOnShortcut } from '../../../components/ui/submit-shortcut.ts';
import { MentionTextarea } from '../../../components/ui/mention-textarea.tsx';
import { useCreateCrudMutation } from '../../../graphql/operations.ts';
import type { CrudFieldsFragment, ExpiresIn } from '../../../graphql/types.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CharCounter, isSendable } from '../../../components/ui/char-counter.tsx';
import { TEXT_LIMITS } from '../../../../../definitions/text.ts';
import { FormMessage } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { DEFAULT_EXPIRY, ExpirySelect } from '../../../components/ui/expiry-select.tsx';
import { AddImagesButton, AttachmentList, AttachmentNotes } from '../../../components/media/media-picker.tsx';
import { useAttachments } from '../../../components/media/use-attachments.ts';

/** A crud is 1–240 characters (code points) after trimming; definitions/text.ts. */
export const CRUD_LIMIT = TEXT_LIMITS.crud;

/** True when `text` may be posted: something visible, nothing the server refuses, within the limit. */
export function canPost(text: string, limit: number = CRUD_LIMIT): boolean {
  return isSendable(text, limit);
}

/** Write a crud: live 240 counter that blocks over-limit posts, an expiry choice, up to four described images, a draft that survives reloads, Ctrl/Cmd+Enter posts. */
export function Composer({ onPosted }: { onPosted(crud: CrudFieldsFragment): void }) {
  const [text, setText, clearDraft] = useDraft('composer');
  const [expiresIn, setExpiresIn] = useState<ExpiresIn>(DEFAULT_EXPIRY);
  const images = useAttachments();
  const { mutate, loading, error } = useCreateCrudMutation();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!canPost(text) || !images.ready) return;
    try {
      const { createCrud } = await mutate({ message: text.trim(), expiresIn, media: images.input() });
      clearDraft();
      images.clear();
      // Each crud chooses its own lifetime: a short one must not silently carry over to the next.
      setExpiresIn(DEFAULT_EXPIRY);
      onPosted(createCrud);
    } catch {
      // shown from `error`
    }
  }

  return (
    <form className="composer" onSubmit={onSubmit} aria-label="New crud">
      <MentionTextarea
        label="What would you like to say?"
        hideLabel
        id="composer-text"
        placeholder="What would you like to say?"
        rows={3}
        value={text}
        aria-describedby="composer-count"
        onValueChange={setText}
        onKeyDown={submitOnShortcut}
      />
      <AttachmentList attachments={images.attachments} onChange={images.setAttachments} />
      <div className="composer-bar">
        <AddImagesButton count={images.attachments.length} onChange={images.setAttachments} onProblem={images.setProblem} />
        <ExpirySelect value={expiresIn} onChange={setExpiresIn} />
        <CharCounter id="composer-count" text={text} limit={CRUD_LIMIT} />
        <Button type="submit" busy={loading} disabled={!canPost(text) || !images.ready}>
          Crud
        </Button>
      </div>
      <AttachmentNotes missingAlt={images.missingAlt} problem={images.problem} />
      {error && <FormMessage kind="error">{describeApiError(error)}</FormMessage>}
    </form>
  );
}
