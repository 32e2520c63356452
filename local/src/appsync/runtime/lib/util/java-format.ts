/**
 * A subset of java.time.format.DateTimeFormatter patterns (Locale.US), which util.time uses for
 * nowFormatted / epochMilliSecondsToFormatted / parseFormattedToEpochMilliSeconds.
 * Supported letters: G u y D M L d Q q E e c a h K k H m s S A n N V z O X x Z and 'quoted' text.
 */
import { normalizeZone, offsetMinutes, wallToEpoch, zoneName } from './zones.ts';

export type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LETTERS = 'GuyDMLdQqEecahKkHmsSAnNVzOXxZ';

export function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") { tokens.push({ kind: 'literal', text: "'" }); i += 2; continue; }
      // Quoted text runs to the next lone quote; a doubled quote inside stands for one quote.
      let j = i + 1;
      let literal = '';
      for (;;) {
        if (j >= pattern.length) throw new Error(`Pattern ends with an incomplete string literal: ${pattern}`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") { literal += "'"; j += 2; continue; }
          break;
        }
        literal += pattern[j];
        j += 1;
      }
      tokens.push({ kind: 'literal', text: literal });
      i = j + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      if (!LETTERS.includes(ch)) throw new Error(`Unknown pattern letter: ${ch}`);
      let j = i;
      while (pattern[j] === ch) j += 1;
      tokens.push({ kind: 'field', letter: ch, count: j - i });
      i = j;
    } else if (ch === '[' || ch === ']') {
      i += 1; // optional sections: always formatted, optional when parsing is not modelled
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i += 1;
    }
  }
  return tokens;
}

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

function offsetText(minutes: number, colon: boolean, withMinutes: 'always' | 'ifNonZero'): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (withMinutes === 'ifNonZero' && abs % 60 === 0) return `${sign}${hh}`;
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
}

interface Fields { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number; dow: number; doy: number; offset: number; zone: string; epoch: number }

function fieldsAt(epochMs: number, zone: string): Fields {
  const offset = offsetMinutes(zone, epochMs);
  const d = new Date(epochMs + offset * 60000);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), dow: d.getUTCDay(), doy: Math.floor((d.getTime() - startOfYear) / 86400000) + 1,
    offset, zone, epoch: epochMs,
  };
}

function text(full: string, count: number): string {
  if (count === 4) return full;
  if (count === 5) return full[0];
  return full.slice(0, 3);
}

