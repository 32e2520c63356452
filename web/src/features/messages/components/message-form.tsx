import { type FormEvent } from 'react';
import { useDraft } from '../../../lib/drafts/use-draft.ts';
import { MentionTextarea } from '../../../components/ui/mention-textarea.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { CharCounter, isSendable } from '../../../components/ui/char-counter.tsx';
import { TEXT_LIMITS } from '../../../../../definitions/text.ts';
import { FormMessage } from '../../../components/ui/states.tsx';

/** A direct message is 1–1024 characters (code points) after trimming; definitions/text.ts. */
export const MESSAGE_LIMIT = TEXT_LIMITS.message;

/**
 * The message box: 1024 counter, Enter (and Ctrl/Cmd+Enter) sends, Shift+Enter breaks the line;
 * the draft is kept per conversation (`draftKey`) across reloads until it is sent.
 */
export function MessageForm({ draftKey, onSend, busy, error }: { draftKey: string; onSend(body: string): Promise<boolean>; busy: boolean; error?: string }) {
  const [text, setText, clearDraft] = useDraft(draftKey);
  const valid = isSendable(text, MESSAGE_LIMIT);

  async function submit() {
    if (!valid || busy) return;
    if (await onSend(text.trim())) clearDraft();
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit();
  }

  return (
    <form className="composer message-form" onSubmit={onSubmit} aria-label="Send a message">
      <MentionTextarea
        label="Message"
        hideLabel
        id="message-text"
        rows={2}
        placeholder="Send a direct message…"
        value={text}
        aria-describedby="message-count"
        onValueChange={setText}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <div className="composer-bar">
        <CharCounter id="message-count" text={text} limit={MESSAGE_LIMIT} />
        <Button type="submit" busy={busy} disabled={!valid}>
          Send
        </Button>
      </div>
      {error && <FormMessage kind="error">{error}</FormMessage>}
    </form>
  );
}
