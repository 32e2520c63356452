/**
 * `#café` and `@ana` in a text, as the server indexes them (hashtag extraction on write, the
 * hashtag page's argument on read) and the web app links them: one tokenizer for all three.
 * Tokens are runs of Unicode letters, digits (with their combining marks) and `_`, case-folded
 * with toLowerCase. Every function here expects NFC text: the caller normalises first (resolvers
 * with util.str.normalize(s, 'nfc'), the web app and Lambdas with String.prototype.normalize('NFC')),
 * so a composed and a decomposed "é" give one tag. Written in the APPSYNC_JS subset (see text.ts).
 */
import { codePoints, inRanges } from './text.ts';

/** At most this many tags and mentions are indexed per crud; a 240-character crud rarely has more. */
export const MAX_TOKENS = 10;
/** Longest tag or mention, in code points. */
export const MAX_TOKEN_LENGTH = 50;

/**
 * Letters of scripts without case (so `toLowerCase() === toUpperCase()`), digits and combining
 * marks. Cased letters (Latin, Greek, Cyrillic, Armenian, …) are recognised by having a case.
 */
const UNCASED_WORD: Array<[string, string]> = [
  ['0', '9'],
  ['_', '_'],
  ['\u00AA', '\u00AA'], ['\u00BA', '\u00BA'], // ordinal indicators
  ['\u0300', '\u036F'], // combining diacritical marks
  ['\u0483', '\u0489'], // Cyrillic combining marks
  ['\u0591', '\u05C7'], ['\u05D0', '\u05F2'], // Hebrew marks and letters
  ['\u0610', '\u061A'], ['\u0620', '\u0669'], ['\u066E', '\u06D3'], ['\u06D5', '\u06DC'], ['\u06DF', '\u06E8'], ['\u06EA', '\u06FC'], // Arabic
  ['\u0900', '\u0963'], ['\u0966', '\u0DFF'], // Devanagari … Sinhala (the dandas 0964–0965 are punctuation)
  ['\u0E01', '\u0E3A'], ['\u0E40', '\u0E4E'], ['\u0E50', '\u0E59'], ['\u0E81', '\u0EDF'], // Thai, Lao
  ['\u1100', '\u11FF'], ['\u3131', '\u318E'], ['\uAC00', '\uD7A3'], // Hangul
  ['\u3005', '\u3007'], ['\u3041', '\u3096'], ['\u3099', '\u309F'], ['\u30A1', '\u30FF'], // kana, iteration marks
  ['\u3400', '\u4DBF'], ['\u4E00', '\u9FFF'], ['\uF900', '\uFAFF'], // CJK ideographs
  ['\uFF10', '\uFF19'], // full-width digits
  ['\u{20000}', '\u{2FA1F}'], // CJK ideographs, supplementary planes
];

/** True when the code point `cp` may be part of a tag or mention. */
export function isTokenChar(cp: string): boolean {
  if (cp === '') return false;
  return cp.toLowerCase() !== cp.toUpperCase() || inRanges(cp, UNCASED_WORD);
}

/** The markers that start a token (ASCII and full-width). */
const MARKERS: Record<string, 'hashtag' | 'mention'> = { '#': 'hashtag', '\uFF03': 'hashtag', '@': 'mention', '\uFF20': 'mention' };

/** A piece of a text: plain, or a tag or mention with its folded value (no marker). */
export interface TextSegment {
  kind: 'text' | 'hashtag' | 'mention';
  /** The text as written (with the marker for tokens). */
  text: string;
  /** Tokens only: NFC, lower-cased, without the marker (`café`); the stored and linked form. */
  value?: string;
}

/**
 * Splits NFC `text` into plain runs, `#tags` and `@mentions`. A marker counts at the start or after
 * a character that cannot be part of a token (so `a@b.com`, `C#` and `##x` hold none), and the
 * token runs while characters may be part of one, up to MAX_TOKEN_LENGTH.
 */
export function tokenize(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let plain = '';
  let kind: 'hashtag' | 'mention' | null = null;
  let raw = '';
  let value: string[] = [];
  let prev = '';
  const close = () => {
    if (value.length > 0) {
      if (plain !== '') out.push({ kind: 'text', text: plain });
      out.push({ kind: kind as 'hashtag' | 'mention', text: raw, value: value.join('') });
      plain = '';
    } else {
      plain = plain + raw;
    }
    kind = null;
  };
  codePoints(text).forEach((cp) => {
    if (kind !== null) {
      if (isTokenChar(cp) && value.length < MAX_TOKEN_LENGTH) {
        raw = raw + cp;
        value.push(cp.toLowerCase());
        prev = cp;
        return;
      }
      close();
    }
    const marker = MARKERS[cp];
    if (marker !== undefined && !isTokenChar(prev) && MARKERS[prev] === undefined) {
      kind = marker;
      raw = cp;
      value = [];
    } else {
      plain = plain + cp;
    }
    prev = cp;
  });
  if (kind !== null) close();
  if (plain !== '') out.push({ kind: 'text', text: plain });
  return out;
}

/** Distinct folded tokens of one kind in NFC `text`, in order of first appearance, at most MAX_TOKENS. */
export function tokensOf(text: string, kind: 'hashtag' | 'mention'): string[] {
  const found: string[] = [];
  tokenize(text).forEach((s) => {
    if (s.kind === kind && found.indexOf(s.value as string) < 0) found.push(s.value as string);
  });
  return found.slice(0, MAX_TOKENS);
}

/** A tag as people type it (`#Café`, `café`; NFC) in its stored form, or '' when it is no tag. */
export function foldTag(tag: string): string {
  const cps = codePoints(tag.trim());
  const body = cps.length > 0 && MARKERS[cps[0]] === 'hashtag' ? cps.slice(1) : cps;
  const ok = body.length > 0 && body.length <= MAX_TOKEN_LENGTH && body.every((cp) => isTokenChar(cp));
  return ok ? body.map((cp) => cp.toLowerCase()).join('') : '';
}