function formatField(f: Fields, letter: string, count: number): string {
  switch (letter) {
    case 'G': return count === 4 ? (f.year > 0 ? 'Anno Domini' : 'Before Christ') : count === 5 ? (f.year > 0 ? 'A' : 'B') : (f.year > 0 ? 'AD' : 'BC');
    case 'u': case 'y': {
      const y = letter === 'y' && f.year <= 0 ? 1 - f.year : f.year;
      if (count === 2) return pad(((y % 100) + 100) % 100, 2);
      const s = pad(y, count);
      return count >= 4 && y > 9999 ? `+${s}` : s;
    }
    case 'D': return pad(f.doy, count);
    case 'M': case 'L': return count <= 2 ? pad(f.month, count) : text(MONTHS[f.month - 1], count);
    case 'd': return pad(f.day, count);
    case 'Q': case 'q': {
      const q = Math.floor((f.month - 1) / 3) + 1;
      return count <= 2 ? pad(q, count) : count === 3 ? `Q${q}` : `${['1st', '2nd', '3rd', '4th'][q - 1]} quarter`;
    }
    case 'E': return text(DAYS[f.dow], count);
    case 'e': case 'c': return count <= 2 ? pad(f.dow + 1, count) : text(DAYS[f.dow], count);
    case 'a': return f.hour < 12 ? 'AM' : 'PM';
    case 'h': return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'K': return pad(f.hour % 12, count);
    case 'k': return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'H': return pad(f.hour, count);
    case 'm': return pad(f.minute, count);
    case 's': return pad(f.second, count);
    case 'S': return pad(f.ms, 3).padEnd(Math.max(count, 3), '0').slice(0, count);
    case 'A': return pad(((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.ms, count);
    case 'n': return pad(f.ms * 1_000_000, count);
    case 'N': return pad((((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.ms) * 1_000_000, count);
    case 'V': return normalizeZone(f.zone) === 'UTC' ? 'UTC' : f.zone;
    case 'z': return zoneName(f.zone, f.epoch, count === 4 ? 'long' : 'short');
    case 'O': return f.offset === 0 ? 'GMT' : `GMT${count === 4 ? offsetText(f.offset, true, 'always') : offsetText(f.offset, true, 'ifNonZero').replace(/^([+-])0(\d)/, '$1$2')}`;
    case 'X': case 'x': {
      if (letter === 'X' && f.offset === 0) return 'Z';
      if (count === 1) return offsetText(f.offset, false, 'ifNonZero');
      return offsetText(f.offset, count === 3 || count === 5, 'always');
    }
    case 'Z':
      if (count <= 3) return offsetText(f.offset, false, 'always');
      if (count === 4) return f.offset === 0 ? 'GMT' : `GMT${offsetText(f.offset, true, 'always')}`;
      return f.offset === 0 ? 'Z' : offsetText(f.offset, true, 'always');
    default: throw new Error(`Unsupported pattern letter: ${letter}`);
  }
}

export function formatEpoch(epochMs: number, pattern: string, zone = 'UTC'): string {
  const f = fieldsAt(epochMs, zone);
  return tokenize(pattern).map((t) => (t.kind === 'literal' ? t.text : formatField(f, t.letter, t.count))).join('');
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const numeric = (count: number, max: number): string => (count === 1 ? `(\\d{1,${max}})` : `(\\d{${count}})`);

function parseRe(letter: string, count: number): string {
  switch (letter) {
    case 'u': case 'y': return count === 2 ? '(\\d{2})' : count >= 4 ? '([+-]?\\d{4,9})' : '([+-]?\\d{1,9})';
    case 'M': case 'L': return count <= 2 ? numeric(count, 2) : `(${MONTHS.map((m) => escapeRe(count === 3 ? m.slice(0, 3) : m)).join('|')})`;
    case 'd': case 'H': case 'h': case 'k': case 'K': case 'm': case 's': return numeric(count, 2);
    case 'D': return numeric(count, 3);
    case 'S': return `(\\d{${count}})`;
    case 'E': return `(${DAYS.map((d) => (count === 4 ? d : d.slice(0, 3))).join('|')})`;
    case 'a': return '(AM|PM|am|pm)';
    case 'G': return '(AD|BC)';
    case 'X': return '(Z|[+-]\\d{2}(?::?\\d{2})?)';
    case 'x': case 'Z': return '(Z|GMT|[+-]\\d{2}(?::?\\d{2})?|GMT[+-]\\d{2}:\\d{2})';
    case 'V': case 'z': return '([A-Za-z_/+-]+(?:\\d{1,2}(?::\\d{2})?)?)';
    case 'O': return '(GMT(?:[+-]\\d{1,2}(?::\\d{2})?)?)';
    default: return '(\\d+)';
  }
}

function parseOffset(text: string): number {
  if (text === 'Z' || text === 'GMT') return 0;
  const m = /^(?:GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(text);
  if (!m) throw new Error(`Invalid offset: ${text}`);
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** Parses `text` with a Java pattern; fields the pattern lacks default to their epoch value. */
export function parseToEpoch(text: string, pattern: string, zone = 'UTC'): number {
  const tokens = tokenize(pattern);
  const re = new RegExp(`^${tokens.map((t) => (t.kind === 'literal' ? escapeRe(t.text) : parseRe(t.letter, t.count))).join('')}$`);
  const m = re.exec(String(text));
  if (!m) throw new Error(`Text '${text}' could not be parsed with pattern '${pattern}'`);
  let year = 1970; let month = 1; let day = 1; let hour = 0; let minute = 0; let second = 0; let ms = 0;
  let pm: boolean | null = null; let offset: number | null = null; let parsedZone: string | null = null;
  let group = 1;
  for (const t of tokens) {
    if (t.kind === 'literal') continue;
    const v = m[group];
    group += 1;
    switch (t.letter) {
      case 'u': case 'y': year = t.count === 2 ? 2000 + Number(v) : Number(v); break;
      case 'M': case 'L': month = t.count <= 2 ? Number(v) : MONTHS.findIndex((n) => n.startsWith(v)) + 1; break;
      case 'd': day = Number(v); break;
      case 'D': day = Number(v); month = 1; break;
      case 'H': case 'k': hour = Number(v) % 24; break;
      case 'h': case 'K': hour = Number(v) % 12; break;
      case 'a': pm = v.toUpperCase() === 'PM'; break;
      case 'm': minute = Number(v); break;
      case 's': second = Number(v); break;
      case 'S': ms = Math.floor(Number(`0.${v}`) * 1000 + 1e-6); break;
      case 'X': case 'x': case 'Z': case 'O': offset = parseOffset(v); break;
      case 'V': case 'z': parsedZone = v; break;
      default: break;
    }
  }
  if (pm !== null && pm) hour += 12;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`Text '${text}' could not be parsed: field value out of range`);
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (offset !== null) return wall - offset * 60000;
  return wallToEpoch(parsedZone ?? zone, wall);
}
