/**
 * Splits a crud's text into plain text, links, @mentions and #hashtags for rendering. Only
 * `http:` and `https:` URLs become links: anything else (`javascript:`, `data:`, `vbscript:`) stays
 * text, so a crud can never carry script into someone's click.
 */
export type MessageToken =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; handle: string }
  | { kind: 'hashtag'; text: string; tag: string };

// URLs first (a `#fragment` or `@` inside a URL belongs to the URL), then the token shapes the
// server parses: mentions are handles, hashtags letters/digits/_.
const TOKEN = /(https?:\/\/[^\s<>"]+|[#＃][\p{L}\p{N}_]+|@[A-Za-z0-9_]+)/giu;
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

/** The tokens of `text`, in order; concatenating their `text` gives back `text` exactly. */
export function tokenizeMessage(text: string): MessageToken[] {
  const out: MessageToken[] = [];
  const pushText = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    let raw = m[0];
    pushText(text.slice(at, start));
    at = start + raw.length;
    if (/^https?:/i.test(raw)) {
      const trail = TRAILING.exec(raw)?.[0] ?? '';
      raw = raw.slice(0, raw.length - trail.length);
      const href = safeHref(raw);
      if (href) out.push({ kind: 'link', text: raw, href });
      else pushText(raw);
      pushText(trail);
    } else if (raw.startsWith('@')) {
      // "a@b.com" is an address, not a mention (the server's rule too).
      if (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1])) pushText(raw);
      else out.push({ kind: 'mention', text: raw, handle: raw.slice(1) });
    } else {
      out.push({ kind: 'hashtag', text: raw, tag: raw.slice(1).toLowerCase() });
    }
  }
  pushText(text.slice(at));
  return out;
}
