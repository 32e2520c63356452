/**
 * util.xml.toMap / toJsonString. AppSync's documented examples (developer guide, "XML helpers in
 * util.xml") match the org.json XML → JSON convention, which this follows: repeated siblings
 * accumulate into an array, attributes become keys, text beside attributes or children is
 * `content`, trimmed text is typed (numbers without leading zeros, true/false, null), an empty
 * element is "", CDATA stays a string, declarations, comments and processing instructions are
 * skipped. Hand-written rather than a parser dependency: that convention would need a translation
 * pass over any library's tree anyway, and this code runs in every resolver's sandbox.
 * Iterative, so deep nesting cannot overflow the stack.
 */
import { refuse } from './code-error.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = Record<string, Json>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? whole;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** org.json's typing of text: no octal-looking leading zeros, BigDecimal-style decimals. */
export function typed(s: string): Json {
  if (s === '') return s;
  const lower = s.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (/^-?(0|[1-9]\d*)$/.test(s)) return Number(s);
  if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) && /[.eE]/.test(s)) {
    const n = Number(s);
    if (Number.isFinite(n)) return n;
  }
  return s;
}

function accumulate(o: Obj, key: string, value: Json): void {
  if (!(key in o)) o[key] = value;
  else if (Array.isArray(o[key])) (o[key] as Json[]).push(value);
  else o[key] = [o[key], value];
}

/** What an element contributes to its parent: "", its lone content, or its object. */
function collapse(o: Obj): Json {
  const keys = Object.keys(o);
  if (keys.length === 0) return '';
  if (keys.length === 1 && keys[0] === 'content') return o.content;
  return o;
}

// Sticky (y) patterns match at lastIndex, so scanning never copies the rest of the text.
const NAME = /[^\s/>=]+/y;
const ATTRIBUTE = /\s*([^\s/>=]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s/>]+))?/y;
const TAG_END = /\s*(\/?)>/y;

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

function skip(xml: string, i: number, end: string): number {
  const at = xml.indexOf(end, i);
  if (at < 0) refuse(`Unable to parse XML: unclosed ${end === '-->' ? 'comment' : 'declaration'}`);
  return at + end.length;
}

/** Converts XML text to an object (util.xml.toMap). Malformed XML is refused with a message. */
export function toMap(xml: unknown): Obj {
  const text = String(xml ?? '');
  const root: Obj = {};
  const stack: { name: string; obj: Obj }[] = [];
  const current = () => (stack.length ? stack[stack.length - 1].obj : root);
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = (lt < 0 ? text.slice(i) : text.slice(i, lt)).trim();
    if (chunk && stack.length) accumulate(current(), 'content', typed(decode(chunk)));
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) { i = skip(text, lt, '-->'); continue; }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = skip(text, lt, ']]>');
      const data = text.slice(lt + 9, end - 3);
      if (data && stack.length) accumulate(current(), 'content', data);
      i = end;
      continue;
    }
    if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) { i = skip(text, lt, '>'); continue; }
    if (text[lt + 1] === '/') {
      const gt = skip(text, lt, '>');
      const name = text.slice(lt + 2, gt - 1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) refuse(`Unable to parse XML: mismatched ${open?.name ?? 'nothing'} and ${name}`);
      accumulate(current(), name, collapse(open.obj));
      i = gt;
      continue;
    }
    const name = at(NAME, text, lt + 1)?.[0];
    if (!name) refuse('Unable to parse XML: misshaped element');
    let j = lt + 1 + name.length;
    const attrs: Obj = {};
    for (;;) {
      const m = at(ATTRIBUTE, text, j);
      if (!m) break;
      const raw = m[2] ?? '';
      accumulate(attrs, m[1], typed(decode(/^["']/.test(raw) ? raw.slice(1, -1) : raw)));
      j += m[0].length;
    }
    const rest = at(TAG_END, text, j);
    if (!rest) refuse(`Unable to parse XML: misshaped tag ${name}`);
    i = j + rest[0].length;
    if (rest[1]) accumulate(current(), name, collapse(attrs));
    else stack.push({ name, obj: attrs });
  }
  if (stack.length) refuse(`Unable to parse XML: unclosed tag ${stack[stack.length - 1].name}`);
  return root;
}

/** util.xml.toJsonString: toMap as JSON text; with `stringEncode`, that text JSON-encoded again. */
export function toJsonString(xml: unknown, stringEncode?: unknown): string {
  const json = JSON.stringify(toMap(xml));
  return stringEncode === true ? JSON.stringify(json) : json;
}
