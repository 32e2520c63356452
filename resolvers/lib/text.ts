/**
 * Server-side parsing of `#hashtags` and `@mentions`. APPSYNC_JS has no regex literals (and
 * util.matches is whole-string), so this is a small character scanner: a marker counts only at
 * the start or after a character that cannot be part of a word (so `a@b.com` is no mention),
 * and the token is the following run of ASCII letters, digits and `_`.
 */
const WORD_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_';

/** At most this many tags and mentions are indexed per crud; a 240-character crud rarely has more. */
export const MAX_TOKENS = 10;
const MAX_TOKEN_LENGTH = 50;

function isWordChar(ch: string): boolean {
  return ch.length > 0 && WORD_CHARS.indexOf(ch.toLowerCase()) >= 0;
}

/** Distinct lower-case tokens following `marker` (`#` or `@`), in order of first appearance. */
export function extractTokens(text: string, marker: string): string[] {
  const chars = text.split('');
  const found: string[] = [];
  let current: string | null = null;
  let prev = '';
  chars.forEach((ch) => {
    if (current !== null) {
      if (isWordChar(ch) && current.length < MAX_TOKEN_LENGTH) {
        current = current + ch.toLowerCase();
        prev = ch;
        return;
      }
      if (current.length > 0 && found.indexOf(current) < 0) found.push(current);
      current = null;
    }
    if (ch === marker && !isWordChar(prev) && prev !== marker) current = '';
    prev = ch;
  });
  if (current !== null && (current as string).length > 0 && found.indexOf(current) < 0) found.push(current);
  return found.slice(0, MAX_TOKENS);
}

export const hashtagsOf = (text: string): string[] => extractTokens(text, '#');
export const mentionsOf = (text: string): string[] => extractTokens(text, '@');

/** A hashtag argument as users type it (`#Cloud`, `cloud`) in its stored form, or '' if invalid. */
export function normalizeTag(tag: string): string {
  const t = tag.trim().toLowerCase();
  const body = t.charAt(0) === '#' ? t.slice(1) : t;
  const ok = body.length > 0 && body.length <= MAX_TOKEN_LENGTH && body.split('').every((ch) => isWordChar(ch));
  return ok ? body : '';
}
