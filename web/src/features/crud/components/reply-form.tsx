import { useState, type FormEvent } from 'react';
import { useReplyToCrudMutation } from '../../../graphql/operations.ts';
import type { CrudFieldsFragment, ExpiresIn } from '../../../graphql/types.ts';
import { Button } from '../../../components/ui/button.tsx';
import { CharCounter, isSendable } from '../../../components/ui/char-counter.tsx';
import { DEFAULT_EXPIRY, ExpirySelect } from '../../../components/ui/expiry-select.tsx';
import { submitOnShortcut } from '../../../components/ui/submit-shortcut.ts';
import { MentionTextarea } from '../../../components/ui/mention-textarea.tsx';
import { TEXT_LIMITS } from '../../../../../definitions/text.ts';
import { FormMessage } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { useDraft } from '../../../lib/drafts/use-draft.ts';
import { AddImagesButton, AttachmentList, AttachmentNotes } from '../../../components/media/media-picker.tsx';
import { useAttachments } from '../../../components/media/use-attachments.ts';

/** Replies are cruds: 1–240 characters (code points) after trimming; definitions/text.ts. */
export const REPLY_LIMIT = TEXT_LIMITS.crud;

/**
 * The reply box on a crud's page; blocks empty and over-limit replies. The reply chooses its
 * expiry (never later than the crud it answers: the server caps it) and carries up to four
 * described images like a crud (the composer's picker); the draft survives reloads;
 * Ctrl/Cmd+Enter replies.
 */
export function ReplyForm({ crudId, autoFocus, onReplied }: { crudId: string; autoFocus?: boolean; onReplied(reply: CrudFieldsFragment): void }) {
  const [text, setText, clearDraft] = useDraft(`reply:${crudId}`);
  const [expiresIn, setExpiresIn] = useState<ExpiresIn>(DEFAULT_EXPIRY);
  const images = useAttachments();
  const { mutate, loading, error } = useReplyToCrudMutation();
  const valid = isSendable(text, REPLY_LIMIT) && images.ready;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!valid) return;
    try {
      const { replyToCrud } = await mutate({ crudId, message: text.trim(), expiresIn, media: images.input() });
      clearDraft();
      images.clear();
      setExpiresIn(DEFAULT_EXPIRY);
      onReplied(replyToCrud);
    } catch {
      // shown from `error`
    }
  }

  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Reply">
      <MentionTextarea
        label="Your reply"
        hideLabel
        id={`reply-${crudId}`}
        autoFocus={autoFocus}
        placeholder="What is your reply?"
        value={text}
        rows={3}
        aria-describedby={`reply-${crudId}-count`}
        onValueChange={setText}
        onKeyDown={submitOnShortcut}
      />
      <AttachmentList attachments={images.attachments} onChange={images.setAttachments} />
      <div className="composer-bar">
        <AddImagesButton count={images.attachments.length} onChange={images.setAttachments} onProblem={images.setProblem} />
        <ExpirySelect value={expiresIn} onChange={setExpiresIn} />
        <CharCounter id={`reply-${crudId}-count`} text={text} limit={REPLY_LIMIT} />
        <Button type="submit" busy={loading} disabled={!valid}>
          Reply
        </Button>
      </div>
      <AttachmentNotes missingAlt={images.missingAlt} problem={images.problem} />
      {error && <FormMessage kind="error">{describeApiError(error)}</FormMessage>}
    </form>
  );
}
