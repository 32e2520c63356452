import { useId, useRef, useState, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { insertMention, mentionAtCaret, type MentionAtCaret } from '../../lib/people-search/mention-at-caret.ts';
import { usePeopleSuggestions } from '../../lib/people-search/use-people-suggestions.ts';
import { moveActive, SuggestionList, type Suggestion } from './suggestion-list.tsx';
import { TextArea } from './field.tsx';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  /** The field's label (see TextArea); `hideLabel` keeps it for assistive technology only. */
  label: string;
  hideLabel?: boolean;
  value: string;
  onValueChange(value: string): void;
};

/**
 * A textarea that suggests people while an @mention is typed (composer, reply, message): arrows
 * move, Enter or Tab inserts `@handle `, Escape closes. While suggestions show, Enter belongs to
 * them, so it never sends a half-typed mention; otherwise keys go to the caller's onKeyDown.
 */
export function MentionTextarea({ label, hideLabel, value, onValueChange, onKeyDown, ...rest }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [mention, setMention] = useState<MentionAtCaret | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const people = usePeopleSuggestions(mention?.query ?? '', { handlesOnly: true });
  const open = mention !== null && dismissed !== mention.start && people.length > 0;

  function track(el: HTMLTextAreaElement) {
    const m = el.selectionStart === el.selectionEnd ? mentionAtCaret(el.value, el.selectionStart) : null;
    setMention((prev) => (prev?.start === m?.start && prev?.query === m?.query ? prev : m));
    if (m?.start !== mention?.start) setActive(0);
  }

  function choose(u: Suggestion) {
    if (!mention) return;
    const next = insertMention(value, mention, u.handle);
    onValueChange(next.text);
    setMention(null);
    requestAnimationFrame(() => ref.current?.setSelectionRange(next.caret, next.caret));
  }

  function keyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (open && !e.nativeEvent.isComposing) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => moveActive(a, people.length, e.key as 'ArrowDown' | 'ArrowUp'));
        return;
      }
      if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
        e.preventDefault();
        choose(people[Math.min(active, people.length - 1)]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(mention.start);
        return;
      }
    }
    onKeyDown?.(e);
  }

  return (
    <div className="mention-field">
      <TextArea
        {...rest}
        label={label}
        hideLabel={hideLabel}
        ref={ref}
        value={value}
        // A textbox with a listbox popup (aria-autocomplete + aria-activedescendant); it keeps the
        // textbox role so its name and role never change under a screen reader mid-sentence.
        aria-controls={open ? listId : undefined}
        aria-autocomplete={open ? 'list' : undefined}
        aria-activedescendant={open ? `${listId}-${Math.min(active, people.length - 1)}` : undefined}
        onChange={(e) => {
          onValueChange(e.target.value);
          track(e.target);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onBlur={() => setMention(null)}
        onKeyDown={keyDown}
      />
      {open && <SuggestionList id={listId} label="People to mention" items={people} active={Math.min(active, people.length - 1)} onChoose={choose} />}
    </div>
  );
}
