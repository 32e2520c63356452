/** The "@partial" being typed at the caret: where its "@" is and the handle prefix after it. */
export interface MentionAtCaret {
  /** Index of the "@". */
  start: number;
  /** What follows the "@" up to the caret (handle characters only; may be empty). */
  query: string;
}

const HANDLE_CHAR = /[A-Za-z0-9_]/;

/**
 * The mention the caret is in, or null. An "@" counts at the start of the text or after a
 * character that cannot be part of a handle — the server's mention rule (resolvers/lib/text.ts),
 * so `a@b` (an address) never opens suggestions.
 */
export function mentionAtCaret(text: string, caret: number): MentionAtCaret | null {
  let i = caret;
  while (i > 0 && HANDLE_CHAR.test(text[i - 1])) i -= 1;
  if (i === 0 || text[i - 1] !== '@') return null;
  const at = i - 1;
  if (at > 0 && (HANDLE_CHAR.test(text[at - 1]) || text[at - 1] === '@')) return null;
  const query = text.slice(i, caret);
  // Handles are at most 20 characters (definitions/handle.ts): longer is not a mention being typed.
  if (query.length > 20) return null;
  return { start: at, query };
}

/** `text` with the mention at `m` replaced by `@handle ` and the caret after it. */
export function insertMention(text: string, m: MentionAtCaret, handle: string): { text: string; caret: number } {
  const end = m.start + 1 + m.query.length;
  const rest = text.slice(end);
  const inserted = `@${handle}${rest.startsWith(' ') ? '' : ' '}`;
  return { text: text.slice(0, m.start) + inserted + rest, caret: m.start + inserted.length + (rest.startsWith(' ') ? 1 : 0) };
}
