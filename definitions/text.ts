/**
 * What a character is, how many each kind of text may hold, and when text is blank: declared once
 * for the resolvers (bundled into APPSYNC_JS) and every counter of the web app, so the number a
 * person sees is the number the server enforces (docs/decisions/017-one-definition-of-a-character.md).
 *
 * A character is a Unicode code point. This file is written in the APPSYNC_JS subset: no regex,
 * no `for(;;)`/`while`, no `++`, and no `charCodeAt`/`String.fromCharCode` (not implemented there;
 * `codePointAt` is avoided too, so nothing rests on a method whose support is unconfirmed).
 * Code points are compared as strings instead: UTF-16 order is code point order inside each range
 * below, none of which straddles the surrogate block.
 */

/** Most characters (code points, after trimming) each text may hold. */
export const TEXT_LIMITS = {
  crud: 240,
  message: 1024,
  bio: 160,
  displayName: 50,
} as const;

/** Why a text cannot be stored; `null` when it can. */
export type TextProblem = 'blank' | 'too-long' | 'malformed' | 'control' | null;

/** The verdict of checkText. */
export interface TextCheck {
  /** The text as it would be stored: trimmed of leading and trailing whitespace. */
  text: string;
  problem: TextProblem;
}

const HIGH_FIRST = '\uD800';
const HIGH_LAST = '\uDBFF';
const LOW_FIRST = '\uDC00';
const LOW_LAST = '\uDFFF';

const isHighSurrogate = (unit: string): boolean => unit >= HIGH_FIRST && unit <= HIGH_LAST;
const isLowSurrogate = (unit: string): boolean => unit >= LOW_FIRST && unit <= LOW_LAST;

/**
 * Code points that render nothing on their own: whitespace, controls, zero-width and format
 * characters, fillers and variation selectors. Text made only of these is blank. Inside visible
 * text they stay (ZWJ builds emoji sequences, ZWNJ shapes Persian, bidi marks order mixed text).
 */
const INVISIBLE: Array<[string, string]> = [
  ['\u0000', '\u0020'], // C0 controls (incl. NUL, tab, line breaks) and space
  ['\u007F', '\u00A0'], // DEL, C1 controls (incl. NEL), no-break space
  ['\u00AD', '\u00AD'], // soft hyphen
  ['\u034F', '\u034F'], // combining grapheme joiner
  ['\u061C', '\u061C'], // Arabic letter mark
  ['\u115F', '\u1160'], // Hangul choseong and jungseong fillers
  ['\u1680', '\u1680'], // Ogham space mark
  ['\u17B4', '\u17B5'], // Khmer inherent vowels
  ['\u180B', '\u180F'], // Mongolian variation selectors and vowel separator
  ['\u2000', '\u200F'], // en quad … hair space, ZWSP, ZWNJ, ZWJ, LRM, RLM
  ['\u2028', '\u202F'], // line and paragraph separators, bidi embeddings, narrow no-break space
  ['\u205F', '\u206F'], // medium math space, word joiner, invisible operators, bidi isolates
  ['\u2800', '\u2800'], // braille pattern blank
  ['\u3000', '\u3000'], // ideographic space
  ['\u3164', '\u3164'], // Hangul filler
  ['\uFE00', '\uFE0F'], // variation selectors
  ['\uFEFF', '\uFEFF'], // zero-width no-break space (BOM)
  ['\uFFA0', '\uFFA0'], // halfwidth Hangul filler
  ['\uFFF9', '\uFFFB'], // interlinear annotation controls
  ['\u{13430}', '\u{1343F}'], // Egyptian hieroglyph format controls
  ['\u{1BCA0}', '\u{1BCA3}'], // shorthand format controls
  ['\u{1D173}', '\u{1D17A}'], // musical symbol format controls
  ['\u{E0000}', '\u{E0FFF}'], // tags and variation selectors supplement
];

/**
 * Controls refused anywhere in a text: C0 except tab and line breaks, DEL and C1. They have no
 * place in a post, and NUL in particular breaks C-string consumers downstream.
 */
const CONTROLS: Array<[string, string]> = [
  ['\u0000', '\u0008'],
  ['\u000B', '\u000C'],
  ['\u000E', '\u001F'],
  ['\u007F', '\u009F'],
];

/** True when `cp` falls in one of `ranges` (inclusive; code points compared as strings). */
export function inRanges(cp: string, ranges: Array<[string, string]>): boolean {
  return ranges.some((r) => cp >= r[0] && cp <= r[1]);
}

/** True when the code point `cp` renders nothing on its own. */
export const isInvisible = (cp: string): boolean => inRanges(cp, INVISIBLE);

/**
 * The code points of `text`, each as a one- or two-unit string; a lone surrogate comes out on
 * its own as one unit (and counts as one character).
 */
export function codePoints(text: string): string[] {
  const out: string[] = [];
  let high = '';
  text.split('').forEach((unit) => {
    if (high !== '' && isLowSurrogate(unit)) {
      out.push(high + unit);
      high = '';
      return;
    }
    if (high !== '') out.push(high);
    high = isHighSurrogate(unit) ? unit : '';
    if (high === '') out.push(unit);
  });
  if (high !== '') out.push(high);
  return out;
}

/** Characters in `text` as Cruddur counts them: code points, so 😀 is one and 👨‍👩‍👧‍👦 is seven. */
export function charCount(text: string): number {
  return codePoints(text).length;
}

/**
 * The first `max` characters of `text` (a preview): cut between code points, never inside a
 * surrogate pair, so a preview of well-formed text is well-formed.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return codePoints(text.slice(0, max * 2)).slice(0, max).join('');
}

/**
 * Trims `value` and says whether it may be stored as a text of at most `max` characters:
 * not blank once invisible characters are set aside, well-formed UTF-16 (no lone surrogate),
 * free of control characters other than tab and line breaks, and not over the limit.
 */
export function checkText(value: string | null | undefined, max: number): TextCheck {
  const text = (value ?? '').trim();
  // Every code point is one or two UTF-16 units: past 2×max units the text is over the limit
  // for certain, so a huge input is refused without being split.
  if (text.length > max * 2) return { text, problem: 'too-long' };
  const cps = codePoints(text);
  if (cps.some((cp) => cp.length === 1 && (isHighSurrogate(cp) || isLowSurrogate(cp)))) return { text, problem: 'malformed' };
  if (cps.some((cp) => inRanges(cp, CONTROLS))) return { text, problem: 'control' };
  if (cps.every((cp) => isInvisible(cp))) return { text, problem: 'blank' };
  if (cps.length > max) return { text, problem: 'too-long' };
  return { text, problem: null };
}

/** The sentence a person (or API caller) reads for a problem with `field`. */
export function textProblemMessage(field: string, problem: Exclude<TextProblem, null>, max: number): string {
  if (problem === 'blank') return `${field} must not be blank`;
  if (problem === 'too-long') return `${field} must be at most ${max} characters`;
  if (problem === 'malformed') return `${field} must be well-formed Unicode (it contains a lone surrogate)`;
  return `${field} must not contain control characters other than tab and line breaks`;
}
