import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useReplyToCrudMutation } from '../../../graphql/operations.ts';
import type { CrudFieldsFragment } from '../../../graphql/types.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextArea } from '../../../components/ui/field.tsx';
import { CharCounter, isSendable } from '../../../components/ui/char-counter.tsx';
import { TEXT_LIMITS } from '../../../../../definitions/text.ts';
import { FormMessage } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';

/** Replies are cruds: 1–240 characters (code points) after trimming; definitions/text.ts. */
export const REPLY_LIMIT = TEXT_LIMITS.crud;

/** The reply box on a crud's page; blocks empty and over-limit replies. */
export function ReplyForm({ crudId, autoFocus, onReplied }: { crudId: string; autoFocus?: boolean; onReplied(reply: CrudFieldsFragment): void }) {
  const [text, setText] = useState('');
  const { mutate, loading, error } = useReplyToCrudMutation();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  const valid = isSendable(text, REPLY_LIMIT);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!valid) return;
    try {
      const { replyToCrud } = await mutate({ crudId, message: text.trim() });
      setText('');
      onReplied(replyToCrud);
    } catch {
      // shown from `error`
    }
  }

  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Reply">
      <TextArea
        label="Your reply"
        hideLabel
        id={`reply-${crudId}`}
        ref={ref}
        placeholder="What is your reply?"
        value={text}
        rows={3}
        aria-describedby={`reply-${crudId}-count`}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="composer-bar">
        <CharCounter id={`reply-${crudId}-count`} text={text} limit={REPLY_LIMIT} />
        <Button type="submit" busy={loading} disabled={!valid}>
          Reply
        </Button>
      </div>
      {error && <FormMessage kind="error">{describeApiError(error)}</FormMessage>}
    </form>
  );
}
