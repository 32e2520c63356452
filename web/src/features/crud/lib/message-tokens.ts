/**
 * Splits a crud's text into plain text, links, @mentions and #hashtags for rendering. Only
 * `http:` and `https:` URLs become links: anything else (`javascript:`, `data:`, `vbscript:`) stays
 * text, so a crud can never carry script into someone's click.
 */
import { tokenize } from '../../../../../definitions/text-tokens.ts';

export type MessageToken =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; handle: string }
  | { kind: 'hashtag'; text: string; tag: string };

// URLs first (a `#fragment` or `@` inside a URL belongs to the URL); the rest is split by the
// tokenizer the server indexes with (definitions/text-tokens.ts), so a tag links to its page.
const URL_PATTERN = /https?:\/\/[^\s<>"]+/giu;
// Sentence punctuation after a URL is almost never part of it ("see https://x.com.").
const TRAILING = /[.,;:!?'")\]}>…]+$/u;

/** The URL as a link target when it is a well-formed http(s) URL, else null. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The tokens of NFC `text`, in order; concatenating their `text` gives back `text` exactly. */
export function tokenizeMessage(text: string): MessageToken[] {
  const out: MessageToken[] = [];
  const pushText = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  const pushWords = (t: string) => {
    for (const seg of tokenize(t)) {
      if (seg.kind === 'text') pushText(seg.text);
      else if (seg.kind === 'mention') out.push({ kind: 'mention', text: seg.text, handle: seg.value ?? '' });
      else out.push({ kind: 'hashtag', text: seg.text, tag: seg.value ?? '' });
    }
  };
  let at = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    const start = m.index;
    pushWords(text.slice(at, start));
    const trail = TRAILING.exec(m[0])?.[0] ?? '';
    const raw = m[0].slice(0, m[0].length - trail.length);
    at = start + m[0].length;
    const href = safeHref(raw);
    if (href) out.push({ kind: 'link', text: raw, href });
    else pushText(raw);
    pushText(trail);
  }
  pushWords(text.slice(at));
  return out;
}
